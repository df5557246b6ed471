/* dialsim.c: a campaign's dialer in virtual time. Each dial's fate is
 * drawn (a person with the hour's answer rate, else a machine, busy, no
 * answer or a failure), with its ring time; the decision how many calls
 * to place is the core's own (pacing_decide), asked again whenever the
 * state changes: a call's outcome, an agent ending a call or a wrap-up.
 * A person who answers gets the longest-free agent, or waits up to the
 * rules' 2 s for one and is abandoned after that. */
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include "dialsim.h"
#include "vtime.h"
#include "xmalloc.h"

enum { EV_OUTCOME, EV_GRACE, EV_TALK_END, EV_WRAP_END, EV_HOUR };
enum { OUT_LIVE, OUT_MACHINE, OUT_BUSY, OUT_NOANSWER, OUT_FAILED };
enum { C_RINGING, C_WAITING, C_DONE };
enum { A_FREE, A_RESERVED, A_TALK, A_WRAP };

/* The calls that are not people: shares of the rest, and how long the
 * line takes to tell (seconds, uniform). No answer rings 15-30 s: the
 * rules' 15 s at least (docs/DIALER.md). */
static const struct {
	double	share, lo, hi;
} dialsim_fates[] = {
	[OUT_LIVE] = { 0, 3, 20 },
	[OUT_MACHINE] = { 0.35, 3, 12 },	/* then detected, hung up */
	[OUT_BUSY] = { 0.15, 2, 4 },
	[OUT_NOANSWER] = { 0.45, PACING_MIN_RING_S, 30 },	/* ring limits */
	[OUT_FAILED] = { 0.05, 0.5, 2 },	/* congestion, invalid number */
};
#define DIALSIM_TALK_S	150.0	/* mean; gamma with shape 2 */
#define DIALSIM_WRAP_S	15.0	/* mean, unless asked; uniform from a
				 * third of it to five thirds */
#define DIALSIM_EWMA	0.02	/* weight of each new sample in estimates */

struct dialsim_call {
	double	dial_t, answer_t;
	int	fate, state, agent;	/* agent: reserved (progressive), -1 */
};

struct dialsim_agent {
	int	state;
	double	since;			/* in the state */
	double	idle_since;		/* free or reserved since */
	long	call;
};

struct dialsim {
	const struct dialsim_opts	*o;
	struct dialsim_result		*r;
	uint64_t			 rng;
	struct vt_heap			 heap;
	struct dialsim_call		*calls;
	long				 ncalls, capcalls;
	long				*waiting;	/* live, no agent yet */
	long				 nwaiting;
	struct dialsim_agent		*agents;
	struct pacing_agent		*busy;		/* scratch */
	struct pacing_abandons		 ab;
	struct pacing_answer		 answer;
	double				 talk_est, wrap_est, answer_est;
	double				 hour_factor;	/* answer-rate noise */
	int				 ringing;
	double				 talk_s, wait_s;
};

static double
dialsim_wrap(const struct dialsim_opts *o)
{
	return o->wrap_s > 0 ? o->wrap_s : DIALSIM_WRAP_S;
}

static double
dialsim_ewma(double est, double sample)
{
	return est + DIALSIM_EWMA * (sample - est);
}

/* The answer rate varies: a 7-hour swell of +-50 % and hourly noise. */
static double
dialsim_answer_rate(struct dialsim *d, double t)
{
	double p = d->o->answer_rate * (1 + 0.5 * sin(2 * M_PI * t / (7 * 3600))) *
	    d->hour_factor;

	return fmin(fmax(p, 0.02), 0.95);
}

static int
dialsim_fate(struct dialsim *d, double t)
{
	double	u = vt_uniform(&d->rng), p = dialsim_answer_rate(d, t);
	int	f;

	if (u < p)
		return OUT_LIVE;
	u = (u - p) / (1 - p);
	for (f = OUT_MACHINE; f < OUT_FAILED; f++) {
		if (u < dialsim_fates[f].share)
			return f;
		u -= dialsim_fates[f].share;
	}
	return OUT_FAILED;
}

static long
dialsim_new_call(struct dialsim *d, double t)
{
	long c = d->ncalls++;

	if (d->ncalls > d->capcalls) {
		d->capcalls = d->capcalls ? d->capcalls * 2 : 4096;
		d->calls = xrealloc(d->calls, d->capcalls * sizeof *d->calls);
	}
	d->calls[c] = (struct dialsim_call){ t, 0, dialsim_fate(d, t), C_RINGING, -1 };
	return c;
}

static void
dialsim_agent_set(struct dialsim *d, struct dialsim_agent *a, int state,
    double t)
{
	if ((a->state == A_FREE || a->state == A_RESERVED) &&
	    state != A_FREE && state != A_RESERVED)
		d->wait_s += t - a->idle_since;
	if (state == A_FREE && a->state == A_WRAP)
		a->idle_since = t;
	a->state = state;
	a->since = t;
}

