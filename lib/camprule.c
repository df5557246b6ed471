/* camprule.c: parsing a campaign's dispositions, retry rules and end
 * date; each error names the item that is wrong. Used by the config's
 * checks (so a bad value is refused at load) and by the core's campaigns
 * (which keep the parsed form). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "action.h"
#include "camprule.h"
#include "xmalloc.h"

static const char *const outcome_names[CAMP_NOUTCOMES] = {
	[CAMP_BUSY] = "busy", [CAMP_NOANSWER] = "noanswer",
	[CAMP_MACHINE] = "machine", [CAMP_CONGESTION] = "congestion",
	[CAMP_ABANDONED] = "abandoned",
};

const char *
camprule_outcome_name(int o)
{
	return o >= 0 && o < CAMP_NOUTCOMES ? outcome_names[o] : "?";
}

int
camprule_outcome(const char *name)
{
	for (int i = 0; i < CAMP_NOUTCOMES; i++)
		if (strcmp(outcome_names[i], name) == 0)
			return i;
	return -1;
}

/* A whole number in [min, max] from s, or -1. */
static int
camprule_num(const char *s, int min, int max)
{
	char	*end;
	long	 v;

	if (*s < '0' || *s > '9')
		return -1;
	v = strtol(s, &end, 10);
	return *end == '\0' && v >= min && v <= max ? (int)v : -1;
}

/* One flag of a disposition ("success", "close", "dnc", "retry=N"). */
static int
camprule_flag(struct camp_disp *d, const char *f, char *why, size_t len)
{
	if (strcmp(f, "success") == 0)
		d->success = 1;
	else if (strcmp(f, "close") == 0)
		d->close = 1;
	else if (strcmp(f, "dnc") == 0)
		d->dnc = d->close = 1;
	else if (strncmp(f, "retry=", 6) == 0 &&
	    (d->retry_min = camprule_num(f + 6, 1, 525600)) > 0)
		;
	else {
		snprintf(why, len, "%s: \"%s\" is not a flag (success, close, "
		    "dnc, retry=MINUTES)", d->code, f);
		return -1;
	}
	if (d->close && d->retry_min > 0) {
		snprintf(why, len, "%s: closes the record and retries: choose "
		    "one", d->code);
		return -1;
	}
	return 0;
}

/* "code:flag:flag" into d. */
static int
camprule_disp(char *item, struct camp_disp *d, char *why, size_t len)
{
	char *code = strsep(&item, ":"), *f;

	memset(d, 0, sizeof *d);
	if (!action_name_ok(code) || strlen(code) >= sizeof d->code) {
		snprintf(why, len, "\"%s\" is not a disposition code (a-z, 0-9, "
		    "'-', '_', at most 32)", code);
		return -1;
	}
	strcpy(d->code, code);
	while ((f = strsep(&item, ":")) != NULL)
		if (camprule_flag(d, f, why, len) != 0)
			return -1;
	return 0;
}

static char *
camprule_trim(char *s)
{
	char *e;

	s += strspn(s, " \t");
	for (e = s + strlen(s); e > s && (e[-1] == ' ' || e[-1] == '\t');)
		*--e = '\0';
	return s;
}

int
camprule_dispositions(const char *spec, struct camp_disp *out, int *n,
    char *why, size_t len)
{
	char	*copy = xstrdup(spec), *p = copy, *item;
	int	 rc = 0;

	*n = 0;
	while (rc == 0 && (item = strsep(&p, ",")) != NULL) {
		if (*(item = camprule_trim(item)) == '\0')
			continue;
		if (*n == CAMPRULE_MAX_DISP) {
			snprintf(why, len, "more than %d dispositions",
			    CAMPRULE_MAX_DISP);
			rc = -1;
		} else if ((rc = camprule_disp(item, &out[*n], why, len)) == 0)
			for (int i = 0; i < *n && rc == 0; i++)
				if (strcmp(out[i].code, out[*n].code) == 0) {
					snprintf(why, len, "%s: listed twice",
					    out[i].code);
					rc = -1;
				}
		(*n) += rc == 0;
	}
	free(copy);
	if (rc == 0 && *n == 0) {
		snprintf(why, len, "at least one disposition is needed");
		rc = -1;
	}
	return rc;
}

int
camprule_retry(const char *spec, struct camp_retry *r, char *why, size_t len)
{
	char	buf[32], *colon;

	snprintf(buf, sizeof buf, "%s", spec);
	if ((colon = strchr(buf, ':')) != NULL) {
		*colon = '\0';
		r->delay_min = camprule_num(camprule_trim(buf), 0, 525600);
		r->max_attempts = camprule_num(camprule_trim(colon + 1), 1, 100);
		if (r->delay_min >= 0 && r->max_attempts > 0)
			return 0;
	}
	snprintf(why, len, "\"%s\" is not MINUTES:MAX_ATTEMPTS (e.g. 10:5: "
	    "again after 10 minutes, at most 5 attempts; 0-525600, 1-100)", spec);
	return -1;
}

int
camprule_date(const char *spec, int *ymd, char *why, size_t len)
{
	int y, m, d, n = 0;

	*ymd = 0;
	if (spec[0] == '\0')
		return 0;
	if (sscanf(spec, "%4d-%2d-%2d%n", &y, &m, &d, &n) == 3 &&
	    spec[n] == '\0' && n == 10 && y >= 2000 && m >= 1 && m <= 12 &&
	    d >= 1 && d <= 31) {
		*ymd = y * 10000 + m * 100 + d;
		return 0;
	}
	snprintf(why, len, "\"%s\" is not a date (YYYY-MM-DD)", spec);
	return -1;
}
