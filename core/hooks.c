/* hooks.c: what the calls, routing and session layers do when something
 * happens below them, registered once at start: the telephony's news
 * (span.c, isdn.c: a SETUP, a clearing, a 20 ms block), a call's moments
 * (call.c), and the routing's news for the clients (sink.h). The lower
 * layers reach up only through these (docs/ARCHITECTURE.md, "Layers");
 * the order of the steps here is the order they happen in. */
#include <string.h>
#include <jansson.h>
#include "acd.h"
#include "acd-index.h"
#include "acd-wake.h"
#include "agent.h"
#include "announce.h"
#include "call.h"
#include "call-agent.h"
#include "callback.h"
#include "callback-offer.h"
#include "cause.h"
#include "campaign.h"
#include "conn.h"
#include "endpoint.h"
#include "hooks.h"
#include "isdn.h"
#include "ivr.h"
#include "leg.h"
#include "media.h"
#include "notify.h"
#include "proto.h"
#include "queue.h"
#include "recording.h"
#include "route.h"
#include "sink.h"
#include "span.h"
#include "transfer.h"
#include "voicemail.h"

/* The call is ending: what runs on it above call.c stops. */
static void
hooks_call_stop(struct call *call, int cause)
{
	cb_offer_stop(call);
	callback_call_end(call, cause);
	voicemail_call_end(call);
	recording_call_end(call);
	ivr_stop(call);
	announce_stop(call);
	campaign_call_stop(call, cause);
}

static void	(*hooks_stopped)(void);	/* core-main's check for a stop */

static void
hooks_call_ended(void)
{
	acd_dispatch();
	hooks_stopped();
}

/* A callback attempt goes to its queue; an agent's dial connects. */
static void
hooks_call_answered(struct call *call)
{
	if (call->cb != NULL)
		callback_answered(call);
	else if (call->agent != NULL) {
		transfer_dial_answered(call);
		campaign_dial_answered(call);
	}
	else if (!campaign_predict_answered(call))
		call_hangup(call, CAUSE_NORMAL, DB_CLEARED_CORE,
		    "nobody to take it");
}

/* Tells the agent who placed (or took) an outbound call how it goes. */
static void
hooks_call_progress(struct call *call, const char *progress)
{
	json_t *ev;

	if (call->agent == NULL && strcmp(progress, "ringing") == 0)
		campaign_predict_ringing(call);
	if (call->agent == NULL)
		return;
	ev = proto_event("call_progress");
	json_object_set_new(ev, "call", json_string(call->id));
	json_object_set_new(ev, "number", json_string(call->dnis));
	json_object_set_new(ev, "progress", json_string(progress));
	notify_agent(call->agent, ev);
}

static const char *
hooks_agent_id(const struct agent *a)
{
	return a->id;
}

/* The call ends: an offer still ringing is withdrawn, then the agent and
 * the queue let go of it. */
static void
hooks_call_release(struct call *call, int cause, const char *cleared_by)
{
	if (call->state == CALL_OFFERED)
		acd_cancel_offer(call, "caller-hangup");
	call_agent_release(call, cause, cleared_by);
}

/* The call ends: its legs, its bridge and its outside party. */
static void
hooks_media_end(struct call *call, int cause)
{
	leg_call_end(call, cause);
	media_leave_all(call);
	if (call->party != NULL)
		endpoint_close(call->party);
}

static const struct call_hooks hooks_call = {
	.stop = hooks_call_stop,
	.release = hooks_call_release,
	.ended = hooks_call_ended,
	.answered = hooks_call_answered,
	.changed = notify_call_state,
	.progress = hooks_call_progress,
	.agent_id = hooks_agent_id,
	.line_answered = leg_answered,
	.digit = media_digit,
	.hold = media_hold,
	.media_end = hooks_media_end,
	.media_free = media_call_free,
};

static int
hooks_waiting_sound(const struct call *call)
{
	return call->queue != NULL ? call->queue->cfg->waiting_sound :
	    CFG_WAIT_RINGBACK;
}

/* A call put on hold after its queue hears that queue's music. */
static const char *
hooks_moh(const struct call *call)
{
	const struct queue *q = call->queue;

	if (q == NULL && call->queue_name != NULL)
		q = queue_find(call->queue_name);
	return q != NULL && q->cfg != NULL ? q->cfg->moh : "moh";
}

static struct span_hooks hooks_span = {
	.ring = call_new_inbound,
	.route = route_inbound,
	.refused = call_refused,
	.end = call_end,
	.hangup = call_hangup,
	.moved = call_moved,
	.alerting = call_out_alerting,
	.answered = call_out_answered,
	.digit = call_keypad,
	.block = media_tick,
	.changed = notify_span_state,
	.tell = notify_watchers,
	.waiting_sound = hooks_waiting_sound,
	.moh = hooks_moh,
};

/* The session no longer speaks for its agent. */
static void
hooks_session_detach(struct conn *c)
{
	c->agent = NULL;
	c->role = ROLE_NONE;
}

/* Another login took the agent over: the old console is told, then cut. */
static void
hooks_session_replaced(struct conn *c)
{
	conn_send(c, proto_event("session_replaced"));
	hooks_session_detach(c);
	conn_close(c, "session taken over");
}

static const struct sink_hooks hooks_sink = {
	.to_agent = notify_agent,
	.watchers = notify_watchers,
	.state_changed = notify_agent_state,
	.queue_waiting = notify_queue_waiting,
	.detach = hooks_session_detach,
	.replaced = hooks_session_replaced,
};

static const struct agent_hooks hooks_agent = {
	.indexed = acd_index_agent,
	.stale = acd_index_stale,
	.withdraw = acd_withdraw,
	.consult_gone = transfer_agent_gone,
	.left = campaign_predict_agent_left,
};

/* A caller waiting in a queue hears its announcements and, where the
 * queue offers it, may ask for a callback. */
static void
hooks_waiting(struct call *call)
{
	announce_start(call);
	if (call->queue->cfg->callback)
		cb_offer_listen(call);
}

static void
hooks_done_waiting(struct call *call)
{
	announce_stop(call);
	cb_offer_unlisten(call);
}

static const struct queue_hooks hooks_queue = {
	.entered = acd_index_enter,
	.left = acd_index_leave,
	.stale = acd_index_stale,
	.freed = acd_index_free,
	.waiting = hooks_waiting,
	.done_waiting = hooks_done_waiting,
};

static const struct campaign_modes hooks_campaign_modes = {
	.predict_pass = campaign_predict_pass,
	.predict_stop = campaign_predict_stop,
	.preview_offer = campaign_preview_offer,
	.preview_release = campaign_preview_release,
	.predict_waiting = campaign_predict_waiting,
};

/* What acd_dispatch() asks for: the ACD's pass, then agents left free
 * are the campaigns' to dial. Answered predictive calls of campaigns
 * with inbound_priority = no take free agents before the ACD's pass. */
static void
hooks_route_pass(void)
{
	campaign_predict_first();
	acd_run();
	campaign_dispatch();
}

void
hooks_init(void (*idle)(void))
{
	acd_wake_set(hooks_route_pass);
	agent_set_hooks(&hooks_agent);
	ivr_set_router(route_action);
	queue_set_hooks(&hooks_queue);
	campaign_set_modes(&hooks_campaign_modes);
	hooks_span.idle = idle;
	hooks_stopped = idle;
	call_set_hooks(&hooks_call);
	span_set_hooks(&hooks_span);
	span_set_dchan(&isdn_stack);
	sink_set_hooks(&hooks_sink);
}
