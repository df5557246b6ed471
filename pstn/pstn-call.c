/* pstn-call.c: the simulator's calls, both ways: records on their
 * timeslots, libpri's call events, clearing exactly as libpri-notes.md
 * "Clearing" says (on HANGUP always pri_hangup() and drop the pointer, on
 * HANGUP_REQ pri_hangup(), on HANGUP_ACK drop it), RESTART (Q.931 5.5),
 * each call's timers (answer delay, hold, DTMF) and its audio. A call
 * "ends" when its line is printed; its record goes when libpri has
 * released the call reference, which frees the timeslot. */
#include <stdio.h>
#include <stdlib.h>
#include "clock.h"
#include "log.h"
#include "pstn-audio.h"
#include "pstn-call.h"
#include "pstn-gen.h"
#include "pstn-main.h"
#include "pstn-opts.h"
#include "pstn-report.h"
#include "pstn-rules.h"
#include "pstn-span.h"
#include "xmalloc.h"

#define PSTN_CALL_CHAN(c)	((c) & 0xff)

static void	pstn_call_timer_cb(evutil_socket_t, short, void *);
static void	pstn_call_dtmf_cb(evutil_socket_t, short, void *);
static void	pstn_call_save_audio(struct pstn_call *);

/* A record on timeslot ch (0: none, for a call refused at once). */
struct pstn_call *
pstn_call_new(struct pstn_span *s, int ch, int out)
{
	struct pstn_call	*pc = xcalloc(1, sizeof *pc);
	struct event_base	*base = pstn_main_base();

	pc->out = out;
	pc->kind = -1;
	pc->span = s;
	pc->ch = ch;
	pc->setup_us = clock_mono_us();
	pc->audio = pstn_audio_new(out ? pstn_opts.answer_tone : 0);
	pc->ev_timer = evtimer_new(base, pstn_call_timer_cb, pc);
	pc->ev_dtmf = evtimer_new(base, pstn_call_dtmf_cb, pc);
	if (ch > 0)
		s->chan[ch] = pc;
	return pc;
}

/* What a call that ended before CONNECT came to. */
static const char *
pstn_call_result(const struct pstn_call *pc)
{
	if (pc->connect_us)
		return "answered";
	if (pc->out)
		return pc->rule->action == RULE_BUSY ? "busy" : "noanswer";
	if (pc->cleared_by == BY_PSTN)
		return "abandoned";
	switch (pc->cause) {
	case PRI_CAUSE_USER_BUSY:
		return "busy";
	case PRI_CAUSE_UNALLOCATED:
		return "unallocated";
	case PRI_CAUSE_NORMAL_CIRCUIT_CONGESTION:
		return "congestion";
	case PRI_CAUSE_NO_USER_RESPONSE:
	case PRI_CAUSE_NO_ANSWER:
		return "noanswer";
	default:
		return "rejected";
	}
}

/* The call is over for the caller: its line is printed now. */
void
pstn_call_end(struct pstn_call *pc, int cause, enum pstn_by by,
    const char *result)
{
	if (pc->ended)
		return;
	pc->ended = 1;
	pc->end_us = clock_mono_us();
	pc->cause = cause;
	pc->cleared_by = by;
	pc->result = result != NULL ? result : pstn_call_result(pc);
	evtimer_del(pc->ev_timer);
	evtimer_del(pc->ev_dtmf);
	log_debug("span %s: call %s %d on ch %d ended: %s, cause %d",
	    pc->span->name, pc->out ? "out" : "in", pc->seq, pc->ch,
	    pc->result, cause);
	pstn_report_call(pc);
	pstn_call_save_audio(pc);
	if (!pc->out)
		pstn_gen_ended();
	pstn_main_check();
}

static void
pstn_call_save_audio(struct pstn_call *pc)
{
	char path[4096];

	if (pstn_opts.save_audio == NULL)
		return;
	snprintf(path, sizeof path, "%s/%s-%d.wav", pstn_opts.save_audio,
	    pc->out ? "out" : "in", pc->seq);
	if (pstn_audio_save(pc->audio, path) != 0)
		log_warn("%s: cannot write", path);
}

