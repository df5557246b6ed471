/* leg.h: a call the core places so that its audio can serve as an
 * endpoint (endpoint.h): a remote agent's or supervisor's line (dialled
 * at login, kept up for the shift, redialled when it drops: "nailed up"),
 * or the outside party of a transfer, a consultation or a conference.
 * The leg's own timeslot feeds two small frame rings that the endpoint
 * reads and writes from the other call's frame; the two calls may sit on
 * different spans, so a ring drops or pads a frame when clocks drift. */
#ifndef CZ_LEG_H
#define CZ_LEG_H

#include <stdint.h>

struct call;
struct leg;

/* A nailed line's owner also hears LEG_NOT_PLACED (no free channel: it
 * is redialled), and, like every leg's, LEG_ENDED before a redial. */
enum leg_event { LEG_ANSWERED, LEG_ENDED, LEG_NOT_PLACED };
typedef void	(*leg_fn)(struct leg *, enum leg_event, int cause, void *arg);

/* Dials NUMBER for an endpoint. Nailed: redialled every few seconds while
 * down until leg_close. FN hears of the answer and the end (the cause: 17
 * busy, 19 no answer, 16 hung up...). PARENT names the call it serves
 * (CDR), or NULL. */
struct leg	*leg_open(const char *number, int nailed, const char *parent,
		    leg_fn fn, void *arg);
void		 leg_close(struct leg *);	/* hangs up */
int		 leg_up(const struct leg *);	/* answered and not ended */
struct call	*leg_call(const struct leg *);
const char	*leg_number(const struct leg *);
/* Its endpoint joined a call (what the line says is kept) or left it. */
void		 leg_set_heard(struct leg *, int on);
void		 leg_play(struct leg *, const int16_t *pcm);	/* one frame */
void		 leg_capture(struct leg *, int16_t *pcm);	/* silence if none */
void		 leg_reset(struct leg *);
void		 leg_stats(const struct leg *, uint64_t *played,
		    uint64_t *captured, uint64_t *dropped, uint64_t *padded);

/* From the media tick: the leg's own timeslot, this 20 ms, in the law of
 * its span's kind. */
struct span_kind;
void		 leg_frame(struct call *, const struct span_kind *,
		    const uint8_t *rx, uint8_t *tx);
/* From call.c: the network answered, or the leg's call ended. */
void		 leg_answered(struct call *);
void		 leg_call_end(struct call *, int cause);

#endif
