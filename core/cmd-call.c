/* cmd-call.c: call control from the agent's desk: DTMF, the agent's own
 * calls, blind and consulted transfers, three-way conferences. The work
 * is transfer.c's; this checks the requests. */
#include <stdio.h>
#include <string.h>
#include "action.h"
#include "agent.h"
#include "call.h"
#include "cmd.h"
#include "media.h"
#include "queue.h"
#include "transfer.h"

/* "queue:NAME", "agent:ID" or "number:DIGITS". */
struct cmd_target {
	struct queue	*queue;
	struct agent	*agent;
	const char	*number;
};

static int
cmd_digits_ok(const char *s, size_t min, size_t max, const char *set)
{
	size_t n = strlen(s);

	return n >= min && n <= max && strspn(s, set) == n;
}

static int
cmd_target(struct cmd_ctx *ctx, int allowed_queue, struct cmd_target *t)
{
	const char *to = cmd_str(ctx, "to");

	memset(t, 0, sizeof *t);
	if (allowed_queue && strncmp(to, "queue:", 6) == 0) {
		if ((t->queue = queue_find(to + 6)) == NULL || t->queue->removed)
			return cmd_error(ctx, PROTO_E_NOT_FOUND, "no queue %.64s",
			    to + 6);
		return 0;
	}
	if (strncmp(to, "agent:", 6) == 0) {
		if ((t->agent = agent_find(to + 6)) == NULL)
			return cmd_error(ctx, PROTO_E_NOT_FOUND, "no agent %.64s",
			    to + 6);
		return 0;
	}
	if (strncmp(to, "number:", 7) == 0 &&
	    action_number_ok(to + 7)) {
		t->number = to + 7;
		return 0;
	}
	return cmd_error(ctx, PROTO_E_BAD_ARGS, "\"to\" is %sagent:ID or "
	    "number:DIGITS (3 to 20)", allowed_queue ? "queue:NAME, " : "");
}

static int
cmd_done(struct cmd_ctx *ctx, int rc, const char *why)
{
	return rc == 0 ? 0 : cmd_error(ctx, PROTO_E_BAD_STATE, "%s", why);
}

int
cmd_dtmf(struct cmd_ctx *ctx)
{
	struct call	*call = cmd_agent_connected(ctx);
	const char	*digits = cmd_str(ctx, "digits");

	if (call == NULL)
		return -1;
	if (!cmd_digits_ok(digits, 1, 32, "0123456789*#ABCD"))
		return cmd_error(ctx, PROTO_E_BAD_ARGS, "dtmf: \"digits\" are 1 "
		    "to 32 of 0-9 * # A-D");
	media_send_dtmf(call, digits);
	return 0;
}

int
cmd_dial(struct cmd_ctx *ctx)
{
	struct agent	*a = cmd_agent_of(ctx);
	const char	*number = cmd_str(ctx, "number"), *cli = cmd_str(ctx, "cli");
	const char	*queue = cmd_str(ctx, "queue");
	struct call	*call;
	char		 why[128];

	if (a == NULL)
		return -1;
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

/* transfer (blind: a queue, an agent, a number) and consult (an agent or
 * a number, the caller held). */
int
cmd_transfer(struct cmd_ctx *ctx)
{
	struct call		*call = cmd_agent_connected(ctx);
	struct agent		*a = ctx->conn->agent;
	int			 blind = strcmp(json_string_value(
				    json_object_get(ctx->args, "req")),
				    "transfer") == 0;
	struct cmd_target	 t;
	char			 why[128];
	int			 rc;

	if (call == NULL || cmd_target(ctx, blind, &t) != 0)
		return -1;
	if (t.queue != NULL)
		rc = transfer_to_queue(call, a, t.queue, why, sizeof why);
	else if (t.agent != NULL)
		rc = (blind ? transfer_to_agent : transfer_consult_agent)(call, a,
		    t.agent, why, sizeof why);
	else
		rc = (blind ? transfer_to_number : transfer_consult_number)(call,
		    a, t.number, why, sizeof why);
	return cmd_done(ctx, rc, why);
}

int
cmd_consult_end(struct cmd_ctx *ctx)
{
	struct call	*call = cmd_agent_connected(ctx);
	struct agent	*a = ctx->conn->agent;
	const char	*req = json_string_value(json_object_get(ctx->args, "req"));
	char		 why[128];
	int		 rc;

	if (call == NULL)
		return -1;
	if (strcmp(req, "consult-complete") == 0)
		rc = transfer_complete(call, a, why, sizeof why);
	else if (strcmp(req, "consult-cancel") == 0)
		rc = transfer_cancel(call, a, why, sizeof why);
	else
		rc = transfer_conference(call, a, why, sizeof why);
	return cmd_done(ctx, rc, why);
}
