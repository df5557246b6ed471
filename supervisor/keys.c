/* keys.c: the supervisor's keymap (data: function key, letter, label,
 * help) and its actions. An action on an agent takes the selected row of
 * the agents table, opens a dialog, and on its answer sends the request;
 * what changes on screen comes back as the reply and the events. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "keyhelp.h"
#include "keymap.h"
#include "sup.h"

enum keys_purpose { DLG_NONE, DLG_NOTREADY, DLG_LOGOUT, DLG_MESSAGE,
	DLG_QUEUES, DLG_FILTER_QUEUE, DLG_FILTER_TEXT, DLG_WALL_MSG };

struct keys_action {
	struct tui_keydef	 key;
	void			(*fn)(struct sup *);
};

static int keys_help_top;

static const struct sup_agent *
keys_agent(struct sup *s)
{
	const struct sup_agent *a = tui_table_selected(&s->at);

	if (a == NULL || s->screen != SCREEN_LIVE) {
		view_say(s, 0, "select an agent first (Tab to the agents table)");
		return NULL;
	}
	snprintf(s->target, sizeof s->target, "%s", a->id);
	return a;
}

static void
keys_state(struct sup *s, const char *state, const char *reason)
{
	char what[96];

	snprintf(what, sizeof what, "agent %s %s", s->target, state);
	link_send(s, SREQ_ACT, what, reason == NULL ?
	    json_pack("{s:s,s:s,s:s}", "req", "agent-state", "agent", s->target,
	    "state", state) : json_pack("{s:s,s:s,s:s,s:s}", "req",
	    "agent-state", "agent", s->target, "state", state, "reason", reason));
}

static void
k_ready(struct sup *s)
{
	if (keys_agent(s) != NULL)
		keys_state(s, "ready", NULL);
}

static void
k_notready(struct sup *s)
{
	char title[64];

	if (keys_agent(s) == NULL)
		return;
	snprintf(title, sizeof title, "Agent %s not ready: reason", s->target);
	tui_dialog_ask(&s->dlg, DLG_NOTREADY, title,
	    "one of the core's not_ready_reasons", "break");
}

static void
k_logout(struct sup *s)
{
	char text[96];

	if (keys_agent(s) == NULL)
		return;
	snprintf(text, sizeof text, "Log agent %s out? (y/n)", s->target);
	tui_dialog_confirm(&s->dlg, DLG_LOGOUT, "Log out", text, "yn");
}

static void
k_message(struct sup *s)
{
	char title[64];

	if (keys_agent(s) == NULL)
		return;
	snprintf(title, sizeof title, "Message to agent %s", s->target);
	tui_dialog_ask(&s->dlg, DLG_MESSAGE, title, "1-500 bytes, Enter sends",
	    "");
}

static void
k_queues(struct sup *s)
{
	const struct sup_agent *a = keys_agent(s);
	char title[64];

	if (a == NULL)
		return;
	snprintf(title, sizeof title, "Queues of agent %s", s->target);
	tui_dialog_ask(&s->dlg, DLG_QUEUES, title, "comma-separated, of its "
	    "configured queues (empty: all)", a->queues);
}

static const char *const keys_states[] = { "", "ready", "not_ready",
	"on_call", "wrap_up", "logged_out", "help" };

static void
k_state_filter(struct sup *s)
{
	size_t i, n = sizeof keys_states / sizeof keys_states[0];

	for (i = 0; i < n && strcmp(keys_states[i], s->filter_state) != 0; i++)
		;
	snprintf(s->filter_state, sizeof s->filter_state, "%s",
	    keys_states[(i + 1) % n]);
	view_update(s);
}

static void
k_queue_filter(struct sup *s)
{
	char	*items[SUP_QUEUES + 1];
	int	 n = 0;

	items[n++] = (char *)"(all queues)";
	for (int i = 0; i < s->nq; i++)
		items[n++] = s->q[i].name;
	tui_dialog_pick(&s->dlg, DLG_FILTER_QUEUE, "Agents of queue", items, n);
}

static void
k_text_filter(struct sup *s)
{
	tui_dialog_ask(&s->dlg, DLG_FILTER_TEXT, "Find agents",
	    "text in any column (empty: all)", s->at.filter);
}

static void
k_focus(struct sup *s)
{
	s->focus = s->focus == FOCUS_AGENTS ? FOCUS_QUEUES : FOCUS_AGENTS;
}

static void
k_wall(struct sup *s)
{
	s->screen = s->screen == SCREEN_WALL ? SCREEN_LIVE : SCREEN_WALL;
}

static void
k_wall_msg(struct sup *s)
{
	tui_dialog_ask(&s->dlg, DLG_WALL_MSG, "Wallboard message",
	    "shown at the top of the wallboard (empty: none)", s->wall_msg);
}

static void k_help(struct sup *s) { s->screen = SCREEN_HELP; keys_help_top = 0; }
static void k_quit(struct sup *s) { s->quit = 1; }

#define LIVE	1
#define WALL	2

static const struct keys_action keys_table[] = {
	{ { KEY_F(1), '?', "Help", "this help", LIVE | WALL, 0 }, k_help },
	{ { KEY_F(2), 'r', "Ready", "make the agent ready", LIVE, 1 }, k_ready },
	{ { KEY_F(3), 'n', "NotRdy", "make the agent not ready (reason)", LIVE, 1 },
	    k_notready },
	{ { KEY_F(4), 'o', "Logout", "log the agent out", LIVE, 2 }, k_logout },
	{ { KEY_F(5), 'm', "Msg", "send the agent a message", LIVE, 1 }, k_message },
	{ { KEY_F(6), 'u', "Queues", "move the agent between its queues", LIVE, 2 },
	    k_queues },
	{ { KEY_F(7), 's', "State", "show agents of one state (cycles; "
	    "help: those asking for help)", LIVE, 2 }, k_state_filter },
	{ { KEY_F(8), 'f', "Queue", "show agents of one queue", LIVE, 3 },
	    k_queue_filter },
	{ { 0, '/', "Find", "show agents with this text", LIVE, 3 },
	    k_text_filter },
	{ { 0, '\t', "Tab", "queues / agents table", 0, 0 }, k_focus },
	{ { KEY_F(9), 'w', "Wall", "wallboard / live view", LIVE | WALL, 1 },
	    k_wall },
	{ { 0, 'M', "WallMsg", "set the wallboard's message line", WALL, 2 },
	    k_wall_msg },
	{ { KEY_F(10), 'q', "Quit", "quit", LIVE | WALL, 0 }, k_quit },
};
#define KEYS_N	((int)(sizeof keys_table / sizeof keys_table[0]))

static int
keys_when(const struct sup *s)
{
	return s->screen == SCREEN_WALL ? WALL : LIVE;
}

void
keys_bar_draw(struct sup *s, int y, int w)
{
	struct tui_barkey	on[KEYS_N], out[KEYS_N];
	int			prio[KEYS_N], n = 0;

	for (int i = 0; i < KEYS_N; i++) {
		if (!(keys_table[i].key.when & keys_when(s)))
			continue;
		tui_keydef_barkey(&keys_table[i].key, NULL, &on[n]);
		prio[n++] = keys_table[i].key.prio;
	}
	tui_bar_keys(stdscr, y, w, out, tui_keymap_fit(on, prio, n, out, w));
}

static const struct tui_keyhelp_row *
keys_help_rows(void)
{
	static struct tui_keyhelp_row rows[KEYS_N + 3];

	for (int i = 0; i < KEYS_N; i++)
		rows[i].key = &keys_table[i].key;
	rows[KEYS_N] = (struct tui_keyhelp_row){ NULL, "Enter",
	    "on a queue: show its agents (again: all)" };
	rows[KEYS_N + 1] = (struct tui_keyhelp_row){ NULL, "< >",
	    "sort by the column before / after (again: reverse)" };
	rows[KEYS_N + 2] = (struct tui_keyhelp_row){ NULL, "^L", "redraw" };
	return rows;
}

void
keys_help_draw(struct sup *s)
{
	(void)s;
	tui_keyhelp_draw(stdscr, "Help: supervisor keys", keys_help_rows(),
	    KEYS_N + 3, keys_help_top);
}

/* A dialog was answered. */
static void
keys_answered(struct sup *s)
{
	char	*text = s->dlg.kind == TUI_DIALOG_ASK ? tui_ask_get(&s->dlg.ask) : NULL;
	char	 what[96];
	int	 p = s->dlg.purpose;

	snprintf(what, sizeof what, "%s to %s", p == DLG_MESSAGE ? "message" :
	    "queues", s->target);
	if (p == DLG_NOTREADY)
		keys_state(s, "not_ready", text);
	else if (p == DLG_LOGOUT && s->dlg.prompt.answer == 'y')
		keys_state(s, "logout", NULL);
	else if (p == DLG_MESSAGE)
		link_send(s, SREQ_ACT, what, json_pack("{s:s,s:s,s:s}", "req",
		    "message", "agent", s->target, "text", text));
	else if (p == DLG_QUEUES)
		link_send(s, SREQ_ACT, what, json_pack("{s:s,s:s,s:s}", "req",
		    "agent-queues", "agent", s->target, "queues", text));
	else if (p == DLG_FILTER_QUEUE)
		snprintf(s->filter_queue, sizeof s->filter_queue, "%s",
		    s->dlg.pick.sel <= 0 ? "" : s->q[s->dlg.pick.sel - 1].name);
	else if (p == DLG_FILTER_TEXT)
		tui_table_filter(&s->at, text);
	else if (p == DLG_WALL_MSG)
		snprintf(s->wall_msg, sizeof s->wall_msg, "%s", text);
	free(text);
	tui_dialog_close(&s->dlg);
	view_update(s);
}

