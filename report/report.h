/* report.h: what each report of `centrala report` is given (the database
 * open read-only, the view: form, period, interval, filters; the config if
 * one was found) and the reports that read the database themselves. */
#ifndef CZ_REPORT_H
#define CZ_REPORT_H

#include <sqlite3.h>
#include "config.h"
#include "report-table.h"

struct report_ctx {
	sqlite3			 *db;
	const struct report_view *v;
	const struct config	 *cfg;		/* NULL: none found */
	const char		 *number;	/* calls: --number */
	const char		 *disposition;	/* calls: --disposition */
	const char		 *campaign;	/* campaigns, compliance */
	const char		 *by;		/* campaigns: NULL, list, agent */
	struct stats		 *stats;	/* the agents' times, or NULL */
	int64_t			  now_ms;
};

int	report_calls(const struct report_ctx *);	/* report-calls.c */
int	report_ivr(const struct report_ctx *);		/* report-ivr.c */
int	report_trunks(const struct report_ctx *);	/* report-trunks.c */
int	report_campaigns(const struct report_ctx *);	/* report-campaigns.c */
int	report_compliance(const struct report_ctx *);	/* report-compliance.c */
/* A prepared statement, or a message naming the database's error and
 * exit 1. */
sqlite3_stmt *report_prepare(sqlite3 *, const char *sql);

#endif
