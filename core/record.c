/* record.c: WAV recordings through libsndfile (record.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sndfile.h>
#include "record.h"
#include "xmalloc.h"

#define RECORD_RATE	8000
#define RECORD_BUF	RECORD_RATE	/* frames buffered: one second */

struct recorder {
	int		 nbuf;		/* frames in buf */
	int		 paused;
	int		 failed;
	int		 channels;
	enum record_mode mode;
	SNDFILE		*sf;
	char		 error[256];
	int16_t		 buf[RECORD_BUF * 2];
};

struct recorder *
record_open(const char *path, enum record_mode mode, char *err, size_t errlen)
{
	struct recorder	*r;
	SF_INFO		 info = { 0 };
	SNDFILE		*sf;

	info.samplerate = RECORD_RATE;
	info.channels = mode == RECORD_STEREO ? 2 : 1;
	info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
	if ((sf = sf_open(path, SFM_WRITE, &info)) == NULL) {
		snprintf(err, errlen, "%s: %s", path, sf_strerror(NULL));
		return NULL;
	}
	/* The header stays true on disk after every write: a core that is
	 * killed still leaves a playable file. */
	sf_command(sf, SFC_SET_UPDATE_HEADER_AUTO, NULL, SF_TRUE);
	r = xcalloc(1, sizeof *r);
	r->sf = sf;
	r->mode = mode;
	r->channels = info.channels;
	return r;
}

static int
record_flush(struct recorder *r)
{
	sf_count_t n;

	if (r->nbuf == 0 || r->failed)
		return r->failed ? -1 : 0;
	errno = 0;
	n = sf_writef_short(r->sf, r->buf, r->nbuf);
	if (n != r->nbuf) {
		snprintf(r->error, sizeof r->error, "write failed: %s",
		    errno ? strerror(errno) : sf_strerror(r->sf));
		r->failed = 1;
		return -1;
	}
	r->nbuf = 0;
	return 0;
}

static int16_t
record_mix(int a, int b)
{
	int s = a + b;

	return (int16_t)(s > 32767 ? 32767 : s < -32768 ? -32768 : s);
}

/* A frame at a time (n <= RECORD_BUF): the buffer goes to the disk when
 * the next frame would not fit, about once a second. */
int
record_frame(struct recorder *r, const int16_t *caller, const int16_t *other,
    int n)
{
	int16_t *out;

	if (r->failed || (r->nbuf + n > RECORD_BUF && record_flush(r) != 0))
		return -1;
	out = r->buf + r->nbuf * r->channels;
	r->nbuf += n;
	if (r->paused)
		memset(out, 0, n * r->channels * sizeof *out);
	else if (r->mode == RECORD_STEREO)
		for (int i = 0; i < n; i++) {
			out[2 * i] = caller[i];
			out[2 * i + 1] = other[i];
		}
	else if (r->mode == RECORD_MIXED)
		for (int i = 0; i < n; i++)
			out[i] = record_mix(caller[i], other[i]);
	else
		memcpy(out, caller, n * sizeof *out);
	return 0;
}

/* The recorder's state, asked of the cache ahead of its frame. */
void
record_prefetch(const struct recorder *r)
{
	__builtin_prefetch(r);
}

void
record_pause(struct recorder *r, int paused)
{
	r->paused = paused;
}

int
record_paused(const struct recorder *r)
{
	return r->paused;
}

int
record_close(struct recorder *r, char *err, size_t errlen)
{
	int rc = record_flush(r);

	if (sf_close(r->sf) != 0 && rc == 0) {
		snprintf(r->error, sizeof r->error, "close failed");
		rc = -1;
	}
	if (rc != 0)
		snprintf(err, errlen, "%s", r->error);
	free(r);
	return rc;
}

const char *
record_error(const struct recorder *r)
{
	return r->error;
}
