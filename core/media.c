/* media.c: the 20 ms media tick, run once per block the network clocks in
 * (media.h). For each call on the span: decode what the caller said, feed
 * the DTMF detector, take a frame from every headset joined to the call,
 * work out what each party hears, send it, and tap the recording. What
 * the caller hears, first match wins: music on hold while held, a prompt
 * while one plays, the bridge once an agent is joined, the queue's waiting
 * sound (ringback or music) while waiting, else silence.
 *
 * Digits and "prompt done" are gathered during a call's frame and handed
 * on after it, so a handler may end the call without pulling the frame
 * out from under the tick. */
#include <stdlib.h>
#include <string.h>
#include <spandsp.h>
#include "call.h"
#include "clock.h"
#include "config.h"
#include "core.h"
#include "endpoint.h"
#include "leg.h"
#include "log.h"
#include "media.h"
#include "player.h"
#include "record.h"
#include "span.h"
#include "xmalloc.h"

#define MEDIA_DIGITS	32

/* What each member's headset took this frame lives on the tick's stack
 * (media_call_frame), by member index: 320 bytes a member that a call's
 * state would carry between frames, written and read back from memory
 * every 20 ms for nothing. */
struct media_member {
	struct endpoint		*ep;
	enum media_role		 role;
};

typedef int16_t media_in_t[MEDIA_MEMBERS][SPAN_SAMPLES];

/* The fields every frame reads come first, to share a cache line or two:
 * a tick touches each call's state once per 20 ms, after the other calls
 * have pushed it out of the cache. */
struct media_call {
	dtmf_rx_state_t		*dtmf;
	media_digit_fn		 on_digit;
	tone_gen_state_t	*signal;	/* busy, congestion: over all else */
	dtmf_tx_state_t		*dtmf_tx;	/* digits the agent sends */
	struct recorder		*rec;
	media_done_fn		 done;
	int			 nm;
	int			 held, muted;
	int			 ringing;	/* an outside party rings: ringback */
	int			 ndigits;
	char			 digits[MEDIA_DIGITS];	/* found this frame */
	tone_gen_state_t	*tone;		/* ringback */
	media_record_fn		 rec_failed;
	struct player		 prompt;	/* its n, i: asked every frame */
	struct amd		*amd;		/* answering-machine detection */
	media_amd_fn		 amd_done;
	struct media_member	 m[MEDIA_MEMBERS];
	struct player		 moh;
};

/* Call progress tones per country: frequencies (Hz), levels (dBm0),
 * cadence (ms): ETSI TR 101 041 (eu), ANSI T1.401 (us), BT SIN 350 (uk). */
static const struct media_tone_plan {
	const char	*country;
	enum media_tone	 kind;
	int		 f1, l1, f2, l2, on1, off1, on2, off2;
} media_tone_plans[] = {
	{ "eu", MEDIA_RINGBACK, 425, -13, 0, 0, 1000, 4000, 0, 0 },
	{ "eu", MEDIA_BUSY, 425, -13, 0, 0, 500, 500, 0, 0 },
	{ "eu", MEDIA_CONGESTION, 425, -13, 0, 0, 250, 250, 0, 0 },
	{ "us", MEDIA_RINGBACK, 440, -19, 480, -19, 2000, 4000, 0, 0 },
	{ "us", MEDIA_BUSY, 480, -24, 620, -24, 500, 500, 0, 0 },
	{ "us", MEDIA_CONGESTION, 480, -24, 620, -24, 250, 250, 0, 0 },
	{ "uk", MEDIA_RINGBACK, 400, -19, 450, -19, 400, 200, 400, 2000 },
	{ "uk", MEDIA_BUSY, 400, -19, 0, 0, 375, 375, 0, 0 },
	{ "uk", MEDIA_CONGESTION, 400, -19, 0, 0, 400, 350, 225, 525 },
};

static const struct media_tone_plan *
media_plan(const char *country, enum media_tone kind)
{
	const struct media_tone_plan *p = media_tone_plans, *eu = NULL;

	for (size_t i = 0; i < sizeof media_tone_plans / sizeof *p; i++) {
		if (p[i].kind != kind)
			continue;
		if (country != NULL && strcmp(p[i].country, country) == 0)
			return &p[i];
		if (eu == NULL)
			eu = &p[i];
	}
	return eu;
}

