/* report-main.c: `centrala report`: the table of reports, the options,
 * and the statistics reports: queue, agent and client figures per
 * interval, computed from the event table by lib/stats.c (definitions in
 * docs/STATISTICS.md), printed by report-table.c; the other reports read
 * the database themselves (report-calls.c, -ivr.c, -trunks.c,
 * -campaigns.c, -compliance.c). Reads the database read-only; a running
 * core is not needed and not disturbed. A core that died leaves its
 * agents' states open: they end at its last heartbeat. */
#include <getopt.h>
#include <stdio.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sqlite3.h>
#include "clock.h"
#include "config.h"
#include "report.h"
#include "report-lib.h"
#include "report-filter.h"
#include "report-page.h"
#include "report-table.h"
#include "statedir.h"
#include "stats.h"

static struct {
	const char	*db, *state;
	int64_t		 from_ms, to_ms;
	int		 interval_s, short_abandon_s;
	enum report_form form;
	int		 paged, print, page_lines;	/* --text, --print */
	const char	*dest, *config;
	const char	*queue, *agent, *client, *number, *disposition;
	const char	*report;
	const char	*campaign, *by;
	int		 no_totals;	/* --no-totals: from the events only */
} opt = { NULL, NULL, -1, -1, 3600, 5, RF_BRIEF, 0, 0, 66, NULL, NULL,
	NULL, NULL, NULL, NULL, NULL, "queues", NULL, NULL, 0 };

static struct stats	*stats;		/* the statistics reports' figures */

static int
run_queues(const struct report_ctx *c)
{
	report_table_queues(stats, c->v);
	return 0;
}

static int
run_agents(const struct report_ctx *c)
{
	report_table_agents(stats, c->v);
	return 0;
}

static int
run_clients(const struct report_ctx *c)
{
	if (c->cfg == NULL) {
		fprintf(stderr, "centrala report: clients: needs the core's "
		    "config, where [client NAME] and each queue's client are "
		    "(--config FILE or $CENTRALA_CONF)\n");
		return 2;
	}
	report_table_clients(stats, c->v, c->cfg);
	return 0;
}

/* The reports this command knows (--list); stats: computed by lib/stats.c
 * from the event table. */
static const struct {
	const char	*name, *what;
	int		 stats;
	int		(*run)(const struct report_ctx *);
} reports[] = {
	{ "queues", "per queue and interval: offered calls and their outcomes\n"
	  "          (answered, abandoned, callback, overflow, ...), service\n"
	  "          level, ASA, AHT (the default)", 1, run_queues },
	{ "agents", "per agent and interval: calls handled, time per state and\n"
	  "          not-ready reason, occupancy (also --agents)", 1, run_agents },
	{ "calls", "call detail: one line per call (--number, --disposition,\n"
	  "          --queue, --agent, --client): wait, talk, outcome", 0,
	  report_calls },
	{ "ivr", "IVR choices per menu and key: times, callers, timeouts,\n"
	  "          invalid keys, callers who gave up", 0, report_ivr },
	{ "trunks", "trunk usage per span and interval: channels busy (peak,\n"
	  "          erlangs), calls blocked; Erlang B for the busy hour", 0,
	  report_trunks },
	{ "clients", "the queue figures added up per client ([client NAME])",
	  1, run_clients },
	{ "campaigns", "per campaign (--by list, --by agent): dials, connects,\n"
	  "          live answers, machines, abandons, contacts, dispositions,\n"
	  "          successes against the target, records left, agents'\n"
	  "          talk, wait and wrap-up per hour", 1, report_campaigns },
	{ "compliance", "per campaign: abandon rate (worst 24 h, 30 days)\n"
	  "          against the cap, ring time, DNC, calling hours", 0,
	  report_compliance },
};
#define NREPORTS	(sizeof reports / sizeof reports[0])

