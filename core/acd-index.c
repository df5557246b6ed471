/* acd-index.c: the ACD's indexes (see acd-index.h). Each queue keeps its
 * waiting calls in the order they are served (priority, then arrival) and
 * a bit per agent who is ready and configured for it; a deadline heap
 * holds each waiting call's next widening step or max wait. What changed
 * since the last pass is kept: agents who got free, calls that arrived or
 * came back. The pass looks only at those: a changed call against the
 * ready agents of its queue; a freed agent against the waiting calls of
 * its queues, in serving order, until it is offered one. Everything else
 * is known to have no match already, so the decisions are those of a full
 * rescan (tests/unit/test-acd-replay.c proves it on a recorded stream). */
#include <stdlib.h>
#include <string.h>
#include "acd-index.h"
#include "agent.h"
#include "call.h"
#include "clock.h"
#include "queue.h"
#include "xmalloc.h"

struct acd_wait {			/* one waiting call */
	struct call	*call;
	int		 prio;		/* its key in its queue, as indexed */
	uint64_t	 enter;
	uint64_t	 due;		/* in the heap at, 0 = not */
	int		 heap;		/* index in the heap, -1 = none */
	int		 dirty, held;	/* changed; skipped while in a dialog */
	struct agent	*only;		/* only_agent as last seen (direct) */
};

struct acd_qix {			/* one queue's */
	struct acd_wait	**w;		/* by priority, then arrival */
	int		  nw, cap;
	uint64_t	 *ready;	/* bit per agent slot: ready, configured */
	int		  touched;
};

struct acd_aix {			/* one agent's */
	struct agent	*a;
	int		*q, nq;		/* its configured queues' slots */
	int		 dirty;
};

struct acd_vec {
	void	**v;
	int	  n, cap;
};

static struct acd_qix	*qix;
static int		 nqix;
static struct acd_aix	*aix;
static int		 naix, nwords;
static uint64_t		*dmask;		/* agents freed since the last pass */
static struct acd_cand	*cand;
static struct agent	**who;
static struct acd_vec	 pending, dirty, held, direct, dagents, heap, scratch;
static int		 stale = 1;

static void
vec_push(struct acd_vec *v, void *p)
{
	if (v->n == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 64;
		v->v = xrealloc(v->v, v->cap * sizeof *v->v);
	}
	v->v[v->n++] = p;
}

/* Removes P (order not kept); 1 if it was there. */
static int
vec_drop(struct acd_vec *v, void *p)
{
	for (int i = v->n - 1; i >= 0; i--)
		if (v->v[i] == p) {
			v->v[i] = v->v[--v->n];
			return 1;
		}
	return 0;
}

static void
acd_qix_grow(int slot)
{
	if (slot < nqix)
		return;
	qix = xrealloc(qix, (slot + 1) * sizeof *qix);
	memset(qix + nqix, 0, (slot + 1 - nqix) * sizeof *qix);
	for (int i = nqix; i <= slot; i++)
		qix[i].ready = xcalloc(nwords + 1, sizeof *qix[i].ready);
	nqix = slot + 1;
}

/* --- the deadline heap: earliest due first --- */

static int
heap_less(int i, int j)
{
	return ((struct acd_wait *)heap.v[i])->due <
	    ((struct acd_wait *)heap.v[j])->due;
}

static void
heap_swap(int i, int j)
{
	void *t = heap.v[i];

	heap.v[i] = heap.v[j];
	heap.v[j] = t;
	((struct acd_wait *)heap.v[i])->heap = i;
	((struct acd_wait *)heap.v[j])->heap = j;
}

static void
heap_fix(int i)
{
	int c;

	while (i > 0 && heap_less(i, (i - 1) / 2)) {
		heap_swap(i, (i - 1) / 2);
		i = (i - 1) / 2;
	}
	while ((c = 2 * i + 1) < heap.n) {
		if (c + 1 < heap.n && heap_less(c + 1, c))
			c++;
		if (!heap_less(c, i))
			break;
		heap_swap(i, c);
		i = c;
	}
}

