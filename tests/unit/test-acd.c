/* test-acd.c: every routing strategy on one fixed set of candidates, and
 * skills with levels and widening steps. */
#include <string.h>
#include "acd-pick.h"
#include "config.h"
#include "skill.h"
#include "tap.h"

/* Four ready agents. A idle longest; B fewest calls; C least talk; D the
 * best skills; config order A=0, B=1, C=2, D=3. */
static const struct acd_cand cand[] = {
	{ "A", 0, 100, 5, 900000, 10 },
	{ "B", 1, 300, 1, 800000, 12 },
	{ "C", 2, 200, 4, 100000, 11 },
	{ "D", 3, 400, 3, 500000, 19 },
};
#define N 4

static const char *
pick(int strategy, int rr_last)
{
	static unsigned	rng = 7;
	char		why[256];

	return cand[acd_pick(strategy, cand, N, rr_last, &rng, why, sizeof why)].id;
}

int
main(void)
{
	struct skillset	have, need;
	struct widen	w;
	char		why[256], buf[128];
	int		score, seen[N] = { 0 };
	unsigned	rng = 1;

	ok(strcmp(pick(CFG_STRATEGY_LONGEST_IDLE, -1), "A") == 0, "longest idle: A");
	ok(strcmp(pick(CFG_STRATEGY_FEWEST_CALLS, -1), "B") == 0, "fewest calls: B");
	ok(strcmp(pick(CFG_STRATEGY_LEAST_TALK, -1), "C") == 0, "least talk: C");
	ok(strcmp(pick(CFG_STRATEGY_SKILL_WEIGHTED, -1), "D") == 0, "skill weighted: D");
	ok(strcmp(pick(CFG_STRATEGY_LINEAR, -1), "A") == 0, "linear: first in order");
	ok(strcmp(pick(CFG_STRATEGY_ROUND_ROBIN, -1), "A") == 0 &&
	    strcmp(pick(CFG_STRATEGY_ROUND_ROBIN, 0), "B") == 0 &&
	    strcmp(pick(CFG_STRATEGY_ROUND_ROBIN, 2), "D") == 0 &&
	    strcmp(pick(CFG_STRATEGY_ROUND_ROBIN, 3), "A") == 0,
	    "round robin: the next after the last, wrapping");
	for (int i = 0; i < 400; i++)
		seen[acd_pick(CFG_STRATEGY_RANDOM, cand, N, -1, &rng, why, sizeof why)]++;
	ok(seen[0] > 60 && seen[1] > 60 && seen[2] > 60 && seen[3] > 60,
	    "random: each of 4 chosen (%d %d %d %d of 400)", seen[0], seen[1],
	    seen[2], seen[3]);
	acd_pick(CFG_STRATEGY_FEWEST_CALLS, cand, N, -1, &rng, why, sizeof why);
	ok(strstr(why, "fewest_calls among 4 eligible: B") != NULL, "why: %s", why);
	{
		struct acd_cand tie[2] = { { "X", 1, 50, 2, 0, 0 }, { "Y", 0, 50, 2, 0, 0 } };
		ok(acd_pick(CFG_STRATEGY_FEWEST_CALLS, tie, 2, -1, &rng, why,
		    sizeof why) == 1, "ties: idle time, then config order");
	}

	ok(skill_parse("billing:7, polish:9", &have, why, sizeof why) == 0 &&
	    have.n == 2 && skill_level(&have, "polish") == 9, "skills parse");
	ok(skill_parse("billing:11", &need, why, sizeof why) != 0 &&
	    strstr(why, "1 to 10") != NULL, "level out of range: %s", why);
	ok(skill_parse("Billing:5", &need, why, sizeof why) != 0, "bad name refused");
	ok(skill_parse("billing", &need, why, sizeof why) != 0, "missing level refused");
	ok(skill_parse("a:1,a:2", &need, why, sizeof why) != 0, "repeat refused");
	skill_parse("billing:5, polish:8", &need, why, sizeof why);
	ok(skill_meets(&have, &need, 0, &score) && score == 16, "7>=5, 9>=8: meets, score 16");
	skill_parse("billing:8", &need, why, sizeof why);
	ok(!skill_meets(&have, &need, 0, &score), "7 < 8: does not meet");
	ok(skill_meets(&have, &need, 1, &score), "lowered by 1: meets");
	skill_parse("romanian:3", &need, why, sizeof why);
	ok(!skill_meets(&have, &need, 9, &score), "a skill not held never meets");
	skill_parse("", &need, why, sizeof why);
	ok(skill_meets(&have, &need, 0, &score) && need.n == 0, "no skills asked: anyone");

	ok(widen_parse("30:2, 60:5", &w, why, sizeof why) == 0 && w.n == 2, "widen parses");
	ok(widen_lower_by(&w, 29) == 0 && widen_lower_by(&w, 30) == 2 &&
	    widen_lower_by(&w, 61) == 5, "lowered by 0, 2, 5 as the wait grows");
	ok(widen_next_s(&w, 0) == 30 && widen_next_s(&w, 30) == 60 &&
	    widen_next_s(&w, 60) == -1, "next step at 30, 60, then none");
	ok(widen_parse("60:2, 30:5", &w, why, sizeof why) != 0, "steps must rise");
	skill_parse("billing:5", &need, why, sizeof why);
	skill_format(&need, 2, buf, sizeof buf);
	ok(strcmp(buf, "billing>=3") == 0, "format: %s", buf);
	return tap_done();
}
