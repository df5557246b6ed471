/* stats.c: the statistics engine (docs/STATISTICS.md). Events go in, in
 * time order; per-interval rows come out. Calls count in the interval in
 * which they entered the queue; agent time is split at interval
 * boundaries. Open calls are kept in a small hash table by call id. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include "stats.h"
#include "xmalloc.h"

#define STATS_BUCKETS 1024

struct stats_call {
	char			 id[40];
	int			 row;		/* queue row it counts in */
	int64_t			 enter_ms, answer_ms;
	int64_t			 hold_at, held_ms;	/* on hold since; so far */
	char			 agent[24];
	struct stats_call	*next;
};

struct stats_agent_now {
	char		 agent[24];
	int		 state;		/* -1 = logged out or unknown */
	char		 reason[24];
	int64_t		 since_ms;
	int		 last_row;	/* queue row of its last call, for wrap-up */
};

/* Rows by (name, interval start): open addressing, hash kept for growth.
 * A month of hourly rows is tens of thousands; a linear search for each
 * new row made the month's report quadratic. */
struct stats_slot {
	unsigned	h;
	int		row;		/* -1 = empty */
};
struct stats_index {
	struct stats_slot	*slot;
	unsigned		 cap, n;	/* cap: a power of 2 */
};

struct stats {
	struct stats_opts	 o;
	struct stats_index	 qx, ax, nx;	/* q, a and now rows */
	struct stats_queue	*q;
	int			 nq;
	struct stats_agent	*a;
	int			 na;
	struct stats_agent_now	*now;
	int			 nnow;
	struct stats_call	*calls[STATS_BUCKETS];
	int			 waiting;
};

static const char *const stats_state_names[] = {
	"ready", "ringing", "on_call", "wrap_up", "not_ready"
};

static int
stats_state_of(const char *name)
{
	for (int i = 0; name != NULL && i < ST_NSTATES; i++)
		if (strcmp(stats_state_names[i], name) == 0)
			return i;
	return -1;
}

struct stats *
stats_new(const struct stats_opts *o)
{
	struct stats *s = xcalloc(1, sizeof *s);

	s->o = *o;
	if (s->o.interval_s <= 0)
		s->o.interval_s = 900;
	if (s->o.short_abandon_ms < 0)
		s->o.short_abandon_ms = 5000;
	return s;
}

void
stats_free(struct stats *s)
{
	for (int i = 0; i < STATS_BUCKETS; i++) {
		struct stats_call *c, *next;

		for (c = s->calls[i]; c != NULL; c = next) {
			next = c->next;
			free(c);
		}
	}
	free(s->q);
	free(s->a);
	free(s->qx.slot);
	free(s->ax.slot);
	free(s->nx.slot);
	free(s->now);
	free(s);
}

static int64_t
stats_interval(const struct stats *s, int64_t ts)
{
	int64_t len = (int64_t)s->o.interval_s * 1000;

	return ts - ((ts % len) + len) % len;
}

static unsigned
stats_row_hash(const char *name, int64_t start)
{
	uint64_t h = 1469598103934665603ULL ^ (uint64_t)start;

	for (; *name != '\0'; name++)
		h = (h ^ (unsigned char)*name) * 1099511628211ULL;
	return (unsigned)(h ^ (h >> 32));
}

static void
stats_index_add(struct stats_index *x, unsigned h, int row)
{
	if (2 * (x->n + 1) > x->cap) {
		struct stats_index	 y = { NULL, x->cap ? 2 * x->cap : 256, 0 };

		y.slot = xmalloc(y.cap * sizeof *y.slot);
		for (unsigned i = 0; i < y.cap; i++)
			y.slot[i].row = -1;
		for (unsigned i = 0; i < x->cap; i++)
			if (x->slot[i].row >= 0)
				stats_index_add(&y, x->slot[i].h, x->slot[i].row);
		free(x->slot);
		*x = y;
	}
	for (unsigned i = h & (x->cap - 1);; i = (i + 1) & (x->cap - 1))
		if (x->slot[i].row < 0) {
			x->slot[i] = (struct stats_slot){ h, row };
			x->n++;
			return;
		}
}

/* The first slot whose hash is h, from *i on (start: *i = h & (cap-1));
 * -1 when none is left. */
