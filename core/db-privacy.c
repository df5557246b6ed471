/* db-privacy.c: a customer's personal data, exported or erased on their
 * request (docs/ADMIN.md). One selection serves both: temp tables of the
 * customer's number keys, calls (linked contacts, or a CDR whose other
 * party has one of the numbers) and campaign records; then one table of
 * the kinds of rows, each with the query that lists it and the statement
 * that erases it. Matching numbers scans cdr, voicemail, callbacks and
 * records (a phone_key() SQL function): fine for a request an admin makes
 * now and then, not for a call's path. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "clock.h"
#include "db.h"
#include "db-private.h"
#include "log.h"

#define ERASED	"erased"

/* SQL phone_key(TEXT): db_phone_key(), so that numbers match as the
 * screen pop matches them. */
static void
priv_phone_key_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	char key[16];

	(void)argc;
	db_phone_key((const char *)sqlite3_value_text(argv[0]), key, sizeof key);
	sqlite3_result_text(ctx, key, -1, SQLITE_TRANSIENT);
}

/* The selection; ?1 is the customer's id. */
static const char *const priv_select[] = {
	"CREATE TEMP TABLE IF NOT EXISTS priv_keys (k TEXT PRIMARY KEY)",
	"CREATE TEMP TABLE IF NOT EXISTS priv_calls (call_id TEXT PRIMARY KEY)",
	"CREATE TEMP TABLE IF NOT EXISTS priv_records (id INTEGER PRIMARY KEY)",
	"DELETE FROM temp.priv_keys",
	"DELETE FROM temp.priv_calls",
	"DELETE FROM temp.priv_records",
	"INSERT OR IGNORE INTO temp.priv_keys SELECT phone_key FROM customers "
	    "WHERE id = ?1 AND length(phone_key) >= 3 UNION SELECT phone2_key "
	    "FROM customers WHERE id = ?1 AND length(phone2_key) >= 3",
	"INSERT OR IGNORE INTO temp.priv_calls SELECT call_id FROM contacts "
	    "WHERE customer_id = ?1 OR (customer_id IS NULL AND "
	    "phone_key(number) IN temp.priv_keys)",
	"INSERT OR IGNORE INTO temp.priv_calls SELECT call_id FROM cdr WHERE "
	    "phone_key(CASE direction WHEN 'in' THEN cli ELSE dnis END) IN "
	    "temp.priv_keys",
	"INSERT OR IGNORE INTO temp.priv_records SELECT id FROM records WHERE "
	    "phone_key(phone) IN temp.priv_keys",
};

/* Each kind of row: the export's key, its query, how an erase treats it
 * (in this order: files are listed before their rows go, numbers in
 * events are scrubbed before the CDRs lose them). */
static const struct priv_kind {
	const char	*key;
	const char	*select;
	const char	*erase;
} priv_kinds[] = {
	{ "contacts", "SELECT * FROM contacts WHERE customer_id = ?1 OR "
	    "call_id IN temp.priv_calls ORDER BY start_ms",
	  "DELETE FROM contacts WHERE customer_id = ?1 OR call_id IN "
	    "temp.priv_calls" },
	{ "calls", "SELECT * FROM cdr WHERE call_id IN temp.priv_calls "
	    "ORDER BY start_ms",
	  "UPDATE cdr SET cli = CASE direction WHEN 'in' THEN '" ERASED "' "
	    "ELSE cli END, dnis = CASE direction WHEN 'out' THEN '" ERASED "' "
	    "ELSE dnis END, vars = NULL WHERE call_id IN temp.priv_calls" },
	{ "recordings", "SELECT * FROM recordings WHERE call_id IN "
	    "temp.priv_calls ORDER BY start_ms",
	  "DELETE FROM recordings WHERE call_id IN temp.priv_calls" },
	{ "voicemail", "SELECT * FROM voicemail WHERE call_id IN "
	    "temp.priv_calls OR phone_key(cli) IN temp.priv_keys ORDER BY "
	    "start_ms",
	  "DELETE FROM voicemail WHERE call_id IN temp.priv_calls OR "
	    "phone_key(cli) IN temp.priv_keys" },
	{ "callbacks", "SELECT * FROM callbacks WHERE parent IN "
	    "temp.priv_calls OR phone_key(number) IN temp.priv_keys ORDER BY "
	    "requested_ms",
	  "DELETE FROM callbacks WHERE parent IN temp.priv_calls OR "
	    "phone_key(number) IN temp.priv_keys" },
	{ "attempts", "SELECT * FROM attempts WHERE record_id IN "
	    "temp.priv_records ORDER BY ts_ms",
	  "DELETE FROM attempts WHERE record_id IN temp.priv_records" },
	{ "records", "SELECT r.*, l.campaign, l.name AS list FROM records r "
	    "JOIN lists l ON l.id = r.list_id WHERE r.id IN temp.priv_records",
	  "DELETE FROM records WHERE id IN temp.priv_records" },
};
#define PRIV_NKINDS	(sizeof priv_kinds / sizeof priv_kinds[0])

