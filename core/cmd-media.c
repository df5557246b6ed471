/* cmd-media.c: what an agent does to the audio of their call (hold,
 * retrieve, mute, record) and a supervisor's listen, whisper and barge.
 * The dispatcher has resolved the call (ctx->call). */
#include <string.h>
#include "agent.h"
#include "call.h"
#include "cmd-handlers.h"
#include "db.h"
#include "media.h"
#include "monitor.h"
#include "notify.h"
#include "recording.h"

static void
cmd_reply_held(struct cmd_ctx *ctx, struct call *call)
{
	json_object_set_new(ctx->reply, "held", json_boolean(media_held(call)));
	json_object_set_new(ctx->reply, "muted", json_boolean(media_muted(call)));
}

static int
cmd_set_hold(struct cmd_ctx *ctx, int on)
{
	call_hold(ctx->call, on);
	cmd_reply_held(ctx, ctx->call);
	return 0;
}

int
cmd_hold(struct cmd_ctx *ctx)
{
	return cmd_set_hold(ctx, 1);
}

int
cmd_retrieve(struct cmd_ctx *ctx)
{
	return cmd_set_hold(ctx, 0);
}

int
cmd_mute(struct cmd_ctx *ctx)
{
	media_mute(ctx->call, json_is_true(json_object_get(ctx->args, "on")));
	cmd_reply_held(ctx, ctx->call);
	return 0;
}

/* On demand: start, stop; pause and resume around card numbers (PCI). */
int
cmd_record(struct cmd_ctx *ctx)
{
	struct call	*call = ctx->call;
	const char	*action = cmd_str(ctx, "action");
	char		 err[256];
	int		 rc;

	if (strcmp(action, "start") == 0)
		rc = recording_start(call, "agent", err, sizeof err);
	else if (strcmp(action, "stop") == 0)
		rc = recording_stop(call, err, sizeof err);
	else if (strcmp(action, "pause") == 0 || strcmp(action, "resume") == 0)
		rc = recording_pause(call, action[0] == 'p', err, sizeof err);
	else
		return cmd_error(ctx, PROTO_E_BAD_ARGS, "record: \"action\" is "
		    "start, stop, pause or resume");
	if (rc != 0)
		return cmd_error(ctx, PROTO_E_BAD_STATE, "%s", err);
	json_object_set_new(ctx->reply, "recording",
	    json_integer(media_recording(call)));
	return 0;
}

int
cmd_monitor(struct cmd_ctx *ctx)
{
	struct call	*call = ctx->call;
	const char	*mode = cmd_str(ctx, "mode");
	char		 err[256];

	if (strcmp(mode, "stop") == 0) {
		monitor_stop(call, ctx->conn->user, ctx->conn->ep);
		return 0;
	}
	if (monitor_start(call, ctx->conn->user, &ctx->conn->ep, mode, err,
	    sizeof err) != 0)
		return cmd_error(ctx, PROTO_E_BAD_STATE, "%s", err);
	return 0;
}
