/* view.c: the live view: the title, a trunks line (busy B-channels and
 * alarms per span), the alert banner (queues in the red, agents asking
 * for help, campaigns whose records run low), the queues table, the
 * campaigns table (when there are campaigns), the agents table. The
 * tables' columns are data; their colours come from look.c. The status
 * line and the key bar are the loop's. */
#include <stdio.h>
#include <string.h>
#include "bar.h"
#include "look.h"
#include "text.h"
#include "view.h"

static uint64_t view_now;	/* for the cell functions: this frame's */

#define QROW	((const struct sup_queue *)row)
#define AROW	((const struct sup_agent *)row)
#define CROW	((const struct sup_campaign *)row)

static void q_name(const void *row, char *b, size_t n) { snprintf(b, n, "%s", QROW->name); }
static void q_wait(const void *row, char *b, size_t n) { snprintf(b, n, "%d", QROW->waiting); }
static void q_long(const void *row, char *b, size_t n) { snprintf(b, n, "%ds", QROW->longest_s); }
static void q_ans(const void *row, char *b, size_t n) { snprintf(b, n, "%d", QROW->answered); }
static void q_ab(const void *row, char *b, size_t n) { snprintf(b, n, "%d", QROW->abandoned); }
static void q_rdy(const void *row, char *b, size_t n) { snprintf(b, n, "%d", QROW->ready); }
static void q_call(const void *row, char *b, size_t n) { snprintf(b, n, "%d", QROW->on_call); }
static void q_wrap(const void *row, char *b, size_t n) { snprintf(b, n, "%d", QROW->wrap_up); }
static void q_nrdy(const void *row, char *b, size_t n) { snprintf(b, n, "%d", QROW->not_ready); }
static void
q_sl(const void *row, char *b, size_t n)
{
	if (QROW->sl_pct < 0)
		snprintf(b, n, "-/%.0f", QROW->sl_goal);
	else
		snprintf(b, n, "%.0f/%.0f", QROW->sl_pct, QROW->sl_goal);
}

static const struct tui_column queue_cols[] = {
	{ "Queue", 10, 6, 1, TUI_ALIGN_LEFT, q_name, look_queue, NULL },
	{ "Wait", 4, 0, 0, TUI_ALIGN_RIGHT, q_wait, look_queue, NULL },
	{ "Longest", 7, 5, 0, TUI_ALIGN_RIGHT, q_long, look_wait, NULL },
	{ "SL%/goal", 8, 6, 0, TUI_ALIGN_RIGHT, q_sl, look_sl, NULL },
	{ "Answ", 4, 0, 0, TUI_ALIGN_RIGHT, q_ans, NULL, NULL },
	{ "Aband", 5, 4, 0, TUI_ALIGN_RIGHT, q_ab, NULL, NULL },
	{ "Ready", 5, 3, 0, TUI_ALIGN_RIGHT, q_rdy, look_ready, NULL },
	{ "OnCall", 6, 4, 0, TUI_ALIGN_RIGHT, q_call, NULL, NULL },
	{ "Wrap", 4, 0, 0, TUI_ALIGN_RIGHT, q_wrap, NULL, NULL },
	{ "NotRdy", 6, 4, 0, TUI_ALIGN_RIGHT, q_nrdy, NULL, NULL },
};

static void
view_mmss(char *b, size_t n, uint64_t since)
{
	int t = since != 0 && since < view_now ?
	    (int)((view_now - since) / 1000000) : 0;

	if (t >= 3600)
		snprintf(b, n, "%d:%02d:%02d", t / 3600, t / 60 % 60, t % 60);
	else
		snprintf(b, n, "%d:%02d", t / 60, t % 60);
}

