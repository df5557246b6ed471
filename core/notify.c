/* notify.c: builds the events pushed to clients (docs/protocol.md) and sends
 * them to an agent's console, to subscribed supervisors, or to everyone. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <event2/event.h>
#include <time.h>
#include "agent.h"
#include "call.h"
#include "clock.h"
#include "core.h"
#include "conn.h"
#include "notify.h"
#include "queue.h"
#include "scope.h"
#include "span.h"
#include "xmalloc.h"

void
notify_agent(struct agent *a, json_t *ev)
{
	if (a->conn != NULL && !a->conn->dead)
		conn_send(a->conn, ev);
	else
		json_decref(ev);
}

/* at_us: the wall clock, in microseconds, as the event leaves the core */
static void
notify_stamp(json_t *ev)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	json_object_set_new(ev, "at_us", json_integer(
	    (json_int_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000));
}

/* An event to many clients is stamped and encoded once, then queued to
 * each: to the subscribers on the stream as one shared copy
 * (conn_broadcast); to each limited supervisor subscribed (a few) as its
 * own line, if it is about one of their clients (scope_event). */
static void
notify_many(json_t *ev, int watchers_only)
{
	char			*s = NULL;
	size_t			 len = 0;
	struct conn *const	*own;
	const struct cfg_user	*u;
	int			 nown;

	if (conn_subscribers() > 0) {
		notify_stamp(ev);
		s = proto_encode(ev, &len);
		conn_broadcast(s, len);
	}
	own = conn_own_subscribers(&nown);
	for (int i = 0; i < nown; i++) {
		struct conn *c = own[i];

		if (c->dead || ((u = scope_user(c)) != NULL &&
		    !scope_event(u, ev)))
			continue;
		if (s == NULL) {
			notify_stamp(ev);
			s = proto_encode(ev, &len);
		}
		conn_send_line(c, s, len);
	}
	for (struct conn *c = conns; !watchers_only && c != NULL; c = c->next) {
		if (c->dead || c->subscribed || c->sub_own || !c->hello)
			continue;
		if (s == NULL) {
			notify_stamp(ev);
			s = proto_encode(ev, &len);
		}
		conn_send_line(c, s, len);
	}
	free(s);
	json_decref(ev);
}

void
notify_watchers(json_t *ev)
{
	notify_many(ev, 1);
}

void
notify_all(json_t *ev)
{
	notify_many(ev, 0);
}

static json_t *
notify_str_or_null(const char *s)
{
	return s != NULL ? json_string(s) : json_null();
}

void
notify_agent_state(struct agent *a)
{
	json_t *ev = proto_event("agent_state");

	json_object_set_new(ev, "agent", json_string(a->id));
	json_object_set_new(ev, "state", json_string(agent_state_name(a->state)));
	json_object_set_new(ev, "reason", notify_str_or_null(a->reason));
	if (a->state == AGENT_WRAP_UP)
		json_object_set_new(ev, "wrapup_s",
		    json_integer(agent_wrapup_left_s(a)));
	json_object_set_new(ev, "connected", json_boolean(a->conn != NULL));
	if (a->conn != NULL && !a->conn->dead && !a->conn->subscribed &&
	    !a->conn->sub_own)
		conn_send(a->conn, json_incref(ev));
	notify_watchers(ev);
}

void
notify_call_state(struct call *call)
{
	json_t *ev;

	if (conns == NULL)
		return;
	ev = proto_event("call_state");
	json_object_set_new(ev, "call", json_string(call->id));
	json_object_set_new(ev, "state", json_string(call_state_name(call->state)));
	json_object_set_new(ev, "cli", json_string(call->cli));
	json_object_set_new(ev, "dnis", json_string(call->dnis));
	json_object_set_new(ev, "queue", notify_str_or_null(call->queue_name));
	json_object_set_new(ev, "agent", call->agent != NULL ?
	    json_string(call->agent->id) : notify_str_or_null(call->agent_id));
	notify_watchers(ev);
}

