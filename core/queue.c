/* queue.c: runtime queues built from the config; each holds its waiting
 * callers in arrival order (they keep their place while being offered). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "call.h"
#include "clock.h"
#include "core.h"
#include "evlog.h"
#include "agent.h"
#include "log.h"
#include "queue.h"
#include "sink.h"
#include "xmalloc.h"

struct queue *queues;
static struct queue_hooks queue_hooks;
static int nslots;		/* queues ever created */

struct queue *
queue_find(const char *name)
{
	for (struct queue *q = queues; q != NULL; q = q->next)
		if (strcmp(q->name, name) == 0)
			return q;
	return NULL;
}

/* The config checked these already: parsing cannot fail here. */
static void
queue_parse(struct queue *q)
{
	char why[256];

	skill_parse(q->cfg->skills, &q->need, why, sizeof why);
	widen_parse(q->cfg->widen, &q->widen, why, sizeof why);
	hours_parse(&q->hours, q->cfg->hours, q->cfg->holidays, q->cfg->timezone,
	    why, sizeof why);
}

/* Creates queues new in the config and re-points the others at it. A queue
 * gone from the config keeps its callers but takes no new ones. */
int
queue_sl_target(const char *name, void *arg)
{
	struct queue *q = queue_find(name);

	return q != NULL && q->cfg != NULL ? q->cfg->sl_target : 20;
}

void
queue_count_answered(struct queue *q)
{
	q->answered++;
}

void
queue_count_abandoned(struct queue *q)
{
	q->abandoned++;
}

void
queue_sync(const struct config *cfg)
{
	for (struct queue *q = queues; q != NULL; q = q->next)
		q->removed = 1;
	for (int i = 0; i < cfg->nqueues; i++) {
		const struct cfg_queue	*cq = &cfg->queues[i];
		struct queue		*q = queue_find(cq->name);

		if (q == NULL) {
			q = xcalloc(1, sizeof *q);
			q->name = xstrdup(cq->name);
			TAILQ_INIT(&q->waiting);
			q->rr_last = -1;
			q->slot = nslots++;
			q->next = queues;
			queues = q;
		}
		q->cfg = cq;
		q->removed = 0;
		queue_parse(q);
	}
	queue_hooks.stale();
}

void
queue_free_all(void)
{
	struct queue *q, *next;

	queue_hooks.freed();
	for (q = queues; q != NULL; q = next) {
		next = q->next;
		free(q->name);
		free(q);
	}
	queues = NULL;
}

/* The service-level threshold travels with the event, so that a report
 * uses the target in force when the call arrived. */
void
queue_enter(struct queue *q, struct call *call)
{
	call_set_queue(call, q);
	call_set_queue_name(call, q->name);
	if (call->queue_enter_ms == 0)	/* the CDR's wait spans overflows */
		call_set_queue_enter_ms(call, clock_wall_ms());
	call_set_queue_enter_mono(call, clock_mono_us());
	TAILQ_INSERT_TAIL(&q->waiting, call, qentry);
	q->nwaiting++;
	queue_hooks.entered(call);
	sink_queue_waiting(q);
	if (call->cb != NULL) {	/* a callback: offered once, when asked for */
		call_set_state(call, CALL_QUEUED);
		return;
	}
	q->offered++;
	call_event(call, EV_QUEUE_ENTER, json_pack("{s:i}", "sl_target",
	    q->cfg->sl_target));
	call_set_state(call, CALL_QUEUED);
	queue_hooks.waiting(call);
}

void
queue_leave(struct call *call)
{
	struct queue *q = call->queue;

	if (q == NULL)
		return;
	queue_hooks.left(call);
	TAILQ_REMOVE(&q->waiting, call, qentry);
	q->nwaiting--;
	sink_queue_waiting(q);
	call_set_queue(call, NULL);
	queue_hooks.done_waiting(call);
}

int
queue_longest_wait_s(const struct queue *q)
{
	const struct call *call = TAILQ_FIRST(&q->waiting);

	if (call == NULL)
		return 0;
	return (int)((clock_mono_us() - call->queue_enter_mono) / 1000000);
}

void
queue_exit(struct call *call, const char *why, struct queue *to)
{
	struct db_event	 ev = {
		.ts_ms = clock_wall_ms(), .kind = EV_QUEUE_EXIT,
		.call_id = call->id, .queue = call->queue_name,
		.state = to != NULL ? "overflow" : strcmp(why, "callback") == 0 ?
		    "callback" : "hangup",
	};

	log_info("call %s: leaves queue %s (%s)%s%s", call->id, call->queue_name,
	    why, to ? " for " : "", to ? to->name : "");
	evlog_add(&ev, json_pack("{s:s,s:s?}", "why", why, "to",
	    to != NULL ? to->name : NULL));
	queue_leave(call);
	if (to != NULL)
		queue_enter(to, call);
}

int
queue_position(const struct call *call)
{
	const struct call	*c;
	int			 pos = 1;

	if (call->queue == NULL)
		return 0;
	TAILQ_FOREACH(c, &call->queue->waiting, qentry)
		if (c != call && (c->priority > call->priority ||
		    (c->priority == call->priority &&
		    c->queue_enter_mono < call->queue_enter_mono)))
			pos++;
	return pos;
}

/* Position x the queue's average handle time today (180 s before any
 * call is handled) / the agents staffing the queue (logged in, not in
 * not-ready). */
int
queue_ewt_s(const struct call *call)
{
	const struct stats_queue	*t;
	double				 aht = 180;
	int				 staffed = 0;

	if (call->queue == NULL)
		return -1;
	t = evlog_today(call->queue->name);
	if (t != NULL && stats_aht_s(t) > 0)
		aht = stats_aht_s(t);
	for (struct agent *a = agents; a != NULL; a = a->next)
		staffed += a->state != AGENT_LOGGED_OUT &&
		    a->state != AGENT_NOT_READY && agent_in_queue(a, call->queue->name);
	if (staffed == 0)
		return -1;
	return (int)(queue_position(call) * aht / staffed + 0.5);
}

void
queue_set_hooks(const struct queue_hooks *h)
{
	queue_hooks = *h;
}
