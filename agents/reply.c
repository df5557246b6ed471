/* reply.c: what the core's replies mean for the agent console: a login
 * accepted (the model filled from it) or refused (the login screen says
 * why), and for every other request what changes on screen; the desk's
 * and the note's own replies go to them. session.c matches a reply to its
 * request and hands both here. */
#include <stdio.h>
#include <string.h>
#include "campaign.h"
#include "cli.h"
#include "desk.h"
#include "keydef.h"
#include "login.h"
#include "note.h"
#include "reply.h"
#include "session.h"

/* The desk's replies, and the campaign's preview (campaign.c's). */
static void
reply_desk(struct console *c, const struct console_pending *p, json_t *r)
{
	if (p->kind == REQ_PREVIEW)
		campaign_reply(c, p->arg, r);
	else
		desk_reply(c, p->kind, p->arg, r);
}

/* The call the login reply names: an id, or an object like an offer. */
static void
reply_take_call(struct console *c, json_t *call)
{
	json_t *ev;
	enum model_call_phase phase = model_in_state(&c->m, "ringing") ?
	    PHASE_OFFERED : PHASE_CONNECTED;

	if (json_is_object(call))
		ev = json_incref(call);
	else if (json_is_string(call))
		ev = json_pack("{s:O}", "call", call);
	else {
		/* The core has no call for us: one on screen went with it. */
		if (c->m.call.phase == PHASE_OFFERED || c->m.call.phase == PHASE_CONNECTED)
			model_call_gone(&c->m, "lost with the connection to "
			    "the core");
		return;
	}
	if (json_object_get(ev, "call") == NULL && json_object_get(ev, "id") != NULL)
		json_object_set(ev, "call", json_object_get(ev, "id"));
	model_call_fill(&c->m, ev, phase);
	json_decref(ev);
}

/* The state in the login reply; its agent_state event, which came
 * first, may have said the reason already. */
static void
reply_take_state(struct console *c, json_t *r)
{
	const char *st = json_string_value(json_object_get(r, "state"));
	const char *reason = json_string_value(json_object_get(r, "reason"));

	if (st == NULL || model_in_state(&c->m, st))
		return;
	model_set_state(&c->m, st, reason != NULL ? reason : "");
}

/* A wrap-up waiting for a disposition of a call that ended before this
 * console started: the call, its codes and note, and the list at once. */
static void
reply_take_owed(struct console *c, json_t *owed)
{
	json_t		*codes = json_object_get(owed, "dispositions");
	const char	*id = json_string_value(json_object_get(owed, "call"));

	if (id == NULL || c->m.call.phase == PHASE_OFFERED ||
	    c->m.call.phase == PHASE_CONNECTED)
		return;
	model_call_owed(&c->m, id, json_string_value(json_object_get(owed,
	    "queue")), json_string_value(json_object_get(json_object_get(owed,
	    "contact"), "number")), codes);
	note_take_contact(c, json_object_get(owed, "contact"));
	desk_pick_disposition(c);
}

static void
reply_logged_in(struct console *c, json_t *r)
{
	int again = c->was_up;

	c->screen = SCREEN_MAIN;
	login_say(c, "%s", "");
	console_copy(c->agent, sizeof c->agent, r, "agent");
	if (json_is_string(json_object_get(r, "name")))
		model_set_name(&c->m, json_string_value(json_object_get(r,
		    "name")));
	reply_take_state(c, r);
	model_set_wrapup(&c->m, json_object_get(r, "wrapup_s"));
	model_set_queues(&c->m, json_object_get(r, "queues"));
	model_set_reasons(&c->m, json_object_get(r, "not_ready_reasons"));
	reply_take_call(c, json_object_get(r, "call"));
	note_take_contact(c, json_object_get(json_object_get(r, "call"),
	    "contact"));
	model_set_help(&c->m, json_is_true(json_object_get(r, "help")));
	if (again)
		console_status(c, TUI_LEVEL_INFO, "reconnected: logged in again "
		    "as %s", c->agent);
	else
		console_status(c, TUI_LEVEL_INFO, "logged in as %s", c->agent);
	note_flush(c);
	desk_figures_quiet(c);
	reply_take_owed(c, json_object_get(r, "disposition_owed"));
}

/* A refused login: back to the login screen, saying why. */
static void
reply_login_refused(struct console *c, const char *how, json_t *r)
{
	const char *code = json_string_value(json_object_get(r, "error"));

	login_show(c, "");
	if (strcmp(how, "nopin") == 0 && code != NULL &&
	    strcmp(code, "bad-args") == 0) {
		login_say(c, "Enter your PIN.");
		return;
	}
	if (code != NULL && strcmp(code, "auth-failed") == 0)
		login_say(c, "Login refused: wrong agent id or PIN (auth-failed)");
	else
		login_say(c, "Login refused: %s", cli_reply_error(r));
	if (c->was_up)
		console_status(c, TUI_LEVEL_ALERT, "%s", c->login.error);
}

