/* acd-world.c: see acd-world.h. The world keeps each object's fields as
 * the core's owners do (the same hooks into acd-index.c at the same
 * steps), so both engines see the same state and must decide alike. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "acd-index.h"
#include "acd-ref.h"
#include "acd-route.h"
#include "acd-world.h"
#include "agent.h"
#include "call.h"
#include "clock.h"
#include "config.h"
#include "queue.h"
#include "xmalloc.h"

struct agent		*agents;
struct queue		*queues;
struct call_list	 calls = TAILQ_HEAD_INITIALIZER(calls);

static uint64_t		 now_us;
static unsigned		 rng_state;
static struct world_stats *st;
static void		(*decided_fn)(const char *, void *);
static void		*decided_arg;
static struct queue	*qv;
static struct cfg_queue	*cq;
static struct agent	*av;
static struct cfg_agent	*ca;
static int		 nq, na, ncalls, nwaiting;
static struct call	**dead;		/* freed at the end */
static int		 ndead;
static int		 dummy;		/* what cb and cbo point to */

/* The clock and lookups the ACD asks of the core. */
uint64_t
clock_mono_us(void)
{
	return now_us;
}

int64_t
clock_wall_ms(void)
{
	return (int64_t)(now_us / 1000);
}

struct queue *
queue_find(const char *name)
{
	for (struct queue *q = queues; q != NULL; q = q->next)
		if (strcmp(q->name, name) == 0)
			return q;
	return NULL;
}

int
agent_in_queue(const struct agent *a, const char *queue)
{
	if (a->cfg == NULL)
		return 0;
	for (int i = 0; i < a->cfg->nqueues && i < 64; i++)
		if ((a->active & (1ULL << i)) && strcmp(a->cfg->queues[i], queue) == 0)
			return 1;
	return 0;
}

static unsigned
rnd(unsigned n)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 17;
	rng_state ^= rng_state << 5;
	return n ? rng_state % n : 0;
}

static void
say(const char *fmt, const char *a, const char *b)
{
	char line[700];

	snprintf(line, sizeof line, fmt, a, b);
	if (decided_fn != NULL)
		decided_fn(line, decided_arg);
}

/* --- the owners' steps, with their hooks --- */

static void
w_state(struct agent *a, enum agent_state s)
{
	a->state = s;
	if (s == AGENT_READY)
		a->idle_since = now_us;
	acd_index_agent(a);
}

static void
w_set_call(struct agent *a, struct call *call)
{
	a->call = call;
	acd_index_agent(a);
}

static void
w_enter(struct call *call, struct queue *q)
{
	call->queue = q;
	call->queue_enter_mono = ++now_us;	/* the clock moves on */
	TAILQ_INSERT_TAIL(&q->waiting, call, qentry);
	q->nwaiting++;
	nwaiting++;
	acd_index_enter(call);
	call->state = CALL_QUEUED;
}

static void
w_leave(struct call *call)
{
	acd_index_leave(call);
	TAILQ_REMOVE(&call->queue->waiting, call, qentry);
	call->queue->nwaiting--;
	nwaiting--;
	call->queue = NULL;
}

static void
w_end(struct call *call)
{
	if (call->queue != NULL)
		w_leave(call);
	call->state = CALL_CLEARING;
	TAILQ_REMOVE(&calls, call, entry);
	dead[ndead++] = call;
}

static void
w_unring(struct call *call, struct agent *a)
{
	int j = 0;

	for (int i = 0; i < call->nring; i++)
		if (call->ring[i] != a)
			call->ring[j++] = call->ring[i];
	call->nring = j;
	call->agent = j > 0 ? call->ring[0] : NULL;
	w_set_call(a, NULL);
	if (a->state == AGENT_RINGING)
		w_state(a, AGENT_READY);
}

static void
w_cancel(struct call *call)
{
	while (call->nring > 0)
		w_unring(call, call->ring[0]);
	call->agent = NULL;
	call->state = CALL_QUEUED;
	acd_index_requeued(call);
}

static void
w_refuse(struct call *call, struct agent *a)
{
	if (call->only_agent == a)
		call->only_agent = NULL;
	if (call->nrejected < CALL_MAX_REJECTS) {
		call->rejected[call->nrejected++] = xstrdup(a->id);
		return;
	}
	for (int i = 0; i < call->nrejected; i++)
		free(call->rejected[i]);
	call->nrejected = 0;
	st->refused++;
}

