/* report-filter.h: which queues, agents and called numbers (DIDs) a report
 * covers: --queue, --agent, and --client (a [client NAME]'s queues and
 * DIDs, and the agents of those queues, from the core's config). */
#ifndef CZ_REPORT_FILTER_H
#define CZ_REPORT_FILTER_H

#include "config.h"

struct report_set {
	int	  on;		/* 0: everything passes */
	char	**v;
	int	  n;
};

struct report_filter {
	const char		*client;	/* NULL = none */
	struct report_set	 queues, agents, dids;
	int			 queue_given;	/* --queue: DIDs do not widen it */
	int			 agent_given;	/* --agent */
};

/* Builds the filter; a bad name (no such client, a queue that is not the
 * client's) is said on stderr and exits 2. cfg may be NULL without
 * --client. */
void	report_filter_init(struct report_filter *, const struct config *cfg,
	    const char *client, const char *queue, const char *agent);
int	report_filter_queue(const struct report_filter *, const char *queue);
int	report_filter_agent(const struct report_filter *, const char *agent);
/* The filter as an SQL condition on a table with queue, agent and dnis
 * columns (cdr), for a WHERE clause; "1" when nothing is filtered.
 * sqlite3_free() it. */
char	*report_filter_sql(const struct report_filter *);
/* "COL IN ('a', ...)" for one of the filter's sets; sqlite3_free() it. */
char	*report_filter_set_sql(const struct report_set *, const char *col);
/* The filter in words for a page header ("; client acme; queue sales"). */
const char *report_filter_words(const struct report_filter *);

#endif
