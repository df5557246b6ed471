/* cmd-campaign.c: supervisors' campaign requests: a campaign's state
 * (pause, resume, stop) and its lists' (pause, resume, remove), each
 * recorded as a supervisor_action events row naming who; list imports
 * (admins: the core reads the file); do-not-call add, remove, check and
 * import; why a record is not being dialed now; an agent's answer to a
 * preview (dial or skip). The dispatcher has
 * resolved ctx->campaign and held a limited supervisor to its client. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "acd-wake.h"
#include "action.h"
#include "campaign.h"
#include "clock.h"
#include "cmd-handlers.h"
#include "core.h"
#include "db-campaign.h"
#include "evlog.h"
#include "log.h"
#include "phone.h"
#include "xmalloc.h"

static const char *
camp_who(struct cmd_ctx *ctx)
{
	return ctx->conn->user != NULL ? ctx->conn->user : "admin";
}

/* The events row for a supervisor's change to a campaign or list. */
static void
camp_record(struct cmd_ctx *ctx, const char *action, json_t *detail)
{
	json_object_set_new(detail, "by", json_string(camp_who(ctx)));
	json_object_set_new(detail, "action", json_string(action));
	json_object_set_new(detail, "campaign", json_string(ctx->campaign->name));
	evlog_add(&(struct db_event){ .ts_ms = clock_wall_ms(),
	    .kind = "supervisor_action" }, detail);
}

/* Supervisors' actions on a campaign: the state each leads to, and the
 * states it may start from. */
static const struct {
	const char	*action;
	enum camp_state	 to;
	unsigned	 from;	/* bits of enum camp_state */
} camp_actions[] = {
	{ "pause", CAMP_PAUSED, 1u << CAMP_RUNNING },
	{ "resume", CAMP_RUNNING, 1u << CAMP_PAUSED | 1u << CAMP_STOPPED },
	{ "stop", CAMP_STOPPED, 1u << CAMP_RUNNING | 1u << CAMP_PAUSED },
};

int
cmd_campaign_state(struct cmd_ctx *ctx)
{
	struct campaign	*c = ctx->campaign;
	const char	*action = cmd_str(ctx, "action");
	size_t		 i;

	for (i = 0; i < sizeof camp_actions / sizeof camp_actions[0]; i++)
		if (strcmp(camp_actions[i].action, action) == 0)
			break;
	if (i == sizeof camp_actions / sizeof camp_actions[0])
		return cmd_error(ctx, PROTO_E_BAD_ARGS, "campaign-state: "
		    "\"action\" is pause, resume or stop");
	if (!(camp_actions[i].from & (1u << c->state)))
		return cmd_error(ctx, PROTO_E_BAD_STATE, "campaign %s is %s: "
		    "cannot %s", c->name, campaign_state_name(c->state), action);
	if (campaign_set_state(c, camp_actions[i].to, camp_who(ctx)) != 0)
		return cmd_error(ctx, PROTO_E_INTERNAL, "database: state not "
		    "written");
	json_object_set_new(ctx->reply, "state",
	    json_string(campaign_state_name(c->state)));
	camp_record(ctx, "campaign-state", json_pack("{s:s}", "state",
	    campaign_state_name(c->state)));
	campaign_poke();
	acd_dispatch();		/* a running campaign's free agents dial */
	return 0;
}

static const struct {
	const char	*action, *state;
} list_actions[] = {
	{ "pause", "paused" }, { "resume", "active" }, { "remove", "removed" },
};

int
cmd_list_state(struct cmd_ctx *ctx)
{
	const char	*action = cmd_str(ctx, "action"), *list = cmd_str(ctx,
	    "list"), *state = NULL;
	char		 old[16];
	int64_t		 id;

	for (size_t i = 0; i < sizeof list_actions / sizeof list_actions[0]; i++)
		if (strcmp(list_actions[i].action, action) == 0)
			state = list_actions[i].state;
	if (state == NULL)
		return cmd_error(ctx, PROTO_E_BAD_ARGS, "list-state: \"action\" "
		    "is pause, resume or remove");
	if (db_list_find(core.db, ctx->campaign->name, list, &id, old,
	    sizeof old) != 1)
		return cmd_error(ctx, PROTO_E_NOT_FOUND, "no list %.64s in "
		    "campaign %s", list, ctx->campaign->name);
	if (strcmp(old, "removed") == 0)
		return cmd_error(ctx, PROTO_E_BAD_STATE, "list %.64s was "
		    "removed", list);
	if (db_list_set_state(core.db, ctx->campaign->name, list, state,
	    camp_who(ctx)) != 1)
		return cmd_error(ctx, PROTO_E_INTERNAL, "database: list state "
		    "not written");
	log_info("campaign %s: list %s %s by %s", ctx->campaign->name, list,
	    state, camp_who(ctx));
	json_object_set_new(ctx->reply, "state", json_string(state));
	camp_record(ctx, "list-state", json_pack("{s:s,s:s}", "list", list,
	    "state", state));
	campaign_poke();
	acd_dispatch();
	return 0;
}

