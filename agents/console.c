/* console.c: the console's own state: its start and end, the status
 * line, the dialog on top, and text made from the model for the views. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "cli.h"
#include "clock.h"
#include "console.h"

#define CONSOLE_STATUS_S	10	/* seconds a status message stays */

void
console_init(struct console *c, const char *socket_path)
{
	memset(c, 0, sizeof *c);
	c->socket_path = socket_path;
	c->link = LINK_DOWN;
	c->retry_s = 1;
	c->screen = SCREEN_LOGIN;
	model_init(&c->m);
	tui_editor_init(&c->note);
	tui_input_init(&c->login.id, 0);
	tui_input_init(&c->login.pin, 1);
	tui_input_init(&c->login.queues, 0);
	c->dirty = 1;
}

void
console_free(struct console *c)
{
	model_free(&c->m);
	tui_editor_free(&c->note);
	json_decref(c->form);
	json_decref(c->shown);
	json_decref(c->found);
	tui_dialog_close(&c->dialog);
	if (c->cli != NULL)
		cli_close(c->cli);
	c->cli = NULL;
}

void
console_status(struct console *c, enum tui_level level, const char *fmt, ...)
{
	va_list	ap;
	char	text[sizeof c->status.text];

	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	tui_status_set(&c->status, clock_mono_us(), CONSOLE_STATUS_S, level,
	    "%s", text);
	c->dirty = 1;
}

void
console_pick(struct console *c, enum console_dialog purpose, const char *title,
    char *const *items, int n)
{
	tui_dialog_pick(&c->dialog, purpose, title, items, n);
	c->modal = MODAL_DIALOG;
}

void
console_prompt(struct console *c, enum console_dialog purpose,
    const char *title, const char *text, const char *keys)
{
	if (keys[0] == '\0')
		tui_dialog_message(&c->dialog, purpose, title, text);
	else
		tui_dialog_confirm(&c->dialog, purpose, title, text, keys);
	c->modal = MODAL_DIALOG;
}

void
console_ask(struct console *c, enum console_dialog purpose, const char *title,
    const char *hint, const char *value)
{
	tui_dialog_ask(&c->dialog, purpose, title, hint, value);
	c->modal = MODAL_DIALOG;
}

void
console_modal_close(struct console *c)
{
	tui_dialog_close(&c->dialog);
	c->modal = MODAL_NONE;
}

void
console_copy(char *dst, size_t len, json_t *ev, const char *key)
{
	const char *s = json_string_value(json_object_get(ev, key));

	if (s != NULL)
		snprintf(dst, len, "%s", s);
}

void
console_lines_text(const struct console *c, char *buf, size_t len)
{
	uint64_t	now = clock_mono_us();
	char		d[16];

	buf[0] = '\0';
	for (int i = 0; i < c->m.nlines; i++) {
		const struct model_line *l = &c->m.lines[i];

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
	return c->link == LINK_UP && (c->m.call.phase == PHASE_CONNECTED ||
	    c->m.call.phase == PHASE_OFFERED);
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