static void
usage(FILE *f)
{
	fprintf(f,
"usage: centrala report [options] [REPORT]\n"
"REPORT: queues (the default), agents, calls, ivr, trunks, clients,\n"
"campaigns, compliance (--list says what each holds).\n\n"
"  -s, --state-dir DIR     the core's state directory (DIR/centrala.db);\n"
"                          default $CENTRALA_STATE_DIR, else ./state or\n"
"                          ./demo-state, whichever has a database\n"
"      --db FILE           the database file\n"
"      --from WHEN         start, \"YYYY-MM-DD\" or \"YYYY-MM-DD HH:MM\" UTC\n"
"                          (default: today 00:00 UTC)\n"
"      --to WHEN           end (default: now)\n"
"  -i, --interval I        15, 30, 60 (minutes) or day (default 60)\n"
"      --short-abandon S   abandons under S seconds are short (default 5)\n"
"  -a, --agents            agent figures instead of queue figures\n"
"      --queue Q           only queue Q (its calls; agents: see --agent)\n"
"      --agent A           only agent A\n"
"      --client C          only client C's queues, DIDs and agents (the\n"
"                          config's [client C]; needs the config)\n"
"      --number N          calls: the caller's number or the DID holds N\n"
"      --disposition D     calls: the agent's disposition was D\n"
"      --campaign NAME     campaigns, compliance: only campaign NAME\n"
"      --by list|agent     campaigns: a row per list or per agent\n"
"  -w, --wide              all columns (the default table fits 80 columns)\n"
"      --csv               CSV, all columns (names in docs/STATISTICS.md)\n"
"      --no-totals         queues, clients: every figure from the events,\n"
"                          not the stored per-interval totals (slower; the\n"
"                          same figures)\n"
"      --text              paginated text (a header on each page, totals,\n"
"                          form feeds) to stdout\n"
"      --print [DEST]      print that text with CUPS's lp on DEST (default:\n"
"                          the config's [core] print_destination, else\n"
"                          CUPS's default)\n"
"      --page-lines N      lines a page (default 66)\n"
"      --config FILE       the core's config (default $CENTRALA_CONF, else\n"
"                          " SYSCONFDIR "/centrala/centrala.ini if it exists)\n"
"  -l, --list              list the reports\n"
"  -h, --help\n");
}

static int64_t
parse_when(const char *v)
{
	struct tm	tm;
	const char	*end;

	memset(&tm, 0, sizeof tm);
	if ((end = strptime(v, "%Y-%m-%d %H:%M", &tm)) == NULL || *end != '\0') {
		memset(&tm, 0, sizeof tm);
		if ((end = strptime(v, "%Y-%m-%d", &tm)) == NULL || *end != '\0') {
			fprintf(stderr, "centrala report: \"%s\" is not a date "
			    "(YYYY-MM-DD or \"YYYY-MM-DD HH:MM\")\n", v);
			exit(2);
		}
	}
	return (int64_t)timegm(&tm) * 1000;
}

int
report_count(void)
{
	return (int)NREPORTS;
}

const char *
report_name(int i, const char **what)
{
	if (i < 0 || i >= (int)NREPORTS)
		return NULL;
	if (what != NULL)
		*what = reports[i].what;
	return reports[i].name;
}

static void
list(void)
{
	for (size_t i = 0; i < NREPORTS; i++)
		printf("%-9s %s\n", reports[i].name, reports[i].what);
}

/* The report's index, or -1. */
static int
report_find(const char *name)
{
	for (size_t i = 0; i < NREPORTS; i++)
		if (strcmp(reports[i].name, name) == 0)
			return (int)i;
	return -1;
}

/* --print DEST, --print=DEST or --print alone: a next word that is not an
 * option nor a report's name is the destination. */
static void
print_dest(int argc, char **argv)
{
	if (optarg != NULL)
		opt.dest = optarg;
	else if (optind < argc && argv[optind][0] != '-' &&
	    report_find(argv[optind]) < 0)
		opt.dest = argv[optind++];
}

