/* report-main.c: `centrala report`: queue and agent statistics per
 * interval, computed from the event table by lib/stats.c (definitions in
 * docs/STATISTICS.md), as a printable table or CSV. Reads the database
 * read-only; a running core is not needed and not disturbed. A core that
 * died leaves its agents' states open: they end at its last heartbeat. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sqlite3.h>
#include "clock.h"
#include "stats.h"
#include "xmalloc.h"

static struct {
	const char	*db, *state;
	int64_t		 from_ms, to_ms;
	int		 interval_s, short_abandon_s, agents, csv;
} opt = { NULL, NULL, -1, -1, 3600, 5, 0, 0 };

static void
usage(FILE *f)
{
	fprintf(f,
"usage: centrala report [options]\n"
"Queue figures (offered, answered, abandoned, service level, ASA, AHT) or\n"
"agent figures (time per state and reason, occupancy) per interval.\n\n"
"  -s, --state-dir DIR     the core's state directory (DIR/centrala.db)\n"
"      --db FILE           the database file\n"
"      --from WHEN         start, \"YYYY-MM-DD\" or \"YYYY-MM-DD HH:MM\" UTC\n"
"                          (default: today 00:00 UTC)\n"
"      --to WHEN           end (default: now)\n"
"  -i, --interval I        15, 30, 60 (minutes) or day (default 60)\n"
"      --short-abandon S   abandons under S seconds are short (default 5)\n"
"  -a, --agents            agent figures instead of queue figures\n"
"      --csv               CSV instead of a table\n"
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

static void
parse_args(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "state-dir", 1, NULL, 's' }, { "db", 1, NULL, 'd' },
		{ "from", 1, NULL, 'f' }, { "to", 1, NULL, 't' },
		{ "interval", 1, NULL, 'i' }, { "short-abandon", 1, NULL, 'S' },
		{ "agents", 0, NULL, 'a' }, { "csv", 0, NULL, 'c' },
		{ "help", 0, NULL, 'h' }, { NULL, 0, NULL, 0 }
	};
	int ch;

	while ((ch = getopt_long(argc, argv, "s:i:ah", lo, NULL)) != -1) {
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
		case 'a': opt.agents = 1; break;
		case 'c': opt.csv = 1; break;
		case 'h': usage(stdout); exit(0);
		default: usage(stderr); exit(2);
		}
	}
	if (optind != argc) {
		usage(stderr);
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

	if (sqlite3_prepare_v2(h, "SELECT ts_ms, kind, call_id, agent, queue, "
	    "state, detail FROM events WHERE ts_ms >= ? AND ts_ms < ? ORDER BY id",
	    -1, &st, NULL) != SQLITE_OK) {
		fprintf(stderr, "centrala report: %s\n", sqlite3_errmsg(h));
		exit(1);
	}
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

static const char *
when(int64_t ms)
{
	static char	buf[32];
	time_t		t = ms / 1000;
	struct tm	tm;

	gmtime_r(&t, &tm);
	strftime(buf, sizeof buf, opt.interval_s == 86400 ? "%Y-%m-%d" :
	    "%Y-%m-%d %H:%M", &tm);
	return buf;
}

/* A figure, or "-" where it is undefined (no calls). */
static const char *
fig(double v, const char *fmt)
{
	static char	buf[8][16];
	static int	n;

	n = (n + 1) % 8;
	if (v < 0)
		return "-";
	snprintf(buf[n], sizeof buf[n], fmt, v);
	return buf[n];
}

static void
print_queue(const struct stats_queue *q)
{
	const char *f = opt.csv ?
	    "%s,%s,%u,%u,%u,%u,%u,%u,%s,%s,%s,%s,%s,%.0f,%u,%u,%u,%u,%s\n" :
	    "%-16s %-8s %7u %8u %9u %5u %8u %7u %6s %6s %6s %6s %5s %7.0f "
	    "%6u %5u %4u %6u %7s\n";

	printf(f, when(q->start_ms), q->queue, q->offered, q->answered,
	    q->abandoned, q->short_abandoned, q->overflowed, q->timed_out,
	    fig(stats_service_level(q, SL_OFFERED), "%.1f"),
	    fig(stats_service_level(q, SL_ANSWERED), "%.1f"),
	    fig(stats_asa_s(q), "%.1f"), fig(stats_aht_s(q), "%.1f"),
	    fig(stats_abandon_rate(q), "%.1f"), q->max_wait_ms / 1000.0,
	    q->to_callback, q->cb_requested, q->cb_connected, q->cb_failed,
	    fig(q->cb_connected ? q->cb_delay_ms / 1000.0 / q->cb_connected :
	    -1, "%.0f"));
}

