/* test-db.c: the store, checked from outside with plain SQLite queries:
 * schema creation and upgrade (from nothing, from a hand-made version 0, a
 * failing step rolled back, a version 4 to 5), WAL, every CDR and event
 * field round-tripping (NULLs, UTF-8), duplicates, refusal of a newer
 * schema without touching it, PINs. What a crash or an I/O error leaves:
 * test-db-crash.c. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sqlite3.h>
#include "db.h"
#include "log.h"
#include "stats.h"
#include "tap.h"
#include "db-util.h"

extern const char schema_sql[];

static int
exists(const char *p)
{
	return access(p, F_OK) == 0;
}

static int64_t
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void
q_exec(const char *p, const char *sql)
{
	sqlite3 *h;

	sqlite3_open(p, &h);
	if (sqlite3_exec(h, sql, NULL, NULL, NULL) != SQLITE_OK)
		fprintf(stderr, "q_exec %s: %s\n", sql, sqlite3_errmsg(h));
	sqlite3_close(h);
}

static char *
slurp(const char *p, size_t *len)
{
	FILE	*f = fopen(p, "rb");
	char	*buf;
	long	 n;

	if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0) {
		if (f != NULL)
			fclose(f);
		return NULL;
	}
	rewind(f);
	buf = malloc(n + 1);
	*len = fread(buf, 1, n, f);
	fclose(f);
	return buf;
}

static int
same_bytes(const char *a, size_t alen, const char *p)
{
	size_t	 len;
	char	*b = slurp(p, &len);
	int	 same = a != NULL && b != NULL && len == alen &&
		    memcmp(a, b, len) == 0;

	free(b);
	return same;
}

static void
test_steps(void)
{
	char	mark[64];
	int	all = 1;

	for (int n = 1; n <= DB_SCHEMA_VERSION; n++) {
		snprintf(mark, sizeof mark, "\n-- version %d\n", n);
		all = all && strstr(schema_sql, mark) != NULL;
	}
	snprintf(mark, sizeof mark, "\n-- version %d\n", DB_SCHEMA_VERSION + 1);
	ok(all && strstr(schema_sql, mark) == NULL, "schema.sql has steps "
	    "1..%d, DB_SCHEMA_VERSION, and no step beyond", DB_SCHEMA_VERSION);
}

static void
test_create(const char *p)
{
	struct db	*db = db_open(p, err, sizeof err);
	char		 created[64];
	int64_t		 t;

	ok(db != NULL, "opens a new database %s", db ? "" : err);
	if (db == NULL)
		exit(tap_done());
	ok(db_schema_version(db) == DB_SCHEMA_VERSION && q_int(p,
	    "PRAGMA user_version") == DB_SCHEMA_VERSION, "created at version %d",
	    DB_SCHEMA_VERSION);
	ok(strcmp(q_text(p, "PRAGMA journal_mode"), "wal") == 0, "in WAL mode");
	ok(exists(suffixed(p, "-wal")), "the -wal file exists");
	ok(q_int(p, "SELECT count(*) FROM sqlite_master WHERE name IN ('cdr', "
	    "'events', 'pins', 'meta', 'cdr_start', 'cdr_queue', 'cdr_agent', "
	    "'events_ts', 'events_call', 'events_agent')") == 10,
	    "tables and indexes created");
	t = q_int(p, "SELECT value FROM meta WHERE key = 'created_ms'");
	ok(t > now_ms() - 60000 && t <= now_ms() + 1000, "meta.created_ms is now");
	snprintf(created, sizeof created, "%s",
	    q_text(p, "SELECT value FROM meta WHERE key = 'created_ms'"));
	db_close(db);
	usleep(5000);
	db = db_open(p, err, sizeof err);
	ok(db != NULL && db_schema_version(db) == DB_SCHEMA_VERSION &&
	    db_count(db, "meta") == 1 && strcmp(created, q_text(p, "SELECT "
	    "value FROM meta WHERE key = 'created_ms'")) == 0,
	    "reopening is a no-op upgrade");
	db_close(db);
}

static void
test_cdr(const char *p)
{
	struct db	*db = db_open(p, err, sizeof err);
	struct cdr	 c = sample_cdr("c1"), dup = sample_cdr("c1");
	struct field	 f[] = {
		T("call_id", "c1"), T("direction", "in"),
		I("start_ms", c.start_ms), I("answer_ms", c.answer_ms),
		I("end_ms", c.end_ms), T("cli", c.cli), T("dnis", c.dnis),
		T("span", c.span), I("channel", 31), T("route", c.route),
		T("queue", c.queue), T("agent", c.agent),
		I("queue_enter_ms", c.queue_enter_ms),
		I("agent_answer_ms", c.agent_answer_ms), I("wait_ms", 3000),
		I("talk_ms", 96499), I("cause", 16), T("cleared_by", "network"),
		T("reason", c.reason),
	};

	ok(db_cdr_insert(db, &c) == 0, "CDR inserted");
	ok(*fields_differ(p, "cdr WHERE call_id = 'c1'", f, NFIELDS(f)) == 0,
	    "all %d CDR fields round-trip, 64-bit times and UTF-8 included "
	    "(first bad: %s)", NFIELDS(f), fields_differ(p,
	    "cdr WHERE call_id = 'c1'", f, NFIELDS(f)));
	dup.reason = "second";
	ok(db_cdr_insert(db, &dup) == -1 && strstr(db_last_error(db), "UNIQUE"),
	    "a duplicate call_id is refused: %s", db_last_error(db));
	ok(field_ok(p, "cdr WHERE call_id = 'c1'", &f[NFIELDS(f) - 1]) &&
	    db_count(db, "cdr") == 1, "the first row is kept unchanged");
	c = sample_cdr("c2");
	ok(db_cdr_insert(db, &c) == 0 && db_count(db, "cdr") == 2,
	    "the database stays usable after the refusal");
	db_close(db);
}

static void
test_cdr_absent(const char *p)
{
	struct db	*db = db_open(p, err, sizeof err);
	struct cdr	 bare = { .call_id = "c3", .direction = "out",
	    .start_ms = 5, .end_ms = 6, .route = "", .agent = "",
	    .cleared_by = DB_CLEARED_CORE, .reason = "" };
	struct cdr	 nocall = bare, noclear = bare;
	struct field	 f[] = {
		T("cli", ""), T("dnis", ""), T("span", ""), I("channel", 0),
		N("route"), N("queue"), N("agent"), N("reason"),
		I("answer_ms", 0), I("queue_enter_ms", 0), I("cause", 0),
		T("cleared_by", "core"),
	};

	ok(db_cdr_insert(db, &bare) == 0, "CDR with absent fields inserted");
	ok(*fields_differ(p, "cdr WHERE call_id = 'c3'", f, NFIELDS(f)) == 0,
	    "numbers and span NULL -> '', route/queue/agent/reason '' or NULL "
	    "-> NULL (first bad: %s)", fields_differ(p,
	    "cdr WHERE call_id = 'c3'", f, NFIELDS(f)));
	nocall.call_id = NULL;
	noclear.call_id = "c4";
	noclear.cleared_by = NULL;
	ok(db_cdr_insert(db, &nocall) == -1 && db_cdr_insert(db, &noclear) == -1
	    && db_count(db, "cdr") == 3, "a CDR without call_id or cleared_by "
	    "is refused");
	db_close(db);
}

static void
test_events(const char *p)
{
	struct db	*db = db_open(p, err, sizeof err);
	struct db_event	 ev = { .ts_ms = 1763860000789LL, .kind = EV_OFFER,
	    .call_id = "c1", .agent = "José", .queue = "vânzări",
	    .state = "ringing", .detail = "{\"ring_ms\":15000,\"note\":\"☎\"}" };
	struct db_event	 bare = { .ts_ms = 7, .kind = EV_SPAN_STATE,
	    .call_id = "", .state = "" };
	struct field	 f[] = {
		I("ts_ms", ev.ts_ms), T("kind", "offer"), T("call_id", "c1"),
		T("agent", ev.agent), T("queue", ev.queue), T("state", "ringing"),
		T("detail", ev.detail),
	};
	struct field	 fb[] = {
		I("ts_ms", 7), T("kind", "span_state"), N("call_id"), N("agent"),
		N("queue"), N("state"), N("detail"),
	};
	struct since	 since = { 0 };

	ok(db_event_add(db, &ev) == 0 && *fields_differ(p, "events WHERE "
	    "kind = 'offer'", f, NFIELDS(f)) == 0, "every event field "
	    "round-trips (first bad: %s)", fields_differ(p, "events WHERE "
	    "kind = 'offer'", f, NFIELDS(f)));
	ok(db_event_add(db, &bare) == 0 && *fields_differ(p, "events WHERE "
	    "ts_ms = 7", fb, NFIELDS(fb)) == 0, "absent event fields are NULL");
	bare.kind = NULL;
	ok(db_event_add(db, &bare) == -1 && db_count(db, "events") == 2,
	    "an event without a kind is refused");
	for (int i = 0; i < 3; i++) {
		struct db_event s = { .ts_ms = 1000 + i * 10,
		    .kind = EV_AGENT_STATE, .agent = "1001", .state = "ready" };
		db_event_add(db, &s);
	}
	ok(db_events_since(db, 1000, since_cb, &since) == 0 && since.n == 4 &&
	    since.ts[0] == ev.ts_ms && since.ts[1] == 1000 && since.ts[2] == 1010
	    && since.ts[3] == 1020 && since.nulls == 3,
	    "db_events_since gives the events from a time on, in order");
	db_close(db);
}

static void
test_counts(const char *p)
{
	struct db *db = db_open(p, err, sizeof err);

	ok(db_count(db, "cdr") == 3 && db_count(db, "events") == 5 &&
	    db_count(db, "pins") == 0 && db_count(db, "meta") == 1,
	    "counts of the known tables");
	ok(db_count(db, "sqlite_master") == -1 &&
	    db_count(db, "cdr; DROP TABLE cdr") == -1 && db_count(db, "cdr") == 3,
	    "any other table name is refused");
	db_close(db);
}

static void
test_pins(const char *p)
{
	struct db	*db = db_open(p, err, sizeof err);
	char		*h1, *h2;

	ok(db_pin_get(db, "1001") == NULL, "no PIN override by default");
	ok(db_pin_set(db, "1001", "$6$a$b") == 0 && db_pin_set(db, "1002",
	    "$6$x$y") == 0, "PINs set");
	h1 = db_pin_get(db, "1001");
	ok(h1 != NULL && strcmp(h1, "$6$a$b") == 0, "PIN read back");
	ok(db_pin_set(db, "1001", "$6$c$d") == 0, "PIN overwritten");
	h2 = db_pin_get(db, "1001");
	ok(h2 != NULL && strcmp(h2, "$6$c$d") == 0 && db_count(db, "pins") == 2,
	    "the newer hash replaces the older; others untouched");
	ok(q_int(p, "SELECT set_ms FROM pins WHERE who = '1001'") >
	    now_ms() - 60000 && strcmp(q_text(p, "SELECT hash FROM pins WHERE "
	    "who = '1002'"), "$6$x$y") == 0, "set_ms recorded; 1002 unchanged");
	ok(db_pin_set(db, "1003", NULL) == -1 && db_pin_get(db, "1003") == NULL,
	    "a NULL hash is refused");
	free(h1);
	free(h2);
	db_close(db);
}

static void
test_version0(void)
{
	const char	*empty = in_dir("empty.db"), *v0 = in_dir("v0.db");
	const char	*clash = in_dir("clash.db");
	struct db	*db;
	FILE		*f;

	if ((f = fopen(empty, "w")) != NULL)
		fclose(f);
	db = db_open(empty, err, sizeof err);
	ok(db != NULL && q_int(empty, "PRAGMA user_version") == DB_SCHEMA_VERSION &&
	    q_int(empty, "SELECT count(*) FROM cdr") == 0,
	    "an empty file is upgraded from version 0");
	db_close(db);
	q_exec(v0, "CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('x')");
	db = db_open(v0, err, sizeof err);
	ok(db != NULL && db_schema_version(db) == DB_SCHEMA_VERSION && q_int(v0,
	    "SELECT count(*) FROM notes") == 1, "a hand-made version 0 database "
	    "is upgraded, its own tables kept");
	db_close(db);
	q_exec(clash, "CREATE TABLE pins (x); INSERT INTO pins VALUES (1)");
	db = db_open(clash, err, sizeof err);
	ok(db == NULL && strstr(err, "schema step 1") != NULL, "a failing step "
	    "refuses the open: %s", err);
	ok(q_int(clash, "PRAGMA user_version") == 0 && q_int(clash, "SELECT "
	    "count(*) FROM sqlite_master WHERE name IN ('meta', 'cdr')") == 0 &&
	    q_int(clash, "SELECT count(*) FROM pins") == 1,
	    "and its transaction left nothing behind");
}

/* A newer database in rollback-journal mode: even switching it to WAL
 * would change its header. */
