/* desk.c: dialogs of the agent's desk (desk.h): asks and pick lists that
 * end in one request; the replies come back here. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "cli.h"
#include "desk.h"
#include "keys.h"
#include "session.h"

#define DESK_CB_DEFAULT_S	3600	/* a callback defaults to in an hour */

static const char *const desk_form_keys[CONSOLE_FORM_FIELDS] = {
	"name", "company", "phone", "phone2", "email"
};
static const char *const desk_form_titles[CONSOLE_FORM_FIELDS] = {
	"Customer: name", "Customer: company", "Customer: phone",
	"Customer: second phone", "Customer: e-mail"
};

static void
desk_ask(struct console *c, enum console_ask_kind kind, const char *title,
    const char *hint, const char *value)
{
	if (c->modal == MODAL_PICK)
		tui_pick_free(&c->pick);
	tui_ask_init(&c->ask, title, hint, value);
	c->ask_kind = kind;
	c->modal = MODAL_ASK;
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

	keys_pick_open(c, PICK_TRANSFER, "Transfer or consult", items, 5);
}

static void
desk_consult_end(struct console *c, const char *req)
{
	if (c->call.consult == CONSULT_NONE) {
		console_status(c, TUI_LEVEL_INFO, "no consultation");
		return;
	}
	session_send(c, REQ_CONSULT_END, req, json_pack("{s:s,s:s}", "req", req,
	    "call", c->call.id));
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

void
desk_customer(struct console *c)
{
	char	*items[3] = { "Search", "New customer", "Edit this customer" };
	int	 n = c->call.customer != NULL ? 3 : 2;

	keys_pick_open(c, PICK_CUSTOMER_MENU, "Customer", items, n);
}

/* The form's next field, prefilled with what the form holds. */
static void
desk_form_ask(struct console *c)
{
	const char *v = json_string_value(json_object_get(c->form,
	    desk_form_keys[c->form_field]));

	desk_ask(c, ASK_CUSTOMER, desk_form_titles[c->form_field],
	    c->form_field == 0 ? "required; Enter for the next field" :
	    "Enter for the next field (may stay empty)", v != NULL ? v : "");
}

static void
desk_form_start(struct console *c, json_t *from)
{
	json_decref(c->form);
	c->form = json_object();
	if (from != NULL) {
		json_object_set(c->form, "id", json_object_get(from, "id"));
		for (int i = 0; i < CONSOLE_FORM_FIELDS; i++)
			if (json_is_string(json_object_get(from, desk_form_keys[i])))
				json_object_set(c->form, desk_form_keys[i],
				    json_object_get(from, desk_form_keys[i]));
	} else if (c->call.cli[0] != '\0' && (c->call.phase == PHASE_CONNECTED ||
	    c->call.phase == PHASE_OFFERED || console_in_state(c, "wrap_up")))
		json_object_set_new(c->form, "phone", json_string(c->call.cli));
	c->form_field = 0;
	desk_form_ask(c);
}

void
desk_callback(struct console *c)
{
	desk_ask(c, ASK_CB_NUMBER, "Callback: number", "the number to call "
	    "back, then Enter", c->call.cli);
}

void
desk_figures(struct console *c)
{
	session_send(c, REQ_STATS, NULL, json_pack("{s:s}", "req", "my-stats"));
}

void
desk_help_flag(struct console *c)
{
	session_send(c, REQ_HELP, NULL, json_pack("{s:s,s:b}", "req", "help",
	    "on", !c->help));
}

void
desk_picked(struct console *c, enum console_pick_kind kind, int sel,
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
			desk_form_start(c, sel == 2 ? c->call.customer : NULL);
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
	    c->xfer_req, "call", c->call.id, "to", to));
}

static void
desk_asked_form(struct console *c, const char *text)
{
	if (c->form_field == 0 && text[0] == '\0') {
		console_status(c, TUI_LEVEL_ALERT, "a customer needs a name");
		desk_form_ask(c);
		return;
	}
	json_object_set_new(c->form, desk_form_keys[c->form_field],
	    json_string(text));
	if (++c->form_field < CONSOLE_FORM_FIELDS) {
		desk_form_ask(c);
		return;
	}
	session_send(c, REQ_SAVE, NULL, json_pack("{s:s,s:O}", "req",
	    "customer-save", "customer", c->form));
}

void
desk_asked(struct console *c, enum console_ask_kind kind, const char *text)
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
			    "req", "dtmf", "call", c->call.id, "digits", text));
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
	case ASK_CUSTOMER:
		desk_asked_form(c, text);
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
	case ASK_CB_NOTE: {
		char *items[] = { "For me", "For anyone in the queue" };

		snprintf(c->cb_note, sizeof c->cb_note, "%s", text);
		keys_pick_open(c, PICK_CALLBACK_FOR, "Callback: who calls back",
		    items, 2);
		break;
	}
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
		keys_pick_open(c, PICK_CUSTOMER, "Customers found", items, n);
}

/* A customer chosen or saved: on a call (or in its wrap-up) it becomes
 * the call's, linked in the core (history follows); else it is shown. */
