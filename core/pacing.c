/* pacing.c: the dialer's pacing decision (docs/DIALER.md "Pacing and the
 * rules"). Progressive places one call per free agent not already waiting
 * on a ringing call. Predictive counts the agents free now and those
 * expected free by the time a call placed now is answered (plus the 2 s
 * the rules allow), and keeps the calls in flight at N so that the live
 * answers they bring, N*p plus z standard deviations, stay within those
 * agents; z grows as the abandon rate (the worse of the 24 h and 30 day
 * windows, counting one more abandon) nears the cap; from 90 % of the
 * cap on, or before enough dials tell the answer rate, it is progressive.
 * Pure: the caller owns the state and passes the time in. */
#include <math.h>
#include <string.h>
#include "pacing.h"

/* The rules' connect time: a live answer is abandoned after it. */
#define PACING_CONNECT_S	2.0
/* Margins (standard deviations of the live answers to come) with the
 * abandon rate at zero and at the cap; tuned with `centrala sim --dialer
 * compare` (docs/PERFORMANCE.md). */
#define PACING_Z_MIN		0.5
#define PACING_Z_MAX		3.0
/* The answer rate before any dial, and how many dials it weighs. */
#define PACING_PRIOR_P		0.25
#define PACING_PRIOR_N		5.0
/* Recent dials weigh most: each dial scales the history by this. */
#define PACING_DECAY		(1.0 - 1.0 / 300)
/* Predictive aims under this share of the cap, and is progressive from
 * it on: many calls in flight can each still bring an abandon after the
 * rate crossed it. */
#define PACING_GUARD		0.9
/* Until this many dials are measured, progressive: a guessed answer
 * rate could flood a fresh campaign with abandons. */
#define PACING_MIN_DIALS	50.0
/* An answer rate this low is taken as this: no flood of calls. */
#define PACING_P_MIN		0.05

static const char *const pacing_mode_names[] = {
	[PACING_PROGRESSIVE] = "progressive", [PACING_PREDICTIVE] = "predictive",
};

const char *
pacing_mode_name(enum pacing_mode m)
{
	return pacing_mode_names[m];
}

int
pacing_mode_parse(const char *s, enum pacing_mode *m)
{
	for (int i = 0; i < (int)(sizeof pacing_mode_names /
	    sizeof pacing_mode_names[0]); i++)
		if (strcmp(s, pacing_mode_names[i]) == 0) {
			*m = i;
			return 0;
		}
	return -1;
}

int
pacing_ring_limit(int configured_s)
{
	return configured_s < PACING_MIN_RING_S ? PACING_MIN_RING_S :
	    configured_s;
}

/* ABANDONED_AT 0: never abandoned. */
int
pacing_may_redial(int64_t abandoned_at, int64_t now, int agent_kept)
{
	return abandoned_at == 0 || agent_kept ||
	    now - abandoned_at >= PACING_NO_REPEAT_S;
}

static void
pacing_window_init(struct pacing_window *w, int64_t span_s, int n)
{
	memset(w, 0, sizeof *w);
	w->bucket_s = span_s / n;
	w->nbuckets = n;
}

void
pacing_abandons_init(struct pacing_abandons *a)
{
	pacing_window_init(&a->day, 24 * 3600, 96);
	pacing_window_init(&a->month, 30 * 24 * 3600, PACING_BUCKETS);
}

/* Moves the window to NOW, emptying the buckets it leaves behind. */
static void
pacing_window_advance(struct pacing_window *w, int64_t now)
{
	int64_t cur = now / w->bucket_s, b;

	if (cur <= w->last)
		return;
	for (b = w->last + 1; b <= cur && b <= w->last + w->nbuckets; b++) {
		int i = (int)(b % w->nbuckets);

		w->sum_live -= w->live[i];
		w->sum_abandoned -= w->abandoned[i];
		w->live[i] = w->abandoned[i] = 0;
	}
	w->last = cur;
}

static void
pacing_window_add(struct pacing_window *w, int64_t now, int abandoned)
{
	int i;

	pacing_window_advance(w, now);
	i = (int)(w->last % w->nbuckets);
	w->live[i]++;
	w->sum_live++;
	if (abandoned) {
		w->abandoned[i]++;
		w->sum_abandoned++;
	}
}

