/* test-acd-replay.c: the indexed ACD decides as the full rescan did. One
 * seeded stream of events per world (calls with priorities, skills and
 * transfers, agents getting ready or not, offers refused or timing out,
 * widening steps, max-wait exits, callback dialogs) is replayed through
 * the reference pass (acd-ref.c) and through acd-index.c; every offer
 * (call, agents, reason) and exit must be the same, in the same order. */
#include <string.h>
#include "acd-world.h"
#include "tap.h"
#include "xmalloc.h"

struct log {
	char	*s;
	size_t	 n, cap;
	int	 lines;
};

static void
log_line(const char *line, void *arg)
{
	struct log	*l = arg;
	size_t		 len = strlen(line);

	if (l->n + len + 2 > l->cap) {
		l->cap = (l->cap + len + 2) * 2;
		l->s = xrealloc(l->s, l->cap);
	}
	memcpy(l->s + l->n, line, len);
	l->n += len;
	l->s[l->n++] = '\n';
	l->s[l->n] = '\0';
	l->lines++;
}

/* The first line where the two logs part, for the failure message. */
static void
first_diff(const struct log *a, const struct log *b)
{
	size_t	i = 0, start = 0;
	int	line = 1;

	while (i < a->n && i < b->n && a->s[i] == b->s[i])
		if (a->s[i++] == '\n') {
			start = i;
			line++;
		}
	printf("# line %d differs:\n# ref:   %.200s\n# index: %.200s\n", line,
	    a->s + start, b->s + start);
}

static void
replay(struct world_cfg cfg)
{
	struct log		ref = { 0 }, idx = { 0 };
	struct world_stats	sr, si;
	int			same;

	world_run(&cfg, WORLD_REF, log_line, &ref, NULL, NULL, &sr);
	world_run(&cfg, WORLD_INDEX, log_line, &idx, NULL, NULL, &si);
	same = ref.n == idx.n && memcmp(ref.s, idx.s, ref.n) == 0;
	if (!same)
		first_diff(&ref, &idx);
	ok(same, "seed %u, %d queues, %d agents, %d events: %d decisions "
	    "identical", cfg.seed, cfg.nqueues, cfg.nagents, cfg.nevents,
	    ref.lines);
	ok(sr.offers > cfg.nevents / 10 && sr.ring_all > 0 && sr.widened > 0 &&
	    sr.direct > 0 && sr.callbacks > 0 && sr.expired > 0 &&
	    sr.overflowed > 0 && sr.held > 0,
	    "the stream covers it all: %d offers (%d ring-all, %d widened, "
	    "%d to one agent, %d callbacks), %d max-wait exits (%d overflows), "
	    "%d callback dialogs, %d refusal rounds, up to %d waiting",
	    sr.offers, sr.ring_all, sr.widened, sr.direct, sr.callbacks,
	    sr.expired, sr.overflowed, sr.held, sr.refused, sr.waiting_max);
	free(ref.s);
	free(idx.s);
}

int
main(void)
{
	replay((struct world_cfg){ .seed = 1, .nqueues = 8, .nagents = 30,
	    .nevents = 6000, .waiting = 25 });
	replay((struct world_cfg){ .seed = 7, .nqueues = 16, .nagents = 80,
	    .nevents = 8000, .waiting = 60 });
	replay((struct world_cfg){ .seed = 2026, .nqueues = 8, .nagents = 20,
	    .nevents = 6000, .waiting = 40 });
	return tap_done();
}
