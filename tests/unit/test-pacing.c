/* test-pacing.c: the dialer's pacing (core/pacing.c): the rolling abandon
 * windows, progressive's one call per free agent, predictive's more calls
 * than free agents and its falls back to progressive; then the property
 * the rules ask for, from the simulation in virtual time (sim/dialsim.c)
 * on fixed seeds: over 200 hours of varying answer rates predictive's
 * abandon rate stays under the 3 % cap, per 24 h and per 30 days, and
 * its talk time per agent hour beats progressive's. */
#include <math.h>
#include "dialsim.h"
#include "pacing.h"
#include "tap.h"

static void
test_windows(void)
{
	static struct pacing_abandons a;
	int64_t t0 = 1000000;

	pacing_abandons_init(&a);
	for (int i = 0; i < 100; i++)
		pacing_abandons_add(&a, t0 + i, i < 4);
	ok(fabs(pacing_window_rate(&a.day, t0 + 100) - 0.04) < 1e-9,
	    "24 h: 4 abandons over 100 live answers = %.3f",
	    pacing_window_rate(&a.day, t0 + 100));
	/* 25 h on: out of the 24 h window, still in the 30 days. */
	for (int i = 0; i < 100; i++)
		pacing_abandons_add(&a, t0 + 25 * 3600 + i, 0);
	ok(pacing_window_rate(&a.day, t0 + 25 * 3600 + 100) == 0 &&
	    pacing_window_live(&a.day, t0 + 25 * 3600 + 100) == 100,
	    "24 h window let the first day go");
	ok(fabs(pacing_window_rate(&a.month, t0 + 25 * 3600 + 100) - 0.02) < 1e-9,
	    "30 days: 4 over 200 = %.3f",
	    pacing_window_rate(&a.month, t0 + 25 * 3600 + 100));
	ok(pacing_window_live(&a.month, t0 + 32 * 24 * 3600) == 0,
	    "31 days after the last, the month window is empty");
}

static int
decide(enum pacing_mode m, int free, int ringing, double p, double r24,
    struct pacing_why *w)
{
	struct pacing_answer	a = { 0, 0 };
	struct pacing_state	s = { .mode = m, .free = free, .ringing = ringing,
	    .talk_s = 150, .wrap_s = 15, .answer_s = 10, .answer = &a,
	    .rate_24h = r24, .live_24h = 1000, .live_30d = 1000, .cap = 0.03,
	    .lines = -1 };

	for (int i = 0; i < 2000; i++)
		pacing_answer_add(&a, i % 100 < p * 100);
	return pacing_decide(&s, w);
}

static void
test_decide(void)
{
	struct pacing_why	w;
	int			n, calm, near;

	ok(decide(PACING_PROGRESSIVE, 5, 2, 0.3, 0, NULL) == 3,
	    "progressive: 5 free, 2 ringing: 3 calls");
	ok(decide(PACING_PROGRESSIVE, 2, 2, 0.3, 0, NULL) == 0,
	    "progressive: every free agent has its call: none");
	n = decide(PACING_PREDICTIVE, 10, 0, 0.3, 0, &w);
	ok(n > 10 && n < 34 && w.mode == PACING_PREDICTIVE,
	    "predictive, 10 free at p=%.2f: %d calls (more than 10, under 10/p)",
	    w.p, n);
	calm = decide(PACING_PREDICTIVE, 20, 0, 0.3, 0.005, NULL);
	near = decide(PACING_PREDICTIVE, 20, 0, 0.3, 0.025, NULL);
	ok(near < calm, "throttled near the cap: %d calls at 2.5 %%, %d at 0.5 %%",
	    near, calm);
	ok(decide(PACING_PREDICTIVE, 20, 3, 0.3, 0.031, &w) == 17 &&
	    w.mode == PACING_PROGRESSIVE, "over the cap: progressive (17 calls)");
	ok(decide(PACING_PREDICTIVE, 0, 0, 0.3, 0, NULL) == 0,
	    "no agent free or soon free: no call");
	{
		struct pacing_answer	a = { 10, 3 };
		struct pacing_state	s = { .mode = PACING_PREDICTIVE, .free = 10,
		    .answer = &a, .cap = 0.03, .lines = -1, .live_24h = 1000,
		    .live_30d = 1000 };

		ok(pacing_decide(&s, &w) == 10 && w.mode == PACING_PROGRESSIVE,
		    "a fresh campaign (10 dials measured) is progressive");
		s.live_24h = 20;
		a = (struct pacing_answer){ 2000, 600 };
		ok(pacing_decide(&s, &w) == 10 && w.mode == PACING_PROGRESSIVE,
		    "20 live answers today leave no room for an abandon");
		s.live_24h = 1000;
		s.lines = 4;
		ok(pacing_decide(&s, NULL) == 4, "no more calls than free lines");
	}
	{
		struct pacing_agent	busy[] = { { PACING_WRAP, 4 },
		    { PACING_WRAP, 1 }, { PACING_TALK, 10 } };
		struct pacing_answer	a = { 2000, 600 };
		struct pacing_state	s = { .mode = PACING_PREDICTIVE, .busy = busy,
		    .nbusy = 3, .talk_s = 150, .wrap_s = 5, .answer_s = 10,
		    .answer = &a, .cap = 0.03, .lines = -1, .live_24h = 1000,
		    .live_30d = 1000 };

		n = pacing_decide(&s, &w);
		ok(n > 0 && w.agents > 2 && w.agents < 2.5,
		    "all busy: two ending wrap-up, one talking: %.2f soon free, "
		    "%d calls", w.agents, n);
	}
}

