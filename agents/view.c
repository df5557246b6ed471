/* view.c: draws the whole screen from the console's state, every time
 * something changes and once a second for the clocks (curses sends only
 * what differs). The layout is computed from LINES and COLS on each draw,
 * so a resize is just another draw. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "clock.h"
#include "desk.h"
#include "help.h"
#include "keys.h"
#include "login.h"
#include "text.h"
#include "view.h"

#define VIEW_WIDE	100	/* columns from which the panels go side by side */
#define VIEW_MIN_LINES	12
#define VIEW_MIN_COLS	40

#define VIEW_FIGURES_LINES 30	/* and VIEW_WIDE: the figures get a panel */
#define VIEW_FIGURES_H	9

struct view_layout {
	struct tui_rect	call, note, figures;	/* figures.h 0: none */
	int		status_y, keys_y;
};

static void
view_layout(struct view_layout *l, const struct console *c)
{
	int top = 3, h = LINES - 5;

	l->status_y = LINES - 2;
	l->keys_y = LINES - 1;
	if (COLS >= VIEW_WIDE) {
		int cw = COLS * 11 / 20;

		l->call = (struct tui_rect){ top, 0, h, cw };
		l->note = (struct tui_rect){ top, cw, h, COLS - cw };
		l->figures = (struct tui_rect){ 0, 0, 0, 0 };
		if (LINES >= VIEW_FIGURES_LINES && c->stats != NULL) {
			l->note.h -= VIEW_FIGURES_H;
			l->figures = (struct tui_rect){ top + l->note.h, cw,
			    VIEW_FIGURES_H, COLS - cw };
		}
	} else {
		int ch = h < 16 ? h / 2 : (h - 8 < 14 ? h - 8 : 14);

		if (c->call.customer != NULL && h >= 16 && ch < h - 7)
			ch = h - 7;	/* the screen pop first; the note keeps 5 rows */

		l->call = (struct tui_rect){ top, 0, ch, COLS };
		l->note = (struct tui_rect){ top + ch, 0, h - ch, COLS };
		l->figures = (struct tui_rect){ 0, 0, 0, 0 };
	}
}

static uint64_t
view_secs_since(uint64_t since)
{
	uint64_t now = clock_mono_us();

	return now > since ? (now - since) / 1000000 : 0;
}

static void
view_title(struct console *c)
{
	char	left[256], right[32];
	time_t	t = time(NULL);

	strftime(right, sizeof right, "%H:%M:%S", localtime(&t));
	if (c->screen == SCREEN_MAIN)
		snprintf(left, sizeof left, "Centrala agent console | %s %s",
		    c->agent, c->name);
	else
		snprintf(left, sizeof left, "Centrala agent console");
	tui_bar_title(stdscr, 0, COLS, left, right);
}

/* The state in capitals, with its colour. */
static const char *
view_state_name(const char *state, enum tui_color *color)
{
	static const struct {
		const char	*state, *name;
		enum tui_color	 color;
	} names[] = {
		{ "ready", "READY", TUI_READY },
		{ "not_ready", "NOT READY", TUI_NOT_READY },
		{ "ringing", "RINGING", TUI_ON_CALL },
		{ "on_call", "ON CALL", TUI_ON_CALL },
		{ "wrap_up", "WRAP-UP", TUI_WRAP_UP },
		{ "logged_out", "LOGGED OUT", TUI_NOT_READY },
	};

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (strcmp(names[i].state, state) == 0) {
			*color = names[i].color;
			return names[i].name;
		}
	}
	*color = TUI_NORMAL;
	return state;
}

