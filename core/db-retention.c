/* db-retention.c: deleting what is older than its retention period
 * ([retention] in the config; retention.c decides when), a batch of rows
 * at a time so that the loop goes on serving calls in between. One row
 * per kind: the query that picks a batch (id, and the file's path for
 * the kinds that have files) and the statement that deletes one row. */
#include <stdio.h>
#include <string.h>
#include "db.h"
#include "db-private.h"
#include "log.h"

static const struct ret_kind {
	const char	*kind;
	const char	*files;		/* folder of the paths, or NULL */
	const char	*pick;		/* ?1 before_ms, ?2 limit */
	const char	*drop;		/* ?1 the id */
	const char	*drop2;		/* then this too, or NULL */
} ret_kinds[] = {
	{ "recordings", "recordings/", "SELECT id, path FROM recordings WHERE "
	    "start_ms < ?1 AND end_ms > 0 ORDER BY start_ms LIMIT ?2",
	  "DELETE FROM recordings WHERE id = ?1", NULL },
	{ "voicemail", "voicemail/", "SELECT id, path FROM voicemail WHERE "
	    "start_ms < ?1 ORDER BY start_ms LIMIT ?2",
	  "DELETE FROM voicemail WHERE id = ?1", NULL },
	{ "cdr", NULL, "SELECT id FROM cdr WHERE start_ms < ?1 ORDER BY "
	    "start_ms LIMIT ?2", "DELETE FROM cdr WHERE id = ?1", NULL },
	{ "events", NULL, "SELECT id FROM events WHERE ts_ms < ?1 ORDER BY "
	    "ts_ms LIMIT ?2", "DELETE FROM events WHERE id = ?1", NULL },
	{ "callbacks", NULL, "SELECT id FROM callbacks WHERE state != "
	    "'waiting' AND requested_ms < ?1 LIMIT ?2",
	  "DELETE FROM callbacks WHERE id = ?1", NULL },
	{ "attempts", NULL, "SELECT id FROM attempts WHERE ts_ms < ?1 LIMIT ?2",
	  "DELETE FROM attempts WHERE id = ?1", NULL },
	{ "customers_idle", NULL, "SELECT id FROM customers c WHERE "
	    "updated_ms < ?1 AND NOT EXISTS (SELECT 1 FROM contacts WHERE "
	    "customer_id = c.id AND start_ms >= ?1) LIMIT ?2",
	  "DELETE FROM contacts WHERE customer_id = ?1",
	  "DELETE FROM customers WHERE id = ?1" },
};

/* Deletes the row ID with each prepared statement of DROP (NULL ends). */
static int
ret_drop(struct db *db, sqlite3_stmt *const *drop, int64_t id)
{
	int rc = SQLITE_DONE;

	for (; *drop != NULL && rc == SQLITE_DONE; drop++) {
		sqlite3_bind_int64(*drop, 1, id);
		rc = db_step(db, *drop);
		sqlite3_reset(*drop);
	}
	return rc == SQLITE_DONE ? 0 : -1;
}

int
db_retention_batch(struct db *db, const char *kind, int64_t before_ms,
    int limit, json_t *files)
{
	const struct ret_kind	*k = NULL;
	sqlite3_stmt		*st, *drop[3] = { NULL, NULL, NULL };
	json_t			*ids = json_array(), *v;
	char			 path[1024];
	size_t			 i;
	int			 rc, n = 0;

	for (i = 0; i < sizeof ret_kinds / sizeof ret_kinds[0]; i++)
		if (strcmp(ret_kinds[i].kind, kind) == 0)
			k = &ret_kinds[i];
	if (k == NULL || sqlite3_prepare_v2(db->h, k->pick, -1, &st, NULL) !=
	    SQLITE_OK) {
		log_warn("database: retention of %s: %s", kind, k == NULL ?
		    "unknown kind" : sqlite3_errmsg(db->h));
		json_decref(ids);
		return -1;
	}
	sqlite3_bind_int64(st, 1, before_ms);
	sqlite3_bind_int(st, 2, limit);
	while ((rc = db_step(db, st)) == SQLITE_ROW) {
		json_array_append_new(ids, json_integer(
		    sqlite3_column_int64(st, 0)));
		if (k->files != NULL) {
			snprintf(path, sizeof path, "%s%s", k->files,
			    (const char *)sqlite3_column_text(st, 1));
			json_array_append_new(files, json_string(path));
		}
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE && json_array_size(ids) > 0 &&
	    (sqlite3_prepare_v2(db->h, k->drop, -1, &drop[0], NULL) !=
	    SQLITE_OK || (k->drop2 != NULL && sqlite3_prepare_v2(db->h,
	    k->drop2, -1, &drop[1], NULL) != SQLITE_OK))) {
		snprintf(db->err, sizeof db->err, "%s", sqlite3_errmsg(db->h));
		rc = SQLITE_ERROR;
	}
	json_array_foreach(ids, i, v) {
		if (rc != SQLITE_DONE)
			break;
		if (ret_drop(db, drop, json_integer_value(v)) != 0)
			rc = SQLITE_ERROR;
		else
			n++;
	}
	sqlite3_finalize(drop[0]);
	sqlite3_finalize(drop[1]);
	json_decref(ids);
	if (rc != SQLITE_DONE) {
		log_warn("database: retention of %s: %s", kind, db->err);
		return -1;
	}
	return n;
}