static void
desk_show_customer(struct console *c, json_t *cu)
{
	char text[512];

	if (c->call.id[0] != '\0' && (c->call.phase == PHASE_CONNECTED ||
	    (c->call.phase == PHASE_ENDED && console_in_state(c, "wrap_up")))) {
		json_decref(c->call.customer);
		c->call.customer = json_incref(cu);
		session_send(c, REQ_LINK, NULL, json_pack("{s:s,s:s,s:O}", "req",
		    "customer-link", "call", c->call.id, "customer",
		    json_object_get(cu, "id")));
		return;
	}
	snprintf(text, sizeof text, "%s\n%s\nphone %s %s\n%s\n%zu earlier "
	    "contacts", json_string_value(json_object_get(cu, "name")),
	    json_string_value(json_object_get(cu, "company")),
	    json_string_value(json_object_get(cu, "phone")),
	    json_string_value(json_object_get(cu, "phone2")),
	    json_string_value(json_object_get(cu, "email")),
	    json_array_size(json_object_get(cu, "history")));
	keys_prompt(c, PROMPT_NOTICE, "Customer", text, "");
}

static void
desk_stats(struct console *c, json_t *r)
{
	char		 text[512], a[16], b[16], d[16], e[16], f[16];
	json_t		*st = json_object_get(r, "states"), *q;
	size_t		 i;
	double		 aht = json_number_value(json_object_get(r, "aht_s"));

#define SECS(k) ((uint64_t)json_number_value(json_object_get(st, k)))
	snprintf(text, sizeof text, "Calls handled today: %lld\nAverage handle "
	    "time: %s\nReady %s   Not ready %s\nOn call %s   Wrap-up %s\n",
	    (long long)json_integer_value(json_object_get(r, "calls")),
	    json_is_number(json_object_get(r, "aht_s")) ?
	    console_duration((uint64_t)aht, a, sizeof a) : "-",
	    console_duration(SECS("ready"), b, sizeof b),
	    console_duration(SECS("not_ready"), d, sizeof d),
	    console_duration(SECS("on_call"), e, sizeof e),
	    console_duration(SECS("wrap_up"), f, sizeof f));
#undef SECS
	json_array_foreach(json_object_get(r, "queues"), i, q)
		snprintf(text + strlen(text), sizeof text - strlen(text),
		    "Queue %s: %lld waiting, longest %llds\n",
		    json_string_value(json_object_get(q, "name")),
		    (long long)json_integer_value(json_object_get(q, "waiting")),
		    (long long)json_integer_value(json_object_get(q,
		    "longest_wait_s")));
	keys_prompt(c, PROMPT_NOTICE, "My figures today", text, "");
}

static void
desk_ok(struct console *c, int kind, const char *arg, json_t *r)
{
	json_t *v;

	switch (kind) {
	case REQ_DIAL:
		console_call_clear(c);
		snprintf(c->call.id, sizeof c->call.id, "%s",
		    json_string_value(json_object_get(r, "call")));
		snprintf(c->call.cli, sizeof c->call.cli, "%s", arg);
		snprintf(c->call.direction, sizeof c->call.direction, "out");
		snprintf(c->call.progress, sizeof c->call.progress, "dialing");
		c->call.phase = PHASE_CONNECTED;
		c->call.since = 0;
		break;
	case REQ_DTMF:
		console_status(c, TUI_LEVEL_INFO, "sent %s", arg);
		break;
	case REQ_TRANSFER:
		if (strcmp(c->xfer_req, "consult") == 0) {
			c->call.consult = CONSULT_RINGING;
			snprintf(c->call.consult_with, sizeof c->call.consult_with,
			    "%s", arg);
			console_status(c, TUI_LEVEL_INFO, "consulting %s: the "
			    "caller is on hold", arg);
		} else
			console_status(c, TUI_LEVEL_INFO, "transferred to %s", arg);
		break;
	case REQ_CONSULT_END:
		if (strcmp(arg, "conference") == 0) {
			c->call.consult = CONSULT_CONFERENCE;
			c->call.held = 0;
			console_status(c, TUI_LEVEL_INFO, "conference: all three "
			    "of you");
		} else if (strcmp(arg, "consult-cancel") == 0) {
			c->call.consult = CONSULT_NONE;
			c->call.held = 0;
			console_status(c, TUI_LEVEL_INFO, "back to the caller");
		} else
			console_status(c, TUI_LEVEL_INFO, "transferred");
		break;
	case REQ_FIND:
		desk_found(c, json_object_get(r, "customers"));
		break;
	case REQ_GET:
		desk_show_customer(c, json_object_get(r, "customer"));
		break;
	case REQ_SAVE:
		json_object_set(c->form, "id", json_object_get(r, "customer"));
		console_status(c, TUI_LEVEL_INFO, "customer #%lld saved",
		    (long long)json_integer_value(json_object_get(r, "customer")));
		session_send(c, REQ_GET, NULL, json_pack("{s:s,s:O}", "req",
		    "customer-get", "customer", json_object_get(r, "customer")));
		break;
	case REQ_LINK:
		console_status(c, TUI_LEVEL_INFO, "customer linked to this call");
		break;
	case REQ_CALLBACK:
		console_status(c, TUI_LEVEL_INFO, "callback to %s scheduled for %s",
		    arg, c->cb_when);
		break;
	case REQ_STATS:
		desk_stats(c, r);
		break;
	case REQ_HELP:
		if ((v = json_object_get(r, "help")) != NULL)
			c->help = json_is_true(v);
		console_status(c, TUI_LEVEL_INFO, c->help ? "help requested: a "
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
	console_status(c, TUI_LEVEL_ALERT, "%s refused: %s", what[kind],
	    cli_reply_error(r));
	if (kind == REQ_SAVE) {		/* the form again, as it was typed */
		json_t *typed = json_incref(c->form);

		desk_form_start(c, typed);
		json_decref(typed);
	}
}
