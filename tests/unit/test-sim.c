/* test-sim.c: the simulator, driving the ACD's routing and statistics code
 * in virtual time, agrees with Erlang C (M/M/N) across a table of cases:
 * service level within 2 points, probability of waiting within 2 points,
 * ASA within 10% (+0.5 s); and, when callers give up, with Erlang A on
 * the probabilities of waiting and of abandoning. Fixed seeds; about
 * 150,000 calls per case. */
#include <math.h>
#include "config.h"
#include "erlang.h"
#include "sim.h"
#include "tap.h"

static const struct {
	int	agents;
	double	rate_per_s, aht_s;
	int	t;
} cases[] = {
	{ 2, 1.0 / 60, 60, 20 },	/* tiny team, 50% load */
	{ 10, 8.0 / 180, 180, 20 },	/* 8 erlangs on 10 */
	{ 20, 17.0 / 240, 240, 30 },	/* 85% load */
	{ 50, 45.0 / 120, 120, 20 },	/* large, 90% load */
	{ 12, 10.0 / 300, 300, 60 },	/* long calls */
};

int
main(void)
{
	/* Textbook check first: 10 erlangs on 11 agents waits 68.2% of the time. */
	ok(fabs(erlang_c(11, 10) - 0.6821) < 0.0005, "Erlang C(11, 10) = %.4f", erlang_c(11, 10));
	ok(erlang_agents_for(10, 180, 20, 0.8) == 14, "10 erlangs, 80/20, AHT 180: "
	    "%d agents", erlang_agents_for(10, 180, 20, 0.8));
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		double			a = cases[i].rate_per_s * cases[i].aht_s;
		struct sim_opts		o = { cases[i].agents, cases[i].rate_per_s,
		    cases[i].aht_s, 0, 0, cases[i].t, CFG_STRATEGY_LONGEST_IDLE, 42 + i };
		struct sim_result	r;
		double			sl, pw, asa;

		o.hours = 150000 / cases[i].rate_per_s / 3600;
		sim_run(&o, &r);
		sl = 100 * erlang_sl(o.agents, a, o.aht_s, o.sl_target_s);
		pw = 100 * erlang_c(o.agents, a);
		asa = erlang_asa(o.agents, a, o.aht_s);
		ok(fabs(r.sl_pct - sl) < 2.0, "N=%d A=%.1f: SL %.1f%% vs Erlang C %.1f%%",
		    o.agents, a, r.sl_pct, sl);
		ok(fabs(100 * r.p_wait - pw) < 2.0, "N=%d A=%.1f: P(wait) %.1f%% vs %.1f%%",
		    o.agents, a, 100 * r.p_wait, pw);
		ok(fabs(r.asa_s - asa) < 0.1 * asa + 0.5, "N=%d A=%.1f: ASA %.2f s vs %.2f s",
		    o.agents, a, r.asa_s, asa);
		ok(fabs(r.occupancy_pct - 100 * a / o.agents) < 2.0, "occupancy %.1f%% "
		    "vs %.1f%%", r.occupancy_pct, 100 * a / o.agents);
	}
	/* Callers who give up: Erlang A. Overloaded cases too (a > n). */
	static const struct { int n; double rate, aht, patience; } ab[] = {
		{ 10, 9.0 / 180, 180, 120 },
		{ 5, 6.0 / 120, 120, 60 },	/* 120% load: only abandons keep it stable */
		{ 20, 18.0 / 240, 240, 300 },
	};
	for (size_t i = 0; i < sizeof ab / sizeof ab[0]; i++) {
		struct sim_opts		o = { ab[i].n, ab[i].rate, ab[i].aht,
		    ab[i].patience, 0, 20, CFG_STRATEGY_LONGEST_IDLE, 7 + i };
		struct sim_result	r;
		double			pw, pa, sim_pa;

		o.hours = 150000 / ab[i].rate / 3600;
		sim_run(&o, &r);
		erlang_a(ab[i].n, ab[i].rate, ab[i].aht, ab[i].patience, &pw, &pa);
		sim_pa = r.offered ? 100.0 * r.abandoned / r.offered : 0;
		ok(fabs(100 * r.p_wait - 100 * pw) < 2.0, "Erlang A N=%d A=%.1f: "
		    "P(wait) %.1f%% vs %.1f%%", ab[i].n, ab[i].rate * ab[i].aht,
		    100 * r.p_wait, 100 * pw);
		ok(fabs(sim_pa - 100 * pa) < 1.5, "Erlang A N=%d A=%.1f: abandoned "
		    "%.1f%% vs %.1f%%", ab[i].n, ab[i].rate * ab[i].aht, sim_pa, 100 * pa);
	}
	return tap_done();
}
