/* cmd.c: the dispatcher of the request table (cmd-table.c). Every check
 * happens here, once, before any handler runs: the line's shape, hello
 * first, login, the client's role, each argument's name and type, then
 * the target and the things the arguments name (cmd-target.c). Handlers
 * see only requests that passed. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "cmd.h"
#include "log.h"

static const char *cmd_type_names[] = {
	[ARG_STRING] = "a string", [ARG_INT] = "an integer",
	[ARG_BOOL] = "true or false", [ARG_OBJECT] = "an object",
	[ARG_CALL] = "a string", [ARG_AGENT] = "a string",
	[ARG_QUEUE] = "a string", [ARG_DEST] = "a string",
	[ARG_PARTY] = "a string",
};

static int
cmd_type_ok(json_t *v, enum cmd_arg_type t)
{
	switch (t) {
	case ARG_INT:
		return json_is_integer(v);
	case ARG_OBJECT:
		return json_is_object(v);
	case ARG_BOOL:
		return json_is_boolean(v);
	default:	/* a string, or one naming something */
		return json_is_string(v) && json_string_length(v) <= 4096;
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
	if (cmd_check_access(e, ctx) != 0 || cmd_check_args(e, ctx) != 0 ||
	    cmd_resolve(e, ctx) != 0)
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
	int			 rc;

	if (proto_parse_request(line, len, &req, &code, msg, sizeof msg) != 0) {
		conn_send(c, proto_reply_error(req.id, code, "%s", msg));
		proto_req_free(&req);
		return;
	}
	ctx.args = req.root;
	ctx.reply = proto_reply_ok(req.id);
	if ((rc = cmd_run(&ctx, &req)) == CMD_LATER) {
		json_decref(ctx.reply);		/* the handler kept its own */
		proto_req_free(&req);
		return;
	} else if (rc == 0)
		reply = json_incref(ctx.reply);
	else {
		/* Refused for who asked is a security event; the rest is
		 * a client's mistake. */
		(strcmp(ctx.err_code, PROTO_E_FORBIDDEN) == 0 ||
		    strcmp(ctx.err_code, PROTO_E_NOT_LOGGED_IN) == 0 ?
		    log_warn : log_info)("client %llu (uid %d): %s refused: %s",
		    (unsigned long long)c->id, (int)c->uid, req.name,
		    ctx.err_msg);
		reply = proto_reply_error(req.id, ctx.err_code, "%s", ctx.err_msg);
	}
	json_decref(ctx.reply);
	conn_send(c, reply);
	proto_req_free(&req);
}
