/* leg.c: calls placed to serve as endpoints (leg.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <spandsp.h>
#include <event2/event.h>
#include "call.h"
#include "cause.h"
#include "core.h"
#include "db.h"
#include "leg.h"
#include "log.h"
#include "span.h"
#include "xmalloc.h"

#define LEG_FRAMES	8	/* ring size: 160 ms */
#define LEG_KEEP	3	/* frames kept at most before dropping */
#define LEG_RING_S	30	/* s a leg's phone may ring */
#define LEG_REDIAL_S	5	/* a nailed line down: redial after */

struct leg_ring {
	int16_t		 f[LEG_FRAMES][SPAN_SAMPLES];
	int		 head, n;
	uint64_t	 in, out, dropped, padded;
};

struct leg {
	char		 number[32];
	char		 parent[24];
	int		 nailed;
	leg_fn		 fn;
	void		*arg;
	struct call	*call;		/* NULL while down */
	int		 up;		/* answered */
	int		 heard;		/* joined to a call: keep what it says */
	int		 failed;	/* could not be placed */
	struct leg_ring	 rx, tx;	/* from the line; to the line */
	struct event	*redial;
};

static void	leg_dial(struct leg *);

static void
ring_put(struct leg_ring *r, const int16_t *pcm)
{
	if (r->n >= LEG_KEEP) {		/* the reader fell behind: drop */
		r->head = (r->head + 1) % LEG_FRAMES;
		r->n--;
		r->dropped++;
	}
	memcpy(r->f[(r->head + r->n) % LEG_FRAMES], pcm, SPAN_SAMPLES *
	    sizeof *pcm);
	r->n++;
	r->in++;
}

static void
ring_get(struct leg_ring *r, int16_t *pcm)
{
	if (r->n == 0) {
		memset(pcm, 0, SPAN_SAMPLES * sizeof *pcm);
		r->padded++;
		return;
	}
	memcpy(pcm, r->f[r->head], SPAN_SAMPLES * sizeof *pcm);
	r->head = (r->head + 1) % LEG_FRAMES;
	r->n--;
	r->out++;
}

/* A nailed line is dialled again; another leg that could not be placed
 * is reported to its owner (never from inside leg_open). */
static void
leg_redial_cb(evutil_socket_t fd, short what, void *arg)
{
	struct leg *l = arg;

	if (l->nailed)
		leg_dial(l);
	else if (l->failed && l->fn != NULL)
		l->fn(l, LEG_ENDED, CAUSE_CONGESTION, l->arg);
}

static void
leg_redial_later(struct leg *l)
{
	struct timeval tv = { l->nailed ? LEG_REDIAL_S : 0, 0 };

	if (l->redial == NULL)
		l->redial = evtimer_new(core.base, leg_redial_cb, l);
	evtimer_add(l->redial, &tv);
}

static void
leg_dial(struct leg *l)
{
	struct call	*call;
	int		 cause;

	if (l->call != NULL || core.stopping != CORE_RUNNING)
		return;
	call = call_new_outbound(l->number);
	call_set_leg(call, l);
	call_set_route(call, l->nailed ? "line" : "leg");
	if (l->parent[0] != '\0')
		call_set_parent(call, l->parent);
	l->call = call;
	if ((cause = call_dial(call, "", LEG_RING_S)) == 0)
		return;
	call_set_leg(call, NULL);
	l->call = NULL;
	call_end(call, cause, DB_CLEARED_CORE, "no free channel");
	if (l->nailed && l->fn != NULL)
		l->fn(l, LEG_NOT_PLACED, cause, l->arg);
	l->failed = 1;
	leg_redial_later(l);		/* or, not nailed, tell the owner then */
}

struct leg *
leg_open(const char *number, int nailed, const char *parent, leg_fn fn,
    void *arg)
{
	struct leg *l = xcalloc(1, sizeof *l);

	snprintf(l->number, sizeof l->number, "%s", number);
	snprintf(l->parent, sizeof l->parent, "%s", parent ? parent : "");
	l->nailed = nailed;
	l->fn = fn;
	l->arg = arg;
	leg_dial(l);
	return l;
}

void
leg_close(struct leg *l)
{
	struct call *call = l->call;

	if (l->redial != NULL)
		event_free(l->redial);
	if (call != NULL) {
		call_set_leg(call, NULL);
		l->call = NULL;
		if (call->state != CALL_CLEARING)
			call_hangup(call, CAUSE_NORMAL, DB_CLEARED_CORE,
			    "line closed");
	}
	free(l);
}

int
leg_up(const struct leg *l)
{
	return l->up;
}

struct call *
leg_call(const struct leg *l)
{
	return l->call;
}

void
leg_play(struct leg *l, const int16_t *pcm)
{
	if (l->up)
		ring_put(&l->tx, pcm);
}

void
leg_capture(struct leg *l, int16_t *pcm)
{
	if (l->up)
		ring_get(&l->rx, pcm);
	else
		memset(pcm, 0, SPAN_SAMPLES * sizeof *pcm);
}

void
leg_reset(struct leg *l)
{
	l->rx.n = l->tx.n = 0;
}

void
leg_stats(const struct leg *l, uint64_t *played, uint64_t *captured,
    uint64_t *dropped, uint64_t *padded)
{
	*played = l->tx.in;
	*captured = l->rx.out;
	*dropped = l->rx.dropped + l->tx.dropped;
	*padded = l->rx.padded + l->tx.padded;
}

/* The line's frame: what the far end said goes to the ring the endpoint
 * reads; what the endpoint played goes out (silence when nothing came). */
void
leg_frame(struct call *call, const struct span_kind *k, const uint8_t *rx,
    uint8_t *tx)
{
	struct leg	*l = call->leg;
	int16_t		 pcm[SPAN_SAMPLES];

	if (!l->up) {
		memset(tx, k->idle, SPAN_SAMPLES);
		return;
	}
	if (l->heard) {	/* someone listens */
		k->decode(rx, pcm, SPAN_SAMPLES);
		ring_put(&l->rx, pcm);
	}
	if (l->tx.n == 0)
		memset(pcm, 0, sizeof pcm);
	else
		ring_get(&l->tx, pcm);
	k->encode(pcm, tx, SPAN_SAMPLES);
}

void
leg_answered(struct call *call)
{
	struct leg *l = call->leg;

	l->up = 1;
	leg_reset(l);
	call_set_state(call, CALL_CONNECTED);
	l->failed = 0;
	log_info("call %s: line to %s is up", call->id, l->number);
	if (l->fn != NULL)
		l->fn(l, LEG_ANSWERED, 0, l->arg);
}

void
leg_call_end(struct call *call, int cause)
{
	struct leg	*l = call->leg;

	if (l == NULL)
		return;
	call_set_leg(call, NULL);
	l->call = NULL;
	l->up = 0;
	if (l->nailed)			/* before FN, which may close it */
		leg_redial_later(l);
	if (l->fn != NULL)
		l->fn(l, LEG_ENDED, cause, l->arg);
}

void
leg_set_heard(struct leg *l, int on)
{
	l->heard = on;
}

const char *
leg_number(const struct leg *l)
{
	return l->number;
}
