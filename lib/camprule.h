/* camprule.h: a campaign's rules as written in its [campaign NAME]
 * section, parsed once at load (by the config's checks and by the core):
 * its dispositions with their flags, retry rules by outcome, end date. */
#ifndef CZ_CAMPRULE_H
#define CZ_CAMPRULE_H

#include <stddef.h>

#define CAMPRULE_MAX_DISP	32

/* "sale:success:close, later:retry=60, no_interest:close, stop:close:dnc" */
struct camp_disp {
	char	code[33];
	int	success;	/* counts towards the campaign's target */
	int	close;		/* the record is done */
	int	dnc;		/* the number goes on the client's DNC list */
	int	retry_min;	/* call again after N minutes (0: no) */
};

/* What a dial attempt came to without an agent's disposition. */
enum camp_outcome { CAMP_BUSY, CAMP_NOANSWER, CAMP_MACHINE,
	CAMP_CONGESTION, CAMP_ABANDONED, CAMP_NOUTCOMES };

/* "MINUTES:MAX_ATTEMPTS", e.g. "10:5": call again after 10 minutes while
 * the record has had fewer than 5 attempts. */
struct camp_retry {
	int	delay_min;
	int	max_attempts;
};

int	camprule_dispositions(const char *spec, struct camp_disp *out,
	    int *n, char *why, size_t len);
int	camprule_retry(const char *spec, struct camp_retry *, char *why,
	    size_t len);
/* "YYYY-MM-DD" -> yyyymmdd; "" -> 0 (no date). */
int	camprule_date(const char *spec, int *ymd, char *why, size_t len);
const char *camprule_outcome_name(int);
int	camprule_outcome(const char *name);	/* -1 if unknown */

#endif