/* An optional "country": a calling code, else "" (the campaign's). */
static int
camp_country(struct cmd_ctx *ctx, const char **out)
{
	const char *cc = cmd_str(ctx, "country");

	*out = cc != NULL ? cc : "";
	if (cc == NULL || phone_country_ok(cc))
		return 0;
	return cmd_error(ctx, PROTO_E_BAD_ARGS, "\"country\": \"%.16s\" is not "
	    "a country calling code (1-3 digits, e.g. 44)", cc);
}

/* An import under way: whom to reply to when its parse (on a thread)
 * and its write are done. The requester is named by its id: it may have
 * gone by then. */
struct cmd_import {
	uint64_t	 conn_id;
	json_t		*id;
	char		 by[64], campaign[33], list[65], path[4096];
};

static void
cmd_import_done(int rc, json_t *fields, const char *why, void *arg)
{
	struct cmd_import	*imp = arg;
	json_t			*reply;

	if (rc == 0) {
		reply = proto_reply_ok(imp->id);
		json_object_update(reply, fields);
		evlog_add(&(struct db_event){ .ts_ms = clock_wall_ms(),
		    .kind = "supervisor_action" }, json_pack("{s:s,s:s,s:O,"
		    "s:s,s:s,s:s}", "list", imp->list, "path", imp->path,
		    "imported", json_object_get(fields, "imported"), "by",
		    imp->by, "action", "list-import", "campaign",
		    imp->campaign));
		campaign_poke();
		acd_dispatch();
	} else {
		log_info("list import into %s/%s refused: %s", imp->campaign,
		    imp->list, why);
		reply = proto_reply_error(imp->id, PROTO_E_BAD_ARGS, "%s", why);
	}
	for (struct conn *c = conns; c != NULL; c = c->next)
		if (c->id == imp->conn_id && !c->dead) {
			conn_send(c, json_incref(reply));
			break;
		}
	json_decref(reply);
	json_decref(imp->id);
	free(imp);
}

int
cmd_list_import(struct cmd_ctx *ctx)
{
	struct cmd_import *imp;
	json_t		*prio = json_object_get(ctx->args, "priority");
	const char	*path = cmd_str(ctx, "path"), *list = cmd_str(ctx, "list");
	const char	*cc;
	char		 why[512];

	if (camp_country(ctx, &cc) != 0)
		return -1;
	if (!action_name_ok(list) || strlen(list) > 64)
		return cmd_error(ctx, PROTO_E_BAD_ARGS, "\"list\": \"%.64s\" is "
		    "not a list name (a-z, 0-9, '-', '_')", list);
	if (path[0] != '/')
		return cmd_error(ctx, PROTO_E_BAD_ARGS, "\"path\" must be "
		    "absolute (the core reads it)");
	if (prio != NULL && (json_integer_value(prio) < 0 ||
	    json_integer_value(prio) > 100))
		return cmd_error(ctx, PROTO_E_BAD_ARGS, "\"priority\" is 0 to 100");
	imp = xcalloc(1, sizeof *imp);
	imp->conn_id = ctx->conn->id;
	imp->id = json_incref(json_object_get(ctx->args, "id"));
	snprintf(imp->by, sizeof imp->by, "%s", camp_who(ctx));
	snprintf(imp->campaign, sizeof imp->campaign, "%s", ctx->campaign->name);
	snprintf(imp->list, sizeof imp->list, "%s", list);
	snprintf(imp->path, sizeof imp->path, "%s", path);
	if (campaign_import_start(core.base, core.db, ctx->campaign, list, path,
	    cc, prio ? (int)json_integer_value(prio) : -1, cmd_import_done,
	    imp, why, sizeof why)) {
		json_decref(imp->id);
		free(imp);
		return cmd_error(ctx, PROTO_E_BAD_ARGS, "%s", why);
	}
	return CMD_LATER;	/* cmd_import_done() replies */
}

