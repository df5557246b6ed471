/* db-recover.c: no record lost, whatever stops the core. Calls stored from
 * their SETUP (calls_open, emptied by the CDR insert's trigger), agents'
 * sessions from login to logout, the heartbeat, and the recovery at start
 * that closes what a killed or crashed process left open, at the time it
 * was last alive (data/schema.sql, version 5; docs/STATISTICS.md). */
#include <sqlite3.h>
#include "db.h"
#include "db-private.h"
#include "log.h"

int
db_call_open(struct db *db, const struct cdr *c)
{
	sqlite3_stmt *st = db_prepare(db, &db->st_call_open, "INSERT OR "
	    "REPLACE INTO calls_open (call_id, direction, start_ms, cli, dnis, "
	    "span, channel, parent) VALUES (?,?,?,?,?,?,?,?)");

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, c->call_id, DB_TEXT_REQUIRED);
	db_bind_text(st, 2, c->direction, DB_TEXT_REQUIRED);
	sqlite3_bind_int64(st, 3, c->start_ms);
	db_bind_text(st, 4, c->cli, DB_TEXT_EMPTY);
	db_bind_text(st, 5, c->dnis, DB_TEXT_EMPTY);
	db_bind_text(st, 6, c->span, DB_TEXT_EMPTY);
	sqlite3_bind_int(st, 7, c->channel);
	db_bind_text(st, 8, c->parent, DB_TEXT_OPTIONAL);
	return db_write(db, st, "open call");
}

int
db_session_open(struct db *db, const char *agent, int64_t login_ms)
{
	sqlite3_stmt *st = db_prepare(db, &db->st_sess_open,
	    "INSERT INTO sessions (agent, login_ms) VALUES (?, ?)");

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, agent, DB_TEXT_REQUIRED);
	sqlite3_bind_int64(st, 2, login_ms);
	return db_write(db, st, "session");
}

int
db_session_close(struct db *db, const char *agent, int64_t logout_ms,
    const char *cause)
{
	sqlite3_stmt *st = db_prepare(db, &db->st_sess_close, "UPDATE sessions "
	    "SET logout_ms = ?, cause = ? WHERE agent = ? AND logout_ms = 0");

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, logout_ms);
	db_bind_text(st, 2, cause, DB_TEXT_OPTIONAL);
	db_bind_text(st, 3, agent, DB_TEXT_REQUIRED);
	return db_write(db, st, "session end");
}

/* Runs one statement with the integer parameters :a and :b and the text
 * :t where it names them; the first column of its first row in *out if
 * asked. */
static int
db_recover_run(struct db *db, const char *sql, int64_t a, int64_t b,
    const char *text, int64_t *out)
{
	sqlite3_stmt	*st;
	int		 rc, i;

	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK) {
		log_warn("database: %s", sqlite3_errmsg(db->h));
		return -1;
	}
	if ((i = sqlite3_bind_parameter_index(st, ":a")) > 0)
		sqlite3_bind_int64(st, i, a);
	if ((i = sqlite3_bind_parameter_index(st, ":b")) > 0)
		sqlite3_bind_int64(st, i, b);
	if ((i = sqlite3_bind_parameter_index(st, ":t")) > 0)
		db_bind_text(st, i, text, DB_TEXT_REQUIRED);
	while ((rc = db_step(db, st)) == SQLITE_ROW)
		if (out != NULL) {
			*out = sqlite3_column_int64(st, 0);
			out = NULL;
		}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
db_heartbeat_start(struct db *db, int64_t now_ms, int pid, int period_ms)
{
	if (db_recover_run(db, "UPDATE heartbeat SET started_ms = :a, "
	    "alive_ms = :a, stopped_ms = 0, pid = :b", now_ms, pid, NULL,
	    NULL) != 0)
		return -1;
	return db_recover_run(db, "UPDATE heartbeat SET period_ms = :a",
	    period_ms, 0, NULL, NULL);
}

/* One UPDATE in its own transaction: cheap enough for every few seconds. */
int
db_heartbeat(struct db *db, int64_t now_ms)
{
	sqlite3_stmt *st = db_prepare(db, &db->st_beat,
	    "UPDATE heartbeat SET alive_ms = ?");

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, now_ms);
	return db_write(db, st, "heartbeat");
}

int
db_heartbeat_stop(struct db *db, int64_t now_ms)
{
	return db_recover_run(db, "UPDATE heartbeat SET alive_ms = :a, "
	    "stopped_ms = :a", now_ms, 0, NULL, NULL);
}

/* When the earlier process was last alive: its heartbeat, or the last row
 * it wrote if later (a heartbeat is up to a period old). */
static const char db_recover_when[] = "SELECT max("
    "(SELECT max(alive_ms, stopped_ms) FROM heartbeat), "
    "coalesce((SELECT max(ts_ms) FROM events), 0), "
    "coalesce((SELECT max(start_ms) FROM calls_open), 0), "
    "coalesce((SELECT max(login_ms) FROM sessions WHERE logout_ms = 0), 0))";

