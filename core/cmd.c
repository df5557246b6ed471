/* cmd.c: the request table and its dispatcher. Every check happens here,
 * once, before any handler runs: the line's shape, hello first, login, the
 * client's role, each argument's name and type. Handlers see only requests
 * that passed. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "cmd.h"
#include "core.h"
#include "log.h"

#define NOARGS { { NULL, 0, 0 } }

static const struct cmd_entry cmd_table[] = {
	{ "hello", ROLE_NONE, 1, { { "proto", ARG_INT, 1 },
	    { "client", ARG_STRING, 0 } }, cmd_hello },
	{ "login", ROLE_NONE, 1, { { "agent", ARG_STRING, 0 },
	    { "user", ARG_STRING, 0 }, { "pin", ARG_STRING, 0 },
	    { "local", ARG_BOOL, 0 }, { "queues", ARG_STRING, 0 } }, cmd_login },
	{ "ping", ROLE_NONE, 1, NOARGS, cmd_ping },
	{ "logout", ROLE_AGENT, 0, NOARGS, cmd_logout },
	{ "ready", ROLE_AGENT, 0, NOARGS, cmd_ready },
	{ "notready", ROLE_AGENT, 0, { { "reason", ARG_STRING, 0 } }, cmd_notready },
	{ "accept", ROLE_AGENT, 0, { { "call", ARG_STRING, 1 } }, cmd_accept },
	{ "reject", ROLE_AGENT, 0, { { "call", ARG_STRING, 1 } }, cmd_reject },
	{ "hangup", ROLE_AGENT, 0, { { "call", ARG_STRING, 1 } }, cmd_hangup },
	{ "wrapup", ROLE_AGENT, 0, { { "action", ARG_STRING, 1 },
	    { "seconds", ARG_INT, 0 } }, cmd_wrapup },
	{ "after-call", ROLE_AGENT, 0, { { "then", ARG_STRING, 1 },
	    { "reason", ARG_STRING, 0 } }, cmd_after_call },
	{ "hold", ROLE_AGENT, 0, { { "call", ARG_STRING, 1 } }, cmd_hold },
	{ "retrieve", ROLE_AGENT, 0, { { "call", ARG_STRING, 1 } }, cmd_retrieve },
	{ "mute", ROLE_AGENT, 0, { { "call", ARG_STRING, 1 },
	    { "on", ARG_BOOL, 1 } }, cmd_mute },
	{ "record", ROLE_AGENT, 0, { { "call", ARG_STRING, 1 },
	    { "action", ARG_STRING, 1 } }, cmd_record },
	{ "dtmf", ROLE_AGENT, 0, { { "call", ARG_STRING, 1 },
	    { "digits", ARG_STRING, 1 } }, cmd_dtmf },
	{ "dial", ROLE_AGENT, 0, { { "number", ARG_STRING, 1 },
	    { "cli", ARG_STRING, 0 }, { "queue", ARG_STRING, 0 } }, cmd_dial },
	{ "transfer", ROLE_AGENT, 0, { { "call", ARG_STRING, 1 },
	    { "to", ARG_STRING, 1 } }, cmd_transfer },
	{ "consult", ROLE_AGENT, 0, { { "call", ARG_STRING, 1 },
	    { "to", ARG_STRING, 1 } }, cmd_transfer },
	{ "consult-complete", ROLE_AGENT, 0, { { "call", ARG_STRING, 1 } },
	    cmd_consult_end },
	{ "consult-cancel", ROLE_AGENT, 0, { { "call", ARG_STRING, 1 } },
	    cmd_consult_end },
	{ "conference", ROLE_AGENT, 0, { { "call", ARG_STRING, 1 } },
	    cmd_consult_end },
	{ "customer-find", ROLE_AGENT, 0, { { "query", ARG_STRING, 1 } },
	    cmd_customer_find },
	{ "customer-get", ROLE_AGENT, 0, { { "customer", ARG_INT, 1 } },
	    cmd_customer_get },
	{ "customer-save", ROLE_AGENT, 0, { { "customer", ARG_OBJECT, 1 } },
	    cmd_customer_save },
	{ "customer-link", ROLE_AGENT, 0, { { "call", ARG_STRING, 1 },
	    { "customer", ARG_INT, 1 } }, cmd_customer_link },
	{ "note", ROLE_AGENT, 0, { { "call", ARG_STRING, 1 },
	    { "text", ARG_STRING, 1 } }, cmd_note },
	{ "disposition", ROLE_AGENT, 0, { { "call", ARG_STRING, 1 },
	    { "code", ARG_STRING, 1 }, { "note", ARG_STRING, 0 } },
	    cmd_disposition },
	{ "my-stats", ROLE_AGENT, 0, NOARGS, cmd_my_stats },
	{ "callback-schedule", ROLE_AGENT, 0, { { "number", ARG_STRING, 1 },
	    { "at", ARG_STRING, 1 }, { "note", ARG_STRING, 0 },
	    { "queue", ARG_STRING, 0 }, { "agent", ARG_STRING, 0 } },
	    cmd_callback_schedule },
	{ "help", ROLE_AGENT, 0, { { "on", ARG_BOOL, 1 } }, cmd_help },
	{ "message", ROLE_SUPERVISOR, 0, { { "agent", ARG_STRING, 1 },
	    { "text", ARG_STRING, 1 } }, cmd_message },
	{ "monitor", ROLE_SUPERVISOR, 0, { { "call", ARG_STRING, 1 },
	    { "mode", ARG_STRING, 1 } }, cmd_monitor },
	{ "agent-state", ROLE_SUPERVISOR, 0, { { "agent", ARG_STRING, 1 },
	    { "state", ARG_STRING, 1 }, { "reason", ARG_STRING, 0 } },
	    cmd_agent_state },
	{ "why", ROLE_SUPERVISOR, 0, { { "call", ARG_STRING, 1 } }, cmd_why },
	{ "agent-queues", ROLE_SUPERVISOR, 0, { { "agent", ARG_STRING, 1 },
	    { "queues", ARG_STRING, 1 } }, cmd_agent_queues },
	{ "status", ROLE_SUPERVISOR, 0, NOARGS, cmd_status },
	{ "subscribe", ROLE_SUPERVISOR, 0, NOARGS, cmd_subscribe },
	{ "reload", ROLE_ADMIN, 0, NOARGS, cmd_reload },
	{ "stop", ROLE_ADMIN, 0, { { "mode", ARG_STRING, 0 } }, cmd_stop },
	{ "set-pin", ROLE_ADMIN, 0, { { "who", ARG_STRING, 1 },
	    { "pin", ARG_STRING, 1 } }, cmd_set_pin },
	{ "show-config", ROLE_ADMIN, 0, NOARGS, cmd_show_config },
};

static const char *cmd_type_names[] = { "a string", "an integer",
	"true or false", "an object" };

int
cmd_error(struct cmd_ctx *ctx, const char *code, const char *fmt, ...)
{
	va_list ap;

	ctx->err_code = code;
	va_start(ap, fmt);
	vsnprintf(ctx->err_msg, sizeof ctx->err_msg, fmt, ap);
	va_end(ap);
	return -1;
}

const char *
cmd_str(struct cmd_ctx *ctx, const char *name)
{
	return json_string_value(json_object_get(ctx->args, name));
}

int
cmd_check_code(struct cmd_ctx *ctx, const char *what, char *const *list,
    int n, const char *code)
{
	char allowed[512] = "";

	for (int i = 0; i < n; i++) {
		if (strcmp(list[i], code) == 0)
			return 0;
		snprintf(allowed + strlen(allowed), sizeof allowed - strlen(allowed),
		    "%s%s", i ? ", " : "", list[i]);
	}
	return cmd_error(ctx, PROTO_E_BAD_ARGS, "\"%.32s\" is not a %s (%s)",
	    code, what, allowed);
}

int
cmd_check_reason(struct cmd_ctx *ctx, const char *reason)
{
	return cmd_check_code(ctx, "not-ready reason",
	    core.cfg->core.not_ready_reasons,
	    core.cfg->core.n_not_ready_reasons, reason);
}

static const struct cmd_entry *
cmd_find(const char *name)
{
	for (size_t i = 0; i < sizeof cmd_table / sizeof cmd_table[0]; i++)
		if (strcmp(cmd_table[i].name, name) == 0)
			return &cmd_table[i];
	return NULL;
}

static int
cmd_type_ok(json_t *v, enum cmd_arg_type t)
{
	switch (t) {
	case ARG_STRING:
		return json_is_string(v) && json_string_length(v) <= 4096;
	case ARG_INT:
		return json_is_integer(v);
	case ARG_OBJECT:
		return json_is_object(v);
	default:
		return json_is_boolean(v);
	}
}

static const struct cmd_arg *
cmd_arg_find(const struct cmd_entry *e, const char *name)
{
	for (const struct cmd_arg *a = e->args; a->name != NULL; a++)
		if (strcmp(a->name, name) == 0)
			return a;
	return NULL;
}

static int
cmd_check_args(const struct cmd_entry *e, struct cmd_ctx *ctx)
{
	const char		*key;
	json_t			*v;
	const struct cmd_arg	*a;

	json_object_foreach(ctx->args, key, v) {
		if (strcmp(key, "id") == 0 || strcmp(key, "req") == 0)
			continue;
		if ((a = cmd_arg_find(e, key)) == NULL)
			return cmd_error(ctx, PROTO_E_BAD_ARGS, "%s: unknown "
			    "argument \"%.64s\"", e->name, key);
		if (!cmd_type_ok(v, a->type))
			return cmd_error(ctx, PROTO_E_BAD_ARGS, "%s: \"%s\" "
			    "must be %s", e->name, key, cmd_type_names[a->type]);
	}
	for (a = e->args; a->name != NULL; a++)
		if (a->required && json_object_get(ctx->args, a->name) == NULL)
			return cmd_error(ctx, PROTO_E_BAD_ARGS, "%s: missing "
			    "argument \"%s\"", e->name, a->name);
	return 0;
}

static int
cmd_check_access(const struct cmd_entry *e, struct cmd_ctx *ctx)
{
	struct conn *c = ctx->conn;

	if (!c->hello && e->handler != cmd_hello)
		return cmd_error(ctx, PROTO_E_NOT_LOGGED_IN, "send hello first");
	if (e->before_login)
		return 0;
	if (c->role == ROLE_NONE)
		return cmd_error(ctx, PROTO_E_NOT_LOGGED_IN, "%s: log in first",
		    e->name);
	if (c->role < e->role)
		return cmd_error(ctx, PROTO_E_FORBIDDEN, "%s needs the %s role "
		    "(this session is %s)", e->name, conn_role_name(e->role),
		    conn_role_name(c->role));
	return 0;
}

static int
cmd_run(struct cmd_ctx *ctx, const struct proto_req *req)
{
	const struct cmd_entry *e = cmd_find(req->name);

	if (e == NULL)
		return cmd_error(ctx, PROTO_E_UNKNOWN, "unknown request "
		    "\"%.64s\"", req->name);
	if (cmd_check_access(e, ctx) != 0 || cmd_check_args(e, ctx) != 0)
		return -1;
	return e->handler(ctx);
}

void
cmd_dispatch(struct conn *c, const char *line, size_t len)
{
	struct proto_req	 req;
	struct cmd_ctx		 ctx = { .conn = c };
	const char		*code;
	char			 msg[256];
	json_t			*reply;

	if (proto_parse_request(line, len, &req, &code, msg, sizeof msg) != 0) {
		conn_send(c, proto_reply_error(req.id, code, "%s", msg));
		proto_req_free(&req);
		return;
	}
	ctx.args = req.root;
	ctx.reply = proto_reply_ok(req.id);
	if (cmd_run(&ctx, &req) == 0)
		reply = json_incref(ctx.reply);
	else {
		log_debug("client %llu: %s refused: %s", (unsigned long long)c->id,
		    req.name, ctx.err_msg);
		reply = proto_reply_error(req.id, ctx.err_code, "%s", ctx.err_msg);
	}
	json_decref(ctx.reply);
	conn_send(c, reply);
	proto_req_free(&req);
}