static void
view_state(struct console *c)
{
	enum tui_color	color;
	const char	*name = view_state_name(c->state, &color);
	char		buf[256], d[32];
	int		x = 1;

	x += tui_text_put(stdscr, 1, x, COLS - x, "State ", tui_attr(TUI_LABEL));
	if (c->link != LINK_UP) {
		tui_text_put(stdscr, 1, x, COLS - x, "OFFLINE", tui_attr(TUI_ALERT));
		return;
	}
	if (c->reason[0] != '\0')
		snprintf(buf, sizeof buf, "%s (%s)", name, c->reason);
	else
		snprintf(buf, sizeof buf, "%s", name);
	x += tui_text_put(stdscr, 1, x, COLS - x, buf, tui_attr(color));
	if (console_in_state(c, "wrap_up") && c->wrap_end > clock_mono_us())
		snprintf(buf, sizeof buf, " %s left", console_duration(
		    (c->wrap_end - clock_mono_us() + 999999) / 1000000, d, sizeof d));
	else
		snprintf(buf, sizeof buf, " %s", console_duration(
		    view_secs_since(c->state_since), d, sizeof d));
	x += tui_text_put(stdscr, 1, x, COLS - x, buf, tui_attr(TUI_NORMAL));
	if (console_dispo_due(c))
		x += tui_text_printf(stdscr, 1, x + 2, COLS - x - 2,
		    tui_attr(TUI_ALERT), "%s%s", c->wrap_waiting ? "waiting for a "
		    "disposition" : "disposition needed", json_array_size(
		    c->call.dispositions) > 0 || c->call.id[0] != '\0' ?
		    " (d)" : "") + 2;
	/* What the agent must see first, if the line is short: help, callers
	 * waiting; then the queues and the after-call choice. */
	if (c->help)
		x += tui_text_put(stdscr, 1, x + 3, COLS - x - 3, "HELP REQUESTED",
		    tui_attr(TUI_ALERT)) + 3;
	console_lines_text(c, buf, sizeof buf);
	if (buf[0] != '\0')
		x += tui_text_printf(stdscr, 1, x + 3, COLS - x - 3,
		    tui_attr(TUI_ALERT), "Waiting: %s", buf) + 3;
	x += tui_text_printf(stdscr, 1, x + 3, COLS - x - 3, tui_attr(TUI_LABEL),
	    "Queues ") + 3;
	x += tui_text_put(stdscr, 1, x, COLS - x, c->queues, tui_attr(TUI_NORMAL));
	if (c->after[0] != '\0')
		tui_text_printf(stdscr, 1, x + 3, COLS - x - 3,
		    tui_attr(TUI_NORMAL), "After call: %s", c->after);
}

static void
view_message(struct console *c)
{
	struct tui_rect line = { 2, 0, 1, COLS };
	const char	*hint = "  (Esc puts it away)";
	int		 w = tui_text_width(hint);

	if (c->message[0] == '\0')
		return;
	tui_text_fill(stdscr, line, tui_attr(TUI_MESSAGE));
	if (tui_text_width(c->message) + w + 2 > COLS)
		w = 0;
	tui_text_put(stdscr, 2, 1, COLS - 2 - w, c->message,
	    tui_attr(TUI_MESSAGE));
	if (w > 0)
		tui_text_put(stdscr, 2, COLS - 1 - w, w, hint,
		    tui_attr(TUI_MESSAGE));
}

/* One "Label     value" row of a panel; returns the next row. */
static int
view_row(struct tui_rect in, int y, const char *label, const char *value)
{
	if (y >= in.y + in.h || value == NULL || value[0] == '\0')
		return y;
	tui_text_put(stdscr, y, in.x, 10, label, tui_attr(TUI_LABEL));
	tui_text_put(stdscr, y, in.x + 10, in.w - 10, value, tui_attr(TUI_NORMAL));
	return y + 1;
}

/* An object's members as "k=v, k=v". */
static void
view_pairs(json_t *o, char *buf, size_t len)
{
	const char	*k;
	json_t		*v;
	char		*s;

	buf[0] = '\0';
	json_object_foreach(o, k, v) {
		s = json_is_string(v) ? NULL : json_dumps(v, JSON_ENCODE_ANY);
		snprintf(buf + strlen(buf), len - strlen(buf), "%s%s=%s",
		    buf[0] ? ", " : "", k, s != NULL ? s : json_string_value(v));
		free(s);
	}
}

