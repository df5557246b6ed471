/* acd-ref.c: the reference routing pass: core/acd.c's acd_run_cb as of
 * 2026-12-05, the decisions alone. Every waiting call, in serving order,
 * against every agent; the rules themselves are acd-route.c's, shared. */
#include <stdlib.h>
#include "acd-ref.h"
#include "agent.h"
#include "call.h"
#include "queue.h"
#include "skill.h"
#include "xmalloc.h"

static int
ref_candidates(const struct call *call, int lower_by, int honor,
    struct acd_cand *c, struct agent **who, int max)
{
	int n = 0;

	if (call->only_agent != NULL)
		return max < 1 ? 0 : acd_only_candidate(call, c, who);
	for (struct agent *a = agents; a != NULL && n < max; a = a->next)
		if (acd_eligible(call, a, lower_by, honor, &c[n]))
			who[n++] = a;
	return n;
}

static int
ref_route(struct call *call, struct acd_cand *c, struct agent **who, int max,
    const struct acd_ops *ops)
{
	int lower_by = widen_lower_by(&call->queue->widen, acd_waited_s(call));
	int n;

	if ((n = ref_candidates(call, lower_by, 1, c, who, max)) == 0 &&
	    (call->nrejected == 0 ||
	    (n = ref_candidates(call, lower_by, 0, c, who, max)) == 0))
		return 0;
	return acd_route_offer(call, lower_by, c, who, n, ops);
}

int
acd_ref_pass(const struct acd_ops *ops)
{
	struct call	**waiting, *call;
	struct agent	**who;
	struct acd_cand	 *cand;
	int		  n = 0, ready = 0, nagents = 0, j = 0;

	for (struct agent *a = agents; a != NULL; a = a->next) {
		nagents++;
		ready += a->state == AGENT_READY && a->call == NULL;
	}
	n = 0;
	TAILQ_FOREACH(call, &calls, entry)
		n++;
	waiting = xcalloc(n + 1, sizeof *waiting);
	cand = xcalloc(nagents + 1, sizeof *cand);
	who = xcalloc(nagents + 1, sizeof *who);
	n = 0;
	TAILQ_FOREACH(call, &calls, entry)
		if (acd_routable(call))
			waiting[n++] = call;
	ops->expire(waiting, n);
	for (int i = 0; i < n; i++)
		if (waiting[i] != NULL)
			waiting[j++] = waiting[i];
	n = j;
	qsort(waiting, n, sizeof *waiting, acd_before);
	for (int i = 0; i < n && ready > 0; i++)
		ready -= ref_route(waiting[i], cand, who, nagents, ops);
	free(who);
	free(cand);
	free(waiting);
	return n;
}
