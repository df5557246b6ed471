/* db-totals.c: the per-interval queue totals (data/schema.sql version 8,
 * docs/STATISTICS.md "Stored totals"). The figures come from the one
 * statistics engine, lib/stats.c, fed the same events as a report would
 * feed it, so they cannot disagree with it:
 * - a call's figures when it ends (its call_end event, written in the
 *   pass, and so the transaction, of its CDR; the recovery at start
 *   writes both too): its events through a fresh engine with 15-minute
 *   rows, added into queue_totals;
 * - wrap-up when an agent leaves it, into the row of the last call it
 *   handled (totals_agents remembers both);
 * - callbacks requested and failed when their event is written.
 * A temporary trigger of the core's connection calls this as an SQL
 * function, so every writer of an event (the core's calls, the recovery
 * at start) keeps the totals in the same transaction. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "db-private.h"
#include "log.h"
#include "stats.h"
#include "xmalloc.h"

#define DB_TOTALS_INTERVAL_S	900
#define DB_TOTALS_SHORT_MS	5000	/* the report's default short abandon */

enum { TS_ADD, TS_CALL_EVENTS, TS_AGENT_GET, TS_AGENT_STATE, TS_AGENT_LAST,
	TS_N };

static const char *const db_totals_sql[TS_N] = {
	[TS_ADD] = "INSERT INTO queue_totals VALUES (?1,?2,?3,?4,?5,?6,?7,?8,"
	    "?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?22) "
	    "ON CONFLICT (start_ms, queue) DO UPDATE SET "
	    "offered = offered + ?3, answered = answered + ?4, "
	    "abandoned = abandoned + ?5, short_abandoned = short_abandoned + ?6, "
	    "answered_in_sl = answered_in_sl + ?7, "
	    "abandoned_after_sl = abandoned_after_sl + ?8, "
	    "overflowed = overflowed + ?9, timed_out = timed_out + ?10, "
	    "to_callback = to_callback + ?11, cut = cut + ?12, "
	    "cb_requested = cb_requested + ?13, "
	    "cb_connected = cb_connected + ?14, cb_failed = cb_failed + ?15, "
	    "cb_delay_ms = cb_delay_ms + ?16, "
	    "wait_answered_ms = wait_answered_ms + ?17, "
	    "max_wait_ms = max(max_wait_ms, ?18), talk_ms = talk_ms + ?19, "
	    "hold_ms = hold_ms + ?20, wrap_ms = wrap_ms + ?21, "
	    "sl_target_s = CASE WHEN ?22 > 0 THEN ?22 ELSE sl_target_s END",
	[TS_CALL_EVENTS] = "SELECT ts_ms, kind, call_id, agent, queue, state, "
	    "detail FROM events WHERE call_id = ? AND kind IN ('queue_enter', "
	    "'answer', 'abandon', 'queue_exit', 'callback', 'call_end', "
	    "'transfer', 'hold', 'retrieve') ORDER BY id",
	[TS_AGENT_GET] = "SELECT state, since_ms, queue, start_ms FROM "
	    "totals_agents WHERE agent = ?",
	[TS_AGENT_STATE] = "INSERT INTO totals_agents (agent, state, since_ms) "
	    "VALUES (?1, ?2, ?3) ON CONFLICT (agent) DO UPDATE SET "
	    "state = ?2, since_ms = ?3",
	[TS_AGENT_LAST] = "INSERT INTO totals_agents (agent, queue, start_ms) "
	    "VALUES (?1, ?2, ?3) ON CONFLICT (agent) DO UPDATE SET "
	    "queue = ?2, start_ms = ?3",
};

struct db_totals {
	sqlite3_stmt	*st[TS_N];
};

static sqlite3_stmt *
db_totals_st(struct db *db, int i)
{
	sqlite3_stmt **st = &db->totals->st[i];

	if (*st == NULL && sqlite3_prepare_v3(db->h, db_totals_sql[i], -1,
	    SQLITE_PREPARE_PERSISTENT, st, NULL) != SQLITE_OK) {
		log_warn("database: totals: %s", sqlite3_errmsg(db->h));
		*st = NULL;
	}
	return *st;
}