static void
parse_args(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "state-dir", 1, NULL, 's' }, { "db", 1, NULL, 'd' },
		{ "from", 1, NULL, 'f' }, { "to", 1, NULL, 't' },
		{ "interval", 1, NULL, 'i' }, { "short-abandon", 1, NULL, 'S' },
		{ "agents", 0, NULL, 'a' }, { "csv", 0, NULL, 'c' },
		{ "wide", 0, NULL, 'w' }, { "list", 0, NULL, 'l' },
		{ "help", 0, NULL, 'h' }, { "text", 0, NULL, 'T' },
		{ "print", 2, NULL, 'P' }, { "page-lines", 1, NULL, 'L' },
		{ "config", 1, NULL, 'C' }, { "queue", 1, NULL, 'q' },
		{ "agent", 1, NULL, 'A' }, { "client", 1, NULL, 'K' },
		{ "number", 1, NULL, 'n' }, { "disposition", 1, NULL, 'D' },
		{ "campaign", 1, NULL, 'm' }, { "by", 1, NULL, 'b' },
		{ "no-totals", 0, NULL, 'N' },
		{ NULL, 0, NULL, 0 }
	};
	int ch;

	while ((ch = getopt_long(argc, argv, "s:i:awlh", lo, NULL)) != -1) {
		switch (ch) {
		case 's': opt.state = optarg; break;
		case 'd': opt.db = optarg; break;
		case 'f': opt.from_ms = parse_when(optarg); break;
		case 't': opt.to_ms = parse_when(optarg); break;
		case 'i':
			if (strcmp(optarg, "day") == 0)
				opt.interval_s = 86400;
			else if (strcmp(optarg, "15") == 0 || strcmp(optarg, "30") == 0 ||
			    strcmp(optarg, "60") == 0)
				opt.interval_s = atoi(optarg) * 60;
			else {
				fprintf(stderr, "centrala report: --interval is 15, "
				    "30, 60 or day\n");
				exit(2);
			}
			break;
		case 'S': opt.short_abandon_s = atoi(optarg); break;
		case 'a': opt.report = "agents"; break;
		case 'q': opt.queue = optarg; break;
		case 'A': opt.agent = optarg; break;
		case 'K': opt.client = optarg; break;
		case 'n': opt.number = optarg; break;
		case 'D': opt.disposition = optarg; break;
		case 'm': opt.campaign = optarg; break;
		case 'b':
			if (strcmp(optarg, "list") != 0 &&
			    strcmp(optarg, "agent") != 0) {
				fprintf(stderr, "centrala report: --by is list or "
				    "agent, not \"%s\"\n", optarg);
				exit(2);
			}
			opt.by = optarg;
			break;
		case 'c': opt.form = RF_CSV; break;
		case 'N': opt.no_totals = 1; break;
		case 'w': opt.form = opt.form == RF_CSV ? RF_CSV : RF_WIDE; break;
		case 'T': opt.paged = 1; break;
		case 'C': opt.config = optarg; break;
		case 'P': opt.paged = opt.print = 1; print_dest(argc, argv); break;
		case 'L':
			if ((opt.page_lines = atoi(optarg)) < 10) {
				fprintf(stderr, "centrala report: --page-lines is "
				    "at least 10\n");
				exit(2);
			}
			break;
		case 'l': list(); exit(0);
		case 'h': usage(stdout); exit(0);
		default: usage(stderr); exit(2);
		}
	}
	if (optind < argc && report_find(argv[optind]) >= 0)
		opt.report = argv[optind];
	else if (optind < argc) {
		fprintf(stderr, "centrala report: no report \"%s\" (centrala "
		    "report --list)\n", argv[optind]);
		exit(2);
	}
	if (argc - optind > 1) {
		usage(stderr);
		exit(2);
	}
	if (opt.queue != NULL && (strcmp(opt.report, "campaigns") == 0 ||
	    strcmp(opt.report, "compliance") == 0)) {
		fprintf(stderr, "centrala report: --queue is not a filter of "
		    "%s (--campaign NAME, --client C)\n", opt.report);
		exit(2);
	}
	if (opt.by != NULL && strcmp(opt.report, "campaigns") != 0) {
		fprintf(stderr, "centrala report: --by is for the campaigns "
		    "report, not %s\n", opt.report);
		exit(2);
	}
}

