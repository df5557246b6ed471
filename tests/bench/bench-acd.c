/* bench-acd.c: the time of one routing decision, in process: 1,000 agents
 * in 100 queues with skills, about 500 calls waiting, a seeded stream of
 * events (acd-world.c: calls arriving, agents getting ready, offers
 * answered or refused, widening steps...), a routing pass after each. The
 * same stream runs through the reference rescan and the indexed ACD;
 * prints p50/p99 of each and the ratio, and whether the decisions were
 * identical. Figures only: no assertion on time (`make bench`). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../unit/acd-world.h"
#include "xmalloc.h"

static void
hash_line(const char *line, void *arg)
{
	uint64_t *h = arg;

	for (; *line; line++)
		*h = (*h ^ (unsigned char)*line) * 1099511628211ULL;
	*h = (*h ^ '\n') * 1099511628211ULL;
}

static int
cmp_u64(const void *x, const void *y)
{
	uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;

	return a < b ? -1 : a > b;
}

struct figures {
	double	p50, p99, max;
	int	n;
};

/* Percentiles of the passes from FROM on (only those that offered, if
 * OFFERS), in microseconds. */
static struct figures
figures(const uint64_t *t, const unsigned char *offered, int from, int n,
    int offers)
{
	uint64_t	*v = xcalloc(n + 1, sizeof *v);
	struct figures	 f = { 0 };
	int		 m = 0;

	for (int i = from; i < n; i++)
		if (!offers || offered[i])
			v[m++] = t[i];
	qsort(v, m, sizeof *v, cmp_u64);
	if (m > 0)
		f = (struct figures){ v[(int)(0.5 * (m - 1) + 0.5)] / 1000.0,
		    v[(int)(0.99 * (m - 1) + 0.5)] / 1000.0, v[m - 1] / 1000.0, m };
	free(v);
	return f;
}

int
main(int argc, char **argv)
{
	struct world_cfg	cfg = { .seed = 5, .nqueues = 100, .nagents = 1000,
				    .nevents = 12000, .waiting = 500 };
	struct world_stats	st[2];
	struct figures		all[2], dec[2];
	uint64_t		*t[2], h[2] = { 14695981039346656037ULL,
				    14695981039346656037ULL };
	unsigned char		*off[2];
	const char		*name[2] = { "reference rescan", "indexed ACD" };

	if (argc > 1)
		cfg.nevents = atoi(argv[1]);
	cfg.from = cfg.nevents / 2;	/* the line has filled by then */
	for (int e = 0; e < 2; e++) {
		t[e] = xcalloc(cfg.nevents, sizeof *t[e]);
		off[e] = xcalloc(cfg.nevents, 1);
		world_run(&cfg, e == 0 ? WORLD_REF : WORLD_INDEX, hash_line,
		    &h[e], t[e], off[e], &st[e]);
		all[e] = figures(t[e], off[e], cfg.from, cfg.nevents, 0);
		dec[e] = figures(t[e], off[e], cfg.from, cfg.nevents, 1);
	}
	printf("agents, queues      %d agents, %d queues (skills, widening, "
	    "8 strategies)\n", cfg.nagents, cfg.nqueues);
	printf("events              %d; timed: the last %d, %.0f calls waiting "
	    "on average\n", cfg.nevents, cfg.nevents - cfg.from,
	    st[1].waiting_avg);
	printf("offers              %d (%d in the timed part)\n", st[1].offers,
	    dec[1].n);
	printf("decisions identical %s\n", h[0] == h[1] &&
	    st[0].offers == st[1].offers ? "yes" : "NO");
	for (int e = 0; e < 2; e++) {
		printf("%-19s every event: p50 %.2f us, p99 %.2f us, max %.1f us\n",
		    name[e], all[e].p50, all[e].p99, all[e].max);
		printf("%-19s with an offer: p50 %.2f us, p99 %.2f us, max %.1f us\n",
		    "", dec[e].p50, dec[e].p99, dec[e].max);
	}
	printf("new/old             every event: p50 %.4f, p99 %.4f; with an "
	    "offer: p50 %.4f, p99 %.4f\n", all[1].p50 / all[0].p50,
	    all[1].p99 / all[0].p99, dec[1].p50 / dec[0].p50,
	    dec[1].p99 / dec[0].p99);
	for (int e = 0; e < 2; e++) {
		free(t[e]);
		free(off[e]);
	}
	return h[0] == h[1] ? 0 : 1;
}
