/* call.c: call records: creation, state changes (each logged and pushed to
 * watchers), and the one place a call ends and its CDR is written. It owns
 * struct call: every field is written here (the setters at the end). It
 * sits at the bottom of the calls layer: it calls the telephony below it
 * (isdn, span) and reaches the media above it (leg, endpoint, media) and
 * the routing and session layers only through the hooks registered at
 * start (call_set_hooks, hooks.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <event2/event.h>
#include "call.h"
#include "clock.h"
#include "core.h"
#include "db.h"
#include "evlog.h"
#include "isdn.h"
#include "log.h"
#include "cause.h"
#include "span.h"
#include "xmalloc.h"

struct call_list calls = TAILQ_HEAD_INITIALIZER(calls);
static int ncalls;
static unsigned call_seq;
static struct call_hooks call_hooks;

void
call_set_hooks(const struct call_hooks *h)
{
	call_hooks = *h;
}

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
		.agent = a != NULL ? call_hooks.agent_id(a) : call->agent_id,
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
	call_hooks.changed(call);
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

int
call_dial(struct call *call, const char *cli, int ring_s)
{
	struct timeval	 tv = { ring_s, 0 };
	struct span	*s;
	int		 ch = -1;

	for (s = spans; s != NULL; s = s->next)
		if ((ch = isdn_dial(s, call, call->dnis, cli)) > 0)
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
	call_hooks.progress(call, "dialing");
	return 0;
}

void
call_out_alerting(struct call *call)
{
	if (call->alerting || call->state != CALL_DIALING)
		return;
	call->alerting = 1;
	call_hooks.progress(call, "ringing");
}

void
call_out_answered(struct call *call)
{
	if (call->state != CALL_DIALING)
		return;
	evtimer_del(call->dial_timer);
	call->answer_ms = clock_wall_ms();
	if (call->leg != NULL)
		call_hooks.line_answered(call);
	else	/* a callback, an agent's dial, a dialer's call, or nobody */
		call_hooks.answered(call);
}

void
call_refused(struct call *call, int cause)
{
	call_end(call, cause, DB_CLEARED_CORE, cause == CAUSE_UNALLOCATED ?
	    "unknown number" : core.stopping ? "core stopping" :
	    call->refusal ? call->refusal : "no route");
}

void
call_moved(struct call *call, int ch)
{
	int old = call->channel;

	call->channel = ch;
	log_info("call %s: network moved it from channel %d to %d", call->id,
	    old, ch);
}

void
call_keypad(struct call *call, int digit)
{
	if (call->state != CALL_CLEARING)
		call_hooks.digit(call, digit);
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
	call_hooks.changed(call);
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

	call_hooks.media_free(call);
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
	call_hooks.hold(call, on);
}

void
call_set_agent(struct call *call, struct agent *a)
{
	call->agent = a;
	if (a == NULL)		/* it left: the CDR still names who answered */
		return;
	free(call->agent_id);
	call->agent_id = xstrdup(call_hooks.agent_id(a));
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
call_hold(struct call *call, int on)
{
	if (on == (call->hold_since != 0))
		return;
	call_set_hold(call, on);
	call_event(call, on ? EV_HOLD : EV_RETRIEVE, NULL);
	call_hooks.changed(call);
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
	call_hooks.stop(call, cause);
	call_hooks.media_end(call, cause);	/* the outside party too */
	call->party = NULL;
	call_hooks.release(call, cause, cleared_by);
	if (call->span != NULL) {	/* else a callback that never dialed */
		call_write_cdr(call, end_ms, cause, cleared_by, reason);
		call_event(call, EV_CALL_END, json_pack("{s:i,s:s,s:s}", "cause",
		    cause, "cleared_by", cleared_by, "reason", reason));
	}
	/* Q.850 causes from 32 on (and 27) are failures, not normal ends. */
	(cause >= 32 || cause == CAUSE_OUT_OF_ORDER ? log_warn : log_info)(
	    "call %s: ended, cause %d, cleared by %s (%s)", call->id, cause,
	    cleared_by, reason);
	call_set_state(call, CALL_CLEARING);
	if (call->span != NULL && call->channel > 0 &&
	    call->span->chan[call->channel].call == call)
		span_chan_take_call(&call->span->chan[call->channel]);
	TAILQ_REMOVE(&calls, call, entry);
	ncalls--;
	event_base_once(core.base, -1, EV_TIMEOUT, call_free_cb, call, NULL);
	call_hooks.ended();
}

void
call_hangup(struct call *call, int cause, const char *cleared_by,
    const char *reason)
{
	isdn_hangup_call(call->span, call->channel, call, cause);
	call_end(call, cause, cleared_by, reason);
}

/* setters: owned fields of struct call
 *
 * Every field of a call is written here; the other modules read them and
 * ask through these. The attachments (a module's own state hung on the
 * call while it has it: its menu, recording, message, offer) are set and
 * cleared by their module, but only through call_set_<field>(). */
#define CALL_SETTER(field, type)					\
void									\
call_set_##field(struct call *call, type v)				\
{									\
	call->field = v;						\
}
CALL_SETTER(ivr, struct ivr *)
CALL_SETTER(rec, struct call_rec *)
CALL_SETTER(vm, struct voicemail *)
CALL_SETTER(cb, struct callback *)
CALL_SETTER(leg, struct leg *)
CALL_SETTER(cbo, struct cb_offer *)
CALL_SETTER(media, void *)
CALL_SETTER(announce_timer, struct event *)
CALL_SETTER(priority, int)
CALL_SETTER(refusal, const char *)
CALL_SETTER(consult_agent, struct agent *)
CALL_SETTER(only_agent, struct agent *)
CALL_SETTER(party_state, int)
CALL_SETTER(customer_id, int64_t)
CALL_SETTER(agent_answer_ms, int64_t)
CALL_SETTER(queue_enter_ms, int64_t)	/* the CDR's wait: first entry */
CALL_SETTER(queue_enter_mono, uint64_t)	/* place in line, mono us */
CALL_SETTER(queue, struct queue *)	/* queue.c: in its waiting line */

/* A string field: a copy of S (NULL: none); the old one freed. */
static void
call_set_string(char **field, const char *s)
{
	free(*field);
	*field = s != NULL ? xstrdup(s) : NULL;
}

void
call_set_route(struct call *call, const char *route)
{
	call_set_string(&call->route, route);
}

void
call_set_parent(struct call *call, const char *parent)
{
	call_set_string(&call->parent, parent);
}

void
call_set_queue_name(struct call *call, const char *name)
{
	call_set_string(&call->queue_name, name);
}

void
call_set_cli(struct call *call, const char *cli)
{
	snprintf(call->cli, sizeof call->cli, "%s", cli);
}

void
call_set_lang(struct call *call, const char *lang)
{
	snprintf(call->lang, sizeof call->lang, "%s", lang);
}

void
call_set_answered(struct call *call)
{
	call->answer_ms = clock_wall_ms();
}

void
call_set_ivr_path(struct call *call, char *path)
{
	free(call->ivr_path);
	call->ivr_path = path;
}

void
call_set_var(struct call *call, const char *name, const char *value)
{
	if (call->vars == NULL)
		call->vars = json_object();
	json_object_set_new(call->vars, name, json_string(value));
}

void
call_set_party(struct call *call, struct endpoint *ep, int state)
{
	call->party = ep;
	call->party_state = state;
}

void
call_set_party_failed(struct call *call, int cause, struct event *timer)
{
	call->party_cause = cause;
	call->party_timer = timer;
}
