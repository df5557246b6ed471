/* pick.c: the pick list (pick.h), a table of one column. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "pick.h"
#include "text.h"
#include "xmalloc.h"

static void
tui_pick_cell(const void *row, char *buf, size_t len)
{
	snprintf(buf, len, " %s", *(char *const *)row);
}

static const struct tui_column tui_pick_column[] = {
	{ "", 1, 1, 1, TUI_ALIGN_LEFT, tui_pick_cell, NULL, NULL },
};

void
tui_pick_init(struct tui_pick *p, const char *title)
{
	memset(p, 0, sizeof *p);
	snprintf(p->title, sizeof p->title, "%s", title);
	tui_table_init(&p->table, tui_pick_column, 1);
	p->table.headless = 1;
}

/* The table's rows are the items' slots, so its index is the item's. */
void
tui_pick_add(struct tui_pick *p, const char *item)
{
	if (p->n == TUI_PICK_MAX)
		return;
	p->items[p->n] = xstrdup(item);
	tui_table_add(&p->table, &p->items[p->n]);
	p->n++;
	tui_table_update(&p->table);
}

void
tui_pick_free(struct tui_pick *p)
{
	for (int i = 0; i < p->n; i++)
		free(p->items[i]);
	p->n = 0;
	tui_table_free(&p->table);
}

static void
tui_pick_select(struct tui_pick *p, int i)
{
	p->sel = (i + p->n) % p->n;	/* around from the last to the first */
	tui_table_select(&p->table, p->sel);
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
	tui_pick_select(p, first);
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
		tui_pick_select(p, p->sel - 1);
		return TUI_USED;
	case KEY_DOWN:
		tui_pick_select(p, p->sel + 1);
		return TUI_USED;
	case KEY_HOME:
		tui_pick_select(p, 0);
		return TUI_USED;
	case KEY_END:
		tui_pick_select(p, p->n - 1);
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
	int		w = tui_text_width(p->title) + 6;

	for (int i = 0; i < p->n; i++)
		if (tui_text_width(p->items[i]) + 6 > w)
			w = tui_text_width(p->items[i]) + 6;
	w = w < 30 ? 30 : w;
	r = tui_centre(p->n + 3, w);
	tui_text_fill(win, r, tui_attr(TUI_NORMAL));
	tui_text_box(win, r, p->title, tui_attr(TUI_FRAME));
	tui_table_draw(&p->table, win, (struct tui_rect){ r.y + 1, r.x + 1,
	    r.h - 3, r.w - 2 }, 1);
	tui_text_put(win, r.y + r.h - 2, r.x + 2, r.w - 4,
	    "Enter: choose  Esc: cancel", tui_attr(TUI_LABEL));
}
