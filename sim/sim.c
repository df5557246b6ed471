/* sim.c: a discrete-event simulation of one queue in virtual time: no
 * clock, no sockets, no waiting. Events (arrivals, ends of calls, callers
 * giving up) come off a binary heap in time order. Each new caller who
 * finds agents free is routed by acd_pick(), the core's own strategy code;
 * every queue and agent event goes into lib/stats.c exactly as the core
 * records it, and the result is read back from there. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "acd-pick.h"
#include "sim.h"
#include "stats.h"
#include "vtime.h"
#include "xmalloc.h"

enum { EV_ARRIVE, EV_DEPART, EV_GIVE_UP };

struct sim_call {
	double	enter;
	int	state;		/* 0 waiting, 1 answered, 2 gave up */
};

struct sim_agent {
	char		id[16];
	int		busy;
	long		call;
	double		idle_since, answer_t;
	unsigned	calls;
	double		talk_s;
};

struct sim {
	const struct sim_opts	*o;
	uint64_t		 rng;
	struct vt_heap		 heap;	/* ids: call (arrive, give up), agent */
	struct sim_call		*calls;
	long			 ncalls, capcalls;
	long			*fifo;
	long			 fhead, ftail, fcap;
	struct sim_agent	*agents;
	struct stats		*stats;
	unsigned long		 waited;
	struct acd_cand		*cand;	/* scratch for routing, one per agent */
	int			*who;
};

static double
sim_exp(struct sim *s, double mean)
{
	return vt_exp(&s->rng, mean);
}

static void
sim_push(struct sim *s, double t, int type, long id)
{
	vt_push(&s->heap, t, type, id);
}

/* Records one event into the statistics engine, as the core would. */
static void
sim_event(struct sim *s, double t, const char *kind, long call,
    const char *agent, const char *state)
{
	char			id[24];
	struct stats_event	e = { .ts_ms = (int64_t)llround(t * 1000),
	    .kind = kind, .agent = agent, .queue = "sim", .state = state };

	if (call >= 0) {
		snprintf(id, sizeof id, "s%ld", call);
		e.call_id = id;
	}
	stats_feed(s->stats, &e);
}

static void
sim_answer(struct sim *s, double t, long call, struct sim_agent *a)
{
	double hold = sim_exp(s, s->o->aht_s);

	s->calls[call].state = 1;
	a->busy = 1;
	a->call = call;
	a->answer_t = t;
	a->calls++;
	sim_event(s, t, "answer", call, a->id, NULL);
	sim_event(s, t, "agent_state", -1, a->id, "on_call");
	sim_push(s, t + hold, EV_DEPART, a - s->agents);
}

/* A new caller: to a free agent by the queue's strategy, or to the queue. */
static void
sim_arrive(struct sim *s, double t)
{
	struct acd_cand	*c = s->cand;
	int		 n = 0, *who = s->who, i;
	unsigned	 rng = (unsigned)s->rng;
	char		 why[256];
	long		 call = s->ncalls++;

	if (s->ncalls > s->capcalls) {
		s->capcalls = s->capcalls ? s->capcalls * 2 : 4096;
		s->calls = xrealloc(s->calls, s->capcalls * sizeof *s->calls);
	}
	s->calls[call] = (struct sim_call){ t, 0 };
	sim_event(s, t, "queue_enter", call, NULL, NULL);
	for (i = 0; i < s->o->agents; i++) {
		struct sim_agent *a = &s->agents[i];

		if (a->busy)
			continue;
		c[n] = (struct acd_cand){ a->id, i, (uint64_t)(a->idle_since * 1e6),
		    a->calls, (int64_t)(a->talk_s * 1000), 0 };
		who[n++] = i;
	}
	if (n > 0)
		sim_answer(s, t, call, &s->agents[who[acd_pick(s->o->strategy, c,
		    n, -1, &rng, why, sizeof why)]]);
	else {
		s->waited++;
		s->fifo[s->ftail++ % s->fcap] = call;
		if (s->o->patience_s > 0)
			sim_push(s, t + sim_exp(s, s->o->patience_s), EV_GIVE_UP, call);
	}
	sim_push(s, t + sim_exp(s, 1.0 / s->o->rate_per_s), EV_ARRIVE, -1);
}