static tone_gen_state_t *
media_tone_new(struct call *call, enum media_tone kind)
{
	const struct media_tone_plan	*p = media_plan(call->span != NULL ?
					    call->span->cfg.country : NULL, kind);
	tone_gen_descriptor_t		*desc;
	tone_gen_state_t		*t;

	desc = tone_gen_descriptor_init(NULL, p->f1, p->l1, p->f2, p->l2,
	    p->on1, p->off1, p->on2, p->off2, 1);
	t = tone_gen_init(NULL, desc);		/* copies it */
	tone_gen_descriptor_free(desc);
	return t;
}

static void
media_tone_fill(tone_gen_state_t *t, int16_t *out)
{
	int n = tone_gen(t, out, SPAN_SAMPLES);

	memset(out + n, 0, (SPAN_SAMPLES - n) * sizeof *out);
}

static struct media_call *
media_of(struct call *call)
{
	if (call->media == NULL)
		call_set_media(call, xcalloc(1, sizeof (struct media_call)));
	return call->media;
}

static void
media_ringback(struct call *call, struct media_call *m, int16_t *out)
{
	if (m->tone == NULL)
		m->tone = media_tone_new(call, MEDIA_RINGBACK);
	media_tone_fill(m->tone, out);
}

static void
media_moh(struct call *call, struct media_call *m, int16_t *out)
{
	const char *name;

	if (!player_active(&m->moh)) {
		name = span_hooks.moh(call);
		player_start(&m->moh, &name, 1, call->lang, 1);
	}
	player_fill(&m->moh, out, SPAN_SAMPLES);
}

/* The sound of waiting in a queue, per the queue's config. */
static void
media_waiting(struct call *call, struct media_call *m, int16_t *out)
{
	int sound = span_hooks.waiting_sound(call);

	if (sound == CFG_WAIT_MOH)
		media_moh(call, m, out);
	else if (sound == CFG_WAIT_RINGBACK)
		media_ringback(call, m, out);
	else
		memset(out, 0, SPAN_SAMPLES * sizeof *out);
}

static int
media_speaks_to_caller(const struct media_call *m, const struct media_member *x)
{
	return (x->role == MEDIA_AGENT && !m->muted) || x->role == MEDIA_BARGE;
}

static int
media_consulting(const struct media_call *m)
{
	for (int i = 0; i < m->nm; i++)
		if (m->m[i].role == MEDIA_CONSULT)
			return 1;
	return 0;
}

/* Does member x hear member y? */
static int
media_hears(const struct media_call *m, const struct media_member *x,
    const struct media_member *y)
{
	if (x == y || y->role == MEDIA_LISTEN)
		return 0;
	if (y->role == MEDIA_WHISPER)
		return x->role == MEDIA_AGENT;
	if (m->held)	/* only a consultation: agent and consulted talk */
		return media_consulting(m) && (y->role == MEDIA_CONSULT ||
		    (y->role == MEDIA_AGENT && x->role != MEDIA_AGENT));
	if (y->role == MEDIA_CONSULT)
		return 0;
	return !(y->role == MEDIA_AGENT && m->muted);
}

/* out = the sum of n sources, clipped. One source (a bridge of two) is a
 * copy and none is silence: the common cases cost no arithmetic. */
static void
media_mix(const int16_t *const *src, int n, int16_t *out)
{
	int32_t acc[SPAN_SAMPLES];

	if (n <= 1) {
		if (n == 0)
			memset(out, 0, SPAN_SAMPLES * sizeof *out);
		else
			memcpy(out, src[0], SPAN_SAMPLES * sizeof *out);
		return;
	}
	for (int i = 0; i < SPAN_SAMPLES; i++)
		acc[i] = src[0][i] + src[1][i];
	for (int k = 2; k < n; k++)
		for (int i = 0; i < SPAN_SAMPLES; i++)
			acc[i] += src[k][i];
	for (int i = 0; i < SPAN_SAMPLES; i++)
		out[i] = (int16_t)(acc[i] > 32767 ? 32767 : acc[i] < -32768 ?
		    -32768 : acc[i]);
}

