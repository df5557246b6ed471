/* hooks.c: what the routing and session layers do when something happens
 * below them, registered once at start: a call's moments (call.c) and the
 * telephony's news (span.c, isdn.c, endpoint.c). The lower layers reach
 * up only through these (docs/ARCHITECTURE.md, "Layers"); the order of
 * the steps here is the order they happen in. */
#include <jansson.h>
#include "acd.h"
#include "announce.h"
#include "call.h"
#include "callback.h"
#include "callback-offer.h"
#include "core.h"
#include "hooks.h"
#include "ivr.h"
#include "notify.h"
#include "proto.h"
#include "recording.h"
#include "route.h"
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
}

static void
hooks_call_ended(void)
{
	acd_dispatch();
	core_check_stopped();
}

/* A callback attempt goes to its queue; an agent's dial connects. */
static void
hooks_call_answered(struct call *call)
{
	if (call->cb != NULL)
		callback_answered(call);
	else
		transfer_dial_answered(call);
}

/* Tells the agent who placed (or took) an outbound call how it goes. */
static void
hooks_call_progress(struct call *call, const char *progress)
{
	json_t *ev;

	if (call->agent == NULL)
		return;
	ev = proto_event("call_progress");
	json_object_set_new(ev, "call", json_string(call->id));
	json_object_set_new(ev, "number", json_string(call->dnis));
	json_object_set_new(ev, "progress", json_string(progress));
	notify_agent(call->agent, ev);
}

static const struct call_hooks hooks_call = {
	.stop = hooks_call_stop,
	.release = call_agent_release,
	.ended = hooks_call_ended,
	.answered = hooks_call_answered,
	.changed = notify_call_state,
	.progress = hooks_call_progress,
};

static const struct span_hooks hooks_span = {
	.route = route_inbound,
	.changed = notify_span_state,
	.idle = core_check_stopped,
	.tell = notify_watchers,
};

void
hooks_init(void)
{
	call_set_hooks(&hooks_call);
	span_set_hooks(&hooks_span);
}
