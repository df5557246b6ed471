/* pstn-call.c: the telco simulator's calls: placing inbound calls to the
 * core, answering the core's outbound calls by rule, clearing per
 * libpri-notes.md, the audio each call sends and measures, and the line
 * printed for each finished call. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "clock.h"
#include "log.h"
#include "pstn.h"
#include "xmalloc.h"

#define PRI_CHAN(c)	((c) & 0xff)

enum { T_NONE, T_ANSWER, T_HOLD, T_DTMF };

static int seq;

static double
pcall_rand(void)
{
	static unsigned x;

	if (x == 0)
		x = opts.seed ? opts.seed : 1;
	x = x * 1103515245u + 12345u;
	return ((x >> 8) & 0xffffff) / (double)0x1000000;
}

static void
pcall_format_number(const char *pat, int n, char *out, size_t len)
{
	char	digits[32];
	int	hashes = 0, k = 0;
	size_t	o = 0;

	for (const char *p = pat; *p; p++)
		hashes += *p == '#';
	snprintf(digits, sizeof digits, "%0*d", hashes, n);
	k = strlen(digits) - hashes;	/* overflow digits are dropped */
	for (const char *p = pat; *p && o + 1 < len; p++) {
		if (*p == '#')
			out[o++] = digits[k++];
		else if (*p == '?')
			out[o++] = '0' + (int)(pcall_rand() * 10);
		else
			out[o++] = *p;
	}
	out[o] = '\0';
}

static double
pcall_hold_time(void)
{
	switch (opts.hold) {
	case HOLD_FIXED:
		return opts.hold_a;
	case HOLD_UNIFORM:
		return opts.hold_a + pcall_rand() * (opts.hold_b - opts.hold_a);
	case HOLD_EXP:
		return -opts.hold_a * log(1.0 - pcall_rand());
	default:
		return -1;
	}
}

static void pcall_timer_cb(evutil_socket_t, short, void *);

static void
pcall_after(struct pstn_call *pc, int what, double s)
{
	struct timeval tv = { (long)s, (long)((s - (long)s) * 1e6) };

	if (s < 0)
		return;
	if (pc->timer == NULL)
		pc->timer = evtimer_new(base, pcall_timer_cb, pc);
	pc->timer_what = what;
	evtimer_add(pc->timer, &tv);
}

static struct pstn_call *
pcall_new(struct pstn_span *s, int ch, int out)
{
	struct pstn_call *pc = xcalloc(1, sizeof *pc);

	pc->seq = ++seq;
	pc->out = out;
	pc->span = s;
	pc->ch = ch;
	pc->setup_us = clock_mono_us();
	s->chan[ch] = pc;
	stats.active++;
	return pc;
}

static double
pcall_ms(uint64_t from, uint64_t to)
{
	return to ? (to - from) / 1000.0 : -1;
}

static const char *
pcall_result(struct pstn_call *pc, int cause, const char *result)
{
	if (result != NULL)
		return result;
	if (pc->connect_us)
		return "answered";
	switch (cause) {
	case 17: return "busy";
	case 1: return "unallocated";
	case 34: return "congestion";
	case 18: case 19: return "noanswer";
	default: return "rejected";
	}
}

static void
pcall_count(struct pstn_call *pc)
{
	const char *r = pc->result;

	if (strcmp(r, "answered") == 0) {
		stats.answered++;
		if (!pc->out) {
			stats.connect_ms = xrealloc(stats.connect_ms,
			    (stats.nconnect + 1) * sizeof *stats.connect_ms);
			stats.connect_ms[stats.nconnect++] =
			    pcall_ms(pc->setup_us, pc->connect_us);
		}
	} else if (strcmp(r, "busy") == 0)
		stats.busy++;
	else if (strcmp(r, "unallocated") == 0)
		stats.unallocated++;
	else if (strcmp(r, "link") == 0)
		stats.link++;
	else if (strcmp(r, "rejected") == 0 || strcmp(r, "congestion") == 0)
		stats.rejected++;
	else
		stats.other++;
	if (strcmp(pc->cleared_by, "core") == 0)
		stats.by_core++;
	else if (strcmp(pc->cleared_by, "pstn") == 0)
		stats.by_pstn++;
}

