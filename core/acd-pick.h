/* acd-pick.h: which of the eligible agents gets a call, by the queue's
 * strategy. Pure: candidates in, a choice and its reason out. */
#ifndef CZ_ACD_PICK_H
#define CZ_ACD_PICK_H

#include <stddef.h>
#include <stdint.h>

struct acd_cand {
	const char	*id;
	int		 order;		/* position in the config (linear, rr) */
	uint64_t	 idle_since;	/* mono us: became ready */
	unsigned	 calls;		/* answered since login */
	int64_t		 talk_ms;	/* talk time since login */
	int		 score;		/* sum of its levels in the asked skills */
};

/* Returns the index of the chosen candidate (n > 0). rr_last is the order
 * of the agent the queue's round robin chose last (-1: none); rng is the
 * random strategy's state. why says what decided. */
int	acd_pick(int strategy, const struct acd_cand *, int n, int rr_last,
	    unsigned *rng, char *why, size_t len);

#endif