/* "number" in E.164 ("country" for a national one) into e164. */
static int
camp_number(struct cmd_ctx *ctx, const char *number, char *e164, size_t len)
{
	const char	*cc;
	char		 why[160];

	if (camp_country(ctx, &cc) != 0)
		return -1;
	if (phone_e164(number, cc, e164, len, why, sizeof why) != 0)
		return cmd_error(ctx, PROTO_E_BAD_ARGS, "\"number\": \"%.32s\": "
		    "%s", number, why);
	return 0;
}

/* The client a DNC request is about: NULL = the global list. */
static int
camp_dnc_client(struct cmd_ctx *ctx, const char **client)
{
	*client = cmd_str(ctx, "client");
	if (*client != NULL && (*client)[0] == '\0')
		*client = NULL;
	if (*client != NULL && config_find_client(core.cfg, *client) == NULL)
		return cmd_error(ctx, PROTO_E_NOT_FOUND, "no client %.64s",
		    *client);
	return 0;
}

int
cmd_dnc(struct cmd_ctx *ctx)
{
	const char	*action = cmd_str(ctx, "action"), *client;
	char		 e164[PHONE_E164_MAX + 1];
	int		 rc;

	if (camp_dnc_client(ctx, &client) != 0 || camp_number(ctx,
	    cmd_str(ctx, "number"), e164, sizeof e164) != 0)
		return -1;
	json_object_set_new(ctx->reply, "number", json_string(e164));
	if (client != NULL && !cmd_scope_client(ctx->conn, client))
		return cmd_error(ctx, PROTO_E_FORBIDDEN, "the %s do-not-call list "
		    "is not one of your clients'", client);
	if (strcmp(action, "check") == 0) {
		rc = db_dnc_blocked(core.db, e164, client);
		json_object_set_new(ctx->reply, "blocked", json_boolean(rc > 0));
		json_object_set_new(ctx->reply, "list", rc == 1 ?
		    json_string("global") : rc == 2 ? json_string(client) :
		    json_null());
		return rc < 0 ? cmd_error(ctx, PROTO_E_INTERNAL, "database") : 0;
	}
	if (strcmp(action, "add") != 0 && strcmp(action, "remove") != 0)
		return cmd_error(ctx, PROTO_E_BAD_ARGS, "dnc: \"action\" is add, "
		    "remove or check");
	if (client == NULL && !cmd_scope_client(ctx->conn, NULL))
		return cmd_error(ctx, PROTO_E_FORBIDDEN, "the global do-not-call "
		    "list is changed only by supervisors of every client");
	rc = action[0] == 'a' ? db_dnc_add(core.db, e164, client, "request",
	    camp_who(ctx), clock_wall_ms()) : db_dnc_remove(core.db, e164,
	    client);
	if (rc < 0)
		return cmd_error(ctx, PROTO_E_INTERNAL, "database: not written");
	json_object_set_new(ctx->reply, "changed", json_boolean(rc > 0));
	if (action[0] == 'r' && rc > 0) {	/* a number may be called again */
		campaign_poke();
		acd_dispatch();
	}
	log_info("dnc: %s %s %s (%s) by %s", action, e164, action[0] == 'a' ?
	    "to" : "from", client ? client : "global", camp_who(ctx));
	return 0;
}

/* One number per line (the first CSV column; '#' comments and a header
 * without digits are skipped), in one transaction. */
static int
camp_dnc_file(struct cmd_ctx *ctx, FILE *f, const char *cc, const char *client)
{
	char	*line = NULL, e164[PHONE_E164_MAX + 1], why[160];
	size_t	 cap = 0;
	int	 n = 0, added = 0, rc = 0;
	json_t	*bad = json_array();

	while (rc >= 0 && getline(&line, &cap, f) > 0) {
		n++;
		line[strcspn(line, ",;\r\n")] = '\0';
		if (line[0] == '#' || line[strspn(line, " \t")] == '\0' ||
		    (n == 1 && strpbrk(line, "0123456789") == NULL))
			continue;
		if (phone_e164(line, cc, e164, sizeof e164, why, sizeof why) != 0) {
			json_array_append_new(bad, json_pack("{s:i,s:s}", "line",
			    n, "why", why));
			continue;
		}
		if ((rc = db_dnc_add(core.db, e164, client, "import",
		    camp_who(ctx), clock_wall_ms())) > 0)
			added++;
	}
	free(line);
	json_object_set_new(ctx->reply, "added", json_integer(added));
	json_object_set_new(ctx->reply, "bad", bad);
	return rc < 0 ? -1 : 0;
}

