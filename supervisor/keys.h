/* keys.h: the supervisor's keys (keys.c): each key to a request (link.h)
 * or to the console's own state; the key bar, the help screen and the
 * dialogs drawn from the one keymap. */
#ifndef CZ_SUP_KEYS_H
#define CZ_SUP_KEYS_H

#include "sup.h"

void	keys_handle(struct sup *, const struct tui_key *);
/* Over the screen: the help (on its screen), the key bar, a dialog. */
void	keys_draw(struct sup *);

#endif
