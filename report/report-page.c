/* report-page.c: the report's table (its first line is the column header)
 * cut into pages for a printer: on each page a header (report name, period
 * and filters, page N of M), a blank line and the column header, then the
 * rows; a form feed between pages. */
#include <stdlib.h>
#include <string.h>
#include "report-page.h"
#include "xmalloc.h"

#define PAGE_HEAD	4	/* title, period, blank, column header */

struct lines {
	char	**v;
	size_t	  n, cap;
};

static void
lines_read(FILE *f, struct lines *l)
{
	char	*s = NULL;
	size_t	 cap = 0;
	ssize_t	 len;

	while ((len = getline(&s, &cap, f)) != -1) {
		if (len > 0 && s[len - 1] == '\n')
			s[len - 1] = '\0';
		if (l->n == l->cap) {
			l->cap = l->cap ? 2 * l->cap : 64;
			l->v = xrealloc(l->v, l->cap * sizeof *l->v);
		}
		l->v[l->n++] = xstrdup(s);
	}
	free(s);
}

static void
page_head(FILE *out, const struct report_page *p, const char *cols,
    size_t page, size_t pages)
{
	char	right[32];

	snprintf(right, sizeof right, "page %zu of %zu", page, pages);
	fprintf(out, "Centrala report: %-*s%s\n", 62 - (int)strlen(right) > 0 ?
	    62 - (int)strlen(right) : 0, p->title, right);
	fprintf(out, "%s\n\n%s\n", p->period, cols);
}

/* Returns 0, or -1 if the table is empty (no header). */
int
report_page(FILE *table, FILE *out, const struct report_page *p)
{
	struct lines	 l = { NULL, 0, 0 };
	size_t		 per = (size_t)p->lines - PAGE_HEAD, body, pages;

	lines_read(table, &l);
	if (l.n == 0)
		return -1;
	body = l.n - 1;
	pages = body ? (body + per - 1) / per : 1;
	for (size_t pg = 0; pg < pages; pg++) {
		if (pg > 0)
			fputc('\f', out);
		page_head(out, p, l.v[0], pg + 1, pages);
		for (size_t i = pg * per; i < body && i < (pg + 1) * per; i++)
			fprintf(out, "%s\n", l.v[i + 1]);
	}
	for (size_t i = 0; i < l.n; i++)
		free(l.v[i]);
	free(l.v);
	return 0;
}
