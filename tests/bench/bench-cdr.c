/* bench-cdr.c: the cost of the queue totals on the write path
 * (core/db-totals.c). N answered calls written as the core writes them
 * (queue_enter, offer, the agent ringing, answer, on call, CDR, call_end,
 * wrap-up, ready), one commit per event as one per loop pass, into a
 * fresh database file: once with the totals' trigger dropped (as before
 * schema 8), once with it. Prints calls/s of each.
 * `bench-cdr --migrate FILE` instead upgrades FILE to the current schema
 * (the backfill of step 8) and prints how long it took. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/resource.h>
#include "db.h"
#include "db-private.h"

static double
cpu_s(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_utime.tv_sec + ru.ru_stime.tv_sec +
	    (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

static double
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
ev(struct db *db, int64_t ts, const char *kind, const char *call,
    const char *agent, const char *queue, const char *state, const char *d)
{
	struct db_event e = { ts, kind, call, agent, queue, state, d };

	if (db_event_add(db, &e) != 0 || db_commit(db) != 0) {
		fprintf(stderr, "bench-cdr: %s\n", db_last_error(db));
		exit(1);
	}
}

/* Writes n calls; returns calls per second (of wall time), and the CPU
 * time per call in *cpu_ms. */
static double
run(const char *path, int n, int totals, double *cpu_ms)
{
	char		 err[512], id[32], agent[16], queue[8];
	struct db	*db;
	double		 t0, c0;
	int64_t		 base = 1793491200000LL;

	unlink(path);
	if ((db = db_open(path, err, sizeof err)) == NULL) {
		fprintf(stderr, "bench-cdr: %s\n", err);
		exit(1);
	}
	if (!totals)
		sqlite3_exec(db->h, "DROP TRIGGER temp.cz_totals_event", NULL,
		    NULL, NULL);
	db_set_batch(db, 1);
	t0 = now_s();
	c0 = cpu_s();
	for (int i = 0; i < n; i++) {
		int64_t		enter = base + i * 2000LL, ans = enter + 3000;
		struct cdr	c = { .call_id = id, .direction = "in",
		    .start_ms = enter - 1000, .answer_ms = enter - 1000,
		    .end_ms = ans + 60000, .cli = "48600100200", .dnis = "2000",
		    .span = "e1a", .channel = 1 + i % 30, .queue = queue,
		    .agent = agent, .queue_enter_ms = enter,
		    .agent_answer_ms = ans, .wait_ms = 3000, .talk_ms = 60000,
		    .cause = 16, .cleared_by = "network" };

		snprintf(id, sizeof id, "c%08d", i);
		snprintf(agent, sizeof agent, "%d", 1000 + i % 50);
		snprintf(queue, sizeof queue, "q%d", i % 5);
		ev(db, enter, "queue_enter", id, NULL, queue, NULL,
		    "{\"sl_target\":20}");
		ev(db, ans - 2000, "offer", id, agent, queue, NULL, NULL);
		ev(db, ans - 2000, "agent_state", NULL, agent, NULL, "ringing", NULL);
		ev(db, ans, "answer", id, agent, queue, NULL, NULL);
		ev(db, ans, "agent_state", NULL, agent, NULL, "on_call", NULL);
		if (db_cdr_insert(db, &c) != 0) {
			fprintf(stderr, "bench-cdr: %s\n", db_last_error(db));
			exit(1);
		}
		ev(db, ans + 60000, "call_end", id, agent, queue, NULL, NULL);
		ev(db, ans + 60000, "agent_state", NULL, agent, NULL, "wrap_up", NULL);
		ev(db, ans + 65000, "agent_state", NULL, agent, NULL, "ready", NULL);
	}
	t0 = now_s() - t0;
	*cpu_ms = (cpu_s() - c0) * 1000 / n;
	db_close(db);
	unlink(path);
	return n / t0;
}

int
main(int argc, char **argv)
{
	int		 n = argc > 1 ? atoi(argv[1]) : 20000;
	char		 path[] = "/tmp/bench-cdr.XXXXXX", err[512];
	struct db	*db;
	double		 t0;
	int		 fd;

	if (argc == 3 && strcmp(argv[1], "--migrate") == 0) {
		t0 = now_s();
		if ((db = db_open(argv[2], err, sizeof err)) == NULL) {
			fprintf(stderr, "bench-cdr: %s\n", err);
			return 1;
		}
		db_close(db);
		printf("upgrade to schema %d with the totals' backfill: %.2f s\n",
		    DB_SCHEMA_VERSION, now_s() - t0);
		return 0;
	}
	if ((fd = mkstemp(path)) < 0) {
		perror("bench-cdr: mkstemp");
		return 1;
	}
	close(fd);
	for (int round = 0; round < 2; round++) {
		double	cw, cx, without = run(path, n, 0, &cw);
		double	with = run(path, n, 1, &cx);

		printf("CDR write path, %d calls (9 events + CDR each, a commit "
		    "per write): without totals %.0f calls/s (CPU %.2f ms a "
		    "call), with totals %.0f calls/s (CPU %.2f ms a call); "
		    "with/without %.2f\n", n, without, cw, with, cx,
		    with / without);
	}
	return 0;
}
