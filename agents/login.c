/* login.c: the login screen. Enter on the id moves to the PIN; Enter on
 * the PIN (or on the queues, a comma-separated choice among the agent's
 * own, empty for all) logs in, at once or as soon as the core is
 * reachable. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "keymap.h"
#include "login.h"
#include "session.h"
#include "text.h"

/* The login screen's keys: the bar and the line under the fields. */
static const struct tui_keydef login_keys[] = {
	{ KEY_ENTER, 0, "Log in", "next / log in", 1, 1 },
	{ 0, '\t', "Field", "other field", 1, 1 },
	{ 0, TUI_ESC, "Quit", "quit", 1, 0 },
};
#define LOGIN_NKEYS	((int)(sizeof login_keys / sizeof login_keys[0]))

static void
login_submit(struct console *c)
{
	char *id = tui_input_get(&c->login.id), *pin = tui_input_get(&c->login.pin);
	char *queues = tui_input_get(&c->login.queues);

	if (id[0] == '\0') {
		c->login.field = 0;
		login_say(c, "Enter your agent id.");
	} else {
		snprintf(c->agent, sizeof c->agent, "%s", id);
		snprintf(c->pin, sizeof c->pin, "%s", pin);
		c->have_pin = pin[0] != '\0';
		snprintf(c->want_queues, sizeof c->want_queues, "%s", queues);
		login_say(c, "Logging in...");
		session_login(c);
	}
	free(id);
	free(pin);
	free(queues);
}

void
login_key(struct console *c, const struct tui_key *k)
{
	struct tui_input	*in = c->login.field == 2 ? &c->login.queues :
				    c->login.field ? &c->login.pin : &c->login.id;
	enum tui_result		 r;

	if (tui_key_is(k, KEY_F(10))) {
		c->quit = 1;
		return;
	}
	if (tui_key_char(k, '\t') || tui_key_is(k, KEY_DOWN)) {
		c->login.field = (c->login.field + 1) % 3;
		return;
	}
	if (tui_key_is(k, KEY_UP) || tui_key_is(k, KEY_BTAB)) {
		c->login.field = (c->login.field + 2) % 3;
		return;
	}
	r = tui_input_key(in, k);
	if (r == TUI_DONE && c->login.field == 0)
		c->login.field = 1;
	else if (r == TUI_DONE)
		login_submit(c);
	else if (r == TUI_CANCEL)
		c->quit = 1;
}

/* "Enter: next / log in   Tab: other field   Esc: quit". */
static void
login_hints(char *buf, size_t len)
{
	char key[16];

	buf[0] = '\0';
	for (int i = 0; i < LOGIN_NKEYS; i++) {
		tui_keydef_hint(&login_keys[i], key, sizeof key);
		snprintf(buf + strlen(buf), len - strlen(buf), "%s%s: %s",
		    i > 0 ? "   " : "", key, login_keys[i].help);
	}
}

void
login_draw(struct console *c)
{
	struct tui_rect	r = tui_centre(14, 60), msg;
	char		hints[128];
	attr_t		label = tui_attr(TUI_LABEL);
	int		fx = r.x + 12, fw = r.w - 14;

	tui_text_box(stdscr, r, "Agent login", tui_attr(TUI_FRAME));
	tui_text_put(stdscr, r.y + 2, r.x + 2, 9, "Agent id", label);
	tui_input_draw(&c->login.id, stdscr, r.y + 2, fx, fw, c->login.field == 0);
	tui_text_put(stdscr, r.y + 4, r.x + 2, 9, "PIN", label);
	tui_input_draw(&c->login.pin, stdscr, r.y + 4, fx, fw, c->login.field == 1);
	tui_text_put(stdscr, r.y + 6, r.x + 2, 9, "Queues", label);
	tui_input_draw(&c->login.queues, stdscr, r.y + 6, fx, fw,
	    c->login.field == 2);
	tui_text_put(stdscr, r.y + 7, fx, fw, "empty: all your queues",
	    tui_attr(TUI_LABEL));
	msg = (struct tui_rect){ r.y + 8, r.x + 2, 2, r.w - 4 };
	tui_text_wrap(stdscr, msg, c->login.error, tui_attr(strncmp(c->login.error,
	    "Login refused", 13) == 0 || strncmp(c->login.error, "cannot", 6) == 0 ?
	    TUI_ALERT : TUI_INFO));
	login_hints(hints, sizeof hints);
	tui_text_put(stdscr, r.y + 11, r.x + 2, r.w - 4, hints,
	    tui_attr(TUI_NORMAL));
}

int
login_bar(struct tui_barkey *out, int max)
{
	int n = 0;

	for (; n < LOGIN_NKEYS && n < max; n++)
		tui_keydef_barkey(&login_keys[n], NULL, &out[n]);
	return n;
}

void
login_prefill(struct console *c, const char *agent, const char *queues)
{
	if (queues != NULL) {
		tui_input_set(&c->login.queues, queues);
		snprintf(c->want_queues, sizeof c->want_queues, "%s", queues);
	}
	if (agent != NULL) {
		snprintf(c->agent, sizeof c->agent, "%s", agent);
		tui_input_set(&c->login.id, agent);
		c->login.field = 1;
	}
}

void
login_show(struct console *c, const char *why)
{
	c->screen = SCREEN_LOGIN;
	tui_input_set(&c->login.id, c->agent);
	tui_input_set(&c->login.pin, "");
	c->login.field = 1;
	login_say(c, "%s", why);
}

void
login_say(struct console *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(c->login.error, sizeof c->login.error, fmt, ap);
	va_end(ap);
}

void
login_logged_out(struct console *c, const char *why)
{
	session_forget_login(c);
	login_show(c, why);
}

void
login_unreachable(struct console *c, const char *err)
{
	if (c->screen == SCREEN_LOGIN)
		login_say(c, "%s", err);
}