/* Where agent states still open end: the report's end, unless the core
 * stopped without closing them (killed, crashed, not started again): then
 * at its last heartbeat. A heartbeat older than three periods means no
 * core is running (docs/STATISTICS.md). */
static int64_t
open_end(sqlite3 *h, int64_t now_ms)
{
	sqlite3_stmt	*st;
	int64_t		 end = opt.to_ms, alive, period;

	if (sqlite3_prepare_v2(h, "SELECT max(alive_ms, stopped_ms), period_ms "
	    "FROM heartbeat", -1, &st, NULL) != SQLITE_OK)
		return end;	/* a database from before the heartbeat */
	if (sqlite3_step(st) == SQLITE_ROW) {
		alive = sqlite3_column_int64(st, 0);
		period = sqlite3_column_int64(st, 1);
		if (alive > 0 && now_ms - alive > 3 * period && alive < end)
			end = alive;
	}
	sqlite3_finalize(st);
	return end;
}

/* Feeds every event from `from_ms` up to the report's end into the engine.
 * Events from before the start are fed too (from back_ms earlier: a day),
 * so that calls and agent states already open at the start are known. */
static struct stats *
load_events(sqlite3 *h, int64_t from_ms, int64_t back_ms, int64_t now_ms)
{
	struct stats_opts o = { .interval_s = opt.interval_s,
	    .short_abandon_ms = opt.short_abandon_s * 1000,
	    .queues_only = strcmp(opt.report, "queues") == 0 ||
	    strcmp(opt.report, "clients") == 0 };
	struct stats	*s = stats_new(&o);
	sqlite3_stmt	*st;
	char		*kinds = sqlite3_mprintf("%Q", stats_kinds[0]), *sql, *k;

	for (int i = 1; stats_kinds[i] != NULL; i++) {
		k = sqlite3_mprintf("%s, %Q", kinds, stats_kinds[i]);
		sqlite3_free(kinds);
		kinds = k;
	}
	/* Events are appended in time order: the period is a range of ids,
	 * found from its first and last event by the time index, and read
	 * in id order without a sort (3 times faster on a month); only the
	 * kinds the engine reads. */
	sql = sqlite3_mprintf("SELECT ts_ms, kind, call_id, agent, queue, "
	    "state, detail FROM events WHERE id BETWEEN (SELECT id FROM events "
	    "WHERE ts_ms >= ?1 ORDER BY ts_ms LIMIT 1) AND (SELECT id FROM "
	    "events WHERE ts_ms < ?2 ORDER BY ts_ms DESC LIMIT 1) AND "
	    "ts_ms >= ?1 AND ts_ms < ?2 AND kind IN (%s) ORDER BY id", kinds);
	st = report_prepare(h, sql);
	sqlite3_free(sql);
	sqlite3_free(kinds);
	sqlite3_bind_int64(st, 1, from_ms - back_ms);
	sqlite3_bind_int64(st, 2, opt.to_ms);
	while (sqlite3_step(st) == SQLITE_ROW)
		stats_feed_row(s, st);
	sqlite3_finalize(st);
	stats_close(s, open_end(h, now_ms));
	return s;
}

/* The stored totals (schema version 8) serve the queue figures when the
 * report asks what they hold: queue rows (queues, clients) with the
 * default short abandon (5 s). */
static int
totals_usable(sqlite3 *h)
{
	sqlite3_stmt	*st;
	int		 v = 0;

	if (opt.no_totals || opt.short_abandon_s != 5 ||
	    (strcmp(opt.report, "queues") != 0 &&
	    strcmp(opt.report, "clients") != 0))
		return 0;
	st = report_prepare(h, "PRAGMA user_version");
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v >= 8;
}

