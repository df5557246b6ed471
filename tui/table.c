/* table.c: the table (table.h): rows kept as the program's pointers, a
 * view of them filtered and sorted, the selection and the scroll, the
 * columns laid out from the width, and the drawing. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "table.h"
#include "text.h"
#include "xmalloc.h"

void
tui_table_init(struct tui_table *t, const struct tui_column *cols, int n)
{
	memset(t, 0, sizeof *t);
	t->cols = cols;
	t->ncols = n;
	t->sel = -1;
	t->sort_col = -1;
}

void
tui_table_free(struct tui_table *t)
{
	free(t->rows);
	free(t->view);
	t->rows = NULL;
	t->view = NULL;
	t->nrows = t->nview = t->cap = 0;
}

void
tui_table_clear(struct tui_table *t)
{
	t->nrows = 0;
}

void
tui_table_add(struct tui_table *t, const void *row)
{
	if (t->nrows == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 16;
		t->rows = xrealloc(t->rows, t->cap * sizeof *t->rows);
		t->view = xrealloc(t->view, t->cap * sizeof *t->view);
	}
	t->rows[t->nrows++] = row;
}

/* The text of a cell as the column gives it. */
static void
tui_table_text(const struct tui_table *t, int col, const void *row, char *buf,
    size_t len)
{
	buf[0] = '\0';
	if (t->cols[col].cell != NULL)
		t->cols[col].cell(row, buf, len);
}

/* Whole numbers and decimals compare as numbers, the rest as text. */
static int
tui_table_cmp_text(const char *a, const char *b)
{
	char	*ea, *eb;
	double	 x = strtod(a, &ea), y = strtod(b, &eb);

	if (ea != a && eb != b && *ea == '\0' && *eb == '\0')
		return x < y ? -1 : x > y;
	return strcasecmp(a, b);
}

static int
tui_table_cmp(const struct tui_table *t, int ia, int ib)
{
	const struct tui_column	*c = &t->cols[t->sort_col];
	char			 a[TUI_TABLE_CELL], b[TUI_TABLE_CELL];
	int			 r;

	if (c->cmp != NULL)
		r = c->cmp(t->rows[ia], t->rows[ib]);
	else {
		tui_table_text(t, t->sort_col, t->rows[ia], a, sizeof a);
		tui_table_text(t, t->sort_col, t->rows[ib], b, sizeof b);
		r = tui_table_cmp_text(a, b);
	}
	return t->sort_desc ? -r : r;
}

/* A stable insertion sort of the view: tables are screenfuls, and equal
 * rows keep the order they came in, so a live table does not jitter. */
static void
tui_table_sort_view(struct tui_table *t)
{
	if (t->sort_col < 0 || t->sort_col >= t->ncols)
		return;
	for (int i = 1; i < t->nview; i++) {
		int v = t->view[i], j = i;

		for (; j > 0 && tui_table_cmp(t, t->view[j - 1], v) > 0; j--)
			t->view[j] = t->view[j - 1];
		t->view[j] = v;
	}
}

/* Whether a row passes the predicate and has the filter text in a cell. */
static int
tui_table_passes(const struct tui_table *t, const void *row)
{
	char buf[TUI_TABLE_CELL];

	if (t->pred != NULL && !t->pred(row, t->pred_arg))
		return 0;
	if (t->filter[0] == '\0')
		return 1;
	for (int i = 0; i < t->ncols; i++) {
		tui_table_text(t, i, row, buf, sizeof buf);
		if (strcasestr(buf, t->filter) != NULL)
			return 1;
	}
	return 0;
}

void
tui_table_update(struct tui_table *t)
{
	const void *was = tui_table_selected(t);

	t->nview = 0;
	for (int i = 0; i < t->nrows; i++)
		if (tui_table_passes(t, t->rows[i]))
			t->view[t->nview++] = i;
	tui_table_sort_view(t);
	t->sel = t->nview > 0 ? 0 : -1;
	for (int i = 0; was != NULL && i < t->nview; i++)
		if (t->rows[t->view[i]] == was)
			t->sel = i;
	if (t->top > t->sel)
		t->top = t->sel > 0 ? t->sel : 0;
}