static int
keys_top(struct sup *s, const struct tui_key *k)
{
	enum tui_result r;

	if (tui_dialog_open(&s->dlg)) {
		if ((r = tui_dialog_key(&s->dlg, k)) == TUI_DONE)
			keys_answered(s);
		else if (r == TUI_CANCEL)
			tui_dialog_close(&s->dlg);
		return 1;
	}
	if (s->screen == SCREEN_HELP) {
		if (!tui_keyhelp_key(KEYS_N + 3, &keys_help_top, k))
			s->screen = SCREEN_LIVE;
		return 1;
	}
	return 0;
}

/* Enter on a queue: its agents (again: all). */
static void
keys_queue_chosen(struct sup *s)
{
	const struct sup_queue *q = tui_table_selected(&s->qt);

	if (q == NULL)
		return;
	snprintf(s->filter_queue, sizeof s->filter_queue, "%s",
	    strcmp(s->filter_queue, q->name) == 0 ? "" : q->name);
	view_update(s);
}

void
keys_handle(struct sup *s, const struct tui_key *k)
{
	struct tui_table *t = s->focus == FOCUS_AGENTS ? &s->at : &s->qt;

	s->dirty = 1;
	if (keys_top(s, k))
		return;
	if (tui_key_char(k, TUI_CTRL('l'))) {
		clearok(curscr, TRUE);
		return;
	}
	for (int i = 0; i < KEYS_N; i++)
		if ((keys_table[i].key.when & keys_when(s) ||
		    keys_table[i].key.when == 0) &&
		    tui_keydef_match(&keys_table[i].key, k, 1)) {
			keys_table[i].fn(s);
			return;
		}
	if (s->screen == SCREEN_LIVE && tui_table_key(t, k, s->focus ==
	    FOCUS_AGENTS ? view_agent_rows() : s->nq) == TUI_DONE &&
	    s->focus == FOCUS_QUEUES)
		keys_queue_chosen(s);
}
