/* stats-row.c: one row of the events table, read as the statistics
 * engine takes it. The row's columns are, in order: ts_ms, kind,
 * call_id, agent, queue, state, detail (the SELECT of every reader: the
 * core's stored totals, centrala report). */
#include <sqlite3.h>
#include "stats.h"

void
stats_feed_row(struct stats *s, sqlite3_stmt *st)
{
	struct stats_event e = {
		.ts_ms = sqlite3_column_int64(st, 0),
		.kind = (const char *)sqlite3_column_text(st, 1),
		.call_id = (const char *)sqlite3_column_text(st, 2),
		.agent = (const char *)sqlite3_column_text(st, 3),
		.queue = (const char *)sqlite3_column_text(st, 4),
		.state = (const char *)sqlite3_column_text(st, 5),
	};
	char reason[32];

	stats_event_detail(&e, (const char *)sqlite3_column_text(st, 6),
	    reason, sizeof reason);
	stats_feed(s, &e);
}