static void
test_newer_journal(void)
{
	const char	*p = in_dir("newer.db");
	size_t		 len;
	char		*before;

	q_exec(p, "CREATE TABLE future (a); INSERT INTO future VALUES (1); "
	    "PRAGMA user_version = 999");
	before = slurp(p, &len);
	ok(db_open(p, err, sizeof err) == NULL && strstr(err, "newer") &&
	    strstr(err, "999"), "a newer schema is refused: %s", err);
	ok(same_bytes(before, len, p) && !exists(suffixed(p, "-wal")) &&
	    strcmp(q_text(p, "PRAGMA journal_mode"), "delete") == 0,
	    "and left byte for byte as it was, not switched to WAL");
	free(before);
}

/* A newer database in WAL mode with rows still in its WAL. */
static void
test_newer_wal(void)
{
	const char	*p = in_dir("newer-wal.db");
	sqlite3		*h;
	size_t		 len, wlen;
	char		*before, *wal;

	sqlite3_open(p, &h);
	sqlite3_exec(h, "PRAGMA journal_mode = WAL; CREATE TABLE future (a); "
	    "PRAGMA user_version = 999", NULL, NULL, NULL);
	sqlite3_db_config(h, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
	sqlite3_exec(h, "INSERT INTO future VALUES (1)", NULL, NULL, NULL);
	sqlite3_close(h);
	before = slurp(p, &len);
	wal = slurp(suffixed(p, "-wal"), &wlen);
	ok(wal != NULL && wlen > 0 && db_open(p, err, sizeof err) == NULL &&
	    strstr(err, "newer"), "a newer WAL database is refused");
	ok(same_bytes(before, len, p) && same_bytes(wal, wlen,
	    suffixed(p, "-wal")), "its database and WAL files are untouched");
	free(before);
	free(wal);
}

static void
test_bad_files(void)
{
	const char	*p = in_dir("garbage.db");
	FILE		*f = fopen(p, "w");
	size_t		 len;
	char		*before;

	for (int i = 0; f != NULL && i < 100; i++)
		fputs("this is not a database at all\n", f);
	if (f != NULL)
		fclose(f);
	before = slurp(p, &len);
	ok(db_open(p, err, sizeof err) == NULL && strstr(err, p) == err &&
	    same_bytes(before, len, p), "a file that is no database is refused "
	    "untouched: %s", err);
	free(before);
	ok(db_open("/nonexistent-cz/x.db", err, sizeof err) == NULL &&
	    strstr(err, "/nonexistent-cz/x.db") != NULL,
	    "an unreachable path is refused: %s", err);
}

/* --- no record lost: migration to version 5 and recovery ------------------ */

/* A version 4 database made by hand from the first four steps, with a
 * CDR in it: opening it applies step 5 and keeps the CDR. */
static void
test_upgrade4(void)
{
	const char		*p = in_dir("v4.db");
	const char		*end = strstr(schema_sql, "\n-- version 5\n");
	char			*sql;
	struct db		*db;
	struct db_recovery	 r;

	sql = malloc(end - schema_sql + 64);
	sprintf(sql, "%.*s\nPRAGMA user_version = 4;", (int)(end - schema_sql),
	    schema_sql);
	q_exec(p, sql);
	free(sql);
	q_exec(p, "INSERT INTO cdr (call_id, direction, start_ms, end_ms, "
	    "cleared_by) VALUES ('old', 'in', 1, 2, 'network'); "
	    "INSERT INTO events (ts_ms, kind, agent, state) VALUES "
	    "(10, 'agent_login', '1001', NULL), (10, 'agent_state', '1001', "
	    "'not_ready'), (20, 'agent_state', '1001', 'ready'), "
	    "(11, 'agent_login', '1002', NULL), (11, 'agent_state', '1002', "
	    "'ready'), (30, 'agent_state', '1002', 'logged_out'), "
	    "(40, 'call_start', NULL, NULL)");
	ok(q_int(p, "PRAGMA user_version") == 4 && q_int(p, "SELECT count(*) "
	    "FROM sqlite_master WHERE name = 'heartbeat'") == 0,
	    "a version 4 database, made by hand");
	db = db_open(p, err, sizeof err);
	ok(db != NULL && db_schema_version(db) == DB_SCHEMA_VERSION && q_int(p, "SELECT "
	    "count(*) FROM cdr WHERE call_id = 'old' AND end_ms = 2") == 1,
	    "upgraded in place to the latest version, its CDR kept");
	ok(q_int(p, "SELECT count(*) FROM heartbeat") == 1 && q_int(p,
	    "SELECT count(*) FROM calls_open") == 0 && q_int(p, "SELECT "
	    "count(*) FROM sessions") == 1 && q_int(p, "SELECT login_ms FROM "
	    "sessions WHERE agent = '1001' AND logout_ms = 0") == 10,
	    "with calls_open, one heartbeat row, and an open session for the "
	    "agent the old core left logged in (1001), none for 1002");
	ok(db_recover(db, &r) == 0 && r.sessions == 1 && r.at_ms == 40 &&
	    q_int(p, "SELECT count(*) FROM events WHERE ts_ms = 40 AND agent = "
	    "'1001' AND kind IN ('agent_state', 'agent_logout')") == 2,
	    "the first start logs 1001 out at the old core's last event");
	db_close(db);
}

int
main(void)
{
	char	p[300];

	if (db_util_start() != 0)
		return 1;
	snprintf(p, sizeof p, "%s", in_dir("t.db"));
	test_steps();
	test_create(p);
	test_cdr(p);
	test_cdr_absent(p);
	test_events(p);
	test_counts(p);
	test_pins(p);
	test_version0();
	test_newer_journal();
	test_newer_wal();
	test_bad_files();
	test_upgrade4();
	if (db_util_end() != 0)
		return 1;
	return tap_done();
}
