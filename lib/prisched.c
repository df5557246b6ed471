/* prisched.c: arming a libevent timer for libpri's scheduler. libpri's
 * pri_schedule_next() is an absolute gettimeofday() time, so the delay is
 * computed against the wall clock, never CLOCK_MONOTONIC. Compiled into
 * the programs that link libpri only (core, pstn), not libcentrala.a. */
#include <sys/time.h>
#include <libpri.h>
#include "prisched.h"

void
prisched_arm(struct pri *p, struct event *ev)
{
	struct timeval *next, now, delta;

	if (p == NULL || (next = pri_schedule_next(p)) == NULL) {
		evtimer_del(ev);
		return;
	}
	gettimeofday(&now, NULL);
	if (timercmp(next, &now, <))
		timerclear(&delta);
	else
		timersub(next, &now, &delta);
	evtimer_add(ev, &delta);
}
