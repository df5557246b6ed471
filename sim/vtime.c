/* vtime.c: the simulators' event heap (earliest first) and random
 * numbers; nothing here reads a clock. */
#include <math.h>
#include <stdlib.h>
#include "vtime.h"
#include "xmalloc.h"

void
vt_push(struct vt_heap *h, double t, int type, long id)
{
	long i = h->n++;

	if (h->n > h->cap) {
		h->cap = h->cap ? h->cap * 2 : 1024;
		h->ev = xrealloc(h->ev, h->cap * sizeof *h->ev);
	}
	while (i > 0 && h->ev[(i - 1) / 2].t > t) {
		h->ev[i] = h->ev[(i - 1) / 2];
		i = (i - 1) / 2;
	}
	h->ev[i] = (struct vt_ev){ t, type, id };
}

struct vt_ev
vt_pop(struct vt_heap *h)
{
	struct vt_ev	top = h->ev[0], last = h->ev[--h->n];
	long		i = 0, c;

	while ((c = 2 * i + 1) < h->n) {
		if (c + 1 < h->n && h->ev[c + 1].t < h->ev[c].t)
			c++;
		if (h->ev[c].t >= last.t)
			break;
		h->ev[i] = h->ev[c];
		i = c;
	}
	h->ev[i] = last;
	return top;
}

void
vt_free(struct vt_heap *h)
{
	free(h->ev);
	h->ev = NULL;
	h->n = h->cap = 0;
}

double
vt_uniform(uint64_t *rng)
{
	uint64_t x = *rng;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	*rng = x;
	return ((x * 0x2545F4914F6CDD1DULL) >> 11) * (1.0 / 9007199254740992.0);
}

double
vt_exp(uint64_t *rng, double mean)
{
	return -mean * log1p(-vt_uniform(rng));
}

double
vt_between(uint64_t *rng, double a, double b)
{
	return a + (b - a) * vt_uniform(rng);
}
