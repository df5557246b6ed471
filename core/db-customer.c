/* db-customer.c: customers and contacts. A customer is found by the last
 * nine digits of a number (phone_key), so 600100200, 0600100200 and
 * +48600100200 are one person; a contact is one call an agent handled,
 * with the agent's note and disposition: the customer's history. */
#include <ctype.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>
#include "clock.h"
#include "db.h"
#include "db-private.h"
#include "log.h"

#define DB_PHONE_KEY	9	/* digits compared: a national number */

void
db_phone_key(const char *number, char *key, size_t len)
{
	char	digits[64];
	size_t	n = 0;

	for (; number != NULL && *number != '\0' && n < sizeof digits - 1; number++)
		if (isdigit((unsigned char)*number))
			digits[n++] = *number;
	digits[n] = '\0';
	snprintf(key, len, "%s", n > DB_PHONE_KEY ? digits + n - DB_PHONE_KEY :
	    digits);
}

/* SQL fold(TEXT): lower case for every script the C.UTF-8 locale knows
 * (Ł -> ł, Ș -> ș), so that a search for "łódź" finds "Łódź". SQLite's
 * own LIKE folds ASCII only. */
static void
db_fold_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	static locale_t	 utf8;
	const char	*in = (const char *)sqlite3_value_text(argv[0]);
	size_t		 len, n, m, cap, used = 0;
	mbstate_t	 rs, ws;
	locale_t	 old;
	wchar_t		 wc;
	char		*out, tmp[MB_LEN_MAX];

	if (in == NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	if (utf8 == (locale_t)0)
		utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
	len = strlen(in);
	cap = len * 2;		/* a lower-case letter takes at most 1.5 times */
	if (utf8 == (locale_t)0 || (out = sqlite3_malloc64(cap + 1)) == NULL) {
		sqlite3_result_text(ctx, in, -1, SQLITE_TRANSIENT);
		return;
	}
	old = uselocale(utf8);
	memset(&rs, 0, sizeof rs);
	memset(&ws, 0, sizeof ws);
	while (len > 0) {
		n = mbrtowc(&wc, in, len, &rs);
		if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
			out[used++] = *in++;		/* not UTF-8: as it is */
			len--;
			memset(&rs, 0, sizeof rs);
			continue;
		}
		if ((m = wcrtomb(tmp, towlower(wc), &ws)) == (size_t)-1 ||
		    used + m > cap)
			break;
		memcpy(out + used, tmp, m);
		used += m;
		in += n;
		len -= n;
	}
	uselocale(old);
	out[used] = '\0';
	sqlite3_result_text(ctx, out, -1, sqlite3_free);
}

static const char *
db_col(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);

	return s != NULL ? s : "";
}

