/* tui-demo.c: a wallboard-like screen built only from tui/'s widgets,
 * for tests/integ/tui-demo.sh to drive in tmux: big digits (a service
 * level and a wait), a table of agents (sorted, filtered, scrolled,
 * coloured by thresholds), a key bar from a keymap table, a status line
 * and the dialogs. Fixed data, so the screen can be checked. */
#include <locale.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "big.h"
#include "dialog.h"
#include "keymap.h"
#include "status.h"
#include "table.h"
#include "text.h"
#include "thresh.h"

struct demo_agent {
	char	name[24];
	char	state[12];
	int	calls;
	int	state_s;
};

#define DEMO_AGENTS	40

static struct demo_agent	demo_agents[DEMO_AGENTS];
static struct tui_table		demo_table;
static struct tui_dialog	demo_dialog;
static struct tui_status	demo_status;
static int			demo_ready_only, demo_quit;

static const struct tui_thresh demo_time_limits = { 120, 300, 0 };
static const struct tui_thresh demo_sl_limits = { 80, 60, 1 };

static void
demo_cell_name(const void *r, char *buf, size_t len)
{
	snprintf(buf, len, "%s", ((const struct demo_agent *)r)->name);
}

static void
demo_cell_state(const void *r, char *buf, size_t len)
{
	snprintf(buf, len, "%s", ((const struct demo_agent *)r)->state);
}

static void
demo_cell_calls(const void *r, char *buf, size_t len)
{
	snprintf(buf, len, "%d", ((const struct demo_agent *)r)->calls);
}

static void
demo_cell_time(const void *r, char *buf, size_t len)
{
	int s = ((const struct demo_agent *)r)->state_s;

	snprintf(buf, len, "%02d:%02d", s / 60, s % 60);
}

static int
demo_cmp_time(const void *a, const void *b)
{
	return ((const struct demo_agent *)a)->state_s -
	    ((const struct demo_agent *)b)->state_s;
}

static enum tui_color
demo_color_time(const void *r)
{
	return tui_thresh_color(&demo_time_limits,
	    ((const struct demo_agent *)r)->state_s);
}

static const struct tui_column demo_columns[] = {
	{ "Agent", 24, 10, 1, TUI_ALIGN_LEFT, demo_cell_name, NULL, NULL },
	{ "State", 10, 0, 0, TUI_ALIGN_LEFT, demo_cell_state, NULL, NULL },
	{ "Calls", 6, 0, 0, TUI_ALIGN_RIGHT, demo_cell_calls, NULL, NULL },
	{ "In state", 9, 0, 0, TUI_ALIGN_RIGHT, demo_cell_time,
	  demo_color_time, demo_cmp_time },
	{ "Skills", 30, 0, 1, TUI_ALIGN_LEFT, demo_cell_state, NULL, NULL },
};

static int
demo_is_ready(const void *r, void *arg)
{
	(void)arg;
	return strcmp(((const struct demo_agent *)r)->state, "ready") == 0;
}

static void
demo_sort(void)
{
	tui_table_sort(&demo_table, (demo_table.sort_col + 1) %
	    demo_table.ncols);
}

static void
demo_reverse(void)
{
	tui_table_sort(&demo_table, demo_table.sort_col < 0 ? 0 :
	    demo_table.sort_col);
}

static void
demo_filter(void)
{
	tui_dialog_ask(&demo_dialog, 0, "Filter", "text in any column", "");
}

static void
demo_ready(void)
{
	demo_ready_only = !demo_ready_only;
	tui_table_filter_pred(&demo_table, demo_ready_only ? demo_is_ready :
	    NULL, NULL);
}

static void
demo_end(void)
{
	tui_dialog_confirm(&demo_dialog, 1, "Quit", "Leave the demo?", "yn");
}

static const struct {
	struct tui_keydef	 key;
	void			(*fn)(void);
} demo_keys[] = {
	{ { KEY_F(2), 's', "Sort", "next sort column", 1, 1 }, demo_sort },
	{ { KEY_F(3), 'v', "Reverse", "reverse the order", 1, 1 }, demo_reverse },
	{ { KEY_F(4), '/', "Filter", "filter by text", 1, 2 }, demo_filter },
	{ { KEY_F(5), 'r', "ReadyOnly", "ready agents only", 1, 2 }, demo_ready },
	{ { KEY_F(10), 'q', "Quit", "quit", 1, 0 }, demo_end },
};
#define DEMO_NKEYS	((int)(sizeof demo_keys / sizeof demo_keys[0]))

