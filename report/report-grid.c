/* report-grid.c: prints a report from its column table, one row of text
 * cells at a time: 80 columns (the brief columns, text cut to its width),
 * --wide (every column) or CSV (every column, quoted where needed). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "report-grid.h"

static int
shown(const struct grid *g, int i)
{
	if (g->cols[i].brief == 3)
		return 0;
	if (g->cols[i].brief == 2)
		return g->v->form == RF_BRIEF;
	return g->cols[i].brief || g->v->form != RF_BRIEF;
}

static void
csv_cell(const char *s)
{
	if (strpbrk(s, ",\"\n") == NULL) {
		fputs(s, stdout);
		return;
	}
	putchar('"');
	for (; *s; s++) {
		if (*s == '"')
			putchar('"');
		putchar(*s);
	}
	putchar('"');
}

static void
cell(const struct grid *g, int i, const char *s, int first)
{
	int w = g->cols[i].width, aw = w < 0 ? -w : w;

	if (g->v->form == RF_CSV) {
		if (!first)
			putchar(',');
		csv_cell(s);
		return;
	}
	if (!first)
		putchar(' ');
	if (w < 0 && g->v->form == RF_WIDE)	/* wide: nothing cut */
		printf("%-*s", aw, s);
	else if (w < 0)
		printf("%-*.*s", aw, aw, s);
	else
		printf("%*s", aw, s);
}

static void
line(const struct grid *g, const char *const *cells)
{
	int first = 1;

	for (int i = 0; i < g->n; i++)
		if (shown(g, i)) {
			cell(g, i, cells[i] ? cells[i] : "", first);
			first = 0;
		}
	putchar('\n');
}

void
grid_head(struct grid *g, const struct grid_col *cols, int n,
    const struct report_view *v)
{
	const char *cells[GRID_COLS];

	memset(g, 0, sizeof *g);
	g->cols = cols;
	g->n = n < GRID_COLS ? n : GRID_COLS;
	g->v = v;
	for (int i = 0; i < g->n; i++)
		cells[i] = v->form == RF_CSV ? cols[i].csv : cols[i].head;
	line(g, cells);
}

void
grid_row(struct grid *g, const char *const *cells)
{
	for (int i = 0; i < g->n; i++)
		if (g->cols[i].total && cells[i] != NULL)
			g->tot[i] += atof(cells[i]);
	g->rows++;
	line(g, cells);
}

void
grid_row_stmt(struct grid *g, sqlite3_stmt *st)
{
	const char *cells[GRID_COLS];

	for (int i = 0; i < g->n; i++)
		cells[i] = (const char *)sqlite3_column_text(st, i);
	grid_row(g, cells);
}

void
grid_end(struct grid *g)
{
	char		 buf[GRID_COLS][24];
	const char	*cells[GRID_COLS];

	if (g->v->form == RF_CSV)
		return;
	if (g->v->totals) {
		for (int i = 0; i < g->n; i++) {
			snprintf(buf[i], sizeof buf[i], "%.0f", g->tot[i]);
			cells[i] = g->cols[i].total ? buf[i] : "";
		}
		for (int i = 0; i < g->n; i++)
			if (shown(g, i)) {
				cells[i] = "Total";
				break;
			}
		putchar('\n');
		line(g, cells);
	}
	putchar('\n');
}