static int
stats_index_next(const struct stats_index *x, unsigned h, unsigned *i)
{
	for (; x->cap > 0 && x->slot[*i].row >= 0; *i = (*i + 1) & (x->cap - 1))
		if (x->slot[*i].h == h) {
			int row = x->slot[*i].row;

			*i = (*i + 1) & (x->cap - 1);
			return row;
		}
	return -1;
}

/* The queue row for (queue, interval). */
static int
stats_qrow(struct stats *s, const char *queue, int64_t ts)
{
	int64_t		start = stats_interval(s, ts);
	unsigned	h = stats_row_hash(queue, start), i = h & (s->qx.cap - 1);
	int		r;

	while ((r = stats_index_next(&s->qx, h, &i)) >= 0)
		if (s->q[r].start_ms == start && strcmp(s->q[r].queue, queue) == 0)
			return r;
	stats_index_add(&s->qx, h, s->nq);
	s->q = xrealloc(s->q, (s->nq + 1) * sizeof *s->q);
	memset(&s->q[s->nq], 0, sizeof *s->q);
	strncpy(s->q[s->nq].queue, queue, sizeof s->q[0].queue - 1);
	s->q[s->nq].start_ms = start;
	s->q[s->nq].sl_target_s = s->o.sl_target_s != NULL ?
	    s->o.sl_target_s(queue, s->o.arg) : 20;
	return s->nq++;
}

static struct stats_agent *
stats_arow(struct stats *s, const char *agent, int64_t start)
{
	unsigned	h = stats_row_hash(agent, start), i = h & (s->ax.cap - 1);
	int		r;

	while ((r = stats_index_next(&s->ax, h, &i)) >= 0)
		if (s->a[r].start_ms == start && strcmp(s->a[r].agent, agent) == 0)
			return &s->a[r];
	stats_index_add(&s->ax, h, s->na);
	s->a = xrealloc(s->a, (s->na + 1) * sizeof *s->a);
	memset(&s->a[s->na], 0, sizeof *s->a);
	strncpy(s->a[s->na].agent, agent, sizeof s->a[0].agent - 1);
	s->a[s->na].start_ms = start;
	return &s->a[s->na++];
}

static struct stats_agent_now *
stats_now(struct stats *s, const char *agent)
{
	unsigned	h = stats_row_hash(agent, 0), i = h & (s->nx.cap - 1);
	int		r;

	while ((r = stats_index_next(&s->nx, h, &i)) >= 0)
		if (strcmp(s->now[r].agent, agent) == 0)
			return &s->now[r];
	stats_index_add(&s->nx, h, s->nnow);
	s->now = xrealloc(s->now, (s->nnow + 1) * sizeof *s->now);
	memset(&s->now[s->nnow], 0, sizeof *s->now);
	strncpy(s->now[s->nnow].agent, agent, sizeof s->now[0].agent - 1);
	s->now[s->nnow].state = -1;
	s->now[s->nnow].last_row = -1;
	return &s->now[s->nnow++];
}

static void
stats_add_reason(struct stats_agent *r, const char *reason, int64_t ms)
{
	int i;

	for (i = 0; i < STATS_REASONS && r->reason[i][0] != '\0'; i++)
		if (strcmp(r->reason[i], reason) == 0)
			break;
	if (i == STATS_REASONS)
		i = STATS_REASONS - 1;	/* the rest share the last slot */
	if (r->reason[i][0] == '\0')
		snprintf(r->reason[i], sizeof r->reason[i], "%s", reason);
	r->reason_ms[i] += ms;
}

/* Adds the agent's time in its current state up to ts, split at interval
 * boundaries; wrap-up time also goes to its last call's queue row. */
static void
stats_agent_time(struct stats *s, struct stats_agent_now *n, int64_t ts)
{
	int64_t from = n->since_ms, len = (int64_t)s->o.interval_s * 1000;

	if (n->state < 0 || ts <= from)
		return;
	if (n->state == ST_WRAP_UP && n->last_row >= 0)
		s->q[n->last_row].wrap_ms += ts - from;
	while (from < ts && !s->o.queues_only) {
		int64_t			 start = stats_interval(s, from);
		int64_t			 end = start + len < ts ? start + len : ts;
		struct stats_agent	*r = stats_arow(s, n->agent, start);

		r->state_ms[n->state] += end - from;
		if (n->state == ST_NOT_READY)
			stats_add_reason(r, n->reason[0] ? n->reason : "none", end - from);
		from = end;
	}
}

