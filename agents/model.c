/* model.c: the console's model (model.h): every write to what the core
 * told the console is here, so grep finds them all. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "clock.h"
#include "model.h"
#include "xmalloc.h"

/* Used until the core says which reasons it takes. */
static const char *model_default_reasons[] = {
	"break", "lunch", "training", "meeting", "back_office"
};

void
model_init(struct console_model *m)
{
	memset(m, 0, sizeof *m);
	m->state_since = clock_mono_us();
	snprintf(m->state, sizeof m->state, "logged_out");
	for (size_t i = 0; i < sizeof model_default_reasons /
	    sizeof model_default_reasons[0]; i++)
		m->reasons[m->nreasons++] = xstrdup(model_default_reasons[i]);
}

static void
model_reasons_free(struct console_model *m)
{
	for (int i = 0; i < m->nreasons; i++)
		free(m->reasons[i]);
	m->nreasons = 0;
}

void
model_free(struct console_model *m)
{
	model_call_clear(m);
	model_campaign_clear(m);
	model_reasons_free(m);
	json_decref(m->stats);
	m->stats = NULL;
}

/* Copies the string member KEY of O into DST; leaves DST when absent. */
static void
model_copy(char *dst, size_t len, json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));

	if (s != NULL)
		snprintf(dst, len, "%s", s);
}

void
model_set_state(struct console_model *m, const char *state, const char *reason)
{
	if (!model_in_state(m, state) || strcmp(m->reason, reason) != 0)
		m->state_since = clock_mono_us();
	snprintf(m->state, sizeof m->state, "%s", state);
	snprintf(m->reason, sizeof m->reason, "%s", reason);
	m->wrap_end = 0;
	m->wrap_waiting = 0;
	if (!model_in_state(m, "wrap_up") && !model_in_state(m, "on_call"))
		m->after[0] = '\0';
}

void
model_set_wrapup(struct console_model *m, json_t *secs)
{
	m->wrap_end = 0;
	m->wrap_waiting = 0;
	if (!model_in_state(m, "wrap_up") || !json_is_integer(secs))
		return;
	if (json_integer_value(secs) < 0)
		m->wrap_waiting = 1;
	else
		m->wrap_end = clock_mono_us() +
		    (uint64_t)json_integer_value(secs) * 1000000;
}

void
model_set_name(struct console_model *m, const char *name)
{
	snprintf(m->name, sizeof m->name, "%s", name);
}

void
model_set_queues(struct console_model *m, json_t *queues)
{
	size_t	 i;
	json_t	*q;

	if (!json_is_array(queues))
		return;
	m->queues[0] = '\0';
	json_array_foreach(queues, i, q) {
		if (!json_is_string(q))
			continue;
		snprintf(m->queues + strlen(m->queues), sizeof m->queues -
		    strlen(m->queues), "%s%s", i ? ", " : "", json_string_value(q));
	}
}

void
model_set_reasons(struct console_model *m, json_t *array)
{
	size_t	 i;
	json_t	*v;

	if (!json_is_array(array) || json_array_size(array) == 0)
		return;
	model_reasons_free(m);
	json_array_foreach(array, i, v) {
		if (json_is_string(v) && m->nreasons < MODEL_REASONS_MAX)
			m->reasons[m->nreasons++] = xstrdup(json_string_value(v));
	}
}

void
model_set_after(struct console_model *m, const char *after)
{
	snprintf(m->after, sizeof m->after, "%s", after);
}

void
model_set_help(struct console_model *m, int on)
{
	m->help = on;
}

void
model_set_message(struct console_model *m, const char *text)
{
	snprintf(m->message, sizeof m->message, "%s", text);
}

void
model_set_stats(struct console_model *m, json_t *r)
{
	json_t	*q;
	size_t	 i;

	json_decref(m->stats);
	m->stats = json_incref(r);
	m->stats_at = clock_mono_us();
	json_array_foreach(json_object_get(r, "queues"), i, q)
		if (json_is_string(json_object_get(q, "name")))
			model_line_set(m, json_string_value(json_object_get(q,
			    "name")), (int)json_integer_value(json_object_get(q,
			    "waiting")), (int)json_integer_value(json_object_get(q,
			    "longest_wait_s")));
}

