/* call.c: call records: creation, state changes (each logged and pushed to
 * watchers), and the one place a call ends and its CDR is written. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <event2/event.h>
#include "acd.h"
#include "agent.h"
#include "call.h"
#include "clock.h"
#include "core.h"
#include "evlog.h"
#include "isdn.h"
#include "endpoint.h"
#include "transfer.h"
#include "leg.h"
#include "log.h"
#include "announce.h"
#include "callback.h"
#include "callback-offer.h"
#include "cause.h"
#include "customer.h"
#include "ivr.h"
#include "media.h"
#include "recording.h"
#include "voicemail.h"
#include "notify.h"
#include "proto.h"
#include "queue.h"
#include "span.h"
#include "xmalloc.h"

struct call_list calls = TAILQ_HEAD_INITIALIZER(calls);
static int ncalls;
static unsigned call_seq;

static const char *call_state_names[] = {
	"setup", "ivr", "queued", "offered", "dialing", "connected", "clearing"
};

const char *
call_state_name(enum call_state st)
{
	return call_state_names[st];
}

void
call_event(struct call *call, const char *kind, json_t *detail)
{
	call_event_agent(call, call->agent, kind, detail);
}

void
call_event_agent(struct call *call, struct agent *a, const char *kind,
    json_t *detail)
{
	struct db_event ev = {
		.ts_ms = clock_wall_ms(), .kind = kind, .call_id = call->id,
		.agent = a != NULL ? a->id : call->agent_id,
		.queue = call->queue_name,
	};

	evlog_add(&ev, detail);
}

static void
call_make_id(struct call *call)
{
	call->start_ms = clock_wall_ms();
	snprintf(call->id, sizeof call->id, "c%llx%03x",
	    (unsigned long long)call->start_ms, call_seq++ & 0xfff);
}

/* The call is in the database from its SETUP or dial, should the core
 * die before its CDR (db-recover.c). */
static void
call_store_open(const struct call *call)
{
	struct cdr c = {
		.call_id = call->id, .direction = call->direction,
		.start_ms = call->start_ms, .cli = call->cli, .dnis = call->dnis,
		.span = call->span->name, .channel = call->channel,
		.parent = call->parent,
	};

	db_call_open(core.db, &c);
}

struct call *
call_new_inbound(struct span *s, int ch, const char *cli, const char *dnis)
{
	struct call	*call = xcalloc(1, sizeof *call);

	call_make_id(call);
	strcpy(call->direction, "in");
	call->span = s;
	call->channel = ch;
	snprintf(call->cli, sizeof call->cli, "%s", cli);
	snprintf(call->dnis, sizeof call->dnis, "%s", dnis);
	call->state = CALL_SETUP;
	TAILQ_INSERT_TAIL(&calls, call, entry);
	ncalls++;
	log_info("call %s: in on %s/%d from \"%s\" to \"%s\"", call->id,
	    s->name, ch, call->cli, call->dnis);
	call_event(call, EV_CALL_START, json_pack("{s:s,s:i,s:s}", "span",
	    s->name, "channel", ch, "direction", "in"));
	call_store_open(call);
	notify_call_state(call);
	return call;
}

struct call *
call_new_outbound(const char *number)
{
	struct call *call = xcalloc(1, sizeof *call);

	call_make_id(call);
	strcpy(call->direction, "out");
	snprintf(call->dnis, sizeof call->dnis, "%s", number);
	call->state = CALL_SETUP;
	TAILQ_INSERT_TAIL(&calls, call, entry);
	ncalls++;
	return call;
}

static void
call_dial_timeout_cb(evutil_socket_t fd, short what, void *arg)
{
	struct call *call = arg;

	log_info("call %s: %s did not answer", call->id, call->dnis);
	call_hangup(call, CAUSE_NO_ANSWER, DB_CLEARED_CORE, "no answer");
}