static void
pcall_print(struct pstn_call *pc)
{
	char line[512];

	snprintf(line, sizeof line, "call seq=%d dir=%s span=%s ch=%d cli=%s "
	    "dnis=%s result=%s alert_ms=%.0f connect_ms=%.1f dur_ms=%.0f "
	    "cleared_by=%s cause=%d rx_audio_ms=%d%s%s", pc->seq,
	    pc->out ? "out" : "in", pc->span->name, pc->ch, pc->cli, pc->dnis,
	    pc->result, pcall_ms(pc->setup_us, pc->alert_us),
	    pcall_ms(pc->setup_us, pc->connect_us), pc->connect_us ?
	    (pc->end_us - pc->connect_us) / 1000.0 : 0, pc->cleared_by,
	    pc->cause, pc->rx_audio * 20, pc->rule ? " action=" : "",
	    pc->rule ? pc->rule->action : "");
	if (!opts.quiet)
		printf("%s\n", line);
	if (opts.log != NULL)
		fprintf(opts.log, "%s\n", line);
}

/* The call is over for the caller: its line is printed now. The channel
 * stays taken until libpri has released it. */
void
pcall_end(struct pstn_call *pc, int cause, const char *by, const char *result)
{
	if (pc->ended)
		return;
	pc->ended = 1;
	pc->end_us = clock_mono_us();
	pc->cause = cause;
	pc->cleared_by = by;
	pc->result = pcall_result(pc, cause, result);
	if (pc->timer != NULL)
		evtimer_del(pc->timer);
	pcall_print(pc);
	pcall_count(pc);
	stats.active--;
}

void
pcall_release_chan(struct pstn_span *s, int ch)
{
	struct pstn_call *pc = s->chan[ch];

	if (pc == NULL)
		return;
	s->chan[ch] = NULL;
	if (pc->timer != NULL)
		event_free(pc->timer);
	if (pc->dtmf != NULL)
		dtmf_tx_free(pc->dtmf);
	free(pc);
	pstn_check_done();
	pcall_place();
}

void
pcall_hangup(struct pstn_call *pc, int cause)
{
	pcall_end(pc, cause, "pstn", NULL);
	if (pc->c != NULL && pc->span->pri != NULL) {
		pri_hangup(pc->span->pri, pc->c, cause);
		pspan_schedule(pc->span);
	}
}

static void
pcall_timer_cb(evutil_socket_t fd, short what, void *arg)
{
	struct pstn_call	*pc = arg;
	struct pri		*p = pc->span->pri;

	if (p == NULL || pc->ended)
		return;
	switch (pc->timer_what) {
	case T_ANSWER:
		pri_answer(p, pc->c, pc->ch, 0);
		pc->connect_us = clock_mono_us();
		pcall_after(pc, T_HOLD, pcall_hold_time());
		break;
	case T_HOLD:
		pcall_hangup(pc, 16);
		break;
	case T_DTMF:
		pc->dtmf = dtmf_tx_init(NULL);
		dtmf_tx_set_timing(pc->dtmf, 80, 80);
		dtmf_tx_put(pc->dtmf, opts.dtmf, -1);
		break;
	}
	pspan_schedule(pc->span);
}

/* Next span with a free channel, round robin. */
static struct pstn_span *
pcall_pick_span(int *ch)
{
	static int next;

	for (int i = 0; i < nspans; i++) {
		struct pstn_span *s = &spans[(next + i) % nspans];

		if (s->l2_up && (*ch = pspan_free_channel(s)) > 0) {
			next = (next + i + 1) % nspans;
			return s;
		}
	}
	return NULL;
}

static int
pcall_place_one(void)
{
	struct pstn_span	*s;
	struct pstn_call	*pc;
	struct pri_sr		*sr;
	int			 ch;

	if ((s = pcall_pick_span(&ch)) == NULL)
		return -1;
	pc = pcall_new(s, ch, 0);
	pcall_format_number(opts.cli, pc->seq, pc->cli, sizeof pc->cli);
	snprintf(pc->dnis, sizeof pc->dnis, "%s", opts.dnis[(pc->seq - 1) % opts.ndnis]);
	pc->c = pri_new_call(s->pri);
	sr = pri_sr_new();
	pri_sr_set_channel(sr, ch, 1, 0);
	pri_sr_set_bearer(sr, PRI_TRANS_CAP_SPEECH, PRI_LAYER_1_ALAW);
	pri_sr_set_called(sr, pc->dnis, PRI_UNKNOWN, 1);
	pri_sr_set_caller(sr, pc->cli, NULL, PRI_NATIONAL_ISDN,
	    PRES_ALLOWED_USER_NUMBER_PASSED_SCREEN);
	if (pc->c == NULL || pri_setup(s->pri, pc->c, sr) != 0) {
		pri_sr_free(sr);
		pcall_end(pc, 41, "pstn", "failed");
		pcall_release_chan(s, ch);
		return -1;
	}
	pri_sr_free(sr);
	stats.placed++;
	pspan_schedule(s);
	return 0;
}

