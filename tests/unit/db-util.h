/* db-util.h: what the store's unit tests (test-db.c, test-db-crash.c)
 * share: a test directory, plain SQLite queries from outside, field
 * checks, a sample CDR. */
#ifndef CZ_TEST_DB_UTIL_H
#define CZ_TEST_DB_UTIL_H

#include <stdint.h>
#include "db.h"

extern char	dir[];		/* the test directory */
extern char	err[512];	/* db.c's errors */

int		 db_util_start(void);	/* makes the directory */
int		 db_util_end(void);	/* removes it */
/* A path in the test directory (four live at a time); PATH + SUFFIX. */
const char	*in_dir(const char *name);
const char	*suffixed(const char *path, const char *suffix);
void		 unlink_db(const char *p);	/* and its -wal, -shm */
/* SQL on its own connection: the first column of the first row. */
long long	 q_int(const char *p, const char *sql);
const char	*q_text(const char *p, const char *sql);	/* static buffer */

/* One column of one row: its SQLite type and value. */
struct field {
	const char	*col;
	int		 type;		/* SQLITE_INTEGER, SQLITE_TEXT, SQLITE_NULL */
	long long	 i;
	const char	*s;
};
int		 field_ok(const char *p, const char *from, const struct field *);
/* The name of the first field that differs, or "" when all match. */
const char	*fields_differ(const char *p, const char *from,
		    const struct field *, int n);
#define I(c, v)	{ c, SQLITE_INTEGER, (v), NULL }
#define T(c, v)	{ c, SQLITE_TEXT, 0, (v) }
#define N(c)	{ c, SQLITE_NULL, 0, NULL }
#define NFIELDS(a) ((int)(sizeof (a) / sizeof (a)[0]))

struct since {
	int	n;
	int64_t	ts[8];
	int	nulls;		/* events whose absent call_id came back NULL */
};

struct cdr	 sample_cdr(const char *id);
void		 since_cb(const struct db_event *, void *);	/* struct since */

#endif