void
tui_table_sort(struct tui_table *t, int col)
{
	if (col < 0 || col >= t->ncols)
		return;
	t->sort_desc = col == t->sort_col ? !t->sort_desc : 0;
	t->sort_col = col;
	tui_table_update(t);
}

void
tui_table_filter(struct tui_table *t, const char *text)
{
	snprintf(t->filter, sizeof t->filter, "%s", text != NULL ? text : "");
	tui_table_update(t);
}

void
tui_table_filter_pred(struct tui_table *t, int (*pred)(const void *, void *),
    void *arg)
{
	t->pred = pred;
	t->pred_arg = arg;
	tui_table_update(t);
}

const void *
tui_table_selected(const struct tui_table *t)
{
	if (t->sel < 0 || t->sel >= t->nview)
		return NULL;
	return t->rows[t->view[t->sel]];
}

void
tui_table_select(struct tui_table *t, int index)
{
	if (t->nview == 0)
		t->sel = -1;
	else
		t->sel = index < 0 ? 0 : index >= t->nview ? t->nview - 1 : index;
}

void
tui_table_scroll(struct tui_table *t, int rows)
{
	int max = t->nview - rows;

	if (rows < 1)
		return;
	if (t->sel >= 0 && t->sel < t->top)
		t->top = t->sel;
	if (t->sel >= t->top + rows)
		t->top = t->sel - rows + 1;
	if (t->top > max)
		t->top = max;
	if (t->top < 0)
		t->top = 0;
}

enum tui_result
tui_table_key(struct tui_table *t, const struct tui_key *k, int rows)
{
	int page = rows > 1 ? rows - 1 : 1;

	switch (k->fn ? k->fn : (int)k->ch) {
	case KEY_UP:	tui_table_select(t, t->sel - 1); break;
	case KEY_DOWN:	tui_table_select(t, t->sel + 1); break;
	case KEY_PPAGE:	tui_table_select(t, t->sel - page); break;
	case KEY_NPAGE:	tui_table_select(t, t->sel + page); break;
	case KEY_HOME:	tui_table_select(t, 0); break;
	case KEY_END:	tui_table_select(t, t->nview - 1); break;
	case '<':	tui_table_sort(t, t->sort_col > 0 ? t->sort_col - 1 :
			    t->ncols - 1); break;
	case '>':	tui_table_sort(t, (t->sort_col + 1) % t->ncols); break;
	case KEY_ENTER:	return t->sel >= 0 ? TUI_DONE : TUI_USED;
	default:	return TUI_UNUSED;
	}
	tui_table_scroll(t, rows);
	return TUI_USED;
}

/* Shrinks the column with the most cells above its minimum by one;
 * 0 when none can shrink. */
static int
tui_table_shrink(const struct tui_table *t, int *widths)
{
	int best = -1;

	for (int i = 0; i < t->ncols; i++) {
		int room = widths[i] - t->cols[i].min_width;

		if (t->cols[i].min_width > 0 && room > 0 && (best < 0 ||
		    room > widths[best] - t->cols[best].min_width))
			best = i;
	}
	if (best < 0)
		return 0;
	widths[best]--;
	return 1;
}

/* Cells the shown columns take, with a space between two. */
static int
tui_table_used(const struct tui_table *t, const int *widths)
{
	int used = 0, shown = 0;

	for (int i = 0; i < t->ncols; i++)
		if (widths[i] > 0) {
			used += widths[i];
			shown++;
		}
	return shown > 0 ? used + shown - 1 : 0;
}

/* Gives the spare cells to the growing columns, in turn. */
static void
tui_table_grow(const struct tui_table *t, int *widths, int spare)
{
	int growers = 0;

	for (int i = 0; i < t->ncols; i++)
		growers += t->cols[i].grow && widths[i] > 0;
	for (int i = 0; growers > 0 && spare > 0; i = (i + 1) % t->ncols)
		if (t->cols[i].grow && widths[i] > 0) {
			widths[i]++;
			spare--;
		}
}

