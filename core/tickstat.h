/* tickstat.h: how steady a span's 20 ms media clock is: the gap between
 * blocks and the work each tick took, as histograms in 50 us steps up to
 * 200 ms (anything longer counts in the last step), read as p50, p99 and
 * max for `status` and `make bench`. */
#ifndef CZ_TICKSTAT_H
#define CZ_TICKSTAT_H

#include <stdint.h>
#include <jansson.h>

#define TICKSTAT_STEP_US	50
#define TICKSTAT_BUCKETS	4000

struct tickstat {
	uint32_t	 bucket[TICKSTAT_BUCKETS];
	uint64_t	 n, max_us;
};

void	 tickstat_add(struct tickstat *, uint64_t us);
/* The value below which P percent of the samples lie, in us. */
uint64_t tickstat_pct(const struct tickstat *, double p);
/* {"n":..,"p50_us":..,"p99_us":..,"max_us":..,"hist":[[us,count],..]} */
json_t	*tickstat_json(const struct tickstat *);

#endif
