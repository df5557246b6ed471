/* transfer.c: calls changing hands (transfer.h). Every hand-over is a
 * `transfer` event (the statistics close the first agent's handling
 * there); consultation steps are `consult` events. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <event2/event.h>
#include "acd-wake.h"
#include "agent.h"
#include "call.h"
#include "call-agent.h"
#include "cause.h"
#include "core.h"
#include "customer.h"
#include "db.h"
#include "endpoint.h"
#include "leg.h"
#include "log.h"
#include "media.h"
#include "proto.h"
#include "queue.h"
#include "sink.h"
#include "transfer.h"
#include "xmalloc.h"

#define XFER_SIGNAL_S	4	/* busy or congestion tone, then clear */
#define XFER_DIAL_RING_S 60	/* an agent's own call may ring this long */

static void
xfer_event(struct call *call, const char *kind, const char *mode,
    const char *to)
{
	call_event(call, kind, json_pack("{s:s,s:s}", "mode", mode, "to", to));
}

static void
xfer_notify(struct agent *a, const char *name, struct call *call, int cause)
{
	json_t *ev;

	if (a == NULL)
		return;
	ev = proto_event(name);
	json_object_set_new(ev, "call", json_string(call->id));
	if (call->party != NULL && call->party->leg != NULL &&
	    leg_call(call->party->leg) != NULL)
		json_object_set_new(ev, "consult",
		    json_string(leg_call(call->party->leg)->id));
	if (cause != 0)
		json_object_set_new(ev, "cause", json_integer(cause));
	sink_agent(a, ev);
}

static void
xfer_signal_cb(evutil_socket_t fd, short what, void *arg)
{
	struct call *call = arg;

	call_hangup(call, call->party_cause, DB_CLEARED_CORE,
	    "transfer failed");
}

/* The outside party answered, or is gone (inside its own call_end). */
static void
xfer_party_cb(struct leg *l, enum leg_event e, int cause, void *arg)
{
	struct call		*call = arg;
	struct endpoint		*ep = call->party;
	enum transfer_state	 was = call->party_state;
	struct timeval		 tv = { XFER_SIGNAL_S, 0 };

	if (e == LEG_ANSWERED) {
		media_ringing(call, 0);
		if (was == XFER_RINGING && call->agent != NULL) {
			call_set_party_state(call, XFER_CONSULT);
			xfer_notify(call->agent, "consult_connected", call, 0);
		} else if (was == XFER_RINGING)
			call_set_party_state(call, XFER_TRANSFERRED);
		return;
	}
	media_ringing(call, 0);
	xfer_notify(call->agent, "consult_ended", call, cause);
	media_leave(call, ep);
	call_set_party(call, NULL, XFER_NONE);
	endpoint_close(ep);
	if (call->agent != NULL) {	/* back to the caller */
		call_hold(call, 0);
		return;
	}
	if (was == XFER_RINGING) {	/* nobody took it: tell the caller */
		log_info("call %s: transfer failed, cause %d", call->id, cause);
		media_signal(call, cause == CAUSE_USER_BUSY ? MEDIA_BUSY :
		    MEDIA_CONGESTION);
		call_set_party_failed(call, cause,	/* to clear the call with */
		    evtimer_new(core.base, xfer_signal_cb, call));
		evtimer_add(call->party_timer, &tv);
		return;
	}
	call_hangup(call, CAUSE_NORMAL, DB_CLEARED_NETWORK,
	    "transferred party hung up");
}

static int
xfer_idle(struct call *call, char *why, size_t len)
{
	if (call->party != NULL || call->consult_agent != NULL) {
		snprintf(why, len, "finish the consultation first");
		return -1;
	}
	return 0;
}

/* TO may take a transfer or a consultation from FROM: ready, free, with
 * a console to see it. */
static int
xfer_agent_free(const struct agent *to, const struct agent *from, char *why,
    size_t len)
{
	if (to != from && to->state == AGENT_READY && to->call == NULL &&
	    to->conn != NULL)
		return 0;
	snprintf(why, len, "agent %s is not ready", to->id);
	return -1;
}

/* Who the consultation is with: "agent:ID" or "number:DIGITS". */
static const char *
xfer_party_name(struct call *call, char *buf, size_t len)
{
	if (call->consult_agent != NULL)
		snprintf(buf, len, "agent:%s", call->consult_agent->id);
	else
		snprintf(buf, len, "number:%s", call->party != NULL ?
		    call->party->spec + 6 : "");
	return buf;
}

