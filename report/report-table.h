/* report-table.h: the report's columns (one table per report) and their
 * printing as an 80-column table, a wide table or CSV. */
#ifndef CZ_REPORT_TABLE_H
#define CZ_REPORT_TABLE_H

#include <stdint.h>
#include "config.h"
#include "report-filter.h"
#include "stats.h"

enum report_form { RF_BRIEF, RF_WIDE, RF_CSV };

struct report_view {
	enum report_form form;
	int		 interval_s;
	int		 short_abandon_s;
	int64_t		 from_ms, to_ms;
	int		 totals;	/* a Total row under the table */
	const struct report_filter *filter;	/* --queue, --agent, --client */
};

void	report_table_queues(struct stats *, const struct report_view *);
void	report_table_agents(struct stats *, const struct report_view *);
/* The queue figures added up per client ([queue] client =) and interval. */
void	report_table_clients(struct stats *, const struct report_view *,
	    const struct config *);

#endif
