/* db.c: opening the SQLite store, upgrading its schema in place, and the
 * small helpers shared by db-cdr.c and db-event.c.
 *
 * WAL with synchronous=NORMAL: each committed transaction is in the WAL
 * file before the commit returns, so a finished call survives the core
 * being killed (SIGKILL, a crash); only a power loss may lose the last
 * transactions. FULL would fsync every call's records on the loop. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "clock.h"
#include "db.h"
#include "db-private.h"
#include "log.h"
#include "xmalloc.h"

extern const char schema_sql[];
static int db_fail_countdown;

void
db_fail_after(int n)
{
	db_fail_countdown = n;
}

/* sqlite3_step() with the test hook: the Nth step fails as an I/O error. */
int
db_step(struct db *db, sqlite3_stmt *st)
{
	if (db_fail_countdown > 0 && --db_fail_countdown == 0) {
		snprintf(db->err, sizeof db->err, "injected I/O error");
		sqlite3_reset(st);
		return SQLITE_IOERR;
	}
	return sqlite3_step(st);
}

/* Prepares once, then resets and rebinds on each use. */
sqlite3_stmt *
db_prepare(struct db *db, sqlite3_stmt **cache, const char *sql)
{
	if (*cache == NULL && sqlite3_prepare_v3(db->h, sql, -1,
	    SQLITE_PREPARE_PERSISTENT, cache, NULL) != SQLITE_OK) {
		db_set_error(db);
		return NULL;
	}
	sqlite3_reset(*cache);
	sqlite3_clear_bindings(*cache);
	return *cache;
}

void
db_set_error(struct db *db)
{
	snprintf(db->err, sizeof db->err, "%s", sqlite3_errmsg(db->h));
}