/* Tells the agent who placed (or took) an outbound call how it goes. */
static void
call_progress(struct call *call, const char *progress)
{
	json_t *ev;

	if (call->agent == NULL)
		return;
	ev = proto_event("call_progress");
	json_object_set_new(ev, "call", json_string(call->id));
	json_object_set_new(ev, "number", json_string(call->dnis));
	json_object_set_new(ev, "progress", json_string(progress));
	notify_agent(call->agent, ev);
}

int
call_dial(struct call *call, const char *cli, int ring_s)
{
	struct timeval	 tv = { ring_s, 0 };
	struct span	*s;
	int		 ch = -1;

	for (s = spans; s != NULL; s = s->next)
		if ((ch = isdn_dial(s, call, cli)) > 0)
			break;
	if (s == NULL)
		return CAUSE_CONGESTION;
	call->span = s;
	call->channel = ch;
	call->start_ms = clock_wall_ms();
	if (cli != call->cli)
		snprintf(call->cli, sizeof call->cli, "%s", cli);
	if (call->cli[0] == '\0')
		snprintf(call->cli, sizeof call->cli, "%s", s->cfg.caller_id);
	log_info("call %s: out on %s/%d to \"%s\" from \"%s\"", call->id,
	    s->name, ch, call->dnis, call->cli);
	call_event(call, EV_CALL_START, json_pack("{s:s,s:i,s:s}", "span",
	    s->name, "channel", ch, "direction", "out"));
	call_store_open(call);
	call_set_state(call, CALL_DIALING);
	call->dial_timer = evtimer_new(core.base, call_dial_timeout_cb, call);
	evtimer_add(call->dial_timer, &tv);
	call_progress(call, "dialing");
	return 0;
}

void
call_out_alerting(struct call *call)
{
	if (call->alerting || call->state != CALL_DIALING)
		return;
	call->alerting = 1;
	call_progress(call, "ringing");
}

void
call_out_answered(struct call *call)
{
	if (call->state != CALL_DIALING)
		return;
	evtimer_del(call->dial_timer);
	call->answer_ms = clock_wall_ms();
	if (call->leg != NULL)
		leg_answered(call);
	else if (call->cb != NULL)
		callback_answered(call);
	else if (call->agent != NULL)
		transfer_dial_answered(call);
	else
		call_hangup(call, CAUSE_NORMAL, DB_CLEARED_CORE, "nobody to take it");
}

int
call_count_live(void)
{
	struct call	*call;
	int		 n = 0;

	TAILQ_FOREACH(call, &calls, entry)	/* lines and legs follow others */
		n += call->leg == NULL && (call->span != NULL ||
		    call->state != CALL_QUEUED);
	return n;
}

struct call *
call_find(const char *id)
{
	struct call *call;

	TAILQ_FOREACH(call, &calls, entry)
		if (strcmp(call->id, id) == 0)
			return call;
	return NULL;
}

int
call_count(void)
{
	return ncalls;
}

int
call_age_s(const struct call *call)
{
	return (int)((clock_wall_ms() - call->start_ms) / 1000);
}

void
call_set_state(struct call *call, enum call_state st)
{
	if (call->state == st)
		return;
	log_debug("call %s: %s -> %s", call->id, call_state_name(call->state),
	    call_state_name(st));
	call->state = st;
	notify_call_state(call);
}

static void
call_write_cdr(struct call *call, int64_t end_ms, int cause,
    const char *cleared_by, const char *reason)
{
	struct cdr cdr = {
		.call_id = call->id, .direction = call->direction,
		.start_ms = call->start_ms, .answer_ms = call->answer_ms,
		.end_ms = end_ms, .cli = call->cli, .dnis = call->dnis,
		.span = call->span != NULL ? call->span->name : "",
		.channel = call->channel, .route = call->route,
		.queue = call->queue_name, .agent = call->agent_id,
		.queue_enter_ms = call->queue_enter_ms,
		.agent_answer_ms = call->agent_answer_ms,
		.cause = cause, .cleared_by = cleared_by, .reason = reason,
		.parent = call->parent,
	};
	char *vars = NULL;

	if (call->queue_enter_ms != 0)
		cdr.wait_ms = (call->agent_answer_ms ? call->agent_answer_ms :
		    end_ms) - call->queue_enter_ms;
	if (call->agent_answer_ms != 0)
		cdr.talk_ms = end_ms - call->agent_answer_ms - call->hold_ms;
	cdr.hold_ms = (int)call->hold_ms;
	cdr.ivr = call->ivr_path;
	if (call->vars != NULL)
		vars = json_dumps(call->vars, JSON_COMPACT | JSON_SORT_KEYS);
	cdr.vars = vars;
	if (db_cdr_insert(core.db, &cdr) != 0)
		log_error("call %s: CDR not written: %s", call->id,
		    db_last_error(core.db));
	free(vars);
}

