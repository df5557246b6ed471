/* hours.h: business hours ("mon-fri 08:00-18:00; sat 09:00-13:00") and
 * holidays ("2026-12-25, 2026-12-26") in a time zone ("Europe/Warsaw"),
 * so that opening follows local time across daylight-saving changes. */
#ifndef CZ_HOURS_H
#define CZ_HOURS_H

#include <stddef.h>
#include <time.h>

#define HOURS_MAX	16
#define HOLIDAYS_MAX	64

struct hours {
	int	n;
	int	days[HOURS_MAX];	/* bit 0 = Sunday ... bit 6 = Saturday */
	int	from[HOURS_MAX], to[HOURS_MAX];	/* minutes after midnight */
	int	nholidays;
	int	holiday[HOLIDAYS_MAX];	/* yyyymmdd */
	char	tz[64];
};

/* Empty spec = always open. -1 with why filled on a bad spec. */
int	hours_parse(struct hours *, const char *spec, const char *holidays,
	    const char *tz, char *why, size_t len);
/* 1 if open at t (wall clock), in the hours' own time zone. */
int	hours_open(const struct hours *, time_t t);

#endif
