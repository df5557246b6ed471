/* editor.c: the note editor. The layout (where each screen row starts) is
 * worked out from the text and the width whenever it is needed: notes are
 * short, and nothing then goes stale on a resize. */
#include <stdlib.h>
#include <string.h>
#include <wctype.h>
#include "editor.h"
#include "text.h"
#include "xmalloc.h"

/* Where each row starts, for a width. */
struct tui_editor_rows {
	size_t	*start;
	size_t	 n;
};

void
tui_editor_init(struct tui_editor *ed)
{
	memset(ed, 0, sizeof *ed);
	ed->goal = -1;
	ed->width = 40;
}

void
tui_editor_free(struct tui_editor *ed)
{
	free(ed->buf);
	tui_editor_init(ed);
}

void
tui_editor_set(struct tui_editor *ed, const char *s)
{
	size_t n = strlen(s);

	if (n > TUI_EDITOR_MAX)
		n = TUI_EDITOR_MAX;
	if (ed->cap < n + 1) {
		ed->cap = n + 1;
		ed->buf = xrealloc(ed->buf, ed->cap * sizeof *ed->buf);
	}
	ed->len = tui_text_decode(s, ed->buf, n);
	ed->cur = ed->len;
	ed->top = 0;
	ed->goal = -1;
}

char *
tui_editor_get(const struct tui_editor *ed)
{
	return tui_text_encode(ed->buf, ed->len);
}

int
tui_editor_empty(const struct tui_editor *ed)
{
	return ed->len == 0;
}

static void
tui_editor_push(struct tui_editor_rows *rows, size_t at)
{
	rows->start = xrealloc(rows->start, (rows->n + 1) * sizeof *rows->start);
	rows->start[rows->n++] = at;
}

/* Breaks the text into rows of at most w cells, at a space if there is
 * one in the row, else where it overflows. */
static void
tui_editor_layout(const struct tui_editor *ed, int w, struct tui_editor_rows *rows)
{
	size_t	i = 0, start = 0, space = 0;
	int	col = 0, cw, have_space = 0;

	rows->start = NULL;
	rows->n = 0;
	tui_editor_push(rows, 0);
	while (i < ed->len) {
		if (ed->buf[i] == '\n') {
			start = ++i;
			tui_editor_push(rows, start);
			col = have_space = 0;
			continue;
		}
		cw = tui_text_cells(ed->buf[i]);
		if (col + cw > w && col > 0) {
			start = have_space && space + 1 < i ? space + 1 : i;
			tui_editor_push(rows, start);
			col = have_space = 0;
			for (size_t j = start; j < i; j++)
				col += tui_text_cells(ed->buf[j]);
			continue;
		}
		if (ed->buf[i] == ' ') {
			space = i;
			have_space = 1;
		}
		col += cw;
		i++;
	}
}

/* The row holding position at. */
static size_t
tui_editor_row_of(const struct tui_editor_rows *rows, size_t at)
{
	size_t r = 0;

	while (r + 1 < rows->n && rows->start[r + 1] <= at)
		r++;
	return r;
}

/* Where row r ends (its newline or the next row's start). */
static size_t
tui_editor_row_end(const struct tui_editor *ed, const struct tui_editor_rows *rows,
    size_t r)
{
	size_t end = r + 1 < rows->n ? rows->start[r + 1] : ed->len;

	if (end > rows->start[r] && end <= ed->len && ed->buf[end - 1] == '\n')
		end--;
	return end;
}

static int
tui_editor_cells(const struct tui_editor *ed, size_t a, size_t b)
{
	int n = 0;

	for (size_t i = a; i < b; i++)
		n += tui_text_cells(ed->buf[i]);
	return n;
}

/* Moves the cursor to row r, as near the goal column as it goes. */
static void
tui_editor_to_row(struct tui_editor *ed, const struct tui_editor_rows *rows,
    size_t r)
{
	size_t	i = rows->start[r], end = tui_editor_row_end(ed, rows, r);
	int	col = 0;

	while (i < end && col + tui_text_cells(ed->buf[i]) <= ed->goal)
		col += tui_text_cells(ed->buf[i++]);
	ed->cur = i;
}

