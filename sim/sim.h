/* sim.h: the call-center simulator: Poisson arrivals, exponential handle
 * times (and patience, when callers give up), in virtual time. Routing
 * decisions are made by the ACD's own strategy code (core/acd-pick.c) and
 * every figure comes from the statistics engine (lib/stats.c) fed with the
 * events the simulated calls produce, as the core's would. */
#ifndef CZ_SIM_H
#define CZ_SIM_H

#include <stdint.h>

struct sim_opts {
	int	 agents;
	double	 rate_per_s;	/* arrivals */
	double	 aht_s;		/* mean handle time */
	double	 patience_s;	/* mean patience; 0 = callers never give up */
	double	 hours;		/* simulated time */
	int	 sl_target_s;
	int	 strategy;	/* enum cfg_strategy */
	uint64_t seed;
};

struct sim_result {
	unsigned long	offered, answered, abandoned, waited;
	double		sl_pct;		/* from lib/stats.c, SL-offered */
	double		asa_s, aht_s, abandon_pct;
	double		p_wait;		/* share of callers who had to wait */
	double		occupancy_pct;
	double		sim_seconds;	/* virtual time covered */
};

void	sim_run(const struct sim_opts *, struct sim_result *);

#endif
