/* pstn-audio.c: what a simulated caller says and hears, in A-law. It says
 * a steady low-level 1004 Hz tone (the test tone of ITU-T O.6), or DTMF
 * digits from spandsp's generator while it sends them; it hears audio in
 * a block whose mean amplitude is above near-silence. */
#include <math.h>
#include <stdlib.h>
#include <spandsp.h>
#include "pstn-audio.h"
#include "xmalloc.h"

#define PSTN_AUDIO_TONE_HZ	1004.0
#define PSTN_AUDIO_TONE_AMP	1000.0	/* of 32767: about -30 dBFS */
#define PSTN_AUDIO_HEARD	100	/* mean |sample| above this is audio */
#define PSTN_AUDIO_DTMF_MS	80	/* tone and gap (Q.24 allows 40+) */

struct pstn_audio {
	double			 phase;
	dtmf_tx_state_t		*dtmf;		/* while sending digits */
};

struct pstn_audio *
pstn_audio_new(void)
{
	return xcalloc(1, sizeof (struct pstn_audio));
}

void
pstn_audio_free(struct pstn_audio *a)
{
	if (a->dtmf != NULL)
		dtmf_tx_free(a->dtmf);
	free(a);
}

void
pstn_audio_dtmf(struct pstn_audio *a, const char *digits)
{
	if (a->dtmf == NULL) {
		a->dtmf = dtmf_tx_init(NULL);
		dtmf_tx_set_timing(a->dtmf, PSTN_AUDIO_DTMF_MS,
		    PSTN_AUDIO_DTMF_MS);
	}
	dtmf_tx_put(a->dtmf, digits, -1);
}

static void
pstn_audio_tone(struct pstn_audio *a, uint8_t *alaw, int n)
{
	const double step = 2 * M_PI * PSTN_AUDIO_TONE_HZ / SAMPLE_RATE;

	for (int i = 0; i < n; i++) {
		alaw[i] = linear_to_alaw((int)lrint(PSTN_AUDIO_TONE_AMP *
		    sin(a->phase)));
		a->phase += step;
	}
	a->phase = fmod(a->phase, 2 * M_PI);
}

/* The DTMF still queued, then the tone again once the digits are out. */
void
pstn_audio_out(struct pstn_audio *a, uint8_t *alaw, int n)
{
	int16_t	amp[SAMPLE_RATE / 50];
	int	got = 0;

	if (a->dtmf != NULL && n <= (int)(sizeof amp / sizeof amp[0]))
		got = dtmf_tx(a->dtmf, amp, n);
	if (got > 0) {
		for (int i = 0; i < n; i++)
			alaw[i] = linear_to_alaw(i < got ? amp[i] : 0);
	} else
		pstn_audio_tone(a, alaw, n);
	if (a->dtmf != NULL && got < n) {
		dtmf_tx_free(a->dtmf);
		a->dtmf = NULL;
	}
}

int
pstn_audio_heard(const uint8_t *alaw, int n)
{
	long sum = 0;

	for (int i = 0; i < n; i++)
		sum += labs((long)alaw_to_linear(alaw[i]));
	return sum > (long)PSTN_AUDIO_HEARD * n;
}
