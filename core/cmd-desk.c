/* cmd-desk.c: the agent desktop's requests: customers (find, get, save,
 * link to a call), a call's note and disposition, the agent's own figures
 * today, the help flag, and supervisors' messages to agents. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "action.h"
#include "agent.h"
#include "campaign.h"
#include "call.h"
#include "callback.h"
#include "clock.h"
#include "cmd-handlers.h"
#include "core.h"
#include "customer.h"
#include "db.h"
#include "evlog.h"
#include "notify.h"
#include "proto.h"
#include "queue.h"

#define DESK_NOTE_MAX		4000
#define DESK_FIELD_MAX		1000
#define DESK_FIELDS_MAX		50
#define DESK_SEARCH_MAX		50

static int
desk_db_error(struct cmd_ctx *ctx)
{
	return cmd_error(ctx, PROTO_E_INTERNAL, "database: %s",
	    db_last_error(core.db));
}

int
cmd_customer_find(struct cmd_ctx *ctx)
{
	const char *q = cmd_str(ctx, "query");

	if (strlen(q) < 1 || strlen(q) > 100)
		return cmd_error(ctx, PROTO_E_BAD_ARGS, "customer-find: \"query\" "
		    "is 1 to 100 characters");
	json_object_set_new(ctx->reply, "customers",
	    db_customer_search(core.db, q, DESK_SEARCH_MAX));
	return 0;
}

int
cmd_customer_get(struct cmd_ctx *ctx)
{
	json_int_t	 id = json_integer_value(json_object_get(ctx->args,
			    "customer"));
	json_t		*c = db_customer_get(core.db, id, CUSTOMER_HISTORY,
			    NULL);

	if (c == NULL)
		return cmd_error(ctx, PROTO_E_NOT_FOUND, "no customer %lld",
		    (long long)id);
	json_object_set_new(ctx->reply, "customer", c);
	return 0;
}

/* A phone number as customers keep it: "" or an optional + and 3-20
 * digits. */
static int
desk_phone_ok(const char *s)
{
	return *s == '\0' || action_number_ok(*s == '+' ? s + 1 : s);
}

static const char *
desk_field(struct cmd_ctx *ctx, json_t *c, const char *name, size_t max,
    int required)
{
	json_t		*v = json_object_get(c, name);
	const char	*s;

	if (v == NULL && !required)
		return "";
	if (!json_is_string(v) || (s = json_string_value(v)) == NULL ||
	    strlen(s) > max || (required && s[0] == '\0')) {
		cmd_error(ctx, PROTO_E_BAD_ARGS, "customer-save: \"%s\" must be "
		    "a string of %s%zu characters at most", name,
		    required ? "1 to " : "", max);
		return NULL;
	}
	return s;
}

static int
desk_fields_ok(struct cmd_ctx *ctx, json_t *f)
{
	const char	*k;
	json_t		*v;

	if (f == NULL)
		return 0;
	if (!json_is_object(f) || json_object_size(f) > DESK_FIELDS_MAX)
		return cmd_error(ctx, PROTO_E_BAD_ARGS, "customer-save: \"fields\" "
		    "is an object of at most %d entries", DESK_FIELDS_MAX);
	json_object_foreach(f, k, v)
		if (strlen(k) < 1 || strlen(k) > 64 || !json_is_string(v) ||
		    json_string_length(v) > DESK_FIELD_MAX)
			return cmd_error(ctx, PROTO_E_BAD_ARGS, "customer-save: "
			    "field \"%.64s\": names are 1-64 characters, values "
			    "strings of at most %d", k, DESK_FIELD_MAX);
	return 0;
}