void
notify_span_state(struct span *s)
{
	json_t *ev = proto_event("span_state");

	json_object_set_new(ev, "span", json_string(s->name));
	json_object_set_new(ev, "l1", json_string(span_l1_name(s)));
	json_object_set_new(ev, "l2", json_string(span_l2_name(s)));
	json_object_set_new(ev, "alarm", json_string(s->l1_why));
	notify_watchers(ev);
}

/* A queue's waiting line changes twice per call: at 200 calls/s each of
 * its agents' consoles would get 400 lines a second, one write(2) each.
 * So a queue's state goes to its agents at most every NOTIFY_QUEUE_MS:
 * a change after a quiet interval at once, the changes within the
 * interval folded into one line at its end, which always carries the
 * last state. Kept by the queue's slot (never reused); the queue is
 * found again by name when the line leaves (a reload may free it). */
#define NOTIFY_QUEUE_MS	200

struct queue_note {
	char		*name;
	uint64_t	 sent_us;	/* 0: never sent */
	int		 armed;		/* a folded line is due */
};
static struct queue_note	*notes;
static int			 nnotes;

static void
notify_queue_send(const struct queue *q)
{
	json_t	*ev = NULL;
	char	*s = NULL;
	size_t	 len = 0;

	for (struct agent *a = agents; a != NULL; a = a->next) {
		if (a->conn == NULL || a->conn->dead ||
		    a->state == AGENT_LOGGED_OUT || !agent_in_queue(a, q->name))
			continue;
		if (s == NULL) {
			ev = proto_event("queue");
			json_object_set_new(ev, "name", json_string(q->name));
			json_object_set_new(ev, "waiting", json_integer(q->nwaiting));
			json_object_set_new(ev, "longest_wait_s",
			    json_integer(queue_longest_wait_s(q)));
			notify_stamp(ev);
			s = proto_encode(ev, &len);
			json_decref(ev);
		}
		conn_send_line(a->conn, s, len);
	}
	free(s);
}

static void	notify_queue_due(evutil_socket_t, short, void *);

static void
notify_queue_arm(void *slot, uint64_t us)
{
	struct timeval tv = { (time_t)(us / 1000000), (suseconds_t)(us % 1000000) };

	event_base_once(core.base, -1, EV_TIMEOUT, notify_queue_due, slot, &tv);
}

static void
notify_queue_due(evutil_socket_t fd, short what, void *arg)
{
	struct queue_note	*n = &notes[(intptr_t)arg];
	struct queue		*q = queue_find(n->name);
	uint64_t		 now = clock_mono_us();
	uint64_t		 next = n->sent_us + NOTIFY_QUEUE_MS * 1000;

	(void)fd;
	(void)what;
	/* libevent counts from the time cached at its pass's start: early */
	if (now < next) {
		notify_queue_arm(arg, next - now);
		return;
	}
	n->armed = 0;
	n->sent_us = now;
	if (q != NULL)
		notify_queue_send(q);
}

void
notify_queue_waiting(const struct queue *q)
{
	struct queue_note	*n;
	uint64_t		 now = clock_mono_us(), next;

	if (q->slot >= nnotes) {
		notes = xrealloc(notes, (q->slot + 1) * sizeof *notes);
		memset(notes + nnotes, 0, (q->slot + 1 - nnotes) * sizeof *notes);
		nnotes = q->slot + 1;
	}
	n = &notes[q->slot];
	if (n->name == NULL)
		n->name = xstrdup(q->name);
	if (n->armed)
		return;
	next = n->sent_us + NOTIFY_QUEUE_MS * 1000;
	if (n->sent_us == 0 || now >= next) {
		n->sent_us = now;
		notify_queue_send(q);
		return;
	}
	n->armed = 1;
	notify_queue_arm((void *)(intptr_t)q->slot, next - now);
}
