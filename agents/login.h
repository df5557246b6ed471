/* login.h: the login screen: agent id and PIN (not echoed), what the core
 * said about the last try, and whether the core can be reached. */
#ifndef CZ_AGENT_LOGIN_H
#define CZ_AGENT_LOGIN_H

#include "bar.h"
#include "console.h"

void	login_key(struct console *, const struct tui_key *);
void	login_draw(struct console *);
/* The login screen's key bar, from its keymap: fills out, returns how
 * many. */
int	login_bar(struct tui_barkey *out, int max);
/* The agent and queues given on the command line: the PIN is asked. */
void	login_prefill(struct console *, const char *agent, const char *queues);
/* Back to the login screen for c->agent, the PIN asked again, saying why. */
void	login_show(struct console *, const char *why);
/* What the login screen says about the last try ("" to say nothing). */
void	login_say(struct console *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/* The agent is logged out (asked, or told): the login screen, saying why. */
void	login_logged_out(struct console *, const char *why);
/* The core cannot be reached yet: the login screen says why. */
void	login_unreachable(struct console *, const char *err);

#endif