void
model_line_set(struct console_model *m, const char *queue, int waiting,
    int longest_wait_s)
{
	struct model_line *l = NULL;

	for (int i = 0; i < m->nlines && l == NULL; i++)
		if (strcmp(m->lines[i].name, queue) == 0)
			l = &m->lines[i];
	if (l == NULL && m->nlines == MODEL_LINES_MAX)
		return;
	if (l == NULL)
		l = &m->lines[m->nlines++];
	snprintf(l->name, sizeof l->name, "%s", queue);
	l->waiting = waiting;
	l->oldest_since = clock_mono_us() - (uint64_t)(longest_wait_s > 0 ?
	    longest_wait_s : 0) * 1000000;
}

/* --- the call --- */

void
model_call_clear(struct console_model *m)
{
	json_decref(m->call.vars);
	json_decref(m->call.customer);
	json_decref(m->call.dispositions);
	json_decref(m->call.campaign_codes);
	json_decref(m->call.campaign_record);
	memset(&m->call, 0, sizeof m->call);
}

/* An object member kept by reference, or left as it was. */
static void
model_keep(json_t **dst, json_t *ev, const char *key, int array)
{
	json_t *v = json_object_get(ev, key);

	if (v != NULL && (array ? json_is_array(v) : json_is_object(v))) {
		json_decref(*dst);
		*dst = json_incref(v);
	}
}

static void
model_int(int *dst, json_t *ev, const char *key)
{
	if (json_is_integer(json_object_get(ev, key)))
		*dst = (int)json_integer_value(json_object_get(ev, key));
}

void
model_call_fill(struct console_model *m, json_t *ev, enum model_call_phase phase)
{
	const char *id = json_string_value(json_object_get(ev, "call"));

	if (id == NULL)
		id = "";
	if (strcmp(id, m->call.id) != 0 || m->call.phase == PHASE_ENDED)
		model_call_clear(m);
	snprintf(m->call.id, sizeof m->call.id, "%s", id);
	model_copy(m->call.cli, sizeof m->call.cli, ev, "cli");
	model_copy(m->call.dnis, sizeof m->call.dnis, ev, "dnis");
	model_copy(m->call.queue, sizeof m->call.queue, ev, "queue");
	model_copy(m->call.ivr, sizeof m->call.ivr, ev, "ivr");
	model_copy(m->call.direction, sizeof m->call.direction, ev, "direction");
	model_int(&m->call.wait_s, ev, "wait_s");
	model_int(&m->call.timeout_s, ev, "timeout_s");
	model_keep(&m->call.vars, ev, "vars", 0);
	model_keep(&m->call.customer, ev, "customer", 0);
	model_keep(&m->call.dispositions, ev, "dispositions", 1);
	model_call_flags(m, ev);
	m->call.phase = phase;
	m->call.since = clock_mono_us();
	if (json_is_integer(json_object_get(ev, "since_s")))	/* a reconnect */
		m->call.since -= (uint64_t)json_integer_value(json_object_get(ev,
		    "since_s")) * 1000000;
}

void
model_call_connected(struct console_model *m, json_t *ev)
{
	model_call_fill(m, ev, PHASE_CONNECTED);
	m->call.progress[0] = '\0';
	m->call.consult_from[0] = '\0';
}

void
model_call_consulted(struct console_model *m, json_t *ev, const char *from)
{
	model_call_fill(m, ev, PHASE_CONNECTED);
	snprintf(m->call.consult_from, sizeof m->call.consult_from, "%s", from);
}

void
model_call_dialled(struct console_model *m, const char *id, const char *number)
{
	model_call_clear(m);
	snprintf(m->call.id, sizeof m->call.id, "%s", id != NULL ? id : "");
	snprintf(m->call.cli, sizeof m->call.cli, "%s", number);
	snprintf(m->call.direction, sizeof m->call.direction, "out");
	snprintf(m->call.progress, sizeof m->call.progress, "dialing");
	m->call.phase = PHASE_CONNECTED;
	m->call.since = 0;
}

/* The campaign's call ended: its codes (names for the pick list, and
 * with their flags) and the record's number stay with the call. */
