/* pstn-main.c: `centrala pstn`, the telco simulator: options, the run
 * (connect, wait for layer 2, place and answer calls, cut the cable if
 * asked), when to stop, and the summary line. */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "clock.h"
#include "log.h"
#include "pstn.h"
#include "xmalloc.h"

struct pstn_opts	 opts;
struct pstn_stats	 stats;
struct event_base	*base;
struct pstn_span	*spans;
int			 nspans;

static struct event	*gen_timer, *stop_timer;
static int		 stopping, failed, ever_up;

static void
usage(FILE *f)
{
	fprintf(f,
"usage: centrala pstn [options]\n"
"The network side of virtual E1 spans: places calls to the core and answers\n"
"its calls; prints a line per call and a summary; stops by itself.\n\n"
"  -s, --state-dir DIR      the core's state directory (sockets in DIR/run)\n"
"  -r, --run-dir DIR        the core's run directory\n"
"      --span NAME          a span to serve (repeatable; default e1a)\n"
"  -n, --calls N            inbound calls to place (default 0)\n"
"      --rate R             calls per second (default 10; 0 = all at once)\n"
"      --concurrent N       calls in progress at most (default 30 per span)\n"
"      --cli PATTERN        caller number: # = sequence digit, ? = random\n"
"                           (default 600100###)\n"
"      --dnis LIST          called numbers, comma-separated, in turn (2000)\n"
"      --hold DIST          after CONNECT the caller stays: fixed:S,\n"
"                           uniform:A:B, exp:MEAN or never (fixed:10)\n"
"      --dtmf DIGITS        send DIGITS in-band after CONNECT\n"
"      --dtmf-delay S       ... this long after CONNECT (default 1)\n"
"      --answer P:ACTION[:ARG]  the core's calls to prefix P: answer:DELAY,\n"
"                           busy, noanswer, unallocated, congestion\n"
"                           (repeatable; default :answer:1)\n"
"      --seed N             random seed (default 1)\n"
"      --cut-after S        pull the cable S s after layer 2 first came up\n"
"      --reconnect-after S  ... and plug it back S s later\n"
"      --restart-after S    S s after layer 2 came up, send RESTART for the\n"
"                           channel of the oldest connected call\n"
"      --duration S         stop after S s (clearing our calls first)\n"
"      --connect-timeout S  wait this long for the core (default 10)\n"
"      --log FILE           also write the call lines to FILE\n"
"  -q, --quiet              print only the summary\n"
"  -v, --verbose            log libpri and span events to stderr\n"
"  -h, --help\n");
}

static void
bad(const char *what, const char *v)
{
	fprintf(stderr, "centrala pstn: %s: \"%s\" is not valid (see --help)\n",
	    what, v);
	exit(2);
}

static double
num(const char *what, const char *v, double min)
{
	char	*end;
	double	 d = strtod(v, &end);

	if (*v == '\0' || *end != '\0' || d < min)
		bad(what, v);
	return d;
}

static void
parse_hold(const char *v)
{
	char *copy = xstrdup(v), *a = strchr(copy, ':'), *b;

	if (strcmp(v, "never") == 0)
		opts.hold = HOLD_NEVER;
	else if (a == NULL)
		bad("--hold", v);
	else {
		*a++ = '\0';
		b = strchr(a, ':');
		if (b != NULL)
			*b++ = '\0';
		if (strcmp(copy, "fixed") == 0 && b == NULL)
			opts.hold = HOLD_FIXED;
		else if (strcmp(copy, "exp") == 0 && b == NULL)
			opts.hold = HOLD_EXP;
		else if (strcmp(copy, "uniform") == 0 && b != NULL) {
			opts.hold = HOLD_UNIFORM;
			opts.hold_b = num("--hold", b, 0);
		} else
			bad("--hold", v);
		opts.hold_a = num("--hold", a, 0);
	}
	free(copy);
}

