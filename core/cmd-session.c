/* cmd-session.c: hello, login, logout, ping. Login checks the PIN against
 * its hash (an admin's override in the database first, then the config)
 * and, where the config binds an agent or user to a Unix user, the peer's
 * kernel-checked uid. Failing closed: anything unclear is refused. */
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include "agent.h"
#include "call.h"
#include "clock.h"
#include "cmd-handlers.h"
#include "core.h"
#include "customer.h"
#include "db.h"
#include "media.h"
#include "log.h"
#include "pin.h"
#include "queue.h"
#include "xmalloc.h"

#define LOGIN_MAX_FAILURES 5

int
cmd_hello(struct cmd_ctx *ctx)
{
	json_int_t proto = json_integer_value(json_object_get(ctx->args, "proto"));

	if (proto != PROTO_VERSION)
		return cmd_error(ctx, PROTO_E_BAD_ARGS, "protocol version %lld "
		    "is not spoken here (this core speaks %d)",
		    (long long)proto, PROTO_VERSION);
	ctx->conn->hello = 1;
	json_object_set_new(ctx->reply, "proto", json_integer(PROTO_VERSION));
	json_object_set_new(ctx->reply, "server", json_string("centrala/"
	    CORE_VERSION));
	return 0;
}

int
cmd_ping(struct cmd_ctx *ctx)
{
	json_object_set_new(ctx->reply, "pong", json_true());
	return 0;
}

/* 1 if the peer is the mapped Unix user; -1 if the name is unknown. */
static int
cmd_peer_is(struct cmd_ctx *ctx, const char *unix_user)
{
	struct passwd *pw = getpwnam(unix_user);

	if (pw == NULL)
		return -1;
	return ctx->conn->uid == pw->pw_uid;
}

/* Checks the PIN, or the peer's uid where the config maps one. */
static int
cmd_authenticate(struct cmd_ctx *ctx, const char *who, const char *hash,
    const char *unix_user)
{
	const char	*pin = cmd_str(ctx, "pin");
	char		*override;
	int		 ok;

	if (unix_user != NULL && unix_user[0] != '\0') {
		if (cmd_peer_is(ctx, unix_user) != 1)
			return cmd_error(ctx, PROTO_E_FORBIDDEN, "%s may log in "
			    "only as Unix user %s", who, unix_user);
		if (pin == NULL)
			return 0;
	}
	if (pin == NULL)
		return cmd_error(ctx, PROTO_E_BAD_ARGS, "login: missing "
		    "argument \"pin\"");
	if (db_pin_lookup(core.db, who, &override) < 0)
		return cmd_error(ctx, PROTO_E_INTERNAL, "PINs cannot be checked "
		    "now (database error): try again");
	ok = pin_check(pin, override != NULL ? override : hash);
	free(override);
	if (ok)
		return 0;
	if (++ctx->conn->login_failures >= LOGIN_MAX_FAILURES)
		conn_close(ctx->conn, "too many failed logins");
	log_warn("login as %s refused: wrong PIN", who);
	return cmd_error(ctx, PROTO_E_AUTH, "unknown id or wrong PIN");
}

/* The ended call whose disposition holds the agent in wrap-up: a console
 * started after it shows the codes at once. */
static json_t *
cmd_owed_view(const struct agent *a)
{
	struct queue	*q = queue_find(a->disp_queue);
	json_t		*codes, *contact;

	codes = q != NULL && q->cfg != NULL ? proto_strings(q->cfg->dispositions,
	    q->cfg->n_dispositions) : json_array();
	contact = db_contact_get(core.db, a->disp_call, a->id);
	return json_pack("{s:s,s:s,s:o,s:o}", "call", a->disp_call, "queue",
	    a->disp_queue, "dispositions", codes, "contact",
	    contact != NULL ? contact : json_null());
}

/* The agent's current call as its console needs it after a reconnect. */
static json_t *
cmd_call_view(struct call *call, const struct agent *a)
{
	json_t *contact = db_contact_get(core.db, call->id, a->id), *v;

	v = json_pack("{s:s,s:s,s:s,s:s,s:s,s:o,s:o,s:o,s:b,s:b,s:i}",
	    "call", call->id, "state", call_state_name(call->state),
	    "cli", call->cli, "dnis", call->dnis, "direction", call->direction,
	    "queue", call->queue_name != NULL ? json_string(call->queue_name) :
	    json_null(), "customer", customer_pop(call), "contact",
	    json_null(), "held", call->span != NULL && media_held(call),
	    "muted", call->span != NULL && media_muted(call),
	    "since_s", call->agent_answer_ms != 0 ? (int)((clock_wall_ms() -
	    call->agent_answer_ms) / 1000) : call_age_s(call));
	if (contact != NULL)
		json_object_set_new(v, "contact", contact);
	if (call->ivr_path != NULL)
		json_object_set_new(v, "ivr", json_string(call->ivr_path));
	if (call->vars != NULL)
		json_object_set_new(v, "vars", json_deep_copy(call->vars));
	return v;
}

