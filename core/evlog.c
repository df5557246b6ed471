/* evlog.c: events go to the database and to a live statistics engine with
 * day intervals (UTC). At start the engine is primed with today's events
 * from the database, so a restarted core shows the day's figures so far. */
#include <stdlib.h>
#include "clock.h"
#include "core.h"
#include "evlog.h"
#include "log.h"

static struct stats *live;

static void
evlog_feed(const struct db_event *ev, void *arg)
{
	struct stats_event	se = {
		.ts_ms = ev->ts_ms, .kind = ev->kind, .call_id = ev->call_id,
		.agent = ev->agent, .queue = ev->queue, .state = ev->state,
	};
	char			reason[32];

	stats_event_detail(&se, ev->detail, reason, sizeof reason);
	stats_feed(live, &se);
}

void
evlog_open(int (*sl_target_s)(const char *queue, void *arg))
{
	struct stats_opts	o = { .interval_s = 86400, .short_abandon_ms = 5000,
	    .sl_target_s = sl_target_s };
	int64_t			day;

	live = stats_new(&o);
	day = stats_interval_start(live, clock_wall_ms());
	if (db_events_since(core.db, day, evlog_feed, NULL) != 0)
		log_warn("today's figures not primed: %s", db_last_error(core.db));
}

void
evlog_close(void)
{
	stats_free(live);
	live = NULL;
}

void
evlog_add(const struct db_event *ev, json_t *detail)
{
	struct db_event	 e = *ev;
	char		*text = NULL;

	if (detail != NULL)
		text = json_dumps(detail, JSON_COMPACT);
	e.detail = text;
	db_event_add(core.db, &e);
	if (live != NULL)
		evlog_feed(&e, NULL);
	free(text);
	json_decref(detail);
}

const struct stats_queue *
evlog_today(const char *queue)
{
	if (live == NULL)
		return NULL;
	return stats_find_queue(live, queue, stats_interval_start(live,
	    clock_wall_ms()));
}

const struct stats_agent *
evlog_agent_today(const char *agent)
{
	return live != NULL ? stats_agent_upto(live, agent, clock_wall_ms()) :
	    NULL;
}
