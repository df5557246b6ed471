/* acd-pick.c: the routing strategies (config: [queue] strategy). Every
 * strategy breaks ties by the longest idle agent, then by config order, so
 * that a choice is always deterministic and explainable. */
#include <stdio.h>
#include "acd-pick.h"
#include "config.h"

static const char *const names[] = {
	"longest_idle", "fewest_calls", "least_talk", "round_robin", "linear",
	"random", "skill_weighted", "ring_all"
};

/* -1 if a is better than b by longest idle, then order. */
static int
acd_idle_cmp(const struct acd_cand *a, const struct acd_cand *b)
{
	if (a->idle_since != b->idle_since)
		return a->idle_since < b->idle_since ? -1 : 1;
	return a->order < b->order ? -1 : a->order > b->order;
}

/* -1 if a is better than b for the strategy. */
static int
acd_cmp(int strategy, const struct acd_cand *a, const struct acd_cand *b)
{
	switch (strategy) {
	case CFG_STRATEGY_FEWEST_CALLS:
		if (a->calls != b->calls)
			return a->calls < b->calls ? -1 : 1;
		break;
	case CFG_STRATEGY_LEAST_TALK:
		if (a->talk_ms != b->talk_ms)
			return a->talk_ms < b->talk_ms ? -1 : 1;
		break;
	case CFG_STRATEGY_LINEAR:
		return a->order < b->order ? -1 : a->order > b->order;
	case CFG_STRATEGY_SKILL_WEIGHTED:
		if (a->score != b->score)
			return a->score > b->score ? -1 : 1;
		break;
	default:
		break;
	}
	return acd_idle_cmp(a, b);
}

/* Round robin with memory: the next agent in config order after the one
 * chosen last, wrapping around. */
static int
acd_round_robin(const struct acd_cand *c, int n, int rr_last)
{
	int best = -1, first = 0;

	for (int i = 0; i < n; i++) {
		if (c[i].order < c[first].order)
			first = i;
		if (c[i].order > rr_last && (best < 0 || c[i].order < c[best].order))
			best = i;
	}
	return best >= 0 ? best : first;
}

int
acd_pick(int strategy, const struct acd_cand *c, int n, int rr_last,
    unsigned *rng, char *why, size_t len)
{
	int best = 0;

	if (strategy == CFG_STRATEGY_ROUND_ROBIN)
		best = acd_round_robin(c, n, rr_last);
	else if (strategy == CFG_STRATEGY_RANDOM) {
		*rng = *rng * 1103515245u + 12345u;
		best = (int)((*rng >> 8) % (unsigned)n);
	} else
		for (int i = 1; i < n; i++)
			if (acd_cmp(strategy, &c[i], &c[best]) < 0)
				best = i;
	snprintf(why, len, "%s among %d eligible: %s (calls %u, talk %llds, "
	    "skill score %d)", names[strategy], n, c[best].id, c[best].calls,
	    (long long)(c[best].talk_ms / 1000), c[best].score);
	return best;
}
