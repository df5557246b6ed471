/* db-campaign.c: the campaign tables: campaigns' run-time state, lists,
 * records and their attempts, and the do-not-call lists. Numbers are
 * stored in E.164 (lib/phone.c); the global DNC list is client NULL. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include <jansson.h>
#include "db.h"
#include "db-campaign.h"
#include "db-private.h"
#include "log.h"

/* The record insert, prepared once per transaction (an import). */
static sqlite3_stmt *db_rec_ins;

static void
db_camp_col(sqlite3_stmt *st, int i, char *buf, size_t len)
{
	const char *s = (const char *)sqlite3_column_text(st, i);

	snprintf(buf, len, "%s", s != NULL ? s : "");
}

int
db_campaign_state(struct db *db, const char *name, const char *initial,
    char *state, size_t len)
{
	sqlite3_stmt	*st = db_once(db, "INSERT OR IGNORE INTO campaigns "
	    "(name, state, changed_by, changed_ms) VALUES (?, ?, 'config', "
	    "CAST(strftime('%s', 'now') AS INTEGER) * 1000)");
	int		 rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, initial, -1, SQLITE_TRANSIENT);
	if (db_run_once(db, st, "campaign") < 0 || (st = db_once(db,
	    "SELECT state FROM campaigns WHERE name = ?")) == NULL)
		return -1;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
	if ((rc = db_step(db, st)) == SQLITE_ROW)
		db_camp_col(st, 0, state, len);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

int
db_campaign_set_state(struct db *db, const char *name, const char *state,
    const char *by, int64_t ms)
{
	sqlite3_stmt *st = db_once(db, "UPDATE campaigns SET state = ?, "
	    "changed_by = ?, changed_ms = ? WHERE name = ?");

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, state, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, by, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 3, ms);
	sqlite3_bind_text(st, 4, name, -1, SQLITE_TRANSIENT);
	return db_run_once(db, st, "campaign state") < 0 ? -1 : 0;
}

int
db_list_find(struct db *db, const char *campaign, const char *name,
    int64_t *id, char *state, size_t len)
{
	sqlite3_stmt	*st = db_once(db, "SELECT id, state FROM lists "
	    "WHERE campaign = ? AND name = ?");
	int		 rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, campaign, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
	if ((rc = db_step(db, st)) == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		db_camp_col(st, 1, state, len);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

int64_t
db_list_add(struct db *db, const char *campaign, const char *name,
    int priority, int64_t ms)
{
	sqlite3_stmt *st = db_once(db, "INSERT INTO lists (campaign, "
	    "name, priority, created_ms) VALUES (?, ?, ?, ?)");

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, campaign, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 3, priority);
	sqlite3_bind_int64(st, 4, ms);
	if (db_run_once(db, st, "list") < 0)
		return -1;
	return sqlite3_last_insert_rowid(db->h);
}

int
db_list_set_priority(struct db *db, int64_t id, int priority)
{
	sqlite3_stmt *st = db_once(db, "UPDATE lists SET priority = ? "
	    "WHERE id = ?");

	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, priority);
	sqlite3_bind_int64(st, 2, id);
	return db_run_once(db, st, "list priority") < 0 ? -1 : 0;
}

int
db_list_set_state(struct db *db, const char *campaign, const char *name,
    const char *state, const char *by)
{
	sqlite3_stmt *st = db_once(db, "UPDATE lists SET state = ?, "
	    "changed_by = ? WHERE campaign = ? AND name = ?");

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, state, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, by, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, campaign, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, name, -1, SQLITE_TRANSIENT);
	return db_run_once(db, st, "list state");
}

