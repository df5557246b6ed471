/* keys.c: the keymap and its actions, and the keys of what is on top (a
 * pick list, a prompt, the help). Actions send requests and return; what
 * changes on screen comes back as replies and events. */
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

	if (c->call.phase == PHASE_OFFERED)
		ctx = KEYS_RINGING;
	else if (c->call.phase == PHASE_CONNECTED)
		ctx = KEYS_ON_CALL;
	else if (console_in_state(c, "wrap_up"))
		ctx = KEYS_WRAP;
	else
		ctx = KEYS_IDLE;
	if (c->call.phase == PHASE_ENDED &&
	    (json_array_size(c->call.dispositions) > 0 || c->call.dispo_required))
		ctx |= KEYS_DISPO;
	if (c->call.phase == PHASE_CONNECTED && c->call.consult != CONSULT_NONE)
		ctx = KEYS_CONSULT;
	if (c->message[0] != '\0')
		ctx |= KEYS_MSG;
	if (c->last_dialled[0] != '\0' && (ctx & KEYS_IDLE))
		ctx |= KEYS_REDIAL;
	return ctx;
}

/* A request about the call on screen. */
static void
keys_call_req(struct console *c, enum session_req kind, const char *name)
{
	if (c->call.id[0] == '\0') {
		console_status(c, TUI_LEVEL_INFO, "no call");
		return;
	}
	session_send(c, kind, name, json_pack("{s:s,s:s}", "req", name, "call",
	    c->call.id));
}

void
keys_pick_open(struct console *c, enum console_pick_kind kind,
    const char *title, char **items, int n)
{
	if (c->modal == MODAL_PICK)
		tui_pick_free(&c->pick);
	tui_pick_init(&c->pick, title);
	for (int i = 0; i < n; i++)
		tui_pick_add(&c->pick, items[i]);
	c->pick_kind = kind;
	c->modal = MODAL_PICK;
}

void
keys_prompt(struct console *c, enum console_prompt_kind kind, const char *title,
    const char *text, const char *keys)
{
	if (c->modal == MODAL_PICK)
		tui_pick_free(&c->pick);
	tui_prompt_init(&c->prompt, title, text, keys);
	c->prompt_kind = kind;
	c->modal = MODAL_PROMPT;
}

void
keys_pick_disposition(struct console *c)
{
	char	*items[TUI_PICK_MAX];
	int	 n = 0;
	size_t	 i;
	json_t	*v;

	json_array_foreach(c->call.dispositions, i, v) {
		if (json_is_string(v) && n < TUI_PICK_MAX)
			items[n++] = (char *)json_string_value(v);
	}
	if (n > 0)
		keys_pick_open(c, PICK_DISPOSITION, "Disposition", items, n);
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
	keys_pick_open(c, PICK_REASON, "Not ready: why?", c->reasons,
	    c->nreasons);
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
	if (c->call.held)
		keys_call_req(c, REQ_RETRIEVE, "retrieve");
	else
		keys_call_req(c, REQ_HOLD, "hold");
}

static void
keys_mute(struct console *c)
{
	if (c->call.id[0] == '\0')
		return;
	session_send(c, REQ_MUTE, NULL, json_pack("{s:s,s:s,s:b}", "req",
	    "mute", "call", c->call.id, "on", !c->call.muted));
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
	if (session_send(c, REQ_WRAPUP, "extend", json_pack("{s:s,s:s,s:i}",
	    "req", "wrapup", "action", "extend", "seconds", KEYS_EXTEND_S)) == 0 &&
	    c->wrap_end != 0)
		c->wrap_end += KEYS_EXTEND_S * 1000000ULL;
}

static void
keys_dispo(struct console *c)
{
	if (json_array_size(c->call.dispositions) == 0 && c->call.id[0] != '\0')
		desk_disposition_ask(c);
	else if (json_array_size(c->call.dispositions) == 0)
		console_status(c, TUI_LEVEL_INFO, "no call to give a disposition");
	else
		keys_pick_disposition(c);
}

static void
keys_after(struct console *c)
{
	static char *items[] = { "wrap_up (as the queue says)", "ready",
	    "not_ready", "logout" };

	keys_pick_open(c, PICK_AFTER, "After this call", items, 4);
}

static void
keys_dismiss(struct console *c)
{
	c->message[0] = '\0';
}

