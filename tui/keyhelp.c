/* keyhelp.c: the help screen (keyhelp.h). */
#include <stdio.h>
#include "keyhelp.h"
#include "text.h"

#define TUI_KEYHELP_W	74	/* the box's width, at most */

/* Rows of keys the box shows on this terminal. */
static int
tui_keyhelp_shown(int nrows)
{
	return tui_centre(nrows + 3, TUI_KEYHELP_W).h - 3;
}

int
tui_keyhelp_top(int nrows, int top)
{
	int max = nrows - tui_keyhelp_shown(nrows);

	if (top > max)
		top = max;
	return top < 0 ? 0 : top;
}

int
tui_keyhelp_key(int nrows, int *top, const struct tui_key *k)
{
	int page = tui_keyhelp_shown(nrows) - 1;

	if (tui_key_is(k, KEY_DOWN))
		*top += 1;
	else if (tui_key_is(k, KEY_NPAGE) || tui_key_char(k, ' '))
		*top += page;
	else if (tui_key_is(k, KEY_UP))
		*top -= 1;
	else if (tui_key_is(k, KEY_PPAGE))
		*top -= page;
	else
		return 0;
	*top = tui_keyhelp_top(nrows, *top);
	return 1;
}

static void
tui_keyhelp_row(WINDOW *win, const struct tui_keyhelp_row *row, int y, int x,
    int w)
{
	const struct tui_keydef	*e = row->key;
	attr_t			 key = tui_attr(TUI_FKEY);

	if (e == NULL) {
		tui_text_put(win, y, x, 6, row->name, key);
		tui_text_put(win, y, x + 19, w - 19, row->text,
		    tui_attr(TUI_NORMAL));
		return;
	}
	tui_text_put(win, y, x, 4, tui_keydef_fname(e->fkey), key);
	if (e->letter == TUI_ESC)
		tui_text_put(win, y, x + 4, 3, "Esc", key);
	else if (e->letter != 0)
		tui_text_printf(win, y, x + 5, 2, key, "%c", e->letter);
	tui_text_printf(win, y, x + 8, 10, tui_attr(TUI_LABEL), "%s", e->label);
	tui_text_put(win, y, x + 19, w - 19, e->help, tui_attr(TUI_NORMAL));
}

void
tui_keyhelp_draw(WINDOW *win, const char *title,
    const struct tui_keyhelp_row *rows, int nrows, int top)
{
	struct tui_rect	r = tui_centre(nrows + 3, TUI_KEYHELP_W);
	int		shown = tui_keyhelp_shown(nrows), y = r.y + 1;

	tui_text_fill(win, r, tui_attr(TUI_NORMAL));
	tui_text_box(win, r, title, tui_attr(TUI_FRAME));
	for (int i = tui_keyhelp_top(nrows, top); i < nrows && y < r.y + 1 +
	    shown; i++, y++)
		tui_keyhelp_row(win, &rows[i], y, r.x + 2, r.w - 4);
	tui_text_put(win, r.y + r.h - 2, r.x + 2, r.w - 4, shown < nrows ?
	    "Up/Down, PgUp/PgDn: more keys; any other key closes this." :
	    "Letters work when not writing the note. Any key closes this.",
	    tui_attr(TUI_LABEL));
}
