/* campaign-import.h: the CSV import's two phases (campaign-import.c),
 * for the job that runs the first on a thread (campaign-import-job.c). */
#ifndef CZ_CAMPAIGN_IMPORT_H
#define CZ_CAMPAIGN_IMPORT_H

#include <stdio.h>
#include <jansson.h>

struct campaign;
struct db;
struct imp;

/* Reads, checks and normalises the whole file (numbers without a code
 * take COUNTRY, which must outlive the result): no database, no log,
 * safe on a thread. Always a result; campaign_import_fatal() says ""
 * or why nothing may be imported. */
struct imp	*campaign_import_parse(FILE *, const char *country);
const char	*campaign_import_fatal(const struct imp *);
/* The parsed rows into LIST of C in one transaction, on the loop: the
 * reply's fields, or -1 with why (nothing written). */
int		 campaign_import_write(struct db *, const struct campaign *c,
		    const char *list, const char *path, int priority,
		    struct imp *, json_t *reply, char *why, size_t len);
void		 campaign_import_free(struct imp *);

#endif