int
db_record_add(struct db *db, int64_t list_id, int line, const char *phone,
    const char *name, const char *tz, const char *fields)
{
	sqlite3_stmt	*st = db_rec_ins;
	int		 rc;

	if (st == NULL && (st = db_once(db, "INSERT OR IGNORE INTO "
	    "records (list_id, line, phone, name, tz, fields) VALUES "
	    "(?, ?, ?, ?, ?, ?)")) == NULL)
		return -1;
	db_rec_ins = st;
	sqlite3_reset(st);
	sqlite3_bind_int64(st, 1, list_id);
	sqlite3_bind_int(st, 2, line);
	sqlite3_bind_text(st, 3, phone, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, tz, -1, SQLITE_TRANSIENT);
	db_bind_text(st, 6, fields, DB_TEXT_OPTIONAL);
	if ((rc = db_step(db, st)) != SQLITE_DONE) {
		log_warn("database: record not written: %s", db->err);
		return -1;
	}
	return sqlite3_changes(db->h) > 0 ? 0 : 1;
}

int64_t
db_record_last_id(struct db *db)
{
	return sqlite3_last_insert_rowid(db->h);
}

#define DB_RECORD_COLS "r.id, r.list_id, l.campaign, l.name, l.state, " \
	"r.phone, r.name, r.tz, r.state, coalesce(r.last_outcome, ''), " \
	"r.attempts, r.next_at_ms FROM records r JOIN lists l ON l.id = r.list_id"

static void
db_record_row(sqlite3_stmt *st, struct camp_record *r)
{
	r->id = sqlite3_column_int64(st, 0);
	r->list_id = sqlite3_column_int64(st, 1);
	db_camp_col(st, 2, r->campaign, sizeof r->campaign);
	db_camp_col(st, 3, r->list, sizeof r->list);
	db_camp_col(st, 4, r->list_state, sizeof r->list_state);
	db_camp_col(st, 5, r->phone, sizeof r->phone);
	db_camp_col(st, 6, r->name, sizeof r->name);
	db_camp_col(st, 7, r->tz, sizeof r->tz);
	db_camp_col(st, 8, r->state, sizeof r->state);
	db_camp_col(st, 9, r->last_outcome, sizeof r->last_outcome);
	r->attempts = sqlite3_column_int(st, 10);
	r->next_at_ms = sqlite3_column_int64(st, 11);
}

int
db_record_get(struct db *db, int64_t id, struct camp_record *r)
{
	sqlite3_stmt	*st = db_once(db, "SELECT " DB_RECORD_COLS
	    " WHERE r.id = ?");
	int		 rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = db_step(db, st)) == SQLITE_ROW)
		db_record_row(st, r);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/* One list's due records, longest due first: index records_due gives
 * them in order, without sorting the list. */
static int
db_list_due(struct db *db, int64_t list_id, int64_t now_ms,
    int (*fn)(const struct camp_record *, void *), void *arg)
{
	sqlite3_stmt		*st = db_once(db, "SELECT " DB_RECORD_COLS
	    " WHERE r.list_id = ? AND r.state = 'open' AND r.next_at_ms <= ?"
	    " ORDER BY r.next_at_ms, r.id");
	struct camp_record	 r;
	int			 rc, stop = 0;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, list_id);
	sqlite3_bind_int64(st, 2, now_ms);
	while (!stop && (rc = db_step(db, st)) == SQLITE_ROW) {
		db_record_row(st, &r);
		stop = fn(&r, arg);
	}
	sqlite3_finalize(st);
	return stop ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/* Lists by priority (then the older first), each by its due records. */
