/* desk.c: dialogs of the agent's desk (desk.h): asks and pick lists that
 * end in one request; the replies come back here. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "cli.h"
#include "clock.h"
#include "desk.h"
#include "keydef.h"
#include "note.h"
#include "session.h"

#define DESK_CB_DEFAULT_S	3600	/* a callback defaults to in an hour */

static const char *const desk_form_keys[CONSOLE_FORM_FIELDS] = {
	"name", "company", "phone", "phone2", "email"
};
static const char *const desk_form_labels[CONSOLE_FORM_FIELDS] = {
	"Name", "Company", "Phone", "Phone 2", "E-mail"
};

static void
desk_ask(struct console *c, enum console_dialog kind, const char *title,
    const char *hint, const char *value)
{
	console_ask(c, kind, title, hint, value);
}

static int
desk_digits(const char *s, size_t min, size_t max, const char *set)
{
	size_t n = strlen(s);

	return n >= min && n <= max && strspn(s, set) == n;
}

static void
desk_send_dial(struct console *c, const char *number)
{
	if (number != c->last_dialled)
		snprintf(c->last_dialled, sizeof c->last_dialled, "%s", number);
	session_send(c, REQ_DIAL, number, json_pack("{s:s,s:s}", "req", "dial",
	    "number", number));
}

void
desk_dial(struct console *c)
{
	desk_ask(c, ASK_DIAL, "Call a number", "the number (digits), then Enter",
	    "");
}

void
desk_redial(struct console *c)
{
	if (c->last_dialled[0] == '\0')
		console_status(c, TUI_LEVEL_INFO, "nothing dialled yet");
	else
		desk_send_dial(c, c->last_dialled);
}

/* The call's code typed in: this console started after the call ended,
 * so it never got the list (the core's refusal names the codes). */
void
desk_disposition_ask(struct console *c)
{
	desk_ask(c, ASK_DISPOSITION, "Disposition of the last call", "its "
	    "code, then Enter", "");
}

void
desk_dtmf(struct console *c)
{
	desk_ask(c, ASK_DTMF, "Send DTMF to the caller", "digits 0-9 * #, then "
	    "Enter", "");
}

void
desk_transfer(struct console *c)
{
	static char *items[] = { "Transfer to a queue", "Transfer to an agent",
	    "Transfer to a number", "Consult an agent", "Consult a number" };

	console_pick(c, PICK_TRANSFER, "Transfer or consult", items, 5);
}

static void
desk_consult_end(struct console *c, const char *req)
{
	if (c->m.call.consult == CONSULT_NONE) {
		console_status(c, TUI_LEVEL_INFO, "no consultation");
		return;
	}
	session_send(c, REQ_CONSULT_END, req, json_pack("{s:s,s:s}", "req", req,
	    "call", c->m.call.id));
}

void
desk_consult_complete(struct console *c)
{
	desk_consult_end(c, "consult-complete");
}

void
desk_consult_cancel(struct console *c)
{
	desk_consult_end(c, "consult-cancel");
}

void
desk_conference(struct console *c)
{
	desk_consult_end(c, "conference");
}

/* A call the customer dialogs work for: on it, or in its wrap-up. */
static int
desk_call_at_hand(const struct console *c)
{
	return c->m.call.id[0] != '\0' && c->m.call.consult_from[0] == '\0' &&
	    (c->m.call.phase == PHASE_CONNECTED || (c->m.call.phase == PHASE_ENDED &&
	    model_in_state(&c->m, "wrap_up")));
}

void
desk_customer(struct console *c)
{
	char	 fresh[96];
	char	*items[3] = { "Search", "New customer", "Edit this customer" };
	int	 n = c->m.call.customer != NULL ? 3 : 2;

	if (c->m.call.customer == NULL && desk_call_at_hand(c) &&
	    c->m.call.cli[0] != '\0') {
		snprintf(fresh, sizeof fresh, "New customer with %s", c->m.call.cli);
		items[1] = fresh;
	}
	console_pick(c, PICK_CUSTOMER_MENU, "Customer", items, n);
}

