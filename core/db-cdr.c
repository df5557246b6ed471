/* db-cdr.c: writing one CDR per finished call, its own committed
 * transaction (durable across SIGKILL, see db.c). */
#include "db.h"
#include "db-private.h"

int
db_cdr_insert(struct db *db, const struct cdr *c)
{
	sqlite3_stmt *st = db_prepare(db, &db->st_cdr, "INSERT INTO cdr ("
	    "call_id, direction, start_ms, answer_ms, end_ms, cli, dnis, span, "
	    "channel, route, queue, agent, queue_enter_ms, agent_answer_ms, "
	    "wait_ms, talk_ms, cause, cleared_by, reason) VALUES "
	    "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, c->call_id, 0);
	db_bind_text(st, 2, c->direction, 0);
	sqlite3_bind_int64(st, 3, c->start_ms);
	sqlite3_bind_int64(st, 4, c->answer_ms);
	sqlite3_bind_int64(st, 5, c->end_ms);
	db_bind_text(st, 6, c->cli ? c->cli : "", 0);
	db_bind_text(st, 7, c->dnis ? c->dnis : "", 0);
	db_bind_text(st, 8, c->span ? c->span : "", 0);
	sqlite3_bind_int(st, 9, c->channel);
	db_bind_text(st, 10, c->route, 1);
	db_bind_text(st, 11, c->queue, 1);
	db_bind_text(st, 12, c->agent, 1);
	sqlite3_bind_int64(st, 13, c->queue_enter_ms);
	sqlite3_bind_int64(st, 14, c->agent_answer_ms);
	sqlite3_bind_int(st, 15, c->wait_ms);
	sqlite3_bind_int(st, 16, c->talk_ms);
	sqlite3_bind_int(st, 17, c->cause);
	db_bind_text(st, 18, c->cleared_by, 0);
	db_bind_text(st, 19, c->reason, 1);
	return db_exec_stmt(db, st);
}
