/* note.c: notes and dispositions. Requests carry the edit count they sent
 * so a late reply does not mark newer text as saved. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "clock.h"
#include "keydef.h"
#include "note.h"
#include "session.h"

#define NOTE_INTERVAL_US	1000000	/* at most one note request a second */

void
note_edited(struct console *c)
{
	c->note_dirty = 1;
	c->note_saved = 0;
	c->note_gen++;
	if (c->note_call[0] == '\0' && c->m.call.id[0] != '\0')
		snprintf(c->note_call, sizeof c->note_call, "%s", c->m.call.id);
}

void
note_flush(struct console *c)
{
	char	 gen[16], *text;
	json_t	*req;

	if (!c->note_dirty || c->link != LINK_UP || c->note_call[0] == '\0')
		return;
	text = tui_editor_get(&c->note);
	req = json_pack("{s:s,s:s,s:s}", "req", "note", "call", c->note_call,
	    "text", text);
	free(text);
	snprintf(gen, sizeof gen, "%d", c->note_gen);
	if (session_send(c, REQ_NOTE, gen, req) == 0) {
		c->note_dirty = 0;
		c->note_sent_at = clock_mono_us();
	}
}

void
note_tick(struct console *c, uint64_t now)
{
	if (c->note_dirty && now >= c->note_sent_at + NOTE_INTERVAL_US)
		note_flush(c);
}

int
note_timeout(const struct console *c, uint64_t now)
{
	if (!c->note_dirty || c->link != LINK_UP || c->note_call[0] == '\0')
		return -1;
	if (now >= c->note_sent_at + NOTE_INTERVAL_US)
		return 0;
	return (int)((c->note_sent_at + NOTE_INTERVAL_US - now) / 1000) + 1;
}

void
note_clear(struct console *c)
{
	tui_editor_set(&c->note, "");
	c->note_dirty = 0;
	c->note_saved = 0;
	c->note_gen++;
	c->note_call[0] = '\0';
	c->dirty = 1;
}

void
note_new_call(struct console *c, const char *call)
{
	if (strcmp(c->note_call, call) == 0)
		return;
	if (c->note_call[0] != '\0' && (c->note_saved ||
	    tui_editor_empty(&c->note)))
		note_clear(c);
	else if (c->note_call[0] != '\0')
		console_status(c, TUI_LEVEL_INFO, "the note from the last call "
		    "was not saved: kept (%s clears it)", keys_hint(KA_CLEAR));
	snprintf(c->note_call, sizeof c->note_call, "%s", call);
	if (!tui_editor_empty(&c->note))
		c->note_dirty = 1;
}

void
note_disposition(struct console *c, const char *code)
{
	char	*text = tui_editor_get(&c->note);
	json_t	*req;

	req = json_pack("{s:s,s:s,s:s}", "req", "disposition", "call",
	    c->m.call.id, "code", code);
	if (strcmp(c->note_call, c->m.call.id) == 0)	/* else: not ours to replace */
		json_object_set_new(req, "note", json_string(text));
	free(text);
	session_send(c, REQ_DISPOSITION, code, req);
}

void
note_reply(struct console *c, int kind, const char *arg, json_t *r)
{
	const char *code = json_string_value(json_object_get(r, "error"));
	const char *what = kind == REQ_NOTE ? "note" : "disposition";

	if (json_is_true(json_object_get(r, "ok"))) {
		if (kind == REQ_NOTE && atoi(arg) == c->note_gen)
			c->note_saved = 1;
		if (kind == REQ_DISPOSITION) {
			model_call_disposition(&c->m, arg);
			console_status(c, TUI_LEVEL_INFO, "disposition %s saved",
			    arg);
		}
		return;
	}
	if (code != NULL && strcmp(code, "unknown-request") == 0) {
		if (kind == REQ_NOTE && c->note_unsupported)
			return;
		if (kind == REQ_NOTE)
			c->note_unsupported = 1;
		console_status(c, TUI_LEVEL_INFO, "this core does not store "
		    "%ss yet; the text stays here", what);
		return;
	}
	console_status(c, TUI_LEVEL_INFO, "%s not stored: %s", what,
	    cli_reply_error(r));
}

/* After a reconnect: the note the core kept for the call, unless this
 * console holds newer text of its own. */
void
note_take_contact(struct console *c, json_t *contact)
{
	const char *note = json_string_value(json_object_get(contact, "note"));
	const char *dispo = json_string_value(json_object_get(contact,
	    "disposition"));

	if (c->m.call.id[0] != '\0' && dispo != NULL)
		model_call_disposition(&c->m, dispo);
	if (note == NULL || c->m.call.id[0] == '\0')
		return;
	if (strcmp(c->note_call, c->m.call.id) == 0 && c->note_dirty)
		return;
	if (!tui_editor_empty(&c->note) && strcmp(c->note_call, c->m.call.id) != 0)
		return;		/* another call's unsaved note: keep it */
	tui_editor_set(&c->note, note);
	snprintf(c->note_call, sizeof c->note_call, "%s", c->m.call.id);
	c->note_saved = 1;
	c->note_dirty = 0;
}
