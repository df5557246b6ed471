/* help.c: the help screen, drawn from the keymap table so it cannot
 * disagree with what the keys do. */
#include <stdio.h>
#include "help.h"
#include "keys.h"
#include "text.h"

/* Keys that are not in the table. */
static const char *help_extra[][2] = {
	{ "Tab", "go to the note editor and back" },
	{ "^L", "redraw the screen" },
	{ "^C", "quit, like F10" },
};
#define HELP_NEXTRA	(sizeof help_extra / sizeof help_extra[0])

void
help_draw(struct console *c)
{
	struct tui_rect	r = tui_centre(keys_count + HELP_NEXTRA + 3, 72);
	attr_t		key = tui_attr(TUI_FKEY), label = tui_attr(TUI_LABEL);
	int		y = r.y + 1, w = r.w - 4;
	char		fk[16];

	tui_text_fill(stdscr, r, tui_attr(TUI_NORMAL));
	tui_text_box(stdscr, r, "Help: keys", tui_attr(TUI_FRAME));
	for (int i = 0; i < keys_count && y < r.y + r.h - 2; i++, y++) {
		const struct keys_entry *e = &keys_table[i];

		snprintf(fk, sizeof fk, "F%d", e->fkey ? e->fkey - KEY_F0 : 0);
		if (e->fkey)
			tui_text_put(stdscr, y, r.x + 2, 4, fk, key);
		if (e->letter == TUI_ESC)
			tui_text_put(stdscr, y, r.x + 6, 3, "Esc", key);
		else
			tui_text_printf(stdscr, y, r.x + 7, 2, key, "%c", e->letter);
		tui_text_printf(stdscr, y, r.x + 10, w - 8, label, "%-9s",
		    e->label);
		tui_text_put(stdscr, y, r.x + 20, w - 18, e->help,
		    tui_attr(TUI_NORMAL));
	}
	for (size_t i = 0; i < HELP_NEXTRA && y < r.y + r.h - 2; i++, y++) {
		tui_text_put(stdscr, y, r.x + 2, 6, help_extra[i][0], key);
		tui_text_put(stdscr, y, r.x + 20, w - 18, help_extra[i][1],
		    tui_attr(TUI_NORMAL));
	}
	tui_text_put(stdscr, r.y + r.h - 2, r.x + 2, w,
	    "Letters work when not writing the note. Any key closes this.",
	    label);
}