/* A phone field: "+48 600-100-001" is fine to type; the core takes
 * "+48600100001": 3 to 20 digits, + in front allowed, or nothing. */
static int
desk_phone_check(char *s, const void *arg, char *why, size_t len)
{
	char *w = s;

	for (char *r = s; *r != '\0'; r++)
		if (strchr(" -().", *r) == NULL)
			*w++ = *r;
	*w = '\0';
	if (s[0] == '\0' || desk_digits(s[0] == '+' ? s + 1 : s, 3, 20,
	    "0123456789"))
		return 0;
	snprintf(why, len, "a phone number is 3 to 20 digits (+ in front "
	    "allowed)");
	return -1;
}

static int
desk_name_check(char *s, const void *arg, char *why, size_t len)
{
	if (s[0] != '\0')
		return 0;
	snprintf(why, len, "a customer needs a name");
	return -1;
}

/* Each field's validator (form.h), by desk_form_keys. */
static const tui_form_check desk_form_checks[CONSOLE_FORM_FIELDS] = {
	desk_name_check, NULL, desk_phone_check, desk_phone_check, NULL
};

/* The form, filled from a customer (edit) or empty (new: with the
 * caller's number when a call is at hand). The center's own fields are
 * kept to be saved back unchanged. */
static void
desk_form_start(struct console *c, json_t *from)
{
	char		 title[64];
	const char	*v;

	json_decref(c->form);
	c->form = json_object();
	if (json_is_integer(json_object_get(from, "id")))
		json_object_set(c->form, "id", json_object_get(from, "id"));
	if (json_is_object(json_object_get(from, "fields")))
		json_object_set(c->form, "fields", json_object_get(from,
		    "fields"));
	if (json_is_integer(json_object_get(c->form, "id")))
		snprintf(title, sizeof title, "Customer #%lld",
		    (long long)json_integer_value(json_object_get(c->form, "id")));
	else
		snprintf(title, sizeof title, "New customer");
	tui_form_init(&c->custform, title, "Enter/Tab: next field   F2: save   "
	    "Esc: cancel");
	for (int i = 0; i < CONSOLE_FORM_FIELDS; i++) {
		v = json_string_value(json_object_get(from, desk_form_keys[i]));
		if (from == NULL && i == 2 && desk_call_at_hand(c))
			v = c->m.call.cli;
		tui_form_add(&c->custform, desk_form_labels[i], v);
		tui_form_check_with(&c->custform, desk_form_checks[i], NULL);
	}
	console_modal_close(c);
	c->modal = MODAL_FORM;
}

/* The form is given, its fields right (the validators saw to that):
 * customer-save. */
void
desk_form_done(struct console *c)
{
	char *text;

	for (int i = 0; i < CONSOLE_FORM_FIELDS; i++) {
		text = tui_form_get(&c->custform, i);
		json_object_set_new(c->form, desk_form_keys[i], json_string(text));
		free(text);
	}
	c->modal = MODAL_NONE;
	session_send(c, REQ_SAVE, NULL, json_pack("{s:s,s:O}", "req",
	    "customer-save", "customer", c->form));
}

/* A customer's card: who, how to reach them, the center's fields and
 * the history; e edits it, l links it to the call at hand. */
static void
desk_card(struct console *c, json_t *cu)
{
	char		 text[2048], line[256];
	const char	*k;
	json_t		*v;
	size_t		 i, n = json_array_size(json_object_get(cu, "history"));

#define STR(key) (json_string_value(json_object_get(cu, key)) != NULL ? \
	json_string_value(json_object_get(cu, key)) : "")
	snprintf(text, sizeof text, "%s%s%s\nPhone    %s%s%s\nE-mail   %s\n",
	    STR("name"), STR("company")[0] ? " - " : "", STR("company"),
	    STR("phone"), STR("phone2")[0] ? ", " : "", STR("phone2"),
	    STR("email"));