static void
call_free_cb(evutil_socket_t fd, short what, void *arg)
{
	struct call *call = arg;

	media_call_free(call);
	if (call->offer_timer != NULL)
		event_free(call->offer_timer);
	if (call->dial_timer != NULL)
		event_free(call->dial_timer);
	if (call->party_timer != NULL)
		event_free(call->party_timer);
	free(call->parent);
	for (int i = 0; i < call->nrejected; i++)
		free(call->rejected[i]);
	free(call->route);
	free(call->queue_name);
	free(call->agent_id);
	free(call->ivr_path);
	json_decref(call->vars);
	free(call);
}

void
call_set_hold(struct call *call, int on)
{
	if (on == (call->hold_since != 0))
		return;
	if (on)
		call->hold_since = clock_mono_us();
	else {
		call->hold_ms += (int64_t)(clock_mono_us() - call->hold_since) / 1000;
		call->hold_since = 0;
	}
	media_hold(call, on);
}

void
call_set_agent(struct call *call, struct agent *a)
{
	call->agent = a;
	free(call->agent_id);
	call->agent_id = xstrdup(a->id);
}

/* setters: owned fields of struct call */

void
call_set_why(struct call *call, const char *why)
{
	snprintf(call->why, sizeof call->why, "%s", why);
}

int
call_ring(struct call *call, struct agent **who, int n)
{
	call->nring = n < CALL_RING_MAX ? n : CALL_RING_MAX;
	memcpy(call->ring, who, call->nring * sizeof *call->ring);
	call->agent = call->ring[0];
	return call->nring;
}

void
call_unring(struct call *call, struct agent *a)
{
	int j = 0;

	for (int i = 0; i < call->nring; i++)
		if (call->ring[i] != a)
			call->ring[j++] = call->ring[i];
	call->nring = j;
	call->agent = j > 0 ? call->ring[0] : NULL;
}

void
call_offer_taken(struct call *call)
{
	call->nring = 0;
	call->only_agent = NULL;
}

void
call_offer_over(struct call *call)
{
	call->nring = 0;
	call->agent = NULL;
}

void
call_set_only_agent(struct call *call, struct agent *a)
{
	call->only_agent = a;
}

void
call_add_refusal(struct call *call, const char *agent_id)
{
	if (call->nrejected < CALL_MAX_REJECTS) {
		call->rejected[call->nrejected++] = xstrdup(agent_id);
		return;
	}
	for (int i = 0; i < call->nrejected; i++)	/* everyone refused: */
		free(call->rejected[i]);		/* a new round */
	call->nrejected = 0;
}

struct event *
call_offer_timer(struct call *call, event_callback_fn cb)
{
	if (call->offer_timer == NULL)
		call->offer_timer = evtimer_new(core.base, cb, call);
	return call->offer_timer;
}

/* end of setters */

void
call_agent_talks(struct call *call, json_t *extra)
{
	struct agent	*a = call->agent;
	json_t		*ev = proto_event("call_connected");

	call->agent_answer_ms = clock_wall_ms();
	a->calls++;
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
	notify_agent(a, ev);
	recording_answered(call);
}

void
call_hold(struct call *call, int on)
{
	if (on == (call->hold_since != 0))
		return;
	call_set_hold(call, on);
	call_event(call, on ? EV_HOLD : EV_RETRIEVE, NULL);
	notify_call_state(call);
}

