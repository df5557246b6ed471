/* monitor.h: a supervisor listening in on a call (silent), whispering to
 * the agent (the caller hears nothing), or barging in (a three-way call),
 * through the headset named in their [user] section. */
#ifndef CZ_MONITOR_H
#define CZ_MONITOR_H

#include <stddef.h>

struct call;
struct endpoint;

/* USER (a supervisor's session) joins the call with its headset *EP,
 * opened here on first use (the session keeps and closes it). MODE:
 * "listen", "whisper", "barge". -1 with err. */
int	monitor_start(struct call *, const char *user, struct endpoint **ep,
	    const char *mode, char *err, size_t errlen);
void	monitor_stop(struct call *, const char *user, struct endpoint *ep);

#endif
