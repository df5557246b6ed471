/* db-event.c: appending to the event table, one committed row each. */
#include "db.h"
#include "db-private.h"

int
db_event_add(struct db *db, const struct db_event *e)
{
	sqlite3_stmt *st = db_prepare(db, &db->st_event, "INSERT INTO events "
	    "(ts_ms, kind, call_id, agent, queue, state, detail) VALUES "
	    "(?,?,?,?,?,?,?)");

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, e->ts_ms);
	db_bind_text(st, 2, e->kind, 0);
	db_bind_text(st, 3, e->call_id, 1);
	db_bind_text(st, 4, e->agent, 1);
	db_bind_text(st, 5, e->queue, 1);
	db_bind_text(st, 6, e->state, 1);
	db_bind_text(st, 7, e->detail, 1);
	return db_exec_stmt(db, st);
}