/* libpri has let go of the call: the timeslot is free again. */
void
pstn_call_release(struct pstn_call *pc)
{
	struct pstn_span *s = pc->span;

	if (pc->ch > 0 && s->chan[pc->ch] == pc)
		s->chan[pc->ch] = NULL;
	for (int i = 0; i < PSTN_SPAN_NOCHAN; i++)
		if (s->nochan[i] == pc)
			s->nochan[i] = NULL;
	event_free(pc->ev_timer);
	event_free(pc->ev_dtmf);
	pstn_audio_free(pc->audio);
	free(pc);
	pstn_gen_kick();
	pstn_main_check();
}

/* We clear (DISCONNECT); the record stays until libpri releases it. */
void
pstn_call_hangup(struct pstn_call *pc, int cause)
{
	if (pc->ended)
		return;
	pstn_call_end(pc, cause, BY_PSTN, NULL);
	if (pc->c != NULL && pc->span->pri != NULL) {
		pri_hangup(pc->span->pri, pc->c, cause);
		pstn_span_schedule(pc->span);
	}
}

static void
pstn_call_after(struct event *ev, double s)
{
	struct timeval tv;

	if (s < 0)
		return;		/* never */
	tv.tv_sec = (time_t)s;
	tv.tv_usec = (suseconds_t)((s - (double)tv.tv_sec) * 1e6);
	evtimer_add(ev, &tv);
}

/* CONNECT either way: the caller talks, and hangs up after --hold. */
static void
pstn_call_connected(struct pstn_call *pc)
{
	pc->connect_us = clock_mono_us();
	pstn_call_after(pc->ev_timer, pstn_dist_draw(&pstn_opts.hold, &pc->rng));
	if (!pc->out && (pstn_opts_dtmf_for(pc->seq) != NULL ||
	    pstn_opts.keypad != NULL))
		pstn_call_after(pc->ev_dtmf, pstn_opts.dtmf_delay);
}

void
pstn_call_answer_after(struct pstn_call *pc, double s)
{
	pstn_call_after(pc->ev_timer, s);
}

/* Answer delay over (CONNECT), or hold time over (DISCONNECT 16). */
static void
pstn_call_timer_cb(evutil_socket_t fd, short what, void *arg)
{
	struct pstn_call *pc = arg;

	if (pc->ended || pc->c == NULL || pc->span->pri == NULL)
		return;
	if (pc->connect_us) {
		pstn_call_hangup(pc, PRI_CAUSE_NORMAL_CLEARING);
		return;
	}
	pri_answer(pc->span->pri, pc->c, pc->ch, 0);
	pstn_call_connected(pc);
	pstn_span_schedule(pc->span);
}

static void
pstn_call_dtmf_cb(evutil_socket_t fd, short what, void *arg)
{
	struct pstn_call *pc = arg;

	if (pc->ended)
		return;
	if (pstn_opts_dtmf_for(pc->seq) != NULL)
		pstn_audio_dtmf(pc->audio, pstn_opts_dtmf_for(pc->seq));
	if (pstn_opts.keypad != NULL && pc->c != NULL && pc->span->pri != NULL) {
		pri_keypad_facility(pc->span->pri, pc->c, pstn_opts.keypad);
		pstn_span_schedule(pc->span);
	}
}

static struct pstn_call *
pstn_call_of(struct pstn_span *s, q931_call *c)
{
	if (c == NULL)
		return NULL;
	for (int ch = 1; ch < PSTN_SPAN_TS; ch++)
		if (s->chan[ch] != NULL && s->chan[ch]->c == c)
			return s->chan[ch];
	for (int i = 0; i < PSTN_SPAN_NOCHAN; i++)
		if (s->nochan[i] != NULL && s->nochan[i]->c == c)
			return s->nochan[i];
	return NULL;
}

/* An --overflow call the core took after all: it named the channel. */
static void
pstn_call_got_channel(struct pstn_span *s, struct pstn_call *pc, int channel)
{
	int ch = channel & 0xff;

	if (pc->ch != 0 || !pstn_span_chan_valid(s, ch) || s->chan[ch] != NULL)
		return;
	for (int i = 0; i < PSTN_SPAN_NOCHAN; i++)
		if (s->nochan[i] == pc)
			s->nochan[i] = NULL;
	pc->ch = ch;
	s->chan[ch] = pc;
}