/* The agent free longest, or NULL. */
static struct dialsim_agent *
dialsim_free_agent(struct dialsim *d)
{
	struct dialsim_agent *best = NULL;

	for (int i = 0; i < d->o->agents; i++)
		if (d->agents[i].state == A_FREE && (best == NULL ||
		    d->agents[i].idle_since < best->idle_since))
			best = &d->agents[i];
	return best;
}

static void
dialsim_dial(struct dialsim *d, double t)
{
	long			 c = dialsim_new_call(d, t);
	struct dialsim_call	*call = &d->calls[c];
	struct dialsim_agent	*a;

	if (d->o->mode == PACING_PROGRESSIVE && (a = dialsim_free_agent(d))) {
		dialsim_agent_set(d, a, A_RESERVED, t);
		call->agent = (int)(a - d->agents);
	}
	d->r->dials++;
	d->ringing++;
	vt_push(&d->heap, t + vt_between(&d->rng, dialsim_fates[call->fate].lo,
	    dialsim_fates[call->fate].hi), EV_OUTCOME, c);
}

/* Asks the pacing code, and places what it says. */
static void
dialsim_decide(struct dialsim *d, double t)
{
	struct pacing_state	s = { .mode = d->o->mode, .busy = d->busy,
	    .ringing = d->ringing, .talk_s = d->talk_est, .wrap_s = d->wrap_est,
	    .answer_s = d->answer_est, .answer = &d->answer, .cap = d->o->cap,
	    .lines = -1 };
	int			n;

	for (int i = 0; i < d->o->agents; i++) {
		struct dialsim_agent *a = &d->agents[i];

		if (a->state == A_FREE || a->state == A_RESERVED)
			s.free++;
		else
			d->busy[s.nbusy++] = (struct pacing_agent){ a->state ==
			    A_TALK ? PACING_TALK : PACING_WRAP, t - a->since };
	}
	s.rate_24h = pacing_window_rate(&d->ab.day, (int64_t)t);
	s.rate_30d = pacing_window_rate(&d->ab.month, (int64_t)t);
	s.live_24h = pacing_window_live(&d->ab.day, (int64_t)t);
	s.live_30d = pacing_window_live(&d->ab.month, (int64_t)t);
	n = pacing_decide(&s, NULL);
	while (n-- > 0)
		dialsim_dial(d, t);
}

static void
dialsim_connect(struct dialsim *d, double t, long c, struct dialsim_agent *a)
{
	double talk = vt_exp(&d->rng, DIALSIM_TALK_S / 2) +
	    vt_exp(&d->rng, DIALSIM_TALK_S / 2);

	d->calls[c].state = C_DONE;
	d->r->connected++;
	d->r->max_connect_s = fmax(d->r->max_connect_s, t - d->calls[c].answer_t);
	pacing_abandons_add(&d->ab, (int64_t)t, 0);
	dialsim_agent_set(d, a, A_TALK, t);
	a->call = c;
	d->talk_s += talk;
	d->talk_est = dialsim_ewma(d->talk_est, talk);
	vt_push(&d->heap, t + talk, EV_TALK_END, a - d->agents);
}

static void
dialsim_count(struct dialsim *d, const struct dialsim_call *call, double t)
{
	static const size_t at[] = {
		[OUT_LIVE] = offsetof(struct dialsim_result, live),
		[OUT_MACHINE] = offsetof(struct dialsim_result, machines),
		[OUT_BUSY] = offsetof(struct dialsim_result, busy),
		[OUT_NOANSWER] = offsetof(struct dialsim_result, noanswer),
		[OUT_FAILED] = offsetof(struct dialsim_result, failed),
	};

	(*(unsigned long *)((char *)d->r + at[call->fate]))++;
	if (call->fate == OUT_NOANSWER && (d->r->min_ring_s == 0 ||
	    t - call->dial_t < d->r->min_ring_s))
		d->r->min_ring_s = t - call->dial_t;
}

/* A call's fate is known: a person answers, or the line is let go. */
static void
dialsim_outcome(struct dialsim *d, double t, long c)
{
	struct dialsim_call	*call = &d->calls[c];
	struct dialsim_agent	*a = NULL;

	d->ringing--;
	dialsim_count(d, call, t);
	pacing_answer_add(&d->answer, call->fate == OUT_LIVE);
	if (call->agent >= 0)
		a = &d->agents[call->agent];
	if (call->fate != OUT_LIVE) {
		call->state = C_DONE;
		if (a != NULL)
			dialsim_agent_set(d, a, A_FREE, t);
		return;
	}
	call->answer_t = t;
	d->answer_est = dialsim_ewma(d->answer_est, t - call->dial_t);
	if (a != NULL || (a = dialsim_free_agent(d)) != NULL) {
		dialsim_connect(d, t, c, a);
		return;
	}
	call->state = C_WAITING;
	d->waiting[d->nwaiting++] = c;
	vt_push(&d->heap, t + 2.0, EV_GRACE, c);
}

