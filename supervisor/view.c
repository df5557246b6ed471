/* view.c: the live view: the title, a trunks line (busy B-channels and
 * alarms per span), the alert banner (queues in the red, agents asking
 * for help), the queues table over the agents table, the status line and
 * the key bar. The tables' columns are data; their colours come from
 * thresholds (tui/thresh.c) built from the options. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "bar.h"
#include "clock.h"
#include "sup.h"
#include "text.h"

static struct sup		*V;		/* for the cell functions */
static uint64_t			 view_now;
static struct tui_thresh	 th_wait, th_ready;

#define QROW	((const struct sup_queue *)row)
#define AROW	((const struct sup_agent *)row)

/* Red under the queue's goal, yellow up to 5 points over it. */
static struct tui_thresh
view_sl_thresh(const struct sup_queue *q)
{
	return (struct tui_thresh){ q->sl_goal + 5, q->sl_goal - 0.01, 1 };
}

enum tui_thresh_level
sup_queue_level(const struct sup *s, const struct sup_queue *q)
{
	enum tui_thresh_level l = tui_thresh_level(&th_wait, q->longest_s), m;
	struct tui_thresh sl = view_sl_thresh(q);

	(void)s;
	if (q->sl_pct >= 0 && (m = tui_thresh_level(&sl, q->sl_pct)) > l)
		l = m;
	if (q->waiting > 0 && (m = tui_thresh_level(&th_ready, q->ready)) > l)
		l = m;
	return l;
}

static enum tui_color
qc_level(const void *row)
{
	return QROW->level == TUI_THRESH_ALERT ? TUI_VALUE_ALERT :
	    QROW->level == TUI_THRESH_WARN ? TUI_VALUE_WARN : TUI_NORMAL;
}
static enum tui_color
qc_sl(const void *row)
{
	struct tui_thresh sl = view_sl_thresh(QROW);

	return QROW->sl_pct < 0 ? TUI_NORMAL : tui_thresh_color(&sl, QROW->sl_pct);
}
static enum tui_color
qc_wait(const void *row)
{
	return tui_thresh_color(&th_wait, QROW->longest_s);
}
static enum tui_color
qc_ready(const void *row)
{
	return QROW->waiting > 0 ? tui_thresh_color(&th_ready, QROW->ready) :
	    TUI_NORMAL;
}

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
	{ "Queue", 10, 6, 1, TUI_ALIGN_LEFT, q_name, qc_level, NULL },
	{ "Wait", 4, 0, 0, TUI_ALIGN_RIGHT, q_wait, qc_level, NULL },
	{ "Longest", 7, 5, 0, TUI_ALIGN_RIGHT, q_long, qc_wait, NULL },
	{ "SL%/goal", 8, 6, 0, TUI_ALIGN_RIGHT, q_sl, qc_sl, NULL },
	{ "Answ", 4, 0, 0, TUI_ALIGN_RIGHT, q_ans, NULL, NULL },
	{ "Aband", 5, 4, 0, TUI_ALIGN_RIGHT, q_ab, NULL, NULL },
	{ "Ready", 5, 3, 0, TUI_ALIGN_RIGHT, q_rdy, qc_ready, NULL },
	{ "OnCall", 6, 4, 0, TUI_ALIGN_RIGHT, q_call, NULL, NULL },
	{ "Wrap", 4, 0, 0, TUI_ALIGN_RIGHT, q_wrap, NULL, NULL },
	{ "NotRdy", 6, 4, 0, TUI_ALIGN_RIGHT, q_nrdy, NULL, NULL },
};

static enum tui_color
ac_state(const void *row)
{
	static const struct { const char *st; enum tui_color c; } map[] = {
		{ "ready", TUI_READY }, { "not_ready", TUI_NOT_READY },
		{ "on_call", TUI_ON_CALL }, { "ringing", TUI_ON_CALL },
		{ "wrap_up", TUI_WRAP_UP },
	};

	if (AROW->help)
		return TUI_VALUE_ALERT;
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strcmp(map[i].st, AROW->state) == 0)
			return map[i].c;
	return TUI_NORMAL;
}

