/* test-db.c: the store: schema creation and upgrade, WAL, CDR and event
 * round trips, refusal of a newer schema, PINs, injected I/O errors (every
 * write either stored or reported, never half), and durability across
 * SIGKILL. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sqlite3.h>
#include "db.h"
#include "tap.h"

static char dir[] = "/tmp/cztdb.XXXXXX";
static char path[256], err[512];

static long long
q_int(const char *p, const char *sql)
{
	sqlite3		*h;
	sqlite3_stmt	*st;
	long long	 v = -1;

	sqlite3_open(p, &h);
	if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(h);
	return v;
}

static const char *
q_text(const char *p, const char *sql)
{
	static char	 buf[512];
	sqlite3		*h;
	sqlite3_stmt	*st;

	strcpy(buf, "(none)");
	sqlite3_open(p, &h);
	if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		snprintf(buf, sizeof buf, "%s", sqlite3_column_text(st, 0) ?
		    (const char *)sqlite3_column_text(st, 0) : "NULL");
	sqlite3_finalize(st);
	sqlite3_close(h);
	return buf;
}

static struct cdr
sample_cdr(const char *id)
{
	struct cdr c = {
		.call_id = id, .direction = "in", .start_ms = 1000,
		.answer_ms = 1100, .end_ms = 9000, .cli = "600100001",
		.dnis = "2000", .span = "e1a", .channel = 31,
		.route = "queue:sales", .queue = "sales", .agent = "1001",
		.queue_enter_ms = 1100, .agent_answer_ms = 3100, .wait_ms = 2000,
		.talk_ms = 5900, .cause = 16, .cleared_by = DB_CLEARED_NETWORK,
		.reason = "Ștefan hung up",
	};
	return c;
}

static void
test_create(void)
{
	struct db	*db = db_open(path, err, sizeof err);
	char		 wal[300];

	ok(db != NULL, "opens a new database (%s)", db ? "" : err);
	ok(db_schema_version(db) == DB_SCHEMA_VERSION, "schema at version %d",
	    DB_SCHEMA_VERSION);
	ok(strcmp(q_text(path, "PRAGMA journal_mode"), "wal") == 0, "WAL mode");
	snprintf(wal, sizeof wal, "%s-wal", path);
	ok(access(wal, F_OK) == 0, "the -wal file exists");
	db_close(db);
	db = db_open(path, err, sizeof err);
	ok(db != NULL && db_schema_version(db) == DB_SCHEMA_VERSION,
	    "reopening is a no-op upgrade");
	db_close(db);
}

static void
test_rows(void)
{
	struct db	*db = db_open(path, err, sizeof err);
	struct cdr	 c = sample_cdr("c1");
	struct cdr	 bare = { .call_id = "c2", .direction = "in", .start_ms = 5,
	    .end_ms = 6, .cause = 1, .cleared_by = DB_CLEARED_CORE, .route = "" };
	struct db_event	 ev = { .ts_ms = 42, .kind = EV_OFFER, .call_id = "c1",
	    .agent = "1001", .queue = "sales", .detail = "{\"x\":1}" };

	ok(db_cdr_insert(db, &c) == 0, "CDR inserted");
	ok(q_int(path, "SELECT count(*) FROM cdr WHERE call_id='c1' AND direction='in' "
	    "AND start_ms=1000 AND answer_ms=1100 AND end_ms=9000 AND cli='600100001' "
	    "AND dnis='2000' AND span='e1a' AND channel=31 AND route='queue:sales' "
	    "AND queue='sales' AND agent='1001' AND queue_enter_ms=1100 AND "
	    "agent_answer_ms=3100 AND wait_ms=2000 AND talk_ms=5900 AND cause=16 "
	    "AND cleared_by='network'") == 1, "every CDR field round-trips");
	ok(strcmp(q_text(path, "SELECT reason FROM cdr WHERE call_id='c1'"),
	    "Ștefan hung up") == 0, "UTF-8 text round-trips");
	ok(db_cdr_insert(db, &bare) == 0 && q_int(path, "SELECT count(*) FROM cdr "
	    "WHERE call_id='c2' AND agent IS NULL AND queue IS NULL AND route IS NULL "
	    "AND cli=''") == 1, "absent fields: NULL, or '' for numbers");
	ok(db_cdr_insert(db, &c) == -1, "a duplicate call_id is refused");
	ok(db_event_add(db, &ev) == 0 && q_int(path, "SELECT count(*) FROM events "
	    "WHERE ts_ms=42 AND kind='offer' AND call_id='c1' AND agent='1001' AND "
	    "queue='sales' AND state IS NULL AND detail='{\"x\":1}'") == 1,
	    "the database stays usable; event round-trips");
	ok(db_count(db, "cdr") == 2 && db_count(db, "events") == 1 &&
	    db_count(db, "sqlite_master") == -1, "counts, for allowed tables only");
	ok(db_pin_get(db, "1001") == NULL, "no PIN override by default");
	ok(db_pin_set(db, "1001", "$6$a$b") == 0 && db_pin_set(db, "1001", "$6$c$d") == 0,
	    "PIN set twice");
	char *h = db_pin_get(db, "1001");
	ok(h != NULL && strcmp(h, "$6$c$d") == 0, "the newer PIN hash wins");
	free(h);
	db_close(db);
}

static void
test_newer_refused(void)
{
	char	p2[300];
	struct db *db;

	snprintf(p2, sizeof p2, "%s/newer.db", dir);
	db_close(db_open(p2, err, sizeof err));
	sqlite3 *h;
	sqlite3_open(p2, &h);
	sqlite3_exec(h, "PRAGMA user_version=999", NULL, NULL, NULL);
	sqlite3_close(h);
	db = db_open(p2, err, sizeof err);
	ok(db == NULL && strstr(err, "newer") != NULL, "a newer schema is refused: %s", err);
	ok(q_int(p2, "PRAGMA user_version") == 999 && q_int(p2,
	    "SELECT count(*) FROM cdr") == 0, "and left untouched");
	db_close(db);
}

/* Each write fails at a different step; what returned 0 is stored, what
 * returned -1 is not, and nothing crashes. */