static const char *
view_str(json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

/* Appends "SEP VALUE" to buf when there is a value. */
static void
view_append(char *buf, size_t len, const char *sep, const char *value)
{
	if (value != NULL && value[0] != '\0')
		snprintf(buf + strlen(buf), len - strlen(buf), "%s%s", sep,
		    value);
}

/* The customer the core found for the caller: name, company, fields,
 * history lines. */
static int
view_customer(struct tui_rect in, int y, json_t *cu)
{
	char		 buf[512];
	const char	*k;
	json_t		*v, *f = json_object_get(cu, "fields");
	size_t		 i;

	snprintf(buf, sizeof buf, "%s%s%s", view_str(cu, "name") ?
	    view_str(cu, "name") : "?", view_str(cu, "company") ? " - " : "",
	    view_str(cu, "company") ? view_str(cu, "company") : "");
	y = view_row(in, y, "Customer", buf);
	buf[0] = '\0';
	view_append(buf, sizeof buf, "phone ", view_str(cu, "phone"));
	view_append(buf, sizeof buf, buf[0] ? ", " : "phone ",
	    view_str(cu, "phone2"));
	view_append(buf, sizeof buf, buf[0] ? "   " : "", view_str(cu, "email"));
	snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s#%lld",
	    buf[0] ? "   " : "", (long long)json_integer_value(
	    json_object_get(cu, "id")));
	y = view_row(in, y, "", buf);
	buf[0] = '\0';
	json_object_foreach(f, k, v) {
		if (json_is_string(v))
			snprintf(buf + strlen(buf), sizeof buf - strlen(buf),
			    "%s%s: %s", buf[0] ? "   " : "", k, json_string_value(v));
	}
	json_array_foreach(f, i, v) {
		if (json_is_string(v))
			snprintf(buf + strlen(buf), sizeof buf - strlen(buf),
			    "%s%s", buf[0] ? "   " : "", json_string_value(v));
	}
	y = view_row(in, y, "", buf);
	json_array_foreach(json_object_get(cu, "history"), i, v) {
		console_history_line(v, buf, sizeof buf);
		y = view_row(in, y, i == 0 ? "History" : "", buf);
	}
	return y;
}

/* The first row of the call panel: what is happening, loudly. */
static int
view_call_head(struct console *c, struct tui_rect in)
{
	struct tui_rect	 line = { in.y, in.x, 1, in.w };
	char		 buf[256], d[32];
	uint64_t	 s = view_secs_since(c->call.since);

	switch (c->call.phase) {
	case PHASE_OFFERED:
		tui_text_fill(stdscr, line, tui_attr(TUI_OFFER));
		tui_text_printf(stdscr, in.y, in.x + 1, in.w - 2,
		    tui_attr(TUI_OFFER), "INCOMING CALL from %s  queue %s",
		    c->call.cli, c->call.queue);
		if (c->call.timeout_s > 0 && (uint64_t)c->call.timeout_s > s)
			snprintf(buf, sizeof buf, "F4/a answer  F5/j reject  "
			    "(%llus to answer)", (unsigned long long)
			    (c->call.timeout_s - s));
		else
			snprintf(buf, sizeof buf, "F4/a answer  F5/j reject");
		tui_text_put(stdscr, in.y + 1, in.x + 1, in.w - 1, buf,
		    tui_attr(TUI_ON_CALL));
		return in.y + 2;
	case PHASE_CONNECTED:
		if (c->call.progress[0] != '\0') {	/* our own call */
			snprintf(buf, sizeof buf, "CALLING %s (%s)  h: give up",
			    c->call.cli, c->call.progress);
			tui_text_put(stdscr, in.y, in.x, in.w, buf,
			    tui_attr(TUI_ON_CALL));
			return in.y + 2;
		}
		if (c->call.consult != CONSULT_NONE) {
			char who[64];

			snprintf(who, sizeof who, "%s", c->call.consult_with);
			who[strcspn(who, ":")] = who[strcspn(who, ":")] ? ' ' : '\0';
			snprintf(buf, sizeof buf, "%s %s  %s", c->call.consult ==
			    CONSULT_CONFERENCE ? "CONFERENCE with" :
			    "CONSULTING", who, c->call.consult ==
			    CONSULT_RINGING ? c->call.consult_progress :
			    c->call.consult == CONSULT_TALKING ? "talking, "
			    "caller HELD" : "all three talking");
			tui_text_put(stdscr, in.y, in.x, in.w, buf,
			    tui_attr(TUI_WRAP_UP));
			tui_text_put(stdscr, in.y + 1, in.x, in.w, c->call.consult ==
			    CONSULT_CONFERENCE ? "h: hang up (ends it for all)" :
			    "x: hand the caller over   f: conference   z: back to "
			    "the caller", tui_attr(TUI_LABEL));
			return in.y + 2;
		}
		if (c->call.consult_from[0] != '\0') {
			snprintf(buf, sizeof buf, "CONSULTED by agent %s %s",
			    c->call.consult_from, console_duration(s, d, sizeof d));
			tui_text_put(stdscr, in.y, in.x, in.w, buf,
			    tui_attr(TUI_ON_CALL));
			return in.y + 2;
		}
		snprintf(buf, sizeof buf, "ON CALL %s%s%s%s",
		    console_duration(s, d, sizeof d), c->call.held ? "  HELD" : "",
		    c->call.muted ? "  MUTED" : "",
		    strcmp(c->call.recording, "start") == 0 ||
		    strcmp(c->call.recording, "resume") == 0 ? "  REC" :
		    strcmp(c->call.recording, "pause") == 0 ? "  REC paused" : "");
		tui_text_put(stdscr, in.y, in.x, in.w, buf, tui_attr(c->call.held ?
		    TUI_WRAP_UP : TUI_ON_CALL));
		return in.y + 2;
	case PHASE_ENDED:
		snprintf(buf, sizeof buf, "CALL ENDED: %s", c->call.ended);
		if (c->call.talk_us > 0)
			snprintf(buf + strlen(buf), sizeof buf - strlen(buf),
			    ", talked %s", console_duration(c->call.talk_us /
			    1000000, d, sizeof d));
		tui_text_put(stdscr, in.y, in.x, in.w, buf, tui_attr(TUI_WRAP_UP));
		return in.y + 2;
	default:
		tui_text_put(stdscr, in.y, in.x, in.w, console_in_state(c, "ready") ?
		    "No call. Waiting for one..." : "No call. Press F2 (r) to take "
		    "calls.", tui_attr(TUI_NORMAL));
		return in.y + 1;
	}
}

