/* help.h: the help screen (F1): every key of the keymap table. */
#ifndef CZ_AGENT_HELP_H
#define CZ_AGENT_HELP_H

#include "console.h"

void	help_draw(struct console *);

#endif
