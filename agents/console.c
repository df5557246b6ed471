/* console.c: the console's state: its start, the status line, the list of
 * not-ready reasons, and the call panel's data filled from an event. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "cli.h"
#include "clock.h"
#include "console.h"
#include "xmalloc.h"

#define CONSOLE_STATUS_S	10	/* seconds a status message stays */

/* Used until the core says which reasons it takes. */
static const char *console_default_reasons[] = {
	"break", "lunch", "training", "meeting", "back_office"
};

void
console_init(struct console *c, const char *socket_path)
{
	memset(c, 0, sizeof *c);
	c->socket_path = socket_path;
	c->link = LINK_DOWN;
	c->retry_s = 1;
	c->screen = SCREEN_LOGIN;
	c->state_since = clock_mono_us();
	snprintf(c->state, sizeof c->state, "logged_out");
	tui_editor_init(&c->note);
	tui_input_init(&c->login_id, 0);
	tui_input_init(&c->login_pin, 1);
	tui_input_init(&c->login_queues, 0);
	for (size_t i = 0; i < sizeof console_default_reasons /
	    sizeof console_default_reasons[0]; i++)
		c->reasons[c->nreasons++] = xstrdup(console_default_reasons[i]);
	c->dirty = 1;
}

void
console_free(struct console *c)
{
	console_call_clear(c);
	for (int i = 0; i < c->nreasons; i++)
		free(c->reasons[i]);
	c->nreasons = 0;
	tui_editor_free(&c->note);
	json_decref(c->form);
	json_decref(c->shown);
	json_decref(c->stats);
	json_decref(c->found);
	if (c->modal == MODAL_PICK)
		tui_pick_free(&c->pick);
	if (c->cli != NULL)
		cli_close(c->cli);
	c->cli = NULL;
}

void
console_status(struct console *c, enum tui_level level, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(c->status, sizeof c->status, fmt, ap);
	va_end(ap);
	c->status_level = level;
	c->status_until = clock_mono_us() + CONSOLE_STATUS_S * 1000000ULL;
	c->dirty = 1;
}

/* Takes the reasons from an array of strings; keeps the old list when
 * there are none. */
void
console_set_reasons(struct console *c, json_t *array)
{
	size_t	 i;
	json_t	*v;

	if (!json_is_array(array) || json_array_size(array) == 0)
		return;
	for (int j = 0; j < c->nreasons; j++)
		free(c->reasons[j]);
	c->nreasons = 0;
	json_array_foreach(array, i, v) {
		if (json_is_string(v) && c->nreasons < 16)
			c->reasons[c->nreasons++] = xstrdup(json_string_value(v));
	}
}

void
console_call_clear(struct console *c)
{
	json_decref(c->call.vars);
	json_decref(c->call.customer);
	json_decref(c->call.dispositions);
	memset(&c->call, 0, sizeof c->call);
	c->dirty = 1;
}

void
console_copy(char *dst, size_t len, json_t *ev, const char *key)
{
	const char *s = json_string_value(json_object_get(ev, key));

	if (s != NULL)
		snprintf(dst, len, "%s", s);
}

/* An object member kept by reference, or left as it was. */
static void
console_keep(json_t **dst, json_t *ev, const char *key, int (*is)(const json_t *))
{
	json_t *v = json_object_get(ev, key);

	if (v != NULL && is(v)) {
		json_decref(*dst);
		*dst = json_incref(v);
	}
}

static int
console_is_object(const json_t *v)
{
	return json_is_object(v);
}

static int
console_is_array(const json_t *v)
{
	return json_is_array(v);
}

/* Offer and call_connected carry the same screen-pop fields; a connect for
 * the call already offered keeps what the offer said. */
void
console_call_fill(struct console *c, json_t *ev, enum console_call_phase phase)
{
	const char *id = json_string_value(json_object_get(ev, "call"));

	if (id == NULL)
		id = "";
	if (strcmp(id, c->call.id) != 0 || c->call.phase == PHASE_ENDED)
		console_call_clear(c);
	snprintf(c->call.id, sizeof c->call.id, "%s", id);
	console_copy(c->call.cli, sizeof c->call.cli, ev, "cli");
	console_copy(c->call.dnis, sizeof c->call.dnis, ev, "dnis");
	console_copy(c->call.queue, sizeof c->call.queue, ev, "queue");
	console_copy(c->call.ivr, sizeof c->call.ivr, ev, "ivr");
	console_copy(c->call.direction, sizeof c->call.direction, ev,
	    "direction");
	if (json_is_integer(json_object_get(ev, "wait_s")))
		c->call.wait_s = json_integer_value(json_object_get(ev, "wait_s"));
	if (json_is_integer(json_object_get(ev, "timeout_s")))
		c->call.timeout_s = json_integer_value(json_object_get(ev,
		    "timeout_s"));
	console_keep(&c->call.vars, ev, "vars", console_is_object);
	console_keep(&c->call.customer, ev, "customer", console_is_object);
	console_keep(&c->call.dispositions, ev, "dispositions", console_is_array);
	if (json_is_boolean(json_object_get(ev, "held")))
		c->call.held = json_is_true(json_object_get(ev, "held"));
	if (json_is_boolean(json_object_get(ev, "muted")))
		c->call.muted = json_is_true(json_object_get(ev, "muted"));
	c->call.phase = phase;
	c->call.since = clock_mono_us();
	if (json_is_integer(json_object_get(ev, "since_s")))	/* a reconnect */
		c->call.since -= (uint64_t)json_integer_value(json_object_get(ev,
		    "since_s")) * 1000000;
	c->dirty = 1;
}