/* The caller waits in Q again; the agent's part is over. */
static void
xfer_requeue(struct call *call, struct agent *a, struct queue *q,
    const char *to)
{
	xfer_event(call, EV_TRANSFER, "blind", to);
	log_info("call %s: agent %s transfers it to %s", call->id, a->id, to);
	call_hold(call, 0);
	call_agent_leaves(call, a, CAUSE_NORMAL, "transfer");
	call_set_agent_answer_ms(call, 0);
	queue_enter(q, call);
	acd_dispatch();
}

int
transfer_to_queue(struct call *call, struct agent *a, struct queue *q,
    char *why, size_t len)
{
	char to[80];

	if (xfer_idle(call, why, len) != 0)
		return -1;
	snprintf(to, sizeof to, "queue:%s", q->name);
	xfer_requeue(call, a, q, to);
	return 0;
}

int
transfer_to_agent(struct call *call, struct agent *from, struct agent *to,
    char *why, size_t len)
{
	struct queue	*q = queue_find(call->queue_name != NULL ?
			    call->queue_name : "");
	char		 name[64];

	if (xfer_agent_free(to, from, why, len) != 0)
		return -1;
	if (q == NULL || q->removed || !agent_in_queue(to, q->name)) {
		for (q = queues; q != NULL && (q->removed ||
		    !agent_in_queue(to, q->name)); q = q->next)
			;
		if (q == NULL) {
			snprintf(why, len, "agent %s takes no queue", to->id);
			return -1;
		}
	}
	if (xfer_idle(call, why, len) != 0)
		return -1;
	snprintf(name, sizeof name, "agent:%s", to->id);
	call_set_only_agent(call, to);
	xfer_requeue(call, from, q, name);
	return 0;
}

static struct endpoint *
xfer_dial(struct call *call, const char *number, const char *what)
{
	char owner[64];

	snprintf(owner, sizeof owner, "%s of %s", what, call->id);
	call_set_party(call, endpoint_dial(number, owner, call->id,
	    xfer_party_cb, call), XFER_RINGING);
	return call->party;
}

int
transfer_to_number(struct call *call, struct agent *from, const char *number,
    char *why, size_t len)
{
	char to[64];

	if (xfer_idle(call, why, len) != 0)
		return -1;
	snprintf(to, sizeof to, "number:%s", number);
	xfer_event(call, EV_TRANSFER, "blind", to);
	log_info("call %s: transferred to %s", call->id, number);
	if (from != NULL) {
		call_hold(call, 0);
		call_agent_leaves(call, from, CAUSE_NORMAL, "transfer");
	}
	media_join(call, xfer_dial(call, number, "transfer"), MEDIA_AGENT);
	media_ringing(call, 1);
	if (call->state != CALL_CONNECTED)
		call_set_state(call, CALL_CONNECTED);
	return 0;
}

int
transfer_consult_number(struct call *call, struct agent *a,
    const char *number, char *why, size_t len)
{
	char to[64];

	if (xfer_idle(call, why, len) != 0)
		return -1;
	snprintf(to, sizeof to, "number:%s", number);
	xfer_event(call, EV_CONSULT, "start", to);
	call_hold(call, 1);
	media_join(call, xfer_dial(call, number, "consultation"),
	    MEDIA_CONSULT);
	return 0;
}

int
transfer_consult_agent(struct call *call, struct agent *a, struct agent *to,
    char *why, size_t len)
{
	json_t	*ev;
	char	 name[64];

	if (xfer_idle(call, why, len) != 0 ||
	    xfer_agent_free(to, a, why, len) != 0)
		return -1;
	snprintf(name, sizeof name, "agent:%s", to->id);
	xfer_event(call, EV_CONSULT, "start", name);
	call_hold(call, 1);
	agent_set_call(to, call);
	call_set_consult_agent(call, to);
	call_set_party_state(call, XFER_CONSULT);
	agent_set_state(to, AGENT_ON_CALL, NULL);
	if (to->ep != NULL)
		media_join(call, to->ep, MEDIA_CONSULT);
	ev = proto_event("consult");
	json_object_set_new(ev, "call", json_string(call->id));
	json_object_set_new(ev, "from", json_string(a->id));
	json_object_set_new(ev, "cli", json_string(call->cli));
	json_object_set_new(ev, "queue", call->queue_name != NULL ?
	    json_string(call->queue_name) : json_null());
	json_object_set_new(ev, "customer", customer_pop(call));
	sink_agent(to, ev);
	xfer_notify(a, "consult_connected", call, 0);
	return 0;
}

