/* report-ivr.c: IVR choices, from the core's `ivr` events (core/ivr.c):
 * per menu, each key chosen, the digits entered, the invalid keys, the
 * prompts left without an answer (timeouts), too few digits, and the
 * callers who ran out of retries (gave up): how many times, how many
 * callers. */
#include <stdio.h>
#include "report.h"
#include "report-grid.h"

static const struct grid_col cols[] = {
	{ "menu", "Menu", -16, 1, 0 },
	{ "choice", "Choice", -8, 1, 0 },
	{ "key", "Key", -12, 1, 0 },
	{ "times", "Times", 7, 1, 1 },
	{ "callers", "Callers", 7, 1, 0 },
};

/* An event's detail is {"menu": M, W: V}: W is "key", "invalid",
 * "timeout", "short", "fail" (V: the action taken) or, in a menu that
 * collects digits, the variable's name (V: the digits). */
static const char ivr_sql[] =
"WITH e AS (SELECT call_id, json_extract(detail, '$.menu') AS menu,"
"  CASE WHEN json_type(detail, '$.key') IS NOT NULL THEN 'key'"
"   WHEN json_type(detail, '$.invalid') IS NOT NULL THEN 'invalid'"
"   WHEN json_type(detail, '$.timeout') IS NOT NULL THEN 'timeout'"
"   WHEN json_type(detail, '$.short') IS NOT NULL THEN 'short'"
"   WHEN json_type(detail, '$.fail') IS NOT NULL THEN 'gave up'"
"   ELSE 'digits' END AS choice,"
"  coalesce(json_extract(detail, '$.key'), json_extract(detail,"
"   '$.invalid'), json_extract(detail, '$.fail'), '') AS key"
" FROM events WHERE kind = 'ivr' AND ts_ms >= ?1 AND ts_ms < ?2"
"  AND json_valid(detail) %s)"
"SELECT menu, choice, key, count(*), count(DISTINCT call_id) FROM e"
" GROUP BY menu, choice, key ORDER BY menu, CASE choice WHEN 'key' THEN 0"
" WHEN 'digits' THEN 1 WHEN 'invalid' THEN 2 WHEN 'timeout' THEN 3"
" WHEN 'short' THEN 4 ELSE 5 END, key";

int
report_ivr(const struct report_ctx *c)
{
	char		*where = report_filter_sql(c->v->filter), *sql;
	char		*cond = sqlite3_mprintf("AND call_id IN (SELECT call_id "
			    "FROM cdr WHERE %s)", where);
	sqlite3_stmt	*st;
	struct grid	 g;

	/* a call's queue, agent and number are in its CDR */
	sql = sqlite3_mprintf(ivr_sql, c->v->filter->queues.on ||
	    c->v->filter->agents.on ? cond : "");
	st = report_prepare(c->db, sql);
	sqlite3_bind_int64(st, 1, c->v->from_ms);
	sqlite3_bind_int64(st, 2, c->v->to_ms);
	grid_head(&g, cols, sizeof cols / sizeof cols[0], c->v);
	while (sqlite3_step(st) == SQLITE_ROW)
		grid_row_stmt(&g, st);
	sqlite3_finalize(st);
	sqlite3_free(sql);
	sqlite3_free(cond);
	sqlite3_free(where);
	grid_end(&g);
	if (c->v->form != RF_CSV)
		printf("Choice: key (pressed a menu's key), digits (entered in a "
		    "collecting menu),\ninvalid (a key the menu has not), "
		    "timeout (no key), short (too few digits),\ngave up (retries "
		    "used up; Key: where the caller went). Callers: distinct\n"
		    "calls.\n");
	return 0;
}
