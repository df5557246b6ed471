/* acd.c: automatic call distribution. Decided inside the loop when something
 * happens: acd_dispatch() only marks a pass as due; the pass runs once per
 * loop turn however many things asked for it. The pass serves waiting
 * callers by priority, queue weight and arrival, across queues; each goes
 * to an eligible agent (ready, in the queue, with the skills asked, those
 * who passed on it last) chosen by the queue's strategy (acd-pick.c), or
 * rings all of them (ring-all): the rules are acd-route.c's. A pass decides
 * only for what changed (acd-index.c): an agent got ready, a call arrived
 * or came back, a deadline fell due. Callers past the queue's max wait
 * leave by its exit rule. One timer wakes the ACD at the next waiting
 * caller's deadline (a widening step or max wait): never a timer per
 * caller. This file carries decisions out: offers, accept, reject. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <event2/event.h>
#include "acd.h"
#include "acd-wake.h"
#include "callback.h"
#include "callback-offer.h"
#include "campaign.h"
#include "customer.h"
#include "acd-index.h"
#include "acd-route.h"
#include "agent.h"
#include "call.h"
#include "call-agent.h"
#include "cause.h"
#include "clock.h"
#include "core.h"
#include "log.h"
#include "media.h"
#include "proto.h"
#include "queue.h"
#include "route.h"
#include "sink.h"
#include "xmalloc.h"

static void	acd_due_cb(evutil_socket_t, short, void *);
static void	acd_unring(struct call *, struct agent *, const char *);

/* The agent passed on this call: others are tried first. */
static void
acd_refused(struct call *call, struct agent *a)
{
	if (call->only_agent == a)	/* a transfer refused: the queue's now */
		call_set_only_agent(call, NULL);
	call_add_refusal(call, a->id);
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
		call_event_agent(call, rang[i], EV_OFFER_TIMEOUT, NULL);
		if (call->queue->cfg->missed_offer != 0)
			acd_refused(call, rang[i]);	/* others first, stay ready */
	}
	acd_cancel_offer(call, "timeout");
	for (int i = 0; i < n && call->queue->cfg->missed_offer == 0; i++)
		if (rang[i]->state == AGENT_READY)
			agent_set_state(rang[i], AGENT_NOT_READY, "missed");
}

static json_t *
acd_offer_event(struct call *call, int timeout, json_t *pop)
{
	json_t *ev = proto_event("offer");

	json_object_set_new(ev, "call", json_string(call->id));
	json_object_set_new(ev, "cli", json_string(call->cli));
	json_object_set_new(ev, "dnis", json_string(call->dnis));
	json_object_set_new(ev, "queue", json_string(call->queue->name));
	json_object_set_new(ev, "wait_s", json_integer((clock_mono_us() -
	    call->queue_enter_mono) / 1000000));
	json_object_set_new(ev, "timeout_s", json_integer(timeout));
	json_object_update(ev, pop);
	return ev;
}

/* Offers the call to n agents at once (1, or all eligible for ring-all);
 * WHY is the decision's reason (ctl why). */
static void
acd_offer(struct call *call, struct agent **who, int n, const char *why)
{
	int		 timeout = call->queue->cfg->offer_timeout;
	struct timeval	 tv = { timeout, 0 };
	json_t		*jwhy = json_pack("{s:s}", "why", why);
	json_t		*pop = json_object();	/* the same for all who ring */

	call_set_why(call, why);
	n = call_ring(call, who, n);
	for (int i = 0; i < n; i++)
		agent_set_call(who[i], call);
	call_set_state(call, CALL_OFFERED);
	customer_screen_pop(call, pop);
	if (call->cb != NULL)
		json_object_set_new(pop, "callback", callback_json(call));
	for (int i = 0; i < call->nring; i++) {
		call_event_agent(call, call->ring[i], EV_OFFER, json_incref(jwhy));
		agent_set_state(call->ring[i], AGENT_RINGING, NULL);
		sink_agent(call->ring[i], acd_offer_event(call, timeout, pop));
	}
	json_decref(pop);
	json_decref(jwhy);
	evtimer_add(call_offer_timer(call, acd_offer_timeout_cb), &tv);
}

