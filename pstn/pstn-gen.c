/* pstn-gen.c: the generator of inbound calls (network -> core): --calls
 * SETUPs at --rate per second, at most --concurrent in progress, on the
 * spans in turn, each on an exclusive channel from 31 down. A call due
 * when no channel is free waits (counted) until one is. Nothing polls:
 * the generator runs when the next call is due, or when a call ends or a
 * channel frees (pstn_gen_kick). With --overflow, that many calls due
 * when every channel is taken are sent anyway, naming any channel, as a
 * network out of step would: the core must refuse them (blocked). */
#include <stdio.h>
#include <string.h>
#include "clock.h"
#include "log.h"
#include "pstn-call.h"
#include "pstn-gen.h"
#include "pstn-main.h"
#include "pstn-opts.h"
#include "pstn-report.h"
#include "pstn-span.h"

static struct {
	struct event	*ev;
	int		 running;
	int		 attempted;	/* SETUPs tried, placed or not */
	int		 active;	/* placed, not yet ended */
	int		 waiting;	/* due calls wait for a channel */
	int		 waited;		/* calls up to this one counted so */
	int		 overflowed;	/* --overflow SETUPs sent */
	int		 next_span;
	uint64_t	 start_us;
} pstn_gen;

static void	pstn_gen_cb(evutil_socket_t, short, void *);

void
pstn_gen_init(void)
{
	pstn_gen.ev = evtimer_new(pstn_main_base(), pstn_gen_cb, NULL);
}

/* All spans came up the first time: the first call is due now. */
void
pstn_gen_start(void)
{
	if (pstn_gen.running || pstn_opts.calls == 0)
		return;
	pstn_gen.running = 1;
	pstn_gen.start_us = clock_mono_us();
	pstn_gen_kick();
}

void
pstn_gen_stop(void)
{
	pstn_gen.running = 0;
	evtimer_del(pstn_gen.ev);
}

/* Runs the generator from the loop, not from inside a libpri event. */
void
pstn_gen_kick(void)
{
	if (pstn_gen.running)
		event_active(pstn_gen.ev, EV_TIMEOUT, 0);
}

void
pstn_gen_ended(void)
{
	pstn_gen.active--;
	pstn_gen_kick();
}

static int
pstn_gen_more(void)
{
	return pstn_gen.attempted < pstn_opts.calls;
}

/* Every call asked for has been placed (or tried) and has ended. */
int
pstn_gen_done(void)
{
	return !pstn_gen_more() && pstn_gen.active == 0;
}

/* Call n (from 0) is due at start + n / rate. */
static uint64_t
pstn_gen_due(int n)
{
	if (pstn_opts.rate <= 0)
		return pstn_gen.start_us;
	return pstn_gen.start_us + (uint64_t)(n * 1e6 / pstn_opts.rate);
}

/* The next span in turn with the D channel up and a channel free. */
static struct pstn_span *
pstn_gen_span(int *ch)
{
	struct pstn_span	*s;
	int			 n = pstn_span_count();

	for (int i = 0; i < n; i++) {
		s = pstn_span_at((pstn_gen.next_span + i) % n);
		if (s->state == SPAN_L2 && (*ch = pstn_span_free_channel(s)) > 0) {
			pstn_gen.next_span = (pstn_gen.next_span + i + 1) % n;
			return s;
		}
	}
	return NULL;
}

/* An --overflow call, if one is left, goes (naming any channel) on the
 * next span with the D channel up, every channel taken, and room to
 * track it; --concurrent does not hold it back. */
static struct pstn_span *
pstn_gen_overflow_span(int *slot)
{
	struct pstn_span	*s;
	int			 n = pstn_span_count();

	if (pstn_gen.overflowed >= pstn_opts.overflow)
		return NULL;
	for (int i = 0; i < n; i++) {
		s = pstn_span_at((pstn_gen.next_span + i) % n);
		if (s->state != SPAN_L2 || pstn_span_free_channel(s) > 0)
			continue;
		for (*slot = 0; *slot < PSTN_SPAN_NOCHAN; (*slot)++)
			if (s->nochan[*slot] == NULL) {
				pstn_gen.overflowed++;
				return s;
			}
	}
	return NULL;
}

/* The caller's number: each # a digit of the sequence number (zero
 * padded, the lowest digits if it has more), each ? a random digit. */