/* 2 s after a live answer with no agent: abandoned (the message plays). */
static void
dialsim_grace(struct dialsim *d, double t, long c)
{
	if (d->calls[c].state != C_WAITING)
		return;
	d->calls[c].state = C_DONE;
	d->r->abandoned++;
	pacing_abandons_add(&d->ab, (int64_t)t, 1);
	for (long i = 0; i < d->nwaiting; i++)
		if (d->waiting[i] == c) {
			memmove(&d->waiting[i], &d->waiting[i + 1],
			    (d->nwaiting - i - 1) * sizeof *d->waiting);
			d->nwaiting--;
			break;
		}
}

static void
dialsim_agent_event(struct dialsim *d, double t, int type, long i)
{
	struct dialsim_agent	*a = &d->agents[i];
	double			 wrap;

	if (type == EV_TALK_END) {
		wrap = vt_between(&d->rng, dialsim_wrap(d->o) / 3,
		    dialsim_wrap(d->o) * 5 / 3);
		dialsim_agent_set(d, a, A_WRAP, t);
		vt_push(&d->heap, t + wrap, EV_WRAP_END, i);
		return;
	}
	/* Measured as the core does: at its end (campaign-predict.c). */
	d->wrap_est = dialsim_ewma(d->wrap_est, t - a->since);
	dialsim_agent_set(d, a, A_FREE, t);
	if (d->nwaiting > 0) {
		long c = d->waiting[0];

		memmove(&d->waiting[0], &d->waiting[1], --d->nwaiting *
		    sizeof *d->waiting);
		dialsim_connect(d, t, c, a);
	}
}

/* Once an hour: the rolling rates for the report, the hour's noise. */
static void
dialsim_hour(struct dialsim *d, double t)
{
	double r24 = pacing_window_rate(&d->ab.day, (int64_t)t),
	    r30 = pacing_window_rate(&d->ab.month, (int64_t)t);

	if (t >= 24 * 3600 - 1)
		d->r->abandon_24h_max = fmax(d->r->abandon_24h_max, r24);
	d->r->abandon_30d_max = fmax(d->r->abandon_30d_max, r30);
	d->hour_factor = vt_between(&d->rng, 0.8, 1.2);
	vt_push(&d->heap, t + 3600, EV_HOUR, 0);
}

static void
dialsim_finish(struct dialsim *d, double end)
{
	double hours = d->o->agents * d->o->hours;

	for (int i = 0; i < d->o->agents; i++)
		if (d->agents[i].state == A_FREE || d->agents[i].state == A_RESERVED)
			d->wait_s += end - d->agents[i].idle_since;
	/* A run under 24 h: its one window is the whole run. */
	d->r->abandon_24h_max = fmax(d->r->abandon_24h_max,
	    pacing_window_rate(&d->ab.day, (int64_t)end));
	d->r->abandon_30d_max = fmax(d->r->abandon_30d_max,
	    pacing_window_rate(&d->ab.month, (int64_t)end));
	d->r->talk_min_per_hour = d->talk_s / 60 / hours;
	d->r->wait_min_per_hour = d->wait_s / 60 / hours;
	d->r->abandon_all = d->r->connected + d->r->abandoned ?
	    (double)d->r->abandoned / (d->r->connected + d->r->abandoned) : 0;
}

void
dialsim_run(const struct dialsim_opts *o, struct dialsim_result *r)
{
	struct dialsim	d = { .o = o, .r = r, .rng = o->seed ? o->seed :
	    88172645463325252ULL, .talk_est = DIALSIM_TALK_S, .wrap_est =
	    15, .answer_est = 10,
	    .hour_factor = 1 };
	double		end = o->hours * 3600;

	memset(r, 0, sizeof *r);
	pacing_abandons_init(&d.ab);
	d.agents = xcalloc(o->agents, sizeof *d.agents);
	d.busy = xcalloc(o->agents, sizeof *d.busy);
	d.waiting = xcalloc(o->agents * 64 + 64, sizeof *d.waiting);
	vt_push(&d.heap, 3600, EV_HOUR, 0);
	dialsim_decide(&d, 0);
	while (d.heap.n > 0 && d.heap.ev[0].t < end) {
		struct vt_ev e = vt_pop(&d.heap);

		if (e.type == EV_OUTCOME)
			dialsim_outcome(&d, e.t, e.id);
		else if (e.type == EV_GRACE)
			dialsim_grace(&d, e.t, e.id);
		else if (e.type == EV_HOUR)
			dialsim_hour(&d, e.t);
		else
			dialsim_agent_event(&d, e.t, e.type, e.id);
		if (e.type != EV_GRACE && e.type != EV_HOUR)
			dialsim_decide(&d, e.t);
	}
	dialsim_finish(&d, end);
	vt_free(&d.heap);
	free(d.agents);
	free(d.busy);
	free(d.waiting);
	free(d.calls);
}