/* Adds the stored 15-minute totals of [from_ms, to_ms) into s's rows. */
static void
load_totals(sqlite3 *h, struct stats *s, int64_t from_ms, int64_t to_ms)
{
	sqlite3_stmt *st = report_prepare(h, "SELECT start_ms, queue, offered, "
	    "answered, abandoned, short_abandoned, answered_in_sl, "
	    "abandoned_after_sl, overflowed, timed_out, to_callback, cut, "
	    "cb_requested, cb_connected, cb_failed, cb_delay_ms, "
	    "wait_answered_ms, max_wait_ms, talk_ms, hold_ms, wrap_ms, "
	    "sl_target_s FROM queue_totals WHERE start_ms >= ? AND "
	    "start_ms < ? ORDER BY start_ms");

	sqlite3_bind_int64(st, 1, from_ms);
	sqlite3_bind_int64(st, 2, to_ms);
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct stats_queue q;
		int c = 2;

		memset(&q, 0, sizeof q);
		q.start_ms = sqlite3_column_int64(st, 0);
		snprintf(q.queue, sizeof q.queue, "%s",
		    (const char *)sqlite3_column_text(st, 1));
		q.offered = sqlite3_column_int(st, c++);
		q.answered = sqlite3_column_int(st, c++);
		q.abandoned = sqlite3_column_int(st, c++);
		q.short_abandoned = sqlite3_column_int(st, c++);
		q.answered_in_sl = sqlite3_column_int(st, c++);
		q.abandoned_after_sl = sqlite3_column_int(st, c++);
		q.overflowed = sqlite3_column_int(st, c++);
		q.timed_out = sqlite3_column_int(st, c++);
		q.to_callback = sqlite3_column_int(st, c++);
		q.cut = sqlite3_column_int(st, c++);
		q.cb_requested = sqlite3_column_int(st, c++);
		q.cb_connected = sqlite3_column_int(st, c++);
		q.cb_failed = sqlite3_column_int(st, c++);
		q.cb_delay_ms = sqlite3_column_int64(st, c++);
		q.wait_answered_ms = sqlite3_column_int64(st, c++);
		q.max_wait_ms = sqlite3_column_int64(st, c++);
		q.talk_ms = sqlite3_column_int64(st, c++);
		q.hold_ms = sqlite3_column_int64(st, c++);
		q.wrap_ms = sqlite3_column_int64(st, c++);
		q.sl_target_s = sqlite3_column_int(st, c++);
		stats_merge_queue(s, &q);
	}
	sqlite3_finalize(st);
}

static int64_t
align(int64_t t, int64_t len)
{
	return t - ((t % len) + len) % len;
}

/* The first SQL value of st (bound to ?1 = t), or t if NULL or more. */
static int64_t
min_at(sqlite3 *h, const char *sql, int64_t t)
{
	sqlite3_stmt	*st = report_prepare(h, sql);
	int64_t		 m = t;

	sqlite3_bind_int64(st, 1, t);
	if (sqlite3_step(st) == SQLITE_ROW &&
	    sqlite3_column_type(st, 0) != SQLITE_NULL &&
	    sqlite3_column_int64(st, 0) < t)
		m = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return m;
}

/* The earliest time that something still going at `to` adds to in the
 * totals: a call up at `to` (open, or its CDR ends later, or within a
 * second before: its call_end event may be stamped a little after its CDR's
 * end; started in the day before), or the call whose wrap-up (or talk) an
 * agent is in at `to` (its last state before `to`, by the events' agent
 * index). */
static int64_t
open_at(sqlite3 *h, int64_t to)
{
	int64_t calls = min_at(h, "SELECT min(s) FROM (SELECT min(start_ms) AS s "
	    "FROM calls_open WHERE start_ms < ?1 UNION ALL SELECT min(start_ms) "
	    "FROM cdr WHERE start_ms >= ?1 - 86400000 AND start_ms < ?1 AND "
	    "end_ms >= ?1 - 1000)", to);
	int64_t wraps = min_at(h, "WITH a AS (SELECT (SELECT state FROM events e "
	    "WHERE e.agent = t.agent AND e.ts_ms < ?1 AND e.kind = 'agent_state' "
	    "ORDER BY e.ts_ms DESC, e.id DESC LIMIT 1) AS st, (SELECT call_id "
	    "FROM events e WHERE e.agent = t.agent AND e.ts_ms < ?1 AND e.kind "
	    "IN ('answer', 'callback') ORDER BY e.ts_ms DESC, e.id DESC LIMIT 1) "
	    "AS call FROM totals_agents t) SELECT min((SELECT min(ts_ms) FROM "
	    "events e WHERE e.call_id = a.call AND e.kind IN ('queue_enter', "
	    "'callback'))) FROM a WHERE st IN ('wrap_up', 'on_call')", to);

	return calls < wraps ? calls : wraps;
}

