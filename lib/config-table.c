/* config-table.c: every setting Centrala reads, one row each: section,
 * key, type, range or choices, default, help, and where it is stored.
 * Reading, validation, defaults, `ctl show-config` and the setup wizard's
 * forms are all driven by these rows. Adding a setting = adding a row.
 *
 * A default of "$name" stands for the section's own name ([queue sales]
 * title defaults to "sales"); NULL means the key is required. Sections are
 * listed in the order they are dumped. */
#include <ctype.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "config.h"
#include "skill.h"
#include "hours.h"

static int
digits_only(const char *s, size_t min, size_t max)
{
	size_t n = strlen(s);

	if (n < min || n > max)
		return 0;
	for (; *s != '\0'; s++)
		if (!isdigit((unsigned char)*s))
			return 0;
	return 1;
}

static int
name_ok(const char *s)
{
	size_t n = strlen(s);

	if (n < 1 || n > 32)
		return 0;
	for (; *s != '\0'; s++)
		if (!islower((unsigned char)*s) && !isdigit((unsigned char)*s) &&
		    *s != '-' && *s != '_')
			return 0;
	return 1;
}

static int did_ok(const char *s) { return digits_only(s, 1, 20); }
static int agent_id_ok(const char *s) { return digits_only(s, 1, 16); }

static int
check_digits(const struct config *cfg, const void *sect, const char *v,
    char *why, size_t len)
{
	if (v[0] == '\0' || digits_only(v, 1, 20))
		return 0;
	snprintf(why, len, "\"%s\" is not a number (digits only, at most 20)", v);
	return -1;
}

static int
check_pin(const struct config *cfg, const void *sect, const char *v,
    char *why, size_t len)
{
	if (digits_only(v, 1, 64)) {
		snprintf(why, len, "a PIN in clear is not accepted: store its "
		    "hash (make one with `centrala ctl hash-pin`)");
		return -1;
	}
	if (v[0] != '$' || strlen(v) < 20) {
		snprintf(why, len, "not a crypt(3) hash (make one with "
		    "`centrala ctl hash-pin`)");
		return -1;
	}
	return 0;
}

static int
check_channel(const struct config *cfg, const void *sect, const char *v,
    char *why, size_t len)
{
	if (strcmp(v, "16") != 0)
		return 0;
	snprintf(why, len, "timeslot 16 carries the D channel (1-15, 17-31)");
	return -1;
}

static int
check_queue_name(const struct config *cfg, const char *name, char *why,
    size_t len)
{
	if (config_find_queue(cfg, name) != NULL)
		return 0;
	snprintf(why, len, "no queue \"%s\" is defined", name);
	return -1;
}

static int
check_target(const struct config *cfg, const void *sect, const char *v,
    char *why, size_t len)
{
	if (strncmp(v, "queue:", 6) != 0) {
		snprintf(why, len, "\"%s\" is not a target (queue:NAME)", v);
		return -1;
	}
	return check_queue_name(cfg, v + 6, why, len);
}

static int
check_queues(const struct config *cfg, const void *sect, const char *v,
    char *why, size_t len)
{
	const struct cfg_agent *a = sect;

	if (a->nqueues == 0) {
		snprintf(why, len, "an agent needs at least one queue");
		return -1;
	}
	for (int i = 0; i < a->nqueues; i++) {
		if (check_queue_name(cfg, a->queues[i], why, len) != 0)
			return -1;
		for (int j = 0; j < i; j++) {
			if (strcmp(a->queues[j], a->queues[i]) != 0)
				continue;
			snprintf(why, len, "queue \"%s\" is listed twice",
			    a->queues[i]);
			return -1;
		}
	}
	return 0;
}

static int
check_skills(const struct config *cfg, const void *sect, const char *v,
    char *why, size_t len)
{
	struct skillset ss;

	return skill_parse(v, &ss, why, len);
}

static int
check_widen(const struct config *cfg, const void *sect, const char *v,
    char *why, size_t len)
{
	struct widen w;

	return widen_parse(v, &w, why, len);
}

