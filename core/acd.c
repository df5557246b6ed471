/* acd.c: automatic call distribution. Decided inside the loop when something
 * happens: acd_dispatch() only marks a pass as due; the pass runs once per
 * loop turn however many things asked for it. The pass serves waiting
 * callers by priority, queue weight and arrival, across queues; each goes
 * to an eligible agent (ready, in the queue, with the skills asked, those
 * who passed on it last) chosen by the queue's strategy (acd-pick.c), or
 * rings all of them (ring-all). Callers past the queue's max wait leave by
 * its exit rule. One timer wakes the ACD at the next waiting caller's
 * deadline (a widening step or max wait): never a timer per caller. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <event2/event.h>
#include "acd.h"
#include "callback.h"
#include "callback-offer.h"
#include "customer.h"
#include "acd-pick.h"
#include "agent.h"
#include "call.h"
#include "cause.h"
#include "clock.h"
#include "conn.h"
#include "core.h"
#include "log.h"
#include "media.h"
#include "notify.h"
#include "queue.h"
#include "route.h"
#include "xmalloc.h"

static struct event *acd_ev;
static void	acd_run_cb(evutil_socket_t, short, void *);
static void	acd_event(struct call *, struct agent *, const char *, const char *);
static void	acd_unring(struct call *, struct agent *, const char *);

static int
acd_refused_by(const struct call *call, const struct agent *a)
{
	for (int i = 0; i < call->nrejected; i++)
		if (strcmp(call->rejected[i], a->id) == 0)
			return 1;
	return 0;
}

static int
acd_waited_s(const struct call *call)
{
	return (int)((clock_mono_us() - call->queue_enter_mono) / 1000000);
}

/* The ready agents who may take this call now, with what the strategies
 * weigh. Skills are asked at the queue's levels, lowered as the caller's
 * wait passes the queue's widening steps. */
static int
acd_candidates(const struct call *call, int lower_by, int honor_refusals,
    struct acd_cand *c, struct agent **who, int max)
{
	const struct queue	*q = call->queue;
	int			 n = 0, score;

	if (call->only_agent != NULL) {	/* transferred to this agent */
		struct agent *a = call->only_agent;

		if (a->state != AGENT_READY || a->call != NULL || max < 1)
			return 0;
		c[0] = (struct acd_cand){ .id = a->id, .order = a->order,
		    .idle_since = a->idle_since, .calls = a->calls,
		    .talk_ms = a->talk_ms };
		who[0] = a;
		return 1;
	}
	for (struct agent *a = agents; a != NULL && n < max; a = a->next) {
		if (a->state != AGENT_READY || a->removed || a->call != NULL ||
		    !agent_in_queue(a, q->name) ||
		    (honor_refusals && acd_refused_by(call, a)) ||
		    !skill_meets(&a->skills, &q->need, lower_by, &score))
			continue;
		c[n] = (struct acd_cand){ .id = a->id, .order = a->order,
		    .idle_since = a->idle_since, .calls = a->calls,
		    .talk_ms = a->talk_ms, .score = score };
		who[n++] = a;
	}
	return n;
}

/* The agent passed on this call: others are tried first. */
static void
acd_refused(struct call *call, struct agent *a)
{
	if (call->only_agent == a)	/* a transfer refused: the queue's now */
		call->only_agent = NULL;
	if (call->nrejected < CALL_MAX_REJECTS)
		call->rejected[call->nrejected++] = xstrdup(a->id);
	else {			/* everyone refused: start a new round */
		for (int i = 0; i < call->nrejected; i++)
			free(call->rejected[i]);
		call->nrejected = 0;
	}
}

static void
acd_offer_timeout_cb(evutil_socket_t fd, short what, void *arg)
{
	struct call	*call = arg;
	struct agent	*rang[CALL_RING_MAX];
	int		 n = call->nring;

	if (call->state != CALL_OFFERED || n == 0)
		return;
	log_info("call %s: offer to %d agent(s) timed out", call->id, n);
	memcpy(rang, call->ring, n * sizeof *rang);
	for (int i = 0; i < n; i++) {
		acd_event(call, rang[i], EV_OFFER_TIMEOUT, NULL);
		if (call->queue->cfg->missed_offer != 0)
			acd_refused(call, rang[i]);	/* others first, stay ready */
	}
	acd_cancel_offer(call, "timeout");
	for (int i = 0; i < n && call->queue->cfg->missed_offer == 0; i++)
		if (rang[i]->state == AGENT_READY)
			agent_set_state(rang[i], AGENT_NOT_READY, "missed");
}

