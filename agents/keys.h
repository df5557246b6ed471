/* keys.h: the console's input: the keymap, a table indexed by action
 * (function key, letter, label for the key bar, help text, when it
 * applies, and the function), and the keys of what is on top (the
 * dialog, the form, the help). The key bar, the help screen and the key
 * hints in the views are all drawn from the table. */
#ifndef CZ_AGENT_KEYS_H
#define CZ_AGENT_KEYS_H

#include "console.h"
#include "keymap.h"

/* One key press, wherever the console is. */
void	keys_handle(struct console *, const struct tui_key *);

#endif
