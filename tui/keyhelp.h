/* keyhelp.h: the help screen of a console: a box listing the keys of its
 * keymap (function key, letter, label, help text) and a few lines of
 * keys that are not in it (Tab, ^L), scrolling on a short terminal. The
 * rows point into the keymap, so the help cannot disagree with it. */
#ifndef CZ_TUI_KEYHELP_H
#define CZ_TUI_KEYHELP_H

#include "keymap.h"
#include "tui.h"

/* A keymap entry (key), or a key the keymap lacks (name and text). */
struct tui_keyhelp_row {
	const struct tui_keydef	*key;
	const char		*name;
	const char		*text;
};

/* The first row shown, within this terminal's box: top clamped. */
int	tui_keyhelp_top(int nrows, int top);
/* Up/Down/PgUp/PgDn/space scroll (1); any other key closes it (0). */
int	tui_keyhelp_key(int nrows, int *top, const struct tui_key *);
void	tui_keyhelp_draw(WINDOW *, const char *title,
	    const struct tui_keyhelp_row *, int nrows, int top);

#endif
