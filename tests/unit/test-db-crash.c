/* test-db-crash.c: what the store keeps whatever stops it, checked from
 * outside with plain SQLite queries: injected I/O errors at every step
 * (each call stored or reported, never half), durability across SIGKILL,
 * one transaction per loop pass (batch: committed whole or lost whole),
 * and the recovery of what a killed core left open. */
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

/* --- no record lost: the recovery of what a killed core left open -------- */

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
	if (db_util_start() != 0)
		return 1;
	test_faults();
	test_sigkill(in_dir("kill.db"));
	test_batch(in_dir("batch.db"));
	test_batch_sigkill(in_dir("batchkill.db"));
	test_recover();
	test_recover_faults();
	if (db_util_end() != 0)
		return 1;
	return tap_done();
}
