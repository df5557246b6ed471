/* keys.c: the supervisor's keymap (data: function key, letter, label,
 * help, and what it does) and its actions. An action on an agent takes
 * the selected row of the agents table, opens a dialog, and on its answer
 * sends the request (link.h); one on a campaign takes the selected row
 * of the campaigns table (pause, resume, stop after a yes). What changes
 * on screen comes back as the reply and the events. Filters are written
 * here and the tables rebuilt on the next frame (s->changed). The key
 * bar, the help screen and the dialogs are drawn from here, so a key is
 * spelled once. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "clock.h"
#include "keyhelp.h"
#include "keymap.h"
#include "keys.h"
#include "link.h"
#include "repscreen.h"

enum keys_purpose { DLG_NONE, DLG_NOTREADY, DLG_LOGOUT, DLG_MESSAGE,
	DLG_QUEUES, DLG_FILTER_QUEUE, DLG_FILTER_TEXT, DLG_WALL_MSG,
	DLG_FILTER_TEAM, DLG_TEAM_PICK, DLG_TEAM_TEXT, DLG_CALL_PICK,
	DLG_CALL_MOVE, DLG_CAMP_STOP };

struct keys_action {
	struct tui_keydef	 key;
	void			(*fn)(struct sup *);	/* NULL: the table's */
};

static int keys_help_top;
/* What a pick list's rows stand for (queues, teams, calls). */
static char keys_pick[TUI_PICK_MAX][32];

