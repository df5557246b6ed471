/* pick.c: the pick list. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "pick.h"
#include "text.h"
#include "xmalloc.h"

void
tui_pick_init(struct tui_pick *p, const char *title)
{
	memset(p, 0, sizeof *p);
	snprintf(p->title, sizeof p->title, "%s", title);
}

void
tui_pick_add(struct tui_pick *p, const char *item)
{
	if (p->n < TUI_PICK_MAX)
		p->items[p->n++] = xstrdup(item);
}

void
tui_pick_free(struct tui_pick *p)
{
	for (int i = 0; i < p->n; i++)
		free(p->items[i]);
	p->n = 0;
}

/* The letter: the next item starting with it; chosen if it is the only one. */
static enum tui_result
tui_pick_letter(struct tui_pick *p, int c)
{
	int first = -1, count = 0;

	for (int i = 1; i <= p->n; i++) {
		int j = (p->sel + i) % p->n;

		if (tolower((unsigned char)p->items[j][0]) != tolower(c))
			continue;
		if (first < 0)
			first = j;
		count++;
	}
	if (first < 0)
		return TUI_USED;
	p->sel = first;
	return count == 1 ? TUI_DONE : TUI_USED;
}

enum tui_result
tui_pick_key(struct tui_pick *p, const struct tui_key *k)
{
	if (p->n == 0)
		return TUI_CANCEL;
	if (!k->fn && k->ch < 0x80 && isalnum((int)k->ch))
		return tui_pick_letter(p, (int)k->ch);
	switch (k->fn ? k->fn : (int)k->ch) {
	case KEY_UP:
		p->sel = (p->sel + p->n - 1) % p->n;
		return TUI_USED;
	case KEY_DOWN:
		p->sel = (p->sel + 1) % p->n;
		return TUI_USED;
	case KEY_HOME:
		p->sel = 0;
		return TUI_USED;
	case KEY_END:
		p->sel = p->n - 1;
		return TUI_USED;
	case KEY_ENTER:
		return TUI_DONE;
	case TUI_ESC:
		return TUI_CANCEL;
	}
	return TUI_USED;	/* modal: nothing else gets through */
}

void
tui_pick_draw(struct tui_pick *p, WINDOW *win)
{
	struct tui_rect	r;
	int		w = tui_text_width(p->title) + 6, rows;

	for (int i = 0; i < p->n; i++)
		if (tui_text_width(p->items[i]) + 6 > w)
			w = tui_text_width(p->items[i]) + 6;
	w = w < 30 ? 30 : w;
	r = tui_centre(p->n + 3, w);
	rows = r.h - 3;
	if (p->sel < p->top)
		p->top = p->sel;
	if (rows > 0 && p->sel >= p->top + rows)
		p->top = p->sel - rows + 1;
	tui_text_fill(win, r, tui_attr(TUI_NORMAL));
	tui_text_box(win, r, p->title, tui_attr(TUI_FRAME));
	for (int i = 0; i < rows && p->top + i < p->n; i++) {
		int		 j = p->top + i;
		attr_t		 a = tui_attr(j == p->sel ? TUI_SELECTED : TUI_NORMAL);
		struct tui_rect	 line = { r.y + 1 + i, r.x + 1, 1, r.w - 2 };

		tui_text_fill(win, line, a);
		tui_text_put(win, line.y, line.x + 2, line.w - 3, p->items[j], a);
	}
	tui_text_put(win, r.y + r.h - 2, r.x + 2, r.w - 4,
	    "Enter: choose  Esc: cancel", tui_attr(TUI_LABEL));
}