static unsigned
stats_hash(const char *id)
{
	unsigned h = 2166136261u;

	for (; *id != '\0'; id++)
		h = (h ^ (unsigned char)*id) * 16777619u;
	return h % STATS_BUCKETS;
}

static struct stats_call *
stats_call(struct stats *s, const char *id, int unlink)
{
	struct stats_call **pp = &s->calls[stats_hash(id)], *c;

	for (; (c = *pp) != NULL; pp = &c->next) {
		if (strcmp(c->id, id) == 0) {
			if (unlink)
				*pp = c->next;
			return c;
		}
	}
	return NULL;
}

/* A call of e's queue from e's time on, in the interval it counts in. */
static struct stats_call *
stats_call_new(struct stats *s, const struct stats_event *e)
{
	struct stats_call	*c = xcalloc(1, sizeof *c);
	unsigned		 h = stats_hash(e->call_id);

	strncpy(c->id, e->call_id, sizeof c->id - 1);
	c->row = stats_qrow(s, e->queue, e->ts_ms);
	c->enter_ms = e->ts_ms;
	c->next = s->calls[h];
	s->calls[h] = c;
	return c;
}

/* The agent of e handles call c: counted, and its wrap-up goes to c's
 * queue row. */
static void
stats_handled(struct stats *s, struct stats_call *c, const struct stats_event *e)
{
	if (e->agent == NULL)
		return;
	strncpy(c->agent, e->agent, sizeof c->agent - 1);
	if (!s->o.queues_only)
		stats_arow(s, e->agent, stats_interval(s, e->ts_ms))->handled++;
	stats_now(s, e->agent)->last_row = c->row;
}

static void
stats_queue_enter(struct stats *s, const struct stats_event *e)
{
	struct stats_call *c = stats_call_new(s, e);

	if (e->sl_target_s > 0)
		s->q[c->row].sl_target_s = e->sl_target_s;
	s->q[c->row].offered++;
	s->waiting++;
}

static void
stats_max_wait(struct stats_queue *q, int64_t wait)
{
	if (wait > q->max_wait_ms)
		q->max_wait_ms = wait;
}

static void
stats_answer(struct stats *s, const struct stats_event *e)
{
	struct stats_call	*c = stats_call(s, e->call_id, 0);
	struct stats_queue	*q;
	int64_t			 wait;

	if (c == NULL || c->answer_ms != 0)
		return;
	q = &s->q[c->row];
	wait = e->ts_ms - c->enter_ms;
	c->answer_ms = e->ts_ms;
	q->answered++;
	q->wait_answered_ms += wait;
	q->answered_in_sl += wait <= (int64_t)q->sl_target_s * 1000;
	stats_max_wait(q, wait);
	s->waiting--;
	stats_handled(s, c, e);
}

static void
stats_abandon(struct stats *s, const struct stats_event *e)
{
	struct stats_call	*c = stats_call(s, e->call_id, 1);
	struct stats_queue	*q;
	int64_t			 wait;

	if (c == NULL)
		return;
	q = &s->q[c->row];
	wait = e->ts_ms - c->enter_ms;
	if (wait < s->o.short_abandon_ms)
		q->short_abandoned++;
	else {
		q->abandoned++;
		q->abandoned_after_sl += wait > (int64_t)q->sl_target_s * 1000;
	}
	stats_max_wait(q, wait);
	s->waiting--;
	free(c);
}

/* The caller left by the queue's exit rule: overflowed to another queue
 * (which counts it as offered when it enters) or cleared at max wait. */
static void
stats_queue_exit(struct stats *s, const struct stats_event *e)
{
	struct stats_call	*c = stats_call(s, e->call_id, 1);
	struct stats_queue	*q;

	if (c == NULL)
		return;
	q = &s->q[c->row];
	if (e->state != NULL && strcmp(e->state, "overflow") == 0)
		q->overflowed++;
	else if (e->state != NULL && strcmp(e->state, "callback") == 0)
		q->to_callback++;
	else
		q->timed_out++;
	stats_max_wait(q, e->ts_ms - c->enter_ms);
	s->waiting--;
	free(c);
}

/* A callback's life: requested (counted where and when asked), connected
 * (handled by the agent: its talk, hold and wrap-up count in the queue's
 * handle time), or failed after its last attempt. */