static void
parse_rule(const char *v)
{
	static const char *const actions[] = { "answer", "busy", "noanswer",
	    "unallocated", "congestion", NULL };
	char			*copy = xstrdup(v), *act = strchr(copy, ':'), *arg;
	struct pstn_rule	*r;
	int			 ok = 0;

	if (act == NULL)
		bad("--answer", v);
	*act++ = '\0';
	if ((arg = strchr(act, ':')) != NULL)
		*arg++ = '\0';
	for (int i = 0; actions[i] != NULL; i++)
		ok |= strcmp(actions[i], act) == 0;
	if (!ok || strspn(copy, "0123456789") != strlen(copy))
		bad("--answer", v);
	opts.rules = xrealloc(opts.rules, (opts.nrules + 1) * sizeof *opts.rules);
	r = &opts.rules[opts.nrules++];
	r->prefix = copy;
	r->action = xstrdup(act);
	r->arg = arg != NULL ? num("--answer", arg, 0) : 1;
}

static void
parse_list(const char *v, char ***list, int *n)
{
	char *copy = xstrdup(v), *tok, *save;

	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		if (strspn(tok, "0123456789") != strlen(tok))
			bad("--dnis", v);
		*list = xrealloc(*list, (*n + 1) * sizeof **list);
		(*list)[(*n)++] = xstrdup(tok);
	}
	free(copy);
	if (*n == 0)
		bad("--dnis", v);
}

static void
parse_args(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "state-dir", 1, NULL, 's' }, { "run-dir", 1, NULL, 'r' },
		{ "span", 1, NULL, 'S' }, { "calls", 1, NULL, 'n' },
		{ "rate", 1, NULL, 'R' }, { "concurrent", 1, NULL, 'C' },
		{ "cli", 1, NULL, 'c' }, { "dnis", 1, NULL, 'd' },
		{ "hold", 1, NULL, 'H' }, { "dtmf", 1, NULL, 'D' },
		{ "dtmf-delay", 1, NULL, 'E' }, { "answer", 1, NULL, 'a' },
		{ "seed", 1, NULL, 'x' }, { "cut-after", 1, NULL, 'k' },
		{ "reconnect-after", 1, NULL, 'K' }, { "duration", 1, NULL, 'T' },
		{ "restart-after", 1, NULL, 'X' },
		{ "connect-timeout", 1, NULL, 'w' }, { "log", 1, NULL, 'l' },
		{ "quiet", 0, NULL, 'q' }, { "verbose", 0, NULL, 'v' },
		{ "help", 0, NULL, 'h' }, { NULL, 0, NULL, 0 }
	};
	int ch;

	while ((ch = getopt_long(argc, argv, "s:r:n:qvh", lo, NULL)) != -1) {
		switch (ch) {
		case 's': opts.run_dir = xprintf("%s/run", optarg); break;
		case 'r': opts.run_dir = xstrdup(optarg); break;
		case 'S':
			opts.spans = xrealloc(opts.spans, (opts.nspans + 1) *
			    sizeof *opts.spans);
			opts.spans[opts.nspans++] = xstrdup(optarg);
			break;
		case 'n': opts.calls = (int)num("--calls", optarg, 0); break;
		case 'R': opts.rate = num("--rate", optarg, 0); break;
		case 'C': opts.concurrent = (int)num("--concurrent", optarg, 1); break;
		case 'c': opts.cli = optarg; break;
		case 'd': parse_list(optarg, &opts.dnis, &opts.ndnis); break;
		case 'H': parse_hold(optarg); break;
		case 'D':
			if (strspn(optarg, "0123456789*#ABCD") != strlen(optarg))
				bad("--dtmf", optarg);
			opts.dtmf = optarg;
			break;
		case 'E': opts.dtmf_delay = num("--dtmf-delay", optarg, 0); break;
		case 'a': parse_rule(optarg); break;
		case 'x': opts.seed = (unsigned)num("--seed", optarg, 0); break;
		case 'k': opts.cut_after = num("--cut-after", optarg, 0.001); break;
		case 'K': opts.reconnect_after = num("--reconnect-after", optarg, 0.001); break;
		case 'T': opts.duration = num("--duration", optarg, 0.001); break;
		case 'X': opts.restart_after = num("--restart-after", optarg, 0.001); break;
		case 'w': opts.connect_timeout = (int)num("--connect-timeout", optarg, 1); break;
		case 'l':
			if ((opts.log = fopen(optarg, "a")) == NULL)
				bad("--log", optarg);
			setvbuf(opts.log, NULL, _IOLBF, 0);
			break;
		case 'q': opts.quiet = 1; break;
		case 'v': log_set_level(LOG_LEVEL_DEBUG); break;
		case 'h': usage(stdout); exit(0);
		default: usage(stderr); exit(2);
		}
	}
	if (optind != argc)
		bad("argument", argv[optind]);
}

