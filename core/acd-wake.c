/* acd-wake.c: the one routing-pass event (acd-wake.h). */
#include <event2/event.h>
#include "acd-wake.h"
#include "core.h"

static struct event	*wake_ev;
static void		(*wake_pass)(void);

static void
wake_cb(evutil_socket_t fd, short what, void *arg)
{
	wake_pass();
}

void
acd_wake_set(void (*pass)(void))
{
	wake_pass = pass;
}

void
acd_dispatch(void)
{
	if (wake_ev == NULL)
		wake_ev = event_new(core.base, -1, 0, wake_cb, NULL);
	event_active(wake_ev, 0, 0);
}
