/* monitor.c: listen, whisper and barge (monitor.h). The supervisor's
 * headset joins the call's bridge in the matching role (media.h); every
 * start, change and stop is an event, so who listened to what is known. */
#include <stdio.h>
#include <string.h>
#include "call.h"
#include "clock.h"
#include "config.h"
#include "core.h"
#include "db.h"
#include "endpoint.h"
#include "evlog.h"
#include "log.h"
#include "media.h"
#include "monitor.h"

static const struct {
	const char	*name;
	enum media_role	 role;
} monitor_modes[] = {
	{ "listen", MEDIA_LISTEN },
	{ "whisper", MEDIA_WHISPER },
	{ "barge", MEDIA_BARGE },
};

static void
monitor_event(struct call *call, const char *user, const char *mode)
{
	struct db_event	 ev = {
		.ts_ms = clock_wall_ms(), .kind = EV_MONITOR, .call_id = call->id,
		.agent = call->agent_id, .queue = call->queue_name, .state = mode,
	};

	evlog_add(&ev, json_pack("{s:s?}", "user", user));
	log_info("call %s: %s by %s", call->id, mode, user);
}

int
monitor_start(struct call *call, const char *user, struct endpoint **ep,
    const char *mode, char *err, size_t errlen)
{
	const struct cfg_user	*u = config_find_user(core.cfg, user);
	size_t			 i;
	char			 owner[64];

	for (i = 0; i < sizeof monitor_modes / sizeof monitor_modes[0]; i++)
		if (strcmp(monitor_modes[i].name, mode) == 0)
			break;
	if (i == sizeof monitor_modes / sizeof monitor_modes[0]) {
		snprintf(err, errlen, "mode is listen, whisper, barge or stop");
		return -1;
	}
	if (call->state != CALL_CONNECTED) {
		snprintf(err, errlen, "call %s is %s, not connected to an agent",
		    call->id, call_state_name(call->state));
		return -1;
	}
	if (u == NULL || u->audio[0] == '\0') {
		snprintf(err, errlen, "no headset: set audio = alsa:DEVICE in "
		    "[user %s]", user ? user : "?");
		return -1;
	}
	if (*ep == NULL) {
		snprintf(owner, sizeof owner, "user %s", user);
		*ep = endpoint_open(u->audio, owner);
	}
	if ((*ep)->call != NULL && (*ep)->call != call)
		monitor_stop((*ep)->call, user, *ep);
	if (media_join(call, *ep, monitor_modes[i].role) != 0) {
		snprintf(err, errlen, "call %s has no room for another listener",
		    call->id);
		return -1;
	}
	monitor_event(call, user, mode);
	return 0;
}

void
monitor_stop(struct call *call, const char *user, struct endpoint *ep)
{
	if (ep == NULL || ep->call != call)
		return;
	media_leave(call, ep);
	monitor_event(call, user, "stop");
}