/* The queue figures: the intervals before `cut` from the stored totals,
 * the rest from the events (docs/STATISTICS.md, "Stored totals"). `cut`
 * is the interval holding the report's end, or an earlier one that a
 * call still up at the end, or an agent still on a call or in wrap-up
 * then, adds to: the totals hold a call once it ended, its wrap-up once
 * over, so they may hold more than the events up to the report's end.
 * The intervals from the cut on need only the events from the cut on:
 * their calls entered a queue there. */
static struct stats *
load(sqlite3 *h, int64_t now_ms)
{
	int64_t		 len = (int64_t)opt.interval_s * 1000;
	int64_t		 first = align(opt.from_ms, len), cut = align(opt.to_ms, len);
	struct stats	*s;

	if (!totals_usable(h))
		return load_events(h, opt.from_ms, 86400000LL, now_ms);
	if (align(open_at(h, opt.to_ms), len) < cut)
		cut = align(open_at(h, opt.to_ms), len);
	if (cut <= first)
		return load_events(h, opt.from_ms, 86400000LL, now_ms);
	s = load_events(h, cut, 0, now_ms);
	stats_drop_before(s, cut);
	load_totals(h, s, first, cut);
	return s;
}

static int
table(const struct report_ctx *c)
{
	return reports[report_find(opt.report)].run(c);
}

/* The table is written to stdout by report-table.c: for pages it goes to
 * a temporary file first (stdout's descriptor pointed there meanwhile). */
static FILE *
table_to_file(const struct report_ctx *c, int *rc)
{
	FILE	*f = tmpfile();
	int	 keep;

	if (f == NULL) {
		perror("centrala report: tmpfile");
		exit(1);
	}
	fflush(stdout);
	keep = dup(1);
	dup2(fileno(f), 1);
	*rc = table(c);
	fflush(stdout);
	dup2(keep, 1);
	close(keep);
	rewind(f);
	return f;
}

static const char *
period(const struct report_view *v)
{
	static char	buf[400];
	char		from[20], to[20];
	time_t		t;

	t = v->from_ms / 1000;
	strftime(from, sizeof from, "%Y-%m-%d %H:%M", gmtime(&t));
	t = v->to_ms / 1000;
	strftime(to, sizeof to, "%Y-%m-%d %H:%M", gmtime(&t));
	int		n, per = strcmp(opt.report, "calls") != 0 &&
			    strcmp(opt.report, "ivr") != 0 &&
			    strcmp(opt.report, "campaigns") != 0 &&
			    strcmp(opt.report, "compliance") != 0;
	int		sa = per && strcmp(opt.report, "trunks") != 0;

	n = snprintf(buf, sizeof buf, "From %s to %s UTC", from, to);
	if (per)	/* the reports by interval */
		n += snprintf(buf + n, sizeof buf - n, "; interval %s",
		    v->interval_s == 86400 ? "day" : v->interval_s == 900 ?
		    "15 min" : v->interval_s == 1800 ? "30 min" : "60 min");
	if (sa)
		n += snprintf(buf + n, sizeof buf - n, "; short abandon %ds",
		    v->short_abandon_s);
	snprintf(buf + n, sizeof buf - n, "%s%s%s%s%s%s", v->form == RF_WIDE ?
	    "; wide" : "", report_filter_words(v->filter), opt.campaign ?
	    "; campaign " : "", opt.campaign ? opt.campaign : "", opt.by ?
	    "; by " : "", opt.by ? opt.by : "");
	return buf;
}

/* The core's config (--config, else $CENTRALA_CONF, else the installed
 * one if it exists), or NULL if there is none. A config that is there but
 * wrong is said and exits 1. */
