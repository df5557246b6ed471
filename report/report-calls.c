/* report-calls.c: call detail: one line per call (its CDR) that started in
 * the period, found by number, DID, queue, agent, client or disposition:
 * when, the other party's number (the caller, or whom we called), the DID
 * called, the queue, the agent, the wait, the talk, the outcome in words
 * and the Q.850 cause, the agent's disposition. */
#include <stdio.h>
#include <stdlib.h>
#include "report.h"
#include "report-grid.h"

static const struct grid_col cols[] = {
	{ "start", "Start", -19, 0, 0 },
	{ NULL, "When", -14, 2, 0 },
	{ "call_id", "Call", -16, 0, 0 },
	{ "direction", "Dir", -3, 0, 0 },
	{ "number", "Number", -11, 1, 0 },
	{ "did", "DID", -5, 1, 0 },
	{ "queue", "Queue", -7, 1, 0 },
	{ "agent", "Agent", -5, 1, 0 },
	{ "wait_s", "Wait", 4, 1, 1 },
	{ "talk_s", "Talk", 5, 1, 1 },
	{ "outcome", "Outcome", -10, 1, 0 },
	{ "cause", "Cause", 5, 0, 0 },
	{ "cleared_by", "Cleared", -7, 0, 0 },
	{ "reason", "Reason", -16, 0, 0 },
	{ "disposition", "Disposition", -11, 1, 0 },
};

/* The outcome in words: answered by an agent; refused for want of a
 * channel; a caller who hung up (in a queue: abandoned); else the core's
 * reason. */
static const char calls_sql[] =
"SELECT start, whenx, call_id, direction, cli, did, queue, agent, wait_s,"
"  talk_s, outcome, cause, cleared_by, reason, disposition FROM ("
" SELECT strftime('%%Y-%%m-%%d %%H:%%M:%%S', start_ms / 1000, 'unixepoch')"
"   AS start, strftime('%%m-%%d %%H:%%M:%%S', start_ms / 1000, 'unixepoch')"
"   AS whenx, call_id, direction,"
"   CASE direction WHEN 'out' THEN dnis ELSE cli END AS cli,"
"   CASE direction WHEN 'out' THEN '' ELSE dnis END AS did,"
"   coalesce(queue, '') AS queue,"
"   coalesce(agent, '') AS agent,"
"   CASE WHEN queue_enter_ms > 0 THEN (wait_ms + 500) / 1000 ELSE '' END"
"   AS wait_s, (talk_ms + 500) / 1000 AS talk_s,"
"   CASE WHEN agent IS NOT NULL THEN 'answered'"
"    WHEN cause = 34 AND channel = 0 THEN 'no channel'"
"    WHEN cleared_by = 'network' AND queue IS NOT NULL THEN 'abandoned'"
"    WHEN cleared_by = 'network' THEN 'hung up'"
"    ELSE coalesce(reason, 'cleared by ' || cleared_by) END AS outcome,"
"   cause, cleared_by, coalesce(reason, '') AS reason,"
"   coalesce((SELECT disposition FROM contacts t WHERE t.call_id ="
"    cdr.call_id AND disposition IS NOT NULL ORDER BY updated_ms DESC"
"    LIMIT 1), '') AS disposition, start_ms, id"
" FROM cdr WHERE start_ms >= ?1 AND start_ms < ?2 AND %s"
"  AND (?3 IS NULL OR instr(cli, ?3) > 0 OR instr(dnis, ?3) > 0))"
" WHERE ?4 IS NULL OR disposition = ?4 ORDER BY start_ms, id";

int
report_calls(const struct report_ctx *c)
{
	char		*where = report_filter_sql(c->v->filter);
	char		*sql = sqlite3_mprintf(calls_sql, where);
	sqlite3_stmt	*st = report_prepare(c->db, sql);
	struct grid	 g;

	sqlite3_bind_int64(st, 1, c->v->from_ms);
	sqlite3_bind_int64(st, 2, c->v->to_ms);
	if (c->number != NULL)
		sqlite3_bind_text(st, 3, c->number, -1, SQLITE_STATIC);
	if (c->disposition != NULL)
		sqlite3_bind_text(st, 4, c->disposition, -1, SQLITE_STATIC);
	grid_head(&g, cols, sizeof cols / sizeof cols[0], c->v);
	while (sqlite3_step(st) == SQLITE_ROW)
		grid_row_stmt(&g, st);
	sqlite3_finalize(st);
	sqlite3_free(sql);
	sqlite3_free(where);
	grid_end(&g);
	if (c->v->form != RF_CSV)
		printf("%d calls. Wait and Talk in seconds; Outcome: answered by "
		    "an agent, abandoned\n(the caller hung up while queued), "
		    "hung up, no channel, or the core's reason.\n", g.rows);
	return 0;
}