/* --- the decisions' effects (acd.c's offer and expire) --- */

static void
w_offer(struct call *call, struct agent **who, int n, const char *why)
{
	char ids[CALL_RING_MAX * 8] = "";

	snprintf(call->why, sizeof call->why, "%s", why);
	call->nring = n < CALL_RING_MAX ? n : CALL_RING_MAX;
	for (int i = 0; i < call->nring; i++) {
		call->ring[i] = who[i];
		w_set_call(who[i], call);
		w_state(who[i], AGENT_RINGING);
		if (strlen(ids) + strlen(who[i]->id) + 2 < sizeof ids) {
			strcat(ids, " ");
			strcat(ids, who[i]->id);
		}
	}
	call->agent = call->ring[0];
	call->state = CALL_OFFERED;
	st->offers++;
	st->ring_all += n > 1;
	st->widened += strstr(why, "(widened)") != NULL;
	st->direct += call->only_agent != NULL;
	st->callbacks += call->cb != NULL;
	say("offer %s to%s", call->id, ids);
	say("  why %s%s", why, "");
}

static void
w_expire(struct call **waiting, int n)
{
	for (int i = 0; i < n; i++) {
		struct call	*call = waiting[i];
		struct queue	*q = call != NULL ? call->queue : NULL;

		if (call == NULL || call->state != CALL_QUEUED || q == NULL ||
		    call->cb != NULL || q->cfg->max_wait <= 0 ||
		    acd_waited_s(call) < q->cfg->max_wait)
			continue;
		st->expired++;
		if (q->slot % 2 == 0) {		/* overflow to the next queue */
			say("overflow %s from %s", call->id, q->name);
			st->overflowed++;
			w_leave(call);
			w_enter(call, &qv[(q->slot + 1) % nq]);
			continue;
		}
		say("expire %s from %s", call->id, q->name);
		waiting[i] = NULL;
		w_end(call);
	}
}

static const struct acd_ops world_ops = { w_expire, w_offer };

/* --- building the world --- */

static const char *const langs[] = { "polish", "romanian", "english", "german" };
static const char *const widens[] = { "", "5:2, 15:9", "10:1, 20:3, 40:9" };

static char *
fmt(const char *f, int a, int b)
{
	char buf[128];

	snprintf(buf, sizeof buf, f, a, b);
	return xstrdup(buf);
}

static void
world_queues(void)
{
	char why[256];

	qv = xcalloc(nq, sizeof *qv);
	cq = xcalloc(nq, sizeof *cq);
	for (int i = nq - 1; i >= 0; i--) {
		struct cfg_queue *c = &cq[i];

		c->name = fmt("q%d", i, 0);
		c->strategy = i % 8;
		c->weight = 1 + (i / 8 % 3) * 10;
		c->missed_offer = i % 2;
		c->offer_timeout = 15;
		c->max_wait = i % 3 == 0 ? 30 + i % 7 : 0;
		c->skills = xcalloc(40, 1);
		if (i % 5 != 4)
			snprintf(c->skills, 40, "%s:%d", langs[i % 4], 3 + i % 5);
		c->widen = xstrdup(widens[i % 3]);
		qv[i] = (struct queue){ .name = c->name, .cfg = c, .rr_last = -1,
		    .slot = i, .next = queues };
		TAILQ_INIT(&qv[i].waiting);
		skill_parse(c->skills, &qv[i].need, why, sizeof why);
		widen_parse(c->widen, &qv[i].widen, why, sizeof why);
		queues = &qv[i];
	}
}

static void
world_agents(void)
{
	char why[256];

	av = xcalloc(na, sizeof *av);
	ca = xcalloc(na, sizeof *ca);
	for (int i = 0; i < na; i++) {
		struct cfg_agent	*c = &ca[i];
		int			 l = rnd(4);

		c->id = fmt("%d", 5000 + i, 0);
		c->nqueues = 3;
		c->queues = xcalloc(4, sizeof *c->queues);
		for (int j = 0; j < 3; j++)
			c->queues[j] = xstrdup(cq[(i * 7 + j * (1 + i % 5) +
			    rnd(3)) % nq].name);
		if (strcmp(c->queues[2], c->queues[0]) == 0 ||
		    strcmp(c->queues[2], c->queues[1]) == 0)
			c->nqueues = 2;
		c->skills = xcalloc(64, 1);
		snprintf(c->skills, 64, "%s:%d, %s:%d", langs[l], 1 + rnd(10),
		    langs[(l + 1 + rnd(3)) % 4], 1 + rnd(10));
		av[i] = (struct agent){ .id = c->id, .cfg = c, .order = i,
		    .slot = i, .state = AGENT_NOT_READY, .active = ~0ULL,
		    .next = i + 1 < na ? &av[i + 1] : NULL };
		skill_parse(c->skills, &av[i].skills, why, sizeof why);
	}
	agents = &av[0];
}

