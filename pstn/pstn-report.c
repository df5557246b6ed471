/* pstn-report.c: the simulator's output, which tests and benchmarks
 * parse: one "call ..." line of key=value fields per finished call (also
 * to --log FILE), then one "summary ..." line, and with --profile a
 * "profile ..." line: the parties met, the shortest ring the core gave up
 * on and the longest a person who answered waited to hear the core (an
 * agent, or the abandon message: the rules' 15 s and 2 s). Counts live
 * here. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "pstn-call.h"
#include "pstn-opts.h"
#include "pstn-profile.h"
#include "pstn-report.h"
#include "pstn-rules.h"
#include "pstn-span.h"
#include "xmalloc.h"

/* Summary buckets the results fall into. */
enum pstn_report_bucket {
	BUCKET_ANSWERED, BUCKET_BUSY, BUCKET_UNALLOCATED, BUCKET_REJECTED,
	BUCKET_LINK, BUCKET_OTHER, BUCKET_N
};

static const struct {
	const char		*result;
	enum pstn_report_bucket	 bucket;
} pstn_report_results[] = {
	{ "answered", BUCKET_ANSWERED }, { "busy", BUCKET_BUSY },
	{ "unallocated", BUCKET_UNALLOCATED }, { "rejected", BUCKET_REJECTED },
	{ "congestion", BUCKET_REJECTED }, { "link", BUCKET_LINK },
};

static long	 pstn_report_counters[REPORT_NCOUNTERS];
static int	 pstn_report_buckets[BUCKET_N];
static int	 pstn_report_by[2];		/* by enum pstn_by */
static double	*pstn_report_connect_ms;	/* answered inbound calls */
static int	 pstn_report_nconnect;
static struct {
	int	 kinds[PROF_N];
	long	 ring_ms_min;		/* no answer, the core gave up */
	long	 heard_ms_max;		/* a person answered */
	int	 unheard;		/* ... and heard nothing */
} pstn_report_prof = { .ring_ms_min = -1, .heard_ms_max = -1 };

void
pstn_report_count(enum pstn_report_counter c)
{
	pstn_report_counters[c]++;
}

long
pstn_report_get(enum pstn_report_counter c)
{
	return pstn_report_counters[c];
}

static long
pstn_report_ms(uint64_t from_us, uint64_t to_us)
{
	return to_us == 0 ? -1 : (long)((to_us - from_us + 500) / 1000);
}

/* A number as the line shows it: nothing that would split a field. */
static void
pstn_report_clean(char *dst, size_t len, const char *src)
{
	size_t i;

	for (i = 0; src[i] != '\0' && i + 1 < len; i++)
		dst[i] = src[i] > ' ' && src[i] < 127 && src[i] != '=' ?
		    src[i] : '_';
	dst[i] = '\0';
}

/* Ringing: from ALERTING to CONNECT, or to the end when not answered. */
static long
pstn_report_ring_ms(const struct pstn_call *pc)
{
	if (!pc->alert_us)
		return -1;
	return pstn_report_ms(pc->alert_us, pc->connect_us ? pc->connect_us :
	    pc->end_us);
}

static void
pstn_report_line(const struct pstn_call *pc, char *line, size_t len)
{
	char	cli[64], dnis[64];
	int	n;

	pstn_report_clean(cli, sizeof cli, pc->cli);
	pstn_report_clean(dnis, sizeof dnis, pc->dnis);
	n = snprintf(line, len, "call seq=%d dir=%s span=%s ch=%d cli=%s "
	    "dnis=%s result=%s alert_ms=%ld connect_ms=%ld dur_ms=%ld "
	    "cleared_by=%s cause=%d rx_audio_ms=%d", pc->seq,
	    pc->out ? "out" : "in", pc->span->name, pc->ch, cli, dnis,
	    pc->result, pstn_report_ms(pc->setup_us, pc->alert_us),
	    pstn_report_ms(pc->setup_us, pc->connect_us), pc->connect_us ?
	    pstn_report_ms(pc->connect_us, pc->end_us) : 0,
	    pc->cleared_by == BY_CORE ? "core" : "pstn", pc->cause,
	    pc->rx_blocks * 20);
	if (pc->out && n > 0 && (size_t)n < len)
		n += snprintf(line + n, len - n, " action=%s ring_ms=%ld "
		    "heard_ms=%ld", pstn_rules_name(pc->rule->action),
		    pstn_report_ring_ms(pc), pc->heard_us ?
		    pstn_report_ms(pc->connect_us, pc->heard_us) : -1);
	if (pc->kind >= 0 && n > 0 && (size_t)n < len)
		snprintf(line + n, len - n, " profile=%s",
		    pstn_profile_name(pc->kind));
}

