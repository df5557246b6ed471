/* stats.h: the statistics engine: folds the event table (in time order)
 * into per-interval queue and agent figures, with the definitions of
 * docs/STATISTICS.md. Pure computation: no database, no clock. */
#ifndef CZ_STATS_H
#define CZ_STATS_H

#include <stddef.h>
#include <stdint.h>

enum stats_state { ST_READY, ST_RINGING, ST_ON_CALL, ST_WRAP_UP, ST_NOT_READY,
	ST_NSTATES };

struct stats_event {
	int64_t		 ts_ms;
	const char	*kind, *call_id, *agent, *queue, *state;
	const char	*reason;	/* not-ready reason, or NULL */
	int		 sl_target_s;	/* queue_enter: the queue's threshold
					   then in force; 0 = opts' */
	int64_t		 delay_ms;	/* callback connected: since the request */
};

struct stats_opts {
	int	 interval_s;		/* 900, 1800, 3600, 86400 */
	int	 short_abandon_ms;	/* default 5000 */
	/* Service-level threshold of a queue, in seconds (NULL: 20). */
	int	(*sl_target_s)(const char *queue, void *arg);
	void	*arg;
	int	 queues_only;		/* no agent rows (agents' states are
					   still followed, for wrap-up) */
};

struct stats_queue {		/* one queue in one interval */
	char		queue[40];
	int64_t		start_ms;
	unsigned	offered, answered, abandoned, short_abandoned;
	unsigned	answered_in_sl, abandoned_after_sl;
	unsigned	overflowed;	/* left for another queue (max wait/len) */
	unsigned	timed_out;	/* cleared by the queue's max wait */
	unsigned	to_callback;	/* left the line for a callback */
	unsigned	cut;		/* ended unanswered with no abandon or
					   exit: cut by a crash or a link */
	unsigned	still_waiting;	/* queued at stats_close's end */
	unsigned	cb_requested, cb_connected, cb_failed;
	int64_t		cb_delay_ms;	/* request to connect, connected ones */
	int64_t		wait_answered_ms, max_wait_ms, talk_ms, hold_ms, wrap_ms;
	int		sl_target_s;
};

#define STATS_REASONS 8
struct stats_agent {		/* one agent in one interval */
	char		agent[24];
	int64_t		start_ms;
	int64_t		state_ms[ST_NSTATES];
	char		reason[STATS_REASONS][24];
	int64_t		reason_ms[STATS_REASONS];
	unsigned	handled;
};

struct stats;

struct stats	*stats_new(const struct stats_opts *);
void		 stats_free(struct stats *);
void		 stats_feed(struct stats *, const struct stats_event *);
/* The event kinds stats_feed reads (NULL-terminated): a reader of the
 * event table may skip the others. */
extern const char *const stats_kinds[];
/* Ends every open agent state at end_ms (the report's end, or now) and
 * counts the calls still waiting in their rows' still_waiting. */
void		 stats_close(struct stats *, int64_t end_ms);
int		 stats_nqueues(const struct stats *);
const struct stats_queue *stats_queue_at(const struct stats *, int);
int		 stats_nagents(const struct stats *);
const struct stats_agent *stats_agent_at(const struct stats *, int);
int		 stats_waiting(const struct stats *);	/* calls still queued */
const struct stats_queue *stats_find_queue(const struct stats *,
		    const char *queue, int64_t interval_start_ms);
int64_t		 stats_interval_start(const struct stats *, int64_t ts_ms);
/* The agent's row for the interval holding now_ms, with its current
 * state counted up to now_ms. */
const struct stats_agent *stats_agent_upto(struct stats *, const char *agent,
		    int64_t now_ms);
/* Reads the not-ready reason and SL threshold from an event's JSON detail
 * into e; reason is stored in buf. */
void		 stats_event_detail(struct stats_event *e, const char *detail,
		    char *buf, size_t len);
/* One events row (ts_ms, kind, call_id, agent, queue, state, detail), fed
 * (stats-row.c; the caller links SQLite). */
struct sqlite3_stmt;
void		 stats_feed_row(struct stats *, struct sqlite3_stmt *);

/* Derived figures; -1 when the denominator is 0. */
enum stats_sl { SL_OFFERED, SL_ANSWERED, SL_ABANDON_T };
double	stats_service_level(const struct stats_queue *, enum stats_sl);
double	stats_abandon_rate(const struct stats_queue *);
double	stats_asa_s(const struct stats_queue *);
double	stats_aht_s(const struct stats_queue *);	/* over answered + callbacks */
double	stats_occupancy(const struct stats_agent *);
/* The outcomes of a row's offered calls; they add up to offered. */
unsigned stats_outcomes(const struct stats_queue *);

/* Stored per-interval totals (core/db-totals.c) and the report's use of
 * them (docs/STATISTICS.md). */
void		 stats_merge_queue(struct stats *, const struct stats_queue *);
int64_t		 stats_open_before(const struct stats *, int64_t t);
void		 stats_drop_before(struct stats *, int64_t t);
const struct stats_queue *stats_agent_last(struct stats *, const char *agent);
int		 stats_nnow(const struct stats *);
const char	*stats_now_at(const struct stats *, int i, int *state,
		    int64_t *since_ms, const struct stats_queue **last);
const char	*stats_state_name(int state);	/* NULL: none */

#endif
