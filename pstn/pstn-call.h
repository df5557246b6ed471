/* pstn-call.h: one call on a span, placed by us or by the core. */
#ifndef CZ_PSTN_CALL_H
#define CZ_PSTN_CALL_H

#include <stdint.h>
#include <event2/event.h>
#include <libpri.h>
#include "pstn-dist.h"
#include "pstn-span.h"

struct pstn_rule;
struct pstn_audio;

struct pstn_call {
	int			 seq;		/* per direction, from 1 */
	int			 out;		/* the core called us */
	struct pstn_span	*span;
	int			 ch;		/* 0: none (refused at once) */
	q931_call		*c;		/* libpri's record until released */
	char			 cli[64], dnis[64];
	const struct pstn_rule	*rule;		/* outbound */
	int			 kind;		/* --profile's party, -1: a rule */
	struct pstn_dist_rng	 rng;
	uint64_t		 setup_us, alert_us, connect_us, end_us;
	uint64_t		 heard_us;	/* first audio after CONNECT */
	int			 responded;	/* the core answered our SETUP */
	int			 ended;		/* line printed */
	int			 cause;
	enum pstn_by		 cleared_by;
	const char		*result;
	int			 rx_blocks;	/* 20 ms blocks with audio */
	struct pstn_audio	*audio;
	struct event		*ev_timer;	/* answer delay, then hold */
	struct event		*ev_dtmf;
};

struct pstn_call *pstn_call_new(struct pstn_span *, int ch, int out);
void	pstn_call_end(struct pstn_call *, int cause, enum pstn_by, const char *result);
void	pstn_call_release(struct pstn_call *);
void	pstn_call_hangup(struct pstn_call *, int cause);
void	pstn_call_answer_after(struct pstn_call *, double s);
void	pstn_call_event(struct pstn_span *, pri_event *);
void	pstn_call_link_down(struct pstn_span *, enum pstn_by);
void	pstn_call_clear_all(int cause);
int	pstn_call_restart_oldest(void);
void	pstn_call_audio_out(struct pstn_call *, uint8_t *samples);
void	pstn_call_audio_in(struct pstn_call *, const uint8_t *samples);

#endif