static void
pstn_report_tally_profile(const struct pstn_call *pc)
{
	long ms;

	pstn_report_prof.kinds[pc->kind]++;
	if (pc->kind == PROF_NOANSWER && pc->cleared_by == BY_CORE &&
	    (ms = pstn_report_ring_ms(pc)) >= 0 &&
	    (pstn_report_prof.ring_ms_min < 0 || ms < pstn_report_prof.ring_ms_min))
		pstn_report_prof.ring_ms_min = ms;
	if (pc->kind != PROF_PERSON || !pc->connect_us)
		return;
	if (!pc->heard_us)
		pstn_report_prof.unheard++;
	else if ((ms = pstn_report_ms(pc->connect_us, pc->heard_us)) >
	    pstn_report_prof.heard_ms_max)
		pstn_report_prof.heard_ms_max = ms;
}

static void
pstn_report_tally(const struct pstn_call *pc)
{
	enum pstn_report_bucket b = BUCKET_OTHER;

	for (size_t i = 0; i < sizeof pstn_report_results /
	    sizeof pstn_report_results[0]; i++)
		if (strcmp(pc->result, pstn_report_results[i].result) == 0)
			b = pstn_report_results[i].bucket;
	pstn_report_buckets[b]++;
	pstn_report_by[pc->cleared_by]++;
	if (pc->kind >= 0)
		pstn_report_tally_profile(pc);
	if (b != BUCKET_ANSWERED || pc->out)
		return;
	pstn_report_connect_ms = xrealloc(pstn_report_connect_ms,
	    (pstn_report_nconnect + 1) * sizeof *pstn_report_connect_ms);
	pstn_report_connect_ms[pstn_report_nconnect++] =
	    (pc->connect_us - pc->setup_us) / 1000.0;
}

void
pstn_report_call(const struct pstn_call *pc)
{
	char line[512];

	pstn_report_line(pc, line, sizeof line);
	if (!pstn_opts.quiet)
		printf("%s\n", line);
	if (pstn_opts.log != NULL)
		fprintf(pstn_opts.log, "%s\n", line);
	pstn_report_tally(pc);
}

static int
pstn_report_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Nearest-rank percentile of SETUP -> CONNECT; -1 without samples. */
static double
pstn_report_percentile(double p)
{
	int rank;

	if (pstn_report_nconnect == 0)
		return -1;
	qsort(pstn_report_connect_ms, pstn_report_nconnect,
	    sizeof *pstn_report_connect_ms, pstn_report_cmp);
	rank = (int)ceil(p * pstn_report_nconnect - 1e-9);
	return pstn_report_connect_ms[rank < 1 ? 0 : rank - 1];
}

void
pstn_report_summary(void)
{
	const long *c = pstn_report_counters;

	printf("summary placed=%ld received=%ld answered=%d busy=%d "
	    "unallocated=%d rejected=%d link=%d other=%d cleared_by_core=%d "
	    "cleared_by_pstn=%d connect_ms_p50=%.2f connect_ms_p99=%.2f "
	    "blocks_tx=%ld blocks_rx=%ld blocks_bad=%ld blocks_dropped=%ld "
	    "waited=%ld\n", c[REPORT_PLACED], c[REPORT_RECEIVED],
	    pstn_report_buckets[BUCKET_ANSWERED],
	    pstn_report_buckets[BUCKET_BUSY],
	    pstn_report_buckets[BUCKET_UNALLOCATED],
	    pstn_report_buckets[BUCKET_REJECTED],
	    pstn_report_buckets[BUCKET_LINK], pstn_report_buckets[BUCKET_OTHER],
	    pstn_report_by[BY_CORE], pstn_report_by[BY_PSTN],
	    pstn_report_percentile(0.50), pstn_report_percentile(0.99),
	    c[REPORT_BLOCKS_TX], c[REPORT_BLOCKS_RX], c[REPORT_BLOCKS_BAD],
	    c[REPORT_BLOCKS_DROPPED], c[REPORT_WAITED]);
	if (pstn_profile_on()) {
		printf("profile");
		for (int k = 0; k < PROF_N; k++)
			printf(" %s=%d", pstn_profile_name(k),
			    pstn_report_prof.kinds[k]);
		printf(" ring_ms_min=%ld heard_ms_max=%ld person_unheard=%d\n",
		    pstn_report_prof.ring_ms_min, pstn_report_prof.heard_ms_max,
		    pstn_report_prof.unheard);
	}
	fflush(stdout);
}
