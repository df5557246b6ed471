/* acd-route.h: the routing rules, pure: who goes first, who may take a
 * call, and the choice among them with its reason. Shared by the ACD's
 * indexed pass (acd-index.c) and the reference pass the tests replay
 * against it (tests/unit/acd-ref.c), so both decide by the same rules. */
#ifndef CZ_ACD_ROUTE_H
#define CZ_ACD_ROUTE_H

#include <stdint.h>
#include "acd-pick.h"

struct call;
struct agent;

/* How a pass's decisions are carried out (acd.c in the core, a recorder
 * in the tests). expire gets the waiting callers to check against their
 * queue's max wait and NULLs those it cleared; offer rings N agents. */
struct acd_ops {
	void	(*expire)(struct call **, int n);
	void	(*offer)(struct call *, struct agent **who, int n,
		    const char *why);
};

void		acd_route_seed(unsigned);	/* the random strategy's state */
int		acd_waited_s(const struct call *);
/* Who goes first: priority, then the queue's weight, then arrival. */
int		acd_before(const void *, const void *);
/* A waiting call the ACD may offer now (not while choosing a callback). */
int		acd_routable(const struct call *);
/* When this waiting caller next needs the ACD without anything else
 * happening: a widening step or the queue's max wait. 0 = never. */
uint64_t	acd_deadline(const struct call *);
/* May A take the call now, its skills asked at the levels lowered by
 * lower_by? Fills *c with what the strategies weigh. */
int		acd_eligible(const struct call *, struct agent *a, int lower_by,
		    int honor_refusals, struct acd_cand *c);
/* The transferred-to agent, if free: 1 candidate, or 0. */
int		acd_only_candidate(const struct call *, struct acd_cand *,
		    struct agent **who);
/* Chooses among the n candidates (the queue's strategy, or ring-all),
 * says why and offers. Returns how many agents now ring. */
int		acd_route_offer(struct call *, int lower_by, struct acd_cand *,
		    struct agent **who, int n, const struct acd_ops *);

#endif
