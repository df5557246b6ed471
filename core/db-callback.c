/* db-callback.c: the callbacks table: a caller's request to be called
 * back, kept from the moment it is confirmed until it is done or has
 * failed, so that a core restart loses no caller's place in line. */
#include "db.h"
#include "db-private.h"
#include "log.h"

static const char db_cb_add_sql[] = "INSERT INTO callbacks (parent, number, "
    "queue, priority, requested_ms, place_ms, state, cli, due_ms, for_agent, "
    "note) VALUES (?,?,?,?,?,?,?,?,?,?,?)";
static const char db_cb_update_sql[] = "UPDATE callbacks SET attempts = ?, "
    "last_ms = ?, last_cause = ?, state = ?, agent = ?, done_ms = CASE WHEN "
    "?4 = 'waiting' THEN 0 ELSE ?2 END WHERE id = ?";

int64_t
db_callback_add(struct db *db, const struct db_callback *cb)
{
	sqlite3_stmt *st = db_prepare(db, &db->st_cb_add, db_cb_add_sql);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, cb->parent, DB_TEXT_OPTIONAL);
	db_bind_text(st, 2, cb->number, DB_TEXT_REQUIRED);
	db_bind_text(st, 3, cb->queue, DB_TEXT_REQUIRED);
	sqlite3_bind_int(st, 4, cb->priority);
	sqlite3_bind_int64(st, 5, cb->requested_ms);
	sqlite3_bind_int64(st, 6, cb->place_ms);
	db_bind_text(st, 7, cb->state ? cb->state : "waiting", DB_TEXT_REQUIRED);
	db_bind_text(st, 8, cb->cli, DB_TEXT_EMPTY);
	sqlite3_bind_int64(st, 9, cb->due_ms);
	db_bind_text(st, 10, cb->for_agent, DB_TEXT_OPTIONAL);
	db_bind_text(st, 11, cb->note, DB_TEXT_OPTIONAL);
	if (db_write(db, st, "callback") != 0)
		return -1;
	return sqlite3_last_insert_rowid(db->h);
}

int
db_callback_update(struct db *db, const struct db_callback *cb)
{
	sqlite3_stmt *st = db_prepare(db, &db->st_cb_update, db_cb_update_sql);

	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, cb->attempts);
	sqlite3_bind_int64(st, 2, cb->last_ms);
	sqlite3_bind_int(st, 3, cb->last_cause);
	db_bind_text(st, 4, cb->state, DB_TEXT_REQUIRED);
	db_bind_text(st, 5, cb->agent, DB_TEXT_OPTIONAL);
	sqlite3_bind_int64(st, 6, cb->id);
	return db_write(db, st, "callback update");
}

int
db_callbacks_waiting(struct db *db,
    void (*fn)(const struct db_callback *, void *), void *arg)
{
	sqlite3_stmt		*st;
	struct db_callback	 cb = { 0 };
	int			 rc;

	if (sqlite3_prepare_v2(db->h, "SELECT id, parent, number, queue, "
	    "priority, requested_ms, place_ms, attempts, last_ms, last_cause, cli, "
	    "due_ms, for_agent, note "
	    "FROM callbacks WHERE state = 'waiting' ORDER BY place_ms, id", -1,
	    &st, NULL) != SQLITE_OK) {
		log_warn("database: callbacks not read: %s",
		    sqlite3_errmsg(db->h));
		return -1;
	}
	while ((rc = db_step(db, st)) == SQLITE_ROW) {
		cb.id = sqlite3_column_int64(st, 0);
		cb.parent = (const char *)sqlite3_column_text(st, 1);
		cb.number = (const char *)sqlite3_column_text(st, 2);
		cb.queue = (const char *)sqlite3_column_text(st, 3);
		cb.priority = sqlite3_column_int(st, 4);
		cb.requested_ms = sqlite3_column_int64(st, 5);
		cb.place_ms = sqlite3_column_int64(st, 6);
		cb.attempts = sqlite3_column_int(st, 7);
		cb.last_ms = sqlite3_column_int64(st, 8);
		cb.last_cause = sqlite3_column_int(st, 9);
		cb.cli = (const char *)sqlite3_column_text(st, 10);
		cb.due_ms = sqlite3_column_int64(st, 11);
		cb.for_agent = (const char *)sqlite3_column_text(st, 12);
		cb.note = (const char *)sqlite3_column_text(st, 13);
		cb.state = "waiting";
		fn(&cb, arg);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		log_warn("database: callbacks not read: %s", db->err);
		return -1;
	}
	return 0;
}
