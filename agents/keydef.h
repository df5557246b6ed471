/* keydef.h: the agent console's keymap as data: the actions, and for each
 * its key, bar label, help text and when it applies (one table, keydef.c).
 * The key bar, the help screen and every key hint in the text are drawn
 * from it; what a key does is keys.c's. Below the input and the views:
 * it reads the model and includes nothing of the console above it. */
#ifndef CZ_AGENT_KEYDEF_H
#define CZ_AGENT_KEYDEF_H

#include "bar.h"
#include "console.h"
#include "keymap.h"

/* When a key applies (and shows in the key bar). */
#define KEYS_IDLE	0x01	/* ready or not ready, no call */
#define KEYS_RINGING	0x02
#define KEYS_ON_CALL	0x04
#define KEYS_WRAP	0x08
#define KEYS_DISPO	0x10	/* the ended call has dispositions */
#define KEYS_CONSULT	0x20	/* a consultation is on */
#define KEYS_MSG	0x40	/* a supervisor's message is shown */
#define KEYS_REDIAL	0x80	/* idle, with a number dialled before */
#define KEYS_PREVIEW	0x100	/* a campaign's record shown to dial or skip */
#define KEYS_SCRIPT	0x200	/* a campaign's script on screen */
#define KEYS_ALL	(KEYS_IDLE | KEYS_RINGING | KEYS_ON_CALL | KEYS_WRAP | \
			 KEYS_DISPO | KEYS_CONSULT)

/* The actions, in the order of the help and the key bar. */
enum keys_action {
	KA_HELP, KA_READY, KA_NOTREADY, KA_ANSWER, KA_REJECT, KA_HANGUP,
	KA_HOLD, KA_MUTE, KA_NOTE, KA_DISMISS, KA_ENDWRAP, KA_EXTEND,
	KA_DISPO, KA_AFTER, KA_TRANSFER, KA_COMPLETE, KA_CONFERENCE,
	KA_BACK, KA_DTMF, KA_DIAL, KA_REDIAL, KA_PDIAL, KA_SKIP,
	KA_SCRIPT_DOWN, KA_SCRIPT_UP, KA_CUSTOMER, KA_CALLBACK,
	KA_STATS, KA_HELPFLAG, KA_CLEAR, KA_LOGOUT, KA_QUIT,
	KA_COUNT
};

extern const struct tui_keydef	keydef_table[KA_COUNT];

/* The key bar for now, fitting width cells: fills out (at most max) and
 * returns how many. */
int	keys_bar(const struct console *, struct tui_barkey *out, int max,
	    int width);
/* How the text names an action's key: "F4/a", "u", "Esc". */
const char *keys_hint(enum keys_action);
/* Whether the key of this action is k (letters only when not editing). */
int	keydef_match(enum keys_action, const struct console *,
	    const struct tui_key *);

#endif