static void
demo_data(void)
{
	static const char *states[] = { "ready", "on_call", "not_ready",
	    "wrap_up" };

	tui_table_init(&demo_table, demo_columns, 5);
	for (int i = 0; i < DEMO_AGENTS; i++) {
		struct demo_agent *a = &demo_agents[i];

		snprintf(a->name, sizeof a->name, "agent%02d", i + 1);
		snprintf(a->state, sizeof a->state, "%s", states[i % 4]);
		a->calls = (i * 7) % 13;
		a->state_s = (i * 37) % 400;
		tui_table_add(&demo_table, a);
	}
	tui_table_update(&demo_table);
}

static void
demo_draw(void)
{
	struct tui_barkey	keys[DEMO_NKEYS], bar[DEMO_NKEYS];
	int			prio[DEMO_NKEYS], n, sl = 87;
	char			title[64];

	tui_frame_begin();
	snprintf(title, sizeof title, "tui demo: %d of %d agents",
	    demo_table.nview, DEMO_AGENTS);
	tui_bar_title(stdscr, 0, COLS, title, "wallboard");
	tui_big_draw(stdscr, 2, 2, COLS - 2, "87%", tui_attr(tui_thresh_color(
	    &demo_sl_limits, sl)));
	tui_big_draw(stdscr, 2, 20, COLS - 20, "04:05", tui_attr(
	    tui_thresh_color(&demo_time_limits, 245)));
	tui_table_draw(&demo_table, stdscr, (struct tui_rect){ 8, 0,
	    LINES - 10, COLS }, 1);
	tui_status_draw(&demo_status, stdscr, LINES - 2, COLS, 0);
	for (n = 0; n < DEMO_NKEYS; n++) {
		tui_keydef_barkey(&demo_keys[n].key, NULL, &keys[n]);
		prio[n] = demo_keys[n].key.prio;
	}
	n = tui_keymap_fit(keys, prio, DEMO_NKEYS, bar, COLS);
	tui_bar_keys(stdscr, LINES - 1, COLS, bar, n);
	tui_dialog_draw(&demo_dialog, stdscr);
	tui_frame_end();
}

/* The dialog answered: a filter, or quitting. */
static void
demo_answered(enum tui_result r)
{
	char *text;

	if (r == TUI_DONE && demo_dialog.kind == TUI_DIALOG_ASK) {
		text = tui_ask_get(&demo_dialog.ask);
		tui_table_filter(&demo_table, text);
		tui_status_set(&demo_status, 0, 1000, TUI_LEVEL_INFO,
		    "filter: '%s'", text);
		free(text);
	} else if (r == TUI_DONE && demo_dialog.prompt.answer == 'y')
		demo_quit = 1;
	tui_dialog_close(&demo_dialog);
}

static void
demo_key(const struct tui_key *k)
{
	enum tui_result r;

	if (tui_dialog_open(&demo_dialog)) {
		r = tui_dialog_key(&demo_dialog, k);
		if (r == TUI_DONE || r == TUI_CANCEL)
			demo_answered(r);
		return;
	}
	if (tui_table_key(&demo_table, k, LINES - 11) != TUI_UNUSED)
		return;
	for (int i = 0; i < DEMO_NKEYS; i++)
		if (tui_keydef_match(&demo_keys[i].key, k, 1)) {
			demo_keys[i].fn();
			return;
		}
}

int
main(void)
{
	struct tui_key	k;
	struct pollfd	pfd = { .fd = STDIN_FILENO, .events = POLLIN };

	demo_data();
	tui_init();
	while (!demo_quit) {
		demo_draw();
		poll(&pfd, 1, -1);	/* EINTR too: SIGWINCH gives KEY_RESIZE */
		while (!demo_quit && tui_read_key(&k))
			if (!tui_key_is(&k, KEY_RESIZE))
				demo_key(&k);
	}
	tui_end();
	tui_table_free(&demo_table);
	return 0;
}
