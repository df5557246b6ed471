/* test-stats.c: the statistics engine on a hand-computed day in two
 * 15-minute intervals: answers in and out of the service level, a short
 * and a long abandon, wrap-up, a caller still waiting, and an agent's lunch
 * that crosses an interval boundary, a call put on hold. Every expected figure is worked out
 * in the comments from docs/STATISTICS.md. */
#include <math.h>
#include <string.h>
#include "stats.h"
#include "tap.h"

#define S(x) ((int64_t)(x) * 1000)
/* An event at T seconds; designated fields, the rest (delay_ms) zero. */
#define EV(t, k, c, a, q, st, r, sl) { .ts_ms = S(t), .kind = (k), \
	.call_id = (c), .agent = (a), .queue = (q), .state = (st), \
	.reason = (r), .sl_target_s = (sl) }

static const struct stats_event day[] = {
	EV(0, "agent_state", NULL, "A", NULL, "ready", NULL, 0),
	EV(10, "queue_enter", "c1", NULL, "sales", NULL, NULL, 20),
	EV(20, "agent_state", "c1", "A", NULL, "ringing", NULL, 0),
	EV(25, "answer", "c1", "A", "sales", NULL, NULL, 0),	/* wait 15 */
	EV(25, "agent_state", "c1", "A", NULL, "on_call", NULL, 0),
	EV(30, "queue_enter", "c2", NULL, "sales", NULL, NULL, 20),
	EV(32, "abandon", "c2", NULL, "sales", NULL, NULL, 0),	/* 2 s: short */
	EV(32, "call_end", "c2", NULL, "sales", NULL, NULL, 0),
	EV(40, "queue_enter", "c3", NULL, "sales", NULL, NULL, 20),
	EV(70, "abandon", "c3", NULL, "sales", NULL, NULL, 0),	/* 30 s */
	EV(70, "call_end", "c3", NULL, "sales", NULL, NULL, 0),
	EV(85, "call_end", "c1", "A", "sales", NULL, NULL, 0),	/* talk 60 */
	EV(85, "agent_state", NULL, "A", NULL, "wrap_up", NULL, 0),
	EV(95, "agent_state", NULL, "A", NULL, "ready", NULL, 0),	/* wrap 10 */
	EV(100, "agent_state", NULL, "B", NULL, "not_ready", "lunch", 0),
	EV(890, "queue_enter", "c4", NULL, "sales", NULL, NULL, 20),
	EV(905, "agent_state", "c4", "A", NULL, "ringing", NULL, 0),
	EV(910, "answer", "c4", "A", "sales", NULL, NULL, 0),	/* wait 20 */
	EV(910, "agent_state", "c4", "A", NULL, "on_call", NULL, 0),
	EV(930, "hold", "c4", "A", "sales", NULL, NULL, 0),
	EV(950, "queue_enter", "c5", NULL, "sales", NULL, NULL, 20),
	EV(950, "retrieve", "c4", "A", "sales", NULL, NULL, 0),	/* hold 20 */
	EV(1000, "call_end", "c4", "A", "sales", NULL, NULL, 0),	/* talk 70 */
	EV(1000, "agent_state", NULL, "A", NULL, "wrap_up", NULL, 0),
	EV(1000, "agent_state", NULL, "B", NULL, "logged_out", NULL, 0),
	EV(1010, "agent_state", NULL, "A", NULL, "ready", NULL, 0),	/* wrap 10 */
};

static int	near(double, double);
static const struct stats_agent *agent_row(struct stats *, const char *,
		    int64_t);

/* A caller leaves the line for a callback (c10), one behind is answered
 * late (c11), and the callback (c12) connects 170 s after the request. */
static const struct stats_event cb_day[] = {
	{ S(0), "queue_enter", "c10", NULL, "sales", NULL, NULL, 20, 0 },
	{ S(5), "queue_enter", "c11", NULL, "sales", NULL, NULL, 20, 0 },
	{ S(30), "callback", "c10", NULL, "sales", "requested", NULL, 0, 0 },
	{ S(30), "queue_exit", "c10", NULL, "sales", "callback", NULL, 0, 0 },
	{ S(40), "answer", "c11", "A", "sales", NULL, NULL, 0, 0 },	/* 35 s */
	{ S(100), "call_end", "c11", "A", "sales", NULL, NULL, 0, 0 },	/* 60 */
	{ S(200), "callback", "c12", "A", "sales", "connected", NULL, 0, S(170) },
	{ S(290), "call_end", "c12", "A", "sales", NULL, NULL, 0, 0 },	/* 90 */
};

