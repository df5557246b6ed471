/* endpoint.h: a person's audio endpoint: the headset of an agent's seat or
 * a supervisor's, named in the config ("alsa:DEVICE"), or a telephone line
 * the core dials and keeps up ("phone:NUMBER", leg.h); also the outside
 * party of a transfer or consultation. The media tick plays
 * and captures 20 ms frames through it while it is joined to a call; a
 * device that fails (unplugged, xrun storm) is reported once, gives
 * silence, and is retried every few seconds, never stopping the call. */
#ifndef CZ_ENDPOINT_H
#define CZ_ENDPOINT_H

#include <stdint.h>
#include <jansson.h>
#include "leg.h"

struct call;
struct alsa_dev;
struct leg;

struct endpoint {
	char		*spec;		/* "alsa:plughw:CARD=Headset,DEV=0" */
	char		*owner;		/* "agent 1001", "user super" */
	struct alsa_dev	*alsa;		/* NULL while it cannot be opened */
	struct leg	*leg;		/* phone: the call that carries it */
	int		 failed;	/* reported as failed, not yet back */
	char		 error[256];
	uint64_t	 retry_at;	/* mono us */
	struct call	*call;		/* the call it is joined to */
};

/* Opens the endpoint SPEC for OWNER. Never NULL: a device that cannot be
 * opened now is reported and retried while the endpoint is in use. */
struct endpoint	*endpoint_open(const char *spec, const char *owner);
/* The outside party NUMBER as an endpoint, for a call's bridge: FN (leg.h)
 * hears when it answers and when it ends. */
struct endpoint	*endpoint_dial(const char *number, const char *owner,
		    const char *parent, leg_fn fn, void *arg);
void		 endpoint_close(struct endpoint *);
/* The endpoint is joined to CALL's bridge, or to none (NULL): media.c's
 * step, so that a line keeps what it hears only while someone listens. */
void		 endpoint_join(struct endpoint *, struct call *);
/* A new call starts on it: stale audio is dropped. */
void		 endpoint_reset(struct endpoint *);
/* One 20 ms frame each way; silence in, nothing out while failed. */
void		 endpoint_play(struct endpoint *, const int16_t *, int n);
void		 endpoint_capture(struct endpoint *, int16_t *, int n);
/* For status: {"device","status": "ok" or why not, "played",
 * "captured", "xruns", "dropped", "padded"} (20 ms frames). */
json_t		*endpoint_json(const struct endpoint *);

#endif
