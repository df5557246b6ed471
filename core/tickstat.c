/* tickstat.c: tick histograms (tickstat.h). */
#include "tickstat.h"

void
tickstat_add(struct tickstat *t, uint64_t us)
{
	uint64_t b = us / TICKSTAT_STEP_US;

	t->bucket[b < TICKSTAT_BUCKETS ? b : TICKSTAT_BUCKETS - 1]++;
	t->n++;
	if (us > t->max_us)
		t->max_us = us;
}

uint64_t
tickstat_pct(const struct tickstat *t, double p)
{
	uint64_t want = (uint64_t)(t->n * p / 100.0), seen = 0;

	for (int i = 0; i < TICKSTAT_BUCKETS; i++) {
		seen += t->bucket[i];
		if (seen > want)
			return (uint64_t)(i + 1) * TICKSTAT_STEP_US;
	}
	return t->max_us;
}

/* The nonzero steps as [[step start us, count], ...], so a reader can
 * take the difference of two readings (a window's own percentiles). */
static json_t *
tickstat_hist(const struct tickstat *t)
{
	json_t *h = json_array();

	for (int i = 0; i < TICKSTAT_BUCKETS; i++)
		if (t->bucket[i] != 0)
			json_array_append_new(h, json_pack("[I,I]",
			    (json_int_t)i * TICKSTAT_STEP_US,
			    (json_int_t)t->bucket[i]));
	return h;
}

json_t *
tickstat_json(const struct tickstat *t)
{
	return json_pack("{s:I,s:I,s:I,s:I,s:o}", "n", (json_int_t)t->n,
	    "p50_us", (json_int_t)tickstat_pct(t, 50),
	    "p99_us", (json_int_t)tickstat_pct(t, 99),
	    "max_us", (json_int_t)t->max_us, "hist", tickstat_hist(t));
}