int
db_records_due_count(struct db *db, const char *campaign, int64_t now_ms,
    int limit)
{
	sqlite3_stmt	*st = db_once(db, "SELECT count(*) FROM (SELECT 1 "
	    "FROM records r JOIN lists l ON l.id = r.list_id WHERE l.campaign = "
	    "? AND l.state = 'active' AND r.state = 'open' AND r.next_at_ms <= "
	    "? LIMIT ?)");
	int		 v = -1;

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, campaign, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, now_ms);
	sqlite3_bind_int(st, 3, limit);
	if (db_step(db, st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

char *
db_record_fields(struct db *db, int64_t id)
{
	sqlite3_stmt	*st = db_once(db, "SELECT fields FROM records "
	    "WHERE id = ?");
	const char	*f;
	char		*v = NULL;

	if (st == NULL)
		return NULL;
	sqlite3_bind_int64(st, 1, id);
	if (db_step(db, st) == SQLITE_ROW &&
	    (f = (const char *)sqlite3_column_text(st, 0)) != NULL)
		v = strdup(f);
	sqlite3_finalize(st);
	return v;
}

int
db_records_due(struct db *db, const char *campaign, int64_t now_ms,
    int (*fn)(const struct camp_record *, void *), void *arg)
{
	sqlite3_stmt	*st = db_once(db, "SELECT id FROM lists WHERE "
	    "campaign = ? AND state = 'active' ORDER BY priority DESC, id");
	int64_t		 ids[256];
	int		 n = 0, rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, campaign, -1, SQLITE_TRANSIENT);
	while (n < 256 && (rc = db_step(db, st)) == SQLITE_ROW)
		ids[n++] = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	for (int i = 0; i < n; i++)
		if ((rc = db_list_due(db, ids[i], now_ms, fn, arg)) != 0)
			return rc < 0 ? -1 : 0;
	return 0;
}

int64_t
db_records_next_due(struct db *db, int64_t now_ms)
{
	sqlite3_stmt	*st = db_once(db, "SELECT min(r.next_at_ms) FROM "
	    "records r JOIN lists l ON l.id = r.list_id JOIN campaigns c ON "
	    "c.name = l.campaign WHERE c.state = 'running' AND l.state = "
	    "'active' AND r.state = 'open' AND r.next_at_ms > ?");
	int64_t		 v = 0;

	if (st == NULL)
		return 0;
	sqlite3_bind_int64(st, 1, now_ms);
	if (db_step(db, st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

int
db_records_undial(struct db *db)
{
	return db_run_once(db, db_once(db, "UPDATE records SET state = "
	    "'open' WHERE state IN ('dialing', 'preview')"), "records");
}

int
db_record_update(struct db *db, int64_t id, const char *state, int attempts,
    int64_t next_at_ms, const char *last_outcome)
{
	sqlite3_stmt *st = db_once(db, "UPDATE records SET state = ?, "
	    "attempts = ?, next_at_ms = ?, last_outcome = ? WHERE id = ?");

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, state, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 2, attempts);
	sqlite3_bind_int64(st, 3, next_at_ms);
	sqlite3_bind_text(st, 4, last_outcome, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 5, id);
	return db_run_once(db, st, "record") < 0 ? -1 : 0;
}

int
db_attempt_add(struct db *db, int64_t record_id, int64_t ms,
    const char *outcome, int cause, const char *agent, const char *disposition)
{
	sqlite3_stmt *st = db_once(db, "INSERT INTO attempts (record_id, "
	    "ts_ms, outcome, cause, agent, disposition) VALUES (?, ?, ?, ?, ?, ?)");

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, record_id);
	sqlite3_bind_int64(st, 2, ms);
	sqlite3_bind_text(st, 3, outcome, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 4, cause);
	db_bind_text(st, 5, agent, DB_TEXT_OPTIONAL);
	db_bind_text(st, 6, disposition, DB_TEXT_OPTIONAL);
	return db_run_once(db, st, "attempt") < 0 ? -1 : 0;
}

int
db_campaign_lists(struct db *db, const char *campaign, json_t *out)
{
	sqlite3_stmt	*st = db_once(db, "SELECT l.name, l.priority, "
	    "l.state, count(r.id), coalesce(sum(r.state = 'open'), 0), "
	    "coalesce(sum(r.state = 'done'), 0) FROM lists l LEFT JOIN records "
	    "r ON r.list_id = l.id WHERE l.campaign = ? GROUP BY l.id ORDER BY "
	    "l.priority DESC, l.id");
	int		 rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, campaign, -1, SQLITE_TRANSIENT);
	while ((rc = db_step(db, st)) == SQLITE_ROW)
		json_array_append_new(out, json_pack("{s:s,s:i,s:s,s:i,s:i,s:i}",
		    "name", (const char *)sqlite3_column_text(st, 0),
		    "priority", sqlite3_column_int(st, 1),
		    "state", (const char *)sqlite3_column_text(st, 2),
		    "records", sqlite3_column_int(st, 3),
		    "open", sqlite3_column_int(st, 4),
		    "done", sqlite3_column_int(st, 5)));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
db_attempt_note(struct db *db, int64_t record_id, const char *call_id,
    const char *amd, int64_t greeting_ms, int64_t message_ms)
{
	sqlite3_stmt *st = db_once(db, "UPDATE attempts SET call_id = ?, "
	    "amd = ?, greeting_ms = ?, message_ms = ? WHERE id = (SELECT "
	    "max(id) FROM attempts WHERE record_id = ?)");

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, call_id, DB_TEXT_OPTIONAL);
	db_bind_text(st, 2, amd, DB_TEXT_OPTIONAL);
	if (greeting_ms >= 0)
		sqlite3_bind_int64(st, 3, greeting_ms);
	if (message_ms >= 0)
		sqlite3_bind_int64(st, 4, message_ms);
	sqlite3_bind_int64(st, 5, record_id);
	return db_run_once(db, st, "attempt note") < 0 ? -1 : 0;
}

int
db_attempt_dispose(struct db *db, int64_t record_id, const char *code)
{
	sqlite3_stmt *st = db_once(db, "UPDATE attempts SET disposition = "
	    "? WHERE id = (SELECT max(id) FROM attempts WHERE record_id = ?)");

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, record_id);
	return db_run_once(db, st, "disposition") < 0 ? -1 : 0;
}

