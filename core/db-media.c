/* db-media.c: the index of recordings and voicemail messages: one row
 * each, written when the file is started and closed with its outcome, so
 * a supervisor finds every file from its call (and a failed one says why). */
#include "db.h"
#include "db-private.h"

static const char db_rec_add_sql[] = "INSERT INTO recordings (call_id, path, "
    "format, why, agent, queue, start_ms) VALUES (?,?,?,?,?,?,?)";
static const char db_rec_end_sql[] = "UPDATE recordings SET end_ms = ?, "
    "paused_ms = ?, status = ?, error = ? WHERE id = ?";
static const char db_vm_add_sql[] = "INSERT INTO voicemail (call_id, box, cli, "
    "path, start_ms, duration_ms, status, error) VALUES (?,?,?,?,?,?,?,?)";

int64_t
db_recording_add(struct db *db, const struct db_recording *r)
{
	sqlite3_stmt *st = db_prepare(db, &db->st_rec_add, db_rec_add_sql);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, r->call_id, DB_TEXT_REQUIRED);
	db_bind_text(st, 2, r->path, DB_TEXT_REQUIRED);
	db_bind_text(st, 3, r->format, DB_TEXT_REQUIRED);
	db_bind_text(st, 4, r->why, DB_TEXT_REQUIRED);
	db_bind_text(st, 5, r->agent, DB_TEXT_OPTIONAL);
	db_bind_text(st, 6, r->queue, DB_TEXT_OPTIONAL);
	sqlite3_bind_int64(st, 7, r->start_ms);
	if (db_write(db, st, "recording") != 0)
		return -1;
	return sqlite3_last_insert_rowid(db->h);
}

int
db_recording_end(struct db *db, int64_t id, int64_t end_ms, int64_t paused_ms,
    const char *status, const char *error)
{
	sqlite3_stmt *st = db_prepare(db, &db->st_rec_end, db_rec_end_sql);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, end_ms);
	sqlite3_bind_int64(st, 2, paused_ms);
	db_bind_text(st, 3, status, DB_TEXT_REQUIRED);
	db_bind_text(st, 4, error, DB_TEXT_OPTIONAL);
	sqlite3_bind_int64(st, 5, id);
	return db_write(db, st, "recording end");
}

int
db_voicemail_add(struct db *db, const struct db_voicemail *v)
{
	sqlite3_stmt *st = db_prepare(db, &db->st_vm_add, db_vm_add_sql);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, v->call_id, DB_TEXT_REQUIRED);
	db_bind_text(st, 2, v->box, DB_TEXT_REQUIRED);
	db_bind_text(st, 3, v->cli, DB_TEXT_EMPTY);
	db_bind_text(st, 4, v->path, DB_TEXT_REQUIRED);
	sqlite3_bind_int64(st, 5, v->start_ms);
	sqlite3_bind_int64(st, 6, v->duration_ms);
	db_bind_text(st, 7, v->error ? "failed" : "new", DB_TEXT_REQUIRED);
	db_bind_text(st, 8, v->error, DB_TEXT_OPTIONAL);
	return db_write(db, st, "voicemail");
}