static void
test_faults(void)
{
	char	p3[300], id[32];
	int	consistent = 1, failures = 0;

	snprintf(p3, sizeof p3, "%s/faults.db", dir);
	for (int n = 1; n <= 12; n++) {
		struct db	*db = db_open(p3, err, sizeof err);
		int		 stored[6];

		db_fail_after(n);
		for (int i = 0; i < 6; i++) {
			struct cdr c;

			snprintf(id, sizeof id, "f%d-%d", n, i);
			c = sample_cdr(id);
			stored[i] = db_cdr_insert(db, &c) == 0;
			failures += !stored[i];
		}
		db_fail_after(0);
		for (int i = 0; i < 6; i++) {
			char q[128];

			snprintf(q, sizeof q, "SELECT count(*) FROM cdr WHERE "
			    "call_id='f%d-%d'", n, i);
			if (q_int(p3, q) != stored[i])
				consistent = 0;
		}
		db_close(db);
	}
	ok(failures > 0, "injected faults made %d writes fail", failures);
	ok(consistent, "every write reported truthfully (stored iff it said so)");
}

static void
test_sigkill(void)
{
	pid_t	pid = fork();
	int	status;

	if (pid == 0) {
		struct db	*db = db_open(path, err, sizeof err);
		struct cdr	 c = sample_cdr("killed");

		if (db != NULL && db_cdr_insert(db, &c) == 0)
			raise(SIGKILL);
		_exit(1);
	}
	waitpid(pid, &status, 0);
	ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL, "child killed");
	ok(q_int(path, "SELECT count(*) FROM cdr WHERE call_id='killed'") == 1,
	    "its CDR survived SIGKILL");
	ok(strcmp(q_text(path, "PRAGMA integrity_check"), "ok") == 0, "integrity ok");
}

int
main(void)
{
	char cmd[64];

	if (mkdtemp(dir) == NULL)
		return 1;
	snprintf(path, sizeof path, "%s/t.db", dir);
	test_create();
	test_rows();
	test_newer_refused();
	test_faults();
	test_sigkill();
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		return 1;
	return tap_done();
}
