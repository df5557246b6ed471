/* report-campaigns.c: campaign results per campaign (or per list, or per
 * agent, with --by): dial attempts in the period and what they came to
 * (connects, live answers, machines, abandons, contacts), the agents'
 * dispositions, successes against the target, and the records left and
 * dialable now; the talk, wait and wrap-up per logged-in hour of the
 * agents who dialed (from lib/stats.c's agent figures). Definitions:
 * docs/REPORTS.md. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "report-camp.h"
#include "report-grid.h"

enum { C_CAMP, C_BY, C_DIALS, C_CONN, C_LIVE, C_MACH, C_ABAND, C_CONTACT,
	C_SUCC, C_SUCC_ALL, C_TARGET, C_TARGET_PCT, C_LEFT, C_DIALABLE,
	C_TALK, C_WAIT, C_WRAP, C_DISP, C_N };

static const struct grid_col cols[C_N] = {
	[C_CAMP] = { "campaign", "Campaign", -10, 1, 0 },
	[C_BY] = { "list", "List", -8, 1, 0 },	/* or agent; --by only */
	[C_DIALS] = { "attempts", "Dials", 5, 1, 1 },
	[C_CONN] = { "connects", "Conn", 5, 1, 1 },
	[C_LIVE] = { "live", "Live", 5, 1, 1 },
	[C_MACH] = { "machines", "Mach", 4, 1, 1 },
	[C_ABAND] = { "abandons", "Aband", 5, 1, 1 },
	[C_CONTACT] = { "contacts", "Contact", 7, 1, 1 },
	[C_SUCC] = { "successes", "Success", 7, 1, 1 },
	[C_SUCC_ALL] = { "successes_total", "AllSucc", 7, 0, 0 },
	[C_TARGET] = { "target", "Target", 6, 0, 0 },
	[C_TARGET_PCT] = { "target_pct", "Target%", 7, 0, 0 },
	[C_LEFT] = { "records_left", "Left", 5, 1, 1 },
	[C_DIALABLE] = { "dialable_now", "Dialable", 8, 1, 1 },
	[C_TALK] = { "talk_min_per_h", "Talk/h", 6, 0, 0 },
	[C_WAIT] = { "wait_min_per_h", "Wait/h", 6, 0, 0 },
	[C_WRAP] = { "wrap_min_per_h", "Wrap/h", 6, 0, 0 },
	[C_DISP] = { "dispositions", "Dispositions", -20, 0, 0 },
};

/* The period's attempts of campaign ?1 (previews skipped are not dials),
 * with their key: the list or the agent (?5: 1 list, 2 agent); read once
 * per campaign into a temporary table (the database stays read-only),
 * then per row by its key. */
static const char attempts_sql[] =
"CREATE TEMP TABLE ca AS SELECT a.outcome, a.disposition, a.agent,"
" CASE ?5 WHEN 1 THEN l.name WHEN 2 THEN coalesce(a.agent, '(none)')"
"  ELSE '' END AS k"
" FROM attempts a JOIN records r ON r.id = a.record_id"
" JOIN lists l ON l.id = r.list_id WHERE l.campaign = ?1"
" AND a.ts_ms >= ?2 AND a.ts_ms < ?3 AND a.outcome NOT IN ('skipped', 'dnc')"
" AND (?4 IS NULL OR a.agent = ?4)";
#define ATTEMPTS_CTE "WITH a AS (SELECT * FROM temp.ca) "

static const char figures_sql[] = ATTEMPTS_CTE
"SELECT count(*), coalesce(sum(outcome IN ('answered', 'machine',"
" 'abandoned')), 0), coalesce(sum(outcome IN ('answered', 'abandoned')), 0),"
" coalesce(sum(outcome = 'machine'), 0), coalesce(sum(outcome ="
" 'abandoned'), 0), coalesce(sum(outcome = 'answered'), 0),"
" coalesce(sum(disposition IN %s), 0) FROM a WHERE k = ?6";

static const char disp_sql[] = ATTEMPTS_CTE
"SELECT disposition, count(*) FROM a WHERE k = ?6 AND disposition IS NOT"
" NULL GROUP BY disposition ORDER BY disposition";