/* Places the calls due by now (per --rate), within --concurrent. */
int
pcall_place(void)
{
	static uint64_t	start;
	int		due;

	if (opts.calls <= 0 || stats.placed >= opts.calls || !pspan_all_up())
		return 0;
	if (start == 0)
		start = clock_mono_us();
	due = opts.rate <= 0 ? opts.calls : 1 + (int)((clock_mono_us() - start) /
	    1e6 * opts.rate);
	if (due > opts.calls)
		due = opts.calls;
	while (stats.placed < due && stats.active < opts.concurrent)
		if (pcall_place_one() != 0)
			break;
	return stats.placed < opts.calls;
}

static struct pstn_call *
pcall_of(struct pstn_span *s, q931_call *c)
{
	for (int ch = 1; ch < PSTN_TS; ch++)
		if (s->chan[ch] != NULL && s->chan[ch]->c == c)
			return s->chan[ch];
	return NULL;
}

static const struct pstn_rule *
pcall_rule(const char *number)
{
	const struct pstn_rule *best = NULL;

	for (int i = 0; i < opts.nrules; i++) {
		size_t n = strlen(opts.rules[i].prefix);

		if (strncmp(number, opts.rules[i].prefix, n) == 0 &&
		    (best == NULL || n > strlen(best->prefix)))
			best = &opts.rules[i];
	}
	return best;
}

/* The core calls out: answer by rule (libpri-notes.md "Receiving"). */
static void
pcall_ring(struct pstn_span *s, pri_event *e)
{
	int			 ch = PRI_CHAN(e->ring.channel);
	struct pstn_call	*pc;
	const struct pstn_rule	*r = pcall_rule(e->ring.callednum);

	if (ch < 1 || ch > 31 || ch == 16 || s->chan[ch] != NULL)
		ch = pspan_free_channel(s);
	if (ch < 0 || r == NULL) {
		pri_hangup(s->pri, e->ring.call, 34);
		return;
	}
	pc = pcall_new(s, ch, 1);
	pc->c = e->ring.call;
	pc->rule = r;
	stats.received++;
	snprintf(pc->cli, sizeof pc->cli, "%.63s", e->ring.callingnum);
	snprintf(pc->dnis, sizeof pc->dnis, "%.63s", e->ring.callednum);
	if (strcmp(r->action, "unallocated") == 0 || strcmp(r->action,
	    "congestion") == 0) {
		int cause = r->action[0] == 'u' ? 1 : 34;

		pri_hangup(s->pri, pc->c, cause);
		pcall_end(pc, cause, "pstn", r->action);
		pcall_release_chan(s, ch);
		return;
	}
	pri_proceeding(s->pri, pc->c, ch, 0);
	if (strcmp(r->action, "busy") == 0) {
		pri_hangup(s->pri, pc->c, 17);
		pcall_end(pc, 17, "pstn", "busy");
		return;
	}
	pri_acknowledge(s->pri, pc->c, ch, 1);
	pc->alert_us = clock_mono_us();
	if (strcmp(r->action, "answer") == 0)
		pcall_after(pc, T_ANSWER, r->arg);
}

static void
pcall_hangup_req(struct pstn_span *s, pri_event *e)
{
	struct pstn_call *pc = pcall_of(s, e->hangup.call);

	if (pc != NULL)
		pcall_end(pc, e->hangup.cause, "core", NULL);
	pri_hangup(s->pri, e->hangup.call, e->hangup.cause);
}

static void
pcall_hangup_ev(struct pstn_span *s, pri_event *e)
{
	struct pstn_call *pc = pcall_of(s, e->hangup.call);

	pri_hangup(s->pri, e->hangup.call, e->hangup.cause);
	if (pc == NULL)
		return;
	pcall_end(pc, e->hangup.cause, e->hangup.cause == 18 ? "pstn" : "core",
	    e->hangup.cause == 18 ? "timeout" : NULL);
	pc->c = NULL;
	pcall_release_chan(s, pc->ch);
}

static void
pcall_hangup_ack(struct pstn_span *s, pri_event *e)
{
	struct pstn_call *pc = pcall_of(s, e->hangup.call);

	if (pc == NULL)
		return;
	pcall_end(pc, e->hangup.cause, "core", NULL);
	pc->c = NULL;
	pcall_release_chan(s, pc->ch);
}

static void
pcall_restart(struct pstn_span *s, pri_event *e)
{
	int ch = PRI_CHAN(e->restart.channel);

	for (int i = 1; i < PSTN_TS; i++) {
		if (s->chan[i] == NULL || (e->restart.channel != -1 && i != ch))
			continue;
		pri_destroycall(s->pri, s->chan[i]->c);
		s->chan[i]->c = NULL;
		pcall_end(s->chan[i], 41, "core", "restart");
		pcall_release_chan(s, i);
	}
}

