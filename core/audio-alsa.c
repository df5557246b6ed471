/* audio-alsa.c: headsets through ALSA (audio-alsa.h). Both streams are
 * non-blocking, S16 mono 8 kHz through ALSA's plug layer (any card rate),
 * 20 ms periods, about 80 ms of buffer. xruns and suspends are recovered
 * and counted; any other error marks the device failed until a retry
 * opens it again. ALSA's own messages to stderr are silenced: the core
 * reports device trouble itself, once, through endpoint.c. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <alsa/asoundlib.h>
#include "audio-alsa.h"
#include "log.h"
#include "xmalloc.h"

#define ALSA_RATE	8000
#define ALSA_LATENCY_US	80000		/* buffer: 4 periods of 20 ms */
#define ALSA_FILL_MAX	3		/* periods queued before dropping */

/* What every frame reads and counts first; the message last. */
struct alsa_dev {
	snd_pcm_t		*play, *cap;
	snd_pcm_uframes_t	 buffer, period;
	int			 failed;
	int			 cap_started;	/* known running: no state query */
	struct alsa_dev_stats	 st;
	char			*name;
	char			 error[256];
};

static void
alsa_quiet(const char *file, int line, const char *fn, int err,
    const char *fmt, ...)
{
}

static int
alsa_open_stream(struct alsa_dev *d, snd_pcm_stream_t dir, snd_pcm_t **pcm,
    char *err, size_t errlen)
{
	int r;

	if ((r = snd_pcm_open(pcm, d->name, dir, SND_PCM_NONBLOCK)) < 0) {
		snprintf(err, errlen, "ALSA device \"%s\": cannot open for %s: %s",
		    d->name, dir == SND_PCM_STREAM_PLAYBACK ? "playback" :
		    "capture", snd_strerror(r));
		*pcm = NULL;
		return -1;
	}
	r = snd_pcm_set_params(*pcm, SND_PCM_FORMAT_S16,
	    SND_PCM_ACCESS_RW_INTERLEAVED, 1, ALSA_RATE, 1, ALSA_LATENCY_US);
	if (r < 0) {
		snprintf(err, errlen, "ALSA device \"%s\": 8 kHz mono 16-bit "
		    "refused: %s", d->name, snd_strerror(r));
		snd_pcm_close(*pcm);
		*pcm = NULL;
		return -1;
	}
	return 0;
}

static void
alsa_close_streams(struct alsa_dev *d)
{
	if (d->play != NULL)
		snd_pcm_close(d->play);
	if (d->cap != NULL)
		snd_pcm_close(d->cap);
	d->play = d->cap = NULL;
}

static int
alsa_open_streams(struct alsa_dev *d, char *err, size_t errlen)
{
	char ignored[256];

	if (alsa_open_stream(d, SND_PCM_STREAM_PLAYBACK, &d->play, err,
	    errlen) != 0)
		return -1;
	if (snd_pcm_get_params(d->play, &d->buffer, &d->period) < 0 ||
	    d->period == 0) {
		d->buffer = ALSA_RATE * ALSA_LATENCY_US / 1000000;
		d->period = d->buffer / 4;
	}
	d->st.playback_only = alsa_open_stream(d, SND_PCM_STREAM_CAPTURE,
	    &d->cap, ignored, sizeof ignored) != 0;
	if (d->st.playback_only)
		log_info("ALSA device \"%s\": no capture (%s)", d->name, ignored);
	d->failed = 0;
	d->cap_started = 0;
	return 0;
}

struct alsa_dev *
alsa_dev_open(const char *device, char *err, size_t errlen)
{
	struct alsa_dev *d = xcalloc(1, sizeof *d);

	snd_lib_error_set_handler(alsa_quiet);
	/* One thread calls ALSA: its per-call locking is pure cost. */
	setenv("LIBASOUND_THREAD_SAFE", "0", 0);
	d->name = xstrdup(device);
	if (alsa_open_streams(d, err, errlen) != 0) {
		free(d->name);
		free(d);
		return NULL;
	}
	return d;
}