#undef STR
	json_object_foreach(json_object_get(cu, "fields"), k, v)
		if (json_is_string(v))
			snprintf(text + strlen(text), sizeof text - strlen(text),
			    "%s: %s\n", k, json_string_value(v));
	if (n == 1)
		snprintf(text + strlen(text), sizeof text - strlen(text),
		    "1 earlier contact:\n");
	else
		snprintf(text + strlen(text), sizeof text - strlen(text),
		    "%zu earlier contacts%s\n", n, n > 0 ? ":" : ".");
	json_array_foreach(json_object_get(cu, "history"), i, v) {
		console_history_line(v, line, sizeof line);
		snprintf(text + strlen(text), sizeof text - strlen(text), "%s\n",
		    line);
	}
	json_decref(c->shown);
	c->shown = json_incref(cu);
	snprintf(line, sizeof line, "Customer #%lld",
	    (long long)json_integer_value(json_object_get(cu, "id")));
	console_prompt(c, PROMPT_CUSTOMER, line, text, "");
	c->dialog.prompt.wide = 1;
	snprintf(c->dialog.prompt.hint, sizeof c->dialog.prompt.hint, "%s",
	    desk_call_at_hand(c) ? "l: link to this call   e: edit   Esc: close" :
	    "e: edit   Esc: close");
}

/* The customer becomes the call's: shown in the call panel, and linked
 * in the core (the contact's history follows the customer). */
static void
desk_link(struct console *c, json_t *cu)
{
	model_call_customer(&c->m, cu);
	session_send(c, REQ_LINK, NULL, json_pack("{s:s,s:s,s:O}", "req",
	    "customer-link", "call", c->m.call.id, "customer",
	    json_object_get(cu, "id")));
}

void
desk_prompted(struct console *c, enum console_dialog kind, int answer)
{
	if (kind != PROMPT_CUSTOMER || c->shown == NULL)
		return;
	if (answer == 'e')
		desk_form_start(c, c->shown);
	else if (answer == 'l' && desk_call_at_hand(c))
		desk_link(c, c->shown);
}

void
desk_callback(struct console *c)
{
	desk_ask(c, ASK_CB_NUMBER, "Callback: number", "the number to call "
	    "back, then Enter", c->m.call.cli);
}

void
desk_callback_at(struct console *c, const char *number, int secs)
{
	char	when[32], title[64];
	time_t	t = time(NULL) + secs;

	snprintf(c->cb_number, sizeof c->cb_number, "%s%s", number[0] == '+' ?
	    "00" : "", number[0] == '+' ? number + 1 : number);
	strftime(when, sizeof when, "%Y-%m-%d %H:%M", localtime(&t));
	snprintf(title, sizeof title, "Callback to %s: when", c->cb_number);
	desk_ask(c, ASK_CB_WHEN, title, "YYYY-MM-DD HH:MM (local time), Esc: "
	    "none", when);
}

void
desk_figures(struct console *c)
{
	session_send(c, REQ_STATS, NULL, json_pack("{s:s}", "req", "my-stats"));
}

void
desk_figures_quiet(struct console *c)
{
	if (c->link == LINK_UP)
		session_send(c, REQ_STATS, "quiet", json_pack("{s:s}", "req",
		    "my-stats"));
}

void
desk_help_flag(struct console *c)
{
	session_send(c, REQ_HELP, NULL, json_pack("{s:s,s:b}", "req", "help",
	    "on", !c->m.help));
}

