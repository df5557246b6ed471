/* cmd-supervise.c: a supervisor acts on an agent (ctx->agent): make them
 * ready, not ready with a reason, or log them out; move them among their
 * queues; moves a waiting call (ctx->call) to another queue or offers it
 * to a named agent; and asks why a call went where it did. The agent's
 * console is told by the state event, as for any change. Each change a
 * supervisor makes is an events row (supervisor_action) naming who. */
#include <stdio.h>
#include <string.h>
#include "acd.h"
#include "acd-wake.h"
#include "acd-index.h"
#include "agent.h"
#include "call.h"
#include "clock.h"
#include "evlog.h"
#include "notify.h"
#include "cmd-handlers.h"
#include "log.h"
#include "queue.h"

/* The events row for a change made by a supervisor (or an admin): who
 * did what to which agent and call; DETAIL (taken) says more. */
static void
sup_record_on(struct cmd_ctx *ctx, const struct agent *a,
    const struct call *call, const char *action, json_t *detail)
{
	const char *who = ctx->conn->user != NULL ? ctx->conn->user : "?";

	json_object_set_new(detail, "by", json_string(who));
	json_object_set_new(detail, "action", json_string(action));
	evlog_add(&(struct db_event){ .ts_ms = clock_wall_ms(),
	    .kind = "supervisor_action", .agent = a != NULL ? a->id : NULL,
	    .call_id = call != NULL ? call->id : NULL,
	    .queue = call != NULL ? call->queue_name : NULL }, detail);
}

static void
sup_record(struct cmd_ctx *ctx, const char *action, json_t *detail)
{
	sup_record_on(ctx, ctx->agent, NULL, action, detail);
}

/* A message to an agent's console (cmd-desk.c), recorded. */
int
cmd_sup_message(struct cmd_ctx *ctx)
{
	if (cmd_message(ctx) != 0)
		return -1;
	sup_record(ctx, "message", json_pack("{s:s}", "text",
	    cmd_str(ctx, "text")));
	return 0;
}

int
cmd_agent_state(struct cmd_ctx *ctx)
{
	struct agent	*a = ctx->agent;
	const char	*state = cmd_str(ctx, "state"), *reason = cmd_str(ctx, "reason");

	if (a->state == AGENT_LOGGED_OUT)
		return cmd_error(ctx, PROTO_E_BAD_STATE, "agent %s is logged out",
		    a->id);
	if (a->state == AGENT_RINGING || a->state == AGENT_ON_CALL)
		return cmd_error(ctx, PROTO_E_BAD_STATE, "agent %s is %s: use "
		    "after-call rules, or wait", a->id, agent_state_name(a->state));
	log_info("supervisor %s sets agent %s %s", ctx->conn->user ?
	    ctx->conn->user : "?", a->id, state);
	if (strcmp(state, "ready") == 0)
		agent_set_state(a, AGENT_READY, NULL);
	else if (strcmp(state, "not_ready") == 0) {
		if (reason == NULL)
			reason = "break";
		if (cmd_check_reason(ctx, reason) != 0)
			return -1;
		agent_set_state(a, AGENT_NOT_READY, reason);
	} else if (strcmp(state, "logout") == 0)
		agent_logout(a, "logged out by a supervisor");
	else
		return cmd_error(ctx, PROTO_E_BAD_ARGS, "agent-state: \"state\" is "
		    "ready, not_ready or logout");
	json_object_set_new(ctx->reply, "state", json_string(agent_state_name(a->state)));
	sup_record(ctx, "agent-state", json_pack("{s:s,s:s?}", "state", state,
	    "reason", strcmp(state, "not_ready") == 0 ? reason : NULL));
	return 0;
}

/* Why the call was offered to whom (the last routing decision); for a
 * call that ended, its offer events say it. */
int
cmd_why(struct cmd_ctx *ctx)
{
	struct call *call = ctx->call;

	json_object_set_new(ctx->reply, "why", json_string(call->why[0] ?
	    call->why : "not routed to an agent yet"));
	return 0;
}

