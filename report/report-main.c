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
} opt = { NULL, NULL, -1, -1, 3600, 5, RF_BRIEF, 0, 0, 66, NULL, NULL,
	NULL, NULL, NULL, NULL, NULL, "queues", NULL, NULL };

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

/* Feeds every event up to the report's end into the engine. Events from
 * before the start are fed too (from one day earlier), so that calls and
 * agent states already open at the start are known. */
static struct stats *
load(sqlite3 *h, int64_t now_ms)
{
	struct stats_opts o = { .interval_s = opt.interval_s,
	    .short_abandon_ms = opt.short_abandon_s * 1000 };
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
	sqlite3_bind_int64(st, 1, opt.from_ms - 86400000LL);
	sqlite3_bind_int64(st, 2, opt.to_ms);
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct stats_event e = {
			.ts_ms = sqlite3_column_int64(st, 0),
			.kind = (const char *)sqlite3_column_text(st, 1),
			.call_id = (const char *)sqlite3_column_text(st, 2),
			.agent = (const char *)sqlite3_column_text(st, 3),
			.queue = (const char *)sqlite3_column_text(st, 4),
			.state = (const char *)sqlite3_column_text(st, 5),
		};

		char reason[32];

		stats_event_detail(&e, (const char *)sqlite3_column_text(st, 6),
		    reason, sizeof reason);
		stats_feed(s, &e);
	}
	sqlite3_finalize(st);
	stats_close(s, open_end(h, now_ms));
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
