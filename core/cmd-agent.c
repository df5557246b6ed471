/* cmd-agent.c: what an agent asks for: ready, not ready, accept or reject
 * an offer, hang up, wrap-up and what follows the call. The dispatcher
 * has resolved the agent (ctx->self) and the call (ctx->call). */
#include <string.h>
#include "acd.h"
#include "agent.h"
#include "call.h"
#include "cause.h"
#include "cmd-handlers.h"
#include "db.h"

/* Wrap-up of a queue with disposition_required ends only with one. */
static int
cmd_disposition_owed(struct cmd_ctx *ctx, const struct agent *a)
{
	if (a->state != AGENT_WRAP_UP || a->disp_call[0] == '\0')
		return 0;
	return cmd_error(ctx, PROTO_E_BAD_STATE, "disposition required for "
	    "call %s", a->disp_call);
}

static void
cmd_reply_state(struct cmd_ctx *ctx, struct agent *a)
{
	json_object_set_new(ctx->reply, "state",
	    json_string(agent_state_name(a->state)));
}

int
cmd_ready(struct cmd_ctx *ctx)
{
	struct agent *a = ctx->self;

	if (a->state == AGENT_RINGING || a->state == AGENT_ON_CALL)
		return cmd_error(ctx, PROTO_E_BAD_STATE, "agent is %s",
		    agent_state_name(a->state));
	if (cmd_disposition_owed(ctx, a) != 0)
		return -1;
	agent_set_state(a, AGENT_READY, NULL);
	cmd_reply_state(ctx, a);
	return 0;
}

int
cmd_notready(struct cmd_ctx *ctx)
{
	struct agent	*a = ctx->self;
	const char	*reason = cmd_str(ctx, "reason");

	if (reason == NULL)
		reason = "break";
	if (cmd_check_reason(ctx, reason) != 0)
		return -1;
	if (a->state == AGENT_RINGING || a->state == AGENT_ON_CALL)
		return cmd_error(ctx, PROTO_E_BAD_STATE, "agent is %s",
		    agent_state_name(a->state));
	if (cmd_disposition_owed(ctx, a) != 0)
		return -1;
	agent_set_state(a, AGENT_NOT_READY, reason);
	cmd_reply_state(ctx, a);
	return 0;
}

int
cmd_accept(struct cmd_ctx *ctx)
{
	acd_accept(ctx->self, ctx->call);
	return 0;
}

int
cmd_reject(struct cmd_ctx *ctx)
{
	acd_reject(ctx->self, ctx->call);
	return 0;
}

/* A call connected to the agent, or the agent's own call still ringing. */
int
cmd_hangup(struct cmd_ctx *ctx)
{
	int dialing = ctx->call->state == CALL_DIALING;

	call_hangup(ctx->call, CAUSE_NORMAL, DB_CLEARED_AGENT, dialing ?
	    "agent gave up" : "agent hung up");
	return 0;
}

/* Ends wrap-up now, or gives it more time. */
int
cmd_wrapup(struct cmd_ctx *ctx)
{
	struct agent	*a = ctx->self;
	const char	*action = cmd_str(ctx, "action");
	json_t		*sec = json_object_get(ctx->args, "seconds");
	int		 n = sec != NULL ? (int)json_integer_value(sec) : 30;

	if (a->state != AGENT_WRAP_UP)
		return cmd_error(ctx, PROTO_E_BAD_STATE, "agent is %s, not in "
		    "wrap-up", agent_state_name(a->state));
	if (strcmp(action, "end") == 0) {
		if (cmd_disposition_owed(ctx, a) != 0)
			return -1;
		agent_wrap_done(a);
	}
	else if (strcmp(action, "extend") == 0 && n >= 1 && n <= 3600)
		agent_wrap_extend(a, n);
	else
		return cmd_error(ctx, PROTO_E_BAD_ARGS, "wrapup: \"action\" is "
		    "\"end\" or \"extend\" (with \"seconds\" 1 to 3600)");
	cmd_reply_state(ctx, a);
	return 0;
}

/* What happens when this call (and its wrap-up) is over. */
int
cmd_after_call(struct cmd_ctx *ctx)
{
	static const char *const names[] = { "wrap_up", "ready", "not_ready",
	    "logout", NULL };
	struct agent	*a = ctx->self;
	const char	*then = cmd_str(ctx, "then"), *reason = cmd_str(ctx, "reason");
	int		 i;

	for (i = 0; names[i] != NULL && strcmp(names[i], then) != 0; i++)
		;
	if (names[i] == NULL)
		return cmd_error(ctx, PROTO_E_BAD_ARGS, "after-call: \"then\" is "
		    "wrap_up, ready, not_ready or logout");
	if (i == AFTER_NOT_READY && reason == NULL)
		reason = "break";
	if (reason != NULL && cmd_check_reason(ctx, reason) != 0)
		return -1;
	agent_set_after(a, (enum agent_after)i, reason);
	return 0;
}
