/* report-trunks.c: trunk usage: per span and interval, the B-channels
 * busy (peak, and on average: the carried traffic in erlangs), the time
 * every channel was busy, the calls blocked for want of a channel; then
 * the Erlang B answer to "do we need another E1?" for the busy hour.
 * A channel is busy from a call's SETUP to its end (its CDR; calls still
 * open count to the report's end). Every span is an E1: 30 B-channels. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "erlang.h"
#include "report.h"
#include "report-grid.h"
#include "xmalloc.h"

#define E1_CHANNELS	30
#define SPANS_MAX	64

struct point {
	int64_t	t;
	int	d;		/* +1 a call takes a channel, -1 frees it */
};

struct bucket {
	int64_t		busy_ms, allbusy_ms;	/* channel-ms; ms all busy */
	int		peak;
	unsigned	calls, blocked;
};

struct tspan {
	char		 name[32];
	struct point	*p;
	size_t		 n, cap;
	struct bucket	*b;		/* the report's intervals */
	struct bucket	*h;		/* hours, for the busy hour */
};

struct trunks {
	struct tspan	 s[SPANS_MAX];
	int		 n;
	int64_t		 base, to;	/* base: the first interval's start */
	int64_t		 len;		/* interval, ms */
	int		 nb, nh;	/* intervals, hours */
};

static const struct grid_col cols[] = {
	{ "interval", "Interval", -16, 1, 0 },
	{ "span", "Span", -10, 1, 0 },
	{ "channels", "Chans", 5, 1, 0 },
	{ "calls", "Calls", 6, 1, 1 },
	{ "peak_busy", "Peak", 4, 1, 0 },
	{ "erlangs", "Erlangs", 7, 1, 0 },
	{ "occupancy_pct", "Occ%", 5, 1, 0 },
	{ "all_busy_s", "AllBusy", 7, 1, 1 },
	{ "blocked", "Blocked", 7, 1, 1 },
};

static struct tspan *
span_get(struct trunks *tr, const char *name)
{
	struct tspan *s;

	for (int i = 0; i < tr->n; i++)
		if (strcmp(tr->s[i].name, name) == 0)
			return &tr->s[i];
	if (tr->n == SPANS_MAX)
		return NULL;
	s = &tr->s[tr->n++];
	snprintf(s->name, sizeof s->name, "%s", name);
	s->b = xcalloc(tr->nb, sizeof *s->b);
	s->h = xcalloc(tr->nh, sizeof *s->h);
	return s;
}

static void
point_add(struct tspan *s, int64_t t, int d)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 256;
		s->p = xrealloc(s->p, s->cap * sizeof *s->p);
	}
	s->p[s->n++] = (struct point){ t, d };
}

static int
point_order(const void *a, const void *b)
{
	const struct point *x = a, *y = b;

	if (x->t != y->t)
		return x->t < y->t ? -1 : 1;
	return x->d - y->d;	/* a channel freed before one taken */
}

/* Channels busy cur from a to b, into the buckets of length len. */
static void
segment(struct bucket *bk, int nb, int64_t base, int64_t len, int64_t a,
    int64_t b, int cur)
{
	for (int64_t i = (a - base) / len; a < b && i < nb; i++) {
		int64_t end = base + (i + 1) * len, e = b < end ? b : end;

		bk[i].busy_ms += cur * (e - a);
		if (cur > bk[i].peak)
			bk[i].peak = cur;
		if (cur >= E1_CHANNELS)
			bk[i].allbusy_ms += e - a;
		a = e;
	}
}

static void
sweep(struct trunks *tr, struct tspan *s)
{
	int64_t	last = tr->base;
	int	cur = 0;

	qsort(s->p, s->n, sizeof *s->p, point_order);
	for (size_t i = 0; i < s->n; i++) {
		segment(s->b, tr->nb, tr->base, tr->len, last, s->p[i].t, cur);
		segment(s->h, tr->nh, tr->base, 3600000, last, s->p[i].t, cur);
		cur += s->p[i].d;
		last = s->p[i].t;
	}
}

static void
count(struct trunks *tr, struct tspan *s, int64_t t, int blocked)
{
	if (t < tr->base || t >= tr->to)
		return;
	if (blocked) {
		s->b[(t - tr->base) / tr->len].blocked++;
		s->h[(t - tr->base) / 3600000].blocked++;
	} else {
		s->b[(t - tr->base) / tr->len].calls++;
		s->h[(t - tr->base) / 3600000].calls++;
	}
}

