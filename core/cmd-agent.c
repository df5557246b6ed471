/* cmd-agent.c: what an agent asks for: ready, not ready, accept or reject
 * an offer, hang up. */
#include <string.h>
#include "acd.h"
#include "agent.h"
#include "call.h"
#include "cmd.h"
#include "db.h"

static struct agent *
cmd_agent_of(struct cmd_ctx *ctx)
{
	if (ctx->conn->agent == NULL)
		cmd_error(ctx, PROTO_E_BAD_STATE, "this session is not an agent's");
	return ctx->conn->agent;
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
	struct agent *a = cmd_agent_of(ctx);

	if (a == NULL)
		return -1;
	if (a->state == AGENT_RINGING || a->state == AGENT_ON_CALL)
		return cmd_error(ctx, PROTO_E_BAD_STATE, "agent is %s",
		    agent_state_name(a->state));
	agent_set_state(a, AGENT_READY, NULL);
	cmd_reply_state(ctx, a);
	return 0;
}

int
cmd_notready(struct cmd_ctx *ctx)
{
	struct agent	*a = cmd_agent_of(ctx);
	const char	*reason = cmd_str(ctx, "reason");

	if (a == NULL)
		return -1;
	if (reason == NULL)
		reason = "break";
	if (strlen(reason) == 0 || strlen(reason) > 32)
		return cmd_error(ctx, PROTO_E_BAD_ARGS, "notready: \"reason\" "
		    "must be 1 to 32 characters");
	if (a->state == AGENT_RINGING || a->state == AGENT_ON_CALL)
		return cmd_error(ctx, PROTO_E_BAD_STATE, "agent is %s",
		    agent_state_name(a->state));
	agent_set_state(a, AGENT_NOT_READY, reason);
	cmd_reply_state(ctx, a);
	return 0;
}

/* The call named in the request, which must be this agent's. */
static struct call *
cmd_agent_call(struct cmd_ctx *ctx, struct agent *a, enum call_state want)
{
	const char	*id = cmd_str(ctx, "call");
	struct call	*call = call_find(id);

	if (call == NULL) {
		cmd_error(ctx, PROTO_E_NOT_FOUND, "no call %.64s", id);
		return NULL;
	}
	if (call->agent != a || call->state != want) {
		cmd_error(ctx, PROTO_E_BAD_STATE, "call %s is not %s to you",
		    call->id, want == CALL_OFFERED ? "offered" : "connected");
		return NULL;
	}
	return call;
}

int
cmd_accept(struct cmd_ctx *ctx)
{
	struct agent	*a = cmd_agent_of(ctx);
	struct call	*call;

	if (a == NULL || (call = cmd_agent_call(ctx, a, CALL_OFFERED)) == NULL)
		return -1;
	acd_accept(a, call);
	return 0;
}

int
cmd_reject(struct cmd_ctx *ctx)
{
	struct agent	*a = cmd_agent_of(ctx);
	struct call	*call;

	if (a == NULL || (call = cmd_agent_call(ctx, a, CALL_OFFERED)) == NULL)
		return -1;
	acd_reject(a, call);
	return 0;
}

int
cmd_hangup(struct cmd_ctx *ctx)
{
	struct agent	*a = cmd_agent_of(ctx);
	struct call	*call;

	if (a == NULL || (call = cmd_agent_call(ctx, a, CALL_CONNECTED)) == NULL)
		return -1;
	call_hangup(call, 16, DB_CLEARED_AGENT, "agent hung up");
	return 0;
}