static void
model_campaign_ended(struct console_model *m)
{
	json_t	*codes = json_object_get(m->camp.record, "dispositions"), *v;
	size_t	 i;

	json_decref(m->call.dispositions);
	json_decref(m->call.campaign_codes);
	m->call.dispositions = json_array();
	json_array_foreach(codes, i, v)
		if (json_is_string(json_object_get(v, "code")))
			json_array_append(m->call.dispositions,
			    json_object_get(v, "code"));
	m->call.campaign_codes = json_incref(codes);
	json_decref(m->call.campaign_record);
	m->call.campaign_record = json_incref(m->camp.record);
	model_copy(m->call.campaign_phone, sizeof m->call.campaign_phone,
	    m->camp.record, "phone");
}

void
model_call_ended(struct console_model *m, const char *why, json_t *codes,
    int required)
{
	m->call.phase = PHASE_ENDED;
	/* Our own call that was never answered was not talked to. */
	m->call.talk_us = m->call.progress[0] == '\0' && m->call.since != 0 ?
	    clock_mono_us() - m->call.since : 0;
	m->call.since = clock_mono_us();
	m->call.held = m->call.muted = 0;
	snprintf(m->call.ended, sizeof m->call.ended, "%s", why);
	/* A campaign's call answered: its codes, not the queue's. */
	if (model_campaign_owns(m) && m->call.progress[0] == '\0') {
		model_campaign_ended(m);
		return;
	}
	if (json_is_array(codes) && json_array_size(codes) > 0) {
		json_decref(m->call.dispositions);
		m->call.dispositions = json_incref(codes);
		m->call.dispo_required = required;
	}
}

void
model_call_gone(struct console_model *m, const char *why)
{
	m->call.phase = PHASE_ENDED;
	snprintf(m->call.ended, sizeof m->call.ended, "%s", why);
}

void
model_call_owed(struct console_model *m, const char *id, const char *queue,
    const char *cli, json_t *codes)
{
	if (strcmp(m->call.id, id) != 0) {
		model_call_clear(m);
		snprintf(m->call.id, sizeof m->call.id, "%s", id);
		snprintf(m->call.queue, sizeof m->call.queue, "%s",
		    queue != NULL ? queue : "");
		snprintf(m->call.cli, sizeof m->call.cli, "%s",
		    cli != NULL ? cli : "");
		m->call.since = clock_mono_us();
		snprintf(m->call.ended, sizeof m->call.ended, "ended before "
		    "this console started");
	}
	m->call.phase = PHASE_ENDED;
	m->call.dispo_required = 1;
	if (json_is_array(codes)) {
		json_decref(m->call.dispositions);
		m->call.dispositions = json_incref(codes);
	}
}

void
model_call_progress(struct console_model *m, const char *call,
    const char *progress)
{
	if (m->call.consult_id[0] != '\0' && strcmp(call, m->call.consult_id) == 0)
		snprintf(m->call.consult_progress,
		    sizeof m->call.consult_progress, "%s", progress);
	if (strcmp(call, m->call.id) == 0)
		snprintf(m->call.progress, sizeof m->call.progress, "%s",
		    progress);
}

/* Talking to the consulted party holds the caller; back or all three
 * together takes them off hold. */
void
model_call_consult(struct console_model *m, enum model_consult st,
    const char *with, const char *id)
{
	m->call.consult = st;
	if (with != NULL)
		snprintf(m->call.consult_with, sizeof m->call.consult_with, "%s",
		    with);
	if (id != NULL)
		snprintf(m->call.consult_id, sizeof m->call.consult_id, "%s", id);
	if (st == CONSULT_RINGING)
		snprintf(m->call.consult_progress,
		    sizeof m->call.consult_progress, "dialing");
	if (st == CONSULT_TALKING)
		m->call.held = 1;
	else if (st != CONSULT_RINGING)
		m->call.held = 0;
}

void
model_call_flags(struct console_model *m, json_t *o)
{
	if (json_is_boolean(json_object_get(o, "held")))
		m->call.held = json_is_true(json_object_get(o, "held"));
	if (json_is_boolean(json_object_get(o, "muted")))
		m->call.muted = json_is_true(json_object_get(o, "muted"));
}