static int
cmd_login_agent(struct cmd_ctx *ctx, const char *id)
{
	struct agent	*a = agent_find(id);
	json_t		*q;

	if (a == NULL || a->removed || a->cfg == NULL) {
		ctx->conn->login_failures++;
		return cmd_error(ctx, PROTO_E_AUTH, "unknown id or wrong PIN");
	}
	if (cmd_authenticate(ctx, a->id, a->cfg->pin_hash, a->cfg->unix_user) != 0)
		return -1;
	if (cmd_str(ctx, "queues") != NULL) {
		char why[160];

		if (agent_set_queues(a, cmd_str(ctx, "queues"), why, sizeof why) != 0)
			return cmd_error(ctx, PROTO_E_BAD_ARGS, "%s", why);
	} else if (a->state == AGENT_LOGGED_OUT)
		agent_set_all_queues(a);
	ctx->conn->role = ROLE_AGENT;
	ctx->conn->agent = a;
	agent_login(a, ctx->conn);
	q = agent_queues_json(a);
	json_object_set_new(ctx->reply, "role", json_string("agent"));
	json_object_set_new(ctx->reply, "agent", json_string(a->id));
	json_object_set_new(ctx->reply, "name", json_string(a->name));
	json_object_set_new(ctx->reply, "state",
	    json_string(agent_state_name(a->state)));
	json_object_set_new(ctx->reply, "queues", q);
	json_object_set_new(ctx->reply, "reason", a->reason != NULL ?
	    json_string(a->reason) : json_null());
	json_object_set_new(ctx->reply, "not_ready_reasons",
	    proto_strings(core.cfg->core.not_ready_reasons,
	    core.cfg->core.n_not_ready_reasons));
	json_object_set_new(ctx->reply, "call", a->call != NULL ?
	    cmd_call_view(a->call, a) : json_null());
	json_object_set_new(ctx->reply, "wrapup_s",
	    json_integer(agent_wrapup_left_s(a)));
	json_object_set_new(ctx->reply, "help", json_boolean(a->help));
	json_object_set_new(ctx->reply, "disposition_owed", a->disp_call[0] ?
	    cmd_owed_view(a) : json_null());
	return 0;
}

/* The clients the session may see and report on: a limited
 * supervisor's, else every [client] of the config (the supervisor
 * console's report filters). */
static void
cmd_login_clients(struct cmd_ctx *ctx, int limited)
{
	json_t *a = json_array();

	for (int i = 0; i < core.cfg->nclients; i++)
		if (cmd_scope_client(ctx->conn, core.cfg->clients[i].name))
			json_array_append_new(a,
			    json_string(core.cfg->clients[i].name));
	json_object_set_new(ctx->reply, "clients", a);
	json_object_set_new(ctx->reply, "clients_limited", json_boolean(limited));
}

static int
cmd_login_user(struct cmd_ctx *ctx, const char *name)
{
	const struct cfg_user *u = config_find_user(core.cfg, name);

	if (u == NULL) {
		ctx->conn->login_failures++;
		return cmd_error(ctx, PROTO_E_AUTH, "unknown id or wrong PIN");
	}
	if (cmd_authenticate(ctx, u->name, u->pin_hash, u->unix_user) != 0)
		return -1;
	ctx->conn->role = u->role == CFG_ROLE_ADMIN ? ROLE_ADMIN : ROLE_SUPERVISOR;
	ctx->conn->user = xstrdup(u->name);
	json_object_set_new(ctx->reply, "role",
	    json_string(conn_role_name(ctx->conn->role)));
	cmd_login_clients(ctx, ctx->conn->role == ROLE_SUPERVISOR &&
	    u->nclients > 0);
	return 0;
}

/* The core's own Unix user (or root) is its administrator. */
static int
cmd_login_local(struct cmd_ctx *ctx)
{
	if (ctx->conn->uid != core.uid && ctx->conn->uid != 0)
		return cmd_error(ctx, PROTO_E_FORBIDDEN, "local login is only "
		    "for the core's own Unix user or root");
	ctx->conn->role = ROLE_ADMIN;
	ctx->conn->user = xstrdup("local");
	json_object_set_new(ctx->reply, "role", json_string("admin"));
	cmd_login_clients(ctx, 0);
	return 0;
}

int
cmd_login(struct cmd_ctx *ctx)
{
	const char	*agent = cmd_str(ctx, "agent"), *user = cmd_str(ctx, "user");
	json_t		*local = json_object_get(ctx->args, "local");
	int		 kinds = (agent != NULL) + (user != NULL) + json_is_true(local);

	if (ctx->conn->role != ROLE_NONE)
		return cmd_error(ctx, PROTO_E_BAD_STATE, "already logged in; "
		    "log out first");
	if (kinds != 1)
		return cmd_error(ctx, PROTO_E_BAD_ARGS, "login: give exactly "
		    "one of \"agent\", \"user\" or \"local\":true");
	if (agent != NULL)
		return cmd_login_agent(ctx, agent);
	if (user != NULL)
		return cmd_login_user(ctx, user);
	return cmd_login_local(ctx);
}

int
cmd_logout(struct cmd_ctx *ctx)
{
	struct conn *c = ctx->conn;

	if (c->agent != NULL) {
		if (c->agent->state == AGENT_ON_CALL)
			return cmd_error(ctx, PROTO_E_BAD_STATE, "hang up the "
			    "call before logging out");
		agent_logout(c->agent, "logout");
	}
	c->agent = NULL;
	c->role = ROLE_NONE;
	conn_subscribe(c, CONN_SUB_NONE);
	free(c->user);
	c->user = NULL;
	return 0;
}
