/* look.c: the queues' thresholds and colours (look.h). Longest wait:
 * yellow from --wait-warn, red from --wait-alert; service level: red
 * under the queue's goal, yellow up to 5 points over it; agents ready:
 * red at none while callers wait. A campaign: red once the core warned
 * that its records run low, yellow while paused or when fewer than a
 * tenth of its records are left open; its abandon rate red at the cap,
 * yellow from 90 % of it. */
#include <string.h>
#include "look.h"

static struct tui_thresh th_wait, th_ready;

#define QROW	((const struct sup_queue *)row)
#define AROW	((const struct sup_agent *)row)

void
look_init(const struct sup *s)
{
	th_wait = (struct tui_thresh){ s->wait_warn_s, s->wait_alert_s, 0 };
	th_ready = (struct tui_thresh){ 1, 0, 1 };
}

static struct tui_thresh
look_sl_thresh(const struct sup_queue *q)
{
	return (struct tui_thresh){ q->sl_goal + 5, q->sl_goal - 0.01, 1 };
}

static enum tui_thresh_level
look_queue_level(const struct sup_queue *q)
{
	enum tui_thresh_level l = tui_thresh_level(&th_wait, q->longest_s), m;
	struct tui_thresh sl = look_sl_thresh(q);

	if (q->sl_pct >= 0 && (m = tui_thresh_level(&sl, q->sl_pct)) > l)
		l = m;
	if (q->waiting > 0 && (m = tui_thresh_level(&th_ready, q->ready)) > l)
		l = m;
	return l;
}

void
look_levels(struct sup *s, uint64_t now)
{
	int red = 0;

	for (int i = 0; i < s->nq; i++) {
		s->q[i].longest_s = model_longest_s(s, s->q[i].name, now);
		s->q[i].level = look_queue_level(&s->q[i]);
		red += s->q[i].level == TUI_THRESH_ALERT;
	}
	if (red > s->red)
		beep();
	s->red = red;
}

enum tui_color
look_queue(const void *row)
{
	return QROW->level == TUI_THRESH_ALERT ? TUI_VALUE_ALERT :
	    QROW->level == TUI_THRESH_WARN ? TUI_VALUE_WARN : TUI_NORMAL;
}

enum tui_color
look_sl(const void *row)
{
	struct tui_thresh sl = look_sl_thresh(QROW);

	return QROW->sl_pct < 0 ? TUI_NORMAL : tui_thresh_color(&sl, QROW->sl_pct);
}

enum tui_color
look_wait(const void *row)
{
	return tui_thresh_color(&th_wait, QROW->longest_s);
}

enum tui_color
look_ready(const void *row)
{
	return QROW->waiting > 0 ? tui_thresh_color(&th_ready, QROW->ready) :
	    TUI_NORMAL;
}

enum tui_color
look_agent(const void *row)
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

#define CROW	((const struct sup_campaign *)row)

enum tui_color
look_campaign(const void *row)
{
	if (CROW->low && strcmp(CROW->state, "running") == 0)
		return TUI_VALUE_ALERT;
	return strcmp(CROW->state, "paused") == 0 ? TUI_VALUE_WARN : TUI_NORMAL;
}

enum tui_color
look_open(const void *row)
{
	if (CROW->low)
		return TUI_VALUE_ALERT;
	return CROW->records > 0 && CROW->open * 10 < CROW->records ?
	    TUI_VALUE_WARN : TUI_NORMAL;
}

enum tui_color
look_abandon(const void *row)
{
	const struct sup_campaign *c = row;
	double d = c->live_today ? 100.0 * c->ab_today / c->live_today : 0,
	    w = c->live_24h ? 100.0 * c->ab_24h / c->live_24h : 0,
	    worst = d > w ? d : w;

	if (!c->abandon || worst <= 0)
		return TUI_NORMAL;
	if (worst >= c->cap_pct)
		return TUI_VALUE_ALERT;
	return worst >= 0.9 * c->cap_pct ? TUI_VALUE_WARN : TUI_NORMAL;
}