static void
view_call(struct console *c, struct tui_rect r)
{
	struct tui_rect	in = { r.y + 1, r.x + 2, r.h - 2, r.w - 4 };
	char		buf[512];
	int		y;

	tui_text_box(stdscr, r, "Call", tui_attr(TUI_FRAME));
	if (in.h < 1 || in.w < 12)
		return;
	y = view_call_head(c, in);
	if (c->call.phase == PHASE_NONE)
		return;
	snprintf(buf, sizeof buf, "%s", c->call.cli);
	if (c->call.dnis[0] != '\0')
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf),
		    "   dialled %s", c->call.dnis);
	if (c->call.queue[0] != '\0')
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf),
		    "   queue %s, waited %ds", c->call.queue, c->call.wait_s);
	y = view_row(in, y, "Caller", buf);
	y = view_row(in, y, "IVR", c->call.ivr);
	if (json_object_size(c->call.vars) > 0) {
		view_pairs(c->call.vars, buf, sizeof buf);
		y = view_row(in, y, "Entered", buf);
	}
	if (c->call.customer != NULL)
		y = view_customer(in, y, c->call.customer);
	else if ((c->call.phase == PHASE_OFFERED || c->call.phase ==
	    PHASE_CONNECTED) && c->call.progress[0] == '\0' &&
	    c->call.consult_from[0] == '\0')
		y = view_row(in, y, "Customer", c->call.phase == PHASE_OFFERED ?
		    "not known for this number" : "not known for this number "
		    "(u: search, or new with this number)");
	y = view_row(in, y, "Dispo", c->call.disposition);
	if (c->call.phase != PHASE_ENDED || y >= in.y + in.h)
		return;
	if (json_array_size(c->call.dispositions) > 0 && !c->call.disposition[0])
		view_row(in, y, "", "d: choose a disposition");
}

static void
view_note(struct console *c, struct tui_rect r)
{
	struct tui_rect in = { r.y + 1, r.x + 2, r.h - 2, r.w - 4 };

	tui_text_box(stdscr, r, c->editing ? "Note: writing (Tab/Esc leaves)" :
	    "Note (e or F9 to write)", tui_attr(c->editing ? TUI_ON_CALL :
	    TUI_FRAME));
	tui_editor_draw(&c->note, stdscr, in, c->editing && c->modal == MODAL_NONE);
	if (c->note_call[0] != '\0' && r.h > 2 && r.w > 30 &&
	    !tui_editor_empty(&c->note))
		tui_text_printf(stdscr, r.y + r.h - 1, r.x + r.w - 24, 22,
		    tui_attr(TUI_FRAME), " %s ", c->note_saved ? "saved" :
		    c->note_dirty ? "not sent yet" : "kept here");
}