/* An agent schedules a callback in a queue with no row yet (the first
 * event, then a second row in another queue): the row is made, not
 * written through the array as it was before it moved. */
static void
test_callback_first(void)
{
	static const struct stats_event ev[] = {
		{ S(10), "callback", NULL, "A", "sales", "requested", NULL, 0, 0 },
		{ S(20), "callback", NULL, "A", "support", "requested", NULL, 0, 0 },
		{ S(30), "callback", NULL, NULL, "support", "failed", NULL, 0, 0 },
	};
	struct stats_opts	 o = { .interval_s = 900, .short_abandon_ms = 5000 };
	struct stats		*s = stats_new(&o);
	const struct stats_queue *q0, *q1;

	for (size_t i = 0; i < sizeof ev / sizeof ev[0]; i++)
		stats_feed(s, &ev[i]);
	q0 = stats_queue_at(s, 0);
	q1 = stats_queue_at(s, 1);
	ok(stats_nqueues(s) == 2 && q0 != NULL && q1 != NULL &&
	    q0->cb_requested == 1 && q1->cb_requested == 1 &&
	    q1->cb_failed == 1, "callback first: a row per queue, counted");
	stats_free(s);
}

static void
test_callbacks(void)
{
	struct stats_opts	 o = { .interval_s = 900, .short_abandon_ms = 5000 };
	struct stats		*s = stats_new(&o);
	const struct stats_queue *q;
	const struct stats_agent *a;

	for (size_t i = 0; i < sizeof cb_day / sizeof cb_day[0]; i++)
		stats_feed(s, &cb_day[i]);
	stats_close(s, S(300));
	q = stats_queue_at(s, 0);
	ok(q != NULL && q->offered == 2 && q->answered == 1 &&
	    q->to_callback == 1 && q->abandoned == 0, "callback: offered 2 = "
	    "answered 1 + left for a callback 1, no abandon");
	ok(q->cb_requested == 1 && q->cb_connected == 1 && q->cb_failed == 0 &&
	    q->cb_delay_ms == S(170), "callback: requested 1, connected 1 "
	    "after 170 s");
	ok(near(stats_service_level(q, SL_OFFERED), 0), "callback: SL is 0 "
	    "in SL / (2 - 1 left for a callback)");
	ok(q->talk_ms == S(150) && near(stats_aht_s(q), 75), "callback: its "
	    "talk counts; AHT (60 + 90) / (1 answered + 1 callback) = 75 s");
	ok(stats_waiting(s) == 0, "callback: nobody left waiting");
	a = agent_row(s, "A", 0);
	ok(a != NULL && a->handled == 2, "callback: the agent handled 2");
	stats_free(s);
}

/* Every offered call has one outcome. Two queues, two 15-minute intervals,
 * the report closed at 1000 s:
 *   sales 00:00:  o1 answered; o2 abandoned after 30 s; o3 short abandon
 *                 (2 s); o4 overflowed to support; o5 cleared at max wait;
 *                 o6 left for a callback; o7 cut (call_end, no abandon);
 *                 o8 answered, then transferred into support; o9 entered at
 *                 890 s and still waits at 1000 s.
 *                 offered 9 = 2 + 1 + 1 + 1 + 1 + 1 + 1 + 1 (still waiting)
 *   support 00:00: o4 answered; o8 abandoned after 30 s: offered 2 = 1 + 1
 *   sales 00:15:  o10 overflowed to support; o11 cut: offered 2 = 1 + 1
 *   support 00:15: o10 still waits at 1000 s: offered 1 = 1 */