void
model_call_set_held(struct console_model *m, int held)
{
	m->call.held = held;
}

void
model_call_recording(struct console_model *m, const char *state)
{
	snprintf(m->call.recording, sizeof m->call.recording, "%s", state);
}

void
model_call_customer(struct console_model *m, json_t *customer)
{
	json_decref(m->call.customer);
	m->call.customer = json_incref(customer);
}

void
model_call_disposition(struct console_model *m, const char *code)
{
	snprintf(m->call.disposition, sizeof m->call.disposition, "%s", code);
	m->wrap_waiting = 0;
}

void
model_call_dispo_required(struct console_model *m)
{
	m->call.dispo_required = 1;
}

/* --- reading --- */

int
model_in_state(const struct console_model *m, const char *state)
{
	return strcmp(m->state, state) == 0;
}

int
model_dispo_due(const struct console_model *m)
{
	if (m->wrap_waiting)
		return 1;
	return m->call.phase == PHASE_ENDED && m->call.dispo_required &&
	    m->call.disposition[0] == '\0' && model_in_state(m, "wrap_up");
}

void
model_campaign_show(struct console_model *m, json_t *ev)
{
	json_t *n;

	json_decref(m->camp.record);
	m->camp.record = json_incref(ev);
	m->camp.preview = json_object_get(ev, "call") == NULL;
	m->camp.call[0] = '\0';
	model_copy(m->camp.call, sizeof m->camp.call, ev, "call");
	model_copy(m->camp.name, sizeof m->camp.name, ev, "campaign");
	if (json_is_integer(n = json_object_get(ev, "successes")))
		m->camp.successes = (int)json_integer_value(n);
	if (json_is_integer(n = json_object_get(ev, "target")))
		m->camp.target = (int)json_integer_value(n);
}

void
model_campaign_answered(struct console_model *m, const char *call)
{
	m->camp.preview = 0;
	if (call == NULL) {		/* skipped: nothing more to show */
		json_decref(m->camp.record);
		m->camp.record = NULL;
	} else
		snprintf(m->camp.call, sizeof m->camp.call, "%s", call);
}

void
model_campaign_clear(struct console_model *m)
{
	json_decref(m->camp.record);
	memset(&m->camp, 0, sizeof m->camp);
}

int
model_campaign_owns(const struct console_model *m)
{
	return m->camp.record != NULL && m->camp.call[0] != '\0' &&
	    strcmp(m->camp.call, m->call.id) == 0;
}

json_t *
model_campaign_code(const struct console_model *m, const char *code)
{
	json_t	*v;
	size_t	 i;

	json_array_foreach(m->call.campaign_codes, i, v)
		if (json_is_string(json_object_get(v, "code")) &&
		    strcmp(json_string_value(json_object_get(v, "code")),
		    code) == 0)
			return v;
	return NULL;
}

/* One campaign's line: "Campaign spring: 3 of 500 successes". */
static void
model_campaign_line(char *buf, size_t len, const char *name, int done,
    int target)
{
	if (target > 0)
		snprintf(buf, len, "Campaign %s: %d of %d successes\n", name,
		    done, target);
	else
		snprintf(buf, len, "Campaign %s: %d successes\n", name, done);
}

void
model_campaign_progress(const struct console_model *m, char *buf, size_t len)
{
	json_t	*list = json_object_get(m->stats, "campaigns"), *v;
	size_t	 i;

	buf[0] = '\0';
	if (json_is_array(list)) {		/* my-stats: as of its reply */
		json_array_foreach(list, i, v)
			if (json_is_string(json_object_get(v, "name")))
				model_campaign_line(buf + strlen(buf), len -
				    strlen(buf), json_string_value(json_object_get(
				    v, "name")), (int)json_integer_value(
				    json_object_get(v, "successes")),
				    (int)json_integer_value(json_object_get(v,
				    "target")));
	} else if (m->camp.name[0] != '\0')	/* an older core: the event's */
		model_campaign_line(buf, len, m->camp.name,
		    m->camp.successes, m->camp.target);
}
