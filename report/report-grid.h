/* report-grid.h: a report whose rows are text cells (a query's result, or
 * figures computed in C) printed from its column table as an 80-column
 * table, a wide table or CSV, with a Total row for --text and --print. */
#ifndef CZ_REPORT_GRID_H
#define CZ_REPORT_GRID_H

#include <sqlite3.h>
#include "report-table.h"

#define GRID_COLS	24

struct grid_col {
	const char	*csv, *head;	/* CSV name (stable), table header */
	int		 width;		/* > 0 right-aligned, < 0 left (text) */
	int		 brief;		/* 1: in every form; 0: not in the 80-
					   column table; 2: only there;
					   3: nowhere (a column a run
					   leaves out) */
	int		 total;		/* added up in the Total row */
};

struct grid {
	const struct grid_col	 *cols;
	int			  n;
	const struct report_view *v;
	double			  tot[GRID_COLS];
	int			  rows;
};

void	grid_head(struct grid *, const struct grid_col *, int n,
	    const struct report_view *);
void	grid_row(struct grid *, const char *const *cells);
/* The statement's current row, its columns in the column table's order. */
void	grid_row_stmt(struct grid *, sqlite3_stmt *);
/* The Total row (--text, --print), then a blank line unless CSV. */
void	grid_end(struct grid *);

#endif