int
tui_table_layout(const struct tui_table *t, int w, int *widths)
{
	int used;

	for (int i = 0; i < t->ncols; i++)
		widths[i] = t->cols[i].width;
	while (tui_table_used(t, widths) > w && tui_table_shrink(t, widths))
		;
	/* Still too wide: the last columns go. */
	for (int i = t->ncols - 1; i > 0 && tui_table_used(t, widths) > w; i--)
		widths[i] = 0;
	if (t->ncols > 0 && widths[0] > w)
		widths[0] = w > 0 ? w : 0;
	used = tui_table_used(t, widths);
	if (used < w)
		tui_table_grow(t, widths, w - used);
	return tui_table_used(t, widths);
}

void
tui_table_cell(const struct tui_table *t, int col, const void *row, int width,
    char *buf, size_t len)
{
	char		 text[TUI_TABLE_CELL], *clipped;
	wchar_t		 wc[TUI_TABLE_CELL];
	size_t		 n, keep = 0;
	int		 cells = 0, pad;

	tui_table_text(t, col, row, text, sizeof text);
	n = tui_text_decode(text, wc, TUI_TABLE_CELL);
	for (; keep < n && cells + tui_text_cells(wc[keep]) <= width; keep++)
		cells += tui_text_cells(wc[keep]);
	clipped = tui_text_encode(wc, keep);
	pad = t->cols[col].align == TUI_ALIGN_RIGHT ? width - cells : 0;
	snprintf(buf, len, "%*s%s", pad, "", clipped);
	free(clipped);
}

static void
tui_table_draw_row(struct tui_table *t, WINDOW *win, int y, int x,
    const int *widths, int i, attr_t sel)
{
	const void	*row = t->rows[t->view[i]];
	char		 buf[TUI_TABLE_CELL * 2];

	for (int c = 0; c < t->ncols; c++) {
		enum tui_color color = t->cols[c].color != NULL ?
		    t->cols[c].color(row) : TUI_NORMAL;

		if (widths[c] == 0)
			continue;
		tui_table_cell(t, c, row, widths[c], buf, sizeof buf);
		tui_text_put(win, y, x, widths[c], buf, sel ? sel :
		    tui_attr(color));
		x += widths[c] + 1;
	}
}

/* The column titles, the sort column marked. */
static void
tui_table_draw_head(struct tui_table *t, WINDOW *win, struct tui_rect r,
    const int *widths)
{
	struct tui_rect	line = { r.y, r.x, 1, r.w };
	attr_t		a = tui_attr(TUI_HEADER);
	int		x = r.x;

	tui_text_fill(win, line, a);
	for (int c = 0; c < t->ncols; c++) {
		const char *mark = c != t->sort_col ? "" : !tui_is_utf8() ?
		    (t->sort_desc ? "v" : "^") : t->sort_desc ?
		    "\xe2\x96\xbc" : "\xe2\x96\xb2";	/* U+25BC, U+25B2 */
		int tw = tui_text_width(t->cols[c].title) + tui_text_width(mark);
		int at = t->cols[c].align == TUI_ALIGN_RIGHT && tw < widths[c] ?
		    widths[c] - tw : 0;

		if (widths[c] == 0)
			continue;
		tui_text_printf(win, r.y, x + at, widths[c] - at, a, "%s%s",
		    t->cols[c].title, mark);
		x += widths[c] + 1;
	}
}

void
tui_table_draw(struct tui_table *t, WINDOW *win, struct tui_rect r,
    int focused)
{
	int widths[32], head = !t->headless, rows = r.h - head;

	if (r.h < 1 || t->ncols > 32)
		return;
	tui_table_layout(t, r.w, widths);
	if (head)
		tui_table_draw_head(t, win, r, widths);
	tui_table_scroll(t, rows);
	for (int i = 0; i < rows && t->top + i < t->nview; i++) {
		int		 j = t->top + i;
		attr_t		 sel = focused && j == t->sel ?
				    tui_attr(TUI_SELECTED) : 0;
		struct tui_rect	 line = { r.y + head + i, r.x, 1, r.w };

		if (sel)
			tui_text_fill(win, line, sel);
		tui_table_draw_row(t, win, line.y, r.x, widths, j, sel);
	}
}
