/* phone.h: telephone numbers as E.164 ("+442079460000"): normalised from
 * what people write (spaces, dashes, brackets, 00 or + prefixes, national
 * numbers with a trunk 0) with a default country code, and the time zone
 * a number's country (or North American area code) is in. */
#ifndef CZ_PHONE_H
#define CZ_PHONE_H

#include <stddef.h>

#define PHONE_E164_MAX	16	/* '+' and at most 15 digits */

/* Writes "+CC..." into out (at least PHONE_E164_MAX + 1). COUNTRY is the
 * calling code ("44") used for a national number; "" means the number must
 * be international. 0, or -1 with why filled. */
int	phone_e164(const char *in, const char *country, char *out, size_t len,
	    char *why, size_t whylen);
/* 1 if s is a country calling code (1-3 digits, not starting with 0). */
int	phone_country_ok(const char *s);
/* The time zone of an E.164 number's country, or NULL if not known. */
const char *phone_tz(const char *e164);

#endif
