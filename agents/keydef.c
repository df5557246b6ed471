/* keydef.c: the agent console's keymap (keydef.h): one row per action,
 * its key, label, help and the contexts it applies in; from it the key
 * bar for the moment, the hints the text gives ("F4/a") and which action
 * a key press is. */
#include <stdio.h>
#include "keydef.h"

const struct tui_keydef keydef_table[KA_COUNT] = {
	[KA_HELP] = { KEY_F(1), '?', "Help", "this help", KEYS_ALL, 2 },
	[KA_READY] = { KEY_F(2), 'r', "Ready", "ready: take calls (ends "
	  "wrap-up)", KEYS_IDLE | KEYS_WRAP, 1 },
	[KA_NOTREADY] = { KEY_F(3), 'n', "NotReady", "not ready, choosing a "
	  "reason", KEYS_IDLE | KEYS_WRAP, 1 },
	[KA_ANSWER] = { KEY_F(4), 'a', "Answer", "answer the call offered",
	  KEYS_RINGING, 1 },
	[KA_REJECT] = { KEY_F(5), 'j', "Reject", "reject the call offered",
	  KEYS_RINGING, 1 },
	[KA_HANGUP] = { KEY_F(6), 'h', "Hangup", "hang up",
	  KEYS_ON_CALL | KEYS_CONSULT, 1 },
	[KA_HOLD] = { KEY_F(7), 'o', "Hold", "hold / retrieve the caller",
	  KEYS_ON_CALL, 1 },
	[KA_MUTE] = { KEY_F(8), 'm', "Mute", "mute / unmute your microphone",
	  KEYS_ON_CALL | KEYS_CONSULT, 2 },
	[KA_NOTE] = { KEY_F(9), 'e', "Note", "write the note (Tab or Esc "
	  "leaves it)", KEYS_ALL, 2 },
	[KA_DISMISS] = { 0, TUI_ESC, "Dismiss", "put away the supervisor's "
	  "message", KEYS_MSG, 1 },
	[KA_ENDWRAP] = { 0, 'w', "EndWrap", "end wrap-up now", KEYS_WRAP, 1 },
	[KA_EXTEND] = { 0, '+', "Extend", "30 s more wrap-up", KEYS_WRAP, 3 },
	[KA_DISPO] = { 0, 'd', "Dispo", "choose the call's disposition",
	  KEYS_DISPO, 1 },
	[KA_AFTER] = { 0, 'c', "After", "after this call: wrap-up/ready/not "
	  "ready/logout", KEYS_IDLE | KEYS_ON_CALL, 3 },
	[KA_TRANSFER] = { 0, 't', "Transfer", "transfer or consult (queue, "
	  "agent, number)", KEYS_ON_CALL, 1 },
	[KA_COMPLETE] = { 0, 'x', "Complete", "complete the transfer to the "
	  "consulted party", KEYS_CONSULT, 1 },
	[KA_CONFERENCE] = { 0, 'f', "Conference", "all three of you: caller, "
	  "you, consulted", KEYS_CONSULT, 1 },
	[KA_BACK] = { 0, 'z', "Back", "end the consultation, back to the "
	  "caller", KEYS_CONSULT, 1 },
	[KA_DTMF] = { 0, '#', "DTMF", "send DTMF digits to the caller",
	  KEYS_ON_CALL, 3 },
	[KA_DIAL] = { 0, 'g', "Dial", "call a number", KEYS_IDLE, 2 },
	[KA_REDIAL] = { 0, 'G', "Redial", "call the last number again",
	  KEYS_REDIAL, 3 },
	[KA_PDIAL] = { 0, 'p', "Dial", "campaign preview: dial the record "
	  "shown", KEYS_PREVIEW, 1 },
	[KA_SKIP] = { 0, 'v', "Skip", "campaign preview: skip the record "
	  "(asks why)", KEYS_PREVIEW, 1 },
	[KA_SCRIPT_DOWN] = { 0, ']', "Script", "scroll the campaign's script "
	  "down", KEYS_SCRIPT, 3 },
	[KA_SCRIPT_UP] = { 0, '[', "Script", "scroll the campaign's script up",
	  0, 3 },
	[KA_CUSTOMER] = { 0, 'u', "Customer", "customer: search, new, edit, "
	  "link to the call", KEYS_IDLE | KEYS_ON_CALL | KEYS_WRAP, 2 },
	[KA_CALLBACK] = { 0, 'b', "Callback", "schedule a callback (number, "
	  "time, note)", KEYS_IDLE | KEYS_ON_CALL | KEYS_WRAP, 3 },
	[KA_STATS] = { 0, 's', "Stats", "my figures today and my queues' "
	  "waiting calls", KEYS_IDLE | KEYS_WRAP, 3 },
	[KA_HELPFLAG] = { 0, '!', "Help!", "raise or lower your hand for a "
	  "supervisor", KEYS_IDLE | KEYS_ON_CALL | KEYS_WRAP, 3 },
	[KA_CLEAR] = { 0, 'k', "Clear", "clear the note", 0, 3 },
	[KA_LOGOUT] = { 0, 'l', "Logout", "log out", KEYS_IDLE | KEYS_WRAP,
	  3 },
	[KA_QUIT] = { KEY_F(10), 'q', "Quit", "quit (asks first while on a "
	  "call)", KEYS_ALL, 0 },
};

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
	if (c->m.camp.preview && (ctx & (KEYS_IDLE | KEYS_WRAP)))
		ctx |= KEYS_PREVIEW;
	if ((c->m.camp.record != NULL && (c->m.camp.preview ||
	    model_campaign_owns(&c->m))) || (c->m.call.phase == PHASE_ENDED &&
	    c->m.call.campaign_record != NULL))
		ctx |= KEYS_SCRIPT;
	return ctx;
}

const char *
keys_hint(enum keys_action a)
{
	static char	hints[KA_COUNT][16];

	if (hints[a][0] == '\0')
		tui_keydef_hint(&keydef_table[a], hints[a], sizeof hints[a]);
	return hints[a];
}

/* Whether a key applies now, beyond its contexts: ready and not ready
 * wait for a required disposition; redial needs a number dialled. */
static int
keys_applies(const struct console *c, enum keys_action a, int ctx)
{
	if ((keydef_table[a].when & ctx) == 0)
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
		tui_keydef_barkey(&keydef_table[a], keys_label(c, a), &on[n]);
		prio[n++] = keydef_table[a].prio;
	}
	return n <= max ? tui_keymap_fit(on, prio, n, out, width) : 0;
}

int
keydef_match(enum keys_action a, const struct console *c,
    const struct tui_key *k)
{
	return tui_keydef_match(&keydef_table[a], k, !c->editing);
}
