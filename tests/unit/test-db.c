/* test-db.c: the store, checked from outside with plain SQLite queries:
 * schema creation and upgrade (from nothing, from a hand-made version 0, a
 * failing step rolled back), WAL, every CDR and event field round-tripping
 * (NULLs, UTF-8), duplicates, refusal of a newer schema without touching
 * it, PINs, injected I/O errors at every step (each call stored or
 * reported, never half) and durability across SIGKILL; the upgrade to
 * version 5 and the recovery of what a killed core left open; one
 * transaction per loop pass (batch): committed whole or lost whole. */
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

extern const char schema_sql[];

static char dir[] = "/tmp/cztdb.XXXXXX";
static char err[512];

/* A path in the test directory (four live at a time). */
static const char *
in_dir(const char *name)
{
	static char	buf[4][300];
	static int	i;

	i = (i + 1) % 4;
	snprintf(buf[i], sizeof buf[i], "%s/%s", dir, name);
	return buf[i];
}

static const char *
suffixed(const char *path, const char *suffix)
{
	static char buf[2][320];
	static int  i;

	i = (i + 1) % 2;
	snprintf(buf[i], sizeof buf[i], "%s%s", path, suffix);
	return buf[i];
}

static int
exists(const char *p)
{
	return access(p, F_OK) == 0;
}

static void
unlink_db(const char *p)
{
	unlink(p);
	unlink(suffixed(p, "-wal"));
	unlink(suffixed(p, "-shm"));
}

