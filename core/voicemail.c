/* voicemail.c: messages left by callers (voicemail.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <event2/event.h>
#include "call.h"
#include "cause.h"
#include "clock.h"
#include "core.h"
#include "db.h"
#include "log.h"
#include "media.h"
#include "proto.h"
#include "sink.h"
#include "voicemail.h"
#include "xmalloc.h"

struct voicemail {
	char		 box[64];
	char		 path[160];	/* relative: BOX/CALL.wav */
	int64_t		 start_ms;
	struct event	*timer;
	int		 recording;
};

static void
voicemail_bye_cb(struct call *call)
{
	call_hangup(call, CAUSE_NORMAL, DB_CLEARED_CORE, "voicemail left");
}

/* Keeps the message: closes the file, indexes it, tells supervisors. */
static void
voicemail_save(struct call *call)
{
	struct voicemail	*vm = call->vm;
	char			 err[256] = "";
	json_t			*ev;
	struct db_voicemail	 row = { .call_id = call->id, .box = vm->box,
		.cli = call->cli, .path = vm->path, .start_ms = vm->start_ms,
		.duration_ms = clock_wall_ms() - vm->start_ms };

	if (media_record_stop(call, err, sizeof err) != 0)
		row.error = err;
	vm->recording = 0;
	evtimer_del(vm->timer);
	media_detect_dtmf(call, NULL);
	if (db_voicemail_add(core.db, &row) != 0)
		log_error("call %s: voicemail %s not indexed", call->id, vm->path);
	call_event(call, EV_VOICEMAIL, json_pack("{s:s,s:s,s:I}", "box",
	    vm->box, "path", vm->path, "duration_ms", (json_int_t)row.duration_ms));
	log_info("call %s: voicemail in %s, %lld ms", call->id, vm->path,
	    (long long)row.duration_ms);
	ev = proto_event("voicemail");
	json_object_set_new(ev, "call", json_string(call->id));
	json_object_set_new(ev, "box", json_string(vm->box));
	json_object_set_new(ev, "cli", json_string(call->cli));
	sink_watchers(ev);
}

static void
voicemail_done(struct call *call)
{
	static const char *const bye[] = { "message-saved", "goodbye" };

	voicemail_save(call);
	media_play(call, bye, 2, voicemail_bye_cb);
}

static void
voicemail_timer_cb(evutil_socket_t fd, short what, void *arg)
{
	voicemail_done(arg);
}

static void
voicemail_digit(struct call *call, int digit)
{
	if (digit == '#' && call->vm != NULL && call->vm->recording)
		voicemail_done(call);
}

static void
voicemail_record_failed(struct call *call, const char *error)
{
	log_error("call %s: voicemail %s: %s", call->id, call->vm->path, error);
}

/* After the beep: record. */
static void
voicemail_record(struct call *call)
{
	struct voicemail	*vm = call->vm;
	struct timeval		 tv = { VOICEMAIL_MAX_S, 0 };
	char			*dir, *full, err[256];

	dir = xprintf("%s/voicemail/%s", core.state_dir, vm->box);
	if (mkdir(dir, 0750) != 0 && errno != EEXIST)
		log_error("voicemail: %s: %s", dir, strerror(errno));
	free(dir);
	full = xprintf("%s/voicemail/%s", core.state_dir, vm->path);
	if (media_record_start(call, full, RECORD_CALLER, RECORD_PCM16,
	    voicemail_record_failed, err, sizeof err) != 0) {
		free(full);
		log_error("call %s: voicemail not recorded: %s", call->id, err);
		call_hangup(call, CAUSE_NORMAL, DB_CLEARED_CORE,
		    "voicemail unavailable");
		return;
	}
	free(full);
	vm->recording = 1;
	vm->start_ms = clock_wall_ms();
	media_detect_dtmf(call, voicemail_digit);
	vm->timer = evtimer_new(core.base, voicemail_timer_cb, call);
	evtimer_add(vm->timer, &tv);
}

void
voicemail_start(struct call *call, const char *box)
{
	static const char *const intro[] = { "leave-message", "beep" };
	struct voicemail *vm = xcalloc(1, sizeof *vm);

	snprintf(vm->box, sizeof vm->box, "%s", box);
	snprintf(vm->path, sizeof vm->path, "%s/%s.wav", box, call->id);
	call_set_vm(call, vm);
	call_set_state(call, CALL_IVR);
	media_play(call, intro, 2, voicemail_record);
}

void
voicemail_call_end(struct call *call)
{
	struct voicemail *vm = call->vm;

	if (vm == NULL)
		return;
	if (vm->recording)
		voicemail_save(call);
	if (vm->timer != NULL)
		event_free(vm->timer);
	free(vm);
	call_set_vm(call, NULL);
}