static void a_id(const void *row, char *b, size_t n) { snprintf(b, n, "%s", AROW->id); }
static void a_name(const void *row, char *b, size_t n) { snprintf(b, n, "%s", AROW->name); }
static void a_reason(const void *row, char *b, size_t n) { snprintf(b, n, "%s", AROW->reason); }
static void a_calls(const void *row, char *b, size_t n) { snprintf(b, n, "%d", AROW->calls); }
static void
a_state(const void *row, char *b, size_t n)
{
	snprintf(b, n, "%s%s", AROW->help ? "HELP! " : "", AROW->state);
}
static void
a_time(const void *row, char *b, size_t n)
{
	int t = (int)((view_now - AROW->since) / 1000000);

	if (strcmp(AROW->state, "logged_out") == 0)
		snprintf(b, n, "-");
	else
		snprintf(b, n, "%d:%02d", t / 60, t % 60);
}
static void
a_call(const void *row, char *b, size_t n)
{
	if (AROW->call[0] == '\0')
		snprintf(b, n, "-");
	else
		snprintf(b, n, "%s %s", AROW->cli, AROW->call_queue);
}

static const struct tui_column agent_cols[] = {
	{ "Agent", 5, 0, 0, TUI_ALIGN_LEFT, a_id, NULL, NULL },
	{ "Name", 16, 8, 1, TUI_ALIGN_LEFT, a_name, NULL, NULL },
	{ "State", 15, 9, 0, TUI_ALIGN_LEFT, a_state, ac_state, NULL },
	{ "Reason", 8, 0, 0, TUI_ALIGN_LEFT, a_reason, NULL, NULL },
	{ "Time", 6, 5, 0, TUI_ALIGN_RIGHT, a_time, NULL, NULL },
	{ "Call", 18, 8, 1, TUI_ALIGN_LEFT, a_call, NULL, NULL },
	{ "Calls", 5, 0, 0, TUI_ALIGN_RIGHT, a_calls, NULL, NULL },
};

/* The agents shown: of the chosen state and queue. */
static int
view_agent_pred(const void *row, void *arg)
{
	struct sup *s = arg;
	char q[40];

	if (strcmp(s->filter_state, "help") == 0 && !AROW->help)
		return 0;
	if (s->filter_state[0] != '\0' && strcmp(s->filter_state, "help") != 0 &&
	    strcmp(s->filter_state, AROW->state) != 0)
		return 0;
	snprintf(q, sizeof q, ",%s,", s->filter_queue);
	if (s->filter_queue[0] != '\0') {
		char all[260];

		snprintf(all, sizeof all, ",%s,", AROW->queues);
		return strstr(all, q) != NULL;
	}
	return 1;
}

void
view_init(struct sup *s)
{
	V = s;
	th_wait = (struct tui_thresh){ s->wait_warn_s, s->wait_alert_s, 0 };
	th_ready = (struct tui_thresh){ 1, 0, 1 };
	tui_table_init(&s->qt, queue_cols, (int)(sizeof queue_cols / sizeof queue_cols[0]));
	tui_table_init(&s->at, agent_cols, (int)(sizeof agent_cols / sizeof agent_cols[0]));
	tui_table_filter_pred(&s->at, view_agent_pred, s);
}

/* Figures that move with the clock, the levels, and the bell when a
 * queue goes red. */
static void
view_levels(struct sup *s)
{
	int red = 0;

	view_now = clock_mono_us();
	for (int i = 0; i < s->nq; i++) {
		s->q[i].longest_s = model_longest_s(s, s->q[i].name, view_now);
		s->q[i].level = sup_queue_level(s, &s->q[i]);
		red += s->q[i].level == TUI_THRESH_ALERT;
	}
	if (red > s->red)
		beep();
	s->red = red;
}

void
view_update(struct sup *s)
{
	tui_table_clear(&s->qt);
	for (int i = 0; i < s->nq; i++)
		tui_table_add(&s->qt, &s->q[i]);
	tui_table_update(&s->qt);
	tui_table_clear(&s->at);
	for (int out = 0; out < 2; out++)	/* the logged out last */
		for (int i = 0; i < s->na; i++)
			if ((strcmp(s->a[i].state, "logged_out") == 0) == out)
				tui_table_add(&s->at, &s->a[i]);
	tui_table_update(&s->at);
	view_levels(s);
	s->dirty = 1;
}

void
view_say(struct sup *s, int alert, const char *fmt, ...)
{
	va_list ap;
	char	buf[256];

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	tui_status_set(&s->status, clock_mono_us(), alert ? 30 : 8,
	    alert ? TUI_LEVEL_ALERT : TUI_LEVEL_INFO, "%s", buf);
	s->dirty = 1;
}

