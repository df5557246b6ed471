/* bench-pacing.c: dial decisions per second of the pacing code
 * (core/pacing.c) for a campaign of 200 agents, most of them busy, in
 * both modes; each decision reads every busy agent and both abandon
 * windows, as the core's dialer would when an agent goes free. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "pacing.h"

#define AGENTS	200

static double
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
bench(enum pacing_mode mode, long n)
{
	static struct pacing_abandons	ab;
	struct pacing_agent		busy[AGENTS];
	struct pacing_answer		a = { 0, 0 };
	struct pacing_state		s = { .mode = mode, .busy = busy,
	    .talk_s = 150, .wrap_s = 15, .answer_s = 10, .answer = &a,
	    .cap = 0.03, .lines = -1 };
	double				t0, dt;
	long				calls = 0;

	pacing_abandons_init(&ab);
	for (int i = 0; i < 3000; i++) {
		pacing_answer_add(&a, i % 10 < 3);
		pacing_abandons_add(&ab, i * 10, i % 50 == 0);
	}
	t0 = now_s();
	for (long k = 0; k < n; k++) {
		int64_t t = 30000 + k / 100;

		s.free = (int)(k % 7);
		s.nbusy = AGENTS - s.free;
		for (int i = 0; i < s.nbusy; i++)
			busy[i] = (struct pacing_agent){ i % 5 ? PACING_TALK :
			    PACING_WRAP, (double)((i * 37 + k) % 200) };
		s.ringing = (int)(k % 11);
		s.rate_24h = pacing_window_rate(&ab.day, t);
		s.rate_30d = pacing_window_rate(&ab.month, t);
		s.live_24h = pacing_window_live(&ab.day, t);
		s.live_30d = pacing_window_live(&ab.month, t);
		calls += pacing_decide(&s, NULL);
	}
	dt = now_s() - t0;
	printf("%-12s %ld decisions, %ld calls, %.3f s: %.0f decisions/s, "
	    "%.2f us each\n", pacing_mode_name(mode), n, calls, dt, n / dt,
	    1e6 * dt / n);
}

int
main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 200000;

	printf("pacing decisions, %d agents\n", AGENTS);
	bench(PACING_PROGRESSIVE, n);
	bench(PACING_PREDICTIVE, n);
	return 0;
}
