/* call-agent.c: an agent's part in a call, at the routing layer above
 * call.c: the agent starts talking (count, customer contact, screen pop,
 * recording policy), leaves it (talk time, wrap-up terms, call_ended to
 * the console), and the agent and queue let go as the call ends. */
#include <jansson.h>
#include "agent.h"
#include "call.h"
#include "call-agent.h"
#include "clock.h"
#include "customer.h"
#include "endpoint.h"
#include "media.h"
#include "proto.h"
#include "queue.h"
#include "recording.h"
#include "sink.h"

/* What the agent's wrap-up asks for (in call_ended): the queue's
 * disposition codes, whether one is required (then wrap-up waits for
 * it), and the wrap-up seconds. Only calls the agent talked to owe one. */
static void
call_agent_wrapup_terms(struct call *call, struct agent *a,
    const struct queue *q, json_t *ev)
{
	int	 known = q != NULL && q->cfg != NULL, required = 0;
	json_t	*codes = known ? proto_strings(q->cfg->dispositions,
		    q->cfg->n_dispositions) : json_array();

	if (known)
		required = q->cfg->disposition_required &&
		    q->cfg->n_dispositions > 0 && call->agent_answer_ms != 0 &&
		    a == call->agent;
	if (required)
		agent_set_disposition_due(a, call->id, q->name);
	json_object_set_new(ev, "dispositions", codes);
	json_object_set_new(ev, "disposition_required", json_boolean(required));
	json_object_set_new(ev, "wrapup_s", json_integer(known &&
	    a->after != AFTER_READY ? q->cfg->wrapup : 0));
}

void
call_agent_leaves(struct call *call, struct agent *a, int cause,
    const char *cleared_by)
{
	json_t		*ev = proto_event("call_ended");
	struct queue	*q = queue_find(call->queue_name != NULL ?
			    call->queue_name : "");

	if (a == call->agent && call->agent_answer_ms != 0)
		agent_set_talked(a, clock_wall_ms() - call->agent_answer_ms);
	if (a->ep != NULL && a->ep->call == call)
		media_leave(call, a->ep);
	json_object_set_new(ev, "call", json_string(call->id));
	json_object_set_new(ev, "cause", json_integer(cause));
	json_object_set_new(ev, "cleared_by", json_string(cleared_by));
	call_agent_wrapup_terms(call, a, q, ev);
	sink_agent(a, ev);
	if (call->agent == a)
		call_set_agent(call, NULL);
	if (call->consult_agent == a)
		call_set_consult_agent(call, NULL);
	agent_call_done(a, q != NULL && q->cfg != NULL ? q->cfg->wrapup : 0);
}

void
call_agent_talks(struct call *call, json_t *extra)
{
	struct agent	*a = call->agent;
	json_t		*ev = proto_event("call_connected");

	call_set_agent_answer_ms(call, clock_wall_ms());
	agent_set_answered(a);
	customer_contact_open(call, a);
	json_object_set_new(ev, "call", json_string(call->id));
	json_object_set_new(ev, "cli", json_string(customer_number(call)));
	json_object_set_new(ev, "direction", json_string(call->direction));
	json_object_set_new(ev, "queue", call->queue_name != NULL ?
	    json_string(call->queue_name) : json_null());
	customer_screen_pop(call, ev);
	if (extra != NULL) {
		json_object_update(ev, extra);
		json_decref(extra);
	}
	sink_agent(a, ev);
	recording_answered(call);
}

/* Lets go of the agent and the queue as the call ends (call.c asks it
 * through its hooks, hooks.c, once a ringing offer is withdrawn). */
void
call_agent_release(struct call *call, int cause, const char *cleared_by)
{
	struct agent *a = call->agent;

	if ((call->state == CALL_CONNECTED || call->state == CALL_DIALING) &&
	    a != NULL)
		call_agent_leaves(call, a, cause, cleared_by);
	if (call->consult_agent != NULL)
		call_agent_leaves(call, call->consult_agent, cause, cleared_by);
	if (call->queue != NULL && call->span == NULL)	/* a waiting callback */
		queue_leave(call);
	if (call->queue != NULL) {
		queue_count_abandoned(call->queue);
		call_event(call, EV_ABANDON, NULL);
		queue_leave(call);
	}
}