void
desk_picked(struct console *c, enum console_dialog kind, int sel,
    const char *item)
{
	static const char *const xfer[][3] = {
		{ "transfer", "queue", "queue name (sales, support, ...)" },
		{ "transfer", "agent", "agent id (the agent must be ready)" },
		{ "transfer", "number", "the outside number" },
		{ "consult", "agent", "agent id (the agent must be ready)" },
		{ "consult", "number", "the outside number" },
	};
	json_t *cu;

	switch (kind) {
	case PICK_TRANSFER:
		snprintf(c->xfer_req, sizeof c->xfer_req, "%s", xfer[sel][0]);
		snprintf(c->xfer_kind, sizeof c->xfer_kind, "%s", xfer[sel][1]);
		desk_ask(c, ASK_TRANSFER, item, xfer[sel][2], "");
		break;
	case PICK_CUSTOMER_MENU:
		if (sel == 0)
			desk_ask(c, ASK_SEARCH, "Find a customer", "a name, a "
			    "number or #id, then Enter", "");
		else
			desk_form_start(c, sel == 2 ? c->m.call.customer : NULL);
		break;
	case PICK_CUSTOMER:
		cu = json_array_get(c->found, sel);
		session_send(c, REQ_GET, NULL, json_pack("{s:s,s:O}", "req",
		    "customer-get", "customer", json_object_get(cu, "id")));
		break;
	case PICK_CALLBACK_FOR:
		session_send(c, REQ_CALLBACK, c->cb_number, sel == 0 ?
		    json_pack("{s:s,s:s,s:s,s:s}", "req", "callback-schedule",
		    "number", c->cb_number, "at", c->cb_when, "note", c->cb_note) :
		    json_pack("{s:s,s:s,s:s,s:s,s:s}", "req", "callback-schedule",
		    "number", c->cb_number, "at", c->cb_when, "note", c->cb_note,
		    "agent", ""));
		break;
	default:
		break;
	}
}

static void
desk_asked_transfer(struct console *c, const char *text)
{
	char to[160];

	snprintf(to, sizeof to, "%s:%s", c->xfer_kind, text);
	session_send(c, REQ_TRANSFER, to, json_pack("{s:s,s:s,s:s}", "req",
	    c->xfer_req, "call", c->m.call.id, "to", to));
}

void
desk_asked(struct console *c, enum console_dialog kind, const char *text)
{
	char	when[32];
	time_t	t = time(NULL) + DESK_CB_DEFAULT_S;

	if (text == NULL)
		return;
	switch (kind) {
	case ASK_DIAL:
		if (!desk_digits(text, 3, 20, "0123456789"))
			console_status(c, TUI_LEVEL_ALERT, "a number is 3 to 20 "
			    "digits");
		else
			desk_send_dial(c, text);
		break;
	case ASK_DTMF:
		if (!desk_digits(text, 1, 32, "0123456789*#ABCD"))
			console_status(c, TUI_LEVEL_ALERT, "DTMF is 0-9 * # A-D");
		else
			session_send(c, REQ_DTMF, text, json_pack("{s:s,s:s,s:s}",
			    "req", "dtmf", "call", c->m.call.id, "digits", text));
		break;
	case ASK_TRANSFER:
		if (text[0] != '\0')
			desk_asked_transfer(c, text);
		break;
	case ASK_SEARCH:
		if (text[0] != '\0')
			session_send(c, REQ_FIND, text, json_pack("{s:s,s:s}",
			    "req", "customer-find", "query", text));
		break;
	case ASK_CB_NUMBER:
		snprintf(c->cb_number, sizeof c->cb_number, "%s", text);
		strftime(when, sizeof when, "%Y-%m-%d %H:%M", localtime(&t));
		desk_ask(c, ASK_CB_WHEN, "Callback: when", "YYYY-MM-DD HH:MM "
		    "(local time)", when);
		break;
	case ASK_CB_WHEN:
		snprintf(c->cb_when, sizeof c->cb_when, "%s", text);
		desk_ask(c, ASK_CB_NOTE, "Callback: note", "why, for whoever "
		    "calls back", "");
		break;
	case ASK_DISPOSITION:
		if (text[0] != '\0')
			note_disposition(c, text);
		break;
	case ASK_CB_NOTE: {
		char *items[] = { "For me", "For anyone in the queue" };

		snprintf(c->cb_note, sizeof c->cb_note, "%s", text);
		console_pick(c, PICK_CALLBACK_FOR, "Callback: who calls back",
		    items, 2);
		break;
	}
	default:
		break;
	}
}

