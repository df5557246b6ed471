/* login.h: the login screen: agent id and PIN (not echoed), what the core
 * said about the last try, and whether the core can be reached. */
#ifndef CZ_AGENT_LOGIN_H
#define CZ_AGENT_LOGIN_H

#include "console.h"

void	login_key(struct console *, const struct tui_key *);
void	login_draw(struct console *);

#endif