/* Offers the call to n agents at once (1, or all eligible for ring-all). */
static void
acd_offer(struct call *call, struct agent **who, int n)
{
	int		 timeout = call->queue->cfg->offer_timeout;
	struct timeval	 tv = { timeout, 0 };
	json_t		*why = json_pack("{s:s}", "why", call->why);
	json_t		*pop = json_object();	/* the same for all who ring */
	char		*detail = json_dumps(why, JSON_COMPACT);

	call->nring = n < CALL_RING_MAX ? n : CALL_RING_MAX;
	for (int i = 0; i < call->nring; i++) {
		call->ring[i] = who[i];
		who[i]->call = call;
	}
	call->agent = call->ring[0];
	call_set_state(call, CALL_OFFERED);
	customer_screen_pop(call, pop);
	if (call->cb != NULL)
		json_object_set_new(pop, "callback", callback_json(call));
	for (int i = 0; i < call->nring; i++) {
		json_t *ev = proto_event("offer");

		acd_event(call, call->ring[i], EV_OFFER, detail);
		agent_set_state(call->ring[i], AGENT_RINGING, NULL);
		json_object_set_new(ev, "call", json_string(call->id));
		json_object_set_new(ev, "cli", json_string(call->cli));
		json_object_set_new(ev, "dnis", json_string(call->dnis));
		json_object_set_new(ev, "queue", json_string(call->queue->name));
		json_object_set_new(ev, "wait_s", json_integer((clock_mono_us() -
		    call->queue_enter_mono) / 1000000));
		json_object_set_new(ev, "timeout_s", json_integer(timeout));
		json_object_update(ev, pop);
		notify_agent(call->ring[i], ev);
	}
	json_decref(pop);
	free(detail);
	json_decref(why);
	if (call->offer_timer == NULL)
		call->offer_timer = evtimer_new(core.base, acd_offer_timeout_cb, call);
	evtimer_add(call->offer_timer, &tv);
}

/* Offers one waiting call: to the agent the queue's strategy picks, or,
 * for ring-all, to every eligible agent; the reason goes into call->why.
 * Returns how many agents now ring. */
static int
acd_route(struct call *call, struct acd_cand *c, struct agent **who, int max)
{
	static unsigned	 rng = 1;
	struct queue	*q = call->queue;
	int		 waited = acd_waited_s(call);
	int		 lower_by = widen_lower_by(&q->widen, waited), n, i;
	char		 need[160], pick[160];

	/* Agents who passed on this call come last, not never: a caller is
	 * not stranded while an agent who could take it is ready. */
	if ((n = acd_candidates(call, lower_by, 1, c, who, max)) == 0 &&
	    (call->nrejected == 0 ||
	    (n = acd_candidates(call, lower_by, 0, c, who, max)) == 0))
		return 0;
	if (q->cfg->strategy == CFG_STRATEGY_RING_ALL)
		snprintf(pick, sizeof pick, "ring_all: %d eligible agents ring "
		    "at once", n);
	else {
		i = acd_pick(q->cfg->strategy, c, n, q->rr_last, &rng, pick,
		    sizeof pick);
		q->rr_last = c[i].order;
		who[0] = who[i];
		n = 1;
	}
	skill_format(&q->need, lower_by, need, sizeof need);
	snprintf(call->why, sizeof call->why, "queue %s, priority %d, waited %ds; "
	    "skills asked: %s%s; %s", q->name, call->priority, waited,
	    need[0] ? need : "none", lower_by ? " (widened)" : "", pick);
	acd_offer(call, who, n);
	return n;
}

/* Who goes first: priority, then the queue's weight, then arrival. */
static int
acd_before(const void *x, const void *y)
{
	const struct call *a = *(struct call *const *)x;
	const struct call *b = *(struct call *const *)y;

	if (a->priority != b->priority)
		return b->priority - a->priority;
	if (a->queue->cfg->weight != b->queue->cfg->weight)
		return b->queue->cfg->weight - a->queue->cfg->weight;
	return a->queue_enter_mono < b->queue_enter_mono ? -1 :
	    a->queue_enter_mono > b->queue_enter_mono;
}