/* The rows' keys: the lists (by priority), or the agents who dialed. */
static const char lists_sql[] =
"SELECT name FROM lists WHERE campaign = ?1 ORDER BY priority DESC, id";
static const char agents_sql[] = ATTEMPTS_CTE
"SELECT DISTINCT k FROM a ORDER BY length(k), k";

/* Every success of the campaign, the period aside: against the target. */
static const char succ_all_sql[] =
"SELECT count(*) FROM attempts a JOIN records r ON r.id = a.record_id"
" JOIN lists l ON l.id = r.list_id WHERE l.campaign = ?1"
" AND a.disposition IN %s";

/* Records not done, of lists not removed (?2: one list, NULL: all); the
 * open ones due now of active lists of a running campaign and on no DNC
 * list are read one by one for their calling hours. */
static const char left_sql[] =
"SELECT count(*) FROM records r JOIN lists l ON l.id = r.list_id"
" WHERE l.campaign = ?1 AND (?2 IS NULL OR l.name = ?2)"
" AND l.state <> 'removed' AND r.state <> 'done'";
static const char due_sql[] =
"SELECT r.tz, r.phone FROM records r JOIN lists l ON l.id = r.list_id"
" JOIN campaigns c ON c.name = l.campaign WHERE l.campaign = ?1"
" AND (?2 IS NULL OR l.name = ?2) AND c.state = 'running'"
" AND l.state = 'active' AND r.state = 'open' AND r.next_at_ms <= ?3"
" AND NOT EXISTS (SELECT 1 FROM dnc d WHERE d.number = r.phone"
"  AND (d.client IS NULL OR d.client = ?4))";

/* The agents who dialed for the row. */
static const char who_sql[] = ATTEMPTS_CTE
"SELECT DISTINCT agent FROM a WHERE k = ?6 AND agent IS NOT NULL";

static int by;		/* 0 campaign, 1 list, 2 agent */

static sqlite3_stmt *
attempts_stmt(const struct report_ctx *c, const char *sql,
    const struct camp_info *ci, const char *key)
{
	sqlite3_stmt *st = report_prepare(c->db, sql);

	sqlite3_bind_text(st, 1, ci->name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, c->v->from_ms);
	sqlite3_bind_int64(st, 3, c->v->to_ms);
	if (c->v->filter->agent_given)
		sqlite3_bind_text(st, 4, c->v->filter->agents.v[0], -1,
		    SQLITE_STATIC);
	sqlite3_bind_int(st, 5, by);
	sqlite3_bind_text(st, 6, key, -1, SQLITE_STATIC);
	return st;
}

static int64_t
count1(sqlite3_stmt *st)
{
	int64_t n = sqlite3_step(st) == SQLITE_ROW ?
	    sqlite3_column_int64(st, 0) : 0;

	sqlite3_finalize(st);
	return n;
}

/* Records left and dialable now, of the campaign or of one list. */
static void
records(const struct report_ctx *c, const struct camp_info *ci,
    const char *list, int64_t *left, int64_t *dialable)
{
	sqlite3_stmt	*st = report_prepare(c->db, left_sql);

	sqlite3_bind_text(st, 1, ci->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, list, -1, SQLITE_STATIC);
	*left = count1(st);
	st = report_prepare(c->db, due_sql);
	sqlite3_bind_text(st, 1, ci->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, list, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, c->now_ms);
	if (ci->cfg != NULL)
		sqlite3_bind_text(st, 4, ci->cfg->client, -1, SQLITE_STATIC);
	*dialable = 0;
	while (sqlite3_step(st) == SQLITE_ROW)
		if (!ci->hours_ok || report_camp_open(ci, report_camp_tz(ci,
		    (const char *)sqlite3_column_text(st, 0),
		    (const char *)sqlite3_column_text(st, 1)),
		    (time_t)(c->now_ms / 1000)))
			(*dialable)++;
	sqlite3_finalize(st);
}

/* Minutes per logged-in hour talking, waiting (ready, or ringing for
 * the dialed call) and in wrap-up, of the agents who dialed for the row
 * over the period: all their time, inbound calls too (agents blend). */
