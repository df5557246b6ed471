/* db-backup.c: `backup FILE` (db-backup.h). The snapshot is pinned on the
 * loop: a second connection begins a read transaction there, so the copy
 * holds exactly what was committed when the request arrived (in WAL mode
 * the core's writers go on meanwhile). A thread then copies the pages with
 * sqlite3_backup_step(), syncs and renames the file, and writes one byte
 * to a pipe the loop watches; the loop reports. The core's own connection
 * is never touched from the thread. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <event2/event.h>
#include <sqlite3.h>
#include "db-backup.h"
#include "log.h"
#include "xmalloc.h"

struct db_backup {
	sqlite3		*src;		/* read transaction open: the snapshot */
	char		*dest, *tmp;
	int		 pipe[2];
	struct event	*ev;
	pthread_t	 thread;
	db_backup_cb	 done;
	void		*arg;
	int		 ok, pages;
	long long	 bytes;
	char		 err[512];
};

static struct db_backup *db_backup_running;	/* one at a time */

static void
db_backup_free(struct db_backup *b)
{
	if (b->ev != NULL)
		event_free(b->ev);
	if (b->pipe[0] >= 0)
		close(b->pipe[0]);
	if (b->pipe[1] >= 0)
		close(b->pipe[1]);
	sqlite3_close(b->src);
	free(b->dest);
	free(b->tmp);
	free(b);
}

/* The copy itself; on the thread, touching only b. */
static int
db_backup_copy(struct db_backup *b)
{
	sqlite3		*dst = NULL;
	sqlite3_backup	*bk;
	struct stat	 st;
	int		 rc;

	if (sqlite3_open_v2(b->tmp, &dst, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		snprintf(b->err, sizeof b->err, "%s: %s", b->tmp,
		    dst != NULL ? sqlite3_errmsg(dst) : "cannot open");
		sqlite3_close(dst);
		return -1;
	}
	if ((bk = sqlite3_backup_init(dst, "main", b->src, "main")) == NULL) {
		snprintf(b->err, sizeof b->err, "%s", sqlite3_errmsg(dst));
		sqlite3_close(dst);
		return -1;
	}
	rc = sqlite3_backup_step(bk, -1);
	b->pages = sqlite3_backup_pagecount(bk);
	sqlite3_backup_finish(bk);
	if (rc != SQLITE_DONE)
		snprintf(b->err, sizeof b->err, "%s", sqlite3_errmsg(dst));
	sqlite3_close(dst);
	if (rc != SQLITE_DONE)
		return -1;
	if (stat(b->tmp, &st) == 0)
		b->bytes = (long long)st.st_size;
	return 0;
}

static void *
db_backup_thread(void *arg)
{
	struct db_backup	*b = arg;
	char			 one = 1;
	int			 fd;

	b->ok = db_backup_copy(b) == 0;
	if (b->ok && ((fd = open(b->tmp, O_RDONLY)) < 0 || fsync(fd) != 0 ||
	    close(fd) != 0 || rename(b->tmp, b->dest) != 0)) {
		snprintf(b->err, sizeof b->err, "%s: %s", b->dest,
		    strerror(errno));
		b->ok = 0;
	}
	if (!b->ok)
		unlink(b->tmp);
	sqlite3_exec(b->src, "COMMIT", NULL, NULL, NULL);
	while (write(b->pipe[1], &one, 1) < 0 && errno == EINTR)
		;
	return NULL;
}

/* The thread has ended, or is about to: reaps it and says how it went. */
static void
db_backup_join(struct db_backup *b)
{
	pthread_join(b->thread, NULL);
	if (b->ok)
		log_info("backup written to %s: %d pages, %lld bytes", b->dest,
		    b->pages, b->bytes);
	else
		log_error("backup to %s failed: %s", b->dest, b->err);
	db_backup_running = NULL;
}

static void
db_backup_done_cb(evutil_socket_t fd, short what, void *arg)
{
	struct db_backup		*b = arg;
	struct db_backup_result		 r = { .file = b->dest, .ok = b->ok,
	    .error = b->err, .pages = b->pages, .bytes = b->bytes };
	char				 byte;

	if (read(fd, &byte, 1) != 1)
		return;
	db_backup_join(b);
	b->done(&r, b->arg);
	db_backup_free(b);
}

void
db_backup_wait(void)
{
	struct db_backup *b = db_backup_running;

	if (b == NULL)
		return;
	log_info("stop: waiting for the backup to %s to end", b->dest);
	db_backup_join(b);
	db_backup_free(b);
}

/* The second connection, its read transaction begun: the snapshot. */
static int
db_backup_pin(struct db_backup *b, const char *db_path)
{
	if (sqlite3_open_v2(db_path, &b->src, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK || sqlite3_exec(b->src, "BEGIN; SELECT count(*) FROM "
	    "sqlite_schema;", NULL, NULL, NULL) != SQLITE_OK) {
		snprintf(b->err, sizeof b->err, "%s: %s", db_path, b->src ?
		    sqlite3_errmsg(b->src) : "cannot open");
		return -1;
	}
	return 0;
}

/* The temporary file is created here, exclusively: an existing file of
 * that name is someone's and is left alone. */
static int
db_backup_claim(struct db_backup *b)
{
	int fd;

	if (access(b->dest, F_OK) == 0) {
		snprintf(b->err, sizeof b->err, "%s exists; a backup never "
		    "overwrites a file", b->dest);
		return -1;
	}
	if ((fd = open(b->tmp, O_WRONLY | O_CREAT | O_EXCL, 0640)) < 0) {
		snprintf(b->err, sizeof b->err, "%s: %s", b->tmp,
		    strerror(errno));
		return -1;
	}
	close(fd);
	return 0;
}

int
db_backup_start(struct event_base *base, const char *db_path,
    const char *dest, db_backup_cb done, void *arg, char *err, size_t errlen)
{
	struct db_backup *b;

	/* The second connection is handed to the thread. */
	if (!sqlite3_threadsafe()) {
		snprintf(err, errlen, "this SQLite is built without threads "
		    "(SQLITE_THREADSAFE=0): no online backup");
		return -1;
	}
	if (db_backup_running != NULL) {
		snprintf(err, errlen, "a backup to %s is still running",
		    db_backup_running->dest);
		return -1;
	}
	b = xcalloc(1, sizeof *b);
	b->pipe[0] = b->pipe[1] = -1;
	b->dest = xstrdup(dest);
	b->tmp = xprintf("%s.tmp", dest);
	b->done = done;
	b->arg = arg;
	if (dest[0] != '/')
		snprintf(b->err, sizeof b->err, "%s: not an absolute path", dest);
	else if (db_backup_claim(b) == 0) {
		if (db_backup_pin(b, db_path) == 0 && pipe2(b->pipe,
		    O_CLOEXEC) == 0 && pthread_create(&b->thread, NULL,
		    db_backup_thread, b) == 0) {
			b->ev = event_new(base, b->pipe[0], EV_READ | EV_PERSIST,
			    db_backup_done_cb, b);
			event_add(b->ev, NULL);
			db_backup_running = b;
			log_info("backup to %s started", dest);
			return 0;
		}
		if (b->err[0] == '\0')
			snprintf(b->err, sizeof b->err, "%s", strerror(errno));
		unlink(b->tmp);
	}
	snprintf(err, errlen, "%s", b->err);
	db_backup_free(b);
	return -1;
}
