/* acd-route.c: the routing rules (docs/ARCHITECTURE.md, "acd.c"): callers
 * by priority, queue weight and arrival; an agent may take a call when
 * ready, free, in the queue, with the skills asked at the widened levels,
 * and not among those who passed on it (they come last, not never). Pure
 * but for the clock: nothing here is written but the queue's round-robin
 * memory and the random strategy's state. */
#include <stdio.h>
#include <string.h>
#include "acd-route.h"
#include "agent.h"
#include "call.h"
#include "clock.h"
#include "config.h"
#include "queue.h"

static unsigned acd_rng = 1;

void
acd_route_seed(unsigned seed)
{
	acd_rng = seed;
}

int
acd_waited_s(const struct call *call)
{
	return (int)((clock_mono_us() - call->queue_enter_mono) / 1000000);
}

int
acd_before(const void *x, const void *y)
{
	const struct call *a = *(struct call *const *)x;
	const struct call *b = *(struct call *const *)y;

	if (a->priority != b->priority)
		return b->priority - a->priority;
	if (a->queue->cfg->weight != b->queue->cfg->weight)
		return b->queue->cfg->weight - a->queue->cfg->weight;
	return a->queue_enter_mono < b->queue_enter_mono ? -1 :
	    a->queue_enter_mono > b->queue_enter_mono;
}

int
acd_routable(const struct call *call)
{
	return call->state == CALL_QUEUED && call->queue != NULL &&
	    call->cbo == NULL;
}

uint64_t
acd_deadline(const struct call *call)
{
	const struct queue	*q = call->queue;
	int			 s = widen_next_s(&q->widen, acd_waited_s(call));
	uint64_t		 at = 0;

	if (s >= 0)
		at = call->queue_enter_mono + (uint64_t)s * 1000000;
	if (q->cfg->max_wait > 0 && call->cb == NULL) {
		uint64_t mw = call->queue_enter_mono +
		    (uint64_t)q->cfg->max_wait * 1000000;

		if (at == 0 || mw < at)
			at = mw;
	}
	return at;
}

static int
acd_refused_by(const struct call *call, const struct agent *a)
{
	for (int i = 0; i < call->nrejected; i++)
		if (strcmp(call->rejected[i], a->id) == 0)
			return 1;
	return 0;
}

static void
acd_cand_of(struct agent *a, int score, struct acd_cand *c)
{
	*c = (struct acd_cand){ .id = a->id, .order = a->order,
	    .idle_since = a->idle_since, .calls = a->calls,
	    .talk_ms = a->talk_ms, .score = score };
}

int
acd_eligible(const struct call *call, struct agent *a, int lower_by,
    int honor_refusals, struct acd_cand *c)
{
	int score;

	if (a->state != AGENT_READY || a->removed || a->call != NULL ||
	    !agent_in_queue(a, call->queue->name) ||
	    (honor_refusals && acd_refused_by(call, a)) ||
	    !skill_meets(&a->skills, &call->queue->need, lower_by, &score))
		return 0;
	acd_cand_of(a, score, c);
	return 1;
}

int
acd_only_candidate(const struct call *call, struct acd_cand *c,
    struct agent **who)
{
	struct agent *a = call->only_agent;

	if (a->state != AGENT_READY || a->call != NULL)
		return 0;
	acd_cand_of(a, 0, c);
	who[0] = a;
	return 1;
}

int
acd_route_offer(struct call *call, int lower_by, struct acd_cand *c,
    struct agent **who, int n, const struct acd_ops *ops)
{
	struct queue	*q = call->queue;
	char		 need[160], pick[160], why[512];
	int		 i;

	if (q->cfg->strategy == CFG_STRATEGY_RING_ALL)
		snprintf(pick, sizeof pick, "ring_all: %d eligible agents ring "
		    "at once", n);
	else {
		i = acd_pick(q->cfg->strategy, c, n, q->rr_last, &acd_rng, pick,
		    sizeof pick);
		queue_set_rr_last(q, c[i].order);
		who[0] = who[i];
		n = 1;
	}
	skill_format(&q->need, lower_by, need, sizeof need);
	snprintf(why, sizeof why, "queue %s, priority %d, waited %ds; "
	    "skills asked: %s%s; %s", q->name, call->priority,
	    acd_waited_s(call), need[0] ? need : "none",
	    lower_by ? " (widened)" : "", pick);
	ops->offer(call, who, n, why);
	return n;
}