static void
agent_times(const struct report_ctx *c, const struct camp_info *ci,
    const char *key, char (*out)[24])
{
	sqlite3_stmt	*st = attempts_stmt(c, who_sql, ci, key);
	int64_t		 ms[ST_NSTATES] = { 0 }, logged = 0, len =
			    (int64_t)c->v->interval_s * 1000;

	while (c->stats != NULL && sqlite3_step(st) == SQLITE_ROW) {
		const char *who = (const char *)sqlite3_column_text(st, 0);

		for (int i = 0; i < stats_nagents(c->stats); i++) {
			const struct stats_agent *a = stats_agent_at(c->stats, i);

			if (strcmp(a->agent, who) != 0 || a->start_ms + len <=
			    c->v->from_ms || a->start_ms >= c->v->to_ms)
				continue;
			for (int s = 0; s < ST_NSTATES; s++) {
				ms[s] += a->state_ms[s];
				logged += a->state_ms[s];
			}
		}
	}
	sqlite3_finalize(st);
	if (logged == 0) {
		for (int i = 0; i < 3; i++)
			snprintf(out[i], 24, "-");
		return;
	}
	snprintf(out[0], 24, "%.1f", 60.0 * ms[ST_ON_CALL] / logged);
	snprintf(out[1], 24, "%.1f", 60.0 * (ms[ST_READY] + ms[ST_RINGING]) /
	    logged);
	snprintf(out[2], 24, "%.1f", 60.0 * ms[ST_WRAP_UP] / logged);
}

/* "later=1;sale=2" for CSV and --wide; in the 80 columns one line per
 * code under the row. */
static void
dispositions(const struct report_ctx *c, const struct camp_info *ci,
    const char *key, char *buf, size_t len, int lines)
{
	sqlite3_stmt	*st = attempts_stmt(c, disp_sql, ci, key);
	size_t		 n = 0;

	buf[0] = '\0';
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *d = (const char *)sqlite3_column_text(st, 0);
		int k = sqlite3_column_int(st, 1);

		if (lines)
			printf("%*s%s: %d\n", by ? 20 : 11, "", d, k);
		else if (n < len)
			n += snprintf(buf + n, len - n, "%s%s=%d", n ? ";" : "",
			    d, k);
	}
	sqlite3_finalize(st);
}

static void
row(struct grid *g, const struct report_ctx *c, const struct camp_info *ci,
    const char *key, int64_t succ_all)
{
	char		 num[C_N][24], disp[512], *succ = report_camp_success_sql(ci),
			*sql = sqlite3_mprintf(figures_sql, succ);
	const char	*cell[C_N] = { 0 };
	sqlite3_stmt	*st = attempts_stmt(c, sql, ci, key);
	int64_t		 left, dialable;
	int		 target = ci->cfg != NULL ? ci->cfg->target : 0;

	sqlite3_free(sql);
	sqlite3_free(succ);
	cell[C_CAMP] = ci->name;
	cell[C_BY] = key;
	if (sqlite3_step(st) == SQLITE_ROW)
		for (int i = 0; i < 7; i++) {
			snprintf(num[C_DIALS + i], sizeof num[0], "%lld",
			    (long long)sqlite3_column_int64(st, i));
			cell[C_DIALS + i] = num[C_DIALS + i];
		}
	sqlite3_finalize(st);
	if (ci->cfg == NULL)	/* no config: no success codes known */
		cell[C_SUCC] = "-";
	cell[C_SUCC_ALL] = cell[C_TARGET] = cell[C_TARGET_PCT] = "-";
	if (by != 2) {
		records(c, ci, by == 1 ? key : NULL, &left, &dialable);
		snprintf(num[C_LEFT], sizeof num[0], "%lld", (long long)left);
		snprintf(num[C_DIALABLE], sizeof num[0], "%lld",
		    (long long)dialable);
		cell[C_LEFT] = num[C_LEFT];
		cell[C_DIALABLE] = num[C_DIALABLE];
	} else
		cell[C_LEFT] = cell[C_DIALABLE] = "-";
	if (by == 0 && ci->cfg != NULL) {
		snprintf(num[C_SUCC_ALL], sizeof num[0], "%lld",
		    (long long)succ_all);
		cell[C_SUCC_ALL] = num[C_SUCC_ALL];
	}
	if (by == 0 && target > 0) {
		snprintf(num[C_TARGET], sizeof num[0], "%d", target);
		snprintf(num[C_TARGET_PCT], sizeof num[0], "%.1f",
		    100.0 * succ_all / target);
		cell[C_TARGET] = num[C_TARGET];
		cell[C_TARGET_PCT] = num[C_TARGET_PCT];
	}
	agent_times(c, ci, key, num + C_TALK);
	for (int i = C_TALK; i <= C_WRAP; i++)
		cell[i] = num[i];
	dispositions(c, ci, key, disp, sizeof disp, 0);
	cell[C_DISP] = disp;
	grid_row(g, cell);
	if (c->v->form == RF_BRIEF)	/* --wide has the column */
		dispositions(c, ci, key, disp, sizeof disp, 1);
}

