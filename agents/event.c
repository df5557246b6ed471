/* event.c: one handler per event the core pushes, from a table. The
 * offer rings the bell and flashes before the agent answers; the call
 * panel follows offer, connect and end; a supervisor's message is shown
 * until the agent puts it away. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "clock.h"
#include "desk.h"
#include "event.h"
#include "keydef.h"
#include "login.h"
#include "note.h"
#include "session.h"

/* How long "session taken over" stays on screen before the console exits. */
#define EVENT_REPLACED_EXIT_US	(10 * 1000000ULL)

static const char *
event_str(json_t *ev, const char *key)
{
	const char *s = json_string_value(json_object_get(ev, key));

	return s != NULL ? s : "";
}

/* This call's event, for the call on screen? */
static int
event_for_call(struct console *c, json_t *ev)
{
	return strcmp(event_str(ev, "call"), c->m.call.id) == 0;
}

static void
event_agent_state(struct console *c, json_t *ev)
{
	json_t *secs = json_object_get(ev, "wrapup_s");

	if (json_is_string(json_object_get(ev, "agent")) &&
	    strcmp(event_str(ev, "agent"), c->agent) != 0)
		return;
	/* The same state and reason again only says how much wrap-up is left. */
	model_set_state(&c->m, event_str(ev, "state"), event_str(ev, "reason"));
	model_set_wrapup(&c->m, secs);
	if (!model_in_state(&c->m, "logged_out") && c->link == LINK_UP)
		desk_figures_quiet(c);	/* the figures panel follows */
	if (model_in_state(&c->m, "logged_out"))
		login_logged_out(c, "You were logged out.");
}

static void
event_offer(struct console *c, json_t *ev)
{
	model_call_fill(&c->m, ev, PHASE_OFFERED);
	beep();
	flash();
}

static void
event_offer_cancel(struct console *c, json_t *ev)
{
	if (!event_for_call(c, ev) || c->m.call.phase != PHASE_OFFERED)
		return;
	model_call_clear(&c->m);
	console_status(c, TUI_LEVEL_INFO, "the offer was withdrawn (%s)",
	    event_str(ev, "reason"));
}

static void
event_call_connected(struct console *c, json_t *ev)
{
	note_new_call(c, event_str(ev, "call"));
	model_call_connected(&c->m, ev);
	console_status(c, TUI_LEVEL_INFO, "connected to %s", c->m.call.cli);
}

/* Who ended it, in words. */
static const char *
event_cleared_by(const char *by)
{
	if (strcmp(by, "network") == 0)
		return "the caller hung up";
	if (strcmp(by, "agent") == 0)
		return "you hung up";
	if (strcmp(by, "link") == 0)
		return "the line was lost";
	if (strcmp(by, "core") == 0)
		return "ended by the system";
	if (strcmp(by, "transfer") == 0)
		return "transferred";
	return "ended";
}

static void
event_call_ended(struct console *c, json_t *ev)
{
	json_t	*dispo = json_object_get(ev, "dispositions");
	char	 why[96];

	if (!event_for_call(c, ev))
		return;
	snprintf(why, sizeof why, "%s (cause %d)",
	    event_cleared_by(event_str(ev, "cleared_by")),
	    (int)json_integer_value(json_object_get(ev, "cause")));
	model_call_ended(&c->m, why, dispo, json_is_true(json_object_get(ev,
	    "disposition_required")));
	note_flush(c);
	if (json_array_size(c->m.call.dispositions) > 0)	/* or the campaign's */
		desk_pick_disposition(c);
}

static void
event_recording(struct console *c, json_t *ev)
{
	if (!event_for_call(c, ev))
		return;
	model_call_recording(&c->m, event_str(ev, "state"));
	if (strcmp(c->m.call.recording, "failed") == 0)
		console_status(c, TUI_LEVEL_ALERT, "recording failed: %s",
		    event_str(ev, "error"));
}

static void
event_session_replaced(struct console *c, json_t *ev)
{
	c->want_login = 0;
	c->creds_ok = 0;
	c->exit_why = "session taken over elsewhere";
	c->exit_at = clock_mono_us() + EVENT_REPLACED_EXIT_US;
	console_prompt(c, PROMPT_REPLACED, "Session taken over",
	    "Your session was taken over elsewhere (you logged in on another "
	    "terminal). This console closes in 10 seconds.", "");
}

static void
event_shutdown(struct console *c, json_t *ev)
{
	console_status(c, TUI_LEVEL_ALERT, "the core is shutting down (%s)",
	    event_str(ev, "mode"));
}

