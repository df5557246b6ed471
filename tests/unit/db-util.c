/* db-util.c: what the store's unit tests share (db-util.h): a test
 * directory, plain SQLite queries from outside, field checks, a sample
 * CDR. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sqlite3.h>
#include "db-util.h"

char dir[] = "/tmp/cztdb.XXXXXX";
char err[512];

/* A path in the test directory (four live at a time). */
const char *
in_dir(const char *name)
{
	static char	buf[4][300];
	static int	i;

	i = (i + 1) % 4;
	snprintf(buf[i], sizeof buf[i], "%s/%s", dir, name);
	return buf[i];
}

const char *
suffixed(const char *path, const char *suffix)
{
	static char buf[2][320];
	static int  i;

	i = (i + 1) % 2;
	snprintf(buf[i], sizeof buf[i], "%s%s", path, suffix);
	return buf[i];
}

void
unlink_db(const char *p)
{
	unlink(p);
	unlink(suffixed(p, "-wal"));
	unlink(suffixed(p, "-shm"));
}

/* Runs sql on its own connection: the first column of the first row. */
long long
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

const char *
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

int
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
const char *
fields_differ(const char *p, const char *from, const struct field *f, int n)
{
	for (int i = 0; i < n; i++)
		if (!field_ok(p, from, &f[i]))
			return f[i].col;
	return "";
}

struct cdr
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

void
since_cb(const struct db_event *e, void *arg)
{
	struct since *s = arg;

	if (s->n < 8)
		s->ts[s->n++] = e->ts_ms;
	s->nulls += e->call_id == NULL && e->kind != NULL;
}

int
db_util_start(void)
{
	return mkdtemp(dir) != NULL ? 0 : -1;
}

int
db_util_end(void)
{
	char cmd[64];

	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	return system(cmd) == 0 ? 0 : -1;
}