static struct config *
config_find(void)
{
	const char	*path = opt.config, *env = getenv("CENTRALA_CONF");
	char		 err[512];
	struct config	*cfg;

	if (path == NULL && env != NULL && *env != '\0')
		path = env;
	if (path == NULL && access(SYSCONFDIR "/centrala/centrala.ini", F_OK) == 0)
		path = SYSCONFDIR "/centrala/centrala.ini";
	if (path == NULL)
		return NULL;
	if ((cfg = config_load(path, err, sizeof err)) == NULL) {
		fprintf(stderr, "centrala report: %s\n", err);
		exit(1);
	}
	return cfg;
}

/* No destination given: the config's, if it names one. */
static const char *
config_dest(const struct config *cfg)
{
	return cfg != NULL && cfg->core.print_destination[0] != '\0' ?
	    cfg->core.print_destination : NULL;
}

/* --text: the pages to stdout; --print: to lp. */
static int
paged(const struct report_ctx *c)
{
	struct report_page p = { opt.page_lines, opt.report, period(c->v) };
	FILE		*t, *out;
	int		 rc;

	t = table_to_file(c, &rc);
	if (rc != 0) {
		fclose(t);
		return rc;
	}
	out = opt.print ? tmpfile() : stdout;
	if (out == NULL) {
		perror("centrala report: tmpfile");
		return 1;
	}
	report_page(t, out, &p);
	fclose(t);
	if (!opt.print)
		return fflush(stdout) == 0 ? 0 : 1;
	rc = report_print(out, opt.dest ? opt.dest : config_dest(c->cfg),
	    opt.report);
	fclose(out);
	return rc;
}

sqlite3_stmt *
report_prepare(sqlite3 *h, const char *sql)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) != SQLITE_OK) {
		fprintf(stderr, "centrala report: %s: %s\n",
		    sqlite3_db_filename(h, "main"), sqlite3_errmsg(h));
		exit(1);
	}
	return st;
}

static sqlite3 *
open_db(void)
{
	char		 path[4096];
	sqlite3		*h;

	snprintf(path, sizeof path, "%s", opt.db ? opt.db : "");
	if (opt.db == NULL)
		snprintf(path, sizeof path, "%s/centrala.db",
		    statedir_find(opt.state, "centrala.db"));
	if (sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX,
	    NULL) != SQLITE_OK) {
		fprintf(stderr, "centrala report: %s: %s%s%s\n", path,
		    sqlite3_errmsg(h), opt.db ? "" : " — ", opt.db ? "" :
		    statedir_hint());
		exit(1);
	}
	sqlite3_busy_timeout(h, 5000);
	return h;
}

int
report_main(int argc, char **argv)
{
	int64_t			 now = clock_wall_ms();
	struct report_view	 v;
	struct report_filter	 f;
	struct report_ctx	 c;
	struct config		*cfg;
	int			 rc;

	parse_args(argc, argv);
	if (opt.to_ms < 0)	/* to the millisecond: the last events count */
		opt.to_ms = now + 1;
	if (opt.from_ms < 0)
		opt.from_ms = now - now % 86400000;
	if (opt.paged && opt.form == RF_CSV) {
		fprintf(stderr, "centrala report: --text and --print are not "
		    "CSV\n");
		return 2;
	}
	cfg = config_find();
	report_filter_init(&f, cfg, opt.client, opt.queue, opt.agent);
	v = (struct report_view){ .form = opt.form, .interval_s = opt.interval_s,
	    .short_abandon_s = opt.short_abandon_s, .from_ms = opt.from_ms,
	    .to_ms = opt.to_ms, .totals = opt.paged, .filter = &f };
	c = (struct report_ctx){ .db = open_db(), .v = &v, .cfg = cfg,
	    .number = opt.number, .disposition = opt.disposition,
	    .campaign = opt.campaign, .by = opt.by,
	    .now_ms = now };
	if (reports[report_find(opt.report)].stats)
		c.stats = stats = load(c.db, now);
	rc = opt.paged ? paged(&c) : table(&c);
	if (stats != NULL)
		stats_free(stats);
	sqlite3_close(c.db);
	if (cfg != NULL)
		config_free(cfg);
	return rc;
}