/* What identifies the person in events' details: their name and numbers
 * as stored, and the other party's number of each of their calls. */
static const char priv_strings_sql[] =
	"SELECT name FROM customers WHERE id = ?1 UNION "
	"SELECT phone FROM customers WHERE id = ?1 UNION "
	"SELECT phone2 FROM customers WHERE id = ?1 UNION "
	"SELECT email FROM customers WHERE id = ?1 UNION "
	"SELECT CASE direction WHEN 'in' THEN cli ELSE dnis END FROM cdr "
	    "WHERE call_id IN temp.priv_calls UNION "
	"SELECT number FROM callbacks WHERE parent IN temp.priv_calls OR "
	    "phone_key(number) IN temp.priv_keys UNION "
	"SELECT phone FROM records WHERE id IN temp.priv_records UNION "
	"SELECT name FROM records WHERE id IN temp.priv_records";

/* Runs SQL with ?1 bound to ID, stepping to the end: 0 or -1. Not through
 * db_step(): an erase runs its own transaction, outside the batch's. */
static int
priv_exec(struct db *db, const char *sql, int64_t id)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK) {
		snprintf(db->err, sizeof db->err, "%s", sqlite3_errmsg(db->h));
		return -1;
	}
	if (sqlite3_bind_parameter_count(st) >= 1)
		sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		;
	if (rc != SQLITE_DONE)
		snprintf(db->err, sizeof db->err, "%s", sqlite3_errmsg(db->h));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int
priv_select_all(struct db *db, int64_t id)
{
	sqlite3_create_function(db->h, "phone_key", 1, SQLITE_UTF8 |
	    SQLITE_DETERMINISTIC, NULL, priv_phone_key_fn, NULL, NULL);
	for (size_t i = 0; i < sizeof priv_select / sizeof priv_select[0]; i++)
		if (priv_exec(db, priv_select[i], id) != 0)
			return -1;
	return 0;
}

/* The rows of a query as objects, column names as keys. */
static json_t *
priv_rows(struct db *db, const char *sql, int64_t id)
{
	sqlite3_stmt	*st;
	json_t		*a = json_array(), *o, *v;
	int		 rc;

	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK) {
		snprintf(db->err, sizeof db->err, "%s", sqlite3_errmsg(db->h));
		json_decref(a);
		return NULL;
	}
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		o = json_object();
		for (int c = 0; c < sqlite3_column_count(st); c++) {
			switch (sqlite3_column_type(st, c)) {
			case SQLITE_INTEGER:
				v = json_integer(sqlite3_column_int64(st, c));
				break;
			case SQLITE_FLOAT:
				v = json_real(sqlite3_column_double(st, c));
				break;
			case SQLITE_NULL:
				v = json_null();
				break;
			default:
				v = json_string((const char *)
				    sqlite3_column_text(st, c));
			}
			json_object_set_new(o, sqlite3_column_name(st, c),
			    v != NULL ? v : json_null());
		}
		json_array_append_new(a, o);
	}
	if (rc != SQLITE_DONE) {
		snprintf(db->err, sizeof db->err, "%s", sqlite3_errmsg(db->h));
		json_decref(a);
		a = NULL;
	}
	sqlite3_finalize(st);
	return a;
}

json_t *
db_privacy_export(struct db *db, int64_t id)
{
	json_t	*doc, *c, *rows;

	if ((c = db_customer_get(db, id, 0, NULL)) == NULL)
		return NULL;
	if (priv_select_all(db, id) != 0) {
		log_warn("database: export of customer %lld: %s",
		    (long long)id, db->err);
		json_decref(c);
		return NULL;
	}
	doc = json_pack("{s:I,s:o}", "exported_ms", (json_int_t)clock_wall_ms(),
	    "customer", c);
	for (size_t i = 0; i < PRIV_NKINDS; i++) {
		if ((rows = priv_rows(db, priv_kinds[i].select, id)) == NULL) {
			log_warn("database: export of customer %lld: %s",
			    (long long)id, db->err);
			json_decref(doc);
			return NULL;
		}
		json_object_set_new(doc, priv_kinds[i].key, rows);
	}
	return doc;
}

/* Paths of the recordings and voicemail files, relative to the state
 * directory, before their rows go. */
static int
priv_files(struct db *db, int64_t id, json_t *files)
{
	static const char *const sql[][2] = {
		{ "recordings/", "SELECT path FROM recordings WHERE call_id IN "
		    "temp.priv_calls" },
		{ "voicemail/", "SELECT path FROM voicemail WHERE call_id IN "
		    "temp.priv_calls OR phone_key(cli) IN temp.priv_keys" },
	};
	json_t	*rows;
	size_t	 j;
	json_t	*r;
	char	 path[1024];

	for (size_t i = 0; i < sizeof sql / sizeof sql[0]; i++) {
		if ((rows = priv_rows(db, sql[i][1], id)) == NULL)
			return -1;
		json_array_foreach(rows, j, r) {
			snprintf(path, sizeof path, "%s%s", sql[i][0],
			    json_string_value(json_object_get(r, "path")));
			json_array_append_new(files, json_string(path));
		}
		json_decref(rows);
	}
	return 0;
}

