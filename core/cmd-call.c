/* cmd-call.c: call control from the agent's desk: DTMF, the agent's own
 * calls, blind and consulted transfers, three-way conferences. The work
 * is transfer.c's; the dispatcher has resolved the call and where it
 * goes (ctx->to); this checks the rest. */
#include <string.h>
#include "action.h"
#include "agent.h"
#include "call.h"
#include "cmd-handlers.h"
#include "media.h"
#include "transfer.h"

static int
cmd_digits_ok(const char *s, size_t min, size_t max, const char *set)
{
	size_t n = strlen(s);

	return n >= min && n <= max && strspn(s, set) == n;
}

static int
cmd_done(struct cmd_ctx *ctx, int rc, const char *why)
{
	return rc == 0 ? 0 : cmd_error(ctx, PROTO_E_BAD_STATE, "%s", why);
}

int
cmd_dtmf(struct cmd_ctx *ctx)
{
	const char *digits = cmd_str(ctx, "digits");

	if (!cmd_digits_ok(digits, 1, 32, "0123456789*#ABCD"))
		return cmd_error(ctx, PROTO_E_BAD_ARGS, "dtmf: \"digits\" are 1 "
		    "to 32 of 0-9 * # A-D");
	media_send_dtmf(ctx->call, digits);
	return 0;
}

int
cmd_dial(struct cmd_ctx *ctx)
{
	struct agent	*a = ctx->self;
	const char	*number = cmd_str(ctx, "number"), *cli = cmd_str(ctx, "cli");
	const char	*queue = cmd_str(ctx, "queue");
	struct call	*call;
	char		 why[128];

	if (!action_number_ok(number))
		return cmd_error(ctx, PROTO_E_BAD_ARGS, "dial: \"number\" is 3 to "
		    "20 digits");
	if (cli != NULL && !cmd_digits_ok(cli, 0, 20, "0123456789"))
		return cmd_error(ctx, PROTO_E_BAD_ARGS, "dial: \"cli\" is up to "
		    "20 digits");
	if (queue != NULL && !agent_in_queue(a, queue))
		return cmd_error(ctx, PROTO_E_BAD_ARGS, "dial: you take no queue "
		    "%.64s", queue);
	if ((call = transfer_dial(a, number, cli != NULL ? cli : "", queue, why,
	    sizeof why)) == NULL)
		return cmd_error(ctx, PROTO_E_BAD_STATE, "%s", why);
	json_object_set_new(ctx->reply, "call", json_string(call->id));
	return 0;
}

/* Blind: to a queue, an agent or a number; the agent's part ends. */
int
cmd_transfer(struct cmd_ctx *ctx)
{
	struct cmd_dest	*to = &ctx->to;
	char		 why[128];
	int		 rc;

	if (to->queue != NULL)
		rc = transfer_to_queue(ctx->call, ctx->self, to->queue, why,
		    sizeof why);
	else if (to->agent != NULL)
		rc = transfer_to_agent(ctx->call, ctx->self, to->agent, why,
		    sizeof why);
	else
		rc = transfer_to_number(ctx->call, ctx->self, to->number, why,
		    sizeof why);
	return cmd_done(ctx, rc, why);
}

/* An agent or a number, the caller held meanwhile. */
int
cmd_consult(struct cmd_ctx *ctx)
{
	char	why[128];
	int	rc;

	if (ctx->to.agent != NULL)
		rc = transfer_consult_agent(ctx->call, ctx->self, ctx->to.agent,
		    why, sizeof why);
	else
		rc = transfer_consult_number(ctx->call, ctx->self,
		    ctx->to.number, why, sizeof why);
	return cmd_done(ctx, rc, why);
}

int
cmd_consult_complete(struct cmd_ctx *ctx)
{
	char why[128];

	return cmd_done(ctx, transfer_complete(ctx->call, ctx->self, why,
	    sizeof why), why);
}

int
cmd_consult_cancel(struct cmd_ctx *ctx)
{
	char why[128];

	return cmd_done(ctx, transfer_cancel(ctx->call, ctx->self, why,
	    sizeof why), why);
}

int
cmd_conference(struct cmd_ctx *ctx)
{
	char why[128];

	return cmd_done(ctx, transfer_conference(ctx->call, ctx->self, why,
	    sizeof why), why);
}
