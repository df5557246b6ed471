/* db.c: opening the SQLite store and upgrading its schema in place
 * (data/schema.sql), closing it, PIN overrides, counts, and the helpers
 * db-cdr.c and db-event.c share: cached statements and the one
 * sqlite3_step() wrapper that the test hook db_fail_after() can make fail.
 *
 * WAL with synchronous=NORMAL. A commit appends the transaction to the
 * -wal file with write(2) before sqlite3_step() returns, so once it returns
 * the rows are in the kernel's page cache: they survive the core being
 * killed (SIGKILL, a crash), and the next open replays the WAL. Only a
 * power loss or a kernel crash can lose the transactions committed since
 * the last checkpoint (NORMAL syncs the WAL at checkpoints); the database
 * is never corrupted. FULL would fsync the WAL at every commit, on the
 * event loop.
 *
 * One transaction per loop pass (db_set_batch(), set by the core's loop):
 * the first write of a pass opens it (BEGIN IMMEDIATE, in db_step(), the
 * one place every statement passes), db_commit() closes it. A commit per
 * write was ~40% of the core at 200 calls/s (docs/PERFORMANCE.md). The
 * loop runs one pass at a time (core_run(), core.c: event_base_loop with
 * EVLOOP_ONCE, libevent 2.1 having no hook before it sleeps) and commits
 * between passes, before it sleeps again; only then does it release what
 * the pass held back: client output (conn.c) and D-channel frames
 * (span-vspan.c). Write-ahead: nothing a pass tells the outside world
 * leaves the core before that pass's rows are committed, so kill -9 loses
 * only rows whose state nobody outside has seen. A failed COMMIT is
 * logged as an error naming how many writes were lost, rolled back, and
 * the core goes on, as after a failed write; the next write opens a new
 * transaction. Without batch (tests, tools) every write is its own
 * transaction, as before. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sqlite3.h>
#include "clock.h"
#include "db.h"
#include "db-private.h"
#include "log.h"
#include "xmalloc.h"

#define DB_STEP_MARK		"-- version "

extern const char schema_sql[];
static int db_fail_countdown, db_fail_commits;

void
db_fail_after(int n)
{
	db_fail_countdown = n;
}

void
db_fail_commit_after(int n)
{
	db_fail_commits = n;
}

static void __attribute__((format(printf, 2, 3)))
db_errorf(struct db *db, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(db->err, sizeof db->err, fmt, ap);
	va_end(ap);
}

/* Opens the pass's transaction at its first write. IMMEDIATE takes the
 * write lock now, so the COMMIT cannot fail on a reader's lock later. */
static int
db_begin(struct db *db)
{
	if (sqlite3_exec(db->h, "BEGIN IMMEDIATE", NULL, NULL, NULL) !=
	    SQLITE_OK) {
		db_errorf(db, "BEGIN: %s", sqlite3_errmsg(db->h));
		return -1;
	}
	db->in_txn = 1;
	db->pending = 0;
	return 0;
}

/* Some errors (I/O, full disk) make SQLite roll the whole transaction
 * back: the pass's earlier writes are gone, and the next write opens a
 * new transaction. */
static void
db_lost(struct db *db)
{
	if (!db->in_txn || !sqlite3_get_autocommit(db->h))
		return;
	log_error("database: transaction rolled back, %d writes of this pass "
	    "lost: %s", db->pending, db->err);
	db->in_txn = 0;
	db->pending = 0;
}

void
db_set_batch(struct db *db, int on)
{
	if (!on)
		db_commit(db);
	db->batch = on;
}

int
db_pending(struct db *db)
{
	return db->in_txn ? db->pending : 0;
}

/* A unit of writes that stands or falls whole (an import, a batch of
 * rows a request makes): outside batch its own transaction; in batch a
 * savepoint inside the pass's transaction (opened now if need be), so a
 * rollback undoes the unit alone and a release leaves it to the pass's
 * one commit, before the reply is released. */
int
db_unit_begin(struct db *db)
{
	const char *sql = db->batch ? "SAVEPOINT unit" : "BEGIN IMMEDIATE";

	if (db->batch && !db->in_txn && db_begin(db) != 0)
		return -1;
	if (sqlite3_exec(db->h, sql, NULL, NULL, NULL) != SQLITE_OK) {
		db_errorf(db, "%s: %s", sql, sqlite3_errmsg(db->h));
		return -1;
	}
	return 0;
}

int
db_unit_commit(struct db *db)
{
	const char *sql = db->batch ? "RELEASE unit" : "COMMIT";

	if (sqlite3_exec(db->h, sql, NULL, NULL, NULL) != SQLITE_OK) {
		db_errorf(db, "%s: %s", sql, sqlite3_errmsg(db->h));
		return -1;
	}
	return 0;
}