static void
keys_clear_note(struct console *c)
{
	keys_prompt(c, PROMPT_CLEAR_NOTE, "Clear the note",
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
		keys_prompt(c, PROMPT_QUIT, "Quit", "You are on a call (or one is "
		    "ringing). If you quit, the call stays up for a short while: "
		    "start the console again to pick it up. Quit anyway?", "yn");
	else
		keys_leave(c);
}

/* prio: which keys the bar drops first when they do not all fit (3, then
 * 2; 1 stays; Quit, last, always). */
const struct keys_entry keys_table[] = {
	{ KEY_F(1), '?', "Help", "this help", KEYS_ALL, 2, keys_help },
	{ KEY_F(2), 'r', "Ready", "ready: take calls (ends wrap-up)",
	  KEYS_IDLE | KEYS_WRAP, 1, keys_ready },
	{ KEY_F(3), 'n', "NotReady", "not ready, choosing a reason",
	  KEYS_IDLE | KEYS_WRAP, 1, keys_notready },
	{ KEY_F(4), 'a', "Answer", "answer the call offered", KEYS_RINGING, 1,
	  keys_accept },
	{ KEY_F(5), 'j', "Reject", "reject the call offered", KEYS_RINGING, 1,
	  keys_reject },
	{ KEY_F(6), 'h', "Hangup", "hang up", KEYS_ON_CALL | KEYS_CONSULT, 1,
	  keys_hangup },
	{ KEY_F(7), 'o', "Hold", "hold / retrieve the caller", KEYS_ON_CALL, 1,
	  keys_hold },
	{ KEY_F(8), 'm', "Mute", "mute / unmute your microphone",
	  KEYS_ON_CALL | KEYS_CONSULT, 2, keys_mute },
	{ KEY_F(9), 'e', "Note", "write the note (Tab or Esc leaves it)",
	  KEYS_ALL, 2, keys_note },
	{ 0, TUI_ESC, "Dismiss", "put away the supervisor's message", KEYS_MSG,
	  1, keys_dismiss },
	{ 0, 'w', "EndWrap", "end wrap-up now", KEYS_WRAP, 1, keys_wrap_end },
	{ 0, '+', "Extend", "30 s more wrap-up", KEYS_WRAP, 3, keys_wrap_extend },
	{ 0, 'd', "Dispo", "choose the call's disposition", KEYS_DISPO, 1,
	  keys_dispo },
	{ 0, 'c', "After", "after this call: wrap-up/ready/not ready/logout",
	  KEYS_IDLE | KEYS_ON_CALL, 3, keys_after },
	{ 0, 't', "Transfer", "transfer or consult (queue, agent, number)",
	  KEYS_ON_CALL, 1, desk_transfer },
	{ 0, 'x', "Complete", "complete the transfer to the consulted party",
	  KEYS_CONSULT, 1, desk_consult_complete },
	{ 0, 'f', "Conference", "all three of you: caller, you, consulted",
	  KEYS_CONSULT, 1, desk_conference },
	{ 0, 'z', "Back", "end the consultation, back to the caller",
	  KEYS_CONSULT, 1, desk_consult_cancel },
	{ 0, '#', "DTMF", "send DTMF digits to the caller", KEYS_ON_CALL, 3,
	  desk_dtmf },
	{ 0, 'g', "Dial", "call a number", KEYS_IDLE, 2, desk_dial },
	{ 0, 'G', "Redial", "call the last number again", KEYS_REDIAL, 3,
	  desk_redial },
	{ 0, 'u', "Customer", "customer: search, new, edit, link to the call",
	  KEYS_IDLE | KEYS_ON_CALL | KEYS_WRAP, 2, desk_customer },
	{ 0, 'b', "Callback", "schedule a callback (number, time, note)",
	  KEYS_IDLE | KEYS_ON_CALL | KEYS_WRAP, 3, desk_callback },
	{ 0, 's', "Stats", "my figures today and my queues' waiting calls",
	  KEYS_IDLE | KEYS_WRAP, 3, desk_figures },
	{ 0, '!', "Help!", "raise or lower your hand for a supervisor",
	  KEYS_IDLE | KEYS_ON_CALL | KEYS_WRAP, 3, desk_help_flag },
	{ 0, 'k', "Clear", "clear the note", 0, 3, keys_clear_note },
	{ 0, 'l', "Logout", "log out", KEYS_IDLE | KEYS_WRAP, 3, keys_logout },
	{ KEY_F(10), 'q', "Quit", "quit (asks first while on a call)",
	  KEYS_ALL, 0, keys_quit },
};
const int keys_count = sizeof keys_table / sizeof keys_table[0];

/* "F2" for KEY_F(2). */
static const char *
keys_fname(int fkey)
{
	static const char *names[] = { "F0", "F1", "F2", "F3", "F4", "F5",
	    "F6", "F7", "F8", "F9", "F10", "F11", "F12" };
	int n = fkey - KEY_F0;

	return n >= 0 && n <= 12 ? names[n] : "F?";
}

/* Whether a key applies now, beyond its contexts: ready and not ready
 * wait for a required disposition; redial needs a number dialled. */
static int
keys_applies(const struct console *c, const struct keys_entry *e, int ctx)
{
	if ((e->when & ctx) == 0)
		return 0;
	if (console_dispo_due(c) && (e->fn == keys_ready ||
	    e->fn == keys_notready || e->fn == keys_wrap_end))
		return 0;
	if (e->fn == desk_redial && c->last_dialled[0] == '\0')
		return 0;
	if (c->call.consult == CONSULT_CONFERENCE && (e->fn ==
	    desk_consult_complete || e->fn == desk_conference ||
	    e->fn == desk_consult_cancel))
		return 0;
	return 1;
}

static void
keys_bar_entry(const struct console *c, const struct keys_entry *e,
    struct tui_barkey *out)
{
	out->fkey = e->fkey ? keys_fname(e->fkey) : e->letter == TUI_ESC ?
	    "Esc" : NULL;
	out->letter = e->letter == TUI_ESC ? 0 : e->letter;
	out->label = e->label;
	if (e->fn == keys_hold && c->call.held)
		out->label = "Retrieve";
	if (e->fn == keys_mute && c->call.muted)
		out->label = "Unmute";
}

int
keys_bar(const struct console *c, struct tui_barkey *out, int max, int width)
{
	const struct keys_entry	*on[64];
	struct tui_barkey	 k;
	int			 ctx = keys_context(c), n = 0, m = 0, used = -2;
	int			 take[64] = { 0 };

	for (int i = 0; i < keys_count && n < 64; i++)
		if (keys_applies(c, &keys_table[i], ctx))
			on[n++] = &keys_table[i];
	/* Quit first, then the most needed keys while they fit. */
	for (int prio = 0; prio <= 3; prio++)
		for (int i = 0; i < n; i++) {
			if (on[i]->prio != prio)
				continue;
			keys_bar_entry(c, on[i], &k);
			if (prio > 0 && used + 2 + tui_bar_width(&k, 1) > width)
				continue;
			used += 2 + tui_bar_width(&k, 1);
			take[i] = 1;
		}
	for (int i = 0; i < n && m < max; i++)
		if (take[i])
			keys_bar_entry(c, on[i], &out[m++]);
	return m;
}

/* A choice made in a pick list. */
static void
keys_picked(struct console *c, enum console_pick_kind kind, const char *item)
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
			keys_pick_open(c, PICK_AFTER_REASON, "Not ready after "
			    "the call: why?", c->reasons, c->nreasons);
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

static void
keys_modal_pick(struct console *c, const struct tui_key *k)
{
	enum tui_result			r = tui_pick_key(&c->pick, k);
	enum console_pick_kind		kind = c->pick_kind;
	char				item[160];
	int				sel = c->pick.sel;

	if (r != TUI_DONE && r != TUI_CANCEL)
		return;
	snprintf(item, sizeof item, "%s", c->pick.n > 0 ?
	    c->pick.items[c->pick.sel] : "");
	tui_pick_free(&c->pick);
	c->modal = MODAL_NONE;
	if (r != TUI_DONE || item[0] == '\0')
		return;
	if (kind >= PICK_TRANSFER)
		desk_picked(c, kind, sel, item);
	else
		keys_picked(c, kind, item);
}

static void
keys_modal_prompt(struct console *c, const struct tui_key *k)
{
	enum tui_result r = tui_prompt_key(&c->prompt, k);

	if (r != TUI_DONE && r != TUI_CANCEL)
		return;
	c->modal = MODAL_NONE;
	if (c->prompt_kind == PROMPT_REPLACED)
		c->quit = 1;
	else if (c->prompt_kind == PROMPT_QUIT && c->prompt.answer == 'y')
		c->quit = 1;	/* the call ends with the link; agent_grace */
	else if (c->prompt_kind == PROMPT_CLEAR_NOTE && c->prompt.answer == 'y')
		note_clear(c);
	else if (r == TUI_DONE)
		desk_prompted(c, c->prompt_kind, c->prompt.answer);
}

static void
keys_modal_ask(struct console *c, const struct tui_key *k)
{
	enum tui_result	 r = tui_ask_key(&c->ask, k);
	char		*text;

	if (r == TUI_CANCEL) {
		c->modal = MODAL_NONE;
		desk_asked(c, c->ask_kind, NULL);
	} else if (r == TUI_DONE) {
		text = tui_ask_get(&c->ask);
		c->modal = MODAL_NONE;
		desk_asked(c, c->ask_kind, text);	/* may ask again */
		free(text);
	}
}

static void
keys_modal_form(struct console *c, const struct tui_key *k)
{
	enum tui_result r = tui_form_key(&c->custform, k);

	if (r == TUI_CANCEL)
		c->modal = MODAL_NONE;
	else if (r == TUI_DONE)
		desk_form_done(c);	/* closes it unless a field is wrong */
}

/* The entry for a key: its function key, or (not editing) its letter. */
static const struct keys_entry *
keys_find(const struct console *c, const struct tui_key *k)
{
	for (int i = 0; i < keys_count; i++) {
		if (k->fn != 0 && k->fn == keys_table[i].fkey)
			return &keys_table[i];
		if (!c->editing && !k->fn && k->ch == (wint_t)keys_table[i].letter)
			return &keys_table[i];
	}
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
	if (c->modal == MODAL_PICK) {
		keys_modal_pick(c, k);
		return;
	}
	if (c->modal == MODAL_PROMPT) {
		keys_modal_prompt(c, k);
		return;
	}
	if (c->modal == MODAL_ASK) {
		keys_modal_ask(c, k);
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
