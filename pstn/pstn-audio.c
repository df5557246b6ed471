/* pstn-audio.c: what a simulated caller says and hears, in A-law. It says
 * a steady low-level 1004 Hz tone (the test tone of ITU-T O.6; a called
 * party another, --answer-tone), or a voice file looped (--voice), or DTMF digits from spandsp's generator while it
 * sends them (',' in the digits is a one-second pause, as on a dialer).
 * It hears audio in a block whose mean amplitude is above near-silence,
 * and can keep all it heard for a WAV file (--save-audio). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sndfile.h>
#include <spandsp.h>
#include "pstn-audio.h"
#include "xmalloc.h"

#define PSTN_AUDIO_TONE_HZ	1004.0
#define PSTN_AUDIO_TONE_AMP	1000.0	/* of 32767: about -30 dBFS */
#define PSTN_AUDIO_HEARD	100	/* mean |sample| above this is audio */
#define PSTN_AUDIO_DTMF_MS	80	/* tone and gap (Q.24 allows 40+) */
#define PSTN_AUDIO_PAUSE	50	/* 20 ms blocks in a ',' pause */

struct pstn_audio {
	double			 phase;
	double			 tone_hz;
	size_t			 tone_pos;	/* into its table */
	size_t			 voice_pos;
	dtmf_tx_state_t		*dtmf;		/* while sending digits */
	char			*pending;	/* digits after a pause */
	size_t			 next;		/* into pending */
	int			 pause;		/* blocks of pause left */
	const int16_t		*say;		/* once, then silence */
	size_t			 say_len, say_pos;
	uint8_t			*heard;		/* kept for --save-audio */
	size_t			 nheard, heard_cap;
};

static int16_t	*pstn_voice;
static size_t	 pstn_voice_len;

int16_t *
pstn_audio_load(const char *path, size_t *len, char *err, int errlen)
{
	SF_INFO	 info = { 0 };
	SNDFILE	*sf = sf_open(path, SFM_READ, &info);
	int16_t	*samples;

	if (sf == NULL) {
		snprintf(err, errlen, "%s: %s", path, sf_strerror(NULL));
		return NULL;
	}
	if (info.samplerate != 8000 || info.channels != 1 || info.frames < 160) {
		snprintf(err, errlen, "%s: needs 8000 Hz mono audio of 20 ms or "
		    "more (has %d Hz, %d channels)", path, info.samplerate,
		    info.channels);
		sf_close(sf);
		return NULL;
	}
	samples = xcalloc((size_t)info.frames, sizeof *samples);
	*len = (size_t)sf_readf_short(sf, samples, info.frames);
	sf_close(sf);
	return samples;
}

int
pstn_audio_voice(const char *path, char *err, int errlen)
{
	pstn_voice = pstn_audio_load(path, &pstn_voice_len, err, errlen);
	return pstn_voice != NULL ? 0 : -1;
}

struct pstn_audio *
pstn_audio_new(double tone_hz)
{
	struct pstn_audio *a = xcalloc(1, sizeof *a);

	pstn_audio_set_tone(a, tone_hz);
	return a;
}

void
pstn_audio_set_tone(struct pstn_audio *a, double tone_hz)
{
	a->tone_hz = tone_hz > 0 ? tone_hz : PSTN_AUDIO_TONE_HZ;
}

void
pstn_audio_free(struct pstn_audio *a)
{
	if (a->dtmf != NULL)
		dtmf_tx_free(a->dtmf);
	free(a->pending);
	free(a->heard);
	free(a);
}

void
pstn_audio_say(struct pstn_audio *a, const int16_t *samples, size_t len)
{
	a->say = samples;
	a->say_len = len;
	a->say_pos = 0;
}

void
pstn_audio_dtmf(struct pstn_audio *a, const char *digits)
{
	free(a->pending);
	a->pending = xstrdup(digits);
	a->next = 0;
}

/* Moves the next run of digits (up to a ',') into the generator. */
static void
pstn_audio_next_run(struct pstn_audio *a)
{
	char	run[64];
	size_t	n;

	if (a->pending == NULL || a->pending[a->next] == '\0')
		return;
	if (a->pending[a->next] == ',') {
		a->next++;
		a->pause = PSTN_AUDIO_PAUSE;
		return;
	}
	n = strcspn(a->pending + a->next, ",");
	if (n >= sizeof run)
		n = sizeof run - 1;
	memcpy(run, a->pending + a->next, n);
	run[n] = '\0';
	a->next += n;
	if (a->dtmf == NULL) {
		a->dtmf = dtmf_tx_init(NULL);
		dtmf_tx_set_timing(a->dtmf, PSTN_AUDIO_DTMF_MS,
		    PSTN_AUDIO_DTMF_MS);
	}
	dtmf_tx_put(a->dtmf, run, -1);
}