void
pacing_abandons_add(struct pacing_abandons *a, int64_t now, int abandoned)
{
	pacing_window_add(&a->day, now, abandoned);
	pacing_window_add(&a->month, now, abandoned);
}

double
pacing_window_rate(struct pacing_window *w, int64_t now)
{
	pacing_window_advance(w, now);
	return w->sum_live ? (double)w->sum_abandoned / w->sum_live : 0;
}

uint64_t
pacing_window_live(struct pacing_window *w, int64_t now)
{
	pacing_window_advance(w, now);
	return w->sum_live;
}

void
pacing_answer_add(struct pacing_answer *a, int live)
{
	a->dials = a->dials * PACING_DECAY + 1;
	a->live = a->live * PACING_DECAY + (live ? 1 : 0);
}

double
pacing_answer_rate(const struct pacing_answer *a)
{
	double p = (a->live + PACING_PRIOR_P * PACING_PRIOR_N) /
	    (a->dials + PACING_PRIOR_N);

	return p < PACING_P_MIN ? PACING_P_MIN : p;
}

/* The chance that a busy agent is free within H seconds: wrap-up ends
 * at its mean; what is left of a talk is taken as exponential with the
 * mean left (at least a quarter of the mean), then the wrap-up. */
static double
pacing_free_within(const struct pacing_state *s, const struct pacing_agent *a,
    double h)
{
	double left, m;

	if (a->phase == PACING_WRAP)
		return s->wrap_s - a->elapsed_s <= h ? 1 : 0;
	left = h - s->wrap_s;
	if (left <= 0)
		return 0;
	m = fmax(s->talk_s - a->elapsed_s, s->talk_s / 4);
	return m > 0 ? 1 - exp(-left / m) : 1;
}

/* The abandon rate one more abandon would make, in the worse window:
 * a few live answers leave no room for one. */
static double
pacing_next_rate(const struct pacing_state *s)
{
	double d = (s->rate_24h * s->live_24h + 1) / (s->live_24h + 1.0),
	    m = (s->rate_30d * s->live_30d + 1) / (s->live_30d + 1.0);

	return fmax(d, m);
}

/* The margin: z grows from Z_MIN to Z_MAX as the rate nears the cap. */
static double
pacing_margin(const struct pacing_state *s)
{
	double h = pacing_next_rate(s) / (PACING_GUARD * s->cap);

	return PACING_Z_MIN + (PACING_Z_MAX - PACING_Z_MIN) * h * h;
}

/* The most calls in flight, N, with N*p + z*sqrt(N*p*(1-p)) <= A. */
static int
pacing_in_flight(double agents, double p, double z)
{
	double b = z * sqrt(p * (1 - p)), x;

	if (agents <= 0)
		return 0;
	x = (-b + sqrt(b * b + 4 * p * agents)) / (2 * p);
	return (int)floor(x * x + 1e-9);
}

static int
pacing_limit(const struct pacing_state *s, int n)
{
	if (n < 0)
		n = 0;
	if (s->lines >= 0 && n > s->lines)
		n = s->lines;
	return n;
}

int
pacing_decide(const struct pacing_state *s, struct pacing_why *why)
{
	struct pacing_why	w = { .mode = s->mode };
	double			h = s->answer_s + PACING_CONNECT_S;
	int			n;

	if (s->mode == PACING_PREDICTIVE && s->cap > 0 &&
	    (pacing_next_rate(s) >= PACING_GUARD * s->cap ||
	    s->answer == NULL || s->answer->dials < PACING_MIN_DIALS))
		w.mode = PACING_PROGRESSIVE;
	w.agents = s->free;
	if (w.mode == PACING_PROGRESSIVE)
		n = s->free - s->ringing;
	else {
		for (int i = 0; i < s->nbusy; i++)
			w.agents += pacing_free_within(s, &s->busy[i], h);
		w.p = pacing_answer_rate(s->answer);
		w.z = s->cap > 0 ? pacing_margin(s) : PACING_Z_MIN;
		n = pacing_in_flight(w.agents, w.p, w.z) - s->ringing;
		/* Never fewer than progressive would place. */
		if (n < s->free - s->ringing)
			n = s->free - s->ringing;
	}
	if (why != NULL)
		*why = w;
	return pacing_limit(s, n);
}