static void
stats_callback(struct stats *s, const struct stats_event *e)
{
	struct stats_queue	*q;
	struct stats_call	*c;

	if (e->state == NULL || e->queue == NULL)
		return;
	/* The row first: stats_qrow() may move s->q (a new row). */
	if (strcmp(e->state, "requested") == 0) {
		int r = stats_qrow(s, e->queue, e->ts_ms);

		s->q[r].cb_requested++;
	} else if (strcmp(e->state, "failed") == 0) {
		int r = stats_qrow(s, e->queue, e->ts_ms);

		s->q[r].cb_failed++;
	} else if (strcmp(e->state, "connected") == 0 && e->call_id != NULL &&
	    stats_call(s, e->call_id, 0) == NULL) {
		c = stats_call_new(s, e);
		c->answer_ms = e->ts_ms;
		q = &s->q[c->row];
		q->cb_connected++;
		q->cb_delay_ms += e->delay_ms;
		stats_handled(s, c, e);
	}
}

static void
stats_call_end(struct stats *s, const struct stats_event *e)
{
	struct stats_call *c = stats_call(s, e->call_id, 1);

	if (c == NULL)
		return;
	if (c->hold_at != 0)
		c->held_ms += e->ts_ms - c->hold_at;
	if (c->answer_ms != 0) {
		s->q[c->row].talk_ms += e->ts_ms - c->answer_ms - c->held_ms;
		s->q[c->row].hold_ms += c->held_ms;
	} else {	/* ended unanswered without an abandon or exit */
		s->q[c->row].cut++;
		s->waiting--;
	}
	free(c);
}

/* Hold time is not talk time: AHT = talk + hold + wrap-up. */
static void
stats_hold(struct stats *s, const struct stats_event *e, int on)
{
	struct stats_call *c = stats_call(s, e->call_id, 0);

	if (c == NULL || c->answer_ms == 0 || on == (c->hold_at != 0))
		return;
	if (on)
		c->hold_at = e->ts_ms;
	else {
		c->held_ms += e->ts_ms - c->hold_at;
		c->hold_at = 0;
	}
}

static void
stats_agent_state(struct stats *s, const struct stats_event *e)
{
	struct stats_agent_now *n = stats_now(s, e->agent);

	stats_agent_time(s, n, e->ts_ms);
	n->state = stats_state_of(e->state);
	n->since_ms = e->ts_ms;
	n->reason[0] = '\0';
	if (e->reason != NULL)
		strncpy(n->reason, e->reason, sizeof n->reason - 1);
}

const char *const stats_kinds[] = {
	"queue_enter", "answer", "abandon", "queue_exit", "callback",
	"call_end", "transfer", "hold", "retrieve", "agent_state", NULL
};

/* Keep stats_kinds[] in step with the kinds read here. */
void
stats_feed(struct stats *s, const struct stats_event *e)
{
	if (strcmp(e->kind, "queue_enter") == 0 && e->call_id && e->queue)
		stats_queue_enter(s, e);
	else if (strcmp(e->kind, "answer") == 0 && e->call_id)
		stats_answer(s, e);
	else if (strcmp(e->kind, "abandon") == 0 && e->call_id)
		stats_abandon(s, e);
	else if (strcmp(e->kind, "queue_exit") == 0 && e->call_id)
		stats_queue_exit(s, e);
	else if (strcmp(e->kind, "callback") == 0)
		stats_callback(s, e);
	else if ((strcmp(e->kind, "call_end") == 0 ||
	    strcmp(e->kind, "transfer") == 0) && e->call_id)
		stats_call_end(s, e);	/* a transfer ends this handling */
	else if (strcmp(e->kind, "hold") == 0 && e->call_id)
		stats_hold(s, e, 1);
	else if (strcmp(e->kind, "retrieve") == 0 && e->call_id)
		stats_hold(s, e, 0);
	else if (strcmp(e->kind, "agent_state") == 0 && e->agent)
		stats_agent_state(s, e);
}

/* Counts each call not answered and not gone in its row's still_waiting. */
static void
stats_count_waiting(struct stats *s)
{
	for (int i = 0; i < s->nq; i++)
		s->q[i].still_waiting = 0;
	for (int i = 0; i < STATS_BUCKETS; i++)
		for (struct stats_call *c = s->calls[i]; c != NULL; c = c->next)
			if (c->answer_ms == 0)
				s->q[c->row].still_waiting++;
}

