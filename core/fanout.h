/* fanout.h: the shared stream of events to subscribers (conn.c reads it). */
#ifndef CZ_FANOUT_H
#define CZ_FANOUT_H

#include <stddef.h>

void		 fanout_append(const char *, size_t);	/* one encoded line */
size_t		 fanout_end(void);	/* offset after the last byte */
/* The pass's rows are committed: all appended may leave. 1 if any new. */
int		 fanout_commit(void);
size_t		 fanout_committed(void);
/* The bytes from offset AT to the committed end (ALL: to the end); NULL
 * with *n = 0 if none (or AT already dropped). */
const char	*fanout_at(size_t at, size_t *n, int all);
void		 fanout_trim(size_t oldest);	/* no subscriber needs before */
/* N bytes from offset AT went into a socket: the delay since each line
 * that starts in them was appended, into TS. */
struct tickstat;
void		 fanout_written(size_t at, size_t n, struct tickstat *);

#endif