int
cmd_customer_save(struct cmd_ctx *ctx)
{
	json_t			*c = json_object_get(ctx->args, "customer");
	json_t			*id = json_object_get(c, "id"), *f;
	struct db_customer	 row = { 0 };
	char			*fields = NULL;
	int64_t			 got;
	const char		*k;
	json_t			*v;

	json_object_foreach(c, k, v)
		if (strcmp(k, "id") && strcmp(k, "name") && strcmp(k, "company") &&
		    strcmp(k, "phone") && strcmp(k, "phone2") &&
		    strcmp(k, "email") && strcmp(k, "fields"))
			return cmd_error(ctx, PROTO_E_BAD_ARGS, "customer-save: "
			    "unknown field \"%.64s\"", k);
	if (id != NULL && (!json_is_integer(id) || json_integer_value(id) < 1))
		return cmd_error(ctx, PROTO_E_BAD_ARGS, "customer-save: \"id\" is "
		    "a customer number");
	row.id = id != NULL ? json_integer_value(id) : 0;
	if ((row.name = desk_field(ctx, c, "name", 200, 1)) == NULL ||
	    (row.company = desk_field(ctx, c, "company", 200, 0)) == NULL ||
	    (row.phone = desk_field(ctx, c, "phone", 24, 0)) == NULL ||
	    (row.phone2 = desk_field(ctx, c, "phone2", 24, 0)) == NULL ||
	    (row.email = desk_field(ctx, c, "email", 200, 0)) == NULL)
		return -1;
	if (!desk_phone_ok(row.phone) || !desk_phone_ok(row.phone2))
		return cmd_error(ctx, PROTO_E_BAD_ARGS, "customer-save: a phone "
		    "number is digits (3 to 20), with an optional leading +");
	f = json_object_get(c, "fields");
	if (desk_fields_ok(ctx, f) != 0)
		return -1;
	if (f != NULL)
		fields = json_dumps(f, JSON_COMPACT | JSON_SORT_KEYS);
	row.fields = fields;
	got = db_customer_save(core.db, &row);
	free(fields);
	if (got < 0)
		return desk_db_error(ctx);
	if (got == 0)
		return cmd_error(ctx, PROTO_E_NOT_FOUND, "no customer %lld",
		    (long long)row.id);
	json_object_set_new(ctx->reply, "customer", json_integer(got));
	return 0;
}

/* Sets a column of this agent's contact for "call"; not-found when the
 * agent never talked to that call. */
static int
desk_contact_set(struct cmd_ctx *ctx, struct agent *a, const char *column,
    const char *value)
{
	const char	*call = cmd_str(ctx, "call");
	int		 rc = db_contact_set(core.db, call, a->id, column, value);

	if (rc < 0)
		return desk_db_error(ctx);
	if (rc == 0)
		return cmd_error(ctx, PROTO_E_NOT_FOUND, "no call %.64s of yours",
		    call);
	return 0;
}

int
cmd_customer_link(struct cmd_ctx *ctx)
{
	struct agent	*a = ctx->self;
	json_int_t	 id = json_integer_value(json_object_get(ctx->args,
			    "customer"));
	struct call	*call;
	json_t		*c;
	char		 v[32];

	if ((c = db_customer_get(core.db, id, 0, NULL)) == NULL)
		return cmd_error(ctx, PROTO_E_NOT_FOUND, "no customer %lld",
		    (long long)id);
	json_decref(c);
	snprintf(v, sizeof v, "%lld", (long long)id);
	if (desk_contact_set(ctx, a, "customer_id", v) != 0)
		return -1;
	if ((call = call_find(cmd_str(ctx, "call"))) != NULL)
		call_set_customer_id(call, id);
	return 0;
}

int
cmd_note(struct cmd_ctx *ctx)
{
	struct agent	*a = ctx->self;
	const char	*text = cmd_str(ctx, "text");

	if (strlen(text) > DESK_NOTE_MAX)
		return cmd_error(ctx, PROTO_E_BAD_ARGS, "note: \"text\" is at most "
		    "%d bytes", DESK_NOTE_MAX);
	return desk_contact_set(ctx, a, "note", text);
}

/* The codes of the queue the call came through ("" list: any code). */
static int
desk_code_ok(struct cmd_ctx *ctx, const struct agent *a, const char *call,
    const char *code)
{
	json_t			*c = db_contact_get(core.db, call, a->id);
	const char		*qn = c != NULL ? json_string_value(
				    json_object_get(c, "queue")) : NULL;
	struct queue		*q = qn != NULL ? queue_find(qn) : NULL;
	const struct cfg_queue	*qc = q != NULL ? q->cfg : NULL;

	json_decref(c);
	if (qc == NULL || qc->n_dispositions == 0)
		return strlen(code) >= 1 && strlen(code) <= 63 ? 0 :
		    cmd_error(ctx, PROTO_E_BAD_ARGS, "disposition: a code is 1 "
		    "to 63 characters");
	return cmd_check_code(ctx, "disposition", qc->dispositions,
	    qc->n_dispositions, code);
}