int
db_campaign_successes(struct db *db, const char *campaign,
    const char *const *codes, int n)
{
	sqlite3_stmt	*st;
	json_t		*list = json_array();
	char		*text;
	int		 rc, v = 0;

	for (int i = 0; i < n; i++)
		json_array_append_new(list, json_string(codes[i]));
	text = json_dumps(list, JSON_COMPACT);
	json_decref(list);
	st = db_once(db, "SELECT count(*) FROM attempts a JOIN records r "
	    "ON r.id = a.record_id JOIN lists l ON l.id = r.list_id WHERE "
	    "l.campaign = ? AND a.disposition IN (SELECT value FROM "
	    "json_each(?))");
	if (st == NULL) {
		free(text);
		return -1;
	}
	sqlite3_bind_text(st, 1, campaign, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, text, -1, SQLITE_TRANSIENT);
	if ((rc = db_step(db, st)) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	free(text);
	return rc == SQLITE_ROW ? v : -1;
}

int
db_campaign_attempts(struct db *db, const char *campaign, int *attempts,
    int *answered)
{
	sqlite3_stmt	*st = db_once(db, "SELECT count(*), coalesce(sum("
	    "a.outcome = 'answered'), 0) FROM attempts a JOIN records r ON "
	    "r.id = a.record_id JOIN lists l ON l.id = r.list_id WHERE "
	    "l.campaign = ? AND a.outcome <> 'dnc'");
	int		 rc;

	*attempts = *answered = 0;
	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, campaign, -1, SQLITE_TRANSIENT);
	if ((rc = db_step(db, st)) == SQLITE_ROW) {
		*attempts = sqlite3_column_int(st, 0);
		*answered = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

int
db_campaign_abandons(struct db *db, const char *campaign, int64_t since_ms,
    int *live, int *abandoned)
{
	sqlite3_stmt	*st = db_once(db, "SELECT count(*), coalesce(sum("
	    "a.outcome = 'abandoned'), 0) FROM attempts a JOIN records r ON "
	    "r.id = a.record_id JOIN lists l ON l.id = r.list_id WHERE "
	    "l.campaign = ? AND a.ts_ms >= ? AND a.outcome IN ('answered', "
	    "'abandoned')");
	int		 rc;

	*live = *abandoned = 0;
	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, campaign, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, since_ms);
	if ((rc = db_step(db, st)) == SQLITE_ROW) {
		*live = sqlite3_column_int(st, 0);
		*abandoned = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

int
db_dnc_add(struct db *db, const char *number, const char *client,
    const char *source, const char *by, int64_t ms)
{
	sqlite3_stmt *st = db_once(db, "INSERT OR IGNORE INTO dnc (number, "
	    "client, source, added_by, added_ms) VALUES (?, ?, ?, ?, ?)");

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, number, -1, SQLITE_TRANSIENT);
	db_bind_text(st, 2, client, DB_TEXT_OPTIONAL);
	sqlite3_bind_text(st, 3, source, -1, SQLITE_TRANSIENT);
	db_bind_text(st, 4, by, DB_TEXT_EMPTY);
	sqlite3_bind_int64(st, 5, ms);
	return db_run_once(db, st, "dnc");
}

int
db_dnc_remove(struct db *db, const char *number, const char *client)
{
	sqlite3_stmt *st = db_once(db, "DELETE FROM dnc WHERE number = ? "
	    "AND coalesce(client, '') = ?");

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, number, -1, SQLITE_TRANSIENT);
	db_bind_text(st, 2, client, DB_TEXT_EMPTY);
	return db_run_once(db, st, "dnc");
}

int
db_dnc_blocked(struct db *db, const char *number, const char *client)
{
	sqlite3_stmt	*st = db_once(db, "SELECT max(CASE WHEN client IS "
	    "NULL THEN 1 ELSE 2 END) FROM dnc WHERE number = ? AND "
	    "(client IS NULL OR client = ?)");
	int		 rc, v = 0;

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, number, -1, SQLITE_TRANSIENT);
	db_bind_text(st, 2, client, DB_TEXT_EMPTY);
	if ((rc = db_step(db, st)) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? v : -1;
}

int
db_tx_begin(struct db *db)
{
	return db_unit_begin(db);
}

static void
db_tx_end(void)
{
	sqlite3_finalize(db_rec_ins);
	db_rec_ins = NULL;
}

int
db_tx_commit(struct db *db)
{
	db_tx_end();
	return db_unit_commit(db);
}

void
db_tx_rollback(struct db *db)
{
	db_tx_end();
	db_unit_rollback(db);
}

/* A campaign's attempts since a time, as (time, flag) pairs in order: the
 * SELECT gives ts_ms and the flag, its parameters are the campaign and
 * the time. */
static int
db_campaign_pairs(struct db *db, const char *sql, const char *campaign,
    int64_t since_ms, void (*fn)(int64_t, int, void *), void *arg)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_once(db, sql)) == NULL)
		return -1;
	sqlite3_bind_text(st, 1, campaign, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, since_ms);
	while ((rc = db_step(db, st)) == SQLITE_ROW)
		fn(sqlite3_column_int64(st, 0), sqlite3_column_int(st, 1), arg);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
db_campaign_live_answers(struct db *db, const char *campaign,
    int64_t since_ms, void (*fn)(int64_t ms, int abandoned, void *),
    void *arg)
{
	return db_campaign_pairs(db, "SELECT a.ts_ms, a.outcome = 'abandoned' "
	    "FROM attempts a JOIN records r ON r.id = a.record_id JOIN lists l "
	    "ON l.id = r.list_id WHERE l.campaign = ? AND a.ts_ms >= ? AND "
	    "a.outcome IN ('answered', 'abandoned') ORDER BY a.ts_ms",
	    campaign, since_ms, fn, arg);
}

int
db_campaign_machines(struct db *db, const char *campaign, int64_t since_ms,
    void (*fn)(int64_t ms, int initial_silence, void *), void *arg)
{
	return db_campaign_pairs(db, "SELECT a.ts_ms, a.amd = "
	    "'machine:initial silence' FROM attempts a JOIN records r ON r.id = "
	    "a.record_id JOIN lists l ON l.id = r.list_id WHERE l.campaign = ? "
	    "AND a.ts_ms >= ? AND a.outcome = 'machine' AND a.amd LIKE "
	    "'machine:%' ORDER BY a.ts_ms", campaign, since_ms, fn, arg);
}