static void
sim_depart(struct sim *s, double t, struct sim_agent *a)
{
	sim_event(s, t, "call_end", a->call, a->id, NULL);
	a->busy = 0;
	a->talk_s += t - a->answer_t;
	a->idle_since = t;
	sim_event(s, t, "agent_state", -1, a->id, "ready");
	while (s->fhead < s->ftail) {
		long call = s->fifo[s->fhead++ % s->fcap];

		if (s->calls[call].state == 0) {
			sim_answer(s, t, call, a);
			return;
		}
	}
}

static void
sim_give_up(struct sim *s, double t, long call)
{
	if (s->calls[call].state != 0)
		return;
	s->calls[call].state = 2;
	sim_event(s, t, "abandon", call, NULL, NULL);
	sim_event(s, t, "call_end", call, NULL, NULL);
}

static int
sim_sl_target(const char *queue, void *arg)
{
	return *(const int *)arg;
}

static void
sim_collect(struct sim *s, double end, struct sim_result *r)
{
	const struct stats_queue	*q = stats_queue_at(s->stats, 0);
	double				 busy = 0, avail = 0;

	stats_close(s->stats, (int64_t)(end * 1000));
	for (int i = 0; i < stats_nagents(s->stats); i++) {
		const struct stats_agent *a = stats_agent_at(s->stats, i);

		busy += a->state_ms[ST_ON_CALL] + a->state_ms[ST_WRAP_UP];
		avail += a->state_ms[ST_READY] + a->state_ms[ST_RINGING];
	}
	memset(r, 0, sizeof *r);
	r->sim_seconds = end;
	r->occupancy_pct = busy + avail > 0 ? 100 * busy / (busy + avail) : 0;
	if (q == NULL)
		return;
	r->offered = q->offered;
	r->answered = q->answered;
	r->abandoned = q->abandoned + q->short_abandoned;
	r->sl_pct = stats_service_level(q, SL_OFFERED);
	r->asa_s = stats_asa_s(q);
	r->aht_s = stats_aht_s(q);
	r->abandon_pct = stats_abandon_rate(q);
	r->p_wait = q->offered ? (double)s->waited / q->offered : 0;
}

void
sim_run(const struct sim_opts *o, struct sim_result *r)
{
	struct stats_opts	 so = { .interval_s = 315360000, .short_abandon_ms = 0,
	    .sl_target_s = sim_sl_target, .arg = (void *)&o->sl_target_s };
	struct sim		 s = { .o = o, .rng = o->seed ? o->seed : 88172645463325252ULL };
	double			 end = o->hours * 3600, t = 0;

	s.stats = stats_new(&so);
	s.agents = xcalloc(o->agents, sizeof *s.agents);
	s.cand = xcalloc(o->agents, sizeof *s.cand);
	s.who = xcalloc(o->agents, sizeof *s.who);
	s.fcap = (long)(o->rate_per_s * end * 1.2) + 1024;
	s.fifo = xcalloc(s.fcap, sizeof *s.fifo);
	for (int i = 0; i < o->agents; i++) {
		snprintf(s.agents[i].id, sizeof s.agents[i].id, "a%d", i);
		sim_event(&s, 0, "agent_state", -1, s.agents[i].id, "ready");
	}
	sim_push(&s, sim_exp(&s, 1.0 / o->rate_per_s), EV_ARRIVE, -1);
	while (s.heap.n > 0 && (t = s.heap.ev[0].t) < end) {
		struct vt_ev e = vt_pop(&s.heap);

		if (e.type == EV_ARRIVE)
			sim_arrive(&s, e.t);
		else if (e.type == EV_DEPART)
			sim_depart(&s, e.t, &s.agents[e.id]);
		else
			sim_give_up(&s, e.t, e.id);
	}
	sim_collect(&s, end, r);
	stats_free(s.stats);
	free(s.agents);
	free(s.cand);
	free(s.who);
	free(s.fifo);
	free(s.calls);
	vt_free(&s.heap);
}
