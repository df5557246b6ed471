/* keys.c: the keymap and its actions, and the keys of what is on top
 * (the dialog, the form, the help). Actions send requests or open
 * dialogs and return; what changes on screen comes back as replies and
 * events, into the model. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "desk.h"
#include "help.h"
#include "keys.h"
#include "login.h"
#include "note.h"
#include "session.h"

#define KEYS_EXTEND_S	30	/* wrap-up extension, seconds */

/* What applies now: one of the first four, and KEYS_DISPO. */
static int
keys_context(const struct console *c)
{
	int ctx;

	if (c->m.call.phase == PHASE_OFFERED)
		ctx = KEYS_RINGING;
	else if (c->m.call.phase == PHASE_CONNECTED)
		ctx = KEYS_ON_CALL;
	else if (model_in_state(&c->m, "wrap_up"))
		ctx = KEYS_WRAP;
	else
		ctx = KEYS_IDLE;
	if (c->m.call.phase == PHASE_ENDED &&
	    (json_array_size(c->m.call.dispositions) > 0 || c->m.call.dispo_required))
		ctx |= KEYS_DISPO;
	if (c->m.call.phase == PHASE_CONNECTED && c->m.call.consult != CONSULT_NONE)
		ctx = KEYS_CONSULT;
	if (c->m.message[0] != '\0')
		ctx |= KEYS_MSG;
	if (c->last_dialled[0] != '\0' && (ctx & KEYS_IDLE))
		ctx |= KEYS_REDIAL;
	return ctx;
}

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

