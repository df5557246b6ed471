/* sim-main.c: `centrala sim`: what a queue's figures would be with N
 * agents for a call rate and handle time, by simulation in virtual time
 * (sim.c) beside the Erlang C prediction; or, with --staff-for, how many
 * agents reach a service-level goal. With --dialer, the outbound dialer
 * instead (dialsim-main.c). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "config.h"
#include "dialsim.h"
#include "erlang.h"
#include "sim.h"

static void
usage(FILE *f)
{
	fprintf(f,
"usage: centrala sim --rate CALLS/PERIOD --aht SECONDS [options]\n"
"Simulates a queue in virtual time (Poisson arrivals, exponential handle\n"
"times) with the ACD's own routing and statistics code, and prints its\n"
"figures beside Erlang C's (and Erlang A's with --patience).\n\n"
"      --rate N/P          arrivals: N calls per P (s, m, h, or 30m ...),\n"
"                          e.g. 100/30m\n"
"      --aht S             mean handle time, seconds\n"
"      --agents N          agents (default: the fewest for --staff-for)\n"
"      --staff-for P/T     service-level goal: P%% answered within T s\n"
"                          (default 80/20)\n"
"      --patience S        mean patience; callers give up (default: never)\n"
"      --hours H           simulated hours (default 8)\n"
"      --strategy NAME     routing strategy (default longest_idle)\n"
"      --seed N            random seed\n"
"      --dialer MODE       an outbound dialer's pacing instead: predictive,\n"
"                          progressive or compare (--dialer compare --help)\n"
"  -h, --help\n");
}

static void
bad(const char *what, const char *v)
{
	fprintf(stderr, "centrala sim: %s: \"%s\" is not valid (see --help)\n",
	    what, v);
	exit(2);
}

/* "100/30m" -> calls per second. */
static double
parse_rate(const char *v)
{
	char	*end;
	double	 n = strtod(v, &end), per = 1, unit = 1;

	if (n <= 0 || *end != '/')
		bad("--rate", v);
	v = end + 1;
	if (*v >= '0' && *v <= '9')
		per = strtod(v, &end);
	else
		end = (char *)v;
	if (strcmp(end, "s") == 0)
		unit = 1;
	else if (strcmp(end, "m") == 0)
		unit = 60;
	else if (strcmp(end, "h") == 0)
		unit = 3600;
	else
		bad("--rate", v);
	if (per <= 0)
		bad("--rate", v);
	return n / (per * unit);
}

static int
parse_strategy(const char *v)
{
	static const char *const names[] = { "longest_idle", "fewest_calls",
	    "least_talk", "round_robin", "linear", "random", "skill_weighted", NULL };

	for (int i = 0; names[i] != NULL; i++)
		if (strcmp(names[i], v) == 0)
			return i;
	bad("--strategy", v);
	return 0;
}

int
main(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "rate", 1, NULL, 'r' }, { "aht", 1, NULL, 'a' },
		{ "agents", 1, NULL, 'n' }, { "staff-for", 1, NULL, 'f' },
		{ "patience", 1, NULL, 'p' }, { "hours", 1, NULL, 'H' },
		{ "strategy", 1, NULL, 's' }, { "seed", 1, NULL, 'x' },
		{ "help", 0, NULL, 'h' }, { NULL, 0, NULL, 0 }
	};
	struct sim_opts		o = { .hours = 8, .sl_target_s = 20, .seed = 1 };
	struct sim_result	r;
	double			goal = 0.8, a;
	int			ch, need;

	for (int i = 1; i < argc; i++)
		if (strncmp(argv[i], "--dialer", 8) == 0)
			return dialsim_main(argc, argv);
	while ((ch = getopt_long(argc, argv, "h", lo, NULL)) != -1) {
		switch (ch) {
		case 'r': o.rate_per_s = parse_rate(optarg); break;
		case 'a': if ((o.aht_s = atof(optarg)) <= 0) bad("--aht", optarg); break;
		case 'n': if ((o.agents = atoi(optarg)) <= 0) bad("--agents", optarg); break;
		case 'f':
			if (sscanf(optarg, "%lf/%d", &goal, &o.sl_target_s) != 2 ||
			    goal <= 0 || goal >= 100 || o.sl_target_s <= 0)
				bad("--staff-for", optarg);
			goal /= 100;
			break;
		case 'p': if ((o.patience_s = atof(optarg)) <= 0) bad("--patience", optarg); break;
		case 'H': if ((o.hours = atof(optarg)) <= 0) bad("--hours", optarg); break;
		case 's': o.strategy = parse_strategy(optarg); break;
		case 'x': o.seed = strtoull(optarg, NULL, 10); break;
		case 'h': usage(stdout); return 0;
		default: usage(stderr); return 2;
		}
	}
	if (o.rate_per_s <= 0 || o.aht_s <= 0 || optind != argc) {
		usage(stderr);
		return 2;
	}
	a = o.rate_per_s * o.aht_s;
	need = erlang_agents_for(a, o.aht_s, o.sl_target_s, goal);
	printf("load %.2f erlangs; Erlang C: %d agents for %.0f%% in %d s\n", a,
	    need, goal * 100, o.sl_target_s);
	if (o.agents == 0)
		o.agents = need > 0 ? need : (int)a + 1;
	sim_run(&o, &r);
	printf("%-22s %12s %12s\n", "", "simulated", "Erlang C");
	printf("%-22s %12d %12d\n", "agents", o.agents, o.agents);
	printf("%-22s %12lu\n", "calls offered", r.offered);
	printf("%-22s %11.1f%% %11.1f%%\n", "service level", r.sl_pct,
	    100 * erlang_sl(o.agents, a, o.aht_s, o.sl_target_s));
	printf("%-22s %11.1fs %11.1fs\n", "ASA", r.asa_s,
	    erlang_asa(o.agents, a, o.aht_s));
	printf("%-22s %11.1f%% %11.1f%%\n", "probability of waiting",
	    100 * r.p_wait, 100 * erlang_c(o.agents, a));
	printf("%-22s %11.1f%% %11.1f%%\n", "occupancy", r.occupancy_pct,
	    100 * a / o.agents);
	if (o.patience_s > 0) {
		double pw, pa;

		erlang_a(o.agents, o.rate_per_s, o.aht_s, o.patience_s, &pw, &pa);
		printf("%-22s %11.1f%% %11.1f%%  (Erlang A)\n", "probability of waiting",
		    100 * r.p_wait, 100 * pw);
		printf("%-22s %11.1f%% %11.1f%%  (Erlang A)\n", "abandoned",
		    r.offered ? 100.0 * r.abandoned / r.offered : 0, 100 * pa);
	}
	return 0;
}