static void
event_message(struct console *c, json_t *ev)
{
	const char	*from = event_str(ev, "from");
	json_t		*at = json_object_get(ev, "at_ms");
	time_t		 t = json_is_integer(at) ? (time_t)(json_integer_value(at) /
			    1000) : time(NULL);
	char		 hhmm[8], text[sizeof c->m.message];

	strftime(hhmm, sizeof hhmm, "%H:%M", localtime(&t));
	snprintf(text, sizeof text, "Message from %s at %s: %s",
	    from[0] != '\0' ? from : "supervisor", hhmm, event_str(ev, "text"));
	model_set_message(&c->m, text);
	beep();
}

/* Our own call rings at the far end. */
static void
event_call_progress(struct console *c, json_t *ev)
{
	model_call_progress(&c->m, event_str(ev, "call"), event_str(ev,
	    "progress"));
}

static void
event_consult_connected(struct console *c, json_t *ev)
{
	if (!event_for_call(c, ev))
		return;
	if (c->m.call.consult == CONSULT_NONE || c->m.call.consult ==
	    CONSULT_RINGING)
		model_call_consult(&c->m, CONSULT_TALKING, NULL, NULL);
	else
		model_call_set_held(&c->m, 1);
	console_status(c, TUI_LEVEL_INFO, "consultation connected (the caller "
	    "is on hold)");
}

static void
event_consult_ended(struct console *c, json_t *ev)
{
	if (!event_for_call(c, ev))
		return;
	if (c->m.call.consult_from[0] != '\0') {		/* we were consulted */
		model_call_gone(&c->m, "consultation ended");
		return;
	}
	model_call_consult(&c->m, CONSULT_NONE, NULL, NULL);
	console_status(c, TUI_LEVEL_INFO, "the consulted party left (cause "
	    "%d): back to the caller", (int)json_integer_value(
	    json_object_get(ev, "cause")));
}

/* Another agent consults us: connected at once, like an intercom. */
static void
event_consult(struct console *c, json_t *ev)
{
	model_call_consulted(&c->m, ev, event_str(ev, "from"));
	beep();
	console_status(c, TUI_LEVEL_INFO, "agent %s consults you about this "
	    "call", c->m.call.consult_from);
}

/* A waiting line of one of our queues. */
static void
event_queue(struct console *c, json_t *ev)
{
	model_line_set(&c->m, event_str(ev, "name"), (int)json_integer_value(
	    json_object_get(ev, "waiting")), (int)json_integer_value(
	    json_object_get(ev, "longest_wait_s")));
}

/* A preview campaign's record, shown for the agent to dial or skip. */
static void
event_campaign_preview(struct console *c, json_t *ev)
{
	model_campaign_show(&c->m, ev);
	c->script_top = 0;
	beep();
}

/* The screen pop of a call placed for a campaign's record: a preview
 * dialled, or a progressive campaign's call, on screen from its dial. */
static void
event_campaign_record(struct console *c, json_t *ev)
{
	const char *call = event_str(ev, "call");

	model_campaign_show(&c->m, ev);
	c->script_top = 0;
	if (strcmp(c->m.call.id, call) != 0 && c->m.call.phase !=
	    PHASE_OFFERED && c->m.call.phase != PHASE_CONNECTED)
		model_call_dialled(&c->m, call, event_str(ev, "phone"));
}

static const struct {
	const char	*name;
	void		(*fn)(struct console *, json_t *);
} event_table[] = {
	{ "agent_state", event_agent_state },
	{ "offer", event_offer },
	{ "offer_cancel", event_offer_cancel },
	{ "call_connected", event_call_connected },
	{ "call_ended", event_call_ended },
	{ "recording", event_recording },
	{ "session_replaced", event_session_replaced },
	{ "shutdown", event_shutdown },
	{ "message", event_message },
	{ "call_progress", event_call_progress },
	{ "consult_connected", event_consult_connected },
	{ "consult_ended", event_consult_ended },
	{ "consult", event_consult },
	{ "queue", event_queue },
	{ "campaign_preview", event_campaign_preview },
	{ "campaign_record", event_campaign_record },
};

void
event_dispatch(struct console *c, json_t *ev)
{
	const char *name = event_str(ev, "event");

	for (size_t i = 0; i < sizeof event_table / sizeof event_table[0]; i++) {
		if (strcmp(event_table[i].name, name) == 0) {
			event_table[i].fn(c, ev);
			c->dirty = 1;
			return;
		}
	}
}