static void
pstn_gen_cli(struct pstn_call *pc)
{
	const char	*pat = pstn_opts.cli;
	char		 digits[32];
	int		 hashes = 0, k;
	size_t		 o = 0;

	for (const char *p = pat; *p != '\0'; p++)
		hashes += *p == '#';
	snprintf(digits, sizeof digits, "%0*d", hashes, pc->seq);
	k = (int)strlen(digits) - hashes;
	for (const char *p = pat; *p != '\0' && o + 1 < sizeof pc->cli; p++) {
		if (*p == '#')
			pc->cli[o++] = digits[k++];
		else if (*p == '?')
			pc->cli[o++] = '0' + (int)(pstn_dist_unit(&pc->rng) * 10);
		else
			pc->cli[o++] = *p;
	}
	pc->cli[o] = '\0';
}

static int
pstn_gen_setup(struct pstn_span *s, struct pstn_call *pc)
{
	struct pri_sr	*sr = pri_sr_new();
	int		 rc;

	if (pc->ch > 0)
		pri_sr_set_channel(sr, pc->ch, 1, 0);
	else
		pri_sr_set_channel(sr, -1, 0, 0);	/* any channel */
	pri_sr_set_bearer(sr, PRI_TRANS_CAP_SPEECH, s->t1 ? PRI_LAYER_1_ULAW :
	    PRI_LAYER_1_ALAW);
	pri_sr_set_called(sr, pc->dnis, PRI_UNKNOWN, 1);
	pri_sr_set_caller(sr, pc->cli, NULL, PRI_NATIONAL_ISDN,
	    PRES_ALLOWED_USER_NUMBER_PASSED_SCREEN);
	rc = pri_setup(s->pri, pc->c, sr);
	pri_sr_free(sr);
	return rc;
}

/* SETUP for the next call on channel ch of span s (0: any channel, an
 * --overflow call kept in the span's slot). */
static void
pstn_gen_place(struct pstn_span *s, int ch, int slot)
{
	struct pstn_call *pc = pstn_call_new(s, ch, 0);

	if (ch == 0)
		s->nochan[slot] = pc;

	pc->seq = ++pstn_gen.attempted;
	pstn_dist_rng_init(&pc->rng, pstn_opts.seed, pc->seq);
	pstn_gen_cli(pc);
	snprintf(pc->dnis, sizeof pc->dnis, "%s",
	    pstn_opts.dnis[(pc->seq - 1) % pstn_opts.ndnis]);
	pstn_gen.active++;
	if ((pc->c = pri_new_call(s->pri)) == NULL || pstn_gen_setup(s, pc) != 0) {
		log_warn("span %s: SETUP for call %d failed", s->name, pc->seq);
		pc->c = NULL;
		pstn_call_end(pc, 0, BY_PSTN, "failed");
		pstn_call_release(pc);
		return;
	}
	log_debug("span %s: SETUP call %d on ch %d from %s to %s", s->name,
	    pc->seq, ch, pc->cli, pc->dnis);
	pstn_report_count(REPORT_PLACED);
	pstn_span_schedule(s);
}

/* A channel is free again: every call due by now waited for one. */
static void
pstn_gen_waited(uint64_t now)
{
	int n = pstn_gen.waited > pstn_gen.attempted ? pstn_gen.waited :
	    pstn_gen.attempted;

	for (; n < pstn_opts.calls && pstn_gen_due(n) <= now; n++)
		pstn_report_count(REPORT_WAITED);
	pstn_gen.waited = n;
	pstn_gen.waiting = 0;
}

static void
pstn_gen_cb(evutil_socket_t fd, short what, void *arg)
{
	struct pstn_span	*s;
	uint64_t		 now = clock_mono_us(), due;
	int			 ch, slot = 0;
	struct timeval		 tv;

	while (pstn_gen.running && pstn_gen_more()) {
		if ((due = pstn_gen_due(pstn_gen.attempted)) > now) {
			tv.tv_sec = (time_t)((due - now) / 1000000);
			tv.tv_usec = (suseconds_t)((due - now) % 1000000);
			evtimer_add(pstn_gen.ev, &tv);
			return;
		}
		s = pstn_gen.active < pstn_opts.concurrent ?
		    pstn_gen_span(&ch) : NULL;
		if (s == NULL && (s = pstn_gen_overflow_span(&slot)) != NULL)
			ch = 0;
		if (s == NULL) {
			if (pstn_gen.active < pstn_opts.concurrent)
				pstn_gen.waiting = 1;
			return;
		}
		if (pstn_gen.waiting)
			pstn_gen_waited(now);
		pstn_gen_place(s, ch, slot);
	}
}