/* A tone of a whole number of Hz repeats exactly every second: its A-law
 * second is computed once (one per frequency, a few at most) and played
 * from a table, so a thousand callers cost no sin() per sample. */
#define PSTN_AUDIO_TABLES	4

static const uint8_t *
pstn_audio_table(double hz)
{
	static struct { double hz; uint8_t *alaw; } t[PSTN_AUDIO_TABLES];
	int i;

	if (hz != floor(hz))
		return NULL;
	for (i = 0; i < PSTN_AUDIO_TABLES && t[i].alaw != NULL; i++)
		if (t[i].hz == hz)
			return t[i].alaw;
	if (i == PSTN_AUDIO_TABLES)
		return NULL;
	t[i].hz = hz;
	t[i].alaw = xcalloc(SAMPLE_RATE, 1);
	for (int k = 0; k < SAMPLE_RATE; k++)
		t[i].alaw[k] = linear_to_alaw((int)lrint(PSTN_AUDIO_TONE_AMP *
		    sin(2 * M_PI * hz * k / SAMPLE_RATE)));
	return t[i].alaw;
}

static void
pstn_audio_tone(struct pstn_audio *a, uint8_t *alaw, int n)
{
	const double	 step = 2 * M_PI * a->tone_hz / SAMPLE_RATE;
	const uint8_t	*table;

	if (a->say != NULL) {
		for (int i = 0; i < n; i++)
			alaw[i] = linear_to_alaw(a->say_pos < a->say_len ?
			    a->say[a->say_pos++] : 0);
		return;
	}
	if (pstn_voice != NULL && a->tone_hz == PSTN_AUDIO_TONE_HZ) {
		for (int i = 0; i < n; i++) {
			alaw[i] = linear_to_alaw(pstn_voice[a->voice_pos++]);
			a->voice_pos %= pstn_voice_len;
		}
		return;
	}
	if ((table = pstn_audio_table(a->tone_hz)) != NULL) {
		for (int i = 0; i < n; i++) {
			alaw[i] = table[a->tone_pos++];
			a->tone_pos %= SAMPLE_RATE;
		}
		return;
	}
	for (int i = 0; i < n; i++) {
		alaw[i] = linear_to_alaw((int)lrint(PSTN_AUDIO_TONE_AMP *
		    sin(a->phase)));
		a->phase += step;
	}
	a->phase = fmod(a->phase, 2 * M_PI);
}

/* The DTMF still queued, then the tone (or voice) again. */
void
pstn_audio_out(struct pstn_audio *a, uint8_t *alaw, int n)
{
	int16_t	amp[SAMPLE_RATE / 50];
	int	got = 0;

	if (a->pause > 0)
		a->pause--;
	else if (a->dtmf == NULL)
		pstn_audio_next_run(a);
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

void
pstn_audio_keep(struct pstn_audio *a, const uint8_t *alaw, int n)
{
	if (a->nheard + n > a->heard_cap) {
		a->heard_cap = a->heard_cap ? a->heard_cap * 2 : 8000 * 8;
		a->heard = xrealloc(a->heard, a->heard_cap);
	}
	memcpy(a->heard + a->nheard, alaw, n);
	a->nheard += n;
}

int
pstn_audio_save(struct pstn_audio *a, const char *path)
{
	SF_INFO	 info = { .samplerate = 8000, .channels = 1,
	    .format = SF_FORMAT_WAV | SF_FORMAT_PCM_16 };
	SNDFILE	*sf = sf_open(path, SFM_WRITE, &info);
	int16_t	 buf[160];
	size_t	 i, n;

	if (sf == NULL)
		return -1;
	for (i = 0; i < a->nheard; i += n) {
		n = a->nheard - i < 160 ? a->nheard - i : 160;
		for (size_t j = 0; j < n; j++)
			buf[j] = alaw_to_linear(a->heard[i + j]);
		sf_writef_short(sf, buf, (sf_count_t)n);
	}
	return sf_close(sf);
}