/* On a big screen: the agent's figures today, kept current by the
 * replies to my-stats the console asks for as its state changes. */
static void
view_figures(struct console *c, struct tui_rect r)
{
	struct tui_rect	in = { r.y + 1, r.x + 2, r.h - 2, r.w - 4 };
	char		text[1024];

	if (r.h == 0)
		return;
	tui_text_box(stdscr, r, "Today (s: more)", tui_attr(TUI_FRAME));
	desk_stats_text(c, text, sizeof text);
	tui_text_wrap(stdscr, in, text, tui_attr(TUI_NORMAL));
}

static void
view_status(struct console *c, int y)
{
	char	buf[256];
	int	wait;

	if (c->exit_why != NULL) {
		tui_bar_status(stdscr, y, COLS, c->exit_why, TUI_LEVEL_ALERT);
		return;
	}
	if (c->link == LINK_DOWN) {
		wait = (int)((c->retry_at > clock_mono_us() ? c->retry_at -
		    clock_mono_us() : 0) / 1000000) + 1;
		snprintf(buf, sizeof buf, c->was_up ? "connection to core lost %s "
		    "reconnecting (try %d, next in %ds)" : "cannot reach the core "
		    "%s retrying (try %d, next in %ds)", tui_is_utf8() ? "\xe2\x80\x94"
		    : "-", c->tries + 1, wait);
		tui_bar_status(stdscr, y, COLS, buf, TUI_LEVEL_ALERT);
		return;
	}
	if (c->status[0] != '\0' && clock_mono_us() < c->status_until)
		tui_bar_status(stdscr, y, COLS, c->status, c->status_level);
	else if (c->editing)
		tui_bar_status(stdscr, y, COLS, "Writing the note: Tab or Esc "
		    "leaves the editor; F-keys still work", TUI_LEVEL_INFO);
}

static void
view_keys(struct console *c, int y)
{
	static const struct tui_barkey login_keys[] = {
		{ "Enter", 0, "Log in" }, { "Tab", 0, "Field" },
		{ "Esc", 0, "Quit" },
	};
	struct tui_barkey keys[32];

	if (c->screen == SCREEN_LOGIN)
		tui_bar_keys(stdscr, y, COLS, login_keys, 3);
	else
		tui_bar_keys(stdscr, y, COLS, keys, keys_bar(c, keys, 32, COLS));
}

static void
view_modal(struct console *c)
{
	if (c->modal == MODAL_HELP)
		help_draw(c);
	else if (c->modal == MODAL_PICK)
		tui_pick_draw(&c->pick, stdscr);
	else if (c->modal == MODAL_PROMPT)
		tui_prompt_draw(&c->prompt, stdscr);
	else if (c->modal == MODAL_ASK)
		tui_ask_draw(&c->ask, stdscr);
	else if (c->modal == MODAL_FORM)
		tui_form_draw(&c->custform, stdscr);
}

void
view_draw(struct console *c)
{
	struct view_layout l;

	tui_frame_begin();
	if (LINES < VIEW_MIN_LINES || COLS < VIEW_MIN_COLS) {
		tui_text_printf(stdscr, 0, 0, COLS, tui_attr(TUI_ALERT),
		    "terminal too small (%dx%d): at least %dx%d", COLS, LINES,
		    VIEW_MIN_COLS, VIEW_MIN_LINES);
		tui_frame_end();
		return;
	}
	view_layout(&l, c);
	view_title(c);
	if (c->screen == SCREEN_LOGIN)
		login_draw(c);
	else {
		view_state(c);
		view_message(c);
		view_call(c, l.call);
		view_note(c, l.note);
		view_figures(c, l.figures);
	}
	view_status(c, l.status_y);
	view_keys(c, l.keys_y);
	view_modal(c);
	tui_frame_end();
	c->dirty = 0;
}
