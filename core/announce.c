/* announce.c: position and wait announcements (announce.h). The first
 * comes `announce` seconds after the caller joins, then every `announce`
 * seconds, and only while the caller waits unoffered: an offer ringing an
 * agent is not talked over. */
#include <stdio.h>
#include <stdlib.h>
#include <event2/event.h>
#include "announce.h"
#include "call.h"
#include "core.h"
#include "db.h"
#include "media.h"
#include "prompt.h"
#include "queue.h"

int
announce_names(int pos, int ewt_s, const char *lang, const char **names,
    int max)
{
	int n = 0, min;

	if (max < 12)
		return 0;
	names[n++] = "you-are-number";
	n += prompt_say_number(pos, lang, names + n, 4);
	names[n++] = "in-line";
	if (ewt_s < 0)
		return n;
	names[n++] = "wait-is";
	min = (ewt_s + 59) / 60;
	if (ewt_s < 60) {
		names[n++] = "under-minute";
		return n;
	}
	n += prompt_say_minutes(min, lang, names + n, 5);
	return n;
}

static void
announce_arm(struct call *call)
{
	struct timeval tv = { call->queue->cfg->announce, 0 };

	evtimer_add(call->announce_timer, &tv);
}

static void
announce_cb(evutil_socket_t fd, short what, void *arg)
{
	struct call	*call = arg;
	const char	*names[16];
	int		 n;

	if (call->state != CALL_QUEUED || call->queue == NULL ||
	    call->queue->cfg->announce <= 0)
		return;
	if (!media_playing(call) && call->cbo == NULL) {
		int	pos = queue_position(call), ewt = queue_ewt_s(call);

		n = announce_names(pos, ewt, call->lang, names, 15);
		if (call->queue->cfg->callback)
			names[n++] = "callback-offer";
		media_play(call, names, n, NULL);
		call_event(call, EV_ANNOUNCE, json_pack("{s:i,s:i}", "position",
		    pos, "ewt_s", ewt));
	}
	announce_arm(call);
}

void
announce_start(struct call *call)
{
	if (call->queue == NULL || call->queue->cfg->announce <= 0)
		return;
	if (call->announce_timer == NULL)
		call_set_announce_timer(call, evtimer_new(core.base,
		    announce_cb, call));
	announce_arm(call);
}

void
announce_stop(struct call *call)
{
	if (call->announce_timer == NULL)
		return;
	event_free(call->announce_timer);
	call_set_announce_timer(call, NULL);
}
