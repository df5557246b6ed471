/* help.h: the help screen (F1): every key of the keymap table. */
#ifndef CZ_AGENT_HELP_H
#define CZ_AGENT_HELP_H

#include "console.h"

void	help_draw(const struct console *);
/* A key on the help screen: 1 when it scrolled, 0 when it closes it. */
int	help_key(struct console *, const struct tui_key *);

#endif
