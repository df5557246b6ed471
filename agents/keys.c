/* keys.c: the keymap and its actions, and the keys of what is on top
 * (the dialog, the form, the help). Actions send requests or open
 * dialogs and return; what changes on screen comes back as replies and
 * events, into the model. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "campaign.h"
#include "cli.h"
#include "desk.h"
#include "help.h"
#include "keydef.h"
#include "keys.h"
#include "login.h"
#include "note.h"
#include "session.h"

#define KEYS_EXTEND_S	30	/* wrap-up extension, seconds */

/* A request about the call on screen. */
static void
keys_call_req(struct console *c, enum session_req kind, const char *name)
{
	if (c->m.call.id[0] == '\0') {
		console_status(c, TUI_LEVEL_INFO, "no call");
		return;
	}
	session_send(c, kind, name, json_pack("{s:s,s:s}", "req", name, "call",
	    c->m.call.id));
}

static void
keys_help(struct console *c)
{
	c->help_top = 0;
	c->modal = MODAL_HELP;
}

static void
keys_ready(struct console *c)
{
	session_send(c, REQ_READY, NULL, json_pack("{s:s}", "req", "ready"));
}

static void
keys_notready(struct console *c)
{
	console_pick(c, PICK_REASON, "Not ready: why?", c->m.reasons,
	    c->m.nreasons);
}

static void
keys_accept(struct console *c)
{
	keys_call_req(c, REQ_ACCEPT, "accept");
}

static void
keys_reject(struct console *c)
{
	keys_call_req(c, REQ_REJECT, "reject");
}

static void
keys_hangup(struct console *c)
{
	keys_call_req(c, REQ_HANGUP, "hangup");
}

static void
keys_hold(struct console *c)
{
	if (c->m.call.held)
		keys_call_req(c, REQ_RETRIEVE, "retrieve");
	else
		keys_call_req(c, REQ_HOLD, "hold");
}

static void
keys_mute(struct console *c)
{
	if (c->m.call.id[0] == '\0')
		return;
	session_send(c, REQ_MUTE, NULL, json_pack("{s:s,s:s,s:b}", "req",
	    "mute", "call", c->m.call.id, "on", !c->m.call.muted));
}

static void
keys_note(struct console *c)
{
	c->editing = 1;
}

static void
keys_wrap_end(struct console *c)
{
	session_send(c, REQ_WRAPUP, "end", json_pack("{s:s,s:s}", "req",
	    "wrapup", "action", "end"));
}

static void
keys_wrap_extend(struct console *c)
{
	/* The new end comes back in the agent_state event the core sends. */
	session_send(c, REQ_WRAPUP, "extend", json_pack("{s:s,s:s,s:i}", "req",
	    "wrapup", "action", "extend", "seconds", KEYS_EXTEND_S));
}

static void
keys_dispo(struct console *c)
{
	if (json_array_size(c->m.call.dispositions) == 0 && c->m.call.id[0] != '\0')
		desk_disposition_ask(c);
	else if (json_array_size(c->m.call.dispositions) == 0)
		console_status(c, TUI_LEVEL_INFO, "no call to give a disposition");
	else
		desk_pick_disposition(c);
}

static void
keys_after(struct console *c)
{
	static char *items[] = { "wrap_up (as the queue says)", "ready",
	    "not_ready", "logout" };

	console_pick(c, PICK_AFTER, "After this call", items, 4);
}

static void
keys_dismiss(struct console *c)
{
	model_set_message(&c->m, "");
}

static void
keys_clear_note(struct console *c)
{
	console_prompt(c, PROMPT_CLEAR_NOTE, "Clear the note",
	    "Clear the note's text?", "yn");
}

static void
keys_logout(struct console *c)
{
	note_flush(c);
	session_send(c, REQ_LOGOUT, NULL, json_pack("{s:s}", "req", "logout"));
}

/* Leaving on purpose logs out first, so the core does not hold the
 * agent for a console that might come back (agent_grace). */
