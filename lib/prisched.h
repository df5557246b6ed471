/* prisched.h: libpri's timers on a libevent loop, shared by the core and
 * the telco simulator (libpri-notes.md "Event loop"). */
#ifndef CZ_PRISCHED_H
#define CZ_PRISCHED_H

#include <event2/event.h>

struct pri;

/* Arms ev for libpri's next timer (wall clock, as libpri keeps it), or
 * disarms it when none is pending. */
void	prisched_arm(struct pri *, struct event *ev);

#endif
