/* view.c: draws the whole screen from the model and the console's own
 * state, every time something changes and once a second for the clocks
 * (curses sends only what differs); it changes neither. The layout is
 * computed from LINES and COLS on each draw, so a resize is just another
 * draw. Key hints in the text come from the keymap (keys_hint). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "clock.h"
#include "desk.h"
#include "help.h"
#include "keydef.h"
#include "login.h"
#include "table.h"
#include "text.h"
#include "thresh.h"
#include "view.h"

#define VIEW_WIDE	100	/* columns from which the panels go side by side */
#define VIEW_MIN_LINES	12
#define VIEW_MIN_COLS	40

#define VIEW_FIGURES_LINES 30	/* and VIEW_WIDE: the figures get a panel */
#define VIEW_FIGURES_H	9	/* the figures, and two queues' lines */

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
		if (LINES >= VIEW_FIGURES_LINES && c->m.stats != NULL) {
			int fh = VIEW_FIGURES_H + (c->m.nlines > 2 ?
			    (c->m.nlines < 6 ? c->m.nlines : 6) - 2 : 0);

			l->note.h -= fh;
			l->figures = (struct tui_rect){ top + l->note.h, cw, fh,
			    COLS - cw };
		}
	} else {
		int ch = h < 16 ? h / 2 : (h - 8 < 14 ? h - 8 : 14);

		if (c->m.call.customer != NULL && h >= 16 && ch < h - 7)
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
view_title(const struct console *c)
{
	char	left[256], right[32];
	time_t	t = time(NULL);

	strftime(right, sizeof right, "%H:%M:%S", localtime(&t));
	if (c->screen == SCREEN_MAIN)
		snprintf(left, sizeof left, "Centrala agent console | %s %s",
		    c->agent, c->m.name);
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

/* Whether d can give the disposition: a list, or a call to type it for. */
static int
view_dispo_hint(const struct console *c)
{
	return json_array_size(c->m.call.dispositions) > 0 ||
	    c->m.call.id[0] != '\0';
}

static void
view_state(const struct console *c)
{
	enum tui_color	color;
	const char	*name = view_state_name(c->m.state, &color);
	char		buf[256], d[32];
	int		x = 1;

	x += tui_text_put(stdscr, 1, x, COLS - x, "State ", tui_attr(TUI_LABEL));
	if (c->link != LINK_UP) {
		tui_text_put(stdscr, 1, x, COLS - x, "OFFLINE", tui_attr(TUI_ALERT));
		return;
	}
	if (c->m.reason[0] != '\0')
		snprintf(buf, sizeof buf, "%s (%s)", name, c->m.reason);
	else
		snprintf(buf, sizeof buf, "%s", name);
	x += tui_text_put(stdscr, 1, x, COLS - x, buf, tui_attr(color));
	if (model_in_state(&c->m, "wrap_up") && c->m.wrap_end > clock_mono_us())
		snprintf(buf, sizeof buf, " %s left", console_duration(
		    (c->m.wrap_end - clock_mono_us() + 999999) / 1000000, d, sizeof d));
	else
		snprintf(buf, sizeof buf, " %s", console_duration(
		    view_secs_since(c->m.state_since), d, sizeof d));
	x += tui_text_put(stdscr, 1, x, COLS - x, buf, tui_attr(TUI_NORMAL));
	if (model_dispo_due(&c->m))
		x += tui_text_printf(stdscr, 1, x + 2, COLS - x - 2,
		    tui_attr(TUI_ALERT), "%s%s%s%s", c->m.wrap_waiting ?
		    "waiting for a disposition" : "disposition needed",
		    view_dispo_hint(c) ? " (" : "", view_dispo_hint(c) ?
		    keys_hint(KA_DISPO) : "", view_dispo_hint(c) ? ")" : "") + 2;
	/* What the agent must see first, if the line is short: help, callers
	 * waiting; then the queues and the after-call choice. */
	if (c->m.help)
		x += tui_text_put(stdscr, 1, x + 3, COLS - x - 3, "HELP REQUESTED",
		    tui_attr(TUI_ALERT)) + 3;
	console_lines_text(c, buf, sizeof buf);
	if (buf[0] != '\0')
		x += tui_text_printf(stdscr, 1, x + 3, COLS - x - 3,
		    tui_attr(TUI_ALERT), "Waiting: %s", buf) + 3;
	x += tui_text_printf(stdscr, 1, x + 3, COLS - x - 3, tui_attr(TUI_LABEL),
	    "Queues ") + 3;
	x += tui_text_put(stdscr, 1, x, COLS - x, c->m.queues, tui_attr(TUI_NORMAL));
	if (c->m.after[0] != '\0')
		tui_text_printf(stdscr, 1, x + 3, COLS - x - 3,
		    tui_attr(TUI_NORMAL), "After call: %s", c->m.after);
}

static void
view_message(const struct console *c)
{
	struct tui_rect line = { 2, 0, 1, COLS };
	char		 hint[32];
	int		 w;

	snprintf(hint, sizeof hint, "  (%s puts it away)", keys_hint(KA_DISMISS));
	w = tui_text_width(hint);

	if (c->m.message[0] == '\0')
		return;
	tui_text_fill(stdscr, line, tui_attr(TUI_MESSAGE));
	if (tui_text_width(c->m.message) + w + 2 > COLS)
		w = 0;
	tui_text_put(stdscr, 2, 1, COLS - 2 - w, c->m.message,
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

/* A campaign's record: the campaign, who, the list's own fields. */
static int
view_campaign_record(struct tui_rect in, int y, json_t *rec)
{
	char		 buf[512];
	const char	*k;
	json_t		*v;

	snprintf(buf, sizeof buf, "%s, record #%lld (list %s), attempt %lld",
	    view_str(rec, "campaign") ? view_str(rec, "campaign") : "?",
	    (long long)json_integer_value(json_object_get(rec, "record")),
	    view_str(rec, "list") ? view_str(rec, "list") : "?",
	    (long long)json_integer_value(json_object_get(rec, "attempt")));
	y = view_row(in, y, "Campaign", buf);
	snprintf(buf, sizeof buf, "%s  %s", view_str(rec, "name") ?
	    view_str(rec, "name") : "", view_str(rec, "phone") ?
	    view_str(rec, "phone") : "");
	y = view_row(in, y, "Contact", buf);
	json_object_foreach(json_object_get(rec, "fields"), k, v) {
		if (!json_is_string(v))
			continue;
		snprintf(buf, sizeof buf, "%s", k);
		y = view_row(in, y, buf, json_string_value(v));
	}
	return y;
}

/* The campaign's script in the rows left, from the row the agent
 * scrolled to (drawn whole into a pad, the part that fits copied). */
static void
view_script(const struct console *c, struct tui_rect in, int y, json_t *rec)
{
	const char	*text = view_str(rec, "script");
	struct tui_rect	 r = { y + 1, in.x, in.y + in.h - y - 1, in.w };
	WINDOW		*pad;
	int		 rows, top = c->script_top, shown;
	char		 title[64];

	if (text == NULL || text[0] == '\0' || r.h < 1 || r.w < 1)
		return;
	rows = tui_text_wrap(NULL, (struct tui_rect){ 0, 0, 10000, r.w }, text,
	    0);
	if (top > rows - r.h)
		top = rows - r.h;
	if (top < 0)
		top = 0;
	shown = rows - top < r.h ? rows - top : r.h;
	snprintf(title, sizeof title, "Script%s", rows > r.h ? (top + shown <
	    rows ? " (more below: ])" : " ([: back up)") : "");
	tui_text_put(stdscr, y, in.x, in.w, title, tui_attr(TUI_LABEL));
	if (shown < 1 || (pad = newpad(rows, r.w)) == NULL)
		return;
	tui_text_wrap(pad, (struct tui_rect){ 0, 0, rows, r.w }, text,
	    tui_attr(TUI_NORMAL));
	copywin(pad, stdscr, top, 0, r.y, r.x, r.y + shown - 1, r.x + r.w - 1,
	    FALSE);
	delwin(pad);
}

/* Preview: the record and the script, before anything is dialled. */
static void
view_preview(const struct console *c, struct tui_rect in)
{
	struct tui_rect	line = { in.y, in.x, 1, in.w };
	json_t		*rec = c->m.camp.record;
	char		buf[256];
	int		y;

	tui_text_fill(stdscr, line, tui_attr(TUI_OFFER));
	tui_text_printf(stdscr, in.y, in.x + 1, in.w - 2, tui_attr(TUI_OFFER),
	    "PREVIEW: campaign %s", view_str(rec, "campaign") ?
	    view_str(rec, "campaign") : "");
	snprintf(buf, sizeof buf, "%s dial   %s skip (asks why)",
	    keys_hint(KA_PDIAL), keys_hint(KA_SKIP));
	tui_text_put(stdscr, in.y + 1, in.x + 1, in.w - 1, buf,
	    tui_attr(TUI_ON_CALL));
	y = view_campaign_record(in, in.y + 2, rec);
	view_script(c, in, y, rec);
}

/* The campaign record of the call on screen (on it, or ended), or NULL. */
static json_t *
view_campaign_of_call(const struct console *c)
{
	if (model_campaign_owns(&c->m))
		return c->m.camp.record;
	return c->m.call.phase == PHASE_ENDED ? c->m.call.campaign_record :
	    NULL;
}

/* The record previewed takes the call panel, unless an ended call there
 * still waits for its disposition. */
static int
view_preview_on(const struct console *c)
{
	const struct model_call *k = &c->m.call;

	if (!c->m.camp.preview || c->m.camp.record == NULL)
		return 0;
	return k->phase == PHASE_NONE || (k->phase == PHASE_ENDED &&
	    (k->disposition[0] != '\0' || (json_array_size(k->dispositions) == 0
	    && !k->dispo_required)));
}

/* The offer: who, which queue, the keys and the time left. */
static int
view_head_offered(const struct console *c, struct tui_rect in, uint64_t s)
{
	struct tui_rect	line = { in.y, in.x, 1, in.w };
	char		buf[256];

	tui_text_fill(stdscr, line, tui_attr(TUI_OFFER));
	tui_text_printf(stdscr, in.y, in.x + 1, in.w - 2, tui_attr(TUI_OFFER),
	    "INCOMING CALL from %s  queue %s", c->m.call.cli, c->m.call.queue);
	snprintf(buf, sizeof buf, "%s answer  %s reject", keys_hint(KA_ANSWER),
	    keys_hint(KA_REJECT));
	if (c->m.call.timeout_s > 0 && (uint64_t)c->m.call.timeout_s > s)
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf),
		    "  (%llus to answer)", (unsigned long long)
		    (c->m.call.timeout_s - s));
	tui_text_put(stdscr, in.y + 1, in.x + 1, in.w - 1, buf,
	    tui_attr(TUI_ON_CALL));
	return in.y + 2;
}

/* A consultation: with whom, how far, and its keys. */
static int
view_head_consult(const struct console *c, struct tui_rect in)
{
	char who[64], buf[256];

	snprintf(who, sizeof who, "%s", c->m.call.consult_with);
	who[strcspn(who, ":")] = who[strcspn(who, ":")] ? ' ' : '\0';
	snprintf(buf, sizeof buf, "%s %s  %s", c->m.call.consult ==
	    CONSULT_CONFERENCE ? "CONFERENCE with" : "CONSULTING", who,
	    c->m.call.consult == CONSULT_RINGING ? c->m.call.consult_progress :
	    c->m.call.consult == CONSULT_TALKING ? "talking, caller HELD" :
	    "all three talking");
	tui_text_put(stdscr, in.y, in.x, in.w, buf, tui_attr(TUI_WRAP_UP));
	if (c->m.call.consult == CONSULT_CONFERENCE)
		snprintf(buf, sizeof buf, "%s: hang up (ends it for all)",
		    keys_hint(KA_HANGUP));
	else
		snprintf(buf, sizeof buf, "%s: hand the caller over   %s: "
		    "conference   %s: back to the caller", keys_hint(KA_COMPLETE),
		    keys_hint(KA_CONFERENCE), keys_hint(KA_BACK));
	tui_text_put(stdscr, in.y + 1, in.x, in.w, buf, tui_attr(TUI_LABEL));
	return in.y + 2;
}

/* Connected: our own call ringing out, a consultation, being consulted,
 * or on the call (held, muted, recorded). */
static int
view_head_connected(const struct console *c, struct tui_rect in, uint64_t s)
{
	const struct model_call	*k = &c->m.call;
	char			 buf[256], d[32];
	int			 rec = strcmp(k->recording, "start") == 0 ||
				    strcmp(k->recording, "resume") == 0;

	if (k->consult != CONSULT_NONE && k->progress[0] == '\0')
		return view_head_consult(c, in);
	if (k->progress[0] != '\0')	/* our own call */
		snprintf(buf, sizeof buf, "CALLING %s (%s)  %s: give up", k->cli,
		    k->progress, keys_hint(KA_HANGUP));
	else if (k->consult_from[0] != '\0')
		snprintf(buf, sizeof buf, "CONSULTED by agent %s %s",
		    k->consult_from, console_duration(s, d, sizeof d));
	else
		snprintf(buf, sizeof buf, "ON CALL %s%s%s%s", console_duration(s,
		    d, sizeof d), k->held ? "  HELD" : "", k->muted ?
		    "  MUTED" : "", rec ? "  REC" : strcmp(k->recording,
		    "pause") == 0 ? "  REC paused" : "");
	tui_text_put(stdscr, in.y, in.x, in.w, buf, tui_attr(k->held &&
	    k->progress[0] == '\0' && k->consult_from[0] == '\0' ?
	    TUI_WRAP_UP : TUI_ON_CALL));
	return in.y + 2;
}

/* The first row of the call panel: what is happening, loudly. */
static int
view_call_head(const struct console *c, struct tui_rect in)
{
	char		buf[256], d[32];
	uint64_t	s = view_secs_since(c->m.call.since);

	switch (c->m.call.phase) {
	case PHASE_OFFERED:
		return view_head_offered(c, in, s);
	case PHASE_CONNECTED:
		return view_head_connected(c, in, s);
	case PHASE_ENDED:
		snprintf(buf, sizeof buf, "CALL ENDED: %s", c->m.call.ended);
		if (c->m.call.talk_us > 0)
			snprintf(buf + strlen(buf), sizeof buf - strlen(buf),
			    ", talked %s", console_duration(c->m.call.talk_us /
			    1000000, d, sizeof d));
		tui_text_put(stdscr, in.y, in.x, in.w, buf, tui_attr(TUI_WRAP_UP));
		return in.y + 2;
	default:
		if (model_in_state(&c->m, "ready"))
			snprintf(buf, sizeof buf, "No call. Waiting for one...");
		else
			snprintf(buf, sizeof buf, "No call. Press %s to take "
			    "calls.", keys_hint(KA_READY));
		tui_text_put(stdscr, in.y, in.x, in.w, buf, tui_attr(TUI_NORMAL));
		return in.y + 1;
	}
}

static void
view_call(const struct console *c, struct tui_rect r)
{
	struct tui_rect	in = { r.y + 1, r.x + 2, r.h - 2, r.w - 4 };
	char		buf[512], unknown[96];
	int		y;

	tui_text_box(stdscr, r, "Call", tui_attr(TUI_FRAME));
	if (in.h < 1 || in.w < 12)
		return;
	if (view_preview_on(c)) {
		view_preview(c, in);
		return;
	}
	y = view_call_head(c, in);
	if (c->m.call.phase == PHASE_NONE)
		return;
	snprintf(buf, sizeof buf, "%s", c->m.call.cli);
	if (c->m.call.dnis[0] != '\0')
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf),
		    "   dialled %s", c->m.call.dnis);
	if (c->m.call.queue[0] != '\0')
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf),
		    "   queue %s, waited %ds", c->m.call.queue, c->m.call.wait_s);
	y = view_row(in, y, "Caller", buf);
	y = view_row(in, y, "IVR", c->m.call.ivr);
	if (json_object_size(c->m.call.vars) > 0) {
		view_pairs(c->m.call.vars, buf, sizeof buf);
		y = view_row(in, y, "Entered", buf);
	}
	if (view_campaign_of_call(c) != NULL)
		y = view_campaign_record(in, y, view_campaign_of_call(c));
	else if (c->m.call.customer != NULL)
		y = view_customer(in, y, c->m.call.customer);
	else if ((c->m.call.phase == PHASE_OFFERED || c->m.call.phase ==
	    PHASE_CONNECTED) && c->m.call.progress[0] == '\0' &&
	    c->m.call.consult_from[0] == '\0')
		y = view_row(in, y, "Customer", c->m.call.phase == PHASE_OFFERED ?
		    "not known for this number" : (snprintf(unknown,
		    sizeof unknown, "not known for this number (%s: search, or "
		    "new with this number)", keys_hint(KA_CUSTOMER)), unknown));
	y = view_row(in, y, "Dispo", c->m.call.disposition);
	if (c->m.call.phase == PHASE_ENDED && y < in.y + in.h &&
	    json_array_size(c->m.call.dispositions) > 0 &&
	    !c->m.call.disposition[0]) {
		snprintf(buf, sizeof buf, "%s: choose a disposition",
		    keys_hint(KA_DISPO));
		y = view_row(in, y, "", buf);
	}
	if (view_campaign_of_call(c) != NULL)
		view_script(c, in, y, view_campaign_of_call(c));
}