static void
campaign(struct grid *g, const struct report_ctx *c, const struct camp_info *ci)
{
	char		*succ = report_camp_success_sql(ci);
	char		*sql = sqlite3_mprintf(succ_all_sql, succ);
	sqlite3_stmt	*st = report_prepare(c->db, sql);
	int64_t		 succ_all;

	sqlite3_bind_text(st, 1, ci->name, -1, SQLITE_STATIC);
	succ_all = count1(st);
	sqlite3_free(sql);
	sqlite3_free(succ);
	sqlite3_exec(c->db, "DROP TABLE IF EXISTS temp.ca", NULL, NULL, NULL);
	st = attempts_stmt(c, attempts_sql, ci, NULL);
	if (sqlite3_step(st) != SQLITE_DONE) {
		fprintf(stderr, "centrala report: %s\n", sqlite3_errmsg(c->db));
		exit(1);
	}
	sqlite3_finalize(st);
	sqlite3_exec(c->db, "CREATE INDEX temp.ca_k ON ca (k)", NULL, NULL,
	    NULL);
	if (by == 0) {
		row(g, c, ci, "", succ_all);
		return;
	}
	st = by == 1 ? report_prepare(c->db, lists_sql) :
	    attempts_stmt(c, agents_sql, ci, NULL);
	if (by == 1)
		sqlite3_bind_text(st, 1, ci->name, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW)
		row(g, c, ci, (const char *)sqlite3_column_text(st, 0), 0);
	sqlite3_finalize(st);
}

int
report_campaigns(const struct report_ctx *c)
{
	struct camp_info *ci;
	struct grid_col	  t[C_N];
	struct grid	  g;
	int		  n = report_camps(c, &ci);

	if (n == 0) {
		printf("no campaigns\n");
		free(ci);
		return 0;
	}
	by = c->by == NULL ? 0 : strcmp(c->by, "list") == 0 ? 1 : 2;
	memcpy(t, cols, sizeof t);
	if (by == 0)		/* no key column: shown nowhere */
		t[C_BY].brief = 3;
	else if (by == 2) {
		t[C_BY].csv = "agent";
		t[C_BY].head = "Agent";
	}
	grid_head(&g, t, C_N, c->v);
	for (int i = 0; i < n; i++)
		campaign(&g, c, &ci[i]);
	free(ci);
	grid_end(&g);
	if (c->v->form != RF_CSV)
		printf("Dials: attempts (previews skipped are not). Conn: answered "
		    "by anyone; Live:\nby a person (Contact: talked to an agent, "
		    "Aband: abandoned); Mach: machines.\nSuccess: dispositions "
		    "that count for the target. Left: records not done;\n"
		    "Dialable: due now, in calling hours, on no DNC list.%s\n"
		    "Definitions: docs/REPORTS.md\n", c->v->form == RF_WIDE ?
		    " AllSucc:\nsuccesses ever, against the Target. Talk/h, Wait/h (ready), Wrap/h: minutes\n"
		    "per logged-in hour of the agents who dialed, inbound calls too." : " Under "
		    "a row: its\ndispositions. --wide: the target.");
	return 0;
}
