/* pstn-dist.c: the simulator's randomness. Each call draws from its own
 * stream, seeded from --seed and the call's sequence number, so call N gets
 * the same caller number and hold time whatever order events arrive in.
 * Also the --hold distributions: fixed:S, uniform:A:B, exp:MEAN, never. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "pstn-dist.h"
#include "pstn-opts.h"
#include "xmalloc.h"

/* splitmix64 (Steele, Lea and Flood, 2014): every seed gives a good stream. */
static uint64_t
pstn_dist_next(struct pstn_dist_rng *r)
{
	uint64_t z = (r->s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

void
pstn_dist_rng_init(struct pstn_dist_rng *r, uint64_t seed, uint64_t stream)
{
	r->s = seed;
	r->s = pstn_dist_next(r) ^ (stream * 0xd1b54a32d192ed03ULL);
}

double
pstn_dist_unit(struct pstn_dist_rng *r)
{
	return (pstn_dist_next(r) >> 11) * 0x1.0p-53;
}

/* Splits "kind:a[:b]"; returns the number of numbers, -1 if one is bad. */
static int
pstn_dist_split(const char *v, char *kind, size_t len, double *a, double *b)
{
	char	*copy = xstrdup(v), *pa, *pb = NULL;
	int	 n = 0;

	if ((pa = strchr(copy, ':')) != NULL) {
		*pa++ = '\0';
		if ((pb = strchr(pa, ':')) != NULL)
			*pb++ = '\0';
		n = pstn_opts_number(pa, a) == 0 ? 1 : -1;
		if (n == 1 && pb != NULL)
			n = pstn_opts_number(pb, b) == 0 ? 2 : -1;
	}
	snprintf(kind, len, "%s", copy);
	free(copy);
	return n;
}

int
pstn_dist_parse(struct pstn_dist *d, const char *v)
{
	char	kind[16];
	int	n = pstn_dist_split(v, kind, sizeof kind, &d->a, &d->b);

	if (strcmp(kind, "never") == 0 && n == 0)
		d->kind = DIST_NEVER;
	else if (strcmp(kind, "fixed") == 0 && n == 1)
		d->kind = DIST_FIXED;
	else if (strcmp(kind, "uniform") == 0 && n == 2 && d->a <= d->b)
		d->kind = DIST_UNIFORM;
	else if (strcmp(kind, "exp") == 0 && n == 1 && d->a > 0)
		d->kind = DIST_EXP;
	else
		return -1;
	return 0;
}

/* Seconds, or -1 for never. */
double
pstn_dist_draw(const struct pstn_dist *d, struct pstn_dist_rng *r)
{
	switch (d->kind) {
	case DIST_FIXED:
		return d->a;
	case DIST_UNIFORM:
		return d->a + pstn_dist_unit(r) * (d->b - d->a);
	case DIST_EXP:
		return -d->a * log(1.0 - pstn_dist_unit(r));
	default:
		return -1;
	}
}