static void
view_note(struct console *c, struct tui_rect r)
{
	struct tui_rect in = { r.y + 1, r.x + 2, r.h - 2, r.w - 4 };
	char		title[64];

	snprintf(title, sizeof title, "Note (%s to write)", keys_hint(KA_NOTE));
	tui_text_box(stdscr, r, c->editing ? "Note: writing (Tab/Esc leaves)" :
	    title, tui_attr(c->editing ? TUI_ON_CALL : TUI_FRAME));
	tui_editor_draw(&c->note, stdscr, in, c->editing && c->modal == MODAL_NONE);
	if (c->note_call[0] != '\0' && r.h > 2 && r.w > 30 &&
	    !tui_editor_empty(&c->note))
		tui_text_printf(stdscr, r.y + r.h - 1, r.x + r.w - 24, 22,
		    tui_attr(TUI_FRAME), " %s ", c->note_saved ? "saved" :
		    c->note_dirty ? "not sent yet" : "kept here");
}

/* The waiting lines of the agent's queues, a table: callers waiting and
 * the longest wait, coloured against their limits. */
static const struct tui_thresh view_waiting_limits = { 1, 3, 0 };
static const struct tui_thresh view_longest_limits = { 30, 60, 0 };

static uint64_t
view_line_longest(const struct model_line *l)
{
	return l->waiting > 0 ? view_secs_since(l->oldest_since) : 0;
}