static void
view_trunks(struct sup *s, int y)
{
	int x = tui_text_put(stdscr, y, 0, COLS, "Trunks ", tui_attr(TUI_LABEL));

	if (s->ns == 0)
		tui_text_put(stdscr, y, x, COLS - x, "-", tui_attr(TUI_NORMAL));
	for (int i = 0; i < s->ns && x < COLS; i++) {
		struct sup_span	*p = &s->s[i];
		int		 up = strcmp(p->l1, "up") == 0 && strcmp(p->l2, "up") == 0;
		char		 buf[96];

		snprintf(buf, sizeof buf, "%s %d/%d busy%s%s  ", p->name, p->in_use,
		    p->channels, up ? "" : " ALARM ", up ? "" : p->l1);
		x += tui_text_put(stdscr, y, x, COLS - x, buf,
		    tui_attr(up ? TUI_NORMAL : TUI_VALUE_ALERT));
	}
}

/* The banner: the first red queue and who asks for help, or nothing. */
static void
view_banner(struct sup *s, int y)
{
	char	buf[256] = "";
	size_t	n = 0;

	for (int i = 0; i < s->nq && n < sizeof buf - 40; i++)
		if (s->q[i].level == TUI_THRESH_ALERT)
			n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s",
			    n == 0 ? "ALERT queue " : ", ", s->q[i].name);
	for (int i = 0; i < s->na && n < sizeof buf - 40; i++)
		if (s->a[i].help)
			n += (size_t)snprintf(buf + n, sizeof buf - n,
			    "  HELP asked by %s %s", s->a[i].id, s->a[i].name);
	if (s->link != LINK_UP)
		snprintf(buf, sizeof buf, "NOT CONNECTED to the core: "
		    "reconnecting (figures may be old)");
	if (buf[0] != '\0')
		tui_text_fill(stdscr, (struct tui_rect){ y, 0, 1, COLS },
		    tui_attr(TUI_ALERT));
	tui_text_put(stdscr, y, 0, COLS, buf, tui_attr(TUI_ALERT));
}

static void
view_title(struct sup *s)
{
	char left[128], right[96];

	snprintf(left, sizeof left, "Centrala supervisor  %s",
	    s->user != NULL ? s->user : "(local)");
	snprintf(right, sizeof right, "%s  filter: %s%s%s",
	    s->link == LINK_UP ? "live" : "offline",
	    s->filter_state[0] ? s->filter_state : "all",
	    s->filter_queue[0] ? "/" : "", s->filter_queue);
	tui_bar_title(stdscr, 0, COLS, left, right);
}

/* Rows for the agents table at this size (keys.c pages by it). */
int
view_agent_rows(void)
{
	return LINES - 6 - (V != NULL ? V->nq + 1 : 0) - 2;
}

static void
view_live(struct sup *s)
{
	int qh = s->nq + 1, ah = LINES - 5 - qh - 1;

	view_title(s);
	view_trunks(s, 1);
	view_banner(s, 2);
	tui_table_draw(&s->qt, stdscr, (struct tui_rect){ 3, 0, qh, COLS },
	    s->focus == FOCUS_QUEUES);
	if (ah > 1)
		tui_table_draw(&s->at, stdscr, (struct tui_rect){ 4 + qh, 0, ah,
		    COLS }, s->focus == FOCUS_AGENTS);
}

void
view_draw(struct sup *s)
{
	uint64_t now = clock_mono_us();

	tui_frame_begin();
	erase();
	view_levels(s);
	if (s->screen == SCREEN_WALL)
		wall_draw(s);
	else
		view_live(s);
	if (s->screen != SCREEN_WALL || tui_status_text(&s->status, now) != NULL)
		tui_status_draw(&s->status, stdscr, LINES - 2, COLS, now);
	if (s->screen == SCREEN_HELP)
		keys_help_draw(s);
	keys_bar_draw(s, LINES - 1, COLS);
	if (tui_dialog_open(&s->dlg))
		tui_dialog_draw(&s->dlg, stdscr);
	tui_frame_end();
}

/* The colour of column col of a queue's row, for the wallboard. */
enum tui_color
view_queue_color(const struct sup_queue *q, int col)
{
	return queue_cols[col].color != NULL ? queue_cols[col].color(q) :
	    TUI_NORMAL;
}
