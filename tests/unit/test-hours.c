/* test-hours.c: business hours and holidays in a time zone, across the
 * spring daylight-saving change in Warsaw (2026-03-29, 02:00 -> 03:00). */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "hours.h"
#include "tap.h"

static time_t
utc(int y, int mo, int d, int h, int mi)
{
	struct tm tm = { .tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d,
	    .tm_hour = h, .tm_min = mi };

	return timegm(&tm);
}

int
main(void)
{
	struct hours	h;
	char		why[256];

	ok(hours_parse(&h, "", "", "UTC", why, sizeof why) == 0 &&
	    hours_open(&h, utc(2026, 11, 23, 3, 0)), "no hours: always open");
	ok(hours_parse(&h, "mon-fri 08:00-18:00; sat 09:00-13:00",
	    "2026-12-25, 2026-12-26", "Europe/Warsaw", why, sizeof why) == 0 &&
	    h.n == 2 && h.nholidays == 2, "parses hours and holidays");

	/* Monday 2026-03-23 is winter time (UTC+1): 07:30 UTC = 08:30 local. */
	ok(!hours_open(&h, utc(2026, 3, 23, 6, 30)), "winter: 06:30 UTC = 07:30 local, closed");
	ok(hours_open(&h, utc(2026, 3, 23, 7, 30)), "winter: 07:30 UTC = 08:30 local, open");
	/* Monday 2026-03-30 is summer time (UTC+2): the same UTC hours shift. */
	ok(hours_open(&h, utc(2026, 3, 30, 6, 30)), "summer: 06:30 UTC = 08:30 local, open");
	ok(!hours_open(&h, utc(2026, 3, 30, 16, 30)), "summer: 16:30 UTC = 18:30 local, closed");
	ok(hours_open(&h, utc(2026, 3, 23, 16, 30)), "winter: 16:30 UTC = 17:30 local, open");
	ok(hours_open(&h, utc(2026, 3, 28, 10, 0)) && !hours_open(&h, utc(2026, 3, 28, 12, 30)),
	    "saturday 11:00 open, 13:30 closed");
	ok(!hours_open(&h, utc(2026, 3, 29, 10, 0)), "sunday closed");
	ok(!hours_open(&h, utc(2026, 12, 25, 10, 0)), "Christmas (a Friday) closed");
	ok(hours_open(&h, utc(2026, 12, 24, 10, 0)), "the day before open");
	ok(hours_parse(&h, "fri-mon 22:00-23:00", "", "UTC", why, sizeof why) == 0 &&
	    hours_open(&h, utc(2026, 11, 22, 22, 30)) && !hours_open(&h, utc(2026, 11, 25, 22, 30)),
	    "day ranges wrap: fri-mon includes sunday, not wednesday");
	ok(hours_parse(&h, "mon-fri 18:00-08:00", "", "UTC", why, sizeof why) != 0,
	    "an end before the start is refused: %s", why);
	ok(hours_parse(&h, "weekdays 08:00-18:00", "", "UTC", why, sizeof why) != 0,
	    "unknown days refused");
	ok(hours_parse(&h, "mon 8-18", "", "UTC", why, sizeof why) != 0, "bad times refused");
	ok(hours_parse(&h, "", "2026-13-01", "UTC", why, sizeof why) != 0, "bad holiday refused");
	ok(getenv("TZ") == NULL, "the process's own TZ is left as it was");
	return tap_done();
}
