/* db-checkpoint.c: the core's WAL checkpoints, their bulk run by a thread
 * of its own on a second connection, off the event loop. SQLite's
 * automatic checkpoint runs inside the commit that crosses 1,000 pages:
 * it copies the pages into the database and syncs both files
 * (synchronous=NORMAL) while the loop waits, and every event of the pass
 * waits with it (docs/PERFORMANCE.md, bench-events). Here the commit's WAL
 * hook wakes the thread, which runs PASSIVE checkpoints (never blocking
 * the writer) until all but a few pages are copied. The WAL restarts from
 * its start only at a write that finds every frame copied, which the loop
 * writing meanwhile never lets the thread see: so once the thread is
 * done (and has synced the WAL written meanwhile), the loop's next commit
 * copies what is left (a few pages, and two small syncs: a few ms on the
 * test VM, against 45-70 ms for a whole checkpoint) and the WAL stays
 * near 1,000 pages. Durability is
 * unchanged: commits reach the WAL with write(2) as before, and the
 * checkpoint's syncs are the same. Should the thread fall behind (the WAL
 * at 16 times the threshold), the commit checkpoints inline as SQLite
 * would have. The thread never logs (log.c is the loop's): the hook
 * reports its last failure. */
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sqlite3.h>
#include "db.h"
#include "db-private.h"
#include "log.h"
#include "xmalloc.h"

#define DB_CKPT_PAGES	1000	/* SQLite's own default threshold */
#define DB_CKPT_LEFT	64	/* pages the loop may have to copy */
#define DB_CKPT_ENV	"CENTRALA_CHECKPOINT_PAGES"	/* tests only */

struct db_ckpt {
	sqlite3		*h;		/* the thread's connection */
	pthread_t	 thread;
	pthread_mutex_t	 mu;
	pthread_cond_t	 cv;
	int		 due, stop, pages;
	int		 done;		/* a checkpoint ended: the loop ends it */
	char		*wal;		/* the -wal file's path */
	unsigned long	 runs, failures, reported;
	char		 err[256];
};

static void *
ckpt_thread(void *arg)
{
	struct db_ckpt	*k = arg;
	int		 rc, nlog, nckpt, fd;

	pthread_mutex_lock(&k->mu);
	for (;;) {
		while (!k->due && !k->stop)
			pthread_cond_wait(&k->cv, &k->mu);
		if (k->stop)
			break;
		k->due = 0;
		pthread_mutex_unlock(&k->mu);
		/* again while the writer added much meanwhile: what is left
		 * for the loop to finish is then a few pages */
		do {
			nlog = nckpt = 0;
			rc = sqlite3_wal_checkpoint_v2(k->h, NULL,
			    SQLITE_CHECKPOINT_PASSIVE, &nlog, &nckpt);
		} while (rc == SQLITE_OK && nlog - nckpt > DB_CKPT_LEFT &&
		    !k->stop);
		/* the WAL's pages written meanwhile reach the disk here, so
		 * the loop's own sync, finishing it, has little left to do */
		if (rc == SQLITE_OK && (fd = open(k->wal, O_RDONLY |
		    O_CLOEXEC)) >= 0) {
			(void)fdatasync(fd);
			close(fd);
		}
		pthread_mutex_lock(&k->mu);
		k->runs++;
		k->done = rc == SQLITE_OK;
		if (rc != SQLITE_OK && rc != SQLITE_BUSY) {
			k->failures++;
			snprintf(k->err, sizeof k->err, "%s",
			    sqlite3_errmsg(k->h));
		}
	}
	pthread_mutex_unlock(&k->mu);
	return NULL;
}

/* After each commit of the core's connection, on the loop. */
static int
ckpt_hook(void *arg, sqlite3 *h, const char *name, int pages)
{
	struct db_ckpt	*k = arg;
	char		 err[sizeof k->err];
	int		 inline_ckpt = 0;

	(void)name;
	err[0] = '\0';
	pthread_mutex_lock(&k->mu);
	if (k->done) {
		/* what was committed while the thread copied: a few pages
		 * here, and the next write restarts the WAL from its start */
		k->done = 0;
		inline_ckpt = 1;
	} else if (pages >= k->pages && !k->due) {
		k->due = 1;
		pthread_cond_signal(&k->cv);
	}
	if (k->failures > k->reported) {
		k->reported = k->failures;
		memcpy(err, k->err, sizeof err);
	}
	if (pages >= 16 * k->pages)
		inline_ckpt = 1;
	pthread_mutex_unlock(&k->mu);
	if (err[0] != '\0')
		log_warn("database: checkpoint: %s", err);
	if (inline_ckpt && sqlite3_wal_checkpoint_v2(h, NULL,
	    SQLITE_CHECKPOINT_PASSIVE, NULL, NULL) != SQLITE_OK &&
	    sqlite3_errcode(h) != SQLITE_BUSY)
		log_warn("database: checkpoint: %s", sqlite3_errmsg(h));
	return SQLITE_OK;
}

int
db_checkpointer_start(struct db *db, const char *path, char *err,
    size_t errlen)
{
	struct db_ckpt	*k = xcalloc(1, sizeof *k);
	const char	*env = getenv(DB_CKPT_ENV);

	k->pages = env != NULL && atoi(env) > 0 ? atoi(env) : DB_CKPT_PAGES;
	if (sqlite3_open_v2(path, &k->h, SQLITE_OPEN_READWRITE, NULL) !=
	    SQLITE_OK) {
		snprintf(err, errlen, "%s: checkpoint connection: %s", path,
		    k->h != NULL ? sqlite3_errmsg(k->h) : "out of memory");
		sqlite3_close(k->h);
		free(k);
		return -1;
	}
	sqlite3_busy_timeout(k->h, DB_BUSY_TIMEOUT_MS);
	k->wal = xprintf("%s-wal", path);
	pthread_mutex_init(&k->mu, NULL);
	pthread_cond_init(&k->cv, NULL);
	if (pthread_create(&k->thread, NULL, ckpt_thread, k) != 0) {
		snprintf(err, errlen, "checkpoint thread: cannot start");
		sqlite3_close(k->h);
		free(k);
		return -1;
	}
	/* replaces the automatic checkpoint (wal_autocheckpoint) */
	sqlite3_wal_hook(db->h, ckpt_hook, k);
	db->ckpt = k;
	return 0;
}

void
db_checkpointer_stop(struct db *db)
{
	struct db_ckpt *k = db->ckpt;

	if (k == NULL)
		return;
	sqlite3_wal_hook(db->h, NULL, NULL);
	pthread_mutex_lock(&k->mu);
	k->stop = 1;
	pthread_cond_signal(&k->cv);
	pthread_mutex_unlock(&k->mu);
	pthread_join(k->thread, NULL);
	if (k->failures > k->reported)
		log_warn("database: checkpoint: %s", k->err);
	log_debug("database: %lu checkpoints off the loop", k->runs);
	sqlite3_close(k->h);
	free(k->wal);
	pthread_mutex_destroy(&k->mu);
	pthread_cond_destroy(&k->cv);
	free(k);
	db->ckpt = NULL;
}