static void a_id(const void *row, char *b, size_t n) { snprintf(b, n, "%s", AROW->id); }
static void a_name(const void *row, char *b, size_t n) { snprintf(b, n, "%s", AROW->name); }
static void a_reason(const void *row, char *b, size_t n) { snprintf(b, n, "%s", AROW->reason); }
static void a_calls(const void *row, char *b, size_t n) { snprintf(b, n, "%d", AROW->calls_today); }
static void a_team(const void *row, char *b, size_t n) { snprintf(b, n, "%s", AROW->team); }
static void
a_aht(const void *row, char *b, size_t n)
{
	int aht = model_aht_s(AROW, view_now);

	if (aht < 0)
		snprintf(b, n, "-");
	else
		snprintf(b, n, "%d", aht);
}
static void
a_state(const void *row, char *b, size_t n)
{
	snprintf(b, n, "%s%s", AROW->help ? "HELP! " : "", AROW->state);
}
static void
a_time(const void *row, char *b, size_t n)
{
	if (strcmp(AROW->state, "logged_out") == 0)
		snprintf(b, n, "-");
	else
		view_mmss(b, n, AROW->since);
}
/* The current call: the caller's number, its queue, how long so far. */
static void
a_call(const void *row, char *b, size_t n)
{
	char dur[16];

	if (AROW->call[0] == '\0') {
		snprintf(b, n, "-");
		return;
	}
	view_mmss(dur, sizeof dur, AROW->call_since);
	snprintf(b, n, "%s %s %s", AROW->cli, AROW->call_queue, dur);
}

/* At 80 columns the team goes first (the last column), then the cells
 * shrink; a state with HELP! is never cut. */
static const struct tui_column agent_cols[] = {
	{ "Agent", 5, 0, 0, TUI_ALIGN_LEFT, a_id, NULL, NULL },
	{ "Name", 16, 6, 1, TUI_ALIGN_LEFT, a_name, NULL, NULL },
	{ "State", 15, 0, 0, TUI_ALIGN_LEFT, a_state, look_agent, NULL },
	{ "Reason", 8, 5, 0, TUI_ALIGN_LEFT, a_reason, NULL, NULL },
	{ "Time", 6, 5, 0, TUI_ALIGN_RIGHT, a_time, NULL, NULL },
	{ "Call", 22, 20, 1, TUI_ALIGN_LEFT, a_call, NULL, NULL },
	{ "Calls", 5, 0, 0, TUI_ALIGN_RIGHT, a_calls, NULL, NULL },
	{ "AHT", 4, 0, 0, TUI_ALIGN_RIGHT, a_aht, NULL, NULL },
	{ "Team", 8, 0, 0, TUI_ALIGN_LEFT, a_team, NULL, NULL },
};

static void c_name(const void *row, char *b, size_t n) { snprintf(b, n, "%s", CROW->name); }
static void c_client(const void *row, char *b, size_t n) { snprintf(b, n, "%s", CROW->client); }
static void c_mode(const void *row, char *b, size_t n) { snprintf(b, n, "%s", CROW->mode); }
static void c_state(const void *row, char *b, size_t n) { snprintf(b, n, "%s", CROW->state); }
static void c_open(const void *row, char *b, size_t n) { snprintf(b, n, "%d", CROW->open); }
static void c_done(const void *row, char *b, size_t n) { snprintf(b, n, "%d", CROW->done); }
static void c_recs(const void *row, char *b, size_t n) { snprintf(b, n, "%d", CROW->records); }
static void c_dial(const void *row, char *b, size_t n) { snprintf(b, n, "%d", CROW->attempts); }
static void c_ans(const void *row, char *b, size_t n) { snprintf(b, n, "%d", CROW->answered); }
static void
c_succ(const void *row, char *b, size_t n)
{
	snprintf(b, n, "%d/%d", CROW->successes, CROW->target);
}

/* The abandon rate today / in the last 24 h (the pacing's window) / the
 * cap, in percent, one decimal under 10 % (where caps are), whole from
 * there; "-" before a live answer. */
static void
c_pct(char *b, size_t n, int ab, int live)
{
	double p = live > 0 ? 100.0 * ab / live : 0;

	if (live == 0)
		snprintf(b, n, "-");
	else
		snprintf(b, n, p < 9.95 ? "%.1f" : "%.0f", p);
}

static void
c_aband(const void *row, char *b, size_t n)
{
	char d[16], w[16];

	if (!CROW->abandon) {
		snprintf(b, n, "?");
		return;
	}
	c_pct(d, sizeof d, CROW->ab_today, CROW->live_today);
	c_pct(w, sizeof w, CROW->ab_24h, CROW->live_24h);
	snprintf(b, n, "%s/%s/%d", d, w, CROW->cap_pct);
}

/* Successes against the target; attempts dialed and answered; records:
 * left open, done, all. */