int
cmd_dnc_import(struct cmd_ctx *ctx)
{
	const char	*path = cmd_str(ctx, "path"), *client, *cc;
	FILE		*f;
	int		 rc;

	if (camp_dnc_client(ctx, &client) != 0 || camp_country(ctx, &cc) != 0)
		return -1;
	if (path[0] != '/' || (f = fopen(path, "r")) == NULL)
		return cmd_error(ctx, PROTO_E_BAD_ARGS, "%.200s: %s", path,
		    path[0] != '/' ? "must be absolute" : strerror(errno));
	if ((rc = db_tx_begin(core.db)) == 0 &&
	    (rc = camp_dnc_file(ctx, f, cc, client)) == 0)
		rc = db_tx_commit(core.db);
	if (rc != 0)
		db_tx_rollback(core.db);
	fclose(f);
	if (rc != 0)
		return cmd_error(ctx, PROTO_E_INTERNAL, "database: nothing "
		    "imported");
	log_info("dnc: %lld numbers imported from %s (%s) by %s",
	    json_integer_value(json_object_get(ctx->reply, "added")), path,
	    client ? client : "global", camp_who(ctx));
	return 0;
}

int
cmd_why_not(struct cmd_ctx *ctx)
{
	struct camp_record	 r;
	struct campaign		*c;
	char			 lines[12][200];
	json_t			*why = json_array();
	json_int_t		 id = json_integer_value(json_object_get(
	    ctx->args, "record"));
	int			 n;

	if (db_record_get(core.db, id, &r) != 1 ||
	    (c = campaign_find(r.campaign)) == NULL) {
		json_decref(why);
		return cmd_error(ctx, PROTO_E_NOT_FOUND, "no record %lld",
		    (long long)id);
	}
	if (!cmd_scope_client(ctx->conn, c->client)) {
		json_decref(why);
		return cmd_error(ctx, PROTO_E_FORBIDDEN, "record %lld is not one "
		    "of your clients'", (long long)id);
	}
	n = campaign_why_not(core.db, c, &r, clock_wall_ms(), lines, 12);
	for (int i = 0; i < n && i < 12; i++)
		json_array_append_new(why, json_string(lines[i]));
	json_object_set_new(ctx->reply, "campaign", json_string(c->name));
	json_object_set_new(ctx->reply, "list", json_string(r.list));
	json_object_set_new(ctx->reply, "phone", json_string(r.phone));
	json_object_set_new(ctx->reply, "tz",
	    json_string(campaign_record_tz(c, &r)));
	json_object_set_new(ctx->reply, "dialable", json_boolean(n == 0));
	json_object_set_new(ctx->reply, "why", why);
	return 0;
}

/* Preview mode: the agent dials the record shown, or skips it. */
int
cmd_preview(struct cmd_ctx *ctx)
{
	const char	*action = cmd_str(ctx, "action");
	const char	*reason = cmd_str(ctx, "reason");
	char		 why[200];

	if (strcmp(action, "dial") != 0 && strcmp(action, "skip") != 0)
		return cmd_error(ctx, PROTO_E_BAD_ARGS, "preview: \"action\" is "
		    "dial or skip");
	if (action[0] == 's' && (reason == NULL || !action_name_ok(reason)))
		return cmd_error(ctx, PROTO_E_BAD_ARGS, "preview: skip needs a "
		    "\"reason\" (a code: a-z, 0-9, '-', '_')");
	if (campaign_preview_act(ctx->self, action, reason, ctx->reply, why,
	    sizeof why) != 0)
		return cmd_error(ctx, PROTO_E_BAD_STATE, "%s", why);
	return 0;
}

/* The campaigns the session may see, with their lists' counts and their
 * abandon figures: live answers and abandons today (UTC) and in the last
 * 24 h (the window the pacing weighs), and the cap. */
int
cmd_campaigns(struct cmd_ctx *ctx)
{
	static const char *const modes[] = { "preview", "progressive",
	    "predictive" };
	json_t	*all = json_array(), *lists, *o;
	int	 attempts, answered, live_d, ab_d, live_24, ab_24;
	int64_t	 now = clock_wall_ms();

	for (struct campaign *c = campaign_first(); c != NULL; c = c->next) {
		if (!cmd_scope_client(ctx->conn, c->client))
			continue;
		lists = json_array();
		db_campaign_lists(core.db, c->name, lists);
		db_campaign_attempts(core.db, c->name, &attempts, &answered);
		db_campaign_abandons(core.db, c->name, now - now % 86400000,
		    &live_d, &ab_d);
		db_campaign_abandons(core.db, c->name, now - 86400000LL,
		    &live_24, &ab_24);
		o = json_pack("{s:s,s:s,s:s,s:s,s:i,s:i,"
		    "s:i,s:i,s:o}", "name", c->name, "client", c->client, "mode",
		    modes[c->cfg->mode], "state", campaign_state_name(c->state),
		    "target", c->cfg->target, "successes",
		    campaign_successes(core.db, c), "attempts", attempts,
		    "answered", answered, "lists", lists);
		json_object_set_new(o, "abandon", json_pack("{s:i,s:i,s:i,s:i,"
		    "s:i}", "live_today", live_d, "abandoned_today", ab_d,
		    "live_24h", live_24, "abandoned_24h", ab_24, "cap_pct",
		    c->cfg->abandon_cap));
		json_array_append_new(all, o);
	}
	json_object_set_new(ctx->reply, "campaigns", all);
	return 0;
}