/* Calls on a channel: CDRs, and (unfiltered) calls still open. */
static const char busy_sql[] =
"SELECT span, start_ms, end_ms FROM cdr WHERE channel > 0 AND span <> ''"
" AND start_ms < ?2 AND end_ms > ?1 AND %s %s";
static const char open_sql[] =
" UNION ALL SELECT span, start_ms, ?3 FROM calls_open WHERE channel > 0"
" AND span <> '' AND start_ms < ?2";
/* Blocked: SETUPs refused (events), and our own calls that found no
 * channel on any span (CDRs: cause 34, no channel; span "any"). */
static const char blocked_sql[] =
"SELECT json_extract(detail, '$.span'), ts_ms FROM events WHERE kind ="
" 'blocked' AND ts_ms >= ?1 AND ts_ms < ?2 AND json_valid(detail) %s"
" UNION ALL SELECT 'any', start_ms FROM cdr WHERE cause = 34 AND"
" channel = 0 AND start_ms >= ?1 AND start_ms < ?2 AND %s";

static void
load_busy(struct trunks *tr, const struct report_ctx *c, const char *where,
    int filtered)
{
	char		*sql = sqlite3_mprintf(busy_sql, where, filtered ? "" :
			    open_sql);
	sqlite3_stmt	*st = report_prepare(c->db, sql);
	int64_t		 end = c->now_ms < tr->to ? c->now_ms : tr->to;

	sqlite3_bind_int64(st, 1, tr->base);
	sqlite3_bind_int64(st, 2, tr->to);
	sqlite3_bind_int64(st, 3, end);
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct tspan *s = span_get(tr, (const char *)
		    sqlite3_column_text(st, 0));
		int64_t a = sqlite3_column_int64(st, 1);
		int64_t b = sqlite3_column_int64(st, 2);

		if (s == NULL)
			continue;
		count(tr, s, a, 0);
		point_add(s, a < tr->base ? tr->base : a, 1);
		point_add(s, b > tr->to ? tr->to : b, -1);
	}
	sqlite3_finalize(st);
	sqlite3_free(sql);
}

static void
load_blocked(struct trunks *tr, const struct report_ctx *c, const char *where,
    int filtered)
{
	const struct report_filter *f = c->v->filter;
	char		*in = report_filter_set_sql(&f->dids,
			    "json_extract(detail, '$.dnis')"), *cond, *sql;
	sqlite3_stmt	*st;

	/* a refused SETUP has no queue nor agent: a client's DIDs filter it */
	if (!filtered)
		cond = sqlite3_mprintf("");
	else if (f->dids.on && !f->queue_given && !f->agent_given)
		cond = sqlite3_mprintf("AND %s", in);
	else
		cond = sqlite3_mprintf("AND 0");
	sql = sqlite3_mprintf(blocked_sql, cond, where);
	st = report_prepare(c->db, sql);
	sqlite3_bind_int64(st, 1, tr->base);
	sqlite3_bind_int64(st, 2, tr->to);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		struct tspan *s = span_get(tr, name ? name : "?");

		if (s != NULL)
			count(tr, s, sqlite3_column_int64(st, 1), 1);
	}
	sqlite3_finalize(st);
	sqlite3_free(sql);
	sqlite3_free(cond);
	sqlite3_free(in);
}

static const char *
when(int64_t ms, int day)
{
	static char	buf[32];
	time_t		t = ms / 1000;
	struct tm	tm;

	gmtime_r(&t, &tm);
	strftime(buf, sizeof buf, day ? "%Y-%m-%d" : "%Y-%m-%d %H:%M", &tm);
	return buf;
}

static int
span_order(const void *a, const void *b)
{
	return strverscmp(((const struct tspan *)a)->name,
	    ((const struct tspan *)b)->name);
}

