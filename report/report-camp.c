/* report-camp.c: the campaigns the campaign and compliance reports cover:
 * the database's campaigns (the dialer's run-time rows), narrowed by
 * --campaign and --client, each with its [campaign NAME] of the config
 * parsed once: dispositions (which count as success), calling hours. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "phone.h"
#include "report-camp.h"
#include "xmalloc.h"

static void
camp_conf(struct camp_info *ci, const struct config *cfg)
{
	char why[256];

	ci->cfg = cfg != NULL ? config_find_campaign(cfg, ci->name) : NULL;
	if (ci->cfg == NULL)
		return;
	if (camprule_dispositions(ci->cfg->dispositions, ci->disp, &ci->ndisp,
	    why, sizeof why) != 0)
		ci->ndisp = 0;
	ci->hours_ok = hours_parse(&ci->hours, ci->cfg->hours,
	    ci->cfg->holidays, ci->cfg->timezone, why, sizeof why) == 0;
}

static void
no_campaign(sqlite3 *db, const char *name)
{
	sqlite3_stmt	*st = report_prepare(db, "SELECT group_concat(name, "
			    "', ') FROM (SELECT name FROM campaigns ORDER BY name)");
	const char	*all = NULL;

	if (sqlite3_step(st) == SQLITE_ROW)
		all = (const char *)sqlite3_column_text(st, 0);
	fprintf(stderr, "centrala report: --campaign: no campaign \"%s\" in "
	    "the database (campaigns: %s)\n", name, all ? all : "none");
	sqlite3_finalize(st);
	exit(2);
}

int
report_camps(const struct report_ctx *c, struct camp_info **out)
{
	sqlite3_stmt	*st = report_prepare(c->db, "SELECT count(*) FROM "
			    "sqlite_master WHERE type = 'table' AND name = "
			    "'campaigns'");
	int		 have = sqlite3_step(st) == SQLITE_ROW &&
			    sqlite3_column_int(st, 0) > 0, n = 0, seen = 0;
	struct camp_info *v = NULL;

	sqlite3_finalize(st);
	*out = NULL;
	if (!have) {
		if (c->campaign != NULL)
			no_campaign(c->db, c->campaign);
		return 0;
	}
	st = report_prepare(c->db, "SELECT name FROM campaigns ORDER BY name");
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		struct camp_info ci;

		if (c->campaign != NULL && strcmp(c->campaign, name) != 0)
			continue;
		seen = 1;
		memset(&ci, 0, sizeof ci);
		snprintf(ci.name, sizeof ci.name, "%s", name);
		camp_conf(&ci, c->cfg);
		/* a client's campaigns: those its config gives to it */
		if (c->v->filter->client != NULL && (ci.cfg == NULL ||
		    strcmp(ci.cfg->client, c->v->filter->client) != 0))
			continue;
		v = xrealloc(v, (n + 1) * sizeof *v);
		v[n++] = ci;
	}
	sqlite3_finalize(st);
	if (c->campaign != NULL && !seen)
		no_campaign(c->db, c->campaign);
	*out = v;
	return n;
}

char *
report_camp_success_sql(const struct camp_info *ci)
{
	char *sql = sqlite3_mprintf("("), *next;
	int   k = 0;

	for (int i = 0; i < ci->ndisp; i++) {
		if (!ci->disp[i].success)
			continue;
		next = sqlite3_mprintf("%s%s%Q", sql, k++ ? "," : "",
		    ci->disp[i].code);
		sqlite3_free(sql);
		sql = next;
	}
	next = sqlite3_mprintf("%s)", sql);
	sqlite3_free(sql);
	return next;
}

const char *
report_camp_tz(const struct camp_info *ci, const char *tz, const char *phone)
{
	const char *p;

	if (tz != NULL && tz[0] != '\0')
		return tz;
	if (phone != NULL && (p = phone_tz(phone)) != NULL)
		return p;
	return ci->hours.tz[0] != '\0' ? ci->hours.tz : "UTC";
}

/* hours_open() switches TZ: the answer is kept per zone and minute;
 * callers ask zone by zone where they can. */
#define CAMP_ZONES	32

int
report_camp_open(const struct camp_info *ci, const char *tz, time_t t)
{
	static struct {
		const struct camp_info	*ci;
		time_t			 minute;
		char			 tz[64];
		int			 open;
	}		 cache[CAMP_ZONES];
	static int	 next;
	struct hours	 h;
	int		 i;

	for (i = 0; i < CAMP_ZONES; i++)
		if (cache[i].ci == ci && cache[i].minute == t / 60 &&
		    strcmp(cache[i].tz, tz) == 0)
			return cache[i].open;
	h = ci->hours;
	snprintf(h.tz, sizeof h.tz, "%s", tz);
	/* hours_open() sets TZ and puts the old one back: with the zone
	 * already in TZ, glibc's tzset() does not read its file again (the
	 * report prints UTC only: gmtime, timegm) */
	setenv("TZ", h.tz, 1);
	i = next = (next + 1) % CAMP_ZONES;
	cache[i].ci = ci;
	cache[i].minute = t / 60;
	snprintf(cache[i].tz, sizeof cache[i].tz, "%s", tz);
	return cache[i].open = hours_open(&h, t);
}
