/* acd-world.h: a call center in memory for replaying routing: queues,
 * agents and calls as the core holds them, driven by a seeded stream of
 * events (calls arriving, agents getting ready or not, offers accepted,
 * refused or timing out, hang-ups, abandons, callback dialogs, queue
 * choices, time passing, widening steps, max-wait exits), with a routing
 * pass after each event through either the reference rescan or the
 * indexed ACD. Tests and bench only: it stands in for call.c, queue.c,
 * agent.c and the clock. */
#ifndef CZ_ACD_WORLD_H
#define CZ_ACD_WORLD_H

#include <stdint.h>

enum world_engine { WORLD_REF, WORLD_INDEX };

struct world_cfg {
	unsigned	seed;
	int		nqueues, nagents;
	int		nevents;
	int		waiting;	/* arrivals stop above this many waiting */
	int		from;		/* waiting_avg counts from this event */
};

struct world_stats {
	int	passes, offers, ring_all, widened, refused, direct, expired,
		overflowed, callbacks, held, waiting_max;
	double	waiting_avg;
};

/* Each decision (offer or exit) as one line, in order; pass_ns[i] (if not
 * NULL) = the routing pass after event i, in ns of real time, and
 * offered[i] whether it offered a call. */
void	world_run(const struct world_cfg *, enum world_engine,
	    void (*decided)(const char *line, void *), void *arg,
	    uint64_t *pass_ns, unsigned char *offered, struct world_stats *);

#endif
