/* media.c: the 20 ms media tick, run once per block the network clocks in.
 * It does media and nothing else. Now: ringback for callers waiting in a
 * queue (tone plans per the span's country), silence elsewhere. Bridging,
 * prompts, DTMF and recording come with the media issue. */
#include <stdlib.h>
#include <string.h>
#include <spandsp.h>
#include "call.h"
#include "media.h"
#include "span.h"
#include "xmalloc.h"

struct media_call {
	tone_gen_state_t	*tone;
};

/* Ringback tone plans: frequencies (Hz), levels (dBm0), cadence (ms). */
static const struct media_tone_plan {
	const char	*country;
	int		 f1, l1, f2, l2, on1, off1, on2, off2;
} media_ringback[] = {
	{ "eu", 425, -13, 0, 0, 1000, 4000, 0, 0 },		/* ETSI TR 101 041 */
	{ "us", 440, -19, 480, -19, 2000, 4000, 0, 0 },		/* ANSI T1.401 */
	{ "uk", 400, -19, 450, -19, 400, 200, 400, 2000 },	/* BT SIN 350 */
};

static const struct media_tone_plan *
media_plan(const char *country)
{
	for (size_t i = 0; i < sizeof media_ringback / sizeof media_ringback[0]; i++)
		if (country != NULL && strcmp(media_ringback[i].country, country) == 0)
			return &media_ringback[i];
	return &media_ringback[0];
}

static struct media_call *
media_of(struct call *call)
{
	struct media_call		*m = call->media;
	const struct media_tone_plan	*p;
	tone_gen_descriptor_t		*desc;

	if (m != NULL)
		return m;
	m = call->media = xcalloc(1, sizeof *m);
	p = media_plan(call->span->cfg.country);
	desc = tone_gen_descriptor_init(NULL, p->f1, p->l1, p->f2, p->l2,
	    p->on1, p->off1, p->on2, p->off2, 1);
	m->tone = tone_gen_init(NULL, desc);	/* copies the descriptor */
	tone_gen_descriptor_free(desc);
	return m;
}

static void
media_ringback_into(struct call *call, uint8_t *out)
{
	int16_t amp[SPAN_SAMPLES];
	int	n = tone_gen(media_of(call)->tone, amp, SPAN_SAMPLES);

	for (int i = 0; i < n; i++)
		out[i] = linear_to_alaw(amp[i]);
}

void
media_tick(struct span *s, const uint8_t *rx, uint8_t *tx)
{
	memset(tx, SPAN_ALAW_IDLE, SPAN_BLOCK);
	for (int ch = 1; ch < SPAN_TIMESLOTS; ch++) {
		struct call *call = s->chan[ch].call;

		if (call == NULL)
			continue;
		if (call->state == CALL_QUEUED || call->state == CALL_OFFERED)
			media_ringback_into(call, tx + ch * SPAN_SAMPLES);
	}
}

void
media_call_free(struct call *call)
{
	struct media_call *m = call->media;

	if (m == NULL)
		return;
	tone_gen_free(m->tone);
	free(m);
	call->media = NULL;
}