static int
acd_ready_agents(void)
{
	int n = 0;

	for (struct agent *a = agents; a != NULL; a = a->next)
		n += a->state == AGENT_READY && a->call == NULL;
	return n;
}

/* When this waiting caller next needs the ACD without anything else
 * happening: a widening step or the queue's max wait. 0 = never. */
static uint64_t
acd_deadline(const struct call *call)
{
	const struct queue	*q = call->queue;
	int			 s = widen_next_s(&q->widen, acd_waited_s(call));
	uint64_t		 at = 0;

	if (s >= 0)
		at = call->queue_enter_mono + (uint64_t)s * 1000000;
	if (q->cfg->max_wait > 0 && call->cb == NULL) {
		uint64_t mw = call->queue_enter_mono +
		    (uint64_t)q->cfg->max_wait * 1000000;

		if (at == 0 || mw < at)
			at = mw;
	}
	return at;
}

/* One timer for the whole ACD: the next deadline of any waiting caller.
 * Not a timer per caller, and nothing that wakes up to check. */
static void
acd_arm_timer(struct call **waiting, int n)
{
	static struct event	*ev;
	uint64_t		 next = 0, at;
	struct timeval		 tv;

	for (int i = 0; i < n; i++) {
		if (waiting[i]->state != CALL_QUEUED || waiting[i]->queue == NULL)
			continue;
		at = acd_deadline(waiting[i]);
		if (at != 0 && (next == 0 || at < next))
			next = at;
	}
	if (ev == NULL)
		ev = evtimer_new(core.base, acd_run_cb, NULL);
	if (next == 0) {
		evtimer_del(ev);
		return;
	}
	at = clock_mono_us();
	at = next > at ? next - at : 0;
	tv.tv_sec = at / 1000000;
	tv.tv_usec = at % 1000000;
	evtimer_add(ev, &tv);
}

/* Drops the callers acd_expire() cleared (NULL entries). */
static int
acd_compact(struct call **waiting, int n)
{
	int j = 0;

	for (int i = 0; i < n; i++)
		if (waiting[i] != NULL)
			waiting[j++] = waiting[i];
	return j;
}

/* Callers past their queue's max wait leave by its exit rule. */
static void
acd_expire(struct call **waiting, int n)
{
	for (int i = 0; i < n; i++) {
		struct call	*call = waiting[i];
		struct queue	*q = call->queue;
		struct queue	*to;

		if (call->state != CALL_QUEUED || q == NULL || call->cb != NULL ||
		    q->cfg->max_wait <= 0 || acd_waited_s(call) < q->cfg->max_wait)
			continue;
		if (q->cfg->max_wait_exit.act.kind == ACT_CALLBACK) {
			waiting[i] = NULL;	/* keeps its place while asked */
			cb_offer_start(call, q->cfg->max_wait_exit.act.arg, 1);
			continue;
		}
		to = route_exit_queue(q, &q->cfg->max_wait_exit.act);
		queue_exit(call, "max_wait", to);
		if (to != NULL)
			continue;
		waiting[i] = NULL;
		if (q->cfg->max_wait_exit.act.kind == ACT_HANGUP)
			call_hangup(call, CAUSE_NORMAL, DB_CLEARED_CORE,
			    "max wait reached");
		else
			route_action(call, &q->cfg->max_wait_exit.act);
	}
}

static void
acd_run_cb(evutil_socket_t fd, short what, void *arg)
{
	struct call	**waiting, *call;
	struct agent	**who;
	struct acd_cand	 *cand;
	struct agent	 *a;
	int		  n = 0, ready = acd_ready_agents(), nagents = 0;
	uint64_t	  t0 = clock_mono_us();

	if (call_count() == 0)
		return;
	for (a = agents; a != NULL; a = a->next)
		nagents++;
	waiting = xcalloc(call_count(), sizeof *waiting);
	cand = xcalloc(nagents + 1, sizeof *cand);
	who = xcalloc(nagents + 1, sizeof *who);
	TAILQ_FOREACH(call, &calls, entry)	/* not while choosing a callback */
		if (call->state == CALL_QUEUED && call->queue != NULL &&
		    call->cbo == NULL)
			waiting[n++] = call;
	acd_expire(waiting, n);
	n = acd_compact(waiting, n);
	qsort(waiting, n, sizeof *waiting, acd_before);
	for (int i = 0; i < n && ready > 0; i++)
		ready -= acd_route(waiting[i], cand, who, nagents);
	acd_arm_timer(waiting, n);
	free(who);
	free(cand);
	free(waiting);
	log_debug("acd pass: %d waiting, %d agents, %llu us", n, nagents,
	    (unsigned long long)(clock_mono_us() - t0));
}