int64_t
db_customer_by_phone(struct db *db, const char *number)
{
	sqlite3_stmt	*st;
	char		 key[16];
	int64_t		 id = 0;
	int		 rc;

	db_phone_key(number, key, sizeof key);
	if (strlen(key) < 3)
		return 0;
	if ((st = db_once(db, "SELECT id FROM customers WHERE phone_key = ?1 "
	    "OR phone2_key = ?1 ORDER BY updated_ms DESC LIMIT 1")) == NULL)
		return -1;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
	if ((rc = db_step(db, st)) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? id : -1;
}

static json_t *
db_customer_history(struct db *db, int64_t id, int max, const char *skip)
{
	sqlite3_stmt	*st;
	json_t		*a = json_array();

	if ((st = db_once(db, "SELECT call_id, start_ms, direction, queue, "
	    "agent, disposition, note FROM contacts WHERE customer_id = ? AND "
	    "call_id != ? ORDER BY start_ms DESC LIMIT ?")) == NULL)
		return a;
	sqlite3_bind_int64(st, 1, id);
	db_bind_text(st, 2, skip != NULL ? skip : "", DB_TEXT_EMPTY);
	sqlite3_bind_int(st, 3, max);
	while (db_step(db, st) == SQLITE_ROW)
		json_array_append_new(a, json_pack("{s:s,s:I,s:s,s:s?,s:s,s:s?,"
		    "s:s}", "call", db_col(st, 0),
		    "at_ms", (json_int_t)sqlite3_column_int64(st, 1),
		    "direction", db_col(st, 2),
		    "queue", (const char *)sqlite3_column_text(st, 3),
		    "agent", db_col(st, 4),
		    "disposition", (const char *)sqlite3_column_text(st, 5),
		    "note", db_col(st, 6)));
	sqlite3_finalize(st);
	return a;
}

json_t *
db_customer_get(struct db *db, int64_t id, int history, const char *skip)
{
	sqlite3_stmt	*st;
	json_t		*c = NULL, *fields;

	if ((st = db_once(db, "SELECT id, name, company, phone, phone2, email, "
	    "fields FROM customers WHERE id = ?")) == NULL)
		return NULL;
	sqlite3_bind_int64(st, 1, id);
	if (db_step(db, st) == SQLITE_ROW) {
		fields = json_loads(db_col(st, 6), 0, NULL);
		if (!json_is_object(fields)) {
			json_decref(fields);
			fields = json_object();
		}
		c = json_pack("{s:I,s:s,s:s,s:s,s:s,s:s,s:o}",
		    "id", (json_int_t)sqlite3_column_int64(st, 0),
		    "name", db_col(st, 1), "company", db_col(st, 2),
		    "phone", db_col(st, 3), "phone2", db_col(st, 4),
		    "email", db_col(st, 5), "fields", fields);
	}
	sqlite3_finalize(st);
	if (c != NULL && history > 0)
		json_object_set_new(c, "history", db_customer_history(db, id,
		    history, skip));
	return c;
}

/* "#ID", digits (any part of a number), or a piece of a name or company. */
json_t *
db_customer_search(struct db *db, const char *q, int max)
{
	sqlite3_stmt	*st;
	json_t		*a = json_array();
	char		 digits[64], like[300];
	size_t		 n = 0;

	for (const char *p = q; *p != '\0' && n < sizeof digits - 1; p++)
		if (isdigit((unsigned char)*p))
			digits[n++] = *p;
		else if (*p != ' ' && *p != '+' && *p != '-')
			n = sizeof digits;	/* not a number */
	if (q[0] == '#')
		st = db_once(db, "SELECT id, name, company, phone FROM customers "
		    "WHERE id = ?1 LIMIT ?2");
	else if (n >= 3 && n < sizeof digits)
		st = db_once(db, "SELECT id, name, company, phone FROM customers "
		    "WHERE phone LIKE ?1 OR phone2 LIKE ?1 ORDER BY name LIMIT ?2");
	else {
		sqlite3_create_function(db->h, "fold", 1, SQLITE_UTF8 |
		    SQLITE_DETERMINISTIC, NULL, db_fold_fn, NULL, NULL);
		st = db_once(db, "SELECT id, name, company, phone FROM customers "
		    "WHERE fold(name) LIKE fold(?1) OR fold(company) LIKE fold(?1) "
		    "ORDER BY fold(name) LIKE fold(?3) DESC, name LIMIT ?2");
	}
	if (st == NULL)
		return a;
	if (q[0] == '#')
		sqlite3_bind_int64(st, 1, strtoll(q + 1, NULL, 10));
	else if (n >= 3 && n < sizeof digits) {
		digits[n] = '\0';
		snprintf(like, sizeof like, "%%%s%%", digits);
		sqlite3_bind_text(st, 1, like, -1, SQLITE_TRANSIENT);
	} else {
		snprintf(like, sizeof like, "%%%s%%", q);
		sqlite3_bind_text(st, 1, like, -1, SQLITE_TRANSIENT);
		snprintf(like, sizeof like, "%s%%", q);
		sqlite3_bind_text(st, 3, like, -1, SQLITE_TRANSIENT);
	}
	sqlite3_bind_int(st, 2, max);
	while (db_step(db, st) == SQLITE_ROW)
		json_array_append_new(a, json_pack("{s:I,s:s,s:s,s:s}",
		    "id", (json_int_t)sqlite3_column_int64(st, 0),
		    "name", db_col(st, 1), "company", db_col(st, 2),
		    "phone", db_col(st, 3)));
	sqlite3_finalize(st);
	return a;
}

int64_t
db_customer_save(struct db *db, const struct db_customer *c)
{
	sqlite3_stmt	*st;
	char		 k1[16], k2[16];
	int64_t		 now = clock_wall_ms();
	int		 rc;

	db_phone_key(c->phone, k1, sizeof k1);
	db_phone_key(c->phone2, k2, sizeof k2);
	st = c->id > 0 ? db_once(db, "UPDATE customers SET name = ?1, "
	    "company = ?2, phone = ?3, phone2 = ?4, email = ?5, fields = ?6, "
	    "phone_key = ?7, phone2_key = ?8, updated_ms = ?9 WHERE id = ?10") :
	    db_once(db, "INSERT INTO customers (name, company, phone, phone2, "
	    "email, fields, phone_key, phone2_key, updated_ms, created_ms) "
	    "VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?9)");
	if (st == NULL)
		return -1;
	db_bind_text(st, 1, c->name, DB_TEXT_REQUIRED);
	db_bind_text(st, 2, c->company, DB_TEXT_EMPTY);
	db_bind_text(st, 3, c->phone, DB_TEXT_EMPTY);
	db_bind_text(st, 4, c->phone2, DB_TEXT_EMPTY);
	db_bind_text(st, 5, c->email, DB_TEXT_EMPTY);
	db_bind_text(st, 6, c->fields, DB_TEXT_OPTIONAL);
	db_bind_text(st, 7, k1, DB_TEXT_EMPTY);
	db_bind_text(st, 8, k2, DB_TEXT_EMPTY);
	sqlite3_bind_int64(st, 9, now);
	if (c->id > 0)
		sqlite3_bind_int64(st, 10, c->id);
	if ((rc = db_run_once(db, st, "customer")) < 0)
		return -1;
	if (c->id > 0)
		return rc == 1 ? c->id : 0;
	return sqlite3_last_insert_rowid(db->h);
}

int
db_contact_open(struct db *db, const struct db_contact *c)
{
	sqlite3_stmt *st = db_once(db, "INSERT OR IGNORE INTO contacts (call_id, "
	    "customer_id, agent, queue, direction, number, start_ms, "
	    "updated_ms) VALUES (?,?,?,?,?,?,?,?)");

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, c->call_id, DB_TEXT_REQUIRED);
	if (c->customer_id > 0)
		sqlite3_bind_int64(st, 2, c->customer_id);
	db_bind_text(st, 3, c->agent, DB_TEXT_REQUIRED);
	db_bind_text(st, 4, c->queue, DB_TEXT_OPTIONAL);
	db_bind_text(st, 5, c->direction, DB_TEXT_REQUIRED);
	db_bind_text(st, 6, c->number, DB_TEXT_EMPTY);
	sqlite3_bind_int64(st, 7, c->start_ms);
	sqlite3_bind_int64(st, 8, c->start_ms);
	return db_run_once(db, st, "contact") < 0 ? -1 : 0;
}

