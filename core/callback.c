/* callback.c: callbacks (callback.h): stored requests, their waiting
 * calls in the queues, dialing with the agent on the line, retries, and
 * the events the statistics count them by (docs/STATISTICS.md). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/queue.h>
#include <event2/event.h>
#include "acd-wake.h"
#include "agent.h"
#include "call.h"
#include "call-agent.h"
#include "callback.h"
#include "cause.h"
#include "clock.h"
#include "core.h"
#include "db.h"
#include "endpoint.h"
#include "evlog.h"
#include "log.h"
#include "media.h"
#include "queue.h"
#include "sink.h"
#include "xmalloc.h"

/* A dial that found no free channel is tried again this much later,
 * without counting as an attempt: the caller did nothing wrong. */
#define CALLBACK_NO_CHANNEL_S	30

struct callback {
	int64_t			 id;		/* callbacks row */
	char			 parent[24];	/* the inbound call that asked */
	char			 number[32];
	char			 cli[32];	/* presented: what the caller dialled */
	char			 queue[64];
	int			 priority;
	int			 attempts;
	int			 last_cause;
	int64_t			 requested_ms, place_ms;
	int64_t			 due_ms;	/* scheduled: not before */
	char			 for_agent[24];	/* scheduled for this agent */
	char			*note;
	struct call		*call;		/* waiting or being dialled */
	struct event		*retry;
	LIST_ENTRY(callback)	 entry;
};
static LIST_HEAD(, callback) callbacks = LIST_HEAD_INITIALIZER(callbacks);

static void	callback_queue(struct callback *);

/* The detail names the callback; KEY (NULL: none) adds one figure. */
static void
callback_event(struct callback *cb, struct call *call, const char *state,
    const char *agent, const char *key, json_int_t value)
{
	struct db_event	 ev = {
		.ts_ms = clock_wall_ms(), .kind = EV_CALLBACK,
		.call_id = call != NULL ? call->id : cb->parent[0] != '\0' ?
		    cb->parent : NULL, .agent = agent,
		.queue = cb->queue, .state = state,
	};
	json_t		*d = json_pack("{s:I,s:s,s:i}", "callback",
			    (json_int_t)cb->id, "number", cb->number, "attempts",
			    cb->attempts);

	if (key != NULL)
		json_object_set_new(d, key, json_integer(value));
	evlog_add(&ev, d);
}

static void
callback_store(struct callback *cb, const char *state, const char *agent)
{
	struct db_callback row = {
		.id = cb->id, .attempts = cb->attempts, .last_cause = cb->last_cause,
		.last_ms = clock_wall_ms(), .state = state, .agent = agent,
	};

	if (db_callback_update(core.db, &row) != 0)
		log_error("callback %lld: not updated in the database: %s",
		    (long long)cb->id, db_last_error(core.db));
}

static void
callback_free(struct callback *cb)
{
	LIST_REMOVE(cb, entry);
	if (cb->retry != NULL)
		event_free(cb->retry);
	free(cb->note);
	free(cb);
}

static void
callback_retry_cb(evutil_socket_t fd, short what, void *arg)
{
	callback_queue(arg);
}

static void
callback_retry_in(struct callback *cb, int s)
{
	struct timeval tv = { s > 0 ? s : 0, 0 };

	if (cb->retry == NULL)
		cb->retry = evtimer_new(core.base, callback_retry_cb, cb);
	evtimer_add(cb->retry, &tv);
}

/* Its waiting call, at the caller's place: a call that queued at place_ms
 * has waited since then, whatever the core did meanwhile. */
static void
callback_queue(struct callback *cb)
{
	struct queue	*q = queue_find(cb->queue);
	struct call	*call;
	uint64_t	 now = clock_mono_us();
	int64_t		 waited_us = (clock_wall_ms() - cb->place_ms) * 1000;

	if (core.stopping != CORE_RUNNING) {
		callback_free(cb);		/* stays waiting in the db */
		return;
	}
	if (q == NULL || q->removed) {
		log_warn("callback %lld: queue %s is gone; kept in the database",
		    (long long)cb->id, cb->queue);
		callback_free(cb);
		return;
	}
	call = call_new_outbound(cb->number);
	call_set_cb(call, cb);
	cb->call = call;
	call_set_priority(call, cb->priority);
	if (cb->parent[0] != '\0')
		call_set_parent(call, cb->parent);
	call_set_cli(call, cb->cli);
	call_set_queue_enter_ms(call, cb->place_ms);
	if (cb->for_agent[0] != '\0')	/* falls to the queue if they leave */
		call_set_only_agent(call, agent_find(cb->for_agent));
	queue_enter(q, call);
	call_set_queue_enter_mono(call, waited_us > 0 &&
	    (uint64_t)waited_us < now ? now - (uint64_t)waited_us :
	    (waited_us > 0 ? 1 : now));
	log_info("callback %lld: %s waits in %s as call %s (attempt %d)",
	    (long long)cb->id, cb->number, cb->queue, call->id, cb->attempts + 1);
	callback_event(cb, call, "queued", NULL, NULL, 0);
	acd_dispatch();
}

