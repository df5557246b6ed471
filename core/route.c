/* route.c: where an inbound call goes, by its called number (DNIS): a DID
 * from the config names a target ("queue:NAME" now; IVR menus later). */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "acd.h"
#include "call.h"
#include "cause.h"
#include "clock.h"
#include "core.h"
#include "isdn.h"
#include "log.h"
#include "queue.h"
#include "xmalloc.h"


static int
route_to_queue(struct call *call, const char *name)
{
	struct queue *q = queue_find(name);

	if (q == NULL || q->removed) {
		log_warn("call %s: queue %s does not exist", call->id, name);
		return CAUSE_CONGESTION;
	}
	for (int hops = 0;; hops++) {
		const char	*why = NULL, *rule = NULL;
		struct queue	*to;

		if (!hours_open(&q->hours, time(NULL))) {
			why = "closed";
			rule = q->cfg->closed_exit;
		} else if (q->cfg->max_len > 0 && q->nwaiting >= q->cfg->max_len) {
			why = "full";
			rule = q->cfg->max_len_exit;
		}
		if (why == NULL)
			break;
		to = queue_exit_target(q, rule);
		log_info("call %s: queue %s is %s%s%s", call->id, q->name, why,
		    to ? ", overflow to " : "", to ? to->name : "");
		if (to == NULL || hops == 4) {
			call->refusal = why;
			return CAUSE_CONGESTION;
		}
		q = to;
	}
	isdn_answer(call);
	call->answer_ms = clock_wall_ms();
	queue_enter(q, call);
	acd_dispatch();
	return 0;
}

/* Returns 0 when routed, else the Q.850 cause to refuse the call with. */
int
route_inbound(struct call *call)
{
	const struct cfg_did	*did = config_find_did(core.cfg, call->dnis);
	char			 detail[160];

	if (did == NULL) {
		log_info("call %s: no DID %s: unallocated", call->id, call->dnis);
		return CAUSE_UNALLOCATED;
	}
	call->route = xstrdup(did->target);
	call->priority = did->priority;
	snprintf(detail, sizeof detail, "{\"target\":\"%s\"}", did->target);
	call_event(call, EV_CALL_ROUTED, detail);
	if (strncmp(did->target, "queue:", 6) == 0)
		return route_to_queue(call, did->target + 6);
	log_warn("call %s: target %s cannot be served", call->id, did->target);
	return CAUSE_CONGESTION;
}
