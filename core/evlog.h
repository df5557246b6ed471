/* evlog.h: the core's one way to record an event: into the database, and
 * into the live statistics (lib/stats.c) that real-time figures come from,
 * so that the wallboard and the reports share every definition. */
#ifndef CZ_EVLOG_H
#define CZ_EVLOG_H

#include <jansson.h>
#include "db.h"
#include "stats.h"

/* Primes today's figures from the db. SL_TARGET_S gives a queue's service
 * level threshold (queue.c's, passed in: storage asks no routing module). */
void		 evlog_open(int (*sl_target_s)(const char *queue, void *arg));
void		 evlog_close(void);
/* Records EV; its detail is DETAIL (a JSON object, stolen; NULL: none)
 * as compact text, whatever ev->detail says. */
void		 evlog_add(const struct db_event *, json_t *detail);
/* Today's figures for a queue (NULL: nothing yet today). */
const struct stats_queue *evlog_today(const char *queue);
/* Today's figures for an agent, up to now (NULL before evlog_open). */
const struct stats_agent *evlog_agent_today(const char *agent);

#endif
