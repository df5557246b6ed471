/* endpoint.h: a person's audio endpoint: the headset of an agent's seat or
 * a supervisor's, named in the config ("alsa:DEVICE"). The media tick plays
 * and captures 20 ms frames through it while it is joined to a call; a
 * device that fails (unplugged, xrun storm) is reported once, gives
 * silence, and is retried every few seconds, never stopping the call. */
#ifndef CZ_ENDPOINT_H
#define CZ_ENDPOINT_H

#include <stdint.h>
#include <jansson.h>

struct call;
struct alsa_dev;

struct endpoint {
	char		*spec;		/* "alsa:plughw:CARD=Headset,DEV=0" */
	char		*owner;		/* "agent 1001", "user super" */
	struct alsa_dev	*alsa;		/* NULL while it cannot be opened */
	int		 failed;	/* reported as failed, not yet back */
	char		 error[256];
	uint64_t	 retry_at;	/* mono us */
	struct call	*call;		/* the call it is joined to */
};

/* Opens the endpoint SPEC for OWNER. Never NULL: a device that cannot be
 * opened now is reported and retried while the endpoint is in use. */
struct endpoint	*endpoint_open(const char *spec, const char *owner);
void		 endpoint_close(struct endpoint *);
/* A new call starts on it: stale audio is dropped. */
void		 endpoint_reset(struct endpoint *);
/* One 20 ms frame each way; silence in, nothing out while failed. */
void		 endpoint_play(struct endpoint *, const int16_t *, int n);
void		 endpoint_capture(struct endpoint *, int16_t *, int n);
/* For status: {"device","status": "ok" or why not, "played",
 * "captured", "xruns", "dropped", "padded"} (20 ms frames). */
json_t		*endpoint_json(const struct endpoint *);

#endif
