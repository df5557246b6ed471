/* dialsim.h: the outbound dialer in virtual time: agents, calls that ring,
 * are answered by people or machines, are busy or not answered, and the
 * real pacing code (core/pacing.c) deciding how many calls to place. */
#ifndef CZ_DIALSIM_H
#define CZ_DIALSIM_H

#include <stdint.h>
#include "pacing.h"

struct dialsim_opts {
	enum pacing_mode mode;
	int		 agents;
	double		 answer_rate;	/* mean share of dials a person answers */
	double		 hours;
	double		 cap;		/* abandon-rate cap, e.g. 0.03 */
	uint64_t	 seed;
	double		 wrap_s;	/* agents' mean wrap-up, s (0: 15) */
};

struct dialsim_result {
	unsigned long	dials, live, machines, busy, noanswer, failed;
	unsigned long	connected, abandoned;
	double		abandon_24h_max;	/* rolling 24 h, hourly from hour
						 * 24 on, and at the end */
	double		abandon_30d_max;	/* rolling 30 days */
	double		abandon_all;		/* over the whole run */
	double		talk_min_per_hour;	/* per agent hour */
	double		wait_min_per_hour;
	double		min_ring_s;		/* shortest no-answer given up */
	double		max_connect_s;		/* longest answer-to-agent */
};

void	dialsim_run(const struct dialsim_opts *, struct dialsim_result *);
/* `centrala sim --dialer ...` */
int	dialsim_main(int argc, char **argv);

#endif