static void
desk_found(struct console *c, json_t *list)
{
	char	*items[TUI_PICK_MAX], buf[TUI_PICK_MAX][160];
	int	 n = 0;
	size_t	 i;
	json_t	*v;

	json_decref(c->found);
	c->found = json_incref(list);
	json_array_foreach(list, i, v) {
		if (n == TUI_PICK_MAX)
			break;
		snprintf(buf[n], sizeof buf[n], "%s - %s  %s  #%lld",
		    json_string_value(json_object_get(v, "name")),
		    json_string_value(json_object_get(v, "company")),
		    json_string_value(json_object_get(v, "phone")),
		    (long long)json_integer_value(json_object_get(v, "id")));
		items[n] = buf[n];
		n++;
	}
	if (n == 0)
		console_status(c, TUI_LEVEL_INFO, "no customer found");
	else
		console_pick(c, PICK_CUSTOMER, "Customers found", items, n);
}

/* Seconds today in a state, as of now: the reply's count, and the
 * current state's time since the reply came. */
static uint64_t
desk_state_secs(const struct console *c, const char *state)
{
	json_t		*st = json_object_get(c->m.stats, "states");
	uint64_t	 s = (uint64_t)json_number_value(json_object_get(st, state));
	uint64_t	 now = clock_mono_us();

	if (model_in_state(&c->m, state) && now > c->m.stats_at)
		s += (now - c->m.stats_at) / 1000000;
	return s;
}

void
desk_stats_text(const struct console *c, char *text, size_t len, int queues)
{
	char		 a[16], b[16], d[16], e[16], f[16];
	json_t		*q;
	size_t		 i;
	double		 aht = json_number_value(json_object_get(c->m.stats, "aht_s"));

	text[0] = '\0';
	if (c->m.stats == NULL)
		return;
	snprintf(text, len, "Calls handled today: %lld\nAverage handle "
	    "time: %s\nReady %s   Not ready %s\nOn call %s   Wrap-up %s\n",
	    (long long)json_integer_value(json_object_get(c->m.stats, "calls")),
	    json_is_number(json_object_get(c->m.stats, "aht_s")) ?
	    console_duration((uint64_t)aht, a, sizeof a) : "-",
	    console_duration(desk_state_secs(c, "ready"), b, sizeof b),
	    console_duration(desk_state_secs(c, "not_ready"), d, sizeof d),
	    console_duration(desk_state_secs(c, "on_call"), e, sizeof e),
	    console_duration(desk_state_secs(c, "wrap_up"), f, sizeof f));
	model_campaign_progress(&c->m, text + strlen(text), len - strlen(text));
	json_array_foreach(json_object_get(c->m.stats, "queues"), i, q) {
		if (!queues)
			break;
		const char *name = json_string_value(json_object_get(q, "name"));

		for (int j = 0; j < c->m.nlines; j++)
			if (name != NULL && strcmp(c->m.lines[j].name, name) == 0)
				snprintf(text + strlen(text), len - strlen(text),
				    "Queue %s: %d waiting, longest %s\n", name,
				    c->m.lines[j].waiting, console_duration(
				    c->m.lines[j].waiting > 0 ? (clock_mono_us() -
				    c->m.lines[j].oldest_since) / 1000000 : 0,
				    a, sizeof a));
	}
}

/* my-stats answered: kept for the figures panel (and its queues' lines
 * as they are now); shown in a box when the agent asked. */
static void
desk_stats(struct console *c, const char *arg, json_t *r)
{
	char text[1024];

	model_set_stats(&c->m, r);
	if (strcmp(arg, "quiet") == 0)
		return;
	desk_stats_text(c, text, sizeof text, 1);
	console_prompt(c, PROMPT_NOTICE, "My figures today", text, "");
}