/* CALL PROCEEDING, PROGRESS: the core took our SETUP. */
static void
pstn_call_proceeding(struct pstn_span *s, pri_event *e)
{
	struct pstn_call *pc = pstn_call_of(s, e->proceeding.call);

	if (pc == NULL)
		return;
	pc->responded = 1;
	pstn_call_got_channel(s, pc, e->proceeding.channel);
}

static void
pstn_call_ringing(struct pstn_span *s, pri_event *e)
{
	struct pstn_call *pc = pstn_call_of(s, e->ringing.call);

	if (pc == NULL)
		return;
	pc->responded = 1;
	if (!pc->alert_us)
		pc->alert_us = clock_mono_us();
}

static void
pstn_call_answer(struct pstn_span *s, pri_event *e)
{
	struct pstn_call *pc = pstn_call_of(s, e->answer.call);

	if (pc == NULL || pc->ended || pc->connect_us)
		return;
	pc->responded = 1;
	pstn_call_connected(pc);
}

/* The core sent DISCONNECT: answer with RELEASE, wait for HANGUP_ACK. */
static void
pstn_call_hangup_req(struct pstn_span *s, pri_event *e)
{
	struct pstn_call *pc = pstn_call_of(s, e->hangup.call);

	if (pc != NULL)
		pstn_call_end(pc, e->hangup.cause, BY_CORE, NULL);
	pri_hangup(s->pri, e->hangup.call, e->hangup.cause);
}

/* RELEASE or RELEASE COMPLETE from the core (possibly answering our
 * DISCONNECT), T303 run out twice (cause 18, nothing came back), or the
 * data link lost: pri_hangup() sends what is owed and frees the call. */
static void
pstn_call_hangup_ev(struct pstn_span *s, pri_event *e)
{
	struct pstn_call	*pc = pstn_call_of(s, e->hangup.call);
	int			 cause = e->hangup.cause;

	pri_hangup(s->pri, e->hangup.call, cause);
	if (pc == NULL)
		return;
	pc->c = NULL;
	if (!pc->out && !pc->responded && cause == PRI_CAUSE_NO_USER_RESPONSE)
		pstn_call_end(pc, cause, BY_PSTN, "timeout");
	else
		pstn_call_end(pc, cause, BY_CORE, NULL);
	pstn_call_release(pc);
}

static void
pstn_call_hangup_ack(struct pstn_span *s, pri_event *e)
{
	struct pstn_call *pc = pstn_call_of(s, e->hangup.call);

	if (pc == NULL)
		return;
	pc->c = NULL;
	pstn_call_end(pc, e->hangup.cause, BY_CORE, NULL);
	pstn_call_release(pc);
}

/* The call on ch is gone without a word on the wire (RESTART, layer 1). */
static void
pstn_call_drop(struct pstn_span *s, int ch, enum pstn_by by,
    const char *result)
{
	struct pstn_call *pc = s->chan[ch];

	if (pc == NULL)
		return;
	if (pc->c != NULL && s->pri != NULL)
		pri_destroycall(s->pri, pc->c);
	pc->c = NULL;
	pstn_call_end(pc, 0, by, result);
	pstn_call_release(pc);
}

/* The core restarted one channel or (-1) all of them; libpri has sent
 * RESTART ACKNOWLEDGE and leaves the calls to us (libpri-notes.md). */
static void
pstn_call_restart(struct pstn_span *s, pri_event *e)
{
	int ch = PSTN_CALL_CHAN(e->restart.channel);

	log_info("span %s: RESTART from the core for %s %d", s->name,
	    e->restart.channel == -1 ? "the interface" : "channel",
	    e->restart.channel == -1 ? 0 : ch);
	for (int i = 1; i < PSTN_SPAN_TS; i++)
		if (e->restart.channel == -1 || i == ch)
			pstn_call_drop(s, i, BY_CORE, "restart");
}