/* Waits in its queue from DUE_MS on (now, if that is past). */
static void
callback_start(struct callback *cb, int64_t due_ms)
{
	int64_t now = clock_wall_ms();

	if (due_ms > now)
		callback_retry_in(cb, (int)((due_ms - now + 999) / 1000));
	else
		callback_queue(cb);
}

static struct callback *
callback_new(const struct db_callback *row)
{
	struct callback *cb = xcalloc(1, sizeof *cb);

	cb->id = row->id;
	snprintf(cb->parent, sizeof cb->parent, "%s", row->parent ? row->parent : "");
	snprintf(cb->number, sizeof cb->number, "%s", row->number);
	snprintf(cb->cli, sizeof cb->cli, "%s", row->cli ? row->cli : "");
	snprintf(cb->queue, sizeof cb->queue, "%s", row->queue);
	cb->priority = row->priority;
	cb->attempts = row->attempts;
	cb->last_cause = row->last_cause;
	cb->requested_ms = row->requested_ms;
	cb->place_ms = row->place_ms;
	cb->due_ms = row->due_ms;
	snprintf(cb->for_agent, sizeof cb->for_agent, "%s",
	    row->for_agent ? row->for_agent : "");
	if (row->note != NULL && row->note[0] != '\0')
		cb->note = xstrdup(row->note);
	LIST_INSERT_HEAD(&callbacks, cb, entry);
	return cb;
}

/* Stores a new request (ROW) and keeps it in memory; NULL if the
 * database would not take it. */
static struct callback *
callback_add(struct db_callback *row)
{
	if ((row->id = db_callback_add(core.db, row)) < 0) {
		log_error("callback to %s not stored: %s", row->number,
		    db_last_error(core.db));
		return NULL;
	}
	return callback_new(row);
}

int
callback_request(struct call *call, struct queue *q, const char *number)
{
	struct callback		*cb;
	int64_t			 now = clock_wall_ms();
	struct db_callback	 row = {
		.parent = call->id, .number = number, .cli = call->dnis,
		.queue = q->name, .priority = call->priority > 0 ? call->priority : 0,
		.requested_ms = now, .state = "waiting",
		.place_ms = call->queue == q && call->queue_enter_ms != 0 ?
		    call->queue_enter_ms : now,
	};

	if ((cb = callback_add(&row)) == NULL)
		return -1;
	log_info("call %s: callback %lld requested to %s from %s", call->id,
	    (long long)cb->id, number, q->name);
	callback_event(cb, call, "requested", NULL, NULL, 0);
	if (call->queue != NULL)
		queue_exit(call, "callback", NULL);
	callback_queue(cb);
	return 0;
}

void
callback_accepted(struct agent *a, struct call *call)
{
	const struct cfg_queue	*qc = call->queue->cfg;
	int			 cause;

	queue_leave(call);
	call_set_agent(call, a);
	agent_set_state(a, AGENT_ON_CALL, NULL);
	if (a->ep != NULL)
		media_join(call, a->ep, MEDIA_AGENT);
	callback_event(call->cb, call, "dialing", a->id, NULL, 0);
	if ((cause = call_dial(call, call->cli, qc->callback_ring)) != 0) {
		log_warn("call %s: callback to %s not placed: no free channel",
		    call->id, call->dnis);
		call_set_state(call, CALL_DIALING);
		call_end(call, cause, DB_CLEARED_CORE, "no free channel");
	}
}