/* Replaces every identifying string of the person in events' details. */
static int
priv_scrub_events(struct db *db, int64_t id)
{
	json_t		*strings;
	sqlite3_stmt	*st;
	size_t		 i;
	json_t		*r;
	const char	*s;
	int		 rc = 0;

	if ((strings = priv_rows(db, priv_strings_sql, id)) == NULL)
		return -1;
	if (sqlite3_prepare_v2(db->h, "UPDATE events SET detail = "
	    "replace(detail, ?1, '" ERASED "') WHERE instr(detail, ?1) > 0",
	    -1, &st, NULL) != SQLITE_OK) {
		snprintf(db->err, sizeof db->err, "%s", sqlite3_errmsg(db->h));
		json_decref(strings);
		return -1;
	}
	json_array_foreach(strings, i, r) {
		s = json_string_value(json_object_iter_value(
		    json_object_iter(r)));
		if (s == NULL || strlen(s) < 3)
			continue;	/* '' or a stub would erase too much */
		sqlite3_bind_text(st, 1, s, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(st) != SQLITE_DONE) {
			snprintf(db->err, sizeof db->err, "%s",
			    sqlite3_errmsg(db->h));
			rc = -1;
			break;
		}
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	json_decref(strings);
	return rc;
}

static int
priv_erase_rows(struct db *db, int64_t id, const char *who, json_t *counts,
    json_t *files)
{
	sqlite3_stmt	*st;
	char		*text;
	int		 rc;

	if (priv_select_all(db, id) != 0 || priv_files(db, id, files) != 0 ||
	    priv_scrub_events(db, id) != 0)
		return -1;
	for (size_t i = 0; i < PRIV_NKINDS; i++) {
		if (priv_exec(db, priv_kinds[i].erase, id) != 0)
			return -1;
		json_object_set_new(counts, priv_kinds[i].key,
		    json_integer(sqlite3_changes(db->h)));
	}
	json_object_set_new(counts, "files", json_integer(
	    (json_int_t)json_array_size(files)));
	if (priv_exec(db, "DELETE FROM customers WHERE id = ?1", id) != 0)
		return -1;
	if (sqlite3_prepare_v2(db->h, "INSERT INTO erasures (ts_ms, erased_by, "
	    "customer_id, counts) VALUES (?,?,?,?)", -1, &st, NULL) != SQLITE_OK)
		return -1;
	text = json_dumps(counts, JSON_COMPACT | JSON_SORT_KEYS);
	sqlite3_bind_int64(st, 1, clock_wall_ms());
	sqlite3_bind_text(st, 2, who, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 3, id);
	sqlite3_bind_text(st, 4, text, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	free(text);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Copies the WAL into the database and empties it: 0, or -1 when a
 * reader (a backup being taken) kept it from finishing. */
static int
priv_checkpoint(struct db *db)
{
	sqlite3_stmt	*st;
	int		 busy = 1;

	if (sqlite3_prepare_v2(db->h, "PRAGMA wal_checkpoint(TRUNCATE)", -1,
	    &st, NULL) != SQLITE_OK) {
		snprintf(db->err, sizeof db->err, "%s", sqlite3_errmsg(db->h));
		return -1;
	}
	if (sqlite3_step(st) == SQLITE_ROW)
		busy = sqlite3_column_int(st, 0);
	else
		snprintf(db->err, sizeof db->err, "%s", sqlite3_errmsg(db->h));
	sqlite3_finalize(st);
	if (busy)
		snprintf(db->err, sizeof db->err, "busy: a reader holds it");
	return busy ? -1 : 0;
}

int
db_privacy_erase(struct db *db, int64_t id, const char *who, json_t **counts,
    json_t **files)
{
	json_t	*c;

	*counts = json_object();
	*files = json_array();
	if ((c = db_customer_get(db, id, 0, NULL)) == NULL)
		return 0;
	json_decref(c);
	db_commit(db);		/* a batch's transaction cannot hold this one */
	/* Deleted rows are overwritten with zeros, not left in free pages. */
	priv_exec(db, "PRAGMA secure_delete = ON", 0);
	if (priv_exec(db, "BEGIN IMMEDIATE", 0) != 0 ||
	    priv_erase_rows(db, id, who, *counts, *files) != 0 ||
	    priv_exec(db, "COMMIT", 0) != 0) {
		log_warn("database: erase of customer %lld: %s", (long long)id,
		    db->err);
		if (!sqlite3_get_autocommit(db->h))
			sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
		priv_exec(db, "PRAGMA secure_delete = OFF", 0);
		json_array_clear(*files);
		return -1;
	}
	priv_exec(db, "PRAGMA secure_delete = OFF", 0);
	/* The WAL still holds the pages as they were: copy the new ones in
	 * and empty it (a reader in the way leaves it for the next
	 * checkpoint, said in the log). */
	if (priv_checkpoint(db) != 0)
		log_warn("database: after an erase, the WAL could not be "
		    "emptied (%s): the erased rows' old pages stay in it until "
		    "the next checkpoint", db->err);
	return 1;
}