static void
print_rows(const struct trunks *tr, const struct report_view *v)
{
	struct grid	g;
	char		f[9][40];
	const char	*cells[9];

	for (int i = 0; i < 9; i++)
		cells[i] = f[i];
	grid_head(&g, cols, sizeof cols / sizeof cols[0], v);
	for (int i = 0; i < tr->nb; i++)
		for (int k = 0; k < tr->n; k++) {
			const struct bucket *b = &tr->s[k].b[i];
			int64_t len = tr->len;
			int real = strcmp(tr->s[k].name, "any") != 0;

			if (tr->base + (i + 1) * len > tr->to)
				len = tr->to - (tr->base + i * len);
			snprintf(f[0], 40, "%s", when(tr->base + i * tr->len,
			    tr->len == 86400000));
			snprintf(f[1], 40, "%s", tr->s[k].name);
			snprintf(f[2], 40, "%d", real ? E1_CHANNELS : 0);
			snprintf(f[3], 40, "%u", b->calls);
			snprintf(f[4], 40, "%d", b->peak);
			snprintf(f[5], 40, "%.2f", len > 0 ?
			    (double)b->busy_ms / len : 0);
			snprintf(f[6], 40, real ? "%.1f" : "-", len > 0 ?
			    100.0 * b->busy_ms / len / E1_CHANNELS : 0);
			snprintf(f[7], 40, "%.0f", b->allbusy_ms / 1000.0);
			snprintf(f[8], 40, "%u", b->blocked);
			grid_row(&g, cells);
		}
	grid_end(&g);
}

/* The busy hour (the most carried traffic, all spans together), its
 * offered traffic (carried, plus the blocked calls at the period's mean
 * holding time) and Erlang B with today's channels and one more E1. */
static void
print_answer(const struct trunks *tr)
{
	int64_t		busy = 0, best = -1;
	unsigned	calls = 0, hb = 0;
	int		real = 0, bh = -1;
	double		hold_ms, carried, offered;

	for (int k = 0; k < tr->n; k++)
		real += strcmp(tr->s[k].name, "any") != 0;
	for (int i = 0; i < tr->nh; i++) {
		int64_t	 sum = 0;
		unsigned bl = 0;

		for (int k = 0; k < tr->n; k++) {
			sum += tr->s[k].h[i].busy_ms;
			bl += tr->s[k].h[i].blocked;
			busy += tr->s[k].h[i].busy_ms;
			calls += tr->s[k].h[i].calls;
		}
		if (sum > best) {
			best = sum;
			bh = i;
			hb = bl;
		}
	}
	if (bh < 0 || real == 0 || calls == 0) {
		printf("No calls on the spans in this period: no busy hour.\n");
		return;
	}
	hold_ms = (double)busy / calls;
	carried = best / 3600000.0;
	offered = carried + hb * hold_ms / 3600000.0;
	printf("Busy hour %s UTC: %.2f erlangs carried, %u blocked, %.2f "
	    "offered\n(mean holding time %.0f s). Erlang B: blocking %.1f%% "
	    "with %d channels, %.1f%% with\n%d (one more E1). For 1%% "
	    "blocking: %d channels.\n", when(tr->base + bh * 3600000LL, 0),
	    carried, hb, offered, hold_ms / 1000,
	    100 * erlang_b(real * E1_CHANNELS, offered), real * E1_CHANNELS,
	    100 * erlang_b((real + 1) * E1_CHANNELS, offered),
	    (real + 1) * E1_CHANNELS, erlang_b_channels(offered, 0.01));
}

int
report_trunks(const struct report_ctx *c)
{
	const struct report_view *v = c->v;
	struct trunks	*tr = xcalloc(1, sizeof *tr);
	char		*where = report_filter_sql(v->filter);
	int		 filtered = v->filter->queues.on || v->filter->agents.on;

	tr->len = (int64_t)v->interval_s * 1000;
	tr->base = v->from_ms - v->from_ms % tr->len;
	tr->to = v->to_ms;
	tr->nb = (int)((tr->to - tr->base + tr->len - 1) / tr->len);
	tr->nh = (int)((tr->to - tr->base + 3599999) / 3600000);
	for (int i = 0; c->cfg != NULL && i < c->cfg->nspans; i++)
		span_get(tr, c->cfg->spans[i].name);
	load_busy(tr, c, where, filtered);
	load_blocked(tr, c, where, filtered);
	for (int k = 0; k < tr->n; k++)
		sweep(tr, &tr->s[k]);
	qsort(tr->s, tr->n, sizeof tr->s[0], span_order);
	print_rows(tr, v);
	if (v->form != RF_CSV) {
		printf("Chans: B-channels (E1: 30). Peak: most busy at once. "
		    "Erlangs: channels busy\non average (the carried traffic). "
		    "Occ%%: Erlangs / Chans. AllBusy: seconds with\nevery "
		    "channel busy. Blocked: calls refused for want of a channel "
		    "(span any: our\nown calls that found no free channel on "
		    "any span).\n\n");
		print_answer(tr);
	}
	for (int k = 0; k < tr->n; k++) {
		free(tr->s[k].p);
		free(tr->s[k].b);
		free(tr->s[k].h);
	}
	free(tr);
	sqlite3_free(where);
	return 0;
}