void
callback_answered(struct call *call)
{
	struct callback	*cb = call->cb;
	struct agent	*a = call->agent;

	cb->attempts++;
	call_set_state(call, CALL_CONNECTED);
	callback_event(cb, call, "connected", a != NULL ? a->id : NULL,
	    "delay_ms", clock_wall_ms() - cb->requested_ms);
	callback_store(cb, "done", a != NULL ? a->id : NULL);
	call_set_cb(call, NULL);
	callback_free(cb);
	if (a == NULL) {
		call_hangup(call, CAUSE_NORMAL, DB_CLEARED_CORE, "agent gone");
		return;
	}
	call_agent_talks(call, json_pack("{s:b}", "callback", 1));
}

void
callback_call_end(struct call *call, int cause)
{
	struct callback		*cb = call->cb;
	struct queue		*q;
	int			 max = 3, retry = 300;

	if (cb == NULL)
		return;
	call_set_cb(call, NULL);
	cb->call = NULL;
	if (call->span == NULL) {	/* never dialled */
		if (core.stopping != CORE_RUNNING)
			callback_free(cb);	/* stays waiting in the db */
		else
			callback_retry_in(cb, CALLBACK_NO_CHANNEL_S);
		return;
	}
	if ((q = queue_find(cb->queue)) != NULL) {
		max = q->cfg->callback_attempts;
		retry = q->cfg->callback_retry;
	}
	cb->attempts++;
	cb->last_cause = cause;
	if (cb->attempts >= max) {
		log_info("callback %lld: %s failed %d times (last cause %d): "
		    "given up", (long long)cb->id, cb->number, cb->attempts, cause);
		callback_event(cb, call, "failed", call->agent_id, "cause", cause);
		callback_store(cb, "failed", NULL);
		callback_free(cb);
		return;
	}
	log_info("callback %lld: attempt %d to %s failed (cause %d); next in "
	    "%d s", (long long)cb->id, cb->attempts, cb->number, cause, retry);
	callback_event(cb, call, "attempt_failed", call->agent_id, "cause",
	    cause);
	callback_store(cb, "waiting", NULL);
	callback_retry_in(cb, retry);
}

static void
callback_restore_one(const struct db_callback *row, void *arg)
{
	struct callback	*cb = callback_new(row);
	struct queue	*q = queue_find(row->queue);
	int64_t		 due = row->last_ms;

	if (row->attempts > 0 && q != NULL)
		due += (int64_t)q->cfg->callback_retry * 1000;
	callback_start(cb, row->due_ms > due ? row->due_ms : due);
	(*(int *)arg)++;
}

void
callback_restore(void)
{
	int n = 0;

	if (db_callbacks_waiting(core.db, callback_restore_one, &n) != 0)
		log_error("callbacks not restored: %s", db_last_error(core.db));
	else if (n > 0)
		log_info("%d callbacks waiting from before", n);
}

void
callback_suspend_all(void)
{
	struct callback *cb, *next;

	for (cb = LIST_FIRST(&callbacks); cb != NULL; cb = next) {
		next = LIST_NEXT(cb, entry);
		if (cb->call == NULL)
			callback_free(cb);
		else if (cb->call->span == NULL)
			call_end(cb->call, CAUSE_NORMAL, DB_CLEARED_CORE,
			    "core stopping");
	}
}

json_t *
callback_json(const struct call *call)
{
	const struct callback *cb = call->cb;

	if (cb == NULL)
		return json_null();
	return json_pack("{s:s,s:i,s:I,s:s?,s:s?,s:I,s:s?}", "number",
	    cb->number, "attempt", cb->attempts + 1, "requested_ms",
	    (json_int_t)cb->requested_ms, "parent",
	    cb->parent[0] != '\0' ? cb->parent : NULL, "note", cb->note,
	    "due_ms", (json_int_t)cb->due_ms, "for_agent",
	    cb->for_agent[0] != '\0' ? cb->for_agent : NULL);
}

int64_t
callback_schedule(const char *number, struct queue *q, int64_t due_ms,
    const char *for_agent, const char *note, const char *by)
{
	struct callback		*cb;
	struct db_callback	 row = {
		.number = number, .queue = q->name, .requested_ms = clock_wall_ms(),
		.place_ms = due_ms, .due_ms = due_ms, .state = "waiting",
		.for_agent = for_agent, .note = note,
	};

	if ((cb = callback_add(&row)) == NULL)
		return -1;
	log_info("callback %lld to %s scheduled by %s for %s in %s", (long long)
	    cb->id, number, by, for_agent ? for_agent : "anyone", q->name);
	callback_event(cb, NULL, "requested", by, NULL, 0);
	callback_start(cb, due_ms);
	return cb->id;
}