static void
keys_leave(struct console *c)
{
	note_flush(c);
	if (c->link == LINK_UP)
		session_send(c, REQ_LOGOUT, NULL, json_pack("{s:s}", "req",
		    "logout"));
	c->quit = 1;
}

static void
keys_quit(struct console *c)
{
	if (console_busy(c))
		console_prompt(c, PROMPT_QUIT, "Quit", "You are on a call (or one is "
		    "ringing). If you quit, the call stays up for a short while: "
		    "start the console again to pick it up. Quit anyway?", "yn");
	else
		keys_leave(c);
}

/* The keymap. prio: which keys the bar drops first when they do not all
 * fit (3, then 2; 1 stays; Quit, 0, always). */
/* What each action does (its key: keydef.c). */
static void (*const keys_fn[KA_COUNT])(struct console *) = {
	[KA_HELP] = keys_help,
	[KA_READY] = keys_ready,
	[KA_NOTREADY] = keys_notready,
	[KA_ANSWER] = keys_accept,
	[KA_REJECT] = keys_reject,
	[KA_HANGUP] = keys_hangup,
	[KA_HOLD] = keys_hold,
	[KA_MUTE] = keys_mute,
	[KA_NOTE] = keys_note,
	[KA_DISMISS] = keys_dismiss,
	[KA_ENDWRAP] = keys_wrap_end,
	[KA_EXTEND] = keys_wrap_extend,
	[KA_DISPO] = keys_dispo,
	[KA_AFTER] = keys_after,
	[KA_TRANSFER] = desk_transfer,
	[KA_COMPLETE] = desk_consult_complete,
	[KA_CONFERENCE] = desk_conference,
	[KA_BACK] = desk_consult_cancel,
	[KA_DTMF] = desk_dtmf,
	[KA_DIAL] = desk_dial,
	[KA_REDIAL] = desk_redial,
	[KA_PDIAL] = campaign_dial,
	[KA_SKIP] = campaign_skip,
	[KA_SCRIPT_DOWN] = campaign_script_down,
	[KA_SCRIPT_UP] = campaign_script_up,
	[KA_CUSTOMER] = desk_customer,
	[KA_CALLBACK] = desk_callback,
	[KA_STATS] = desk_figures,
	[KA_HELPFLAG] = desk_help_flag,
	[KA_CLEAR] = keys_clear_note,
	[KA_LOGOUT] = keys_logout,
	[KA_QUIT] = keys_quit,
};

/* A choice made in a pick list. */
static void
keys_picked(struct console *c, enum console_dialog kind, const char *item)
{
	char then[200];

	switch (kind) {
	case PICK_REASON:
		session_send(c, REQ_NOTREADY, item, json_pack("{s:s,s:s}",
		    "req", "notready", "reason", item));
		break;
	case PICK_AFTER:
		snprintf(then, sizeof then, "%.*s", (int)strcspn(item, " "), item);
		if (strcmp(then, "not_ready") == 0) {
			console_pick(c, PICK_AFTER_REASON, "Not ready after "
			    "the call: why?", c->m.reasons, c->m.nreasons);
			return;
		}
		session_send(c, REQ_AFTER, then, json_pack("{s:s,s:s}", "req",
		    "after-call", "then", then));
		break;
	case PICK_AFTER_REASON:
		snprintf(then, sizeof then, "not_ready (%s)", item);
		session_send(c, REQ_AFTER, then, json_pack("{s:s,s:s,s:s}",
		    "req", "after-call", "then", "not_ready", "reason", item));
		break;
	case PICK_DISPOSITION:
		note_disposition(c, item);
		break;
	default:
		break;
	}
}