static void
view_line_name(const void *row, char *buf, size_t len)
{
	snprintf(buf, len, "%s", ((const struct model_line *)row)->name);
}

static void
view_line_waiting(const void *row, char *buf, size_t len)
{
	snprintf(buf, len, "%d", ((const struct model_line *)row)->waiting);
}

static enum tui_color
view_line_waiting_color(const void *row)
{
	return tui_thresh_color(&view_waiting_limits,
	    ((const struct model_line *)row)->waiting);
}

static void
view_line_longest_text(const void *row, char *buf, size_t len)
{
	console_duration(view_line_longest(row), buf, len);
}

static enum tui_color
view_line_longest_color(const void *row)
{
	return tui_thresh_color(&view_longest_limits, view_line_longest(row));
}

static int
view_line_cmp_longest(const void *a, const void *b)
{
	uint64_t x = view_line_longest(a), y = view_line_longest(b);

	return x < y ? -1 : x > y;
}

static const struct tui_column view_line_columns[] = {
	{ "Queue", 16, 8, 1, TUI_ALIGN_LEFT, view_line_name, NULL, NULL },
	{ "Waiting", 8, 0, 0, TUI_ALIGN_RIGHT, view_line_waiting,
	  view_line_waiting_color, NULL },
	{ "Longest", 8, 0, 0, TUI_ALIGN_RIGHT, view_line_longest_text,
	  view_line_longest_color, view_line_cmp_longest },
};

