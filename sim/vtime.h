/* vtime.h: what the simulators share: a heap of events in virtual time
 * and a seeded random stream. */
#ifndef CZ_VTIME_H
#define CZ_VTIME_H

#include <stdint.h>

struct vt_ev {
	double	t;
	int	type;
	long	id;
};

struct vt_heap {
	struct vt_ev	*ev;
	long		 n, cap;
};

void		vt_push(struct vt_heap *, double t, int type, long id);
struct vt_ev	vt_pop(struct vt_heap *);	/* the earliest; n > 0 */
void		vt_free(struct vt_heap *);

/* xorshift64*: the same stream for the same seed on every machine. */
double		vt_uniform(uint64_t *rng);			/* [0, 1) */
double		vt_exp(uint64_t *rng, double mean);
double		vt_between(uint64_t *rng, double a, double b);

#endif