/* The dialog answered: what it was for decides what happens. */
static void
keys_answered(struct console *c, struct tui_dialog *d)
{
	char	item[160], *text;
	int	sel = d->pick.sel;

	switch (d->kind) {
	case TUI_DIALOG_PICK:
		snprintf(item, sizeof item, "%s", d->pick.n > 0 ?
		    d->pick.items[sel] : "");
		if (item[0] == '\0')
			break;
		if (d->purpose == PICK_SKIP_REASON)
			campaign_skip_picked(c, item);
		else if (d->purpose >= PICK_TRANSFER)
			desk_picked(c, d->purpose, sel, item);
		else
			keys_picked(c, d->purpose, item);
		break;
	case TUI_DIALOG_ASK:
		text = tui_ask_get(&d->ask);
		desk_asked(c, d->purpose, text);	/* may ask again */
		free(text);
		break;
	default:
		if (d->purpose == PROMPT_QUIT && d->prompt.answer == 'y')
			c->quit = 1;	/* the call ends with the link; agent_grace */
		else if (d->purpose == PROMPT_CLEAR_NOTE && d->prompt.answer == 'y')
			note_clear(c);
		else
			desk_prompted(c, d->purpose, d->prompt.answer);
	}
}

static void
keys_modal_dialog(struct console *c, const struct tui_key *k)
{
	enum tui_result		r = tui_dialog_key(&c->dialog, k);
	struct tui_dialog	d;

	if (r != TUI_DONE && r != TUI_CANCEL)
		return;
	/* A copy answers, so that the answer may open the next dialog. */
	d = c->dialog;
	c->dialog.kind = TUI_DIALOG_NONE;
	c->modal = MODAL_NONE;
	if (d.purpose == PROMPT_REPLACED)
		c->quit = 1;
	else if (r == TUI_DONE)
		keys_answered(c, &d);
	if (d.kind == TUI_DIALOG_PICK)
		tui_pick_free(&d.pick);
}

static void
keys_modal_form(struct console *c, const struct tui_key *k)
{
	enum tui_result r = tui_form_key(&c->custform, k);

	if (r == TUI_CANCEL)
		c->modal = MODAL_NONE;
	else if (r == TUI_DONE)
		desk_form_done(c);	/* its fields are right: closes it */
}

/* The entry for a key: its function key, or (not editing) its letter. */
static void (*keys_find(const struct console *c,
    const struct tui_key *k))(struct console *)
{
	for (int a = 0; a < KA_COUNT; a++)
		if (keydef_match(a, c, k))
			return keys_fn[a];
	return NULL;
}

/* In the note editor: text keys edit; Tab, Escape and F9 leave. */
static int
keys_editing(struct console *c, const struct tui_key *k)
{
	if (tui_key_char(k, '\t') || tui_key_char(k, TUI_ESC) ||
	    tui_key_is(k, KEY_F(9))) {
		c->editing = 0;
		note_flush(c);
		return 1;
	}
	if (tui_editor_key(&c->note, k) == TUI_UNUSED)
		return 0;
	if (c->note.changed) {
		c->note.changed = 0;
		note_edited(c);
	}
	return 1;
}

void
keys_handle(struct console *c, const struct tui_key *k)
{
	void (*fn)(struct console *);

	c->dirty = 1;
	if (tui_key_char(k, TUI_CTRL('l'))) {
		clearok(curscr, TRUE);
		return;
	}
	if (c->modal == MODAL_HELP) {
		if (!help_key(c, k))
			c->modal = MODAL_NONE;
		return;
	}
	if (c->modal == MODAL_DIALOG) {
		keys_modal_dialog(c, k);
		return;
	}
	if (c->modal == MODAL_FORM) {
		keys_modal_form(c, k);
		return;
	}
	if (tui_key_char(k, TUI_CTRL('c'))) {
		keys_quit(c);
		return;
	}
	if (c->screen == SCREEN_LOGIN) {
		login_key(c, k);
		return;
	}
	if (c->editing && keys_editing(c, k))
		return;
	if (!c->editing && tui_key_char(k, '\t')) {
		c->editing = 1;
		return;
	}
	if ((fn = keys_find(c, k)) != NULL)
		fn(c);
}