/* Sets one column of the agent's contact for a call: "note",
 * "disposition" or "customer_id" (VALUE is its text, the id as digits).
 * 1 done, 0 when the agent has no contact for that call, -1 error. */
int
db_contact_set(struct db *db, const char *call_id, const char *agent,
    const char *column, const char *value)
{
	static const char *const sql[][2] = {
		{ "note", "UPDATE contacts SET note = ?1, updated_ms = ?2 "
		    "WHERE call_id = ?3 AND agent = ?4" },
		{ "disposition", "UPDATE contacts SET disposition = ?1, "
		    "updated_ms = ?2 WHERE call_id = ?3 AND agent = ?4" },
		{ "customer_id", "UPDATE contacts SET customer_id = CAST(?1 AS "
		    "INTEGER), updated_ms = ?2 WHERE call_id = ?3 AND agent = ?4" },
	};
	sqlite3_stmt *st = NULL;

	for (size_t i = 0; i < sizeof sql / sizeof sql[0] && st == NULL; i++)
		if (strcmp(sql[i][0], column) == 0 &&
		    (st = db_once(db, sql[i][1])) == NULL)
			return -1;
	if (st == NULL)
		return -1;
	db_bind_text(st, 1, value, DB_TEXT_REQUIRED);
	sqlite3_bind_int64(st, 2, clock_wall_ms());
	db_bind_text(st, 3, call_id, DB_TEXT_REQUIRED);
	db_bind_text(st, 4, agent, DB_TEXT_REQUIRED);
	return db_run_once(db, st, column);
}

json_t *
db_contact_get(struct db *db, const char *call_id, const char *agent)
{
	sqlite3_stmt	*st;
	json_t		*c = NULL;

	if ((st = db_once(db, "SELECT note, disposition, customer_id, agent, "
	    "queue, number FROM contacts WHERE call_id = ?1 AND (?2 IS NULL OR "
	    "agent = ?2) ORDER BY start_ms DESC LIMIT 1")) == NULL)
		return NULL;
	db_bind_text(st, 1, call_id, DB_TEXT_REQUIRED);
	db_bind_text(st, 2, agent, DB_TEXT_OPTIONAL);
	if (db_step(db, st) == SQLITE_ROW)
		c = json_pack("{s:s,s:s?,s:I,s:s,s:s?,s:s}", "note", db_col(st, 0),
		    "disposition", (const char *)sqlite3_column_text(st, 1),
		    "customer", (json_int_t)sqlite3_column_int64(st, 2),
		    "agent", db_col(st, 3),
		    "queue", (const char *)sqlite3_column_text(st, 4),
		    "number", db_col(st, 5));
	sqlite3_finalize(st);
	return c;
}