static void
desk_ok(struct console *c, int kind, const char *arg, json_t *r)
{
	json_t *v;

	switch (kind) {
	case REQ_DIAL:
		model_call_dialled(&c->m, json_string_value(json_object_get(r,
		    "call")), arg);
		break;
	case REQ_DTMF:
		console_status(c, TUI_LEVEL_INFO, "sent %s", arg);
		break;
	case REQ_TRANSFER:
		if (strcmp(c->xfer_req, "consult") == 0) {
			model_call_consult(&c->m, CONSULT_RINGING, arg,
			    json_string_value(json_object_get(r, "consult")));
			console_status(c, TUI_LEVEL_INFO, "consulting %s: the "
			    "caller is on hold", arg);
		} else
			console_status(c, TUI_LEVEL_INFO, "transferred to %s", arg);
		break;
	case REQ_CONSULT_END:
		if (strcmp(arg, "conference") == 0) {
			model_call_consult(&c->m, CONSULT_CONFERENCE, NULL, NULL);
			console_status(c, TUI_LEVEL_INFO, "conference: all three "
			    "of you");
		} else if (strcmp(arg, "consult-cancel") == 0) {
			model_call_consult(&c->m, CONSULT_NONE, NULL, NULL);
			console_status(c, TUI_LEVEL_INFO, "back to the caller");
		} else
			console_status(c, TUI_LEVEL_INFO, "transferred");
		break;
	case REQ_FIND:
		desk_found(c, json_object_get(r, "customers"));
		break;
	case REQ_GET:
		if (strcmp(arg, "link") == 0 && desk_call_at_hand(c))
			desk_link(c, json_object_get(r, "customer"));
		desk_card(c, json_object_get(r, "customer"));
		break;
	case REQ_SAVE:
		json_object_set(c->form, "id", json_object_get(r, "customer"));
		console_status(c, TUI_LEVEL_INFO, "customer #%lld saved",
		    (long long)json_integer_value(json_object_get(r, "customer")));
		session_send(c, REQ_GET, desk_call_at_hand(c) ? "link" : "",
		    json_pack("{s:s,s:O}", "req", "customer-get", "customer",
		    json_object_get(r, "customer")));
		break;
	case REQ_LINK:
		console_status(c, TUI_LEVEL_INFO, "%s linked to this call",
		    c->m.call.customer != NULL && json_string_value(json_object_get(
		    c->m.call.customer, "name")) != NULL ? json_string_value(
		    json_object_get(c->m.call.customer, "name")) : "customer");
		break;
	case REQ_CALLBACK:
		console_status(c, TUI_LEVEL_INFO, "callback to %s scheduled for %s",
		    arg, c->cb_when);
		break;
	case REQ_STATS:
		desk_stats(c, arg, r);
		break;
	case REQ_HELP:
		if ((v = json_object_get(r, "help")) != NULL)
			model_set_help(&c->m, json_is_true(v));
		console_status(c, TUI_LEVEL_INFO, c->m.help ? "help requested: a "
		    "supervisor sees your raised hand" : "help request withdrawn");
		break;
	}
}

void
desk_reply(struct console *c, int kind, const char *arg, json_t *r)
{
	static const char *const what[] = {
		[REQ_DIAL] = "dial", [REQ_DTMF] = "DTMF",
		[REQ_TRANSFER] = "transfer", [REQ_CONSULT_END] = "consultation",
		[REQ_FIND] = "search", [REQ_GET] = "customer",
		[REQ_SAVE] = "customer", [REQ_LINK] = "customer link",
		[REQ_CALLBACK] = "callback", [REQ_STATS] = "figures",
		[REQ_HELP] = "help request",
	};

	if (json_is_true(json_object_get(r, "ok"))) {
		desk_ok(c, kind, arg, r);
		return;
	}
	if (kind == REQ_STATS && strcmp(arg, "quiet") == 0)
		return;
	console_status(c, TUI_LEVEL_ALERT, "%s refused: %s", what[kind],
	    cli_reply_error(r));
	if (kind == REQ_SAVE) {		/* the form again, as it was typed */
		json_t *typed = json_incref(c->form);

		desk_form_start(c, typed);
		json_decref(typed);
	}
}

/* The disposition list of the call on screen, if it has one. */
void
desk_pick_disposition(struct console *c)
{
	char	*items[TUI_PICK_MAX];
	int	 n = 0;
	size_t	 i;
	json_t	*v;

	json_array_foreach(c->m.call.dispositions, i, v) {
		if (json_is_string(v) && n < TUI_PICK_MAX)
			items[n++] = (char *)json_string_value(v);
	}
	if (n > 0)
		console_pick(c, PICK_DISPOSITION, "Disposition", items, n);
}