/* An exit is a word (refuse/hangup) or an overflow to a defined queue. */
static int
check_exit(const struct config *cfg, const char *word, const char *v,
    char *why, size_t len)
{
	if (strcmp(v, word) == 0)
		return 0;
	if (strncmp(v, "queue:", 6) != 0) {
		snprintf(why, len, "\"%s\" is not %s or queue:NAME", v, word);
		return -1;
	}
	return check_queue_name(cfg, v + 6, why, len);
}

static int
check_exit_refuse(const struct config *cfg, const void *sect, const char *v,
    char *why, size_t len)
{
	return check_exit(cfg, "refuse", v, why, len);
}

static int
check_exit_hangup(const struct config *cfg, const void *sect, const char *v,
    char *why, size_t len)
{
	return check_exit(cfg, "hangup", v, why, len);
}

static int
check_hours(const struct config *cfg, const void *sect, const char *v,
    char *why, size_t len)
{
	struct hours h;

	return hours_parse(&h, v, "", "UTC", why, len);
}

static int
check_holidays(const struct config *cfg, const void *sect, const char *v,
    char *why, size_t len)
{
	struct hours h;

	return hours_parse(&h, "", v, "UTC", why, len);
}

/* An unknown zone would silently mean UTC: insist it exists. */
static int
check_timezone(const struct config *cfg, const void *sect, const char *v,
    char *why, size_t len)
{
	char path[256];

	snprintf(path, sizeof path, "/usr/share/zoneinfo/%s", v);
	if (strcmp(v, "UTC") == 0 || (strstr(v, "..") == NULL && v[0] != '/' &&
	    access(path, R_OK) == 0))
		return 0;
	snprintf(why, len, "no time zone \"%s\" in /usr/share/zoneinfo "
	    "(e.g. Europe/Warsaw; install tzdata)", v);
	return -1;
}

static int
check_user_role(const struct config *cfg, const void *sect, const char *v,
    char *why, size_t len)
{
	if (strcmp(v, "agent") != 0)
		return 0;
	snprintf(why, len, "agents are [agent ID] sections; a user is a "
	    "supervisor or an admin");
	return -1;
}

static const char *const levels[] = { "debug", "info", "warn", "error", NULL };
static const char *const drivers[] = { "vspan", NULL };
static const char *const sides[] = { "user", "network", NULL };
static const char *const switches[] = { "euroisdn_e1", "ni2", "qsig", NULL };
static const char *const countries[] = { "eu", "us", "uk", NULL };
static const char *const strategies[] = { "longest_idle", "fewest_calls",
	"least_talk", "round_robin", "linear", "random", "skill_weighted",
	"ring_all", NULL };
static const char *const missed[] = { "not_ready", "ready", NULL };
static const char *const roles[] = { "agent", "supervisor", "admin", NULL };

#define C(f) offsetof(struct cfg_core, f)
#define S(f) offsetof(struct cfg_span, f)
#define D(f) offsetof(struct cfg_did, f)
#define Q(f) offsetof(struct cfg_queue, f)
#define A(f) offsetof(struct cfg_agent, f)
#define U(f) offsetof(struct cfg_user, f)

