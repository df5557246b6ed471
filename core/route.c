/* route.c: where a call goes (route.h). A DID names an action; IVR choices
 * and queue exits name actions too, and all of them are carried out here:
 * into a queue (past its hours and length checks, whose own exits are
 * actions again), into a menu, a message, voicemail, or hung up. A call
 * may hop at most ROUTE_MAX_HOPS times, so a loop in the config ends. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "acd-wake.h"
#include "action.h"
#include "call.h"
#include "callback-offer.h"
#include "cause.h"
#include "clock.h"
#include "core.h"
#include "isdn.h"
#include "ivr.h"
#include "log.h"
#include "media.h"
#include "queue.h"
#include "route.h"
#include "transfer.h"
#include "voicemail.h"
#include "xmalloc.h"

#define ROUTE_MAX_HOPS	16

void
route_answer(struct call *call)
{
	if (call->answer_ms != 0)
		return;
	isdn_answer(call->span, call->channel);
	call_set_answered(call);
}

/* The queue's own checks, before the caller joins: closed or full sends
 * the call by that exit instead. */
static int
route_to_queue(struct call *call, struct queue *q, int priority)
{
	const char		*why = NULL;
	const struct cfg_action	*rule = NULL;

	if (!hours_open(&q->hours, time(NULL))) {
		why = "closed";
		rule = &q->cfg->closed_exit;
	} else if (q->cfg->max_len > 0 && q->nwaiting >= q->cfg->max_len) {
		why = "full";
		rule = &q->cfg->max_len_exit;
	}
	if (why != NULL) {
		log_info("call %s: queue %s is %s: %s", call->id, q->name, why,
		    rule->text);
		call_set_refusal(call, why);
		return route_action(call, &rule->act);
	}
	if (priority >= 0)
		call_set_priority(call, priority);
	route_answer(call);
	queue_enter(q, call);
	acd_dispatch();
	return 0;
}

static void
route_hangup_cb(struct call *call)
{
	call_hangup(call, CAUSE_NORMAL, DB_CLEARED_CORE, "message played");
}

/* After answer, a call that cannot go on is cleared here. */
static int
route_fail(struct call *call, int cause, const char *why)
{
	if (call->answer_ms == 0)
		return cause;
	call_hangup(call, cause, DB_CLEARED_CORE, why);
	return 0;
}

struct queue *
route_exit_queue(const struct queue *from, const struct action *a)
{
	struct queue *to;

	if (a->kind != ACT_QUEUE || (to = queue_find(a->arg)) == NULL)
		return NULL;
	return to != from && !to->removed ? to : NULL;
}

int
route_action(struct call *call, const struct action *a)
{
	struct queue	*q;
	char		 why[256];
	const char	*name;

	if (++call->hops > ROUTE_MAX_HOPS) {
		log_warn("call %s: more than %d routing steps: a loop in the "
		    "config? (last: %s)", call->id, ROUTE_MAX_HOPS,
		    action_format(a, why, sizeof why));
		return route_fail(call, CAUSE_CONGESTION, "routing loop");
	}
	switch (a->kind) {
	case ACT_QUEUE:
		if ((q = queue_find(a->arg)) == NULL || q->removed) {
			log_warn("call %s: queue %s does not exist", call->id, a->arg);
			return route_fail(call, CAUSE_CONGESTION, "no such queue");
		}
		return route_to_queue(call, q, a->priority);
	case ACT_MENU:
		route_answer(call);
		ivr_enter(call, a->arg);
		return 0;
	case ACT_PLAY:
	case ACT_MESSAGE:
		route_answer(call);
		name = a->arg;
		ivr_stop(call);
		media_play(call, &name, 1, route_hangup_cb);
		return 0;
	case ACT_VOICEMAIL:
		route_answer(call);
		ivr_stop(call);
		voicemail_start(call, a->arg);
		return 0;
	case ACT_TRANSFER:
		route_answer(call);
		ivr_stop(call);
		if (transfer_to_number(call, NULL, a->arg, why, sizeof why) != 0)
			return route_fail(call, CAUSE_CONGESTION, why);
		return 0;
	case ACT_CALLBACK:
		route_answer(call);
		ivr_stop(call);
		cb_offer_start(call, a->arg, 1);
		return 0;
	case ACT_HANGUP:
		return route_fail(call, CAUSE_NORMAL, "hung up by the route");
	case ACT_REFUSE:
		return route_fail(call, CAUSE_CONGESTION, call->refusal ?
		    call->refusal : "refused by the route");
	case ACT_NONE:
		break;
	}
	log_warn("call %s: no action to route by", call->id);
	return route_fail(call, CAUSE_CONGESTION, "no route");
}

int
route_inbound(struct call *call)
{
	const struct cfg_did	*did = config_find_did(core.cfg, call->dnis);

	if (did == NULL) {
		log_info("call %s: no DID %s: unallocated", call->id, call->dnis);
		return CAUSE_UNALLOCATED;
	}
	call_set_route(call, did->target.text);
	call_set_priority(call, did->priority);
	call_event(call, EV_CALL_ROUTED, json_pack("{s:s}", "target",
	    did->target.text));
	return route_action(call, &did->target.act);
}
