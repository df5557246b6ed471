/* acd.c: automatic call distribution (the minimum; skills, strategies and
 * overflow come with the ACD issue). Decided inside the loop when something
 * happens: acd_dispatch() only marks a pass as due; the pass runs once per
 * loop turn however many things asked for it. The pass serves waiting
 * callers oldest first, across queues, each by the longest-idle ready
 * agent of its queue who has not refused it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <event2/event.h>
#include "acd.h"
#include "agent.h"
#include "call.h"
#include "clock.h"
#include "conn.h"
#include "core.h"
#include "log.h"
#include "notify.h"
#include "queue.h"
#include "xmalloc.h"

static struct event *acd_ev;

static int
acd_refused_by(const struct call *call, const struct agent *a)
{
	for (int i = 0; i < call->nrejected; i++)
		if (strcmp(call->rejected[i], a->id) == 0)
			return 1;
	return 0;
}

static struct agent *
acd_pick_agent(const struct call *call)
{
	struct agent *best = NULL;

	for (struct agent *a = agents; a != NULL; a = a->next) {
		if (a->state != AGENT_READY || a->removed || a->call != NULL ||
		    !agent_in_queue(a, call->queue->name) ||
		    acd_refused_by(call, a))
			continue;
		if (best == NULL || a->idle_since < best->idle_since)
			best = a;
	}
	return best;
}

static void
acd_offer_timeout_cb(evutil_socket_t fd, short what, void *arg)
{
	struct call	*call = arg;
	struct agent	*a = call->agent;

	if (call->state != CALL_OFFERED || a == NULL)
		return;
	log_info("call %s: offer to agent %s timed out", call->id, a->id);
	call_event(call, EV_OFFER_TIMEOUT, NULL);
	acd_cancel_offer(call, "timeout");
	agent_set_state(a, AGENT_NOT_READY, "missed");
}

static void
acd_offer(struct call *call, struct agent *a)
{
	int		 timeout = call->queue->cfg->offer_timeout;
	struct timeval	 tv = { timeout, 0 };
	json_t		*ev = proto_event("offer");

	call->agent = a;
	a->call = call;
	call_set_state(call, CALL_OFFERED);
	call_event(call, EV_OFFER, NULL);
	agent_set_state(a, AGENT_RINGING, NULL);
	if (call->offer_timer == NULL)
		call->offer_timer = evtimer_new(core.base, acd_offer_timeout_cb, call);
	evtimer_add(call->offer_timer, &tv);
	json_object_set_new(ev, "call", json_string(call->id));
	json_object_set_new(ev, "cli", json_string(call->cli));
	json_object_set_new(ev, "dnis", json_string(call->dnis));
	json_object_set_new(ev, "queue", json_string(call->queue->name));
	json_object_set_new(ev, "wait_s", json_integer((clock_mono_us() -
	    call->queue_enter_mono) / 1000000));
	json_object_set_new(ev, "timeout_s", json_integer(timeout));
	notify_agent(a, ev);
}

static int
acd_older(const void *x, const void *y)
{
	const struct call *a = *(struct call *const *)x;
	const struct call *b = *(struct call *const *)y;

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

static void
acd_run_cb(evutil_socket_t fd, short what, void *arg)
{
	struct call	**waiting;
	struct call	 *call;
	struct agent	 *a;
	int		  n = 0, ready = acd_ready_agents();

	if (ready == 0 || call_count() == 0)
		return;
	waiting = xcalloc(call_count(), sizeof *waiting);
	TAILQ_FOREACH(call, &calls, entry)
		if (call->state == CALL_QUEUED && call->queue != NULL)
			waiting[n++] = call;
	qsort(waiting, n, sizeof *waiting, acd_older);
	for (int i = 0; i < n && ready > 0; i++) {
		if ((a = acd_pick_agent(waiting[i])) != NULL) {
			acd_offer(waiting[i], a);
			ready--;
		}
	}
	free(waiting);
}

void
acd_dispatch(void)
{
	if (acd_ev == NULL)
		acd_ev = event_new(core.base, -1, 0, acd_run_cb, NULL);
	event_active(acd_ev, 0, 0);
}

static const char *
reason_detail(const char *reason)
{
	static char buf[64];

	snprintf(buf, sizeof buf, "{\"reason\":\"%s\"}", reason);
	return buf;
}

/* Withdraws the offer; the caller keeps their place in the queue. */
void
acd_cancel_offer(struct call *call, const char *reason)
{
	struct agent	*a = call->agent;
	json_t		*ev;

	if (call->offer_timer != NULL)
		evtimer_del(call->offer_timer);
	if (a != NULL && strcmp(reason, "timeout") != 0 &&
	    strcmp(reason, "rejected") != 0)
		call_event(call, EV_OFFER_CANCEL, reason_detail(reason));
	if (call->state == CALL_OFFERED)
		call_set_state(call, CALL_QUEUED);
	call->agent = NULL;
	if (a == NULL)
		return;
	a->call = NULL;
	ev = proto_event("offer_cancel");
	json_object_set_new(ev, "call", json_string(call->id));
	json_object_set_new(ev, "reason", json_string(reason));
	notify_agent(a, ev);
	if (a->state == AGENT_RINGING && !a->leaving)
		agent_set_state(a, AGENT_READY, NULL);
	acd_dispatch();
}

void
acd_accept(struct agent *a, struct call *call)
{
	json_t *ev = proto_event("call_connected");

	evtimer_del(call->offer_timer);
	call->agent_answer_ms = clock_wall_ms();
	free(call->agent_id);
	call->agent_id = xstrdup(a->id);
	call->queue->answered++;
	queue_leave(call);
	call_set_state(call, CALL_CONNECTED);
	call_event(call, EV_AGENT_ANSWER, NULL);
	a->calls++;
	agent_set_state(a, AGENT_ON_CALL, NULL);
	json_object_set_new(ev, "call", json_string(call->id));
	json_object_set_new(ev, "cli", json_string(call->cli));
	json_object_set_new(ev, "queue", json_string(call->queue_name));
	notify_agent(a, ev);
}

void
acd_reject(struct agent *a, struct call *call)
{
	call_event(call, EV_OFFER_REJECT, NULL);
	if (call->nrejected < CALL_MAX_REJECTS)
		call->rejected[call->nrejected++] = xstrdup(a->id);
	else {			/* everyone refused: start a new round */
		for (int i = 0; i < call->nrejected; i++)
			free(call->rejected[i]);
		call->nrejected = 0;
	}
	acd_cancel_offer(call, "rejected");
}