/* --- the events --- */

/* The first object of a kind in STATE from a random point, or NULL. */
static struct agent *
pick_agent(enum agent_state s, int free_only)
{
	int start = rnd(na);

	for (int k = 0; k < na; k++) {
		struct agent *a = &av[(start + k) % na];

		if (a->state == s && (!free_only || a->call == NULL))
			return a;
	}
	return NULL;
}

static struct call *
pick_call(enum call_state s)
{
	struct call	*call, *found = NULL;
	int		 n = 0;

	TAILQ_FOREACH(call, &calls, entry)	/* reservoir: one at random */
		if (call->state == s && rnd(++n) == 0)
			found = call;
	return found;
}

static void
ev_arrive(void)
{
	struct call *call = xcalloc(1, sizeof *call);

	snprintf(call->id, sizeof call->id, "c%06d", ncalls++);
	call->start_ms = clock_wall_ms();
	call->priority = rnd(10) < 8 ? 0 : 1 + rnd(3);
	if (rnd(25) == 0)		/* transferred to one agent */
		call->only_agent = &av[rnd(na)];
	if (rnd(30) == 0)		/* a callback keeping a place */
		call->cb = (struct callback *)&dummy;
	TAILQ_INSERT_TAIL(&calls, call, entry);
	w_enter(call, &qv[rnd(nq)]);
}

static void
ev_answer(void)
{
	struct call	*call = pick_call(CALL_OFFERED);
	struct agent	*a;

	if (call == NULL)
		return;
	a = call->ring[rnd(call->nring)];
	for (int i = call->nring - 1; i >= 0; i--)
		if (call->ring[i] != a)
			w_unring(call, call->ring[i]);
	call->nring = 0;
	call->only_agent = NULL;
	call->agent = a;
	w_leave(call);
	call->state = CALL_CONNECTED;
	w_state(a, AGENT_ON_CALL);
	a->calls++;
}

static void
ev_reject(void)
{
	struct call	*call = pick_call(CALL_OFFERED);
	struct agent	*a;

	if (call == NULL)
		return;
	a = call->ring[rnd(call->nring)];
	w_refuse(call, a);
	if (call->nring > 1)
		w_unring(call, a);
	else
		w_cancel(call);
}

static void
ev_timeout(void)
{
	struct call	*call = pick_call(CALL_OFFERED);
	struct agent	*rang[CALL_RING_MAX];
	int		 n, missed;

	if (call == NULL)
		return;
	n = call->nring;
	missed = call->queue->cfg->missed_offer;
	memcpy(rang, call->ring, n * sizeof *rang);
	for (int i = 0; i < n && missed; i++)
		w_refuse(call, rang[i]);
	w_cancel(call);
	for (int i = 0; i < n && !missed; i++)
		if (rang[i]->state == AGENT_READY)
			w_state(rang[i], AGENT_NOT_READY);
}

static void
ev_hangup(void)
{
	struct call	*call = pick_call(CALL_CONNECTED);
	struct agent	*a;

	if (call == NULL)
		return;
	a = call->agent;
	a->talk_ms += 1000 + rnd(300000);
	w_set_call(a, NULL);
	w_state(a, rnd(10) < 8 ? AGENT_READY : AGENT_NOT_READY);
	w_end(call);
}

static void
ev_abandon(void)
{
	struct call *call = pick_call(rnd(4) ? CALL_QUEUED : CALL_OFFERED);

	if (call == NULL)
		return;
	if (call->state == CALL_OFFERED)
		w_cancel(call);
	w_end(call);
}

static void
ev_dialog(void)			/* star pressed, or the dialog over */
{
	struct call *call = pick_call(CALL_QUEUED);

	if (call != NULL && call->cb == NULL)
		call->cbo = call->cbo ? NULL : (struct cb_offer *)&dummy;
	st->held += call != NULL && call->cbo != NULL;
}