void
stats_close(struct stats *s, int64_t end_ms)
{
	for (int i = 0; i < s->nnow; i++) {
		stats_agent_time(s, &s->now[i], end_ms);
		s->now[i].since_ms = end_ms;
	}
	stats_count_waiting(s);
}

unsigned
stats_outcomes(const struct stats_queue *q)
{
	return q->answered + q->abandoned + q->short_abandoned + q->overflowed +
	    q->timed_out + q->to_callback + q->cut + q->still_waiting;
}

int64_t
stats_interval_start(const struct stats *s, int64_t ts)
{
	return stats_interval(s, ts);
}

const struct stats_queue *
stats_find_queue(const struct stats *s, const char *queue, int64_t start)
{
	for (int i = s->nq - 1; i >= 0; i--)
		if (s->q[i].start_ms == start && strcmp(s->q[i].queue, queue) == 0)
			return &s->q[i];
	return NULL;
}

const struct stats_agent *
stats_agent_upto(struct stats *s, const char *agent, int64_t now_ms)
{
	struct stats_agent_now *n = stats_now(s, agent);

	stats_agent_time(s, n, now_ms);
	if (n->since_ms < now_ms)
		n->since_ms = now_ms;
	return stats_arow(s, agent, stats_interval(s, now_ms));
}

void
stats_event_detail(struct stats_event *e, const char *detail, char *buf,
    size_t len)
{
	json_t		*j;
	const char	*r;

	if (detail == NULL || (j = json_loads(detail, 0, NULL)) == NULL)
		return;
	if ((r = json_string_value(json_object_get(j, "reason"))) != NULL) {
		snprintf(buf, len, "%s", r);
		e->reason = buf;
	}
	e->sl_target_s = (int)json_integer_value(json_object_get(j, "sl_target"));
	e->delay_ms = json_integer_value(json_object_get(j, "delay_ms"));
	json_decref(j);
}

int stats_nqueues(const struct stats *s) { return s->nq; }
int stats_nagents(const struct stats *s) { return s->na; }
int stats_waiting(const struct stats *s) { return s->waiting; }

const struct stats_queue *
stats_queue_at(const struct stats *s, int i)
{
	return i >= 0 && i < s->nq ? &s->q[i] : NULL;
}

const struct stats_agent *
stats_agent_at(const struct stats *s, int i)
{
	return i >= 0 && i < s->na ? &s->a[i] : NULL;
}

/* The calls a queue is judged on: offered, less short abandons, those it
 * passed to another queue (judged there) and those who chose a callback
 * (judged by the callback figures). */
static double
stats_handled_here(const struct stats_queue *q)
{
	return (double)q->offered - q->short_abandoned - q->overflowed -
	    q->to_callback;
}

static double
stats_pct(double num, double den)
{
	return den > 0 ? 100.0 * num / den : -1;
}

double
stats_service_level(const struct stats_queue *q, enum stats_sl v)
{
	switch (v) {
	case SL_ANSWERED:
		return stats_pct(q->answered_in_sl, q->answered);
	case SL_ABANDON_T:
		return stats_pct(q->answered_in_sl, q->answered +
		    q->abandoned_after_sl);
	default:
		return stats_pct(q->answered_in_sl, stats_handled_here(q));
	}
}

double
stats_abandon_rate(const struct stats_queue *q)
{
	return stats_pct(q->abandoned, stats_handled_here(q));
}

double
stats_asa_s(const struct stats_queue *q)
{
	return q->answered ? q->wait_answered_ms / 1000.0 / q->answered : -1;
}

double
stats_aht_s(const struct stats_queue *q)
{
	unsigned handled = q->answered + q->cb_connected;

	return handled ? (q->talk_ms + q->hold_ms + q->wrap_ms) / 1000.0 /
	    handled : -1;
}

double
stats_occupancy(const struct stats_agent *a)
{
	int64_t busy = a->state_ms[ST_ON_CALL] + a->state_ms[ST_WRAP_UP];

	return stats_pct(busy, busy + a->state_ms[ST_READY] +
	    a->state_ms[ST_RINGING]);
}

/* Adds a row of figures (another fold's, e.g. the stored totals) into the
 * row of its queue and interval: counts and times add up, the longest
 * wait is the longer. */