/* "... is not a not-ready reason (break, lunch)": the list in brackets. */
static void
reply_reasons_from_message(struct console *c, const char *msg)
{
	const char	*open = msg != NULL ? strrchr(msg, '(') : NULL;
	char		 buf[512], *p, *tok;
	json_t		*list;

	if (open == NULL || strchr(open, ')') == NULL)
		return;
	snprintf(buf, sizeof buf, "%.*s", (int)(strchr(open, ')') - open - 1),
	    open + 1);
	list = json_array();
	for (p = buf; (tok = strsep(&p, ",")) != NULL;) {
		while (*tok == ' ')
			tok++;
		if (*tok != '\0')
			json_array_append_new(list, json_string(tok));
	}
	model_set_reasons(&c->m, list);
	json_decref(list);
}

/* What an accepted request changes on screen. */
static void
reply_ok(struct console *c, const struct console_pending *p, json_t *r)
{
	model_call_flags(&c->m, r);
	switch (p->kind) {
	case REQ_HOLD:
	case REQ_RETRIEVE:
		console_status(c, TUI_LEVEL_INFO, c->m.call.held ? "call on hold" :
		    "call retrieved");
		break;
	case REQ_MUTE:
		console_status(c, TUI_LEVEL_INFO, c->m.call.muted ? "microphone "
		    "muted" : "microphone on");
		break;
	case REQ_AFTER:
		model_set_after(&c->m, p->arg);
		console_status(c, TUI_LEVEL_INFO, "after this call: %s", p->arg);
		break;
	case REQ_WRAPUP:
		console_status(c, TUI_LEVEL_INFO, strcmp(p->arg, "end") == 0 ?
		    "wrap-up ended" : "wrap-up extended");
		break;
	case REQ_LOGOUT:
		model_set_state(&c->m, "logged_out", "");
		login_logged_out(c, "Logged out.");
		break;
	case REQ_NOTE:
		note_reply(c, p->kind, p->arg, r);
		break;
	case REQ_DISPOSITION:
		note_reply(c, p->kind, p->arg, r);
		campaign_disposed(c, p->arg);	/* a campaign code's flags */
		break;
	default:
		if (p->kind >= REQ_DIAL)
			reply_desk(c, p, r);
	}
}

/* "disposition required for call ID": a console started after the call
 * ended learns which call it is (the login reply has no call then). */
static void
reply_owed_call(struct console *c, const char *msg)
{
	const char	*id = strstr(msg, "for call ");
	char		 call[MODEL_ID_MAX];

	if (id == NULL || c->m.call.phase != PHASE_NONE)
		return;
	id += strlen("for call ");
	snprintf(call, sizeof call, "%.*s", (int)strcspn(id, " "), id);
	model_call_owed(&c->m, call, NULL, NULL, NULL);
}

static void
reply_error(struct console *c, const struct console_pending *p, json_t *r)
{
	static const char *what[] = {
		[REQ_HELLO] = "hello", [REQ_LOGOUT] = "logout",
		[REQ_READY] = "ready", [REQ_NOTREADY] = "not ready",
		[REQ_ACCEPT] = "answer", [REQ_REJECT] = "reject",
		[REQ_HANGUP] = "hang up", [REQ_HOLD] = "hold",
		[REQ_RETRIEVE] = "retrieve", [REQ_MUTE] = "mute",
		[REQ_WRAPUP] = "wrap-up", [REQ_AFTER] = "after call",
	};
	const char *code = json_string_value(json_object_get(r, "error"));
	const char *msg = json_string_value(json_object_get(r, "message"));
	const char *w = p->kind < (int)(sizeof what / sizeof what[0]) &&
	    what[p->kind] != NULL ? what[p->kind] : "request";

	if (p->kind == REQ_NOTE || p->kind == REQ_DISPOSITION) {
		note_reply(c, p->kind, p->arg, r);
		return;
	}
	if (p->kind >= REQ_DIAL) {
		reply_desk(c, p, r);
		return;
	}
	if (msg != NULL && strstr(msg, "disposition required") != NULL) {
		reply_owed_call(c, msg);
		model_call_dispo_required(&c->m);
		console_status(c, TUI_LEVEL_ALERT, "%s refused: disposition "
		    "required first (%s: choose one)", w, keys_hint(KA_DISPO));
		desk_pick_disposition(c);
		return;
	}
	if (p->kind == REQ_NOTREADY && code != NULL &&
	    strcmp(code, "bad-args") == 0)
		reply_reasons_from_message(c, json_string_value(
		    json_object_get(r, "message")));
	console_status(c, TUI_LEVEL_ALERT, "%s refused: %s", w,
	    cli_reply_error(r));
}

void
reply_handle(struct console *c, const struct console_pending *p, json_t *r)
{
	if (p->kind == REQ_LOGIN) {
		if (json_is_true(json_object_get(r, "ok")))
			reply_logged_in(c, r);
		else
			reply_login_refused(c, p->arg, r);
	} else if (json_is_true(json_object_get(r, "ok")))
		reply_ok(c, p, r);
	else
		reply_error(c, p, r);
}