void
alsa_dev_close(struct alsa_dev *d)
{
	if (d == NULL)
		return;
	alsa_close_streams(d);
	free(d->name);
	free(d);
}

void
alsa_config_reload(void)
{
	snd_config_update_free_global();
}

int
alsa_dev_retry(struct alsa_dev *d)
{
	alsa_close_streams(d);
	if (alsa_open_streams(d, d->error, sizeof d->error) != 0) {
		d->failed = 1;
		return -1;
	}
	return 0;
}

static int
alsa_fail(struct alsa_dev *d, const char *what, int r)
{
	snprintf(d->error, sizeof d->error, "ALSA device \"%s\": %s: %s",
	    d->name, what, snd_strerror(r));
	d->failed = 1;
	alsa_close_streams(d);
	return -1;
}

/* An xrun or a suspend: recover and count; anything else is fatal. */
static int
alsa_recover(struct alsa_dev *d, snd_pcm_t *pcm, int r, const char *what)
{
	if (r != -EPIPE && r != -ESTRPIPE)
		return alsa_fail(d, what, r);
	d->st.xruns++;
	if ((r = snd_pcm_recover(pcm, r, 1)) < 0)
		return alsa_fail(d, what, r);
	return 0;
}

int
alsa_dev_play(struct alsa_dev *d, const int16_t *pcm, int n)
{
	snd_pcm_sframes_t	avail, r;

	if (d->failed)
		return -1;
	if ((avail = snd_pcm_avail_update(d->play)) < 0) {
		if (alsa_recover(d, d->play, (int)avail, "playback") != 0)
			return -1;
		avail = snd_pcm_avail_update(d->play);
	}
	if (avail >= 0 && d->buffer - (snd_pcm_uframes_t)avail >
	    ALSA_FILL_MAX * d->period) {
		d->st.dropped++;	/* the card is slower than the span */
		return 0;
	}
	r = snd_pcm_writei(d->play, pcm, n);
	if (r == -EAGAIN) {
		d->st.dropped++;
		return 0;
	}
	if (r < 0 && alsa_recover(d, d->play, (int)r, "playback") != 0)
		return -1;
	if (r < 0)
		snd_pcm_writei(d->play, pcm, n);
	d->st.played++;
	return 0;
}

int
alsa_dev_capture(struct alsa_dev *d, int16_t *pcm, int n)
{
	snd_pcm_sframes_t	avail, r;

	if (d->failed)
		return -1;
	memset(pcm, 0, n * sizeof *pcm);
	if (d->cap == NULL)
		return 0;
	if (!d->cap_started && snd_pcm_state(d->cap) == SND_PCM_STATE_PREPARED)
		snd_pcm_start(d->cap);
	d->cap_started = 1;
	avail = snd_pcm_avail_update(d->cap);
	if (avail > (snd_pcm_sframes_t)(ALSA_FILL_MAX * d->period))
		snd_pcm_forward(d->cap, avail - 2 * d->period);	/* drift */
	r = snd_pcm_readi(d->cap, pcm, n);
	if (r == -EAGAIN || (r >= 0 && r < n)) {
		d->st.padded++;
		return 0;
	}
	if (r < 0) {
		d->cap_started = 0;	/* recovered: prepared, to start */
		return alsa_recover(d, d->cap, (int)r, "capture");
	}
	d->st.captured++;
	return 0;
}

void
alsa_dev_reset(struct alsa_dev *d)
{
	if (d->failed)
		return;
	snd_pcm_drop(d->play);
	snd_pcm_prepare(d->play);
	if (d->cap != NULL) {
		snd_pcm_drop(d->cap);
		snd_pcm_prepare(d->cap);
		d->cap_started = 0;
	}
}

const char *
alsa_dev_error(const struct alsa_dev *d)
{
	return d->error[0] != '\0' ? d->error : "failed";
}

void
alsa_dev_get_stats(const struct alsa_dev *d, struct alsa_dev_stats *st)
{
	*st = d->st;
}