static const struct tui_column camp_cols[] = {
	{ "Campaign", 10, 8, 1, TUI_ALIGN_LEFT, c_name, look_campaign, NULL },
	{ "Client", 8, 6, 1, TUI_ALIGN_LEFT, c_client, NULL, NULL },
	{ "Mode", 11, 7, 0, TUI_ALIGN_LEFT, c_mode, NULL, NULL },
	{ "State", 8, 0, 0, TUI_ALIGN_LEFT, c_state, look_campaign, NULL },
	{ "Succ/tgt", 8, 0, 0, TUI_ALIGN_RIGHT, c_succ, NULL, NULL },
	{ "Dialed", 6, 4, 0, TUI_ALIGN_RIGHT, c_dial, NULL, NULL },
	{ "Answ", 4, 0, 0, TUI_ALIGN_RIGHT, c_ans, NULL, NULL },
	{ "Open", 5, 4, 0, TUI_ALIGN_RIGHT, c_open, look_open, NULL },
	{ "Done", 5, 4, 0, TUI_ALIGN_RIGHT, c_done, NULL, NULL },
	{ "Recs", 5, 4, 0, TUI_ALIGN_RIGHT, c_recs, NULL, NULL },
	{ "Aband%", 10, 0, 0, TUI_ALIGN_RIGHT, c_aband, look_abandon, NULL },
};

/* The agents shown: of the chosen state, queue and team. */
static int
view_agent_pred(const void *row, void *arg)
{
	const struct sup *s = arg;

	if (strcmp(s->filter_state, "help") == 0 && !AROW->help)
		return 0;
	if (s->filter_state[0] != '\0' && strcmp(s->filter_state, "help") != 0 &&
	    strcmp(s->filter_state, AROW->state) != 0)
		return 0;
	if (s->filter_team[0] != '\0' && strcmp(s->filter_team, AROW->team) != 0)
		return 0;
	return s->filter_queue[0] == '\0' || model_in_queue(AROW, s->filter_queue);
}

void
view_init(struct sup *s)
{
	tui_table_init(&s->qt, queue_cols, (int)(sizeof queue_cols / sizeof queue_cols[0]));
	tui_table_init(&s->at, agent_cols, (int)(sizeof agent_cols / sizeof agent_cols[0]));
	tui_table_filter_pred(&s->at, view_agent_pred, s);
	tui_table_init(&s->ct, camp_cols, (int)(sizeof camp_cols / sizeof camp_cols[0]));
}

void
view_update(struct sup *s)
{
	if (!s->changed)
		return;
	s->changed = 0;
	tui_table_clear(&s->qt);
	for (int i = 0; i < s->nq; i++)
		tui_table_add(&s->qt, &s->q[i]);
	tui_table_update(&s->qt);
	tui_table_clear(&s->ct);
	for (int i = 0; i < s->ncp; i++)
		tui_table_add(&s->ct, &s->cp[i]);
	tui_table_update(&s->ct);
	tui_table_clear(&s->at);
	for (int out = 0; out < 2; out++)	/* the logged out last */
		for (int i = 0; i < s->na; i++)
			if ((strcmp(s->a[i].state, "logged_out") == 0) == out)
				tui_table_add(&s->at, &s->a[i]);
	tui_table_update(&s->at);
}

static void
view_trunks(const struct sup *s, int y)
{
	int x = tui_text_put(stdscr, y, 0, COLS, "Trunks ", tui_attr(TUI_LABEL));

	if (s->ns == 0)
		tui_text_put(stdscr, y, x, COLS - x, "-", tui_attr(TUI_NORMAL));
	for (int i = 0; i < s->ns && x < COLS; i++) {
		const struct sup_span	*p = &s->s[i];
		int			 up = strcmp(p->l1, "up") == 0 &&
					    strcmp(p->l2, "up") == 0;
		char			 buf[128];

		snprintf(buf, sizeof buf, "%s %d/%d busy%s%s  ", p->name, p->in_use,
		    p->channels, up ? "" : " ALARM ", up ? "" : p->alarm[0] ?
		    p->alarm : p->l1);
		x += tui_text_put(stdscr, y, x, COLS - x, buf,
		    tui_attr(up ? TUI_NORMAL : TUI_VALUE_ALERT));
	}
}