static void
view_lines(const struct console *c, struct tui_rect r)
{
	static struct tui_table	t;

	if (t.cols == NULL) {
		tui_table_init(&t, view_line_columns, 3);
		tui_table_sort(&t, 1);
		tui_table_sort(&t, 1);		/* most callers first */
	}
	tui_table_clear(&t);
	for (int i = 0; i < c->m.nlines; i++)
		tui_table_add(&t, &c->m.lines[i]);
	tui_table_update(&t);
	tui_table_draw(&t, stdscr, r, 0);
}

/* On a big screen: the agent's figures today, kept current by the
 * replies to my-stats the console asks for as its state changes, and
 * the queues' waiting lines. */
static void
view_figures(const struct console *c, struct tui_rect r)
{
	struct tui_rect	in = { r.y + 1, r.x + 2, r.h - 2, r.w - 4 };
	char		text[1024], title[32];
	int		rows;

	if (r.h == 0)
		return;
	snprintf(title, sizeof title, "Today (%s: more)", keys_hint(KA_STATS));
	tui_text_box(stdscr, r, title, tui_attr(TUI_FRAME));
	desk_stats_text(c, text, sizeof text, 0);
	rows = tui_text_wrap(stdscr, in, text, tui_attr(TUI_NORMAL));
	if (c->m.nlines > 0 && rows + 2 <= in.h)
		view_lines(c, (struct tui_rect){ in.y + rows, in.x, in.h - rows,
		    in.w });
}

static void
view_status(const struct console *c, int y)
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
	if (tui_status_draw(&c->status, stdscr, y, COLS, clock_mono_us()))
		return;
	if (c->editing)
		tui_bar_status(stdscr, y, COLS, "Writing the note: Tab or Esc "
		    "leaves the editor; F-keys still work", TUI_LEVEL_INFO);
}

static void
view_keys(const struct console *c, int y)
{
	struct tui_barkey keys[32];

	if (c->screen == SCREEN_LOGIN)
		tui_bar_keys(stdscr, y, COLS, keys, login_bar(keys, 32));
	else
		tui_bar_keys(stdscr, y, COLS, keys, keys_bar(c, keys, 32, COLS));
}

static void
view_modal(struct console *c)
{
	if (c->modal == MODAL_HELP)
		help_draw(c);
	else if (c->modal == MODAL_DIALOG)
		tui_dialog_draw(&c->dialog, stdscr);
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
}
