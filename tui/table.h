/* table.h: a table of rows the program owns (agents, queues, callers),
 * in htop's Panel style. Columns are data: a title, a width and the
 * width it may shrink to, how it aligns, whether it takes the spare
 * cells of a wide terminal, a cell function and a colour function (a
 * threshold, thresh.h). The table sorts by a column (both ways, stable),
 * filters (text in any cell, and a predicate), keeps the selected row
 * when rows come and go, and scrolls to keep it in view. Everything but
 * tui_table_draw works without a terminal. */
#ifndef CZ_TUI_TABLE_H
#define CZ_TUI_TABLE_H

#include <stddef.h>
#include "tui.h"

#define TUI_TABLE_CELL	256	/* bytes of one cell's text */

enum tui_align {
	TUI_ALIGN_LEFT,
	TUI_ALIGN_RIGHT
};

struct tui_column {
	const char	*title;
	int		 width;		/* cells wanted */
	int		 min_width;	/* may shrink to (0: never shrinks) */
	int		 grow;		/* takes spare cells on a wide screen */
	enum tui_align	 align;
	/* The cell's text for a row. */
	void		(*cell)(const void *row, char *buf, size_t len);
	/* Its colour (NULL: normal). */
	enum tui_color	(*color)(const void *row);
	/* Sort order (NULL: the cells' texts, numbers as numbers). */
	int		(*cmp)(const void *a, const void *b);
};

struct tui_table {
	const struct tui_column	 *cols;
	int			  ncols;
	const void		**rows;		/* all of them, as added */
	int			  nrows, cap;
	int			 *view;		/* rows shown: filtered, sorted */
	int			  nview;
	int			  sel;		/* in view; -1: none */
	int			  top;		/* first row of view shown */
	int			  sort_col;	/* -1: as added */
	int			  sort_desc;
	char			  filter[64];	/* "" : none */
	int			(*pred)(const void *row, void *arg);
	void			 *pred_arg;
	int			  headless;	/* no title row (a pick list) */
};

void	tui_table_init(struct tui_table *, const struct tui_column *, int n);
void	tui_table_free(struct tui_table *);
/* Rows are added, then tui_table_update shows them; clear drops them
 * all (to add the new set and update, keeping the selection). */
void	tui_table_clear(struct tui_table *);
void	tui_table_add(struct tui_table *, const void *row);
/* Filters and sorts again, keeping the selected row selected if it is
 * still shown. */
void	tui_table_update(struct tui_table *);
/* Sorts by column col; the same column again reverses the order. */
void	tui_table_sort(struct tui_table *, int col);
void	tui_table_filter(struct tui_table *, const char *text);
void	tui_table_filter_pred(struct tui_table *,
	    int (*pred)(const void *, void *), void *arg);
/* The selected row, or NULL. */
const void *tui_table_selected(const struct tui_table *);
void	tui_table_select(struct tui_table *, int index);
/* Moves top so that the selection is in view in a window of rows rows. */
void	tui_table_scroll(struct tui_table *, int rows);
/* Up/Down/PgUp/PgDn/Home/End move the selection ('<' and '>' change the
 * sort column, '/' is the caller's); TUI_DONE on Enter, else TUI_USED or
 * TUI_UNUSED. rows: the rows in view, for a page. */
enum tui_result tui_table_key(struct tui_table *, const struct tui_key *,
	    int rows);
/* Widths of the columns in w cells (0: not shown), one space between;
 * returns the cells used. */
int	tui_table_layout(const struct tui_table *, int w, int *widths);
/* A cell's text, aligned and clipped to width (for tests and drawing). */
void	tui_table_cell(const struct tui_table *, int col, const void *row,
	    int width, char *buf, size_t len);
/* The title row and as many rows as fit in r; the selection reversed when
 * focused. */
void	tui_table_draw(struct tui_table *, WINDOW *, struct tui_rect,
	    int focused);

#endif