static const struct stats_event outcome_day[] = {
	{ S(0), "queue_enter", "o1", NULL, "sales", NULL, NULL, 20, 0 },
	{ S(10), "queue_enter", "o2", NULL, "sales", NULL, NULL, 20, 0 },
	{ S(10), "answer", "o1", "A", "sales", NULL, NULL, 0, 0 },
	{ S(20), "queue_enter", "o3", NULL, "sales", NULL, NULL, 20, 0 },
	{ S(22), "abandon", "o3", NULL, "sales", NULL, NULL, 0, 0 },
	{ S(30), "queue_enter", "o4", NULL, "sales", NULL, NULL, 20, 0 },
	{ S(40), "abandon", "o2", NULL, "sales", NULL, NULL, 0, 0 },
	{ S(40), "queue_enter", "o5", NULL, "sales", NULL, NULL, 20, 0 },
	{ S(50), "call_end", "o1", "A", "sales", NULL, NULL, 0, 0 },
	{ S(50), "queue_enter", "o6", NULL, "sales", NULL, NULL, 20, 0 },
	{ S(60), "queue_exit", "o6", NULL, "sales", "callback", NULL, 0, 0 },
	{ S(60), "queue_enter", "o7", NULL, "sales", NULL, NULL, 20, 0 },
	{ S(70), "queue_enter", "o8", NULL, "sales", NULL, NULL, 20, 0 },
	{ S(80), "call_end", "o7", NULL, "sales", NULL, NULL, 0, 0 },
	{ S(80), "answer", "o8", "B", "sales", NULL, NULL, 0, 0 },
	{ S(100), "queue_exit", "o4", NULL, "sales", "overflow", NULL, 0, 0 },
	{ S(100), "queue_enter", "o4", NULL, "support", NULL, NULL, 20, 0 },
	{ S(100), "transfer", "o8", "B", "sales", NULL, NULL, 0, 0 },
	{ S(100), "queue_enter", "o8", NULL, "support", NULL, NULL, 20, 0 },
	{ S(120), "answer", "o4", "A", "support", NULL, NULL, 0, 0 },
	{ S(130), "abandon", "o8", NULL, "support", NULL, NULL, 0, 0 },
	{ S(160), "queue_exit", "o5", NULL, "sales", "hangup", NULL, 0, 0 },
	{ S(170), "call_end", "o5", NULL, "sales", NULL, NULL, 0, 0 },
	{ S(200), "call_end", "o4", "A", "support", NULL, NULL, 0, 0 },
	{ S(890), "queue_enter", "o9", NULL, "sales", NULL, NULL, 20, 0 },
	{ S(905), "queue_enter", "o10", NULL, "sales", NULL, NULL, 20, 0 },
	{ S(910), "queue_enter", "o11", NULL, "sales", NULL, NULL, 20, 0 },
	{ S(920), "call_end", "o11", NULL, "sales", NULL, NULL, 0, 0 },
	{ S(950), "queue_exit", "o10", NULL, "sales", "overflow", NULL, 0, 0 },
	{ S(950), "queue_enter", "o10", NULL, "support", NULL, NULL, 20, 0 },
};

static void
test_outcomes(void)
{
	struct stats_opts	 o = { .interval_s = 900, .short_abandon_ms = 5000 };
	struct stats		*s = stats_new(&o);
	const struct stats_queue *q;

	for (size_t i = 0; i < sizeof outcome_day / sizeof outcome_day[0]; i++)
		stats_feed(s, &outcome_day[i]);
	stats_close(s, S(1000));
	ok(stats_nqueues(s) == 4, "outcomes: 4 rows (2 queues x 2 intervals)");
	q = stats_find_queue(s, "sales", 0);
	ok(q && q->offered == 9 && q->answered == 2 && q->abandoned == 1 &&
	    q->short_abandoned == 1 && q->overflowed == 1 && q->timed_out == 1 &&
	    q->to_callback == 1 && q->cut == 1 && q->still_waiting == 1,
	    "sales 00:00: 9 = 2 answered + 1 abandoned + 1 short + 1 overflowed"
	    " + 1 max-wait exit + 1 callback + 1 cut + 1 still waiting");
	q = stats_find_queue(s, "support", 0);
	ok(q && q->offered == 2 && q->answered == 1 && q->abandoned == 1,
	    "support 00:00: 2 = 1 answered (overflow) + 1 abandoned (transfer)");
	q = stats_find_queue(s, "sales", S(900));
	ok(q && q->offered == 2 && q->overflowed == 1 && q->cut == 1,
	    "sales 00:15: 2 = 1 overflowed + 1 cut");
	q = stats_find_queue(s, "support", S(900));
	ok(q && q->offered == 1 && q->still_waiting == 1,
	    "support 00:15: 1 = 1 still waiting");
	for (int i = 0; i < stats_nqueues(s); i++) {
		q = stats_queue_at(s, i);
		ok(stats_outcomes(q) == q->offered, "%s @%llds: outcomes %u = "
		    "offered %u", q->queue, (long long)(q->start_ms / 1000),
		    stats_outcomes(q), q->offered);
	}
	ok(stats_waiting(s) == 2, "outcomes: o9 and o10 still waiting");
	stats_free(s);
}