/* Runs a write statement to its end; 0 or -1 (logged). */
static int
db_totals_run(struct db *db, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_DONE) {
		log_warn("database: totals not kept: %s", sqlite3_errmsg(db->h));
		return -1;
	}
	return 0;
}

/* Adds one row of figures into queue_totals. */
static int
db_totals_add(struct db *db, const struct stats_queue *q)
{
	sqlite3_stmt	*st = db_totals_st(db, TS_ADD);
	const int64_t	 v[] = { q->offered, q->answered, q->abandoned,
	    q->short_abandoned, q->answered_in_sl, q->abandoned_after_sl,
	    q->overflowed, q->timed_out, q->to_callback, q->cut,
	    q->cb_requested, q->cb_connected, q->cb_failed, q->cb_delay_ms,
	    q->wait_answered_ms, q->max_wait_ms, q->talk_ms, q->hold_ms,
	    q->wrap_ms, q->sl_target_s };

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, q->start_ms);
	sqlite3_bind_text(st, 2, q->queue, -1, SQLITE_STATIC);
	for (size_t i = 0; i < sizeof v / sizeof *v; i++)
		sqlite3_bind_int64(st, 3 + (int)i, v[i]);
	return db_totals_run(db, st);
}

static struct stats *
db_totals_engine(void)
{
	struct stats_opts o = { .interval_s = DB_TOTALS_INTERVAL_S,
	    .short_abandon_ms = DB_TOTALS_SHORT_MS, .queues_only = 1 };

	return stats_new(&o);
}

/* Callbacks requested and failed count when they happen, by their own
 * event (db_totals_event), not with a call. */
static int
db_totals_call_kind(sqlite3_stmt *st)
{
	const char *k = (const char *)sqlite3_column_text(st, 1);
	const char *state = (const char *)sqlite3_column_text(st, 5);

	return strcmp(k, "callback") != 0 || (state != NULL &&
	    strcmp(state, "connected") == 0);
}

