/* phone.c: E.164 normalisation (ITU-T E.164: at most 15 digits after the
 * '+', the country code first) and the time zone by country code, from a
 * table. A national number loses its one trunk prefix 0 (the UK's 020...,
 * Germany's 030...); North America has none (a leading 1 is the country). */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include "phone.h"

#define PHONE_MIN_DIGITS	7	/* country code and subscriber */
#define PHONE_MAX_DIGITS	15	/* E.164 */

/* Country codes (and NANP area codes) to zones; the longest prefix wins.
 * Countries spanning zones get their most populous one, except the areas
 * listed. */
static const struct {
	const char	*prefix;
	const char	*tz;
} phone_zones[] = {
	{ "1", "America/New_York" }, { "1212", "America/New_York" },
	{ "1312", "America/Chicago" }, { "1214", "America/Chicago" },
	{ "1713", "America/Chicago" }, { "1303", "America/Denver" },
	{ "1602", "America/Phoenix" }, { "1213", "America/Los_Angeles" },
	{ "1415", "America/Los_Angeles" }, { "1206", "America/Los_Angeles" },
	{ "1416", "America/Toronto" }, { "1604", "America/Vancouver" },
	{ "30", "Europe/Athens" }, { "31", "Europe/Amsterdam" },
	{ "32", "Europe/Brussels" }, { "33", "Europe/Paris" },
	{ "34", "Europe/Madrid" }, { "351", "Europe/Lisbon" },
	{ "353", "Europe/Dublin" }, { "358", "Europe/Helsinki" },
	{ "36", "Europe/Budapest" }, { "39", "Europe/Rome" },
	{ "40", "Europe/Bucharest" }, { "41", "Europe/Zurich" },
	{ "420", "Europe/Prague" }, { "421", "Europe/Bratislava" },
	{ "43", "Europe/Vienna" }, { "44", "Europe/London" },
	{ "45", "Europe/Copenhagen" }, { "46", "Europe/Stockholm" },
	{ "47", "Europe/Oslo" }, { "48", "Europe/Warsaw" },
	{ "49", "Europe/Berlin" }, { "370", "Europe/Vilnius" },
	{ "371", "Europe/Riga" }, { "372", "Europe/Tallinn" },
	{ "380", "Europe/Kyiv" }, { "61", "Australia/Sydney" },
	{ "81", "Asia/Tokyo" }, { "91", "Asia/Kolkata" },
};

int
phone_country_ok(const char *s)
{
	size_t n = strlen(s);

	if (n < 1 || n > 3 || s[0] == '0')
		return 0;
	return strspn(s, "0123456789") == n;
}

/* The digits of in, with its international prefix noted; -1 on a
 * character that is not part of a number. */
static int
phone_digits(const char *in, char *d, size_t len, int *intl, char *why,
    size_t whylen)
{
	size_t n = 0;

	in += strspn(in, " \t");
	*intl = 0;
	if (*in == '+') {
		*intl = 1;
		in++;
	}
	for (; *in != '\0'; in++) {
		if (strchr(" -.()/\t", *in) != NULL)
			continue;
		if (!isdigit((unsigned char)*in)) {
			snprintf(why, whylen, "'%c' is not part of a phone "
			    "number", *in);
			return -1;
		}
		if (n + 1 >= len) {
			snprintf(why, whylen, "too many digits");
			return -1;
		}
		d[n++] = *in;
	}
	d[n] = '\0';
	if (!*intl && d[0] == '0' && d[1] == '0') {
		*intl = 1;
		memmove(d, d + 2, n - 1);
	}
	return 0;
}

int
phone_e164(const char *in, const char *country, char *out, size_t len,
    char *why, size_t whylen)
{
	char	 d[64], e[72];
	int	 intl;
	size_t	 n;

	if (phone_digits(in, d, sizeof d, &intl, why, whylen) != 0)
		return -1;
	if (d[0] == '\0') {
		snprintf(why, whylen, "no digits");
		return -1;
	}
	if (intl)
		snprintf(e, sizeof e, "+%s", d);
	else if (country == NULL || country[0] == '\0') {
		snprintf(why, whylen, "a national number and no country code "
		    "given (write +CC... or give the country)");
		return -1;
	} else if (strcmp(country, "1") == 0 && strlen(d) == 11 && d[0] == '1')
		snprintf(e, sizeof e, "+%s", d);
	else
		snprintf(e, sizeof e, "+%s%s", country, d + (d[0] == '0'));
	n = strlen(e) - 1;
	if (e[1] == '0' || n < PHONE_MIN_DIGITS || n > PHONE_MAX_DIGITS) {
		snprintf(why, whylen, "%s is not a valid E.164 number (%d to %d "
		    "digits, no leading 0)", e, PHONE_MIN_DIGITS,
		    PHONE_MAX_DIGITS);
		return -1;
	}
	snprintf(out, len, "%s", e);
	return 0;
}

const char *
phone_tz(const char *e164)
{
	const char	*best = NULL;
	size_t		 bestlen = 0, n;

	if (e164 == NULL || e164[0] != '+')
		return NULL;
	for (size_t i = 0; i < sizeof phone_zones / sizeof phone_zones[0]; i++) {
		n = strlen(phone_zones[i].prefix);
		if (n > bestlen && strncmp(e164 + 1, phone_zones[i].prefix, n) == 0) {
			best = phone_zones[i].tz;
			bestlen = n;
		}
	}
	return best;
}