int
console_in_state(const struct console *c, const char *state)
{
	return strcmp(c->state, state) == 0;
}

void
console_set_wrapup(struct console *c, json_t *secs)
{
	c->wrap_end = 0;
	c->wrap_waiting = 0;
	if (!console_in_state(c, "wrap_up") || !json_is_integer(secs))
		return;
	if (json_integer_value(secs) < 0)
		c->wrap_waiting = 1;
	else
		c->wrap_end = clock_mono_us() +
		    (uint64_t)json_integer_value(secs) * 1000000;
}

int
console_dispo_due(const struct console *c)
{
	if (c->wrap_waiting)
		return 1;
	return c->call.phase == PHASE_ENDED && c->call.dispo_required &&
	    c->call.disposition[0] == '\0' && console_in_state(c, "wrap_up");
}

void
console_line_set(struct console *c, const char *queue, int waiting,
    int longest_wait_s)
{
	struct console_line *l = NULL;

	for (int i = 0; i < c->nlines && l == NULL; i++)
		if (strcmp(c->lines[i].name, queue) == 0)
			l = &c->lines[i];
	if (l == NULL && c->nlines == CONSOLE_LINES_MAX)
		return;
	if (l == NULL)
		l = &c->lines[c->nlines++];
	snprintf(l->name, sizeof l->name, "%s", queue);
	l->waiting = waiting;
	l->oldest_since = clock_mono_us() - (uint64_t)(longest_wait_s > 0 ?
	    longest_wait_s : 0) * 1000000;
	c->dirty = 1;
}

void
console_lines_text(const struct console *c, char *buf, size_t len)
{
	uint64_t	now = clock_mono_us();
	char		d[16];

	buf[0] = '\0';
	for (int i = 0; i < c->nlines; i++) {
		const struct console_line *l = &c->lines[i];

		if (l->waiting <= 0)
			continue;
		snprintf(buf + strlen(buf), len - strlen(buf), "%s%s %d (%s)",
		    buf[0] ? ", " : "", l->name, l->waiting, console_duration(
		    now > l->oldest_since ? (now - l->oldest_since) / 1000000 : 0,
		    d, sizeof d));
	}
}

void
console_history_line(json_t *h, char *buf, size_t len)
{
	json_t		*at = json_object_get(h, "at_ms");
	time_t		 t = (time_t)(json_integer_value(at) / 1000);
	char		 when[20];
	const char	*v[4] = { "direction", "queue", "agent", "disposition" };

	strftime(when, sizeof when, "%d.%m %H:%M", localtime(&t));
	for (int i = 0; i < 4; i++)
		if ((v[i] = json_string_value(json_object_get(h, v[i]))) == NULL ||
		    v[i][0] == '\0')
			v[i] = i == 3 ? "" : "-";
	snprintf(buf, len, "%s %s %s %s%s%s: %s", when, v[0], v[1], v[2],
	    v[3][0] ? " " : "", v[3], json_string_value(json_object_get(h,
	    "note")) != NULL ? json_string_value(json_object_get(h, "note")) :
	    "");
}

int
console_busy(const struct console *c)
{
	return c->link == LINK_UP && (c->call.phase == PHASE_CONNECTED ||
	    c->call.phase == PHASE_OFFERED);
}

const char *
console_duration(uint64_t s, char *buf, size_t len)
{
	if (s >= 3600)
		snprintf(buf, len, "%llu:%02llu:%02llu", (unsigned long long)s / 3600,
		    (unsigned long long)(s / 60) % 60, (unsigned long long)s % 60);
	else
		snprintf(buf, len, "%02llu:%02llu", (unsigned long long)s / 60,
		    (unsigned long long)s % 60);
	return buf;
}
