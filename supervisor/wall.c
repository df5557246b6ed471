/* wall.c: the wallboard, full screen: per queue its name, then four big
 * figures (tui/big.c) in their threshold colours: callers waiting, the
 * longest wait in seconds, today's service level and agents available.
 * When more queues than fit, pages turn every WALL_TURN_S seconds. A
 * message line (--message, or `m` on the wallboard) runs at the top.
 * Under the queues, when a row is left, the running campaigns with their
 * successes against the target. */
#include <stdio.h>
#include <string.h>
#include "bar.h"
#include "big.h"
#include "look.h"
#include "text.h"
#include "wall.h"

#define WALL_TURN_S	8
#define WALL_NAME_W	12	/* the queue's name, left */
#define WALL_BLOCK	(TUI_BIG_ROWS + 2)	/* name row, digits, a gap */

static const struct {
	const char	*label;
	enum tui_color	(*color)(const void *queue);	/* look.h */
} wall_figs[] = {
	{ "WAITING", look_queue },
	{ "LONGEST s", look_wait },
	{ "SL %", look_sl },
	{ "AVAILABLE", look_ready },
};
#define WALL_NFIGS	((int)(sizeof wall_figs / sizeof wall_figs[0]))

static void
wall_figure(const struct sup_queue *q, int i, char *buf, size_t len)
{
	int v[] = { q->waiting, q->longest_s, (int)(q->sl_pct + 0.5), q->ready };

	if (i == 2 && q->sl_pct < 0)
		snprintf(buf, len, "-");
	else
		snprintf(buf, len, "%d", v[i] > 999 ? 999 : v[i]);
}

static void
wall_queue(const struct sup_queue *q, int y)
{
	int cw = (COLS - WALL_NAME_W) / WALL_NFIGS;

	tui_text_printf(stdscr, y + 3, 0, WALL_NAME_W - 1,
	    tui_attr(look_queue(q)) | A_BOLD, "%s", q->name);
	for (int i = 0; i < WALL_NFIGS; i++) {
		char	buf[16];
		int	x = WALL_NAME_W + i * cw;
		attr_t	at = tui_attr(wall_figs[i].color(q));

		tui_text_put(stdscr, y, x, cw - 1, wall_figs[i].label,
		    tui_attr(TUI_LABEL));
		wall_figure(q, i, buf, sizeof buf);
		tui_big_draw(stdscr, y + 1, x, cw - 1, buf, at | A_BOLD);
	}
}

/* The running campaigns on one row: name and successes/target. */
static void
wall_campaigns(const struct sup *s, int y)
{
	int x = 0, n = 0;

	for (int i = 0; i < s->ncp && x < COLS; i++) {
		const struct sup_campaign *c = &s->cp[i];
		char buf[96];

		if (strcmp(c->state, "running") != 0)
			continue;
		if (n++ == 0)
			x += tui_text_put(stdscr, y, x, COLS - x, "CAMPAIGNS  ",
			    tui_attr(TUI_LABEL));
		snprintf(buf, sizeof buf, "%s %d/%d   ", c->name, c->successes,
		    c->target);
		x += tui_text_put(stdscr, y, x, COLS - x, buf,
		    tui_attr(look_campaign(c)) | A_BOLD);
	}
}

void
wall_draw(const struct sup *s, uint64_t now)
{
	int	per = (LINES - 3) / WALL_BLOCK, pages, page, y;
	char	right[64];

	if (per < 1)
		per = 1;
	pages = s->nq > 0 ? (s->nq + per - 1) / per : 1;
	page = (int)(now / 1000000 / WALL_TURN_S) % pages;
	snprintf(right, sizeof right, "%s  page %d/%d",
	    s->link == LINK_UP ? "live" : "OFFLINE", page + 1, pages);
	tui_bar_title(stdscr, 0, COLS, "Centrala wallboard", right);
	if (s->link != LINK_UP)
		tui_text_put(stdscr, 1, 0, COLS, "NOT CONNECTED to the core: "
		    "reconnecting", tui_attr(TUI_ALERT));
	else
		tui_text_put(stdscr, 1, 0, COLS, s->wall_msg, tui_attr(TUI_MESSAGE));
	y = 2;
	for (int i = page * per; i < s->nq && i < (page + 1) * per; i++) {
		wall_queue(&s->q[i], y);
		y += WALL_BLOCK;
	}
	if (y - 1 < LINES - 2)	/* the last block's gap, above the status */
		wall_campaigns(s, y > 2 ? y - 1 : y);
}
