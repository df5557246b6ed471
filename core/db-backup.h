/* db-backup.h: a consistent copy of the live database to a file, taken
 * with SQLite's online backup API off the event loop, while calls go on. */
#ifndef CZ_DB_BACKUP_H
#define CZ_DB_BACKUP_H

#include <stddef.h>

struct event_base;

struct db_backup_result {
	const char	*file;
	int		 ok;
	const char	*error;		/* when !ok */
	int		 pages;		/* of the copy */
	long long	 bytes;
};

typedef void (*db_backup_cb)(const struct db_backup_result *, void *arg);

/* Starts copying the database at db_path to dest (an absolute path that
 * must not exist), as it is now: what is committed when this returns is
 * in the copy, what is committed later is not. The copy is written as
 * dest.tmp, synced, then renamed, so dest is always whole. done runs on
 * base's loop when it is over. One backup at a time. 0, or -1 with a
 * message in err (dest exists, another backup runs, ...). */
int	db_backup_start(struct event_base *base, const char *db_path,
	    const char *dest, db_backup_cb done, void *arg, char *err,
	    size_t errlen);
/* At stop: waits for a backup still being copied to end (its file is then
 * whole, or removed), without reporting to anyone. */
void	db_backup_wait(void);

#endif
