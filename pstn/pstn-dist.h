/* pstn-dist.h: deterministic random numbers and hold-time distributions. */
#ifndef CZ_PSTN_DIST_H
#define CZ_PSTN_DIST_H

#include <stdint.h>

enum pstn_dist_kind { DIST_FIXED, DIST_UNIFORM, DIST_EXP, DIST_NEVER };

struct pstn_dist {
	enum pstn_dist_kind	kind;
	double			a, b;	/* seconds */
};

/* One stream of random numbers, e.g. per call. */
struct pstn_dist_rng {
	uint64_t		s;
};

void	pstn_dist_rng_init(struct pstn_dist_rng *, uint64_t seed, uint64_t stream);
double	pstn_dist_unit(struct pstn_dist_rng *);		/* [0, 1) */
int	pstn_dist_parse(struct pstn_dist *, const char *);
double	pstn_dist_draw(const struct pstn_dist *, struct pstn_dist_rng *);

#endif