void
db_unit_rollback(struct db *db)
{
	if (sqlite3_get_autocommit(db->h))
		return;		/* SQLite rolled it back already */
	if (db->batch)
		sqlite3_exec(db->h, "ROLLBACK TO unit; RELEASE unit", NULL, NULL,
		    NULL);
	else
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
}

/* Commits the open transaction, if any. A failure loses every write of
 * it: said loudly, rolled back, and the next write starts afresh. The test
 * hook db_fail_commit_after() makes the Nth commit fail. */
int
db_commit(struct db *db)
{
	int	 n = db->pending, rc;

	if (!db->in_txn)
		return 0;
	db->in_txn = 0;
	db->pending = 0;
	if (db_fail_commits > 0 && --db_fail_commits == 0) {
		db_errorf(db, "disk I/O error (injected by db_fail_commit_after)");
		rc = SQLITE_IOERR;
	} else if ((rc = sqlite3_exec(db->h, "COMMIT", NULL, NULL, NULL)) !=
	    SQLITE_OK)
		db_errorf(db, "%s", sqlite3_errmsg(db->h));
	if (rc == SQLITE_OK)
		return 0;
	log_error("database: COMMIT failed, %d writes of this pass lost: %s",
	    n, db->err);
	if (!sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

/* A statement used once (a query or write of a request, not a hot
 * path): prepared, or NULL with the error logged. */
sqlite3_stmt *
db_once(struct db *db, const char *sql)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK) {
		db_errorf(db, "%s", sqlite3_errmsg(db->h));
		log_warn("database: %s", db->err);
		return NULL;
	}
	return st;
}

/* Runs a db_once() write and frees it: rows changed, or -1 (logged, with
 * what was not written). A NULL statement (its prepare failed) is -1. */
int
db_run_once(struct db *db, sqlite3_stmt *st, const char *what)
{
	int rc;

	if (st == NULL)
		return -1;
	rc = db_step(db, st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		log_warn("database: %s not written: %s", what, db->err);
		return -1;
	}
	return sqlite3_changes(db->h);
}

/* Every sqlite3_step() goes through here: the test hook's Nth step fails
 * as a disk I/O error would, and a failure's message is kept. */
int
db_step(struct db *db, sqlite3_stmt *st)
{
	int rc;

	if (db_fail_countdown > 0 && --db_fail_countdown == 0) {
		sqlite3_reset(st);
		db_errorf(db, "disk I/O error (injected by db_fail_after)");
		return SQLITE_IOERR;
	}
	if (db->batch && !db->in_txn && !sqlite3_stmt_readonly(st) &&
	    db_begin(db) != 0)
		return SQLITE_ERROR;
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE && db->in_txn && !sqlite3_stmt_readonly(st))
		db->pending++;
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		db_errorf(db, "%s", sqlite3_errmsg(db->h));
		db_lost(db);
	}
	return rc;
}

/* Prepares once, then resets and unbinds on each use. */
sqlite3_stmt *
db_prepare(struct db *db, sqlite3_stmt **cache, const char *sql)
{
	if (*cache == NULL && sqlite3_prepare_v3(db->h, sql, -1,
	    SQLITE_PREPARE_PERSISTENT, cache, NULL) != SQLITE_OK) {
		db_errorf(db, "%s", sqlite3_errmsg(db->h));
		log_warn("database: %s", db->err);
		return NULL;
	}
	sqlite3_reset(*cache);
	sqlite3_clear_bindings(*cache);
	return *cache;
}

void
db_bind_text(sqlite3_stmt *st, int i, const char *s, enum db_text how)
{
	if (s == NULL && how == DB_TEXT_EMPTY)
		s = "";
	if (s == NULL || (s[0] == '\0' && how == DB_TEXT_OPTIONAL))
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

/* Runs a prepared write to completion: its own transaction, or the pass's
 * in batch. */
int
db_write(struct db *db, sqlite3_stmt *st, const char *what)
{
	int rc = db_step(db, st);

	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		log_warn("database: %s not written: %s", what, db->err);
		return -1;
	}
	return 0;
}

const char *
db_last_error(struct db *db)
{
	return db->err;
}

/* Runs each statement of a script through db_step(); 0 or -1. */
static int
db_exec(struct db *db, const char *sql)
{
	const char	*tail = sql;
	sqlite3_stmt	*st;
	int		 rc;

	while (*tail != '\0') {
		if (sqlite3_prepare_v2(db->h, tail, -1, &st, &tail) != SQLITE_OK) {
			db_errorf(db, "%s", sqlite3_errmsg(db->h));
			return -1;
		}
		if (st == NULL)		/* only comments and blanks were left */
			break;
		while ((rc = db_step(db, st)) == SQLITE_ROW)
			;
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return -1;
	}
	return 0;
}

