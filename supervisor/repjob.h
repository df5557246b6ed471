/* repjob.h: the report screen's report run (repjob.c): the core's
 * `report` request from the screen's choices, its text saved, shown or
 * printed (lp in a child, off the console's loop). */
#ifndef CZ_SUP_REPJOB_H
#define CZ_SUP_REPJOB_H

#include <time.h>
#include "sup.h"

/* A day's "YYYY-MM-DD" (UTC); a day read back, checked (no 2026-02-31):
 * its 00:00 UTC, or -1. */
void		 repjob_day(char *, size_t, time_t);
time_t		 repjob_parse_day(const char *);
/* The screen's period as --from and --to days (to "": now). */
void		 repjob_period(const struct sup *, char *from, char *to,
		    size_t n);
/* The reports' state directory: the console's, else its socket's. */
const char	*repjob_state_dir(const struct sup *);

/* Called when the report has ended: its exit status and what it said
 * on stderr (and on stdout when it had none), on one line. */
typedef void	 repjob_done_fn(struct sup *, int rc, const char *said);
/* Asks the core for the screen's report with EXTRA (NULL-ended: --csv,
 * --text, --print [DEST]), its text to OUT (-1: none, a print); 0, or -1
 * said on the status line (one runs already, no link). */
int		 repjob_start(struct sup *, const char *const *extra, int out,
		    repjob_done_fn *);
/* The core's reply to the request (link.c), and the link lost. */
void		 repjob_reply(struct sup *, json_t *reply);
void		 repjob_lost(struct sup *);
/* Whether one runs (then said on the status line). */
int		 repjob_running(struct sup *);
/* The running print's pipe (-1: none), and what the loop calls when it
 * is readable. */
int		 repjob_fd(void);
void		 repjob_ready(struct sup *);

#endif