static int
near(double a, double b)
{
	return fabs(a - b) < 0.01;
}

static const struct stats_agent *
agent_row(struct stats *s, const char *id, int64_t start)
{
	for (int i = 0; i < stats_nagents(s); i++) {
		const struct stats_agent *a = stats_agent_at(s, i);

		if (strcmp(a->agent, id) == 0 && a->start_ms == start)
			return a;
	}
	return NULL;
}

/* The stored totals' way (core/db-totals.c): each call's own events through
 * a fresh engine, the rows merged, give the day's figures (wrap-up apart:
 * it is the agent's); the open calls tell the report where totals stop. */
static void
test_totals(void)
{
	struct stats_opts	 o = { .interval_s = 900, .short_abandon_ms = 5000,
				    .queues_only = 1 };
	struct stats		*all = stats_new(&o), *sum = stats_new(&o);
	static const char	*const calls[] = { "c1", "c2", "c3", "c4", "c5" };
	const struct stats_queue *a, *b;

	for (size_t i = 0; i < sizeof day / sizeof day[0]; i++)
		stats_feed(all, &day[i]);
	for (size_t c = 0; c < 5; c++) {
		struct stats *one = stats_new(&o);

		for (size_t i = 0; i < sizeof day / sizeof day[0]; i++)
			if (day[i].call_id != NULL &&
			    strcmp(day[i].call_id, calls[c]) == 0 &&
			    strcmp(day[i].kind, "agent_state") != 0)
				stats_feed(one, &day[i]);
		for (int r = 0; r < stats_nqueues(one); r++)
			stats_merge_queue(sum, stats_queue_at(one, r));
		stats_free(one);
	}
	ok(stats_nagents(all) == 0, "totals: queues_only keeps no agent rows");
	for (int64_t t = 0; t <= S(900); t += S(900)) {
		a = stats_find_queue(all, "sales", t);
		b = stats_find_queue(sum, "sales", t);
		ok(a && b && a->offered == b->offered && a->answered ==
		    b->answered && a->abandoned == b->abandoned &&
		    a->short_abandoned == b->short_abandoned &&
		    a->answered_in_sl == b->answered_in_sl &&
		    a->wait_answered_ms == b->wait_answered_ms &&
		    a->max_wait_ms == b->max_wait_ms && a->talk_ms == b->talk_ms &&
		    a->hold_ms == b->hold_ms, "totals: @%llds the calls' rows "
		    "merged = one fold of the day", (long long)(t / 1000));
	}
	a = stats_find_queue(all, "sales", 0);
	ok(a && a->wrap_ms == S(20), "totals: the day's wrap-up 20 s (A)");
	/* c5 (00:15) still waiting at the end: nothing before 00:15 is open. */
	ok(stats_open_before(all, S(1800)) == S(900) &&
	    stats_open_before(all, S(900)) == S(900),
	    "totals: c5 still waiting holds the cut at 00:15");
	stats_close(all, S(1200));
	stats_drop_before(all, S(900));
	ok(stats_nqueues(all) == 1 && stats_queue_at(all, 0)->start_ms == S(900),
	    "totals: the rows before the cut dropped");
	stats_merge_queue(all, stats_find_queue(sum, "sales", 0));
	a = stats_find_queue(all, "sales", 0);
	ok(stats_nqueues(all) == 2 && a && a->offered == 4 && a->answered == 2,
	    "totals: a stored row merged in as the 00:00 row");
	stats_free(all);
	stats_free(sum);
}