/* The engine fed the call's events so far; NULL if they cannot be read. */
static struct stats *
db_totals_call_engine(struct db *db, const char *call_id)
{
	sqlite3_stmt	*st = db_totals_st(db, TS_CALL_EVENTS);
	struct stats	*s;
	int		 rc;

	if (st == NULL)
		return NULL;
	s = db_totals_engine();
	sqlite3_bind_text(st, 1, call_id, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (db_totals_call_kind(st))
			stats_feed_row(s, st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_DONE) {
		log_warn("database: totals: call %s: %s", call_id,
		    sqlite3_errmsg(db->h));
		stats_free(s);
		return NULL;
	}
	return s;
}

/* A call ended: its figures into the totals. */
static int
db_totals_call(struct db *db, const char *call_id)
{
	struct stats	*s = db_totals_call_engine(db, call_id);
	int		 rc = s != NULL ? 0 : -1;

	for (int i = 0; s != NULL && i < stats_nqueues(s) && rc == 0; i++)
		rc = db_totals_add(db, stats_queue_at(s, i));
	if (s != NULL)
		stats_free(s);
	return rc;
}

/* An agent handled a call (answer, callback connected): the row of that
 * call, as the engine places it, is where its next wrap-up goes. */
static int
db_totals_handled(struct db *db, const char *call_id, const char *agent)
{
	struct stats			*s = db_totals_call_engine(db, call_id);
	const struct stats_queue	*q;
	sqlite3_stmt			*st;
	int				 rc = 0;

	if (s == NULL)
		return -1;
	if ((q = stats_agent_last(s, agent)) != NULL &&
	    (st = db_totals_st(db, TS_AGENT_LAST)) != NULL) {
		sqlite3_bind_text(st, 1, agent, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, q->queue, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, q->start_ms);
		rc = db_totals_run(db, st);
	}
	stats_free(s);
	return rc;
}

/* The time an agent leaving wrap-up spent in it goes to the row of the
 * last call it handled (as stats_agent_time() does). Only the moves into
 * and out of wrap-up are written: the others change nothing here. */
static int
db_totals_agent_state(struct db *db, const char *agent, const char *state,
    int64_t ts)
{
	sqlite3_stmt		*st = db_totals_st(db, TS_AGENT_GET);
	struct stats_queue	 q;
	int			 was = 0, into = state != NULL &&
				    strcmp(state, "wrap_up") == 0;

	if (st == NULL)
		return -1;
	memset(&q, 0, sizeof q);
	sqlite3_bind_text(st, 1, agent, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) &&
	    strcmp((const char *)sqlite3_column_text(st, 0), "wrap_up") == 0) {
		was = 1;
		if (sqlite3_column_type(st, 2) != SQLITE_NULL) {
			q.wrap_ms = ts - sqlite3_column_int64(st, 1);
			snprintf(q.queue, sizeof q.queue, "%s",
			    (const char *)sqlite3_column_text(st, 2));
			q.start_ms = sqlite3_column_int64(st, 3);
		}
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (q.wrap_ms > 0 && db_totals_add(db, &q) != 0)
		return -1;
	if (!was && !into)
		return 0;
	if ((st = db_totals_st(db, TS_AGENT_STATE)) == NULL)
		return -1;
	sqlite3_bind_text(st, 1, agent, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, state, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, ts);
	return db_totals_run(db, st);
}

/* A callback requested or failed counts in its queue's row of the time. */
static int
db_totals_callback(const char *queue, const char *state, int64_t ts,
    struct db *db)
{
	struct stats_queue q;

	memset(&q, 0, sizeof q);
	snprintf(q.queue, sizeof q.queue, "%s", queue);
	q.start_ms = ts - ((ts % (DB_TOTALS_INTERVAL_S * 1000LL)) +
	    DB_TOTALS_INTERVAL_S * 1000LL) % (DB_TOTALS_INTERVAL_S * 1000LL);
	q.cb_requested = strcmp(state, "requested") == 0;
	q.cb_failed = strcmp(state, "failed") == 0;
	return q.cb_requested || q.cb_failed ? db_totals_add(db, &q) : 0;
}

static const char *
db_totals_arg(sqlite3_value **v, int i)
{
	return (const char *)sqlite3_value_text(v[i]);
}

/* cz_totals_event(ts_ms, kind, call_id, agent, queue, state) */
static void
db_totals_event_fn(sqlite3_context *ctx, int n, sqlite3_value **v)
{
	struct db	*db = sqlite3_user_data(ctx);
	int64_t		 ts = sqlite3_value_int64(v[0]);
	const char	*kind = db_totals_arg(v, 1), *call = db_totals_arg(v, 2);
	const char	*agent = db_totals_arg(v, 3), *queue = db_totals_arg(v, 4);
	const char	*state = db_totals_arg(v, 5);

	(void)n;
	sqlite3_result_null(ctx);
	if (kind == NULL)
		return;
	if (strcmp(kind, "call_end") == 0 && call != NULL)
		db_totals_call(db, call);
	else if (strcmp(kind, "agent_state") == 0 && agent != NULL)
		db_totals_agent_state(db, agent, state, ts);
	else if (strcmp(kind, "callback") == 0 && queue != NULL &&
	    state != NULL && strcmp(state, "connected") != 0)
		db_totals_callback(queue, state, ts, db);
	else if ((strcmp(kind, "answer") == 0 || strcmp(kind, "callback") == 0) &&
	    call != NULL && agent != NULL)
		db_totals_handled(db, call, agent);
}

/* An insert that fires a trigger keeps a statement journal (to undo the
 * statement alone): in memory, not a temporary file per insert (that
 * made every event write 3 times slower). */
static const char db_totals_triggers[] =
    "PRAGMA temp_store = MEMORY;"
    "CREATE TEMP TRIGGER IF NOT EXISTS cz_totals_event AFTER INSERT ON "
    "main.events WHEN NEW.kind IN ('call_end', 'agent_state', 'answer', "
    "'callback') "
    "BEGIN SELECT cz_totals_event(NEW.ts_ms, NEW.kind, NEW.call_id, "
    "NEW.agent, NEW.queue, NEW.state); END;";

int
db_totals_attach(struct db *db)
{
	char *msg = NULL;

	if (db->totals == NULL)
		db->totals = xcalloc(1, sizeof *db->totals);
	if (sqlite3_create_function(db->h, "cz_totals_event", 6, SQLITE_UTF8,
	    db, db_totals_event_fn, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(db->h, db_totals_triggers, NULL, NULL, &msg) !=
	    SQLITE_OK) {
		snprintf(db->err, sizeof db->err, "totals: %s", msg ? msg :
		    sqlite3_errmsg(db->h));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

void
db_totals_detach(struct db *db)
{
	if (db->totals == NULL)
		return;
	for (int i = 0; i < TS_N; i++)
		sqlite3_finalize(db->totals->st[i]);
	free(db->totals);
	db->totals = NULL;
}

/* The agents' states and last rows as the engine leaves them. */
static int
db_totals_backfill_agents(struct db *db, const struct stats *s)
{
	for (int i = 0; i < stats_nnow(s); i++) {
		const struct stats_queue	*q;
		const char			*agent, *state;
		int64_t				 since;
		int				 st_n;
		sqlite3_stmt			*st;

		agent = stats_now_at(s, i, &st_n, &since, &q);
		state = stats_state_name(st_n);
		st = db_totals_st(db, TS_AGENT_STATE);
		if (st == NULL)
			return -1;
		sqlite3_bind_text(st, 1, agent, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, state, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, since);
		if (db_totals_run(db, st) != 0)
			return -1;
		if (q == NULL)
			continue;
		if ((st = db_totals_st(db, TS_AGENT_LAST)) == NULL)
			return -1;
		sqlite3_bind_text(st, 1, agent, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, q->queue, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, q->start_ms);
		if (db_totals_run(db, st) != 0)
			return -1;
	}
	return 0;
}

/* Schema step 8: the totals of every event already stored, by one engine
 * over the whole table. Calls still open (a core that died) are left out:
 * their figures come with the CDR the recovery writes for them. */
int
db_totals_backfill(struct db *db)
{
	struct stats	*s = db_totals_engine();
	sqlite3_stmt	*st;
	int		 rc;

	if (db->totals == NULL)
		db->totals = xcalloc(1, sizeof *db->totals);
	if (sqlite3_prepare_v2(db->h, "SELECT ts_ms, kind, call_id, agent, "
	    "queue, state, detail FROM events WHERE (call_id IS NULL OR "
	    "call_id NOT IN (SELECT call_id FROM calls_open)) ORDER BY id", -1,
	    &st, NULL) != SQLITE_OK) {
		snprintf(db->err, sizeof db->err, "totals: %s",
		    sqlite3_errmsg(db->h));
		stats_free(s);
		return -1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		stats_feed_row(s, st);
	sqlite3_finalize(st);
	for (int i = 0; rc == SQLITE_DONE && i < stats_nqueues(s); i++)
		if (db_totals_add(db, stats_queue_at(s, i)) != 0)
			rc = SQLITE_ERROR;
	if (rc == SQLITE_DONE && db_totals_backfill_agents(db, s) != 0)
		rc = SQLITE_ERROR;
	stats_free(s);
	if (rc != SQLITE_DONE) {
		snprintf(db->err, sizeof db->err, "totals: %s",
		    sqlite3_errmsg(db->h));
		return -1;
	}
	log_info("database: queue totals computed from the stored events");
	return 0;
}