/* An ISO 8601 time with its zone: 2026-12-07T10:30Z, 2026-12-07T10:30:00
 * +01:00; ms since the epoch, or -1. */
static int64_t
camp_parse_time(const char *s)
{
	struct tm	tm = { 0 };
	int		n = 0, sec = 0, oh = 0, om = 0;
	char		sign;
	time_t		t;

	if (sscanf(s, "%4d-%2d-%2dT%2d:%2d%n", &tm.tm_year, &tm.tm_mon,
	    &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &n) != 5 || n != 16)
		return -1;
	s += n;
	if (*s == ':' && sscanf(s, ":%2d%n", &sec, &n) == 1 && n == 3)
		s += n;
	if (strcmp(s, "Z") == 0)
		sign = '+';
	else if ((*s != '+' && *s != '-') || sscanf(s + 1, "%2d:%2d%n", &oh,
	    &om, &n) != 2 || n != 5 || s[6] != '\0' || oh > 14 || om > 59)
		return -1;
	else
		sign = *s;
	if (tm.tm_mon < 1 || tm.tm_mon > 12 || tm.tm_mday < 1 ||
	    tm.tm_mday > 31 || tm.tm_hour > 23 || tm.tm_min > 59 || sec > 59)
		return -1;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	tm.tm_sec = sec;
	t = timegm(&tm);
	t -= (sign == '-' ? -1 : 1) * (oh * 3600 + om * 60);
	return (int64_t)t * 1000;
}

#define CAMP_PAST_MS	60000	/* a "now" from a slow clock is still now */

int
cmd_callback_request(struct cmd_ctx *ctx)
{
	const char	*time_s = cmd_str(ctx, "time"), *name = cmd_str(ctx,
	    "name"), *note = cmd_str(ctx, "note");
	const char	*cc;
	int64_t		 now = clock_wall_ms(), at = now, id;
	char		 why[240];

	if (camp_country(ctx, &cc) != 0)
		return -1;
	if (time_s != NULL && (at = camp_parse_time(time_s)) < 0)
		return cmd_error(ctx, PROTO_E_BAD_ARGS, "callback-request: time "
		    "\"%.40s\" is not an ISO 8601 time with its zone, e.g. "
		    "2026-12-07T10:30Z or 2026-12-07T11:30+01:00", time_s);
	if (at < now - CAMP_PAST_MS)
		return cmd_error(ctx, PROTO_E_BAD_ARGS, "callback-request: time "
		    "%.40s is in the past", time_s);
	if (name != NULL && strlen(name) > 120)
		return cmd_error(ctx, PROTO_E_BAD_ARGS, "callback-request: name "
		    "longer than 120 characters");
	if (note != NULL && strlen(note) > 2000)
		return cmd_error(ctx, PROTO_E_BAD_ARGS, "callback-request: note "
		    "longer than 2000 characters");
	if ((id = campaign_callback_request(ctx->campaign, cmd_str(ctx,
	    "number"), cc, name != NULL ? name : "", note != NULL ? note : "",
	    at < now ? now : at, why, sizeof why)) < 0)
		return cmd_error(ctx, strncmp(why, "database", 8) == 0 ?
		    PROTO_E_INTERNAL : PROTO_E_BAD_ARGS, "callback-request: %s",
		    why);
	json_object_set_new(ctx->reply, "record", json_integer(id));
	json_object_set_new(ctx->reply, "list", json_string("callbacks"));
	json_object_set_new(ctx->reply, "at_ms", json_integer(at < now ? now :
	    at));
	camp_record(ctx, "callback-request", json_pack("{s:I}", "record",
	    (json_int_t)id));
	acd_dispatch();		/* due now: a free agent dials it */
	return 0;
}