/* A supervisor moves an agent among its configured queues. The agent's
 * console is told; the change is recorded. */
int
cmd_agent_queues(struct cmd_ctx *ctx)
{
	struct agent	*a = ctx->agent;
	char		 why[160];
	json_t		*q, *ev;

	if (agent_set_queues(a, cmd_str(ctx, "queues"), why, sizeof why) != 0)
		return cmd_error(ctx, PROTO_E_BAD_ARGS, "%s", why);
	q = agent_queues_json(a);
	evlog_add(&(struct db_event){ .ts_ms = clock_wall_ms(),
	    .kind = "agent_queues", .agent = a->id }, json_pack("{s:O,s:s}",
	    "queues", q, "by", ctx->conn->user ? ctx->conn->user : "?"));
	ev = proto_event("agent_queues");
	json_object_set_new(ev, "agent", json_string(a->id));
	json_object_set(ev, "queues", q);
	notify_agent(a, ev);
	sup_record(ctx, "agent-queues", json_pack("{s:O}", "queues", q));
	json_object_set_new(ctx->reply, "queues", q);
	return 0;
}

/* Whether the call may be moved: waiting in a queue (queued, or ringing
 * agents: that offer is withdrawn), not a callback being set up. */
static int
sup_move_check(struct cmd_ctx *ctx, struct call *call)
{
	struct agent *to = ctx->to.agent;

	if (ctx->to.number != NULL)
		return cmd_error(ctx, PROTO_E_BAD_ARGS, "call-move: \"to\" is "
		    "queue:NAME or agent:ID");
	if ((call->state != CALL_QUEUED && call->state != CALL_OFFERED) ||
	    call->queue == NULL)
		return cmd_error(ctx, PROTO_E_BAD_STATE, "call %s is %s, not "
		    "waiting in a queue", call->id, call_state_name(call->state));
	if (call->cbo != NULL)
		return cmd_error(ctx, PROTO_E_BAD_STATE, "call %s is choosing a "
		    "callback: wait", call->id);
	if (ctx->to.queue == call->queue)
		return cmd_error(ctx, PROTO_E_BAD_ARGS, "call %s already waits "
		    "in queue %s", call->id, call->queue->name);
	if (to != NULL && (to->state != AGENT_READY || to->call != NULL ||
	    to->conn == NULL))
		return cmd_error(ctx, PROTO_E_BAD_STATE, "agent %s is %s: only "
		    "a ready agent can be offered a call", to->id,
		    agent_state_name(to->state));
	return 0;
}

/* A supervisor moves a waiting call: to another queue (its place there
 * is at the back, as an overflow), or to one agent, who is offered it
 * next (refused: it waits in its queue again, for anyone). */
int
cmd_call_move(struct cmd_ctx *ctx)
{
	struct call	*call = ctx->call;
	const char	*to = cmd_str(ctx, "to");
	char		 why[96];

	if (sup_move_check(ctx, call) != 0)
		return -1;
	snprintf(why, sizeof why, "moved by %s", ctx->conn->user != NULL ?
	    ctx->conn->user : "a supervisor");
	if (call->state == CALL_OFFERED)
		acd_cancel_offer(call, why);
	sup_record_on(ctx, ctx->to.agent, call, "call-move",
	    json_pack("{s:s,s:s}", "to", to, "from", call->queue->name));
	log_info("call %s: %s to %s", call->id, why, to);
	if (ctx->to.queue != NULL) {
		queue_exit(call, why, ctx->to.queue);
		notify_call_state(call);	/* queued still, elsewhere */
	} else {
		call_set_only_agent(call, ctx->to.agent);
		acd_index_leave(call);	/* its wait is indexed again, direct */
		acd_index_enter(call);
	}
	acd_dispatch();
	json_object_set_new(ctx->reply, "queue", json_string(call->queue_name));
	return 0;
}
