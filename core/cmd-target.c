/* cmd-target.c: the dispatcher's lookups. A request's target (its row's
 * enum cmd_target) and its arguments that name things (ARG_AGENT,
 * ARG_QUEUE, ARG_DEST, ARG_PARTY) are resolved here, once, with one
 * wording per failure, then checked against the session's scope; a
 * handler finds them ready in its ctx and looks nothing up itself. The
 * rule of what a limited supervisor sees is scope.c's. */
#include <string.h>
#include "action.h"
#include "agent.h"
#include "call.h"
#include "campaign.h"
#include "cmd-target.h"
#include "config.h"
#include "core.h"
#include "log.h"
#include "queue.h"
#include "scope.h"

static int
tgt_find_agent(struct cmd_ctx *ctx, const char *id, struct agent **out)
{
	struct agent *a = agent_find(id);

	if (a == NULL || a->removed)	/* removed: gone from the config */
		return cmd_error(ctx, PROTO_E_NOT_FOUND, "no agent %.32s", id);
	*out = a;
	return 0;
}

static int
tgt_find_queue(struct cmd_ctx *ctx, const char *name, struct queue **out)
{
	struct queue *q = queue_find(name);

	if (q == NULL || q->removed)
		return cmd_error(ctx, PROTO_E_NOT_FOUND, "no queue %.64s", name);
	*out = q;
	return 0;
}

static int
tgt_self(struct cmd_ctx *ctx, const char *unused)
{
	(void)unused;
	if (ctx->self == NULL)
		return cmd_error(ctx, PROTO_E_BAD_STATE, "this session is not "
		    "an agent's");
	return 0;
}

static int
tgt_agent(struct cmd_ctx *ctx, const char *id)
{
	return tgt_find_agent(ctx, id, &ctx->agent);
}

static int
tgt_call(struct cmd_ctx *ctx, const char *id)
{
	if ((ctx->call = call_find(id)) == NULL)
		return cmd_error(ctx, PROTO_E_NOT_FOUND, "no call %.64s", id);
	return 0;
}

/* This agent's call: ringing them (WANT offered) or connected to them. */
static int
tgt_agents_call(struct cmd_ctx *ctx, const char *id, enum call_state want)
{
	struct call *call;

	if (tgt_self(ctx, NULL) != 0 || tgt_call(ctx, id) != 0)
		return -1;
	call = ctx->call;
	if (call->state == want && (want == CALL_OFFERED ?
	    ctx->self->call == call : call->agent == ctx->self))
		return 0;
	return cmd_error(ctx, PROTO_E_BAD_STATE, "call %s is not %s to you",
	    call->id, want == CALL_OFFERED ? "offered" : "connected");
}

static int
tgt_offered_call(struct cmd_ctx *ctx, const char *id)
{
	return tgt_agents_call(ctx, id, CALL_OFFERED);
}

static int
tgt_own_call(struct cmd_ctx *ctx, const char *id)
{
	return tgt_agents_call(ctx, id, CALL_CONNECTED);
}

/* Connected to the agent, or the agent's own call still ringing out. */
static int
tgt_own_live_call(struct cmd_ctx *ctx, const char *id)
{
	struct call *call = call_find(id);

	if (call != NULL && ctx->self != NULL && call->state == CALL_DIALING &&
	    call->agent == ctx->self) {
		ctx->call = call;
		return 0;
	}
	return tgt_own_call(ctx, id);
}

static int
tgt_campaign(struct cmd_ctx *ctx, const char *name)
{
	if ((ctx->campaign = campaign_find(name)) == NULL)
		return cmd_error(ctx, PROTO_E_NOT_FOUND, "no campaign %.64s",
		    name);
	return 0;
}

/* Each target kind: the argument naming it, and how it is resolved. */
static const struct {
	const char	*arg;
	int		(*resolve)(struct cmd_ctx *, const char *);
} tgt_kinds[] = {
	[TGT_NONE] = { NULL, NULL },
	[TGT_SELF] = { NULL, tgt_self },
	[TGT_AGENT] = { "agent", tgt_agent },
	[TGT_CALL] = { "call", tgt_call },
	[TGT_OFFERED_CALL] = { "call", tgt_offered_call },
	[TGT_OWN_CALL] = { "call", tgt_own_call },
	[TGT_OWN_LIVE_CALL] = { "call", tgt_own_live_call },
	[TGT_CAMPAIGN] = { "campaign", tgt_campaign },
};

static int
ref_agent(struct cmd_ctx *ctx, const char *id)
{
	if (id[0] == '\0')	/* names nobody: e.g. a callback for anyone */
		return 0;
	return tgt_find_agent(ctx, id, &ctx->agent);
}

static int
ref_queue(struct cmd_ctx *ctx, const char *name)
{
	return tgt_find_queue(ctx, name, &ctx->queue);
}