/* The open call with what its events tell: queue, agent, answers. */
#define DB_RECOVER_CALLS "WITH o AS (SELECT c.*, "\
    "(SELECT queue FROM events e WHERE e.call_id = c.call_id AND " \
    " e.kind = 'queue_enter' ORDER BY e.id DESC LIMIT 1) AS q, " \
    "(SELECT ts_ms FROM events e WHERE e.call_id = c.call_id AND " \
    " e.kind = 'queue_enter' ORDER BY e.id DESC LIMIT 1) AS qe, " \
    "(SELECT agent FROM events e WHERE e.call_id = c.call_id AND " \
    " e.kind = 'answer' ORDER BY e.id DESC LIMIT 1) AS ag, " \
    "(SELECT ts_ms FROM events e WHERE e.call_id = c.call_id AND " \
    " e.kind = 'answer' ORDER BY e.id DESC LIMIT 1) AS aa, " \
    "(SELECT min(ts_ms) FROM events e WHERE e.call_id = c.call_id AND " \
    " e.kind IN ('ivr', 'queue_enter', 'answer')) AS up " \
    "FROM calls_open c WHERE c.call_id NOT IN (SELECT call_id FROM cdr)) "

/* In order, in one transaction: a = when, b = the cause, t = why. */
static const char *const db_recover_sql[] = {
	DB_RECOVER_CALLS "INSERT INTO events (ts_ms, kind, call_id, agent, "
	"queue, detail) SELECT :a, 'call_end', call_id, ag, q, "
	"json_object('cause', :b, 'cleared_by', 'core', 'reason', :t) "
	"FROM o ORDER BY start_ms, call_id",

	DB_RECOVER_CALLS "INSERT INTO cdr (call_id, direction, start_ms, "
	"answer_ms, end_ms, cli, dnis, span, channel, queue, agent, "
	"queue_enter_ms, agent_answer_ms, wait_ms, talk_ms, cause, cleared_by, "
	"reason, parent) SELECT call_id, direction, start_ms, coalesce(up, 0), "
	":a, cli, dnis, span, channel, q, ag, coalesce(qe, 0), coalesce(aa, 0), "
	"CASE WHEN qe IS NULL THEN 0 ELSE coalesce(aa, :a) - qe END, "
	"CASE WHEN aa IS NULL THEN 0 ELSE :a - aa END, :b, 'core', :t, parent "
	"FROM o ORDER BY start_ms, call_id",

	"DELETE FROM calls_open",

	"INSERT INTO events (ts_ms, kind, agent, state) SELECT :a, "
	"'agent_state', agent, 'logged_out' FROM sessions WHERE logout_ms = 0 "
	"ORDER BY id",

	"INSERT INTO events (ts_ms, kind, agent, detail) SELECT :a, "
	"'agent_logout', agent, json_object('why', :t) FROM sessions WHERE "
	"logout_ms = 0 ORDER BY id",

	"UPDATE sessions SET logout_ms = :a, cause = :t WHERE logout_ms = 0",

	"UPDATE recordings SET end_ms = :a, status = 'failed', error = :t "
	"WHERE end_ms = 0",
};

static int
db_recover_count(struct db *db, struct db_recovery *r)
{
	int64_t n[3] = { 0, 0, 0 };

	if (db_recover_run(db, "SELECT count(*) FROM calls_open", 0, 0, NULL,
	    &n[0]) != 0 || db_recover_run(db, "SELECT count(*) FROM sessions "
	    "WHERE logout_ms = 0", 0, 0, NULL, &n[1]) != 0 ||
	    db_recover_run(db, "SELECT count(*) FROM recordings WHERE "
	    "end_ms = 0", 0, 0, NULL, &n[2]) != 0 ||
	    db_recover_run(db, db_recover_when, 0, 0, NULL, &r->at_ms) != 0)
		return -1;
	r->calls = (int)n[0];
	r->sessions = (int)n[1];
	r->recordings = (int)n[2];
	return 0;
}

static int
db_recover_close(struct db *db, int64_t at_ms)
{
	for (size_t i = 0; i < sizeof db_recover_sql / sizeof *db_recover_sql;
	    i++)
		if (db_recover_run(db, db_recover_sql[i], at_ms,
		    DB_CAUSE_STOPPED, DB_REASON_STOPPED, NULL) != 0)
			return -1;
	return 0;
}

int
db_recover(struct db *db, struct db_recovery *r)
{
	*r = (struct db_recovery){ 0 };
	db_commit(db);		/* a batch's transaction cannot hold this one */
	if (db_recover_run(db, "BEGIN IMMEDIATE", 0, 0, NULL, NULL) != 0)
		return -1;
	if (db_recover_count(db, r) != 0 || (r->calls + r->sessions +
	    r->recordings > 0 && db_recover_close(db, r->at_ms) != 0) ||
	    db_recover_run(db, "COMMIT", 0, 0, NULL, NULL) != 0) {
		log_warn("database: recovery: %s", db->err);
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
		*r = (struct db_recovery){ 0 };
		return -1;
	}
	return 0;
}