void
keys_pick_disposition(struct console *c)
{
	char	*items[TUI_PICK_MAX];
	int	 n = 0;
	size_t	 i;
	json_t	*v;

	json_array_foreach(c->m.call.dispositions, i, v) {
		if (json_is_string(v) && n < TUI_PICK_MAX)
			items[n++] = (char *)json_string_value(v);
	}
	if (n > 0)
		console_pick(c, PICK_DISPOSITION, "Disposition", items, n);
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
		keys_pick_disposition(c);
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
const struct keys_entry keys_table[KA_COUNT] = {
	[KA_HELP] = { { KEY_F(1), '?', "Help", "this help", KEYS_ALL, 2 },
	  keys_help },
	[KA_READY] = { { KEY_F(2), 'r', "Ready", "ready: take calls (ends "
	  "wrap-up)", KEYS_IDLE | KEYS_WRAP, 1 }, keys_ready },
	[KA_NOTREADY] = { { KEY_F(3), 'n', "NotReady", "not ready, choosing a "
	  "reason", KEYS_IDLE | KEYS_WRAP, 1 }, keys_notready },
	[KA_ANSWER] = { { KEY_F(4), 'a', "Answer", "answer the call offered",
	  KEYS_RINGING, 1 }, keys_accept },
	[KA_REJECT] = { { KEY_F(5), 'j', "Reject", "reject the call offered",
	  KEYS_RINGING, 1 }, keys_reject },
	[KA_HANGUP] = { { KEY_F(6), 'h', "Hangup", "hang up",
	  KEYS_ON_CALL | KEYS_CONSULT, 1 }, keys_hangup },
	[KA_HOLD] = { { KEY_F(7), 'o', "Hold", "hold / retrieve the caller",
	  KEYS_ON_CALL, 1 }, keys_hold },
	[KA_MUTE] = { { KEY_F(8), 'm', "Mute", "mute / unmute your microphone",
	  KEYS_ON_CALL | KEYS_CONSULT, 2 }, keys_mute },
	[KA_NOTE] = { { KEY_F(9), 'e', "Note", "write the note (Tab or Esc "
	  "leaves it)", KEYS_ALL, 2 }, keys_note },
	[KA_DISMISS] = { { 0, TUI_ESC, "Dismiss", "put away the supervisor's "
	  "message", KEYS_MSG, 1 }, keys_dismiss },
	[KA_ENDWRAP] = { { 0, 'w', "EndWrap", "end wrap-up now", KEYS_WRAP, 1 },
	  keys_wrap_end },
	[KA_EXTEND] = { { 0, '+', "Extend", "30 s more wrap-up", KEYS_WRAP, 3 },
	  keys_wrap_extend },
	[KA_DISPO] = { { 0, 'd', "Dispo", "choose the call's disposition",
	  KEYS_DISPO, 1 }, keys_dispo },
	[KA_AFTER] = { { 0, 'c', "After", "after this call: wrap-up/ready/not "
	  "ready/logout", KEYS_IDLE | KEYS_ON_CALL, 3 }, keys_after },
	[KA_TRANSFER] = { { 0, 't', "Transfer", "transfer or consult (queue, "
	  "agent, number)", KEYS_ON_CALL, 1 }, desk_transfer },
	[KA_COMPLETE] = { { 0, 'x', "Complete", "complete the transfer to the "
	  "consulted party", KEYS_CONSULT, 1 }, desk_consult_complete },
	[KA_CONFERENCE] = { { 0, 'f', "Conference", "all three of you: caller, "
	  "you, consulted", KEYS_CONSULT, 1 }, desk_conference },
	[KA_BACK] = { { 0, 'z', "Back", "end the consultation, back to the "
	  "caller", KEYS_CONSULT, 1 }, desk_consult_cancel },
	[KA_DTMF] = { { 0, '#', "DTMF", "send DTMF digits to the caller",
	  KEYS_ON_CALL, 3 }, desk_dtmf },
	[KA_DIAL] = { { 0, 'g', "Dial", "call a number", KEYS_IDLE, 2 },
	  desk_dial },
	[KA_REDIAL] = { { 0, 'G', "Redial", "call the last number again",
	  KEYS_REDIAL, 3 }, desk_redial },
	[KA_CUSTOMER] = { { 0, 'u', "Customer", "customer: search, new, edit, "
	  "link to the call", KEYS_IDLE | KEYS_ON_CALL | KEYS_WRAP, 2 },
	  desk_customer },
	[KA_CALLBACK] = { { 0, 'b', "Callback", "schedule a callback (number, "
	  "time, note)", KEYS_IDLE | KEYS_ON_CALL | KEYS_WRAP, 3 },
	  desk_callback },
	[KA_STATS] = { { 0, 's', "Stats", "my figures today and my queues' "
	  "waiting calls", KEYS_IDLE | KEYS_WRAP, 3 }, desk_figures },
	[KA_HELPFLAG] = { { 0, '!', "Help!", "raise or lower your hand for a "
	  "supervisor", KEYS_IDLE | KEYS_ON_CALL | KEYS_WRAP, 3 },
	  desk_help_flag },
	[KA_CLEAR] = { { 0, 'k', "Clear", "clear the note", 0, 3 },
	  keys_clear_note },
	[KA_LOGOUT] = { { 0, 'l', "Logout", "log out", KEYS_IDLE | KEYS_WRAP,
	  3 }, keys_logout },
	[KA_QUIT] = { { KEY_F(10), 'q', "Quit", "quit (asks first while on a "
	  "call)", KEYS_ALL, 0 }, keys_quit },
};

const char *
keys_hint(enum keys_action a)
{
	static char	hints[KA_COUNT][16];

	if (hints[a][0] == '\0')
		tui_keydef_hint(&keys_table[a].key, hints[a], sizeof hints[a]);
	return hints[a];
}

/* Whether a key applies now, beyond its contexts: ready and not ready
 * wait for a required disposition; redial needs a number dialled. */
static int
keys_applies(const struct console *c, enum keys_action a, int ctx)
{
	if ((keys_table[a].key.when & ctx) == 0)
		return 0;
	if (model_dispo_due(&c->m) && (a == KA_READY || a == KA_NOTREADY ||
	    a == KA_ENDWRAP))
		return 0;
	if (a == KA_REDIAL && c->last_dialled[0] == '\0')
		return 0;
	if (c->m.call.consult == CONSULT_CONFERENCE && (a == KA_COMPLETE ||
	    a == KA_CONFERENCE || a == KA_BACK))
		return 0;
	return 1;
}

/* The label the bar shows: Hold and Mute say what they would undo. */
static const char *
keys_label(const struct console *c, enum keys_action a)
{
	if (a == KA_HOLD && c->m.call.held)
		return "Retrieve";
	if (a == KA_MUTE && c->m.call.muted)
		return "Unmute";
	return NULL;
}

int
keys_bar(const struct console *c, struct tui_barkey *out, int max, int width)
{
	struct tui_barkey	on[KA_COUNT];
	int			prio[KA_COUNT], ctx = keys_context(c), n = 0;

	for (int a = 0; a < KA_COUNT; a++) {
		if (!keys_applies(c, a, ctx))
			continue;
		tui_keydef_barkey(&keys_table[a].key, keys_label(c, a), &on[n]);
		prio[n++] = keys_table[a].key.prio;
	}
	return n <= max ? tui_keymap_fit(on, prio, n, out, width) : 0;
}

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
		if (d->purpose >= PICK_TRANSFER)
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
static const struct keys_entry *
keys_find(const struct console *c, const struct tui_key *k)
{
	for (int i = 0; i < KA_COUNT; i++)
		if (tui_keydef_match(&keys_table[i].key, k, !c->editing))
			return &keys_table[i];
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
	const struct keys_entry *e;

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
	if ((e = keys_find(c, k)) != NULL)
		e->fn(c);
}
