/* dialsim-main.c: `centrala sim --dialer MODE`: the dialer's pacing in
 * virtual time (dialsim.c), one mode or both on the same seed with the
 * margin predictive wins by. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dialsim.h"

static void
dialsim_usage(FILE *f)
{
	fprintf(f,
"usage: centrala sim --dialer predictive|progressive|compare [options]\n"
"Simulates an outbound campaign in virtual time with the dialer's own\n"
"pacing code: calls ring, people and machines answer, lines are busy or\n"
"not answered, and the answer rate varies over the hours.\n\n"
"      --agents N          agents (default 50)\n"
"      --answer-rate P     mean share of dials a person answers (0.3)\n"
"      --hours H           simulated hours (default 200)\n"
"      --cap PCT           abandon-rate cap, percent (default 3)\n"
"      --seed N            random seed (default 1)\n"
"      --wrap S            agents' mean wrap-up after a call, s (15)\n"
"  -h, --help\n");
}

static void __attribute__((noreturn))
dialsim_bad(const char *what, const char *v, const char *want)
{
	fprintf(stderr, "centrala sim: %s \"%s\" is not valid: want %s "
	    "(see --help)\n", what, v, want);
	exit(2);
}

static double
dialsim_number(const char *what, const char *v, double lo, double hi,
    const char *want)
{
	char	*end;
	double	 d = strtod(v, &end);

	if (*v == '\0' || *end != '\0' || !(d >= lo && d <= hi))
		dialsim_bad(what, v, want);
	return d;
}

static int
dialsim_agents(const char *v)
{
	char	*end;
	long	 n = strtol(v, &end, 10);

	if (*v < '0' || *v > '9' || *end != '\0' || n < 1 || n > 10000)
		dialsim_bad("--agents", v, "a whole number of agents, 1 to 10000");
	return (int)n;
}

static uint64_t
dialsim_seed(const char *v)
{
	char			*end;
	unsigned long long	 n = strtoull(v, &end, 10);

	if (*v < '0' || *v > '9' || *end != '\0')
		dialsim_bad("--seed", v, "a whole number");
	return n;
}

static void
dialsim_print(const char *const names[], const struct dialsim_result *r,
    int n)
{
	static const char *const rows[] = { "dials", "live answers",
	    "machines", "busy", "no answer", "failed", "abandoned",
	    "abandon rate 24h max", "abandon rate 30d max",
	    "abandon rate overall", "talk min/agent hour",
	    "wait min/agent hour", "shortest no-answer ring",
	    "longest answer-to-agent" };

	printf("%-26s", "");
	for (int i = 0; i < n; i++)
		printf(" %12s", names[i]);
	printf("\n");
	for (size_t k = 0; k < sizeof rows / sizeof rows[0]; k++) {
		printf("%-26s", rows[k]);
		for (int i = 0; i < n; i++) {
			const struct dialsim_result *x = &r[i];
			const unsigned long u[] = { x->dials, x->live, x->machines,
			    x->busy, x->noanswer, x->failed, x->abandoned };
			const double f[] = { 100 * x->abandon_24h_max,
			    100 * x->abandon_30d_max, 100 * x->abandon_all,
			    x->talk_min_per_hour, x->wait_min_per_hour,
			    x->min_ring_s, x->max_connect_s };

			if (k < 7)
				printf(" %12lu", u[k]);
			else
				printf(" %11.2f%s", f[k - 7], k < 10 ? "%" :
				    k < 12 ? " " : "s");
		}
		printf("\n");
	}
}

int
dialsim_main(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "dialer", 1, NULL, 'd' }, { "agents", 1, NULL, 'n' },
		{ "answer-rate", 1, NULL, 'p' }, { "hours", 1, NULL, 'H' },
		{ "cap", 1, NULL, 'c' }, { "seed", 1, NULL, 'x' },
		{ "wrap", 1, NULL, 'w' },
		{ "help", 0, NULL, 'h' }, { NULL, 0, NULL, 0 }
	};
	static const char *const names[] = { "progressive", "predictive" };
	struct dialsim_opts	o = { .agents = 50, .answer_rate = 0.3,
	    .hours = 200, .cap = 0.03, .seed = 1 };
	struct dialsim_result	r[2];
	int			ch, compare = 0;

	while ((ch = getopt_long(argc, argv, "h", lo, NULL)) != -1) {
		switch (ch) {
		case 'd':
			if (strcmp(optarg, "compare") == 0)
				compare = 1;
			else if (pacing_mode_parse(optarg, &o.mode) != 0)
				dialsim_bad("--dialer", optarg,
				    "predictive, progressive or compare");
			break;
		case 'n': o.agents = dialsim_agents(optarg); break;
		case 'p': o.answer_rate = dialsim_number("--answer-rate", optarg,
		    0.01, 0.95, "a share from 0.01 to 0.95"); break;
		case 'H': o.hours = dialsim_number("--hours", optarg, 1, 100000,
		    "hours from 1 to 100000"); break;
		case 'c': o.cap = dialsim_number("--cap", optarg, 0.1, 50,
		    "a percentage from 0.1 to 50") / 100; break;
		case 'w': o.wrap_s = dialsim_number("--wrap", optarg, 0.1, 3600,
		    "seconds from 0.1 to 3600"); break;
		case 'x': o.seed = dialsim_seed(optarg); break;
		case 'h': dialsim_usage(stdout); return 0;
		default: dialsim_usage(stderr); return 2;
		}
	}
	if (optind != argc) {
		dialsim_usage(stderr);
		return 2;
	}
	printf("%d agents, answer rate %.2f, wrap-up %.0f s, %.0f hours, cap "
	    "%.1f%%, seed %llu\n", o.agents, o.answer_rate, o.wrap_s > 0 ?
	    o.wrap_s : 15.0, o.hours, 100 * o.cap, (unsigned long long)o.seed);
	if (!compare) {
		dialsim_run(&o, &r[0]);
		dialsim_print(&names[o.mode], r, 1);
		return 0;
	}
	o.mode = PACING_PROGRESSIVE;
	dialsim_run(&o, &r[0]);
	o.mode = PACING_PREDICTIVE;
	dialsim_run(&o, &r[1]);
	dialsim_print(names, r, 2);
	printf("margin: predictive talks %+.2f min per agent hour (%+.1f%%)\n",
	    r[1].talk_min_per_hour - r[0].talk_min_per_hour, 100 *
	    (r[1].talk_min_per_hour / r[0].talk_min_per_hour - 1));
	return 0;
}