/* One timer for the whole ACD: the next deadline of any waiting caller.
 * Not a timer per caller, and nothing that wakes up to check. */
static void
acd_arm_timer(void)
{
	static struct event	*ev;
	uint64_t		 next = acd_index_next_due(), at;
	struct timeval		 tv;

	if (ev == NULL)
		ev = evtimer_new(core.base, acd_due_cb, NULL);
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

/* Time spent carrying decisions out (events stored, consoles told), kept
 * apart from deciding in the pass's log line (tests/bench). */
static uint64_t acd_carry_us;

static void
acd_offer_timed(struct call *call, struct agent **who, int n, const char *why)
{
	uint64_t t0 = clock_mono_us();

	acd_offer(call, who, n, why);
	acd_carry_us += clock_mono_us() - t0;
}

static void
acd_expire_timed(struct call **waiting, int n)
{
	uint64_t t0 = clock_mono_us();

	acd_expire(waiting, n);
	acd_carry_us += clock_mono_us() - t0;
}

/* One routing pass (acd-wake.c runs it, then the campaigns' turn). */
void
acd_run(void)
{
	static const struct acd_ops ops = { acd_expire_timed, acd_offer_timed };
	uint64_t	t0 = clock_mono_us();
	int		n;

	if (call_count() == 0)
		return;
	acd_carry_us = 0;
	n = acd_index_pass(&ops);
	acd_arm_timer();
	log_debug("acd pass: %d calls decided, %llu us, %llu us carrying out",
	    n, (unsigned long long)(clock_mono_us() - t0),
	    (unsigned long long)acd_carry_us);
}

/* A waiting caller's deadline came: a pass. */
static void
acd_due_cb(evutil_socket_t fd, short what, void *arg)
{
	acd_dispatch();
}

static json_t *
reason_detail(const char *reason)
{
	return json_pack("{s:s}", "reason", reason);
}

/* Stops one agent's ringing for this call. */
static void
acd_unring(struct call *call, struct agent *a, const char *reason)
{
	json_t	*ev;

	call_unring(call, a);
	agent_set_call(a, NULL);
	ev = proto_event("offer_cancel");
	json_object_set_new(ev, "call", json_string(call->id));
	json_object_set_new(ev, "reason", json_string(reason));
	sink_agent(a, ev);
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
			call_event_agent(call, call->ring[i], EV_OFFER_CANCEL,
			    reason_detail(reason));
	while (call->nring > 0)
		acd_unring(call, call->ring[0], reason);
	call_offer_over(call);
	if (call->state == CALL_OFFERED) {
		call_set_state(call, CALL_QUEUED);
		acd_index_requeued(call);
	}
	acd_dispatch();
}

void
acd_withdraw(struct call *call, struct agent *a, const char *reason)
{
	if (call->nring <= 1) {
		acd_cancel_offer(call, reason);
		return;
	}
	call_event_agent(call, a, EV_OFFER_CANCEL, reason_detail(reason));
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
		call_event_agent(call, call->ring[i], EV_OFFER_CANCEL, reason_detail("taken"));
		acd_unring(call, call->ring[i], "taken");
	}
	call_offer_taken(call);
	if (call->cb != NULL) {		/* a callback: dial the caller now */
		callback_accepted(a, call);
		return;
	}
	call_set_agent(call, a);
	queue_count_answered(call->queue);
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
	call_event_agent(call, a, EV_OFFER_REJECT, NULL);
	acd_refused(call, a);
	if (call->nring > 1) {		/* ring-all: the others ring on */
		acd_unring(call, a, "rejected");
		acd_dispatch();
	} else
		acd_cancel_offer(call, "rejected");
}
