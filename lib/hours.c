/* hours.c: business hours and holidays, evaluated in the queue's time zone.
 * The zone is applied by setting TZ around one localtime_r() call: the
 * core is single-threaded, and glibc has no per-call zone. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "hours.h"

static const char *const day_names[] = {
	"sun", "mon", "tue", "wed", "thu", "fri", "sat"
};

static int
hours_day(const char *s)
{
	for (int i = 0; i < 7; i++)
		if (strncmp(s, day_names[i], 3) == 0)
			return i;
	return -1;
}

/* "mon-fri" or "sat" -> a bit set of days; -1 if not days. */
static int
hours_days(const char *s, size_t n)
{
	int a, b, set = 0;

	if (n == 3 && (a = hours_day(s)) >= 0)
		return 1 << a;
	if (n != 7 || s[3] != '-' || (a = hours_day(s)) < 0 ||
	    (b = hours_day(s + 4)) < 0)
		return -1;
	for (int d = a;; d = (d + 1) % 7) {	/* "fri-mon" wraps */
		set |= 1 << d;
		if (d == b)
			break;
	}
	return set;
}

static int
hours_time(const char *s, int *min)
{
	int h, m;

	if (sscanf(s, "%2d:%2d", &h, &m) != 2 || h < 0 || h > 24 || m < 0 ||
	    m > 59 || (h == 24 && m != 0))
		return -1;
	*min = h * 60 + m;
	return 0;
}

/* One "DAYS HH:MM-HH:MM" rule. */
static int
hours_rule(struct hours *h, char *r, char *why, size_t len)
{
	char	*sp, *dash;
	int	 days;

	while (isspace((unsigned char)*r))
		r++;
	for (char *e = r + strlen(r); e > r && isspace((unsigned char)e[-1]);)
		*--e = '\0';
	if (*r == '\0')
		return 0;
	if (h->n == HOURS_MAX || (sp = strchr(r, ' ')) == NULL ||
	    (days = hours_days(r, sp - r)) < 0 || (dash = strchr(sp, '-')) == NULL ||
	    hours_time(sp + 1, &h->from[h->n]) != 0 ||
	    hours_time(dash + 1, &h->to[h->n]) != 0 ||
	    h->from[h->n] >= h->to[h->n]) {
		snprintf(why, len, "\"%s\" is not DAYS HH:MM-HH:MM (days mon..sun "
		    "or mon-fri; the end after the start)", r);
		return -1;
	}
	h->days[h->n++] = days;
	return 0;
}

static int
hours_holidays(struct hours *h, const char *s, char *why, size_t len)
{
	char	 buf[1024], *tok, *save;
	int	 y, m, d;

	snprintf(buf, sizeof buf, "%s", s);
	for (tok = strtok_r(buf, ", ", &save); tok; tok = strtok_r(NULL, ", ", &save)) {
		if (h->nholidays == HOLIDAYS_MAX || sscanf(tok, "%4d-%2d-%2d", &y,
		    &m, &d) != 3 || strlen(tok) != 10 || m < 1 || m > 12 ||
		    d < 1 || d > 31) {
			snprintf(why, len, "holiday \"%s\" is not YYYY-MM-DD", tok);
			return -1;
		}
		h->holiday[h->nholidays++] = y * 10000 + m * 100 + d;
	}
	return 0;
}

int
hours_parse(struct hours *h, const char *spec, const char *holidays,
    const char *tz, char *why, size_t len)
{
	char buf[1024], *tok, *save;

	memset(h, 0, sizeof *h);
	snprintf(h->tz, sizeof h->tz, "%s", tz && tz[0] ? tz : "UTC");
	snprintf(buf, sizeof buf, "%s", spec ? spec : "");
	for (tok = strtok_r(buf, ";", &save); tok; tok = strtok_r(NULL, ";", &save))
		if (hours_rule(h, tok, why, len) != 0)
			return -1;
	return hours_holidays(h, holidays ? holidays : "", why, len);
}

/* Local time in the hours' zone. */
static void
hours_local(const struct hours *h, time_t t, struct tm *tm)
{
	char	*old = getenv("TZ"), *saved = old ? strdup(old) : NULL;

	setenv("TZ", h->tz, 1);
	tzset();
	localtime_r(&t, tm);
	if (saved != NULL) {
		setenv("TZ", saved, 1);
		free(saved);
	} else
		unsetenv("TZ");
	tzset();
}

int
hours_open(const struct hours *h, time_t t)
{
	struct tm	tm;
	int		ymd, min;

	if (h->n == 0 && h->nholidays == 0)
		return 1;
	hours_local(h, t, &tm);
	ymd = (tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
	for (int i = 0; i < h->nholidays; i++)
		if (h->holiday[i] == ymd)
			return 0;
	if (h->n == 0)
		return 1;
	min = tm.tm_hour * 60 + tm.tm_min;
	for (int i = 0; i < h->n; i++)
		if ((h->days[i] & (1 << tm.tm_wday)) && min >= h->from[i] &&
		    min < h->to[i])
			return 1;
	return 0;
}