int
cmd_disposition(struct cmd_ctx *ctx)
{
	struct agent	*a = ctx->self;
	const char	*call = cmd_str(ctx, "call"), *code = cmd_str(ctx, "code");
	const char	*note = cmd_str(ctx, "note");
	char		 why[200];

	if (note != NULL && strlen(note) > DESK_NOTE_MAX)
		return cmd_error(ctx, PROTO_E_BAD_ARGS, "disposition: \"note\" is "
		    "at most %d bytes", DESK_NOTE_MAX);
	if (desk_code_ok(ctx, a, call, code) != 0)
		return -1;
	/* A campaign's call: its own codes, their flags applied. */
	if (campaign_call_disposition(call, a->id, code, why, sizeof why) < 0)
		return cmd_error(ctx, PROTO_E_BAD_ARGS, "%s", why);
	if (desk_contact_set(ctx, a, "disposition", code) != 0 ||
	    (note != NULL && desk_contact_set(ctx, a, "note", note) != 0))
		return -1;
	agent_disposition_given(a, call);
	return 0;
}

/* The progress of the campaigns the agent works: successes and target. */
static json_t *
cmd_my_campaigns(const struct agent *a)
{
	json_t *out = json_array();

	for (struct campaign *c = campaign_first(); c != NULL; c = c->next)
		if (campaign_agent_works(c, a))
			json_array_append_new(out, json_pack("{s:s,s:s,s:i,s:i}",
			    "name", c->name, "state", campaign_state_name(
			    c->state), "successes", campaign_successes(core.db, c),
			    "target", c->cfg->target));
	return out;
}

/* Calls handled, handle time and time per state today, and the waiting
 * line of each of the agent's queues. */
int
cmd_my_stats(struct cmd_ctx *ctx)
{
	static const char *const names[ST_NSTATES] = { "ready", "ringing",
	    "on_call", "wrap_up", "not_ready" };
	struct agent			*a = ctx->self;
	const struct stats_agent	*st;
	json_t				*states = json_object(), *qs = json_array();

	st = evlog_agent_today(a->id);
	for (int i = 0; i < ST_NSTATES; i++)
		json_object_set_new(states, names[i], json_real(st != NULL ?
		    (double)(st->state_ms[i] / 100) / 10 : 0));
	for (struct queue *q = queues; q != NULL; q = q->next)
		if (agent_in_queue(a, q->name))
			json_array_append_new(qs, json_pack("{s:s,s:i,s:i}",
			    "name", q->name, "waiting", q->nwaiting,
			    "longest_wait_s", queue_longest_wait_s(q)));
	json_object_set_new(ctx->reply, "calls", json_integer(st != NULL ?
	    st->handled : 0));
	json_object_set_new(ctx->reply, "aht_s", st != NULL && st->handled ?
	    json_real((st->state_ms[ST_ON_CALL] + st->state_ms[ST_WRAP_UP]) /
	    1000.0 / st->handled) : json_null());
	json_object_set_new(ctx->reply, "talk_s", json_real(st != NULL ?
	    (double)(st->state_ms[ST_ON_CALL] / 100) / 10 : 0));
	json_object_set_new(ctx->reply, "states", states);
	json_object_set_new(ctx->reply, "queues", qs);
	json_object_set_new(ctx->reply, "campaigns", cmd_my_campaigns(a));
	return 0;
}