/* What the caller hears this frame. */
static void
media_caller_hears(struct call *call, struct media_call *m,
    const media_in_t in, int16_t *out)
{
	const int16_t	*src[MEDIA_MEMBERS];
	int		 n = 0;

	if (m->signal != NULL) {
		media_tone_fill(m->signal, out);
		return;
	}
	if (m->held) {
		media_moh(call, m, out);
		return;
	}
	if (m->ringing) {
		media_ringback(call, m, out);
		return;
	}
	if (player_active(&m->prompt)) {
		if (!player_fill(&m->prompt, out, SPAN_SAMPLES) && m->done == NULL)
			player_stop(&m->prompt);
		return;
	}
	if (m->nm > 0 && call->state == CALL_CONNECTED) {
		for (int i = 0; i < m->nm; i++)
			if (media_speaks_to_caller(m, &m->m[i]))
				src[n++] = in[i];
		media_mix(src, n, out);
		return;
	}
	if (call->state == CALL_QUEUED || call->state == CALL_OFFERED)
		media_waiting(call, m, out);
	else
		memset(out, 0, SPAN_SAMPLES * sizeof *out);
}

/* Every headset hears the caller (unless held: a held caller and agent
 * hear nothing of each other; monitors hear the music) and the members it
 * may hear. */
static void
media_members_hear(struct media_call *m, const media_in_t in,
    const int16_t *caller, const int16_t *heard)
{
	const int16_t	*src[MEDIA_MEMBERS + 1];
	int16_t		 out[SPAN_SAMPLES];

	for (int i = 0; i < m->nm; i++) {
		struct media_member	*x = &m->m[i];
		int			 n = 0;

		if (!m->held)
			src[n++] = caller;
		else if (x->role != MEDIA_AGENT && x->role != MEDIA_CONSULT)
			src[n++] = heard;
		for (int j = 0; j < m->nm; j++)
			if (media_hears(m, x, &m->m[j]))
				src[n++] = in[j];
		media_mix(src, n, out);
		endpoint_play(x->ep, out, SPAN_SAMPLES);
	}
}

static void
media_dtmf_cb(void *arg, const char *digits, int len)
{
	struct media_call *m = arg;

	for (int i = 0; i < len && m->ndigits < MEDIA_DIGITS; i++)
		m->digits[m->ndigits++] = digits[i];
}

/* On an A-law span the wire's bytes, rx and tx, are the A-law frame. */
static void
media_record_tap(struct call *call, struct media_call *m,
    const struct span_kind *k, const int16_t *caller, const int16_t *heard,
    const uint8_t *rx, const uint8_t *tx)
{
	char err[256];

	if (m->rec == NULL || record_frame(m->rec, caller, heard,
	    k->alaw ? rx : NULL, k->alaw ? tx : NULL, SPAN_SAMPLES) == 0)
		return;
	snprintf(err, sizeof err, "%s", record_error(m->rec));
	media_record_stop(call, NULL, 0);
	if (m->rec_failed != NULL)
		m->rec_failed(call, err);
}

/* While spandsp has digits to send, they are what the caller hears. */
static void
media_dtmf_out(struct media_call *m, int16_t *heard)
{
	int16_t	digits[SPAN_SAMPLES];
	int	n = dtmf_tx(m->dtmf_tx, digits, SPAN_SAMPLES);

	if (n <= 0)
		return;
	memset(digits + n, 0, (SPAN_SAMPLES - n) * sizeof *digits);
	memcpy(heard, digits, sizeof digits);
}

/* One call's frame: rx in, tx out, in the span's law K. */
static void
media_call_frame(struct call *call, const struct span_kind *k,
    const uint8_t *rx, uint8_t *tx)
{
	struct media_call	*m = media_of(call);
	int16_t			 caller[SPAN_SAMPLES], heard[SPAN_SAMPLES];
	media_in_t		 in;

	k->decode(rx, caller, SPAN_SAMPLES);
	if (m->dtmf != NULL && m->on_digit != NULL)
		dtmf_rx(m->dtmf, caller, SPAN_SAMPLES);
	if (m->amd != NULL)
		amd_frame(m->amd, caller, SPAN_SAMPLES);
	for (int i = 0; i < m->nm; i++)
		endpoint_capture(m->m[i].ep, in[i], SPAN_SAMPLES);
	media_caller_hears(call, m, in, heard);
	if (m->dtmf_tx != NULL)		/* digits being sent replace it */
		media_dtmf_out(m, heard);
	media_members_hear(m, in, caller, heard);
	k->encode(heard, tx, SPAN_SAMPLES);
	media_record_tap(call, m, k, caller, heard, rx, tx);
}