const struct cfg_key config_table[] = {
	{ "core", "state_dir", CFG_STRING, 0, 0, NULL, "state",
	  "where sockets, database, logs and recordings live", C(state_dir), NULL },
	{ "core", "run_dir", CFG_STRING, 0, 0, NULL, "",
	  "sockets (empty: STATE_DIR/run)", C(run_dir), NULL },
	{ "core", "db_path", CFG_STRING, 0, 0, NULL, "",
	  "the SQLite database (empty: STATE_DIR/centrala.db)", C(db_path), NULL },
	{ "core", "log_file", CFG_STRING, 0, 0, NULL, "log/core.log",
	  "log file, relative to STATE_DIR (\"-\": standard error)",
	  C(log_file), NULL },
	{ "core", "log_level", CFG_ENUM, 0, 0, levels, "info",
	  "least important log lines kept", C(log_level), NULL },
	{ "core", "max_line", CFG_INT, 1024, 1048576, NULL, "65536",
	  "longest protocol line accepted, bytes", C(max_line), NULL },
	{ "core", "client_outbuf", CFG_INT, 65536, 67108864, NULL, "1048576",
	  "bytes queued to a client before it is cut off", C(client_outbuf), NULL },
	{ "core", "max_clients", CFG_INT, 1, 10000, NULL, "1000",
	  "clients connected at once", C(max_clients), NULL },
	{ "core", "idle_login_timeout", CFG_INT, 1, 3600, NULL, "30",
	  "seconds a client may stay connected without logging in",
	  C(idle_login_timeout), NULL },
	{ "core", "not_ready_reasons", CFG_LIST, 0, 0, NULL,
	  "break, lunch, training, back_office, meeting, personal",
	  "reason codes an agent may give for not ready", C(not_ready_reasons),
	  NULL },

	{ "span", "driver", CFG_ENUM, 0, 0, drivers, "vspan",
	  "vspan: the virtual E1 span (docs/vspan.md)", S(driver), NULL },
	{ "span", "side", CFG_ENUM, 0, 0, sides, "user",
	  "our Q.931 side: user (CPE) or network", S(side), NULL },
	{ "span", "switchtype", CFG_ENUM, 0, 0, switches, "euroisdn_e1",
	  "Q.931 variant", S(switchtype), NULL },
	{ "span", "country", CFG_STRING, 0, 0, countries, "eu",
	  "tone plan (ringback, busy)", S(country), NULL },
	{ "span", "caller_id", CFG_STRING, 0, 0, NULL, "",
	  "caller id for outbound calls", S(caller_id), check_digits },
	{ "span", "first_channel", CFG_INT, 1, 31, NULL, "1",
	  "timeslot our outbound calls try first", S(first_channel), check_channel },

	{ "did", "name", CFG_STRING, 0, 0, NULL, "",
	  "label for reports", D(name), NULL },
	{ "did", "target", CFG_STRING, 0, 0, NULL, NULL,
	  "where calls to this number go: queue:NAME", D(target), check_target },
	{ "did", "priority", CFG_INT, 0, 9, NULL, "0",
	  "callers on this number go ahead of lower priorities (VIP lines)",
	  D(priority), NULL },

	{ "queue", "title", CFG_STRING, 0, 0, NULL, "$name",
	  "name shown to people", Q(title), NULL },
	{ "queue", "strategy", CFG_ENUM, 0, 0, strategies, "longest_idle",
	  "which ready agent gets the next call", Q(strategy), NULL },
	{ "queue", "offer_timeout", CFG_INT, 3, 300, NULL, "15",
	  "seconds an offer rings before moving on", Q(offer_timeout), NULL },
	{ "queue", "max_len", CFG_INT, 0, 10000, NULL, "0",
	  "most callers waiting (0: no limit)", Q(max_len), NULL },
	{ "queue", "max_len_exit", CFG_STRING, 0, 0, NULL, "refuse",
	  "a caller who finds the queue full: refuse (cause 34) or queue:NAME",
	  Q(max_len_exit), check_exit_refuse },
	{ "queue", "missed_offer", CFG_ENUM, 0, 0, missed, "not_ready",
	  "an agent who lets an offer time out: not_ready (reason missed) or "
	  "stays ready (the call tries others first)", Q(missed_offer), NULL },
	{ "queue", "max_wait", CFG_INT, 0, 86400, NULL, "0",
	  "longest wait in seconds before the exit (0: no limit)", Q(max_wait),
	  NULL },
	{ "queue", "max_wait_exit", CFG_STRING, 0, 0, NULL, "hangup",
	  "after max_wait: hangup or queue:NAME (overflow)", Q(max_wait_exit),
	  check_exit_hangup },
	{ "queue", "hours", CFG_STRING, 0, 0, NULL, "",
	  "open hours, e.g. mon-fri 08:00-18:00; sat 09:00-13:00 (empty: always)",
	  Q(hours), check_hours },
	{ "queue", "holidays", CFG_STRING, 0, 0, NULL, "",
	  "closed all day: YYYY-MM-DD, comma-separated", Q(holidays),
	  check_holidays },
	{ "queue", "timezone", CFG_STRING, 0, 0, NULL, "UTC",
	  "the zone hours and holidays are in, e.g. Europe/Warsaw", Q(timezone),
	  check_timezone },
	{ "queue", "closed_exit", CFG_STRING, 0, 0, NULL, "refuse",
	  "out of hours: refuse (cause 34) or queue:NAME", Q(closed_exit),
	  check_exit_refuse },
	{ "queue", "wrapup", CFG_INT, 0, 3600, NULL, "0",
	  "seconds of after-call work", Q(wrapup), NULL },
	{ "queue", "sl_target", CFG_INT, 1, 3600, NULL, "20",
	  "service level: answered within this many seconds", Q(sl_target), NULL },
	{ "queue", "sl_percent", CFG_INT, 1, 100, NULL, "80",
	  "service level goal, percent", Q(sl_percent), NULL },
	{ "queue", "skills", CFG_STRING, 0, 0, NULL, "",
	  "skills asked of agents, name:level (1-10), comma-separated",
	  Q(skills), check_skills },
	{ "queue", "widen", CFG_STRING, 0, 0, NULL, "",
	  "after S seconds lower every asked level by N: S:N, comma-separated",
	  Q(widen), check_widen },
	{ "queue", "weight", CFG_INT, 1, 100, NULL, "50",
	  "an agent in several queues serves the higher weight first",
	  Q(weight), NULL },

	{ "agent", "name", CFG_STRING, 0, 0, NULL, NULL,
	  "the agent's full name (UTF-8)", A(name), NULL },
	{ "agent", "pin", CFG_STRING, 0, 0, NULL, NULL,
	  "crypt(3) hash of the PIN (centrala ctl hash-pin)", A(pin_hash), check_pin },
	{ "agent", "unix_user", CFG_STRING, 0, 0, NULL, "",
	  "Unix user this agent must log in as", A(unix_user), NULL },
	{ "agent", "skills", CFG_STRING, 0, 0, NULL, "",
	  "the agent's skills, name:level (1-10), comma-separated", A(skills),
	  check_skills },
	{ "agent", "queues", CFG_LIST, 0, 0, NULL, NULL,
	  "queues the agent takes calls from, comma-separated", A(queues),
	  check_queues },

	{ "user", "role", CFG_ENUM, 0, 0, roles, NULL,
	  "supervisor or admin", U(role), check_user_role },
	{ "user", "pin", CFG_STRING, 0, 0, NULL, NULL,
	  "crypt(3) hash of the PIN", U(pin_hash), check_pin },
	{ "user", "unix_user", CFG_STRING, 0, 0, NULL, "",
	  "Unix user this person must log in as", U(unix_user), NULL },
	{ NULL, NULL, 0, 0, 0, NULL, NULL, NULL, 0, NULL }
};

#define SECT(kind, type, arr, cnt, nm, ok, rule) { kind, sizeof(type), \
	offsetof(struct config, arr), offsetof(struct config, cnt), nm, ok, rule }

const struct cfg_section config_sections[] = {
	{ "core", sizeof(struct cfg_core), offsetof(struct config, core),
	  (size_t)-1, (size_t)-1, NULL, NULL },
	SECT("span", struct cfg_span, spans, nspans, S(name), name_ok,
	    "a-z, 0-9, '-' and '_', at most 32"),
	SECT("did", struct cfg_did, dids, ndids, D(number), did_ok,
	    "digits, at most 20"),
	SECT("queue", struct cfg_queue, queues, nqueues, Q(name), name_ok,
	    "a-z, 0-9, '-' and '_', at most 32"),
	SECT("agent", struct cfg_agent, agents, nagents, A(id), agent_id_ok,
	    "digits, at most 16"),
	SECT("user", struct cfg_user, users, nusers, U(name), name_ok,
	    "a-z, 0-9, '-' and '_', at most 32"),
	{ NULL, 0, 0, 0, 0, NULL, NULL }
};
