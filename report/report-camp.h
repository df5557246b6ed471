/* report-camp.h: the campaigns a campaign report covers (the database's
 * `campaigns` rows, narrowed by --campaign and --client) with what the
 * core's config says of each: client, target, success codes, cap, calling
 * hours. */
#ifndef CZ_REPORT_CAMP_H
#define CZ_REPORT_CAMP_H

#include <time.h>
#include "camprule.h"
#include "hours.h"
#include "report.h"

struct camp_info {
	char			 name[64];
	const struct cfg_campaign *cfg;		/* NULL: not in the config */
	struct camp_disp	 disp[CAMPRULE_MAX_DISP];
	int			 ndisp;
	struct hours		 hours;
	int			 hours_ok;	/* the config's hours parsed */
};

/* The campaigns, in name order; 0 of them: the caller says "no
 * campaigns". An unknown --campaign is said on stderr and exits 2. */
int	report_camps(const struct report_ctx *, struct camp_info **out);
/* The success codes as an SQL list "('sale','done')" (sqlite3_free). */
char	*report_camp_success_sql(const struct camp_info *);
/* A record's zone: its own, else its number's, else the campaign's. */
const char *report_camp_tz(const struct camp_info *, const char *tz,
	    const char *phone);
/* 1 if the campaign's hours are open at t in zone tz. */
int	report_camp_open(const struct camp_info *, const char *tz, time_t t);

#endif