/* "queue:NAME" (where QUEUE_OK), "agent:ID" or "number:DIGITS". */
static int
ref_to(struct cmd_ctx *ctx, const char *to, int queue_ok)
{
	if (queue_ok && strncmp(to, "queue:", 6) == 0)
		return tgt_find_queue(ctx, to + 6, &ctx->to.queue);
	if (strncmp(to, "agent:", 6) == 0)
		return tgt_find_agent(ctx, to + 6, &ctx->to.agent);
	if (strncmp(to, "number:", 7) == 0 && action_number_ok(to + 7)) {
		ctx->to.number = to + 7;
		return 0;
	}
	return cmd_error(ctx, PROTO_E_BAD_ARGS, "\"to\" is %sagent:ID or "
	    "number:DIGITS (3 to 20)", queue_ok ? "queue:NAME, " : "");
}

static int
ref_dest(struct cmd_ctx *ctx, const char *to)
{
	return ref_to(ctx, to, 1);
}

static int
ref_party(struct cmd_ctx *ctx, const char *to)
{
	return ref_to(ctx, to, 0);
}

/* Argument types that name something; the others are plain values. */
static int (*const ref_kinds[ARG_PARTY + 1])(struct cmd_ctx *, const char *) = {
	[ARG_AGENT] = ref_agent,
	[ARG_QUEUE] = ref_queue,
	[ARG_DEST] = ref_dest,
	[ARG_PARTY] = ref_party,
};

int
cmd_scope_agent(const struct conn *conn, const struct agent *a)
{
	const struct cfg_user *u = scope_user(conn);

	return u == NULL || scope_agent(u, a);
}

int
cmd_scope_queue(const struct conn *conn, const struct queue *q)
{
	const struct cfg_user *u = scope_user(conn);

	return u == NULL || scope_queue_name(u, q->name);
}

int
cmd_scope_call(const struct conn *conn, const struct call *c)
{
	const struct cfg_user *u = scope_user(conn);

	return u == NULL || scope_call(u, c);
}

int
cmd_scope_client(const struct conn *conn, const char *client)
{
	const struct cfg_user *u = scope_user(conn);

	return u == NULL || (client != NULL && client[0] != '\0' &&
	    scope_client(u, client));
}

int
cmd_scope_refuse(const char *req, struct cmd_ctx *ctx, const char *what,
    const char *id)
{
	log_warn("scope: supervisor %s refused %s on %s %s (not their "
	    "clients')", ctx->conn->user, req, what, id);
	return cmd_error(ctx, PROTO_E_FORBIDDEN, "%s %.64s is not one of your "
	    "clients'", what, id);
}

/* Whether this session may act on what the request named: ctx->agent,
 * ctx->queue, ctx->call and ctx->to are resolved. The one place a
 * supervisor limited to some clients (issue 12) is held to them. */
static int
cmd_scope_ok(const struct cmd_entry *e, struct cmd_ctx *ctx)
{
	struct conn *c = ctx->conn;

	if (ctx->agent != NULL && !cmd_scope_agent(c, ctx->agent))
		return cmd_scope_refuse(e->name, ctx, "agent", ctx->agent->id);
	if (ctx->to.agent != NULL && !cmd_scope_agent(c, ctx->to.agent))
		return cmd_scope_refuse(e->name, ctx, "agent", ctx->to.agent->id);
	if (ctx->queue != NULL && !cmd_scope_queue(c, ctx->queue))
		return cmd_scope_refuse(e->name, ctx, "queue", ctx->queue->name);
	if (ctx->to.queue != NULL && !cmd_scope_queue(c, ctx->to.queue))
		return cmd_scope_refuse(e->name, ctx, "queue", ctx->to.queue->name);
	if (ctx->call != NULL && !cmd_scope_call(c, ctx->call))
		return cmd_scope_refuse(e->name, ctx, "call", ctx->call->id);
	if (ctx->campaign != NULL && !cmd_scope_client(c,
	    ctx->campaign->client))
		return cmd_scope_refuse(e->name, ctx, "campaign", ctx->campaign->name);
	return 0;
}

int
cmd_resolve(const struct cmd_entry *e, struct cmd_ctx *ctx)
{
	const char		*tgt_arg = tgt_kinds[e->target].arg, *v;
	const struct cmd_arg	*a;

	ctx->self = ctx->conn->agent;
	v = tgt_arg != NULL ? cmd_str(ctx, tgt_arg) : NULL;
	if (tgt_arg != NULL && v == NULL)	/* a row without REQ(tgt_arg) */
		return cmd_error(ctx, PROTO_E_BAD_ARGS, "%s: missing argument "
		    "\"%s\"", e->name, tgt_arg);
	if (tgt_kinds[e->target].resolve != NULL &&
	    tgt_kinds[e->target].resolve(ctx, v) != 0)
		return -1;
	for (a = e->args; a->name != NULL; a++) {
		if (ref_kinds[a->type] == NULL || (tgt_arg != NULL &&
		    strcmp(a->name, tgt_arg) == 0) ||
		    (v = cmd_str(ctx, a->name)) == NULL)
			continue;
		if (ref_kinds[a->type](ctx, v) != 0)
			return -1;
	}
	return cmd_scope_ok(e, ctx);
}