static void
report_queues(struct stats *s)
{
	printf(opt.csv ? "interval,queue,offered,answered,abandoned,short,"
	    "overflowed,timed_out,sl_pct,sl_answered_pct,asa_s,aht_s,abandon_pct,"
	    "longest_wait_s,to_callback,cb_requested,cb_connected,cb_failed,"
	    "cb_delay_s\n" :
	    "%-16s %-8s %7s %8s %9s %5s %8s %7s %6s %6s %6s %6s %5s %7s "
	    "%6s %5s %4s %6s %7s\n",
	    "INTERVAL", "QUEUE", "OFFERED", "ANSWERED", "ABANDONED", "SHORT",
	    "OVERFLOW", "TIMEOUT", "SL%", "SLANS%",
	    "ASA", "AHT", "ABN%", "LONGEST", "TO_CB", "CBREQ", "CBOK", "CBFAIL",
	    "CBDELAY");
	for (int i = 0; i < stats_nqueues(s); i++) {
		const struct stats_queue *q = stats_queue_at(s, i);

		if (q->start_ms >= opt.from_ms - (opt.from_ms % (opt.interval_s * 1000LL)) &&
		    q->start_ms < opt.to_ms)
			print_queue(q);
	}
}

static void
print_agent(const struct stats_agent *a)
{
	char	reasons[256] = "";
	size_t	n = 0;

	for (int r = 0; r < STATS_REASONS && a->reason[r][0]; r++)
		n += snprintf(reasons + n, sizeof reasons - n, "%s%s=%.0f",
		    r ? (opt.csv ? ";" : " ") : "", a->reason[r],
		    a->reason_ms[r] / 1000.0);
	printf(opt.csv ? "%s,%s,%u,%.0f,%.0f,%.0f,%.0f,%.0f,%s,%s\n" :
	    "%-16s %-6s %7u %7.0f %7.0f %7.0f %7.0f %8.0f %5s  %s\n",
	    when(a->start_ms), a->agent, a->handled,
	    a->state_ms[ST_READY] / 1000.0, a->state_ms[ST_RINGING] / 1000.0,
	    a->state_ms[ST_ON_CALL] / 1000.0, a->state_ms[ST_WRAP_UP] / 1000.0,
	    a->state_ms[ST_NOT_READY] / 1000.0,
	    fig(stats_occupancy(a), "%.1f"), reasons);
}

static void
report_agents(struct stats *s)
{
	printf(opt.csv ? "interval,agent,handled,ready_s,ringing_s,on_call_s,"
	    "wrap_up_s,not_ready_s,occupancy_pct,not_ready_reasons_s\n" :
	    "%-16s %-6s %7s %7s %7s %7s %7s %8s %5s  %s\n", "INTERVAL", "AGENT",
	    "HANDLED", "READY", "RINGING", "TALK", "WRAP", "NOTREADY", "OCC%",
	    "NOT READY BY REASON (s)");
	for (int i = 0; i < stats_nagents(s); i++) {
		const struct stats_agent *a = stats_agent_at(s, i);

		if (a->start_ms + opt.interval_s * 1000LL > opt.from_ms &&
		    a->start_ms < opt.to_ms)
			print_agent(a);
	}
}

int
main(int argc, char **argv)
{
	char		 path[4096];
	sqlite3		*h;
	struct stats	*s;
	time_t		 now = time(NULL);

	parse_args(argc, argv);
	if (opt.to_ms < 0)
		opt.to_ms = (int64_t)now * 1000;
	if (opt.from_ms < 0)
		opt.from_ms = (int64_t)(now - now % 86400) * 1000;
	snprintf(path, sizeof path, "%s", opt.db ? opt.db : "");
	if (opt.db == NULL)
		snprintf(path, sizeof path, "%s/centrala.db", opt.state ? opt.state :
		    "state");
	if (sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		fprintf(stderr, "centrala report: %s: %s\n", path, sqlite3_errmsg(h));
		return 1;
	}
	sqlite3_busy_timeout(h, 5000);
	s = load(h, clock_wall_ms());
	if (opt.agents)
		report_agents(s);
	else
		report_queues(s);
	stats_free(s);
	sqlite3_close(h);
	return 0;
}