/* The first column of a one-row query (a PRAGMA, a count) as text. */
static int
db_scalar(struct db *db, const char *sql, char *buf, size_t len)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK) {
		db_errorf(db, "%s", sqlite3_errmsg(db->h));
		return -1;
	}
	if ((rc = db_step(db, st)) == SQLITE_ROW)
		snprintf(buf, len, "%s", sqlite3_column_text(st, 0) ?
		    (const char *)sqlite3_column_text(st, 0) : "");
	else if (rc == SQLITE_DONE)
		db_errorf(db, "%s: no result", sql);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

static int
db_user_version(struct db *db)
{
	char v[32];

	if (db_scalar(db, "PRAGMA user_version", v, sizeof v) != 0)
		return -1;
	return atoi(v);
}

int
db_schema_version(struct db *db)
{
	return db_user_version(db);
}

static const char *
db_next_line(const char *p)
{
	p = strchr(p, '\n');
	return p != NULL ? p + 1 : NULL;
}

/* Start of the line "-- version N" in schema_sql (any N if n < 0). */
static const char *
db_schema_mark(const char *p, int n)
{
	size_t len = strlen(DB_STEP_MARK);

	for (; p != NULL && *p != '\0'; p = db_next_line(p)) {
		const char	*num = p + len;
		char		*end;
		long		 v;

		if (strncmp(p, DB_STEP_MARK, len) != 0)
			continue;
		v = strtol(num, &end, 10);
		if (end != num && (*end == '\n' || *end == '\0') &&
		    (n < 0 || v == n))
			return p;
	}
	return NULL;
}

/* The SQL of step n, up to the next step; NULL if missing. Caller frees. */
static char *
db_schema_step(int n)
{
	const char *start = db_schema_mark(schema_sql, n), *end;

	if (start == NULL)
		return NULL;
	if ((start = db_next_line(start)) == NULL)
		return xstrdup("");
	end = db_schema_mark(start, -1);
	return xstrndup(start, end ? (size_t)(end - start) : strlen(start));
}