static void
set_defaults(void)
{
	if (opts.run_dir == NULL)
		opts.run_dir = xstrdup("state/run");
	if (opts.nspans == 0) {
		opts.spans = xcalloc(1, sizeof *opts.spans);
		opts.spans[opts.nspans++] = xstrdup("e1a");
	}
	if (opts.concurrent == 0)
		opts.concurrent = 30 * opts.nspans;
	if (opts.cli == NULL)
		opts.cli = "600100###";
	if (opts.ndnis == 0)
		parse_list("2000", &opts.dnis, &opts.ndnis);
	if (opts.hold == HOLD_FIXED && opts.hold_a == 0)
		opts.hold_a = 10;
	if (opts.nrules == 0)
		parse_rule(":answer:1");
	if (opts.connect_timeout == 0)
		opts.connect_timeout = 10;
	if (opts.dtmf != NULL && opts.dtmf_delay == 0)
		opts.dtmf_delay = 1;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double
percentile(double p)
{
	int i;

	if (stats.nconnect == 0)
		return -1;
	qsort(stats.connect_ms, stats.nconnect, sizeof *stats.connect_ms, cmp_double);
	i = (int)(p * (stats.nconnect - 1) + 0.5);
	return stats.connect_ms[i];
}

static void
print_summary(void)
{
	printf("summary placed=%d received=%d answered=%d busy=%d unallocated=%d "
	    "rejected=%d link=%d other=%d cleared_by_core=%d cleared_by_pstn=%d "
	    "connect_ms_p50=%.2f connect_ms_p99=%.2f blocks_tx=%llu blocks_rx=%llu "
	    "blocks_bad=%llu blocks_dropped=%llu\n", stats.placed,
	    stats.received, stats.answered, stats.busy, stats.unallocated,
	    stats.rejected, stats.link, stats.other, stats.by_core,
	    stats.by_pstn, percentile(0.5), percentile(0.99),
	    (unsigned long long)stats.blocks_tx, (unsigned long long)stats.blocks_rx,
	    (unsigned long long)stats.blocks_bad,
	    (unsigned long long)stats.blocks_dropped);
	fflush(stdout);
}

static void
finish(void)
{
	event_base_loopexit(base, NULL);
}

/* Done when every call asked for was placed and has ended. */
void
pstn_check_done(void)
{
	int busy = 0;

	for (int i = 0; i < nspans; i++)
		for (int ch = 1; ch < PSTN_TS; ch++)
			busy += spans[i].chan[ch] != NULL;
	if (stopping && busy == 0)
		finish();
	else if (opts.calls > 0 && opts.duration == 0 &&
	    stats.placed + stats.other >= opts.calls && busy == 0)
		finish();
}

static void
gen_cb(evutil_socket_t fd, short what, void *arg)
{
	struct timeval tv = { 0, 20000 };

	if (!stopping && pcall_place())
		evtimer_add(gen_timer, &tv);
}

static void
stop_now(const char *why)
{
	struct timeval tv = { 2, 0 };

	if (stopping)
		return;
	stopping = 1;
	log_info("stopping: %s", why);
	for (int i = 0; i < nspans; i++)
		for (int ch = 1; ch < PSTN_TS; ch++)
			if (spans[i].chan[ch] != NULL && !spans[i].chan[ch]->ended)
				pcall_hangup(spans[i].chan[ch], 16);
	evtimer_add(stop_timer, &tv);	/* releases get 2 s */
	pstn_check_done();
}

static void
stop_timer_cb(evutil_socket_t fd, short what, void *arg)
{
	if (!stopping)
		stop_now("--duration reached");
	else
		finish();
}

static void
signal_cb(evutil_socket_t sig, short what, void *arg)
{
	stop_now("signal");
}

static void
after(double s, event_callback_fn fn)
{
	struct timeval tv = { (long)s, (long)((s - (long)s) * 1e6) };

	event_base_once(base, -1, EV_TIMEOUT, fn, NULL, &tv);
}

static void
reconnect_cb(evutil_socket_t fd, short what, void *arg)
{
	for (int i = 0; i < nspans; i++)
		if (pspan_connect(&spans[i]) != 0) {
			fprintf(stderr, "centrala pstn: span %s: cannot reconnect\n",
			    spans[i].name);
			failed = 1;
			finish();
		}
}

static void
cut_cb(evutil_socket_t fd, short what, void *arg)
{
	for (int i = 0; i < nspans; i++)
		pspan_cut(&spans[i], "--cut-after: cable pulled");
	if (opts.reconnect_after > 0)
		after(opts.reconnect_after, reconnect_cb);
	else
		finish();
}

static void
restart_cb(evutil_socket_t fd, short what, void *arg)
{
	if (pcall_restart_one() != 0)
		fprintf(stderr, "centrala pstn: --restart-after: no connected call\n");
}

/* Called on each DCHAN_UP: once every span is up, the calls start. */
void
pstn_l2_up(void)
{
	if (!pspan_all_up())
		return;
	if (!ever_up && opts.cut_after > 0)
		after(opts.cut_after, cut_cb);
	if (!ever_up && opts.restart_after > 0)
		after(opts.restart_after, restart_cb);
	ever_up = 1;
	gen_cb(-1, 0, NULL);
}

static void
connect_all(void)
{
	uint64_t end = clock_mono_us() + (uint64_t)opts.connect_timeout * 1000000;

	for (int i = 0; i < nspans; i++) {
		spans[i].name = opts.spans[i];
		while (pspan_connect(&spans[i]) != 0) {
			if (clock_mono_us() >= end) {
				fprintf(stderr, "centrala pstn: span %s: cannot "
				    "connect to %s/span-%s.d and .b within %ds: "
				    "is the core running?\n", spans[i].name,
				    opts.run_dir, spans[i].name, opts.connect_timeout);
				exit(1);
			}
			usleep(100000);
		}
	}
}

static void
l2_timeout_cb(evutil_socket_t fd, short what, void *arg)
{
	if (ever_up)
		return;
	fprintf(stderr, "centrala pstn: the D channel did not come up within %ds\n",
	    opts.connect_timeout);
	failed = 1;
	finish();
}

int
main(int argc, char **argv)
{
	struct timeval tv;

	log_open("centrala-pstn", NULL, LOG_LEVEL_WARN);
	parse_args(argc, argv);
	set_defaults();
	signal(SIGPIPE, SIG_IGN);
	setvbuf(stdout, NULL, _IOLBF, 0);
	base = event_base_new();
	nspans = opts.nspans;
	spans = xcalloc(nspans, sizeof *spans);
	gen_timer = evtimer_new(base, gen_cb, NULL);
	stop_timer = evtimer_new(base, stop_timer_cb, NULL);
	evsignal_add(evsignal_new(base, SIGINT, signal_cb, NULL), NULL);
	evsignal_add(evsignal_new(base, SIGTERM, signal_cb, NULL), NULL);
	connect_all();
	tv = (struct timeval){ opts.connect_timeout, 0 };
	event_base_once(base, -1, EV_TIMEOUT, l2_timeout_cb, NULL, &tv);
	if (opts.duration > 0) {
		tv = (struct timeval){ (long)opts.duration, (long)((opts.duration -
		    (long)opts.duration) * 1e6) };
		evtimer_add(stop_timer, &tv);
	}
	event_base_dispatch(base);
	print_summary();
	if (failed || (opts.calls > 0 && stats.placed < opts.calls))
		return 1;
	return 0;
}
