/* core.c: the core's global state (core.h): the event loop, the
 * configuration in force, the database. Filled in by core-main.c at start;
 * every layer reads it, so it stands below them all.
 *
 * It also runs the loop, one pass at a time: libevent 2.1 has no hook for
 * "before the loop sleeps", so core_run() calls event_base_loop() with
 * EVLOOP_ONCE (it returns once a pass has run every active callback) and,
 * between passes, commits the pass's one transaction (db.c), then calls
 * the release functions that modules holding back output for this pass
 * asked for (conn.c: clients' output; span-vspan.c: D-channel frames).
 * Whatever a release writes or holds is committed and released again
 * before the loop sleeps. A failed commit (logged by db.c) releases all
 * the same: the core goes on, as it always has after a failed write.
 *
 * For tests, CENTRALA_COMMIT_DELAY_MS makes each commit that much slower
 * (a slow disk): whatever leaves the core during it would be seen before
 * its rows (tests/integ/write-ahead.sh). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "core.h"
#include "db.h"
#include "log.h"

#define CORE_RELEASES	8	/* distinct release functions per pass */
#define CORE_DELAY_ENV	"CENTRALA_COMMIT_DELAY_MS"
#define CORE_DELAY_MAX	10000

struct core core;

static void	(*core_releases[CORE_RELEASES])(void);
static int	  core_nreleases;
static useconds_t core_commit_delay_us;

void
core_release_after_commit(void (*release)(void))
{
	for (int i = 0; i < core_nreleases; i++)
		if (core_releases[i] == release)
			return;
	if (core_nreleases == CORE_RELEASES)
		fatal("core: more than %d release functions in a pass",
		    CORE_RELEASES);
	core_releases[core_nreleases++] = release;
}

void
core_pass_end(void)
{
	void	(*run[CORE_RELEASES])(void);
	int	  n;

	for (;;) {
		if (core_commit_delay_us > 0 && core.db != NULL &&
		    db_pending(core.db) > 0)
			usleep(core_commit_delay_us);
		if (core.db != NULL)
			db_commit(core.db);
		if ((n = core_nreleases) == 0)
			return;
		memcpy(run, core_releases, n * sizeof run[0]);
		core_nreleases = 0;
		for (int i = 0; i < n; i++)
			run[i]();
	}
}

static void
core_commit_delay(void)
{
	const char	*v = getenv(CORE_DELAY_ENV);
	char		*end;
	long		 ms;

	if (v == NULL || *v == '\0')
		return;
	errno = 0;
	ms = strtol(v, &end, 10);
	if (errno != 0 || *end != '\0' || ms < 0 || ms > CORE_DELAY_MAX)
		fatal("%s: \"%s\" is not a number of milliseconds from 0 to %d",
		    CORE_DELAY_ENV, v, CORE_DELAY_MAX);
	core_commit_delay_us = ms * 1000;
	if (ms > 0)
		log_warn("%s: every commit delayed by %ld ms (for tests)",
		    CORE_DELAY_ENV, ms);
}

void
core_run(void)
{
	int r;

	core_commit_delay();
	if (core.db != NULL)
		db_set_batch(core.db, 1);
	do {
		r = event_base_loop(core.base, EVLOOP_ONCE);
		core_pass_end();
	} while (r == 0 && !event_base_got_exit(core.base) &&
	    !event_base_got_break(core.base));
	if (core.db != NULL)
		db_set_batch(core.db, 0);
}
