/* db-cdr.c: writing one CDR per finished call, its own committed
 * transaction (durable across SIGKILL, see db.c).
 *
 * Absent strings: call_id, direction and cleared_by are required (NULL
 * fails the insert); cli, dnis and span are stored as '' when NULL ('' is
 * how struct cdr says "withheld"); route, queue, agent and reason are
 * ivr and vars are stored as NULL when NULL or '', so reports ask "queue
 * IS NULL" only. */
#include "db.h"
#include "db-private.h"

static const char db_cdr_sql[] = "INSERT INTO cdr (call_id, direction, "
    "start_ms, answer_ms, end_ms, cli, dnis, span, channel, route, queue, "
    "agent, queue_enter_ms, agent_answer_ms, wait_ms, talk_ms, cause, "
    "cleared_by, reason, ivr, vars, hold_ms, parent) VALUES "
    "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

int
db_cdr_insert(struct db *db, const struct cdr *c)
{
	sqlite3_stmt *st = db_prepare(db, &db->st_cdr, db_cdr_sql);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, c->call_id, DB_TEXT_REQUIRED);
	db_bind_text(st, 2, c->direction, DB_TEXT_REQUIRED);
	sqlite3_bind_int64(st, 3, c->start_ms);
	sqlite3_bind_int64(st, 4, c->answer_ms);
	sqlite3_bind_int64(st, 5, c->end_ms);
	db_bind_text(st, 6, c->cli, DB_TEXT_EMPTY);
	db_bind_text(st, 7, c->dnis, DB_TEXT_EMPTY);
	db_bind_text(st, 8, c->span, DB_TEXT_EMPTY);
	sqlite3_bind_int(st, 9, c->channel);
	db_bind_text(st, 10, c->route, DB_TEXT_OPTIONAL);
	db_bind_text(st, 11, c->queue, DB_TEXT_OPTIONAL);
	db_bind_text(st, 12, c->agent, DB_TEXT_OPTIONAL);
	sqlite3_bind_int64(st, 13, c->queue_enter_ms);
	sqlite3_bind_int64(st, 14, c->agent_answer_ms);
	sqlite3_bind_int(st, 15, c->wait_ms);
	sqlite3_bind_int(st, 16, c->talk_ms);
	sqlite3_bind_int(st, 17, c->cause);
	db_bind_text(st, 18, c->cleared_by, DB_TEXT_REQUIRED);
	db_bind_text(st, 19, c->reason, DB_TEXT_OPTIONAL);
	db_bind_text(st, 20, c->ivr, DB_TEXT_OPTIONAL);
	db_bind_text(st, 21, c->vars, DB_TEXT_OPTIONAL);
	sqlite3_bind_int(st, 22, c->hold_ms);
	db_bind_text(st, 23, c->parent, DB_TEXT_OPTIONAL);
	return db_write(db, st, "CDR");
}