static int64_t
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Runs sql on its own connection: the first column of the first row. */
static long long
q_int(const char *p, const char *sql)
{
	sqlite3		*h;
	sqlite3_stmt	*st;
	long long	 v = -1;

	if (sqlite3_open_v2(p, &h, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	sqlite3_close(h);
	return v;
}

static const char *
q_text(const char *p, const char *sql)
{
	static char	 buf[512];
	sqlite3		*h;
	sqlite3_stmt	*st;

	strcpy(buf, "(no row)");
	if (sqlite3_open_v2(p, &h, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			snprintf(buf, sizeof buf, "%s", sqlite3_column_text(st, 0) ?
			    (const char *)sqlite3_column_text(st, 0) : "NULL");
		sqlite3_finalize(st);
	}
	sqlite3_close(h);
	return buf;
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

/* One column of one row: its SQLite type and value. */
struct field {
	const char	*col;
	int		 type;		/* SQLITE_INTEGER, SQLITE_TEXT, SQLITE_NULL */
	long long	 i;
	const char	*s;
};

static int
field_ok(const char *p, const char *from, const struct field *f)
{
	static const char *types[] = { "", "integer", "real", "text", "blob",
	    "null" };
	char		 sql[512];
	sqlite3		*h;
	sqlite3_stmt	*st;
	int		 good = 0;

	snprintf(sql, sizeof sql, "SELECT typeof(%s) = '%s' AND %s IS ?1 FROM "
	    "%s", f->col, types[f->type], f->col, from);
	sqlite3_open_v2(p, &h, SQLITE_OPEN_READWRITE, NULL);
	if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK) {
		if (f->type == SQLITE_INTEGER)
			sqlite3_bind_int64(st, 1, f->i);
		else if (f->type == SQLITE_TEXT)
			sqlite3_bind_text(st, 1, f->s, -1, SQLITE_STATIC);
		good = sqlite3_step(st) == SQLITE_ROW &&
		    sqlite3_column_int(st, 0) == 1;
		sqlite3_finalize(st);
	}
	sqlite3_close(h);
	return good;
}

/* The name of the first field that differs, or "" when all match. */
static const char *
fields_differ(const char *p, const char *from, const struct field *f, int n)
{
	for (int i = 0; i < n; i++)
		if (!field_ok(p, from, &f[i]))
			return f[i].col;
	return "";
}

#define I(c, v)	{ c, SQLITE_INTEGER, (v), NULL }
#define T(c, v)	{ c, SQLITE_TEXT, 0, (v) }
#define N(c)	{ c, SQLITE_NULL, 0, NULL }
#define NFIELDS(a) ((int)(sizeof (a) / sizeof (a)[0]))

static struct cdr
sample_cdr(const char *id)
{
	struct cdr c = {
		.call_id = id, .direction = "in", .start_ms = 1763860000123LL,
		.answer_ms = 1763860000456LL, .end_ms = 1763860099999LL,
		.cli = "+40 721 000 111", .dnis = "2000", .span = "e1a",
		.channel = 31, .route = "queue:sales", .queue = "vânzări",
		.agent = "José", .queue_enter_ms = 1763860000500LL,
		.agent_answer_ms = 1763860003500LL, .wait_ms = 3000,
		.talk_ms = 96499, .cause = 16, .cleared_by = DB_CLEARED_NETWORK,
		.reason = "Ștefan a închis — 電話 ☎ 🙂 'quoted'",
	};
	return c;
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

struct since {
	int	n;
	int64_t	ts[8];
	int	nulls;		/* events whose absent call_id came back NULL */
};

static void
since_cb(const struct db_event *e, void *arg)
{
	struct since *s = arg;

	if (s->n < 8)
		s->ts[s->n++] = e->ts_ms;
	s->nulls += e->call_id == NULL && e->kind != NULL;
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

/* --- fault injection ------------------------------------------------- */

enum { F_CDR_A, F_EV_1, F_PIN_1, F_PIN_GET, F_CDR_B, F_CDR_DUP, F_EV_2,
    F_PIN_2, F_COUNT, F_SINCE, F_NOPS };

struct fault_run {
	int	r[F_NOPS];	/* what each call returned (see fault_ops) */
	int	fired;		/* -1 none, F_NOPS in db_open, else the op */
	int	since_seen;
};

static void
fault_since_cb(const struct db_event *e, void *arg)
{
	(*(int *)arg)++;
}

static void
fault_note(struct db *db, struct fault_run *fr, int op)
{
	if (fr->fired < 0 && strstr(db_last_error(db), "injected") != NULL)
		fr->fired = op;
}

/* Every kind of call, in a row; which one the injected error hit is told
 * by the error message right after it. */
static void
fault_ops(struct db *db, struct fault_run *fr)
{
	struct cdr	 a = sample_cdr("A"), b = sample_cdr("B");
	struct db_event	 e1 = { .ts_ms = 1, .kind = EV_CALL_START, .call_id = "A" };
	struct db_event	 e2 = { .ts_ms = 2, .kind = EV_CALL_END, .call_id = "B" };
	char		*h;

	fr->r[F_CDR_A] = db_cdr_insert(db, &a);
	fault_note(db, fr, F_CDR_A);
	fr->r[F_EV_1] = db_event_add(db, &e1);
	fault_note(db, fr, F_EV_1);
	fr->r[F_PIN_1] = db_pin_set(db, "p", "h1");
	fault_note(db, fr, F_PIN_1);
	h = db_pin_get(db, "p");
	fr->r[F_PIN_GET] = h == NULL ? 0 : strcmp(h, "h1") == 0 ? 1 : 2;
	free(h);
	fault_note(db, fr, F_PIN_GET);
	fr->r[F_CDR_B] = db_cdr_insert(db, &b);
	fault_note(db, fr, F_CDR_B);
	fr->r[F_CDR_DUP] = db_cdr_insert(db, &a);
	fault_note(db, fr, F_CDR_DUP);
	fr->r[F_EV_2] = db_event_add(db, &e2);
	fault_note(db, fr, F_EV_2);
	fr->r[F_PIN_2] = db_pin_set(db, "p", "h2");
	fault_note(db, fr, F_PIN_2);
	fr->r[F_COUNT] = (int)db_count(db, "cdr");
	fault_note(db, fr, F_COUNT);
	fr->r[F_SINCE] = db_events_since(db, 0, fault_since_cb, &fr->since_seen);
	fault_note(db, fr, F_SINCE);
}

static int
stored(const char *p, const char *sql)
{
	return q_int(p, sql) == 1;
}

/* What each call said must be what the database holds. */
static int
fault_truthful(const char *p, const struct fault_run *fr)
{
	const int	*r = fr->r;
	int		 ncdr = (r[F_CDR_A] == 0) + (r[F_CDR_DUP] == 0) +
			    (r[F_CDR_B] == 0);
	int		 nev = (r[F_EV_1] == 0) + (r[F_EV_2] == 0);
	const char	*pin = q_text(p, "SELECT hash FROM pins WHERE who = 'p'");
	const char	*want = r[F_PIN_2] == 0 ? "h2" : r[F_PIN_1] == 0 ? "h1" :
			    "(no row)";
	int		 good = 1;

	for (int i = 0; i < F_NOPS; i++)
		if (i != F_PIN_GET && i != F_COUNT && r[i] != 0 && r[i] != -1)
			good = 0;
	/* The second insert of A is a duplicate only if the first stored it. */
	good = good && (r[F_CDR_A] == -1 || r[F_CDR_DUP] == -1) &&
	    strcmp(pin, want) == 0 &&
	    stored(p, "SELECT count(*) FROM cdr WHERE call_id = 'A'") ==
	    (r[F_CDR_A] == 0 || r[F_CDR_DUP] == 0) &&
	    stored(p, "SELECT count(*) FROM cdr WHERE call_id = 'B'") ==
	    (r[F_CDR_B] == 0) &&
	    stored(p, "SELECT count(*) FROM events WHERE ts_ms = 1") ==
	    (r[F_EV_1] == 0) &&
	    stored(p, "SELECT count(*) FROM events WHERE ts_ms = 2") ==
	    (r[F_EV_2] == 0);
	if (fr->fired == F_PIN_GET)
		good = good && r[F_PIN_GET] == 0;
	else
		good = good && r[F_PIN_GET] == (r[F_PIN_1] == 0);
	if (fr->fired == F_COUNT)
		good = good && r[F_COUNT] == -1;
	else
		good = good && r[F_COUNT] == ncdr;
	if (fr->fired != F_SINCE)
		good = good && r[F_SINCE] == 0 && fr->since_seen == nev;
	return good && (fr->fired != F_SINCE || r[F_SINCE] == -1);
}

/* A failed open must leave whole upgrade steps only (an empty file, or a
 * lower version with all of its tables), which a clean open then upgrades. */
static int
fault_open_failed(const char *p)
{
	struct db	*db;
	int		 good, v = q_int(p, "PRAGMA user_version");

	good = strstr(err, "injected") != NULL && v < DB_SCHEMA_VERSION &&
	    (v > 0 ? q_int(p, "SELECT count(*) FROM cdr") == 0 :
	    q_int(p, "SELECT count(*) FROM sqlite_master") <= 0);
	db = db_open(p, err, sizeof err);
	good = good && db != NULL && db_schema_version(db) == DB_SCHEMA_VERSION;
	db_close(db);
	return good;
}

/* Run n: the nth SQLite step from db_open on fails. Returns where it hit
 * (-1: nowhere, the run had fewer steps) or -2 if anything was wrong. */
static int
fault_run(const char *p, int n)
{
	struct fault_run	 fr = { .fired = -1 };
	struct db		*db;
	struct cdr		 c = sample_cdr("C");
	int			 good;

	unlink_db(p);
	db_fail_after(n);
	if ((db = db_open(p, err, sizeof err)) == NULL) {
		db_fail_after(0);
		return fault_open_failed(p) ? F_NOPS : -2;
	}
	fault_ops(db, &fr);
	db_fail_after(0);
	good = fault_truthful(p, &fr) && db_cdr_insert(db, &c) == 0;
	db_close(db);
	return good ? fr.fired : -2;
}

static void
test_faults(void)
{
	const char	*p = in_dir("faults.db");
	int		 n, where, bad = 0, in_open = 0, hit[F_NOPS] = { 0 };
	int		 all_ops = 1;

	log_set_level(LOG_LEVEL_ERROR);
	for (n = 1; n < 500; n++) {
		if ((where = fault_run(p, n)) == -1)
			break;
		if (where == -2) {
			bad++;
			printf("# run %d went wrong\n", n);
		}
		else if (where == F_NOPS)
			in_open++;
		else
			hit[where]++;
	}
	log_set_level(LOG_LEVEL_INFO);
	for (int i = 0; i < F_NOPS; i++) {
		if (hit[i] == 0)
			printf("# no injected error hit call %d\n", i);
		all_ops = all_ops && hit[i] > 0;
	}
	ok(n < 500 && in_open > 5 && all_ops, "an I/O error injected at each "
	    "of %d steps: %d in db_open, the rest in every kind of call", n - 1,
	    in_open);
	ok(bad == 0, "every call reported truthfully (0 = stored, -1 = not), "
	    "the database usable after, a failed open left nothing half-done "
	    "(%d runs wrong)", bad);
}

/* --- durability --------------------------------------------------------- */

static void
test_sigkill(const char *p)
{
	struct stat	sb;
	pid_t		pid;
	int		status;

	fflush(stdout);
	if ((pid = fork()) == 0) {
		struct db	*db = db_open(p, err, sizeof err);
		struct cdr	 c = sample_cdr("killed");
		struct db_event	 e = { .ts_ms = 99, .kind = EV_CALL_END,
		    .call_id = "killed" };

		if (db != NULL && db_event_add(db, &e) == 0 &&
		    db_cdr_insert(db, &c) == 0)
			raise(SIGKILL);
		_exit(1);
	}
	waitpid(pid, &status, 0);
	ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
	    "child killed with SIGKILL right after the insert returned");
	ok(stat(suffixed(p, "-wal"), &sb) == 0 && sb.st_size > 0,
	    "its rows were left in the WAL, never checkpointed");
	ok(q_int(p, "SELECT count(*) FROM cdr WHERE call_id = 'killed'") == 1 &&
	    q_int(p, "SELECT count(*) FROM events WHERE call_id = 'killed'") == 1,
	    "its CDR and event survived");
	ok(strcmp(q_text(p, "PRAGMA integrity_check"), "ok") == 0,
	    "integrity_check ok");
}

/* --- one transaction per loop pass (batch) ------------------------------ */

static int
batch_event(struct db *db, const char *call_id, int64_t ts)
{
	struct db_event e = { .ts_ms = ts, .kind = EV_CALL_START,
	    .call_id = call_id };

	return db_event_add(db, &e);
}

#define BATCH_COUNT(p, id) q_int(p, "SELECT count(*) FROM events WHERE " \
    "call_id = '" id "'")

/* The writes of a pass are one transaction: invisible to other
 * connections until db_commit(); a failed COMMIT loses them all, says so
 * and leaves the next write its own fresh transaction. */
static void
test_batch(const char *p)
{
	struct db	*db;
	struct cdr	 c = sample_cdr("batched");

	unlink_db(p);
	db = db_open(p, err, sizeof err);
	ok(db != NULL, "opened for batch");
	db_set_batch(db, 1);
	ok(batch_event(db, "b1", 1) == 0 && batch_event(db, "b1", 2) == 0 &&
	    db_cdr_insert(db, &c) == 0 && db_pending(db) == 3,
	    "three writes in the pass, pending %d", db_pending(db));
	ok(BATCH_COUNT(p, "b1") == 0 && q_int(p, "SELECT count(*) FROM cdr "
	    "WHERE call_id = 'batched'") == 0,
	    "another connection sees none of them before the commit");
	ok(db_commit(db) == 0 && db_pending(db) == 0 && BATCH_COUNT(p, "b1") ==
	    2 && q_int(p, "SELECT count(*) FROM cdr WHERE call_id = "
	    "'batched'") == 1, "after db_commit it sees all three");
	ok(db_commit(db) == 0, "a commit with nothing written is a no-op");

	db_fail_commit_after(1);
	ok(batch_event(db, "b2", 3) == 0 && batch_event(db, "b2", 4) == 0 &&
	    db_commit(db) == -1 && db_pending(db) == 0,
	    "an injected COMMIT failure is reported");
	ok(strstr(db_last_error(db), "injected") != NULL &&
	    BATCH_COUNT(p, "b2") == 0, "its writes are all gone, not half");
	ok(batch_event(db, "b3", 5) == 0 && db_pending(db) == 1 &&
	    db_commit(db) == 0 && BATCH_COUNT(p, "b3") == 1,
	    "the next write opens a new transaction, committed");

	ok(batch_event(db, "b4", 6) == 0 && BATCH_COUNT(p, "b4") == 0,
	    "a write left pending");
	db_close(db);
	ok(BATCH_COUNT(p, "b4") == 1, "closing commits it");
}

/* kill -9 in the middle of a pass loses only that pass's rows: what was
 * committed before survives, the pass's own never half. */
static void
test_batch_sigkill(const char *p)
{
	pid_t	pid;
	int	status;

	unlink_db(p);
	fflush(stdout);
	if ((pid = fork()) == 0) {
		struct db *db = db_open(p, err, sizeof err);

		if (db == NULL)
			_exit(1);
		db_set_batch(db, 1);
		if (batch_event(db, "k1", 1) == 0 && batch_event(db, "k1", 2) ==
		    0 && db_commit(db) == 0 && batch_event(db, "k2", 3) == 0 &&
		    batch_event(db, "k2", 4) == 0)
			raise(SIGKILL);
		_exit(1);
	}
	waitpid(pid, &status, 0);
	ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
	    "batch child killed in its second pass");
	ok(BATCH_COUNT(p, "k1") == 2 && BATCH_COUNT(p, "k2") == 0,
	    "the committed pass survived, the killed pass left nothing");
	ok(strcmp(q_text(p, "PRAGMA integrity_check"), "ok") == 0,
	    "integrity_check ok");
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

static void
rec_event(struct db *db, int64_t ts, const char *kind, const char *call,
    const char *agent, const char *queue, const char *state)
{
	struct db_event e = { .ts_ms = ts, .kind = kind, .call_id = call,
	    .agent = agent, .queue = queue, .state = state };

	db_event_add(db, &e);
}

/* What a core killed at 3000 leaves: call A answered by 1001, call B
 * ended, agent 1001 logged in and on A, 1002 logged out, a recording. */
static void
rec_killed_run(struct db *db)
{
	struct cdr		 a = { .call_id = "A", .direction = "in",
	    .start_ms = 1000, .cli = "600", .dnis = "2000", .span = "e1a",
	    .channel = 5 };
	struct cdr		 b = sample_cdr("B");
	struct db_recording	 r = { .call_id = "A", .path = "a.wav",
	    .format = "mixed", .why = "policy", .start_ms = 1500 };

	db_heartbeat_start(db, 900, 4242, 2000);
	db_session_open(db, "1001", 900);
	rec_event(db, 900, EV_AGENT_STATE, NULL, "1001", NULL, "not_ready");
	db_session_open(db, "1002", 950);
	db_call_open(db, &a);
	b.start_ms = 1100;
	db_call_open(db, &b);
	rec_event(db, 1200, EV_QUEUE_ENTER, "A", NULL, "sales", NULL);
	rec_event(db, 1500, EV_AGENT_ANSWER, "A", "1001", "sales", NULL);
	rec_event(db, 1500, EV_AGENT_STATE, "A", "1001", NULL, "on_call");
	db_recording_add(db, &r);
	db_session_close(db, "1002", 1300, "logout");
	db_cdr_insert(db, &b);
	db_heartbeat(db, 2800);
	rec_event(db, 2900, EV_HOLD, "A", "1001", "sales", NULL);
}

static void
rec_stats_cb(const struct db_event *e, void *arg)
{
	struct stats_event	se = { .ts_ms = e->ts_ms, .kind = e->kind,
	    .call_id = e->call_id, .agent = e->agent, .queue = e->queue,
	    .state = e->state };
	char			reason[32];

	stats_event_detail(&se, e->detail, reason, sizeof reason);
	stats_feed(arg, &se);
}

/* The agent's time, as a report long after the crash counts it. */
static int64_t
rec_agent_ms(struct db *db, const char *agent, enum stats_state st)
{
	struct stats_opts	 o = { .interval_s = 86400,
	    .short_abandon_ms = 5000 };
	struct stats		*s = stats_new(&o);
	int64_t			 ms = 0;

	db_events_since(db, 0, rec_stats_cb, s);
	stats_close(s, 86400000);
	for (int i = 0; i < stats_nagents(s); i++)
		if (strcmp(stats_agent_at(s, i)->agent, agent) == 0)
			ms += stats_agent_at(s, i)->state_ms[st];
	stats_free(s);
	return ms;
}

static void
test_recover(void)
{
	const char		*p = in_dir("rec.db");
	struct db		*db = db_open(p, err, sizeof err);
	struct db_recovery	 r;
	struct field		 f[] = {
		I("start_ms", 1000), I("answer_ms", 1200), I("end_ms", 2900),
		T("cli", "600"), T("span", "e1a"), I("channel", 5),
		T("queue", "sales"), T("agent", "1001"),
		I("queue_enter_ms", 1200), I("agent_answer_ms", 1500),
		I("wait_ms", 300), I("talk_ms", 1400), I("cause", 41),
		T("cleared_by", "core"), T("reason", "core stopped"),
	};

	rec_killed_run(db);
	ok(db_count(db, "calls_open") == 1 && db_count(db, "sessions_open") == 1,
	    "a call is stored from its SETUP, removed by its CDR; a session "
	    "from login to logout");
	db_close(db);		/* as good as a kill: nothing is written at close */
	db = db_open(p, err, sizeof err);
	ok(db_recover(db, &r) == 0 && r.at_ms == 2900 && r.calls == 1 &&
	    r.sessions == 1 && r.recordings == 1, "recovery: 1 call, 1 session, "
	    "1 recording left open, at the last sign of life (the later of the "
	    "heartbeat and the last event): %lld", (long long)r.at_ms);
	ok(*fields_differ(p, "cdr WHERE call_id = 'A'", f, NFIELDS(f)) == 0,
	    "the open call's CDR: closed at 2900 with cause 41 by the core, "
	    "queue, agent and times from its events (first bad: %s)",
	    fields_differ(p, "cdr WHERE call_id = 'A'", f, NFIELDS(f)));
	ok(q_int(p, "SELECT count(*) FROM events WHERE kind = 'call_end' AND "
	    "call_id = 'A' AND ts_ms = 2900 AND agent = '1001' AND detail LIKE "
	    "'%\"reason\":\"core stopped\"%'") == 1 && q_int(p, "SELECT count(*) "
	    "FROM events WHERE ts_ms = 2900 AND agent = '1001' AND ((kind = "
	    "'agent_state' AND state = 'logged_out') OR (kind = 'agent_logout' "
	    "AND detail LIKE '%core stopped%'))") == 2,
	    "events: call_end, then agent 1001 logged out, 'core stopped'");
	ok(q_int(p, "SELECT count(*) FROM sessions WHERE agent = '1001' AND "
	    "logout_ms = 2900 AND cause = 'core stopped'") == 1 && q_int(p,
	    "SELECT logout_ms FROM sessions WHERE agent = '1002'") == 1300 &&
	    q_int(p, "SELECT count(*) FROM recordings WHERE end_ms = 2900 AND "
	    "status = 'failed'") == 1 && db_count(db, "calls_open") == 0,
	    "the session closed at 2900, the one closed before kept; the "
	    "recording failed");
	ok(rec_agent_ms(db, "1001", ST_ON_CALL) == 1400 && rec_agent_ms(db,
	    "1001", ST_NOT_READY) == 600, "statistics end agent 1001's time at "
	    "the crash, not at the report's end: on call %lld ms",
	    (long long)rec_agent_ms(db, "1001", ST_ON_CALL));
	ok(db_recover(db, &r) == 0 && r.calls + r.sessions + r.recordings == 0 &&
	    db_count(db, "cdr") == 2, "a second recovery finds nothing to do");
	db_heartbeat_stop(db, 5000);
	ok(q_int(p, "SELECT stopped_ms FROM heartbeat") == 5000 && q_int(p,
	    "SELECT pid FROM heartbeat") == 4242, "an orderly stop is marked");
	db_close(db);
}

/* A failure anywhere in the recovery leaves everything open, for the
 * next try: never half of it. */
static void
test_recover_faults(void)
{
	const char		*p = in_dir("recf.db");
	struct db		*db;
	struct db_recovery	 r;
	int			 n, bad = 0, failed = 0;

	log_set_level(LOG_LEVEL_ERROR);
	for (n = 1; n < 100; n++) {
		unlink_db(p);
		db = db_open(p, err, sizeof err);
		rec_killed_run(db);
		db_fail_after(n);
		if (db_recover(db, &r) == 0) {
			db_fail_after(0);
			db_close(db);
			break;
		}
		db_fail_after(0);
		failed++;
		bad += db_count(db, "calls_open") != 1 || db_count(db,
		    "sessions_open") != 1 || db_count(db, "cdr") != 1;
		bad += db_recover(db, &r) != 0 || db_count(db, "cdr") != 2;
		db_close(db);
	}
	log_set_level(LOG_LEVEL_INFO);
	ok(failed > 5 && bad == 0, "an I/O error at each of %d steps of the "
	    "recovery leaves all open, and the next recovery closes it (%d "
	    "wrong)", failed, bad);
}

int
main(void)
{
	char	p[300], cmd[64];

	if (mkdtemp(dir) == NULL)
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
	test_faults();
	test_sigkill(in_dir("kill.db"));
	test_batch(in_dir("batch.db"));
	test_batch_sigkill(in_dir("batchkill.db"));
	test_upgrade4();
	test_recover();
	test_recover_faults();
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		return 1;
	return tap_done();
}
