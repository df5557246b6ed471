/* report-campaigns.c: campaign results (attempts, contacts, dispositions,
 * successes against the target). The dialer's tables come with the
 * dialer; until the database has them the report says "no campaigns". */
#include <stdio.h>
#include "report.h"

int
report_campaigns(const struct report_ctx *c)
{
	sqlite3_stmt	*st = report_prepare(c->db, "SELECT count(*) FROM "
			    "sqlite_master WHERE type = 'table' AND name = "
			    "'campaigns'");
	int		 have = sqlite3_step(st) == SQLITE_ROW &&
			    sqlite3_column_int(st, 0) > 0;

	sqlite3_finalize(st);
	if (have) {	/* the tables are there: are there campaigns? */
		st = report_prepare(c->db, "SELECT count(*) FROM campaigns");
		have = sqlite3_step(st) == SQLITE_ROW &&
		    sqlite3_column_int(st, 0) > 0;
		sqlite3_finalize(st);
	}
	if (!have) {
		printf("no campaigns\n");
		return 0;
	}
	printf("campaign results: this version cannot read the dialer's "
	    "tables yet\n");
	return 1;
}