static int
xfer_talking(struct call *call, char *why, size_t len)
{
	if (call->party_state != XFER_CONSULT &&
	    call->party_state != XFER_CONFERENCE) {
		snprintf(why, len, call->party_state == XFER_RINGING ?
		    "the consulted party has not answered" :
		    "no consultation in progress");
		return -1;
	}
	return 0;
}

int
transfer_complete(struct call *call, struct agent *a, char *why, size_t len)
{
	struct agent	*to = call->consult_agent;
	char		 name[64];

	if (xfer_talking(call, why, len) != 0)
		return -1;
	xfer_event(call, EV_TRANSFER, "consult", xfer_party_name(call, name,
	    sizeof name));
	call_hold(call, 0);
	if (to == NULL) {
		media_join(call, call->party, MEDIA_AGENT);	/* role change */
		call_set_party_state(call, XFER_TRANSFERRED);
		call_agent_leaves(call, a, CAUSE_NORMAL, "transfer");
		return 0;
	}
	call_set_consult_agent(call, NULL);
	call_set_party_state(call, XFER_NONE);
	call_agent_leaves(call, a, CAUSE_NORMAL, "transfer");
	if (to->ep != NULL)
		media_join(call, to->ep, MEDIA_AGENT);
	call_set_agent(call, to);
	call_agent_talks(call, NULL);
	return 0;
}

int
transfer_cancel(struct call *call, struct agent *a, char *why, size_t len)
{
	struct agent	*to = call->consult_agent;
	struct endpoint	*ep = call->party;
	char		 name[64];

	if (ep == NULL && to == NULL) {
		snprintf(why, len, "no consultation in progress");
		return -1;
	}
	xfer_event(call, EV_CONSULT, "cancel", xfer_party_name(call, name,
	    sizeof name));
	if (ep != NULL) {
		media_leave(call, ep);
		call_set_party(call, NULL, call->party_state);
		endpoint_close(ep);		/* hangs up: no callback */
	}
	if (to != NULL) {
		if (to->ep != NULL)
			media_leave(call, to->ep);
		agent_set_call(to, NULL);
		call_set_consult_agent(call, NULL);
		xfer_notify(to, "consult_ended", call, CAUSE_NORMAL);
		agent_set_state(to, AGENT_READY, NULL);
	}
	call_set_party_state(call, XFER_NONE);
	call_hold(call, 0);
	return 0;
}

void
transfer_agent_gone(struct call *call, struct agent *to)
{
	call_set_party_state(call, XFER_NONE);
	call_agent_leaves(call, to, CAUSE_NORMAL, "logout");
	xfer_notify(call->agent, "consult_ended", call, CAUSE_NORMAL);
	call_hold(call, 0);
}

int
transfer_conference(struct call *call, struct agent *a, char *why, size_t len)
{
	struct agent	*to = call->consult_agent;
	char		 name[64];

	if (xfer_talking(call, why, len) != 0)
		return -1;
	xfer_event(call, EV_CONSULT, "conference", xfer_party_name(call, name,
	    sizeof name));
	if (to == NULL)
		media_join(call, call->party, MEDIA_BARGE);
	else if (to->ep != NULL)
		media_join(call, to->ep, MEDIA_BARGE);
	call_set_party_state(call, XFER_CONFERENCE);
	call_hold(call, 0);
	return 0;
}

struct call *
transfer_dial(struct agent *a, const char *number, const char *cli,
    const char *queue, char *why, size_t len)
{
	struct call	*call;
	int		 cause;

	if (a->state != AGENT_READY && a->state != AGENT_NOT_READY) {
		snprintf(why, len, "agent is %s", agent_state_name(a->state));
		return NULL;
	}
	if (a->state == AGENT_NOT_READY && a->after == AFTER_DEFAULT)
		agent_set_after(a, AFTER_NOT_READY, a->reason);	/* back to it */
	call = call_new_outbound(number);
	call_set_agent(call, a);
	call_set_route(call, "dial");
	call_set_queue_name(call, queue);
	agent_set_call(a, call);
	agent_set_state(a, AGENT_ON_CALL, NULL);
	if (a->ep != NULL)
		media_join(call, a->ep, MEDIA_AGENT);
	if ((cause = call_dial(call, cli, XFER_DIAL_RING_S)) != 0) {
		snprintf(why, len, "no free channel");
		call_set_state(call, CALL_DIALING);
		call_end(call, cause, DB_CLEARED_CORE, "no free channel");
		return NULL;
	}
	log_info("call %s: agent %s dials %s", call->id, a->id, number);
	return call;
}

void
transfer_dial_answered(struct call *call)
{
	call_set_state(call, CALL_CONNECTED);
	call_agent_talks(call, NULL);
}
