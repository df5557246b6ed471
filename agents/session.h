/* session.h: the console's link to the core: connect, hello and login,
 * requests whose replies are matched by id and handed up (reply.c), and, when
 * the core goes away, reconnecting every 1 s, backing off to 5 s, then
 * logging in again with the same credentials. */
#ifndef CZ_AGENT_SESSION_H
#define CZ_AGENT_SESSION_H

#include <jansson.h>
#include "console.h"

/* What a request was, to know what its reply means. */
enum session_req {
	REQ_NONE,
	REQ_HELLO,
	REQ_LOGIN,
	REQ_LOGOUT,
	REQ_READY,
	REQ_NOTREADY,
	REQ_ACCEPT,
	REQ_REJECT,
	REQ_HANGUP,
	REQ_HOLD,
	REQ_RETRIEVE,
	REQ_MUTE,
	REQ_WRAPUP,
	REQ_AFTER,
	REQ_NOTE,
	REQ_DISPOSITION,
	REQ_DIAL,		/* desk.c's from here on */
	REQ_DTMF,
	REQ_TRANSFER,
	REQ_CONSULT_END,
	REQ_FIND,
	REQ_GET,
	REQ_SAVE,
	REQ_LINK,
	REQ_CALLBACK,
	REQ_STATS,
	REQ_HELP,
	REQ_PREVIEW		/* campaign.c's: dial or skip the record shown */
};

/* What the layer above does with what comes (registered once, at start):
 * an event pushed, the reply to a request (with the request), the core
 * not reachable before the first login (err says why). */
struct session_up {
	void	(*event)(struct console *, json_t *ev);
	void	(*reply)(struct console *, const struct console_pending *,
		    json_t *r);
	void	(*unreachable)(struct console *, const char *err);
};
void	session_handle(const struct session_up *);

/* Connects now (if down) and logs in when there are credentials. */
void	session_connect(struct console *);
/* Logs in with c->agent (and c->pin if have_pin), now or once connected. */
void	session_login(struct console *);
/* Sends a request {"req": name, ...} (steals req); 0, or -1 when the
 * link is down (said on the status line). arg is kept for the reply. */
int	session_send(struct console *, enum session_req, const char *arg,
	    json_t *req);
/* The socket is readable: takes messages, replies and events. */
void	session_read(struct console *);
/* Time passes: reconnects when due. */
void	session_tick(struct console *, uint64_t now);
/* ms until the next thing session_tick has to do, or -1. */
int	session_timeout(const struct console *, uint64_t now);
/* The agent is logged out (asked, or told): a login is needed again. */
void	session_forget_login(struct console *);
/* The link is gone: forget it, say so, plan the next try. */
void	session_lost(struct console *);

#endif
