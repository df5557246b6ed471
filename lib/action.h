/* action.h: where a call goes next, as the config writes it: a DID's
 * target, an IVR choice, a queue's exit. One grammar for all of them:
 *
 *	queue:NAME [priority=N]	wait in a queue (N 0-9 sets the call's priority)
 *	menu:NAME		an IVR menu
 *	play:PROMPT		play a prompt, then come back (IVR choices only)
 *	message:PROMPT		play a prompt, then hang up
 *	voicemail:BOX		record the caller's message into BOX
 *	callback:QUEUE		offer to call the caller back from QUEUE (their
 *				place in line is kept if they wait there)
 *	transfer:NUMBER		connect the caller to an outside number
 *	hangup			clear the call
 *	refuse			refuse before answering (cause 34)
 */
#ifndef CZ_ACTION_H
#define CZ_ACTION_H

#include <stddef.h>

struct config;

enum action_kind {
	ACT_NONE = 0,	/* an empty action: an IVR key offering nothing */
	ACT_QUEUE = 1, ACT_MENU = 2, ACT_PLAY = 4, ACT_MESSAGE = 8,
	ACT_VOICEMAIL = 16, ACT_HANGUP = 32, ACT_REFUSE = 64, ACT_CALLBACK = 128,
	ACT_TRANSFER = 256
};

struct action {
	enum action_kind	kind;
	char			arg[64];	/* queue, menu, prompt or box */
	int			priority;	/* -1: leave the call's as it is */
};

/* Parses S. -1 with why when it is not an action, is not one of the kinds
 * in ALLOWED (a mask), or (CFG given) names a queue or menu CFG lacks. */
int		 action_parse(const char *s, int allowed, const struct config *cfg,
		    struct action *, char *why, size_t len);
/* A prompt or box name: a-z, 0-9, '-' and '_', 1 to 63 long. */
int		 action_name_ok(const char *);
/* A telephone number the core may dial: 3 to 20 digits
 * (ACTION_NUMBER_MIN, ACTION_NUMBER_MAX). */
#define ACTION_NUMBER_MIN	3
#define ACTION_NUMBER_MAX	20
int		 action_number_ok(const char *);
/* A as the config writes it ("queue:sales priority=5"), for logs. */
const char	*action_format(const struct action *, char *buf, size_t len);

#endif