static void
tui_editor_insert(struct tui_editor *ed, wchar_t c)
{
	if (ed->len >= TUI_EDITOR_MAX)
		return;
	if (ed->len + 1 > ed->cap) {
		ed->cap = ed->cap ? ed->cap * 2 : 256;
		ed->buf = xrealloc(ed->buf, ed->cap * sizeof *ed->buf);
	}
	memmove(ed->buf + ed->cur + 1, ed->buf + ed->cur,
	    (ed->len - ed->cur) * sizeof *ed->buf);
	ed->buf[ed->cur++] = c;
	ed->len++;
	ed->changed = 1;
}

static void
tui_editor_delete(struct tui_editor *ed, size_t at)
{
	if (at >= ed->len)
		return;
	memmove(ed->buf + at, ed->buf + at + 1,
	    (ed->len - at - 1) * sizeof *ed->buf);
	ed->len--;
	ed->changed = 1;
}

/* Up, Down, Home and End: they move by screen rows. */
static void
tui_editor_move(struct tui_editor *ed, int key)
{
	struct tui_editor_rows	rows;
	size_t			r;

	tui_editor_layout(ed, ed->width, &rows);
	r = tui_editor_row_of(&rows, ed->cur);
	if (ed->goal < 0)
		ed->goal = tui_editor_cells(ed, rows.start[r], ed->cur);
	if (key == KEY_UP && r > 0)
		tui_editor_to_row(ed, &rows, r - 1);
	else if (key == KEY_DOWN && r + 1 < rows.n)
		tui_editor_to_row(ed, &rows, r + 1);
	else if (key == KEY_HOME)
		ed->cur = rows.start[r];
	else if (key == KEY_END)
		ed->cur = tui_editor_row_end(ed, &rows, r);
	free(rows.start);
}

enum tui_result
tui_editor_key(struct tui_editor *ed, const struct tui_key *k)
{
	int key = k->fn ? k->fn : (int)k->ch;

	if (key == KEY_UP || key == KEY_DOWN) {
		tui_editor_move(ed, key);
		return TUI_USED;
	}
	ed->goal = -1;
	if (!k->fn && k->ch >= 0x20 && k->ch != 0x7f &&
	    (k->ch < 0x80 || (tui_is_utf8() && iswprint(k->ch)))) {
		tui_editor_insert(ed, k->ch);
		return TUI_USED;
	}
	switch (key) {
	case KEY_ENTER:
		tui_editor_insert(ed, '\n');
		break;
	case KEY_BACKSPACE:
		if (ed->cur > 0)
			tui_editor_delete(ed, --ed->cur);
		break;
	case KEY_DC:
		tui_editor_delete(ed, ed->cur);
		break;
	case KEY_LEFT:
		if (ed->cur > 0)
			ed->cur--;
		break;
	case KEY_RIGHT:
		if (ed->cur < ed->len)
			ed->cur++;
		break;
	case KEY_HOME:
	case KEY_END:
		tui_editor_move(ed, key);
		break;
	default:
		return TUI_UNUSED;
	}
	return TUI_USED;
}

void
tui_editor_draw(struct tui_editor *ed, WINDOW *win, struct tui_rect r,
    int focused)
{
	struct tui_editor_rows	rows;
	size_t			cr, end;
	attr_t			a = tui_attr(TUI_NORMAL);

	if (r.w < 2 || r.h < 1)
		return;
	ed->width = r.w - 1;	/* a cell for the cursor after the last character */
	tui_editor_layout(ed, ed->width, &rows);
	cr = tui_editor_row_of(&rows, ed->cur);
	if ((int)cr < ed->top)
		ed->top = cr;
	if ((int)cr >= ed->top + r.h)
		ed->top = cr - r.h + 1;
	if (ed->top > 0 && (int)rows.n - ed->top < r.h)
		ed->top = rows.n > (size_t)r.h ? (int)rows.n - r.h : 0;
	for (int i = 0; i < r.h && ed->top + i < (int)rows.n; i++) {
		size_t row = ed->top + i;

		end = tui_editor_row_end(ed, &rows, row);
		tui_text_putw(win, r.y + i, r.x, r.w, ed->buf + rows.start[row],
		    end - rows.start[row], a);
	}
	if (focused)
		tui_want_cursor(r.y + (int)cr - ed->top, r.x +
		    tui_editor_cells(ed, rows.start[cr], ed->cur));
	free(rows.start);
}