static int
db_refuse(struct db *db, int v)
{
	/* Closing would otherwise checkpoint a WAL it found: leave it be. */
	sqlite3_db_config(db->h, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
	db_errorf(db, "database schema version %d is newer than this Centrala "
	    "knows (%d): refused, not modified (run a newer Centrala)", v,
	    DB_SCHEMA_VERSION);
	return -1;
}

static void
db_rollback(struct db *db)
{
	if (!sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
}

/* Applies step n in one transaction that also sets user_version = n. The
 * version is read again inside it, in case another process got there
 * first. */
static int
db_migrate_step(struct db *db, int n, const char *sql)
{
	char	*script;
	int	 v, r;

	if (db_exec(db, "BEGIN IMMEDIATE") != 0)
		return -1;
	if ((v = db_user_version(db)) < 0 || v >= n) {
		db_rollback(db);
		if (v > DB_SCHEMA_VERSION)
			return db_refuse(db, v);
		return v < 0 ? -1 : 0;
	}
	script = xprintf("%s\nPRAGMA user_version = %d;", sql, n);
	r = db_exec(db, script);
	free(script);
	if (r == 0 && n == 8)	/* the totals of the events already there */
		r = db_totals_backfill(db);
	if (r != 0 || db_exec(db, "COMMIT") != 0) {
		db_rollback(db);
		return -1;
	}
	log_info("database: schema upgraded to version %d", n);
	return 0;
}

static int
db_migrate(struct db *db, int from)
{
	for (int n = from + 1; n <= DB_SCHEMA_VERSION; n++) {
		char	*sql = db_schema_step(n), *msg;
		int	 r;

		if (sql == NULL) {
			db_errorf(db, "schema step %d missing from "
			    "data/schema.sql", n);
			return -1;
		}
		r = db_migrate_step(db, n, sql);
		free(sql);
		if (r != 0) {
			msg = xstrdup(db->err);
			db_errorf(db, "schema step %d: %s", n, msg);
			free(msg);
			return -1;
		}
	}
	return 0;
}

static int
db_wal(struct db *db)
{
	char mode[32];

	if (db_scalar(db, "PRAGMA journal_mode=WAL", mode, sizeof mode) != 0)
		return -1;
	if (strcasecmp(mode, "wal") != 0) {
		db_errorf(db, "journal_mode is %s, not wal (WAL needs a local "
		    "file system)", mode);
		return -1;
	}
	return 0;
}

/* The version is checked before anything is written: a newer database is
 * refused as it was found. */
static int
db_setup(struct db *db)
{
	int v;

	sqlite3_busy_timeout(db->h, DB_BUSY_TIMEOUT_MS);
	if ((v = db_user_version(db)) < 0)
		return -1;
	if (v > DB_SCHEMA_VERSION)
		return db_refuse(db, v);
	if (db_wal(db) != 0 ||
	    db_exec(db, "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON") != 0)
		return -1;
	return db_migrate(db, v);
}

struct db *
db_open(const char *path, char *err, size_t errlen)
{
	struct db	*db = xcalloc(1, sizeof *db);
	int		 rc;

	rc = sqlite3_open_v2(path, &db->h, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, NULL);
	if (rc != SQLITE_OK)
		db_errorf(db, "%s", db->h ? sqlite3_errmsg(db->h) :
		    sqlite3_errstr(rc));
	if (rc != SQLITE_OK || db_setup(db) != 0 || db_totals_attach(db) != 0) {
		snprintf(err, errlen, "%s: %s", path, db->err);
		db_close(db);
		return NULL;
	}
	db->ready = 1;
	return db;
}

/* A passive checkpoint moves what it can from the WAL into the database
 * without waiting for readers (a report still running); closing the last
 * connection checkpoints again and removes the WAL. */
void
db_close(struct db *db)
{
	if (db == NULL)
		return;
	db_commit(db);
	sqlite3_finalize(db->st_cdr);
	sqlite3_finalize(db->st_event);
	sqlite3_finalize(db->st_pin_get);
	sqlite3_finalize(db->st_pin_set);
	sqlite3_finalize(db->st_rec_add);
	sqlite3_finalize(db->st_rec_end);
	sqlite3_finalize(db->st_vm_add);
	sqlite3_finalize(db->st_cb_add);
	sqlite3_finalize(db->st_cb_update);
	sqlite3_finalize(db->st_call_open);
	sqlite3_finalize(db->st_sess_open);
	sqlite3_finalize(db->st_sess_close);
	sqlite3_finalize(db->st_beat);
	db_totals_detach(db);
	if (db->ready && sqlite3_wal_checkpoint_v2(db->h, NULL,
	    SQLITE_CHECKPOINT_PASSIVE, NULL, NULL) != SQLITE_OK)
		log_warn("database: checkpoint: %s", sqlite3_errmsg(db->h));
	if (sqlite3_close(db->h) != SQLITE_OK)
		log_warn("database: close: %s", sqlite3_errmsg(db->h));
	free(db);
}

/* Only tables of this list are counted: the name never reaches SQL text. */
int64_t
db_count(struct db *db, const char *table)
{
	static const char *const counts[][2] = {
		{ "cdr", "SELECT count(*) FROM cdr" },
		{ "events", "SELECT count(*) FROM events" },
		{ "pins", "SELECT count(*) FROM pins" },
		{ "meta", "SELECT count(*) FROM meta" },
		{ "recordings", "SELECT count(*) FROM recordings" },
		{ "voicemail", "SELECT count(*) FROM voicemail" },
		{ "callbacks", "SELECT count(*) FROM callbacks" },
		{ "customers", "SELECT count(*) FROM customers" },
		{ "contacts", "SELECT count(*) FROM contacts" },
		{ "calls_open", "SELECT count(*) FROM calls_open" },
		{ "sessions", "SELECT count(*) FROM sessions" },
		{ "sessions_open", "SELECT count(*) FROM sessions WHERE "
		    "logout_ms = 0" },
	};
	char	n[32];

	for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++) {
		if (strcmp(counts[i][0], table) != 0)
			continue;
		if (db_scalar(db, counts[i][1], n, sizeof n) != 0) {
			log_warn("database: count %s: %s", table, db->err);
			return -1;
		}
		return strtoll(n, NULL, 10);
	}
	db_errorf(db, "count: unknown table %s", table);
	return -1;
}

int
db_pin_lookup(struct db *db, const char *who, char **out)
{
	sqlite3_stmt	*st = db_prepare(db, &db->st_pin_get,
	    "SELECT hash FROM pins WHERE who = ?");
	const char	*hash;
	int		 rc, r = -1;

	*out = NULL;
	if (st == NULL)
		return -1;
	db_bind_text(st, 1, who, DB_TEXT_REQUIRED);
	rc = db_step(db, st);
	if (rc == SQLITE_ROW && (hash = (const char *)
	    sqlite3_column_text(st, 0)) != NULL) {
		*out = xstrdup(hash);
		r = 1;
	} else if (rc == SQLITE_DONE)
		r = 0;
	else
		log_warn("database: PIN of %s not read: %s", who, db->err);
	sqlite3_reset(st);
	return r;
}

char *
db_pin_get(struct db *db, const char *who)
{
	char *hash;

	db_pin_lookup(db, who, &hash);
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
	db_bind_text(st, 1, who, DB_TEXT_REQUIRED);
	db_bind_text(st, 2, hash, DB_TEXT_REQUIRED);
	sqlite3_bind_int64(st, 3, clock_wall_ms());
	return db_write(db, st, "PIN");
}