void
db_bind_text(sqlite3_stmt *st, int i, const char *s, int null_if_empty)
{
	if (s == NULL || (null_if_empty && s[0] == '\0'))
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

/* Runs a prepared write to completion; 0 or -1 with the error kept. */
int
db_exec_stmt(struct db *db, sqlite3_stmt *st)
{
	int rc = db_step(db, st);

	if (rc != SQLITE_DONE) {
		if (rc != SQLITE_IOERR || db->err[0] == '\0')
			db_set_error(db);
		log_warn("database: %s", db->err);
		sqlite3_reset(st);
		return -1;
	}
	sqlite3_reset(st);
	return 0;
}

const char *
db_last_error(struct db *db)
{
	return db->err;
}

static int
db_exec(struct db *db, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(db->h, sql, NULL, NULL, &msg) != SQLITE_OK) {
		snprintf(db->err, sizeof db->err, "%s", msg ? msg : "?");
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

static int
db_user_version(struct db *db)
{
	sqlite3_stmt	*st;
	int		 v = -1;

	if (sqlite3_prepare_v2(db->h, "PRAGMA user_version", -1, &st, NULL) ==
	    SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

int
db_schema_version(struct db *db)
{
	return db_user_version(db);
}

/* The step "-- version N" of schema_sql, or NULL. Caller frees. */
static char *
db_migration(int n)
{
	char		 mark[32];
	const char	*start, *end;

	snprintf(mark, sizeof mark, "\n-- version %d\n", n);
	if ((start = strstr(schema_sql, mark)) == NULL)
		return NULL;
	start += strlen(mark);
	end = strstr(start, "\n-- version ");
	return xstrndup(start, end ? (size_t)(end - start) : strlen(start));
}

static int
db_migrate(struct db *db, int from)
{
	for (int n = from + 1; n <= DB_SCHEMA_VERSION; n++) {
		char	*step = db_migration(n), *sql;
		int	 r;

		if (step == NULL) {
			snprintf(db->err, sizeof db->err, "schema step %d missing", n);
			return -1;
		}
		sql = xprintf("BEGIN IMMEDIATE;\n%s\nPRAGMA user_version = %d;\n"
		    "COMMIT;", step, n);
		r = db_exec(db, sql);
		free(step);
		free(sql);
		if (r != 0) {
			db_exec(db, "ROLLBACK");
			return -1;
		}
		log_info("database: schema upgraded to version %d", n);
	}
	return 0;
}

static int
db_setup(struct db *db, const char *path)
{
	sqlite3_stmt	*st;
	int		 v, wal = 0;

	sqlite3_busy_timeout(db->h, 5000);
	if (sqlite3_prepare_v2(db->h, "PRAGMA journal_mode=WAL", -1, &st,
	    NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		wal = strcmp((const char *)sqlite3_column_text(st, 0), "wal") == 0;
	sqlite3_finalize(st);
	if (!wal) {
		snprintf(db->err, sizeof db->err, "%s: cannot use WAL mode: %s",
		    path, sqlite3_errmsg(db->h));
		return -1;
	}
	if (db_exec(db, "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON") != 0)
		return -1;
	v = db_user_version(db);
	if (v > DB_SCHEMA_VERSION) {
		snprintf(db->err, sizeof db->err, "%s: schema version %d is newer "
		    "than this Centrala knows (%d): refusing to touch it", path,
		    v, DB_SCHEMA_VERSION);
		return -1;
	}
	return v < 0 ? -1 : db_migrate(db, v);
}

struct db *
db_open(const char *path, char *err, size_t errlen)
{
	struct db *db = xcalloc(1, sizeof *db);

	if (sqlite3_open_v2(path, &db->h, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		snprintf(err, errlen, "%s: %s", path, db->h ?
		    sqlite3_errmsg(db->h) : "cannot open");
		db_close(db);
		return NULL;
	}
	if (db_setup(db, path) != 0) {
		snprintf(err, errlen, "%s%s%s", strncmp(db->err, path,
		    strlen(path)) == 0 ? "" : path, strncmp(db->err, path,
		    strlen(path)) == 0 ? "" : ": ", db->err);
		db_close(db);
		return NULL;
	}
	return db;
}

void
db_close(struct db *db)
{
	if (db == NULL)
		return;
	sqlite3_finalize(db->st_cdr);
	sqlite3_finalize(db->st_event);
	sqlite3_finalize(db->st_pin_get);
	sqlite3_finalize(db->st_pin_set);
	if (db->h != NULL)
		sqlite3_close(db->h);
	free(db);
}

int64_t
db_count(struct db *db, const char *table)
{
	static const char *const allowed[] = { "cdr", "events", "pins", NULL };
	sqlite3_stmt	*st;
	char		 sql[64];
	int64_t		 n = -1;

	for (int i = 0; allowed[i] != NULL; i++) {
		if (strcmp(allowed[i], table) != 0)
			continue;
		snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", table);
		if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) == SQLITE_OK &&
		    sqlite3_step(st) == SQLITE_ROW)
			n = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	return n;
}

char *
db_pin_get(struct db *db, const char *who)
{
	sqlite3_stmt	*st = db_prepare(db, &db->st_pin_get,
	    "SELECT hash FROM pins WHERE who = ?");
	char		*hash = NULL;

	if (st == NULL)
		return NULL;
	db_bind_text(st, 1, who, 0);
	if (db_step(db, st) == SQLITE_ROW)
		hash = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	return hash;
}

int
db_pin_set(struct db *db, const char *who, const char *hash)
{
	sqlite3_stmt *st = db_prepare(db, &db->st_pin_set, "INSERT INTO pins "
	    "(who, hash, set_ms) VALUES (?, ?, ?) ON CONFLICT (who) DO UPDATE "
	    "SET hash = excluded.hash, set_ms = excluded.set_ms");

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, who, 0);
	db_bind_text(st, 2, hash, 0);
	sqlite3_bind_int64(st, 3, clock_wall_ms());
	return db_exec_stmt(db, st);
}