void
stats_merge_queue(struct stats *s, const struct stats_queue *q)
{
	int			 row = stats_qrow(s, q->queue, q->start_ms);
	struct stats_queue	*r = &s->q[row];	/* after: it may move s->q */

	r->offered += q->offered;
	r->answered += q->answered;
	r->abandoned += q->abandoned;
	r->short_abandoned += q->short_abandoned;
	r->answered_in_sl += q->answered_in_sl;
	r->abandoned_after_sl += q->abandoned_after_sl;
	r->overflowed += q->overflowed;
	r->timed_out += q->timed_out;
	r->to_callback += q->to_callback;
	r->cut += q->cut;
	r->still_waiting += q->still_waiting;
	r->cb_requested += q->cb_requested;
	r->cb_connected += q->cb_connected;
	r->cb_failed += q->cb_failed;
	r->cb_delay_ms += q->cb_delay_ms;
	r->wait_answered_ms += q->wait_answered_ms;
	r->talk_ms += q->talk_ms;
	r->hold_ms += q->hold_ms;
	r->wrap_ms += q->wrap_ms;
	stats_max_wait(r, q->max_wait_ms);
	if (q->sl_target_s > 0)
		r->sl_target_s = q->sl_target_s;
}

/* The earliest interval before t that a call still open (waiting, or
 * answered and not ended) or an agent still on its call or in wrap-up
 * would add to; t if none. */
int64_t
stats_open_before(const struct stats *s, int64_t t)
{
	int64_t min = t;

	for (int i = 0; i < STATS_BUCKETS; i++)
		for (struct stats_call *c = s->calls[i]; c != NULL; c = c->next)
			if (s->q[c->row].start_ms < min)
				min = s->q[c->row].start_ms;
	for (int i = 0; i < s->nnow; i++)
		if ((s->now[i].state == ST_WRAP_UP ||
		    s->now[i].state == ST_ON_CALL) && s->now[i].last_row >= 0 &&
		    s->q[s->now[i].last_row].start_ms < min)
			min = s->q[s->now[i].last_row].start_ms;
	return min;
}

/* Forgets the queue rows of intervals before t (after stats_close: the
 * open calls and agents' last rows that pointed there are dropped too). */
void
stats_drop_before(struct stats *s, int64_t t)
{
	int	*to = xmalloc((s->nq + 1) * sizeof *to), n = 0;

	for (int i = 0; i < s->nq; i++) {
		to[i] = s->q[i].start_ms < t ? -1 : n;
		if (to[i] >= 0)
			s->q[n++] = s->q[i];
	}
	free(s->qx.slot);
	s->qx = (struct stats_index){ NULL, 0, 0 };
	s->nq = n;
	for (int i = 0; i < n; i++)
		stats_index_add(&s->qx, stats_row_hash(s->q[i].queue,
		    s->q[i].start_ms), i);
	for (int i = 0; i < STATS_BUCKETS; i++) {
		struct stats_call **pp = &s->calls[i], *c;

		while ((c = *pp) != NULL)
			if ((c->row = to[c->row]) < 0) {
				*pp = c->next;
				free(c);
			} else
				pp = &c->next;
	}
	for (int i = 0; i < s->nnow; i++)
		if (s->now[i].last_row >= 0)
			s->now[i].last_row = to[s->now[i].last_row];
	free(to);
}

/* The queue row of the agent's last handled call, or NULL. */
const struct stats_queue *
stats_agent_last(struct stats *s, const char *agent)
{
	struct stats_agent_now *n = stats_now(s, agent);

	return n->last_row >= 0 ? &s->q[n->last_row] : NULL;
}

int stats_nnow(const struct stats *s) { return s->nnow; }

/* The i-th agent the engine knows: its current state (-1: logged out or
 * unknown), since when, and the row of its last handled call (or NULL). */
const char *
stats_now_at(const struct stats *s, int i, int *state, int64_t *since_ms,
    const struct stats_queue **last)
{
	if (i < 0 || i >= s->nnow)
		return NULL;
	*state = s->now[i].state;
	*since_ms = s->now[i].since_ms;
	*last = s->now[i].last_row >= 0 ? &s->q[s->now[i].last_row] : NULL;
	return s->now[i].agent;
}

const char *
stats_state_name(int state)
{
	return state >= 0 && state < ST_NSTATES ? stats_state_names[state] : NULL;
}
