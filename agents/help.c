/* help.c: the help screen, drawn from the keymap table so it cannot
 * disagree with what the keys do. On a short terminal it scrolls. */
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
#define HELP_NEXTRA	((int)(sizeof help_extra / sizeof help_extra[0]))
#define HELP_ROWS	(KA_COUNT + HELP_NEXTRA)

/* Rows of keys the box shows on this terminal. */
static int
help_rows_shown(void)
{
	struct tui_rect r = tui_centre(HELP_ROWS + 3, 74);

	return r.h - 3;
}

static void
help_row(int row, int y, int x, int w)
{
	attr_t	key = tui_attr(TUI_FKEY), label = tui_attr(TUI_LABEL);

	if (row >= KA_COUNT) {
		tui_text_put(stdscr, y, x, 6, help_extra[row - KA_COUNT][0], key);
		tui_text_put(stdscr, y, x + 19, w - 19,
		    help_extra[row - KA_COUNT][1], tui_attr(TUI_NORMAL));
		return;
	}
	const struct tui_keydef *e = &keys_table[row].key;

	tui_text_put(stdscr, y, x, 4, tui_keydef_fname(e->fkey), key);
	if (e->letter == TUI_ESC)
		tui_text_put(stdscr, y, x + 4, 3, "Esc", key);
	else
		tui_text_printf(stdscr, y, x + 5, 2, key, "%c", e->letter);
	tui_text_printf(stdscr, y, x + 8, 10, label, "%s", e->label);
	tui_text_put(stdscr, y, x + 19, w - 19, e->help, tui_attr(TUI_NORMAL));
}

/* The first row shown: where the keys left it, within this terminal. */
static int
help_top(int top)
{
	int max = HELP_ROWS - help_rows_shown();

	if (top > max)
		top = max;
	return top < 0 ? 0 : top;
}

void
help_draw(const struct console *c)
{
	struct tui_rect	r = tui_centre(HELP_ROWS + 3, 74);
	int		rows = help_rows_shown(), y = r.y + 1;

	tui_text_fill(stdscr, r, tui_attr(TUI_NORMAL));
	tui_text_box(stdscr, r, "Help: keys", tui_attr(TUI_FRAME));
	for (int i = help_top(c->help_top); i < HELP_ROWS && y < r.y + 1 + rows;
	    i++, y++)
		help_row(i, y, r.x + 2, r.w - 4);
	tui_text_put(stdscr, r.y + r.h - 2, r.x + 2, r.w - 4, rows < HELP_ROWS ?
	    "Up/Down, PgUp/PgDn: more keys; any other key closes this." :
	    "Letters work when not writing the note. Any key closes this.",
	    tui_attr(TUI_LABEL));
}

int
help_key(struct console *c, const struct tui_key *k)
{
	int rows = help_rows_shown();

	if (tui_key_is(k, KEY_DOWN))
		c->help_top++;
	else if (tui_key_is(k, KEY_NPAGE) || tui_key_char(k, ' '))
		c->help_top += rows - 1;
	else if (tui_key_is(k, KEY_UP))
		c->help_top--;
	else if (tui_key_is(k, KEY_PPAGE))
		c->help_top -= rows - 1;
	else
		return 0;
	c->help_top = help_top(c->help_top);
	return 1;
}