int
main(void)
{
	struct stats_opts	 o = { .interval_s = 900, .short_abandon_ms = 5000 };
	struct stats		*s = stats_new(&o);
	const struct stats_queue *q0, *q1;
	const struct stats_agent *a0, *a1, *b0, *b1;

	for (size_t i = 0; i < sizeof day / sizeof day[0]; i++)
		stats_feed(s, &day[i]);
	stats_close(s, S(1200));

	ok(stats_nqueues(s) == 2, "two queue rows (two intervals)");
	q0 = stats_queue_at(s, 0);
	q1 = stats_queue_at(s, 1);
	/* c1..c4 entered in interval 0, c5 in interval 1. */
	ok(q0->start_ms == 0 && q0->offered == 4, "offered 4 in 00:00");
	ok(q0->answered == 2 && q0->short_abandoned == 1 && q0->abandoned == 1,
	    "answered 2, short abandoned 1, abandoned 1");
	/* c1 waited 15 s, c4 20 s: both within 20 s. c3 abandoned after 30 s. */
	ok(q0->answered_in_sl == 2 && q0->abandoned_after_sl == 1, "in SL 2, "
	    "abandoned after SL 1");
	ok(near(stats_service_level(q0, SL_OFFERED), 200.0 / 3), "SL offered "
	    "2/(4-1) = 66.67%% (%.2f)", stats_service_level(q0, SL_OFFERED));
	ok(near(stats_service_level(q0, SL_ANSWERED), 100), "SL answered 2/2");
	ok(near(stats_service_level(q0, SL_ABANDON_T), 200.0 / 3), "SL abandon-T 2/3");
	ok(near(stats_abandon_rate(q0), 100.0 / 3), "abandon rate 1/3");
	ok(near(stats_asa_s(q0), 17.5), "ASA (15+20)/2 = 17.5 s");
	ok(q0->max_wait_ms == S(30), "longest wait 30 s (c3)");
	/* talk 60 + (90 - 20 on hold), wrap 10 + 10 (c4's wrap-up counts with
	 * c4's row); hold is neither talk nor wrap-up but is in AHT. */
	ok(q0->talk_ms == S(130) && q0->hold_ms == S(20) && q0->wrap_ms == S(20),
	    "talk 130 s, hold 20 s, wrap 20 s");
	ok(near(stats_aht_s(q0), 85), "AHT (130+20+20)/2 = 85 s");
	ok(q1->start_ms == S(900) && q1->offered == 1 && q1->answered == 0 &&
	    stats_service_level(q1, SL_ANSWERED) < 0, "00:15: c5 offered, "
	    "unanswered; SL over no answers is undefined");
	ok(stats_waiting(s) == 1 && q1->still_waiting == 1,
	    "one caller still waiting, in 00:15's row");
	ok(stats_outcomes(q0) == q0->offered && stats_outcomes(q1) == q1->offered,
	    "each row's outcomes add up to its offered");

	a0 = agent_row(s, "A", 0);
	a1 = agent_row(s, "A", S(900));
	ok(a0 && a0->state_ms[ST_READY] == S(825) && a0->state_ms[ST_RINGING] == S(5) &&
	    a0->state_ms[ST_ON_CALL] == S(60) && a0->state_ms[ST_WRAP_UP] == S(10),
	    "A 00:00: ready 20+805, ringing 5, on call 60, wrap-up 10");
	ok(a0 && a0->handled == 1 && near(stats_occupancy(a0), 70.0 / 900 * 100),
	    "A 00:00: 1 handled, occupancy 70/900");
	ok(a1 && a1->state_ms[ST_READY] == S(195) && a1->state_ms[ST_RINGING] == S(5) &&
	    a1->state_ms[ST_ON_CALL] == S(90) && a1->state_ms[ST_WRAP_UP] == S(10) &&
	    a1->handled == 1, "A 00:15: ready 5+190, ringing 5, on call 90, wrap 10");
	b0 = agent_row(s, "B", 0);
	b1 = agent_row(s, "B", S(900));
	ok(b0 && b0->state_ms[ST_NOT_READY] == S(800) && strcmp(b0->reason[0],
	    "lunch") == 0 && b0->reason_ms[0] == S(800), "B lunch 800 s in 00:00");
	ok(b1 && b1->state_ms[ST_NOT_READY] == S(100) && b1->reason_ms[0] == S(100),
	    "B lunch 100 s in 00:15, nothing after logout");
	stats_free(s);
	test_callbacks();
	test_callback_first();
	test_outcomes();
	test_totals();
	return tap_done();
}
