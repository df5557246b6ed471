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

int
db_events_since(struct db *db, int64_t since_ms,
    void (*fn)(const struct db_event *, void *), void *arg)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (sqlite3_prepare_v2(db->h, "SELECT ts_ms, kind, call_id, agent, "
	    "queue, state, detail FROM events WHERE ts_ms >= ? ORDER BY id", -1,
	    &st, NULL) != SQLITE_OK) {
		db_set_error(db);
		return -1;
	}
	sqlite3_bind_int64(st, 1, since_ms);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct db_event e = {
			.ts_ms = sqlite3_column_int64(st, 0),
			.kind = (const char *)sqlite3_column_text(st, 1),
			.call_id = (const char *)sqlite3_column_text(st, 2),
			.agent = (const char *)sqlite3_column_text(st, 3),
			.queue = (const char *)sqlite3_column_text(st, 4),
			.state = (const char *)sqlite3_column_text(st, 5),
			.detail = (const char *)sqlite3_column_text(st, 6),
		};
		fn(&e, arg);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}
