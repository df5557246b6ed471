/* db-private.h: what db.c shares with the other db-*.c files only. */
#ifndef CZ_DB_PRIVATE_H
#define CZ_DB_PRIVATE_H

#include <sqlite3.h>

#define DB_BUSY_TIMEOUT_MS	5000

struct db {
	sqlite3		*h;
	int		 ready;		/* opened and upgraded */
	int		 batch;		/* one transaction per loop pass */
	int		 in_txn;	/* the pass's transaction is open */
	int		 pending;	/* writes in it, not yet committed */
	sqlite3_stmt	*st_cdr, *st_event, *st_pin_get, *st_pin_set;
	sqlite3_stmt	*st_rec_add, *st_rec_end, *st_vm_add;
	sqlite3_stmt	*st_cb_add, *st_cb_update;
	sqlite3_stmt	*st_call_open, *st_sess_open, *st_sess_close, *st_beat;
	char		 err[512];
	struct db_totals *totals;	/* db-totals.c's statements */
	struct db_ckpt	*ckpt;		/* db-checkpoint.c, the core's only */
};

/* How db_bind_text() stores an absent string (see data/schema.sql). */
enum db_text {
	DB_TEXT_REQUIRED,	/* as given: NULL breaks a NOT NULL column */
	DB_TEXT_EMPTY,		/* NULL -> '' (numbers, span) */
	DB_TEXT_OPTIONAL,	/* '' -> NULL (names of optional things) */
};

int		 db_step(struct db *, sqlite3_stmt *);
sqlite3_stmt	*db_prepare(struct db *, sqlite3_stmt **, const char *);
void		 db_bind_text(sqlite3_stmt *, int, const char *, enum db_text);
int		 db_write(struct db *, sqlite3_stmt *, const char *);
sqlite3_stmt	*db_once(struct db *, const char *sql);
int		 db_run_once(struct db *, sqlite3_stmt *, const char *what);

/* db-totals.c: the queue totals kept by triggers of this connection. */
int		 db_totals_attach(struct db *);
void		 db_totals_detach(struct db *);
int		 db_totals_backfill(struct db *);

#endif