/* What the agent's wrap-up asks for (in call_ended): the queue's
 * disposition codes, whether one is required (then wrap-up waits for
 * it), and the wrap-up seconds. Only calls the agent talked to owe one. */
static void
call_wrapup_terms(struct call *call, struct agent *a, const struct queue *q,
    json_t *ev)
{
	int	 known = q != NULL && q->cfg != NULL, required = 0;
	json_t	*codes = known ? proto_strings(q->cfg->dispositions,
		    q->cfg->n_dispositions) : json_array();

	if (known)
		required = q->cfg->disposition_required &&
		    q->cfg->n_dispositions > 0 && call->agent_answer_ms != 0 &&
		    a == call->agent;
	if (required) {
		snprintf(a->disp_call, sizeof a->disp_call, "%s", call->id);
		snprintf(a->disp_queue, sizeof a->disp_queue, "%s", q->name);
	}
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
		a->talk_ms += clock_wall_ms() - call->agent_answer_ms;
	if (a->ep != NULL && a->ep->call == call)
		media_leave(call, a->ep);
	json_object_set_new(ev, "call", json_string(call->id));
	json_object_set_new(ev, "cause", json_integer(cause));
	json_object_set_new(ev, "cleared_by", json_string(cleared_by));
	call_wrapup_terms(call, a, q, ev);
	notify_agent(a, ev);
	if (call->agent == a)
		call->agent = NULL;
	if (call->consult_agent == a)
		call->consult_agent = NULL;
	agent_call_done(a, q);
}

/* Lets go of the agent and the queue as the call ends. */
static void
call_release_parties(struct call *call, int cause, const char *cleared_by)
{
	struct agent *a = call->agent;

	if (call->state == CALL_OFFERED)
		acd_cancel_offer(call, "caller-hangup");
	if ((call->state == CALL_CONNECTED || call->state == CALL_DIALING) &&
	    a != NULL)
		call_agent_leaves(call, a, cause, cleared_by);
	if (call->consult_agent != NULL)
		call_agent_leaves(call, call->consult_agent, cause, cleared_by);
	if (call->queue != NULL && call->span == NULL)	/* a waiting callback */
		queue_leave(call);
	if (call->queue != NULL) {
		call->queue->abandoned++;
		call_event(call, EV_ABANDON, NULL);
		queue_leave(call);
	}
}

void
call_end(struct call *call, int cause, const char *cleared_by,
    const char *reason)
{
	int64_t	end_ms = clock_wall_ms();

	if (call->state == CALL_CLEARING)
		return;
	call_set_hold(call, 0);
	if (call->dial_timer != NULL)
		evtimer_del(call->dial_timer);
	cb_offer_stop(call);
	callback_call_end(call, cause);
	leg_call_end(call, cause);
	voicemail_call_end(call);
	recording_call_end(call);
	ivr_stop(call);
	announce_stop(call);
	media_leave_all(call);
	if (call->party != NULL) {	/* hangs up the outside party */
		endpoint_close(call->party);
		call->party = NULL;
	}
	call_release_parties(call, cause, cleared_by);
	if (call->span != NULL) {	/* else a callback that never dialed */
		call_write_cdr(call, end_ms, cause, cleared_by, reason);
		call_event(call, EV_CALL_END, json_pack("{s:i,s:s,s:s}", "cause",
		    cause, "cleared_by", cleared_by, "reason", reason));
	}
	log_info("call %s: ended, cause %d, cleared by %s (%s)", call->id,
	    cause, cleared_by, reason);
	call_set_state(call, CALL_CLEARING);
	if (call->span != NULL && call->channel > 0 &&
	    call->span->chan[call->channel].call == call)
		call->span->chan[call->channel].call = NULL;
	TAILQ_REMOVE(&calls, call, entry);
	ncalls--;
	event_base_once(core.base, -1, EV_TIMEOUT, call_free_cb, call, NULL);
	acd_dispatch();
	core_check_stopped();
}

void
call_hangup(struct call *call, int cause, const char *cleared_by,
    const char *reason)
{
	isdn_hangup_call(call, cause);
	call_end(call, cause, cleared_by, reason);
}