/* The banner: the red queues and who asks for help, or nothing. */
static void
view_banner(const struct sup *s, int y)
{
	char	buf[256] = "";
	size_t	n = 0;

	for (int i = 0; i < s->nq && n < sizeof buf - 40; i++)
		if (s->q[i].level == TUI_THRESH_ALERT)
			n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s",
			    n == 0 ? "ALERT queue " : ", ", s->q[i].name);
	for (int i = 0; i < s->ncp && n < sizeof buf - 60; i++)
		if (s->cp[i].low && strcmp(s->cp[i].state, "running") == 0)
			n += (size_t)snprintf(buf + n, sizeof buf - n,
			    "%sRECORDS LOW campaign %s: %d left", n ? "  " : "",
			    s->cp[i].name, s->cp[i].low_left);
	for (int i = 0; i < s->na && n < sizeof buf - 40; i++)
		if (s->a[i].help)
			n += (size_t)snprintf(buf + n, sizeof buf - n,
			    "  HELP asked by %s %s%s%s", s->a[i].id, s->a[i].name,
			    s->a[i].help_text[0] ? ": " : "", s->a[i].help_text);
	if (s->link != LINK_UP)
		snprintf(buf, sizeof buf, "NOT CONNECTED to the core: "
		    "reconnecting (figures may be old)");
	if (buf[0] != '\0')
		tui_text_fill(stdscr, (struct tui_rect){ y, 0, 1, COLS },
		    tui_attr(TUI_ALERT));
	tui_text_put(stdscr, y, 0, COLS, buf, tui_attr(TUI_ALERT));
}

static void
view_title(const struct sup *s)
{
	char left[128], right[128];

	snprintf(left, sizeof left, "Centrala supervisor  %s%s%s",
	    s->user != NULL ? s->user : "(local)",
	    s->monitoring[0] ? "  on " : "", s->monitoring);
	snprintf(right, sizeof right, "%s  filter: %s%s%s%s%s",
	    s->link == LINK_UP ? "live" : "offline",
	    s->filter_state[0] ? s->filter_state : "all",
	    s->filter_queue[0] ? "/" : "", s->filter_queue,
	    s->filter_team[0] ? " team " : "", s->filter_team);
	tui_bar_title(stdscr, 0, COLS, left, right);
}

/* No campaign the supervisor may see: one line says so. */
static void
view_no_campaigns(int y)
{
	int x = tui_text_put(stdscr, y, 0, COLS, "Campaigns ", tui_attr(TUI_LABEL));

	tui_text_put(stdscr, y, x, COLS - x, "no campaigns",
	    tui_attr(TUI_NORMAL));
}

/* Rows of the queues table: all of them, unless that leaves the agents
 * less than half the screen (then it scrolls, Tab to it). */
static int
view_queue_rows(const struct sup *s)
{
	int most = (LINES - 8) / 2;

	return s->nq + 1 <= most || most < 4 ? s->nq + 1 : most;
}

/* Rows of the campaigns table: its title and up to 4 campaigns (it
 * scrolls, Tab to it); one line when there is none. */
static int
view_camp_rows(const struct sup *s)
{
	return s->ncp == 0 ? 1 : s->ncp < 4 ? s->ncp + 1 : 5;
}

void
view_draw(struct sup *s, uint64_t now)
{
	int qh = view_queue_rows(s), ch = view_camp_rows(s);
	int ah = LINES - 5 - qh - ch;

	view_now = now;
	view_title(s);
	view_trunks(s, 1);
	view_banner(s, 2);
	tui_table_draw(&s->qt, stdscr, (struct tui_rect){ 3, 0, qh, COLS },
	    s->focus == FOCUS_QUEUES);
	if (3 + qh < LINES - 2 && s->ncp == 0)
		view_no_campaigns(3 + qh);
	else if (3 + qh < LINES - 2)
		tui_table_draw(&s->ct, stdscr, (struct tui_rect){ 3 + qh, 0, ch,
		    COLS }, s->focus == FOCUS_CAMPAIGNS);
	s->agent_rows = ah > 1 ? ah - 1 : 1;
	s->queue_rows = qh > 1 ? qh - 1 : 1;
	s->camp_rows = ch > 1 ? ch - 1 : 1;
	if (ah > 1)
		tui_table_draw(&s->at, stdscr, (struct tui_rect){ 3 + qh + ch, 0,
		    ah, COLS }, s->focus == FOCUS_AGENTS);
}
