/* db-private.h: what db.c shares with db-cdr.c and db-event.c only. */
#ifndef CZ_DB_PRIVATE_H
#define CZ_DB_PRIVATE_H

#include <sqlite3.h>

struct db {
	sqlite3		*h;
	sqlite3_stmt	*st_cdr, *st_event, *st_pin_get, *st_pin_set;
	char		 err[512];
};

int		 db_step(struct db *, sqlite3_stmt *);
sqlite3_stmt	*db_prepare(struct db *, sqlite3_stmt **, const char *);
void		 db_set_error(struct db *);
void		 db_bind_text(sqlite3_stmt *, int, const char *, int null_if_empty);
int		 db_exec_stmt(struct db *, sqlite3_stmt *);

#endif
