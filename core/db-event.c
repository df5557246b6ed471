/* db-event.c: appending to the event table, one committed row each, and
 * reading it back in order (the live statistics are primed from it).
 * kind is required; call_id, agent, queue, state and detail are stored as
 * NULL when NULL or ''. */
#include "db.h"
#include "db-private.h"
#include "log.h"

static const char db_event_sql[] = "INSERT INTO events (ts_ms, kind, "
    "call_id, agent, queue, state, detail) VALUES (?,?,?,?,?,?,?)";

int
db_event_add(struct db *db, const struct db_event *e)
{
	sqlite3_stmt *st = db_prepare(db, &db->st_event, db_event_sql);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, e->ts_ms);
	db_bind_text(st, 2, e->kind, DB_TEXT_REQUIRED);
	db_bind_text(st, 3, e->call_id, DB_TEXT_OPTIONAL);
	db_bind_text(st, 4, e->agent, DB_TEXT_OPTIONAL);
	db_bind_text(st, 5, e->queue, DB_TEXT_OPTIONAL);
	db_bind_text(st, 6, e->state, DB_TEXT_OPTIONAL);
	db_bind_text(st, 7, e->detail, DB_TEXT_OPTIONAL);
	return db_write(db, st, "event");
}

static void
db_event_row(sqlite3_stmt *st, struct db_event *e)
{
	e->ts_ms = sqlite3_column_int64(st, 0);
	e->kind = (const char *)sqlite3_column_text(st, 1);
	e->call_id = (const char *)sqlite3_column_text(st, 2);
	e->agent = (const char *)sqlite3_column_text(st, 3);
	e->queue = (const char *)sqlite3_column_text(st, 4);
	e->state = (const char *)sqlite3_column_text(st, 5);
	e->detail = (const char *)sqlite3_column_text(st, 6);
}

/* The strings given to fn live until fn returns. */
int
db_events_since(struct db *db, int64_t since_ms,
    void (*fn)(const struct db_event *, void *), void *arg)
{
	sqlite3_stmt	*st;
	struct db_event	 e;
	int		 rc;

	if (sqlite3_prepare_v2(db->h, "SELECT ts_ms, kind, call_id, agent, "
	    "queue, state, detail FROM events WHERE ts_ms >= ? ORDER BY id", -1,
	    &st, NULL) != SQLITE_OK) {
		log_warn("database: events not read: %s", sqlite3_errmsg(db->h));
		return -1;
	}
	sqlite3_bind_int64(st, 1, since_ms);
	while ((rc = db_step(db, st)) == SQLITE_ROW) {
		db_event_row(st, &e);
		fn(&e, arg);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		log_warn("database: events not read: %s", db->err);
		return -1;
	}
	return 0;
}