int
cmd_help(struct cmd_ctx *ctx)
{
	struct agent	*a = ctx->self;
	int		 on = json_is_true(json_object_get(ctx->args, "on"));
	const char	*text = cmd_str(ctx, "text");
	json_t		*ev;

	if (text != NULL && strlen(text) > 200)
		return cmd_error(ctx, PROTO_E_BAD_ARGS, "help: \"text\" is at "
		    "most 200 bytes");
	if (a->help != on || (on && text != NULL)) {
		agent_set_help(a, on, text);
		ev = proto_event("help");
		json_object_set_new(ev, "agent", json_string(a->id));
		json_object_set_new(ev, "on", json_boolean(on));
		json_object_set_new(ev, "text", json_string(a->help_text));
		notify_watchers(ev);
	}
	json_object_set_new(ctx->reply, "help", json_boolean(on));
	return 0;
}

int
cmd_message(struct cmd_ctx *ctx)
{
	struct agent	*a = ctx->agent;
	const char	*text = cmd_str(ctx, "text");
	json_t		*ev;

	if (strlen(text) < 1 || strlen(text) > 500)
		return cmd_error(ctx, PROTO_E_BAD_ARGS, "message: \"text\" is 1 "
		    "to 500 bytes");
	if (a->conn == NULL)
		return cmd_error(ctx, PROTO_E_BAD_STATE, "agent %s has no console "
		    "connected", a->id);
	ev = proto_event("message");
	json_object_set_new(ev, "from", json_string(ctx->conn->user != NULL ?
	    ctx->conn->user : "admin"));
	json_object_set_new(ev, "text", json_string(text));
	json_object_set_new(ev, "at_ms", json_integer(clock_wall_ms()));
	notify_agent(a, ev);
	return 0;
}

/* "YYYY-MM-DD HH:MM" in the core's local time: epoch ms, or -1. */
static int64_t
desk_local_time(const char *s)
{
	struct tm	 tm = { 0 };
	const char	*end = strptime(s, "%Y-%m-%d %H:%M", &tm);
	time_t		 t;

	if (end == NULL || *end != '\0')
		return -1;
	tm.tm_isdst = -1;
	if ((t = mktime(&tm)) == (time_t)-1)
		return -1;
	return (int64_t)t * 1000;
}

/* The first queue AGENT takes now, for a callback without one. */
static struct queue *
desk_first_queue(const struct agent *a)
{
	for (struct queue *q = queues; q != NULL; q = q->next)
		if (!q->removed && agent_in_queue(a, q->name))
			return q;
	return NULL;
}

int
cmd_callback_schedule(struct cmd_ctx *ctx)
{
	struct agent	*a = ctx->self, *who = ctx->agent;
	const char	*number = cmd_str(ctx, "number"), *at = cmd_str(ctx, "at");
	const char	*note = cmd_str(ctx, "note");
	struct queue	*q = ctx->queue;
	int64_t		 due = desk_local_time(at), id, now = clock_wall_ms();

	if (!action_number_ok(number))
		return cmd_error(ctx, PROTO_E_BAD_ARGS, "callback-schedule: "
		    "\"number\" is 3 to 20 digits");
	if (due < 0 || due > now + 366LL * 86400 * 1000)
		return cmd_error(ctx, PROTO_E_BAD_ARGS, "callback-schedule: "
		    "\"at\" is \"YYYY-MM-DD HH:MM\" (local time), within a year");
	if (due < now - 60000)
		return cmd_error(ctx, PROTO_E_BAD_ARGS, "callback-schedule: %s "
		    "is in the past", at);
	if (note != NULL && strlen(note) > DESK_NOTE_MAX)
		return cmd_error(ctx, PROTO_E_BAD_ARGS, "callback-schedule: "
		    "\"note\" is at most %d bytes", DESK_NOTE_MAX);
	if (cmd_str(ctx, "agent") == NULL)
		who = a;		/* for me, by default; "": anyone */
	if (q == NULL && (q = desk_first_queue(who != NULL ? who : a)) == NULL)
		return cmd_error(ctx, PROTO_E_NOT_FOUND, "no queue for this "
		    "agent");
	if (who != NULL && !agent_in_queue(who, q->name))
		return cmd_error(ctx, PROTO_E_BAD_ARGS, "agent %s takes no calls "
		    "from %s", who->id, q->name);
	if ((id = callback_schedule(number, q, due, who != NULL ? who->id : NULL,
	    note, a->id)) < 0)
		return desk_db_error(ctx);
	json_object_set_new(ctx->reply, "callback", json_integer(id));
	return 0;
}