/* After the frame: digits, then the end of a prompt. */
static void
media_call_after(struct call *call)
{
	struct media_call	*m = call->media;
	media_done_fn		 done;

	for (int i = 0; i < m->ndigits && call->state != CALL_CLEARING; i++)
		if (m->on_digit != NULL)
			m->on_digit(call, m->digits[i]);
	m->ndigits = 0;
	if (m->amd != NULL && m->amd->verdict != AMD_PENDING &&
	    m->amd_done != NULL && call->state != CALL_CLEARING) {
		media_amd_fn fn = m->amd_done;

		m->amd_done = NULL;
		fn(call, m->amd);
		if (call->state == CALL_CLEARING)
			return;
	}
	if (call->state == CALL_CLEARING || m->done == NULL ||
	    player_active(&m->prompt))
		return;
	done = m->done;
	m->done = NULL;
	player_stop(&m->prompt);
	done(call);
}

/* Asks the cache for what the coming calls' frames will read, while this
 * one's is worked out, one pointer further each step: the call three
 * channels on, the media state of the one two on (its call was asked for
 * a step ago), the recorder and headsets of the next (its media state
 * likewise). */
static struct call *
media_chan_call(struct span *s, int ch)
{
	return ch < SPAN_TIMESLOTS ? s->chan[ch].call : NULL;
}

static void
media_prefetch(struct span *s, int ch)
{
	struct call		*c3 = media_chan_call(s, ch + 3);
	struct call		*c2 = media_chan_call(s, ch + 2);
	struct call		*c1 = media_chan_call(s, ch + 1);
	struct media_call	*m;

	if (c3 != NULL) {
		__builtin_prefetch(&c3->state);
		__builtin_prefetch(&c3->leg);
		__builtin_prefetch(&c3->media);
	}
	if (c2 != NULL && (m = c2->media) != NULL) {
		__builtin_prefetch(m);
		__builtin_prefetch(&m->prompt);
		__builtin_prefetch(&m->m[0].ep);
	}
	if (c1 == NULL || (m = c1->media) == NULL)
		return;
	if (m->rec != NULL)
		record_prefetch(m->rec);
	for (int i = 0; i < m->nm; i++)
		__builtin_prefetch(m->m[i].ep);
}

void
media_tick(struct span *s, const uint8_t *rx, uint8_t *tx)
{
	const struct span_kind *k = s->kind;

	memset(tx, k->idle, k->block);
	for (int ch = 1; ch < SPAN_TIMESLOTS; ch++) {
		struct call	*call = s->chan[ch].call;
		int		 off;

		media_prefetch(s, ch);

		if (call == NULL || call->state == CALL_SETUP)
			continue;
		off = span_chan_offset(s, ch);
		if (call->leg != NULL) {
			leg_frame(call, k, rx + off, tx + off);
			continue;
		}
		media_call_frame(call, k, rx + off, tx + off);
		media_call_after(call);
	}
}

void
media_play(struct call *call, const char *const *names, int n,
    media_done_fn done)
{
	struct media_call *m = media_of(call);

	player_start(&m->prompt, names, n, call->lang, 0);
	m->done = done;
}

void
media_play_stop(struct call *call)
{
	struct media_call *m = media_of(call);

	player_stop(&m->prompt);
	m->done = NULL;
}

int
media_playing(struct call *call)
{
	return player_active(&media_of(call)->prompt);
}

void
media_detect_dtmf(struct call *call, media_digit_fn fn)
{
	struct media_call *m = media_of(call);

	/* The detector, once made, lives as long as the call: one made anew
	 * in the middle of a tone would report that digit a second time. */
	m->on_digit = fn;
	if (fn != NULL && m->dtmf == NULL)
		m->dtmf = dtmf_rx_init(NULL, media_dtmf_cb, m);
}

void
media_detect_amd(struct call *call, const struct amd_cfg *cfg,
    media_amd_fn done)
{
	struct media_call *m = media_of(call);

	free(m->amd);
	m->amd = NULL;
	m->amd_done = NULL;
	if (cfg == NULL)
		return;
	m->amd = xmalloc(sizeof *m->amd);
	amd_init(m->amd, cfg);
	m->amd_done = done;
}

void
media_digit(struct call *call, int digit)
{
	struct media_call *m = media_of(call);

	if (m->on_digit != NULL)
		m->on_digit(call, digit);
}

