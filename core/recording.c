/* recording.c: call recordings (recording.h). The audio itself is tapped
 * by media.c and written by record.c; this is the policy and the index. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include "agent.h"
#include "call.h"
#include "clock.h"
#include "core.h"
#include "db.h"
#include "evlog.h"
#include "log.h"
#include "media.h"
#include "proto.h"
#include "queue.h"
#include "recording.h"
#include "sink.h"
#include "xmalloc.h"

struct call_rec {
	int64_t		 id;		/* row in recordings, -1 if unwritten */
	int64_t		 paused_ms;
	uint64_t	 paused_at;	/* mono us, 0 = not paused */
	char		 path[64];	/* relative: DAY/CALL-N.wav */
};

static void
recording_event(struct call *call, const char *path, const char *state,
    const char *error)
{
	json_t		*d = json_pack("{s:s}", "path", path);
	json_t		*ev = proto_event("recording");
	struct db_event	 dbev = {
		.ts_ms = clock_wall_ms(), .kind = EV_RECORD, .call_id = call->id,
		.agent = call->agent_id, .queue = call->queue_name, .state = state,
	};

	if (error != NULL)
		json_object_set_new(d, "error", json_string(error));
	evlog_add(&dbev, json_incref(d));
	json_object_set_new(ev, "call", json_string(call->id));
	json_object_set_new(ev, "state", json_string(state));
	json_object_update(ev, d);
	json_decref(d);
	if (call->agent != NULL)
		sink_agent(call->agent, json_incref(ev));
	sink_watchers(ev);
}

/* Closes the row: ok, or failed with why. */
static void
recording_finish(struct call *call, const char *error)
{
	struct call_rec	*r = call->rec;
	int64_t		 paused = r->paused_ms;

	if (r->paused_at != 0)
		paused += (int64_t)(clock_mono_us() - r->paused_at) / 1000;
	if (r->id > 0 && db_recording_end(core.db, r->id, clock_wall_ms(), paused,
	    error ? "failed" : "ok", error) != 0)
		log_error("call %s: recording %s: row not closed", call->id,
		    r->path);
	recording_event(call, r->path, error ? "failed" : "stop", error);
	free(r);
	call_set_rec(call, NULL);
}

/* A write failed (disk full, folder gone): said once, the call goes on. */
static void
recording_failed_cb(struct call *call, const char *error)
{
	if (call->rec == NULL)
		return;
	log_error("call %s: recording %s failed: %s", call->id, call->rec->path,
	    error);
	recording_finish(call, error);
}

/* STATE/recordings/YYYY-MM-DD/, made if needed. */
static int
recording_day_dir(char *day, size_t len, char *err, size_t errlen)
{
	time_t		 now = time(NULL);
	struct tm	 tm;
	char		*dir;
	int		 rc = 0;

	localtime_r(&now, &tm);
	strftime(day, len, "%Y-%m-%d", &tm);
	dir = xprintf("%s/recordings/%s", core.state_dir, day);
	if (mkdir(dir, 0750) != 0 && errno != EEXIST) {
		snprintf(err, errlen, "%s: %s", dir, strerror(errno));
		rc = -1;
	}
	free(dir);
	return rc;
}

int
recording_start(struct call *call, const char *why, char *err, size_t errlen)
{
	static unsigned	 seq;
	struct call_rec	*r;
	char		 day[16], *full;
	int		 fmt = core.cfg->core.record_format;
	struct db_recording row = { .call_id = call->id, .why = why,
		.agent = call->agent_id, .queue = call->queue_name,
		.format = fmt == CFG_RECORD_STEREO ? "stereo" : "mixed",
		.start_ms = clock_wall_ms() };

	if (call->rec != NULL || media_recording(call)) {
		snprintf(err, errlen, "call %s is already being recorded", call->id);
		return -1;
	}
	if (recording_day_dir(day, sizeof day, err, errlen) != 0)
		return -1;
	r = xcalloc(1, sizeof *r);
	snprintf(r->path, sizeof r->path, "%s/%s-%u.wav", day, call->id, seq++);
	full = xprintf("%s/recordings/%s", core.state_dir, r->path);
	if (media_record_start(call, full, fmt == CFG_RECORD_STEREO ?
	    RECORD_STEREO : RECORD_MIXED, core.cfg->core.record_encoding ==
	    CFG_RECORD_ALAW ? RECORD_ALAW : RECORD_PCM16, recording_failed_cb,
	    err, errlen) != 0) {
		free(full);
		free(r);
		return -1;
	}
	free(full);
	call_set_rec(call, r);
	row.path = r->path;
	r->id = db_recording_add(core.db, &row);
	log_info("call %s: recording to %s (%s)", call->id, r->path, why);
	recording_event(call, r->path, "start", NULL);
	return 0;
}

int
recording_stop(struct call *call, char *err, size_t errlen)
{
	char why[256] = "";

	if (call->rec == NULL) {
		snprintf(err, errlen, "call %s is not being recorded", call->id);
		return -1;
	}
	if (media_record_stop(call, why, sizeof why) != 0) {
		recording_finish(call, why);
		return 0;
	}
	recording_finish(call, NULL);
	return 0;
}

int
recording_pause(struct call *call, int paused, char *err, size_t errlen)
{
	struct call_rec *r = call->rec;

	if (r == NULL) {
		snprintf(err, errlen, "call %s is not being recorded", call->id);
		return -1;
	}
	if (paused == (r->paused_at != 0))
		return 0;
	if (paused)
		r->paused_at = clock_mono_us();
	else {
		r->paused_ms += (int64_t)(clock_mono_us() - r->paused_at) / 1000;
		r->paused_at = 0;
	}
	media_record_pause(call, paused);
	recording_event(call, r->path, paused ? "pause" : "resume", NULL);
	return 0;
}

void
recording_answered(struct call *call)
{
	const struct queue	*q = queue_find(call->queue_name ? call->queue_name : "");
	int			 pct = q != NULL ? q->cfg->record : 0;
	char			 err[256];

	if (call->rec != NULL)		/* recorded since an earlier agent */
		return;
	if (call->agent != NULL && call->agent->cfg->record > pct)
		pct = call->agent->cfg->record;
	if (pct <= 0 || (pct < 100 && random() % 100 >= pct))
		return;
	if (recording_start(call, "policy", err, sizeof err) == 0)
		return;
	log_error("call %s: not recorded: %s", call->id, err);
	recording_event(call, "", "failed", err);
}

void
recording_call_end(struct call *call)
{
	char err[256];

	if (call->rec != NULL)
		recording_stop(call, err, sizeof err);
}
