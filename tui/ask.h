/* ask.h: a modal one-line question in a box over the screen: a title, a
 * hint under the field ("YYYY-MM-DD HH:MM", "digits, then Enter"), and
 * the answer typed (or a prefilled one edited). Enter gives it, Escape
 * cancels. */
#ifndef CZ_TUI_ASK_H
#define CZ_TUI_ASK_H

#include "input.h"
#include "tui.h"

struct tui_ask {
	char			title[64];
	char			hint[128];
	struct tui_input	in;
};

void		 tui_ask_init(struct tui_ask *, const char *title,
		    const char *hint, const char *value);
/* The answer as a new UTF-8 string. */
char		*tui_ask_get(const struct tui_ask *);
/* TUI_DONE on Enter, TUI_CANCEL on Escape, else TUI_USED. */
enum tui_result	 tui_ask_key(struct tui_ask *, const struct tui_key *);
void		 tui_ask_draw(struct tui_ask *, WINDOW *);

#endif