/* Puts W in the heap at DUE, or takes it out (0). */
static void
heap_set(struct acd_wait *w, uint64_t due)
{
	int i = w->heap;

	w->due = due;
	if (i < 0 && due == 0)
		return;
	if (i < 0) {
		vec_push(&heap, w);
		w->heap = heap.n - 1;
		heap_fix(w->heap);
		return;
	}
	if (due == 0) {
		heap_swap(i, heap.n - 1);
		heap.n--;
		w->heap = -1;
		if (i < heap.n)
			heap_fix(i);
		return;
	}
	heap_fix(i);
}

/* --- waiting calls --- */

static void
acd_mark(struct acd_wait *w)
{
	if (!w->dirty) {
		w->dirty = 1;
		vec_push(&dirty, w);
	}
}

/* -1 if a call keyed (prio, enter) is served before W. */
static int
acd_key_cmp(int prio, uint64_t enter, const struct acd_wait *w)
{
	if (prio != w->prio)
		return prio > w->prio ? -1 : 1;
	return enter < w->enter ? -1 : enter > w->enter;
}

/* The first place in X whose key is after (prio, enter). */
static int
acd_upper(const struct acd_qix *x, int prio, uint64_t enter)
{
	int lo = 0, hi = x->nw;

	while (lo < hi) {
		int mid = (lo + hi) / 2;

		if (acd_key_cmp(prio, enter, x->w[mid]) < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

static int
acd_place(const struct acd_qix *x, const struct call *call)
{
	int i = acd_upper(x, call->priority, call->queue_enter_mono);

	for (int j = i - 1; j >= 0 && acd_key_cmp(call->priority,
	    call->queue_enter_mono, x->w[j]) == 0; j--)
		if (x->w[j]->call == call)
			return j;
	for (int j = 0; j < x->nw; j++)		/* its key changed after all */
		if (x->w[j]->call == call)
			return j;
	return -1;
}

static struct acd_wait *
acd_find(const struct call *call)
{
	struct acd_qix	*x;
	int		 i;

	if (call->queue == NULL || call->queue->slot >= nqix)
		return NULL;
	x = &qix[call->queue->slot];
	i = acd_place(x, call);
	return i >= 0 ? x->w[i] : NULL;
}

static void
acd_insert(struct call *call)
{
	struct acd_qix	*x;
	struct acd_wait	*w = xcalloc(1, sizeof *w);
	int		 i;

	acd_qix_grow(call->queue->slot);
	x = &qix[call->queue->slot];
	*w = (struct acd_wait){ .call = call, .prio = call->priority,
	    .enter = call->queue_enter_mono, .heap = -1,
	    .only = call->only_agent };
	if (x->nw == x->cap) {
		x->cap = x->cap ? x->cap * 2 : 16;
		x->w = xrealloc(x->w, x->cap * sizeof *x->w);
	}
	i = acd_upper(x, w->prio, w->enter);
	memmove(x->w + i + 1, x->w + i, (x->nw - i) * sizeof *x->w);
	x->w[i] = w;
	x->nw++;
	acd_mark(w);
	if (w->only != NULL)
		vec_push(&direct, w);
}

/* Calls that joined a queue since the last pass: their keys are final now
 * (a callback sets its place after joining). */
static void
acd_take_pending(void)
{
	for (int i = 0; i < pending.n; i++)
		acd_insert(pending.v[i]);
	pending.n = 0;
}

void
acd_index_enter(struct call *call)
{
	vec_push(&pending, call);
}

void
acd_index_leave(struct call *call)
{
	struct acd_qix	*x;
	struct acd_wait	*w;
	int		 i;

	if (vec_drop(&pending, call) || call->queue == NULL ||
	    call->queue->slot >= nqix)
		return;
	x = &qix[call->queue->slot];
	if ((i = acd_place(x, call)) < 0)
		return;
	w = x->w[i];
	memmove(x->w + i, x->w + i + 1, (x->nw - i - 1) * sizeof *x->w);
	x->nw--;
	heap_set(w, 0);
	if (w->dirty)
		vec_drop(&dirty, w);
	if (w->held)
		vec_drop(&held, w);
	if (w->only != NULL)
		vec_drop(&direct, w);
	free(w);
}

void
acd_index_requeued(struct call *call)
{
	struct acd_wait *w = acd_find(call);

	if (w != NULL)
		acd_mark(w);
}

/* --- agents --- */

static int
acd_free(const struct agent *a)
{
	return a->state == AGENT_READY && a->call == NULL;
}

void
acd_index_agent(struct agent *a)
{
	struct acd_aix	*ai;
	uint64_t	 bit = 1ULL << (a->slot % 64);
	int		 k = a->slot / 64;

	if (stale || a->slot >= naix || aix[a->slot].a != a)
		return;
	ai = &aix[a->slot];
	for (int i = 0; i < ai->nq; i++)
		if (a->state == AGENT_READY)
			qix[ai->q[i]].ready[k] |= bit;
		else
			qix[ai->q[i]].ready[k] &= ~bit;
	if (!acd_free(a)) {
		dmask[k] &= ~bit;
		return;
	}
	dmask[k] |= bit;
	if (!ai->dirty) {
		ai->dirty = 1;
		vec_push(&dagents, ai);
	}
}

static void
acd_aix_resolve(struct acd_aix *ai, struct agent *a)
{
	const struct cfg_agent *ca = a->cfg;

	ai->a = a;
	ai->nq = 0;
	ai->q = xcalloc(ca != NULL && ca->nqueues > 0 ? ca->nqueues : 1,
	    sizeof *ai->q);
	for (int i = 0; ca != NULL && i < ca->nqueues && i < 64; i++) {
		struct queue *q = queue_find(ca->queues[i]);

		if (q != NULL) {
			acd_qix_grow(q->slot);
			ai->q[ai->nq++] = q->slot;
		}
	}
}

static void
acd_aix_free(void)
{
	for (int i = 0; i < naix; i++)
		free(aix[i].q);
	free(aix);
	aix = NULL;
	naix = 0;
	dagents.n = 0;
}

/* After a reload (or at start): agents and queues anew, and one pass over
 * everything, as if every agent had just got free and every call arrived. */
static void
acd_rebuild(void)
{
	int n = 0;

	acd_aix_free();
	for (struct agent *a = agents; a != NULL; a = a->next)
		n = a->slot + 1 > n ? a->slot + 1 : n;
	naix = n;
	nwords = (n + 63) / 64;
	aix = xcalloc(n + 1, sizeof *aix);
	for (struct queue *q = queues; q != NULL; q = q->next)
		acd_qix_grow(q->slot);
	for (int i = 0; i < nqix; i++) {
		free(qix[i].ready);
		qix[i].ready = xcalloc(nwords + 1, sizeof *qix[i].ready);
		for (int j = 0; j < qix[i].nw; j++)
			acd_mark(qix[i].w[j]);
	}
	free(dmask);
	dmask = xcalloc(nwords + 1, sizeof *dmask);
	free(cand);
	free(who);
	cand = xcalloc(n + 1, sizeof *cand);
	who = xcalloc(n + 1, sizeof *who);
	for (struct agent *a = agents; a != NULL; a = a->next)
		acd_aix_resolve(&aix[a->slot], a);
	stale = 0;
	for (struct agent *a = agents; a != NULL; a = a->next)
		acd_index_agent(a);
}

void
acd_index_stale(void)
{
	stale = 1;
}

/* --- the pass --- */

/* Deadlines due, dialogs over, transfers' targets changed: those calls
 * need a decision again. */
static void
acd_take_due(void)
{
	uint64_t now = clock_mono_us();

	while (heap.n > 0 && ((struct acd_wait *)heap.v[0])->due <= now) {
		struct acd_wait *w = heap.v[0];

		heap_set(w, 0);
		acd_mark(w);
	}
	for (int i = held.n - 1; i >= 0; i--) {
		struct acd_wait *w = held.v[i];

		if (w->call->cbo == NULL) {
			w->held = 0;
			held.v[i] = held.v[--held.n];
			acd_mark(w);
		}
	}
	for (int i = direct.n - 1; i >= 0; i--) {
		struct acd_wait *w = direct.v[i];

		if (w->call->only_agent == w->only)
			continue;
		w->only = w->call->only_agent;
		acd_mark(w);
		if (w->only == NULL)
			direct.v[i] = direct.v[--direct.n];
	}
}

/* The order the core created the calls in (the order of its list). */
static int
acd_created_before(const void *x, const void *y)
{
	const struct call *a = *(struct call *const *)x;
	const struct call *b = *(struct call *const *)y;

	if (a->start_ms != b->start_ms)
		return a->start_ms < b->start_ms ? -1 : 1;
	return strcmp(a->id, b->id);
}

/* The changed calls past their queue's max wait leave by its rule, in
 * the order a rescan of all calls would meet them. */
static void
acd_expire_changed(const struct acd_ops *ops)
{
	scratch.n = 0;
	for (int i = 0; i < dirty.n; i++) {
		struct acd_wait *w = dirty.v[i];

		if (acd_routable(w->call))
			vec_push(&scratch, w->call);
	}
	qsort(scratch.v, scratch.n, sizeof *scratch.v, acd_created_before);
	ops->expire((struct call **)scratch.v, scratch.n);
}

static int
acd_queue_candidates(const struct call *call, int lower_by, int honor)
{
	const uint64_t	*r = qix[call->queue->slot].ready;
	int		 n = 0;

	for (int k = 0; k < nwords; k++)
		for (uint64_t b = r[k]; b != 0; b &= b - 1) {
			struct agent *a = aix[k * 64 + __builtin_ctzll(b)].a;

			if (acd_eligible(call, a, lower_by, honor, &cand[n]))
				who[n++] = a;
		}
	return n;
}

/* The one decision for a waiting call: as the reference rescan would. */
static void
acd_decide(struct acd_wait *w, const struct acd_ops *ops)
{
	struct call	*call = w->call;
	int		 lower_by, n;

	if (call->state != CALL_QUEUED || call->queue == NULL)
		return;
	if (call->cbo != NULL) {	/* choosing a callback: asked later */
		if (!w->held) {
			w->held = 1;
			vec_push(&held, w);
		}
		return;
	}
	lower_by = widen_lower_by(&call->queue->widen, acd_waited_s(call));
	if (call->only_agent != NULL)
		n = acd_only_candidate(call, cand, who);
	else if ((n = acd_queue_candidates(call, lower_by, 1)) == 0 &&
	    call->nrejected > 0)
		n = acd_queue_candidates(call, lower_by, 0);
	if (n > 0)
		acd_route_offer(call, lower_by, cand, who, n, ops);
}

static int
acd_wait_before(const void *x, const void *y)
{
	const struct acd_wait *a = *(struct acd_wait *const *)x;
	const struct acd_wait *b = *(struct acd_wait *const *)y;

	return acd_before(&a->call, &b->call);
}

/* A queue still worth walking: a freed agent of it is still free. */
static int
acd_live(int slot)
{
	for (int k = 0; k < nwords; k++)
		if (qix[slot].ready[k] & dmask[k])
			return 1;
	return 0;
}

/* Queues of the agents freed since the last pass (and transfers waiting
 * for one of them). Returns how many agents it took. */
static int
acd_touch(struct acd_vec *tq)
{
	int n = dagents.n;

	for (int i = 0; i < n; i++) {
		struct acd_aix *ai = dagents.v[i];

		ai->dirty = 0;
		if (!acd_free(ai->a))
			continue;
		for (int j = 0; j < ai->nq; j++)
			if (!qix[ai->q[j]].touched) {
				qix[ai->q[j]].touched = 1;
				vec_push(tq, &qix[ai->q[j]]);
			}
		for (int j = 0; j < direct.n; j++)
			if (((struct acd_wait *)direct.v[j])->only == ai->a)
				acd_mark(direct.v[j]);
	}
	return n;
}

/* The next call in serving order among the changed ones (S) and the
 * queues of freed agents (tq, each at its cursor). */
static struct acd_wait *
acd_next(struct acd_wait **s, int ns, int *is, struct acd_vec *tq, int *cur)
{
	struct acd_wait	*best = *is < ns ? s[*is] : NULL;
	int		 from = -1;

	for (int t = 0; t < tq->n; t++) {
		struct acd_qix	*x = tq->v[t];
		struct acd_wait	*w;

		if (cur[t] >= x->nw || !acd_live(x - qix))
			continue;
		w = x->w[cur[t]];
		if (best == NULL || acd_before(&w->call, &best->call) < 0) {
			best = w;
			from = t;
		}
	}
	if (from >= 0)
		cur[from]++;
	else if (best != NULL)
		(*is)++;
	return best;
}

static int
acd_walk(const struct acd_ops *ops)
{
	static struct acd_vec	 tq, s;
	static int		*cur;
	static int		 ncur;
	struct acd_wait		*w;
	int			 nd, looked = 0, is = 0;

	tq.n = 0;
	nd = acd_touch(&tq);
	s.n = 0;
	for (int i = 0; i < dirty.n; i++)
		vec_push(&s, dirty.v[i]);
	qsort(s.v, s.n, sizeof *s.v, acd_wait_before);
	if (tq.n > ncur) {
		ncur = tq.n;
		cur = xrealloc(cur, ncur * sizeof *cur);
	}
	memset(cur, 0, tq.n * sizeof *cur);
	while ((w = acd_next((struct acd_wait **)s.v, s.n, &is, &tq, cur)) != NULL) {
		acd_decide(w, ops);
		looked++;
	}
	for (int t = 0; t < tq.n; t++)
		((struct acd_qix *)tq.v[t])->touched = 0;
	memmove(dagents.v, dagents.v + nd, (dagents.n - nd) * sizeof *dagents.v);
	dagents.n -= nd;
	for (int k = 0; k < nwords; k++)
		dmask[k] = 0;
	for (int i = 0; i < dagents.n; i++)	/* freed during the pass */
		dmask[((struct acd_aix *)dagents.v[i])->a->slot / 64] |=
		    1ULL << (((struct acd_aix *)dagents.v[i])->a->slot % 64);
	return looked;
}

/* The changed calls are decided: each waiting one's next deadline. */
static void
acd_settle(void)
{
	for (int i = 0; i < dirty.n; i++) {
		struct acd_wait	*w = dirty.v[i];
		struct call	*call = w->call;

		w->dirty = 0;
		if (acd_routable(call))
			heap_set(w, acd_deadline(call));
		else
			heap_set(w, 0);
		if (call->state == CALL_QUEUED && call->cbo != NULL && !w->held) {
			w->held = 1;
			vec_push(&held, w);
		}
	}
	dirty.n = 0;
}

int
acd_index_pass(const struct acd_ops *ops)
{
	int looked;

	if (stale)
		acd_rebuild();
	acd_take_pending();
	acd_take_due();
	acd_expire_changed(ops);
	acd_take_pending();		/* overflowed to another queue */
	looked = acd_walk(ops);
	acd_settle();
	return looked;
}

uint64_t
acd_index_next_due(void)
{
	return heap.n > 0 ? ((struct acd_wait *)heap.v[0])->due : 0;
}

void
acd_index_free(void)
{
	for (int i = 0; i < nqix; i++) {
		for (int j = 0; j < qix[i].nw; j++)
			free(qix[i].w[j]);
		free(qix[i].w);
		free(qix[i].ready);
	}
	free(qix);
	qix = NULL;
	nqix = 0;
	acd_aix_free();
	free(dmask);
	dmask = NULL;
	pending.n = dirty.n = held.n = direct.n = heap.n = 0;
	stale = 1;
}