static void
pstn_call_restart_ack(struct pstn_span *s, pri_event *e)
{
	int ch = PSTN_CALL_CHAN(e->restartack.channel);

	if (ch != s->restart_ch)
		return;
	s->restart_ch = 0;
	log_info("span %s: RESTART ACKNOWLEDGE for channel %d", s->name, ch);
	pstn_call_drop(s, ch, BY_PSTN, "restart");
}

/* Sends RESTART for the channel of the call connected longest, either
 * way (Q.931 5.5); the call ends when the core acknowledges. */
int
pstn_call_restart_oldest(void)
{
	struct pstn_call *best = NULL, *pc;

	for (int i = 0; i < pstn_span_count(); i++)
		for (int ch = 1; ch < PSTN_SPAN_TS; ch++) {
			pc = pstn_span_at(i)->chan[ch];
			if (pc != NULL && pc->connect_us && !pc->ended &&
			    (best == NULL || pc->connect_us < best->connect_us))
				best = pc;
		}
	if (best == NULL || best->span->pri == NULL ||
	    best->span->restart_ch != 0)
		return -1;
	best->span->restart_ch = best->ch;
	pri_reset(best->span->pri, best->ch);
	pstn_span_schedule(best->span);
	return 0;
}

static const struct {
	int	 e;
	void	(*fn)(struct pstn_span *, pri_event *);
} pstn_call_handlers[] = {
	{ PRI_EVENT_RING, pstn_rules_ring },
	{ PRI_EVENT_PROCEEDING, pstn_call_proceeding },
	{ PRI_EVENT_PROGRESS, pstn_call_proceeding },
	{ PRI_EVENT_RINGING, pstn_call_ringing },
	{ PRI_EVENT_ANSWER, pstn_call_answer },
	{ PRI_EVENT_HANGUP_REQ, pstn_call_hangup_req },
	{ PRI_EVENT_HANGUP, pstn_call_hangup_ev },
	{ PRI_EVENT_HANGUP_ACK, pstn_call_hangup_ack },
	{ PRI_EVENT_RESTART, pstn_call_restart },
	{ PRI_EVENT_RESTART_ACK, pstn_call_restart_ack },
};

void
pstn_call_event(struct pstn_span *s, pri_event *e)
{
	for (size_t i = 0; i < sizeof pstn_call_handlers /
	    sizeof pstn_call_handlers[0]; i++)
		if (pstn_call_handlers[i].e == e->e) {
			pstn_call_handlers[i].fn(s, e);
			return;
		}
	log_debug("span %s: %s", s->name, pri_event2str(e->e));
}

/* Layer 1 lost (s->pri is already abandoned): every call ends at once. */
void
pstn_call_link_down(struct pstn_span *s, enum pstn_by by)
{
	for (int ch = 1; ch < PSTN_SPAN_TS; ch++)
		pstn_call_drop(s, ch, by, "link");
}

/* Stopping: we clear every call still going. */
void
pstn_call_clear_all(int cause)
{
	struct pstn_span *s;

	for (int i = 0; i < pstn_span_count(); i++) {
		s = pstn_span_at(i);
		for (int ch = 1; ch < PSTN_SPAN_TS; ch++)
			if (s->chan[ch] != NULL)
				pstn_call_hangup(s->chan[ch], cause);
	}
}

/* What the caller says once connected: see pstn-audio.c. */
void
pstn_call_audio_out(struct pstn_call *pc, uint8_t *samples)
{
	if (pc->connect_us && !pc->ended)
		pstn_audio_out(pc->audio, samples, PSTN_SPAN_SAMPLES);
}

/* What the caller hears, from SETUP to the end. */
void
pstn_call_audio_in(struct pstn_call *pc, const uint8_t *samples)
{
	if (pc->ended)
		return;
	if (pstn_audio_heard(samples, PSTN_SPAN_SAMPLES)) {
		pc->rx_blocks++;
		if (pc->connect_us && !pc->heard_us)
			pc->heard_us = clock_mono_us();
	}
	if (pstn_opts.save_audio != NULL)
		pstn_audio_keep(pc->audio, samples, PSTN_SPAN_SAMPLES);
}