static void
ev_queues(void)			/* an agent takes calls from some queues */
{
	struct agent *a = &av[rnd(na)];

	if (rnd(8) == 0) {	/* or the config is reloaded as it was */
		acd_index_stale();
		return;
	}
	a->active = rnd(3) == 0 ? ~0ULL : (1ULL << rnd(3)) | (1ULL << rnd(3));
	acd_index_agent(a);
}

static void
ev_agent(void)
{
	struct agent *a;

	if (rnd(3) == 0 && (a = pick_agent(AGENT_READY, 1)) != NULL)
		w_state(a, AGENT_NOT_READY);
	else if ((a = pick_agent(AGENT_NOT_READY, 0)) != NULL)
		w_state(a, AGENT_READY);
}

/* Time passes: a little, or to the next waiting caller's deadline. */
static void
ev_time(void)
{
	uint64_t	next = 0, at;
	struct call	*call;

	if (rnd(2) == 0) {
		now_us += rnd(3000000);
		return;
	}
	TAILQ_FOREACH(call, &calls, entry)
		if (acd_routable(call) && (at = acd_deadline(call)) != 0 &&
		    (next == 0 || at < next))
			next = at;
	if (next > now_us)
		now_us = next;
}

static void
world_event(const struct world_cfg *cfg)
{
	unsigned r = rnd(100);

	if (r < 30 && nwaiting < cfg->waiting)
		ev_arrive();
	else if (r < 48)
		ev_answer();
	else if (r < 52)
		ev_reject();
	else if (r < 54)
		ev_timeout();
	else if (r < 72)
		ev_hangup();
	else if (r < 75)
		ev_abandon();
	else if (r < 77)
		ev_dialog();
	else if (r < 78)
		ev_queues();
	else if (r < 88)
		ev_agent();
	else
		ev_time();
}

static uint64_t
real_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void
world_free(void)
{
	struct call *call;

	while ((call = TAILQ_FIRST(&calls)) != NULL)
		w_end(call);
	for (int i = 0; i < ndead; i++) {
		for (int j = 0; j < dead[i]->nrejected; j++)
			free(dead[i]->rejected[j]);
		free(dead[i]);
	}
	acd_index_free();
	for (int i = 0; i < na; i++) {
		for (int j = 0; ca[i].queues[j] != NULL; j++)
			free(ca[i].queues[j]);
		free(ca[i].queues);
		free(ca[i].id);
		free(ca[i].skills);
	}
	for (int i = 0; i < nq; i++) {
		free(cq[i].name);
		free(cq[i].skills);
		free(cq[i].widen);
	}
	free(dead);
	free(av);
	free(ca);
	free(qv);
	free(cq);
	agents = NULL;
	queues = NULL;
}

void
world_run(const struct world_cfg *cfg, enum world_engine engine,
    void (*decided)(const char *, void *), void *arg, uint64_t *pass_ns,
    unsigned char *offered, struct world_stats *stats)
{
	long waiting_sum = 0;

	memset(stats, 0, sizeof *stats);
	st = stats;
	decided_fn = decided;
	decided_arg = arg;
	rng_state = cfg->seed ? cfg->seed : 1;
	now_us = 1000000000;
	nq = cfg->nqueues;
	na = cfg->nagents;
	ncalls = nwaiting = ndead = 0;
	dead = xcalloc(cfg->nevents + 1, sizeof *dead);
	acd_route_seed(1);
	world_queues();
	world_agents();
	for (int i = 0; i < cfg->nevents; i++) {
		uint64_t	t0;
		int		offers = st->offers;

		now_us++;		/* no two events at the same instant */
		world_event(cfg);
		t0 = real_ns();
		if (engine == WORLD_REF)
			acd_ref_pass(&world_ops);
		else
			acd_index_pass(&world_ops);
		if (pass_ns != NULL)
			pass_ns[i] = real_ns() - t0;
		if (offered != NULL)
			offered[i] = st->offers > offers;
		st->passes++;
		if (i >= cfg->from)
			waiting_sum += nwaiting;
		if (nwaiting > st->waiting_max)
			st->waiting_max = nwaiting;
	}
	st->waiting_avg = (double)waiting_sum / (cfg->nevents - cfg->from);
	world_free();
}
