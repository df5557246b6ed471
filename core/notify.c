/* notify.c: builds the events pushed to clients (docs/protocol.md) and sends
 * them to an agent's console, to subscribed supervisors, or to everyone. */
#include <stdlib.h>
#include <time.h>
#include "agent.h"
#include "call.h"
#include "conn.h"
#include "notify.h"
#include "queue.h"
#include "span.h"

void
notify_agent(struct agent *a, json_t *ev)
{
	if (a->conn != NULL && !a->conn->dead)
		conn_send(a->conn, ev);
	else
		json_decref(ev);
}

/* An event to many clients is stamped (at_us: wall clock, microseconds,
 * as it leaves the core) and encoded once, then queued to each. */
static void
notify_many(json_t *ev, int watchers_only)
{
	struct timespec	 ts;
	char		*s = NULL;
	size_t		 len = 0;

	for (struct conn *c = conns; c != NULL; c = c->next) {
		if (c->dead || !(watchers_only ? c->subscribed : c->hello))
			continue;
		if (s == NULL) {
			clock_gettime(CLOCK_REALTIME, &ts);
			json_object_set_new(ev, "at_us", json_integer(
			    (json_int_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000));
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
	if (a->conn != NULL && !a->conn->dead && !a->conn->subscribed)
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

/* The waiting line of a queue changed: its agents' consoles show it. */
void
notify_queue_waiting(const struct queue *q)
{
	json_t *ev = NULL;

	for (struct agent *a = agents; a != NULL; a = a->next) {
		if (a->conn == NULL || a->conn->dead ||
		    a->state == AGENT_LOGGED_OUT || !agent_in_queue(a, q->name))
			continue;
		if (ev == NULL) {
			ev = proto_event("queue");
			json_object_set_new(ev, "name", json_string(q->name));
			json_object_set_new(ev, "waiting", json_integer(q->nwaiting));
			json_object_set_new(ev, "longest_wait_s",
			    json_integer(queue_longest_wait_s(q)));
		}
		conn_send(a->conn, json_incref(ev));
	}
	json_decref(ev);
}