static const struct sup_agent *
keys_agent(struct sup *s)
{
	const struct sup_agent *a = tui_table_selected(&s->at);

	if (a == NULL || s->screen != SCREEN_LIVE) {
		model_say(s, 0, "select an agent first (Tab to the agents table)");
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

/* Listen, whisper, barge: on the selected agent's call. */
static void
keys_monitor(struct sup *s, const char *mode)
{
	const struct sup_agent *a = keys_agent(s);

	if (a == NULL)
		return;
	if (a->call[0] == '\0') {
		model_say(s, 1, "agent %s has no call to %s", a->id, mode);
		return;
	}
	link_monitor(s, a->call, mode);
}

/* Pause, resume, stop: the selected row of the campaigns table. */
static const struct sup_campaign *
keys_campaign(struct sup *s)
{
	const struct sup_campaign *c = tui_table_selected(&s->ct);

	if (c == NULL || s->screen != SCREEN_LIVE || s->focus != FOCUS_CAMPAIGNS) {
		model_say(s, 0, "select a campaign first (Tab to the campaigns "
		    "table)");
		return NULL;
	}
	snprintf(s->target, sizeof s->target, "%s", c->name);
	return c;
}

static void
keys_camp_state(struct sup *s, const char *action)
{
	char what[96];

	snprintf(what, sizeof what, "campaign %s %s", s->target, action);
	link_send(s, SREQ_ACT, what, json_pack("{s:s,s:s,s:s}", "req",
	    "campaign-state", "campaign", s->target, "action", action));
}

static void
k_camp_pause(struct sup *s)
{
	if (keys_campaign(s) != NULL)
		keys_camp_state(s, "pause");
}

static void
k_camp_resume(struct sup *s)
{
	if (keys_campaign(s) != NULL)
		keys_camp_state(s, "resume");
}

static void
k_camp_stop(struct sup *s)
{
	char text[96];

	if (keys_campaign(s) == NULL)
		return;
	snprintf(text, sizeof text, "Stop campaign %s? (y/n)", s->target);
	tui_dialog_confirm(&s->dlg, DLG_CAMP_STOP, "Stop campaign", text, "yn");
}

static void k_listen(struct sup *s) { keys_monitor(s, "listen"); }
static void k_whisper(struct sup *s) { keys_monitor(s, "whisper"); }
static void k_barge(struct sup *s) { keys_monitor(s, "barge"); }

static void
k_unmonitor(struct sup *s)
{
	if (s->monitoring[0] == '\0')
		model_say(s, 0, "not listening to a call");
	else
		link_monitor(s, s->monitoring, "stop");
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
	s->changed = 1;
}

/* A pick list whose first row is FIRST (its key "") and then NAMES. */
static void
keys_pick_names(struct sup *s, int purpose, const char *title,
    const char *first, const char **names, int n)
{
	char	*items[TUI_PICK_MAX];
	int	 m = 0;

	items[m] = (char *)first;
	keys_pick[m++][0] = '\0';
	for (int i = 0; i < n && m < TUI_PICK_MAX; i++) {
		snprintf(keys_pick[m], sizeof keys_pick[m], "%s", names[i]);
		items[m] = keys_pick[m];
		m++;
	}
	tui_dialog_pick(&s->dlg, purpose, title, items, m);
}

static void
k_queue_filter(struct sup *s)
{
	const char *names[SUP_QUEUES];

	for (int i = 0; i < s->nq; i++)
		names[i] = s->q[i].name;
	keys_pick_names(s, DLG_FILTER_QUEUE, "Agents of queue", "(all queues)",
	    names, s->nq);
}

static void
k_team_filter(struct sup *s)
{
	const char	*names[SUP_TEAMS];
	int		 n = model_teams(s, names, SUP_TEAMS);

	keys_pick_names(s, DLG_FILTER_TEAM, "Agents of team", "(all teams)",
	    names, n);
}

static void
k_team_message(struct sup *s)
{
	const char	*names[SUP_TEAMS];
	int		 n = model_teams(s, names, SUP_TEAMS);

	keys_pick_names(s, DLG_TEAM_PICK, "Message to", "(everyone)", names, n);
}

/* The waiting calls, the longest waiting first, to move one. */
static void
k_calls(struct sup *s)
{
	const struct sup_call	*w[SUP_CALLS], *t;
	char			*items[TUI_PICK_MAX], text[TUI_PICK_MAX][128];
	int			 n = 0, m = 0;
	uint64_t		 now = clock_mono_us();

	for (int i = 0; i < s->nc; i++)
		if (model_waiting(&s->c[i]))
			w[n++] = &s->c[i];
	for (int i = 1; i < n; i++)	/* few: insertion sort by since */
		for (int j = i; j > 0 && w[j]->since < w[j - 1]->since; j--) {
			t = w[j];
			w[j] = w[j - 1];
			w[j - 1] = t;
		}
	if (n == 0) {
		model_say(s, 0, "no call is waiting");
		return;
	}
	for (int i = 0; i < n && m < TUI_PICK_MAX; i++, m++) {
		snprintf(keys_pick[m], sizeof keys_pick[m], "%s", w[i]->id);
		snprintf(text[m], sizeof text[m], "%-12s %-10s %3ds  %s",
		    w[i]->cli, w[i]->queue, (int)((now - w[i]->since) / 1000000),
		    w[i]->id);
		items[m] = text[m];
	}
	tui_dialog_pick(&s->dlg, DLG_CALL_PICK, "Waiting calls: move which",
	    items, m);
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
	s->focus = s->focus == FOCUS_AGENTS ? FOCUS_QUEUES :
	    s->focus == FOCUS_QUEUES && s->ncp > 0 ? FOCUS_CAMPAIGNS :
	    FOCUS_AGENTS;
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

static void
k_redraw(struct sup *s)
{
	(void)s;
	clearok(curscr, TRUE);
}

static void k_report(struct sup *s) { repscreen_open(s); }
static void k_help(struct sup *s) { s->screen = SCREEN_HELP; keys_help_top = 0; }
static void k_quit(struct sup *s) { s->quit = 1; }

#define LIVE	1
#define WALL	2
#define REPORT	4	/* the report screen (repscreen.c) */
#define NOBAR	0	/* never in the bar: in the help only */

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
	{ { 0, 't', "Team", "show agents of one team", LIVE, 3 }, k_team_filter },
	{ { 0, '/', "Find", "show agents with this text", LIVE, 3 },
	    k_text_filter },
	{ { 0, 'c', "Calls", "waiting calls: move one to a queue or an agent",
	    LIVE, 2 }, k_calls },
	{ { 0, 'i', "Listen", "listen in on the agent's call (silent)", LIVE, 3 },
	    k_listen },
	{ { 0, 'h', "Whisper", "whisper to the agent (the caller hears "
	    "nothing)", LIVE, 3 }, k_whisper },
	{ { 0, 'b', "Barge", "barge in: a three-way call", LIVE, 3 }, k_barge },
	{ { 0, 'x', "Unlisten", "stop listening, whispering or barging", LIVE,
	    3 }, k_unmonitor },
	{ { 0, 'T', "TeamMsg", "send a team (or everyone) a message", LIVE, 3 },
	    k_team_message },
	{ { 0, 'p', "Pause", "pause the selected campaign", LIVE, 3 },
	    k_camp_pause },
	{ { 0, 'R', "Resume", "resume the selected campaign", LIVE, 3 },
	    k_camp_resume },
	{ { 0, 'S', "Stop", "stop the selected campaign (asks first)", LIVE, 3 },
	    k_camp_stop },
	{ { 0, '\t', "Tab", "queues / campaigns / agents table", NOBAR, 0 },
	    k_focus },
	{ { KEY_F(9), 'w', "Wall", "wallboard / live view", LIVE | WALL, 1 },
	    k_wall },
	{ { 0, 'M', "WallMsg", "set the wallboard's message line", WALL, 2 },
	    k_wall_msg },
	{ { KEY_F(11), 'e', "Report", "reports: pick one, its period and "
	    "filters; preview, save, print", LIVE, 1 }, k_report },
	{ { KEY_F(2), 'r', "Report", "report screen: pick the report", REPORT,
	    0 }, repscreen_pick_report },
	{ { KEY_F(3), 'd', "Period", "report screen: today, yesterday, this "
	    "week, last month, or days", REPORT, 0 }, repscreen_pick_period },
	{ { KEY_F(4), 'f', "Queue", "report screen: only one queue", REPORT, 1 },
	    repscreen_pick_queue },
	{ { KEY_F(5), 'a', "Agent", "report screen: only one agent", REPORT, 1 },
	    repscreen_pick_agent },
	{ { KEY_F(6), 'c', "Client", "report screen: only one client", REPORT,
	    1 }, repscreen_pick_client },
	{ { KEY_F(7), 'v', "View", "report screen: preview the report (also "
	    "Enter)", REPORT, 0 }, repscreen_preview },
	{ { 0, 't', "Pages", "report screen: preview the paginated text "
	    "(pages, totals) or the table", REPORT, 3 }, repscreen_pages },
	{ { KEY_F(8), 's', "Save", "report screen: save as CSV or text",
	    REPORT, 0 }, repscreen_save },
	{ { KEY_F(9), 'p', "Print", "report screen: print through CUPS (lp)",
	    REPORT, 0 }, repscreen_print },
	{ { 0, TUI_ESC, "Back", "report screen: back (the preview, then the "
	    "screen)", REPORT, 0 }, repscreen_back },
	{ { KEY_F(10), 'q', "Quit", "quit", LIVE | WALL | REPORT, 0 }, k_quit },
	{ { 0, TUI_CTRL('l'), "^L", "redraw the screen", NOBAR, 0 },
	    k_redraw },
	/* Keys of the tables themselves (tui/table.c): in the help only. */
	{ { 0, '\n', "Enter", "on a queue: show its agents (again: all)",
	    NOBAR, 0 }, NULL },
	{ { 0, '<', "Sort<", "sort by the column before (again: reverse)",
	    NOBAR, 0 }, NULL },
	{ { 0, '>', "Sort>", "sort by the column after (again: reverse)",
	    NOBAR, 0 }, NULL },
	{ { KEY_UP, 0, "Up/Down", "move in the table (PgUp/PgDn, Home/End)",
	    NOBAR, 0 }, NULL },
};
#define KEYS_N	((int)(sizeof keys_table / sizeof keys_table[0]))

static int
keys_when(const struct sup *s)
{
	return s->screen == SCREEN_WALL ? WALL : s->screen == SCREEN_REPORT ?
	    REPORT : LIVE;
}

static void
keys_bar_draw(const struct sup *s, int y, int w)
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

/* Every key of the table; the tables' own keys and control keys by
 * their labels. */
static const struct tui_keyhelp_row *
keys_help_rows(void)
{
	static struct tui_keyhelp_row rows[KEYS_N];

	for (int i = 0; i < KEYS_N; i++) {
		const struct tui_keydef *d = &keys_table[i].key;
		int named = keys_table[i].fn == NULL || (d->fkey == 0 &&
		    d->letter < ' ' && d->letter != '\t');

		rows[i] = !named ?
		    (struct tui_keyhelp_row){ &keys_table[i].key, NULL, NULL } :
		    (struct tui_keyhelp_row){ NULL, keys_table[i].key.label,
		    keys_table[i].key.help };
	}
	return rows;
}

void
keys_draw(struct sup *s)
{
	if (s->screen == SCREEN_HELP)
		tui_keyhelp_draw(stdscr, "Help: supervisor keys", keys_help_rows(),
		    KEYS_N, keys_help_top);
	keys_bar_draw(s, LINES - 1, COLS);
	if (tui_dialog_open(&s->dlg))
		tui_dialog_draw(&s->dlg, stdscr);
}

/* A message to each agent of the team ("": everyone) with a console. */
static void
keys_team_send(struct sup *s, const char *team, const char *text)
{
	char	what[96];
	int	n = 0;

	for (int i = 0; i < s->na; i++) {
		const struct sup_agent *a = &s->a[i];

		if (!a->connected || (team[0] != '\0' && strcmp(a->team, team) != 0))
			continue;
		snprintf(what, sizeof what, "message to %s", a->id);
		link_send(s, SREQ_ACT, what, json_pack("{s:s,s:s,s:s}", "req",
		    "message", "agent", a->id, "text", text));
		n++;
	}
	if (n == 0)
		model_say(s, 1, "no agent of %s has a console", team[0] ? team :
		    "the center");
}

static void
keys_call_move(struct sup *s, const char *to)
{
	char what[96];

	snprintf(what, sizeof what, "call %s to %s", s->target, to);
	link_send(s, SREQ_ACT, what, json_pack("{s:s,s:s,s:s}", "req",
	    "call-move", "call", s->target, "to", to));
}

/* A pick list or a question was answered with text (NULL: a pick, whose
 * row stands for key). */
static void
keys_answer(struct sup *s, int p, const char *text, const char *key)
{
	char what[96], title[96];

	snprintf(what, sizeof what, "%s to %s", p == DLG_MESSAGE ? "message" :
	    "queues", s->target);
	if (p == DLG_NOTREADY)
		keys_state(s, "not_ready", text);
	else if (p == DLG_MESSAGE)
		link_send(s, SREQ_ACT, what, json_pack("{s:s,s:s,s:s}", "req",
		    "message", "agent", s->target, "text", text));
	else if (p == DLG_QUEUES)
		link_send(s, SREQ_ACT, what, json_pack("{s:s,s:s,s:s}", "req",
		    "agent-queues", "agent", s->target, "queues", text));
	else if (p == DLG_FILTER_QUEUE)
		snprintf(s->filter_queue, sizeof s->filter_queue, "%s", key);
	else if (p == DLG_FILTER_TEAM)
		snprintf(s->filter_team, sizeof s->filter_team, "%s", key);
	else if (p == DLG_FILTER_TEXT)
		tui_table_filter(&s->at, text);
	else if (p == DLG_WALL_MSG)
		snprintf(s->wall_msg, sizeof s->wall_msg, "%s", text);
	else if (p == DLG_TEAM_PICK) {
		snprintf(s->target, sizeof s->target, "%s", key);
		snprintf(title, sizeof title, "Message to %s%s", key[0] ?
		    "team " : "everyone", key);
		tui_dialog_ask(&s->dlg, DLG_TEAM_TEXT, title,
		    "1-500 bytes, Enter sends", "");
	} else if (p == DLG_TEAM_TEXT)
		keys_team_send(s, s->target, text);
	else if (p == DLG_CALL_PICK) {
		snprintf(s->target, sizeof s->target, "%s", key);
		snprintf(title, sizeof title, "Move call %s to", key);
		tui_dialog_ask(&s->dlg, DLG_CALL_MOVE, title, "queue:NAME, or "
		    "agent:ID (ready) to offer it to", "queue:");
	} else if (p == DLG_CALL_MOVE)
		keys_call_move(s, text);
	s->changed = 1;
}

/* A dialog was answered: closed, then acted on (which may open the
 * next one). */
static void
keys_answered(struct sup *s)
{
	char	*text = s->dlg.kind == TUI_DIALOG_ASK ? tui_ask_get(&s->dlg.ask) : NULL;
	int	 p = s->dlg.purpose, sel = s->dlg.pick.sel;
	int	 pick = s->dlg.kind == TUI_DIALOG_PICK;
	int	 yes = s->dlg.kind == TUI_DIALOG_CONFIRM &&
		    s->dlg.prompt.answer == 'y';

	tui_dialog_close(&s->dlg);
	if (p >= REP_DLG_BASE)
		repscreen_answered(s, p, pick ? sel : -1, text);
	else if (p == DLG_LOGOUT && yes)
		keys_state(s, "logout", NULL);
	else if (p == DLG_CAMP_STOP && yes)
		keys_camp_state(s, "stop");
	else if (pick && sel >= 0 && sel < TUI_PICK_MAX)
		keys_answer(s, p, NULL, keys_pick[sel]);
	else if (text != NULL)
		keys_answer(s, p, text, NULL);
	free(text);
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
		if (!tui_keyhelp_key(KEYS_N, &keys_help_top, k))
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
	s->changed = 1;
}

void
keys_handle(struct sup *s, const struct tui_key *k)
{
	struct tui_table *t = s->focus == FOCUS_AGENTS ? &s->at :
	    s->focus == FOCUS_CAMPAIGNS ? &s->ct : &s->qt;
	int rows = s->focus == FOCUS_AGENTS ? s->agent_rows :
	    s->focus == FOCUS_CAMPAIGNS ? s->camp_rows : s->queue_rows;

	s->dirty = 1;
	if (keys_top(s, k))
		return;
	for (int i = 0; i < KEYS_N; i++)
		if (keys_table[i].fn != NULL && (keys_table[i].key.when &
		    keys_when(s) || keys_table[i].key.when == NOBAR) &&
		    tui_keydef_match(&keys_table[i].key, k, 1)) {
			keys_table[i].fn(s);
			return;
		}
	if (s->screen == SCREEN_REPORT) {
		if (!s->rep.preview && (tui_key_char(k, '\n') ||
		    tui_key_char(k, '\r') || tui_key_is(k, KEY_ENTER)))
			repscreen_preview(s);
		else
			repscreen_scroll(s, k);
		return;
	}
	if (s->screen == SCREEN_LIVE && tui_table_key(t, k, rows) == TUI_DONE &&
	    s->focus == FOCUS_QUEUES)
		keys_queue_chosen(s);
}