/* Sends RESTART for the channel of the oldest connected call (Q.931
 * 5.5); the call ends when the core acknowledges. */
int
pcall_restart_one(void)
{
	struct pstn_call *best = NULL;

	for (int i = 0; i < nspans; i++)
		for (int ch = 1; ch < PSTN_TS; ch++) {
			struct pstn_call *pc = spans[i].chan[ch];

			if (pc != NULL && pc->connect_us && !pc->ended &&
			    (best == NULL || pc->seq < best->seq))
				best = pc;
		}
	if (best == NULL || best->span->pri == NULL)
		return -1;
	best->span->restart_ch = best->ch;
	pri_reset(best->span->pri, best->ch);
	pspan_schedule(best->span);
	return 0;
}

static void
pcall_restart_ack(struct pstn_span *s, pri_event *e)
{
	int			 ch = PRI_CHAN(e->restartack.channel);
	struct pstn_call	*pc;

	if (ch != s->restart_ch || (pc = s->chan[ch]) == NULL)
		return;
	s->restart_ch = 0;
	if (pc->c != NULL)
		pri_destroycall(s->pri, pc->c);
	pc->c = NULL;
	pcall_end(pc, 41, "pstn", "restart");
	pcall_release_chan(s, ch);
}

void
pcall_event(struct pstn_span *s, pri_event *e)
{
	struct pstn_call *pc;

	switch (e->e) {
	case PRI_EVENT_DCHAN_UP:
		s->l2_up = 1;
		pstn_l2_up();
		break;
	case PRI_EVENT_DCHAN_DOWN:
		s->l2_up = 0;
		break;
	case PRI_EVENT_RINGING:
		if ((pc = pcall_of(s, e->ringing.call)) != NULL && !pc->alert_us)
			pc->alert_us = clock_mono_us();
		break;
	case PRI_EVENT_ANSWER:
		if ((pc = pcall_of(s, e->answer.call)) == NULL)
			break;
		pc->connect_us = clock_mono_us();
		if (opts.dtmf != NULL)
			pcall_after(pc, T_DTMF, opts.dtmf_delay);
		else
			pcall_after(pc, T_HOLD, pcall_hold_time());
		break;
	case PRI_EVENT_RING:
		pcall_ring(s, e);
		break;
	case PRI_EVENT_HANGUP_REQ:
		pcall_hangup_req(s, e);
		break;
	case PRI_EVENT_HANGUP:
		pcall_hangup_ev(s, e);
		break;
	case PRI_EVENT_HANGUP_ACK:
		pcall_hangup_ack(s, e);
		break;
	case PRI_EVENT_RESTART:
		pcall_restart(s, e);
		break;
	case PRI_EVENT_RESTART_ACK:
		pcall_restart_ack(s, e);
		break;
	default:
		log_debug("span %s: %s", s->name, pri_event2str(e->e));
	}
}

/* What the caller says: a quiet 1004 Hz tone, or DTMF while sending. */
void
pcall_audio_out(struct pstn_call *pc, uint8_t *out)
{
	int16_t	amp[PSTN_SAMPLES];
	int	n = 0;

	if (!pc->connect_us || pc->ended)
		return;
	if (pc->dtmf != NULL) {
		n = dtmf_tx(pc->dtmf, amp, PSTN_SAMPLES);
		if (n < PSTN_SAMPLES) {		/* all digits sent */
			dtmf_tx_free(pc->dtmf);
			pc->dtmf = NULL;
			pcall_after(pc, T_HOLD, pcall_hold_time());
		}
		if (n > 0) {
			for (int i = 0; i < PSTN_SAMPLES; i++)
				out[i] = linear_to_alaw(i < n ? amp[i] : 0);
			return;
		}
	}
	for (int i = 0; i < PSTN_SAMPLES; i++) {
		out[i] = linear_to_alaw((int)(1000 * sin(pc->phase)));
		pc->phase += 2 * M_PI * 1004 / 8000;
	}
	pc->phase = fmod(pc->phase, 2 * M_PI);
}

/* Counts the blocks in which the core sent us something audible. */
void
pcall_audio_in(struct pstn_call *pc, const uint8_t *in)
{
	long sum = 0;

	if (pc->ended)
		return;
	for (int i = 0; i < PSTN_SAMPLES; i++)
		sum += abs(alaw_to_linear(in[i]));
	if (sum / PSTN_SAMPLES > 100)
		pc->rx_audio++;
}
