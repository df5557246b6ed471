/* report-page.h: the report as paginated text (report-page.c) and its
 * printing through CUPS's lp (report-print.c). */
#ifndef CZ_REPORT_PAGE_H
#define CZ_REPORT_PAGE_H

#include <stdio.h>

struct report_page {
	int		 lines;		/* per page, form feed included */
	const char	*title;		/* report name */
	const char	*period;	/* period and filters */
};

int	report_page(FILE *table, FILE *out, const struct report_page *);
int	report_print(FILE *text, const char *dest, const char *title);

#endif