/* The measured wrap-up time is an input: agents in wrap-up, or talking,
 * count as soon free only if their wrap-up is expected to end within the
 * answer time (plus 2 s) of a call placed now. */
static void
test_wrap(void)
{
	struct pacing_agent	busy[] = { { PACING_WRAP, 10 },
	    { PACING_WRAP, 10 }, { PACING_WRAP, 10 }, { PACING_WRAP, 10 },
	    { PACING_TALK, 140 }, { PACING_TALK, 140 } };
	struct pacing_answer	a = { 2000, 600 };
	struct pacing_state	s = { .mode = PACING_PREDICTIVE, .free = 2,
	    .busy = busy, .nbusy = 6, .talk_s = 150, .answer_s = 10,
	    .answer = &a, .cap = 0.03, .lines = -1, .live_24h = 1000,
	    .live_30d = 1000 };
	struct pacing_why	w;
	int			short_n, long_n, none_n;
	double			short_a, long_a;

	s.wrap_s = 15;
	short_n = pacing_decide(&s, &w);
	short_a = w.agents;
	s.wrap_s = 60;
	long_n = pacing_decide(&s, &w);
	long_a = w.agents;
	ok(short_a >= 6 && long_a < 2.5, "4 agents 10 s into wrap-up: %.2f "
	    "soon free when wrap-up takes 15 s, %.2f when it takes 60 s",
	    short_a, long_a);
	ok(long_n < short_n, "a longer wrap-up places fewer calls: %d at "
	    "60 s, %d at 15 s", long_n, short_n);
	s.nbusy = 0;
	none_n = pacing_decide(&s, NULL);
	ok(long_n <= none_n + 1, "agents long in wrap-up add (almost) "
	    "nothing: %d calls, %d with those agents gone", long_n, none_n);
	/* Talking near its end: the wrap-up after it delays the agent. */
	s.busy = busy + 4;
	s.nbusy = 2;
	s.wrap_s = 0;
	pacing_decide(&s, &w);
	short_a = w.agents;
	s.wrap_s = 11;
	pacing_decide(&s, &w);
	ok(w.agents < short_a, "talking agents: %.2f soon free with no "
	    "wrap-up, %.2f with 11 s of it", short_a, w.agents);
}

static void
test_limits(void)
{
	ok(pacing_ring_limit(10) == 15 && pacing_ring_limit(25) == 25,
	    "ring limit: never under 15 s (10 -> %d, 25 -> %d)",
	    pacing_ring_limit(10), pacing_ring_limit(25));
	ok(!pacing_may_redial(1000, 1000 + 72 * 3600 - 1, 0) &&
	    pacing_may_redial(1000, 1000 + 72 * 3600, 0) &&
	    pacing_may_redial(1000, 1001, 1) && pacing_may_redial(0, 5, 0),
	    "an abandoned number: not again within 72 h unless an agent is kept");
}

static void
test_property(uint64_t seed, int agents, double answer_rate, double wrap_s)
{
	struct dialsim_opts	o = { PACING_PROGRESSIVE, agents, answer_rate,
	    200, 0.03, seed, wrap_s };
	struct dialsim_result	prog, pred;

	dialsim_run(&o, &prog);
	o.mode = PACING_PREDICTIVE;
	dialsim_run(&o, &pred);
	ok(prog.abandoned == 0, "seed %llu: progressive abandons none",
	    (unsigned long long)seed);
	ok(pred.abandon_24h_max < 0.03 && pred.abandon_30d_max < 0.03,
	    "seed %llu, %d agents, p=%.2f, wrap-up %.0f s: predictive's "
	    "abandon rate per 24 h %.2f %% and per 30 days %.2f %% stay under "
	    "3 %%", (unsigned long long)seed, agents, answer_rate, wrap_s,
	    100 * pred.abandon_24h_max, 100 * pred.abandon_30d_max);
	ok(pred.talk_min_per_hour - prog.talk_min_per_hour > 0,
	    "talk per agent hour: predictive %.2f min, progressive %.2f min: "
	    "margin %+.2f min", pred.talk_min_per_hour, prog.talk_min_per_hour,
	    pred.talk_min_per_hour - prog.talk_min_per_hour);
	ok(pred.min_ring_s >= 15 && prog.min_ring_s >= 15,
	    "no call given up before 15 s of ringing (%.1f s)", pred.min_ring_s);
	ok(pred.max_connect_s <= 2.0, "every connected person had an agent "
	    "within 2 s (longest %.2f s)", pred.max_connect_s);
}

int
main(void)
{
	test_windows();
	test_decide();
	test_wrap();
	test_limits();
	test_property(1, 50, 0.3, 15);
	test_property(7, 20, 0.15, 15);
	test_property(3, 50, 0.3, 60);	/* long wrap-ups */
	return tap_done();
}
