/* ctl.h: what ctl.c shares with its command files (ctl-*.c). */
#ifndef CZ_CTL_H
#define CZ_CTL_H

#include <jansson.h>
#include "cli.h"

#define EXIT_FAILED	1
#define EXIT_USAGE	2
#define EXIT_CONNECT	3

/* The campaign commands' options: --country, --client, --priority. */
struct ctl_camp_opt {
	const char	*country, *client;
	int		 priority;	/* -1 = not given */
};
extern struct ctl_camp_opt ctl_camp;

void	ctl_die(int code, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3), noreturn));
/* Sends req (stolen); the ok reply, or says why not and exits 1. */
json_t	*ctl_call(struct cli *, json_t *req);

int	ctl_import_list(struct cli *, char **);
int	ctl_dnc(struct cli *, char **);
int	ctl_why_not(struct cli *, char **);
int	ctl_campaign(struct cli *, char **);
int	ctl_list(struct cli *, char **);
int	ctl_campaigns(struct cli *, char **);

/* A reply's string (or "-") and integer fields. */
const char *ctl_s(json_t *, const char *);
int	ctl_i(json_t *, const char *);
/* ctl-status.c: the status reply as tables. */
void	ctl_print_status(json_t *);

/* ctl-privacy.c: customer export (--out DIR) and erase. */
extern const char *ctl_out;
int	ctl_customer(struct cli *, char **);

#endif