void
acd_dispatch(void)
{
	if (acd_ev == NULL)
		acd_ev = event_new(core.base, -1, 0, acd_run_cb, NULL);
	event_active(acd_ev, 0, 0);
}

/* An event about the call naming one of the agents it rings. */
static void
acd_event(struct call *call, struct agent *a, const char *kind,
    const char *detail)
{
	struct agent *first = call->agent;

	call->agent = a;
	call_event(call, kind, detail);
	call->agent = first;
}

static const char *
reason_detail(const char *reason)
{
	static char buf[64];

	snprintf(buf, sizeof buf, "{\"reason\":\"%s\"}", reason);
	return buf;
}

/* Stops one agent's ringing for this call. */
static void
acd_unring(struct call *call, struct agent *a, const char *reason)
{
	json_t	*ev;
	int	 j = 0;

	for (int i = 0; i < call->nring; i++)
		if (call->ring[i] != a)
			call->ring[j++] = call->ring[i];
	call->nring = j;
	call->agent = j > 0 ? call->ring[0] : NULL;
	a->call = NULL;
	ev = proto_event("offer_cancel");
	json_object_set_new(ev, "call", json_string(call->id));
	json_object_set_new(ev, "reason", json_string(reason));
	notify_agent(a, ev);
	if (a->state == AGENT_RINGING && !a->leaving)
		agent_set_state(a, AGENT_READY, NULL);
}

/* Withdraws the offer from everyone; the caller keeps their place. */
void
acd_cancel_offer(struct call *call, const char *reason)
{
	if (call->offer_timer != NULL)
		evtimer_del(call->offer_timer);
	if (strcmp(reason, "timeout") != 0 && strcmp(reason, "rejected") != 0)
		for (int i = 0; i < call->nring; i++)
			acd_event(call, call->ring[i], EV_OFFER_CANCEL,
			    reason_detail(reason));
	while (call->nring > 0)
		acd_unring(call, call->ring[0], reason);
	if (call->state == CALL_OFFERED)
		call_set_state(call, CALL_QUEUED);
	call->agent = NULL;
	acd_dispatch();
}

void
acd_withdraw(struct call *call, struct agent *a, const char *reason)
{
	if (call->nring <= 1) {
		acd_cancel_offer(call, reason);
		return;
	}
	acd_event(call, a, EV_OFFER_CANCEL, reason_detail(reason));
	acd_unring(call, a, reason);
	acd_dispatch();
}

void
acd_accept(struct agent *a, struct call *call)
{
	evtimer_del(call->offer_timer);
	for (int i = call->nring - 1; i >= 0; i--) {	/* ring-all: the others */
		if (call->ring[i] == a)
			continue;
		acd_event(call, call->ring[i], EV_OFFER_CANCEL, reason_detail("taken"));
		acd_unring(call, call->ring[i], "taken");
	}
	call->nring = 0;
	call->only_agent = NULL;
	if (call->cb != NULL) {		/* a callback: dial the caller now */
		callback_accepted(a, call);
		return;
	}
	call_set_agent(call, a);
	call->queue->answered++;
	queue_leave(call);
	call_set_state(call, CALL_CONNECTED);
	call_event(call, EV_AGENT_ANSWER, NULL);
	agent_set_state(a, AGENT_ON_CALL, NULL);
	media_play_stop(call);		/* an announcement must not talk over */
	if (a->ep != NULL)
		media_join(call, a->ep, MEDIA_AGENT);
	call_agent_talks(call, NULL);
}

void
acd_reject(struct agent *a, struct call *call)
{
	acd_event(call, a, EV_OFFER_REJECT, NULL);
	acd_refused(call, a);
	if (call->nring > 1) {		/* ring-all: the others ring on */
		acd_unring(call, a, "rejected");
		acd_dispatch();
	} else
		acd_cancel_offer(call, "rejected");
}