static struct media_member *
media_member_of(struct media_call *m, struct endpoint *ep)
{
	for (int i = 0; i < m->nm; i++)
		if (m->m[i].ep == ep)
			return &m->m[i];
	return NULL;
}

int
media_join(struct call *call, struct endpoint *ep, enum media_role role)
{
	struct media_call	*m = media_of(call);
	struct media_member	*x = media_member_of(m, ep);

	if (x == NULL) {
		if (m->nm == MEDIA_MEMBERS)
			return -1;
		if (ep->call != NULL && ep->call != call)
			media_leave(ep->call, ep);
		x = &m->m[m->nm++];
		memset(x, 0, sizeof *x);
		x->ep = ep;
		endpoint_join(ep, call);
		endpoint_reset(ep);
	}
	x->role = role;
	return 0;
}

void
media_leave(struct call *call, struct endpoint *ep)
{
	struct media_call	*m = call->media;
	struct media_member	*x;

	if (m == NULL || (x = media_member_of(m, ep)) == NULL)
		return;
	*x = m->m[--m->nm];
	endpoint_join(ep, NULL);
}

void
media_leave_all(struct call *call)
{
	struct media_call *m = call->media;

	while (m != NULL && m->nm > 0)
		media_leave(call, m->m[0].ep);
}

void
media_hold(struct call *call, int on)
{
	media_of(call)->held = on;
}

void
media_mute(struct call *call, int on)
{
	media_of(call)->muted = on;
}

int
media_held(struct call *call)
{
	return media_of(call)->held;
}

int
media_muted(struct call *call)
{
	return media_of(call)->muted;
}

int
media_record_start(struct call *call, const char *path, enum record_mode mode,
    enum record_codec codec, media_record_fn failed, char *err, size_t errlen)
{
	struct media_call *m = media_of(call);

	if (m->rec != NULL) {
		snprintf(err, errlen, "already recording");
		return -1;
	}
	if ((m->rec = record_open(path, mode, codec, err, errlen)) == NULL)
		return -1;
	m->rec_failed = failed;
	return 0;
}

int
media_record_stop(struct call *call, char *err, size_t errlen)
{
	struct media_call	*m = media_of(call);
	char			 why[256];
	int			 rc;

	if (m->rec == NULL)
		return 0;
	rc = record_close(m->rec, why, sizeof why);
	m->rec = NULL;
	if (rc != 0 && err != NULL)
		snprintf(err, errlen, "%s", why);
	return rc;
}

void
media_record_pause(struct call *call, int paused)
{
	struct media_call *m = media_of(call);

	if (m->rec != NULL)
		record_pause(m->rec, paused);
}

int
media_recording(struct call *call)
{
	struct media_call *m = media_of(call);

	return m->rec == NULL ? 0 : record_paused(m->rec) ? 2 : 1;
}

void
media_call_free(struct call *call)
{
	struct media_call *m = call->media;

	if (m == NULL)
		return;
	media_leave_all(call);
	if (m->rec != NULL)
		record_close(m->rec, NULL, 0);
	if (m->tone != NULL)
		tone_gen_free(m->tone);
	if (m->signal != NULL)
		tone_gen_free(m->signal);
	if (m->dtmf_tx != NULL)
		dtmf_tx_free(m->dtmf_tx);
	if (m->dtmf != NULL)
		dtmf_rx_free(m->dtmf);
	free(m->amd);
	player_stop(&m->prompt);
	player_stop(&m->moh);
	free(m);
	call_set_media(call, NULL);
}

void
media_signal(struct call *call, enum media_tone kind)
{
	struct media_call *m = media_of(call);

	if (m->signal != NULL)
		tone_gen_free(m->signal);
	m->signal = kind == MEDIA_RINGBACK ? NULL : media_tone_new(call, kind);
}

void
media_ringing(struct call *call, int on)
{
	media_of(call)->ringing = on;
}

/* 80 ms tone and 80 ms gap per digit, as a dialer sends them. */
void
media_send_dtmf(struct call *call, const char *digits)
{
	struct media_call *m = media_of(call);

	if (m->dtmf_tx == NULL) {
		m->dtmf_tx = dtmf_tx_init(NULL);
		dtmf_tx_set_timing(m->dtmf_tx, 80, 80);
	}
	dtmf_tx_put(m->dtmf_tx, digits, -1);
}
