/* record.c: WAV recordings through libsndfile (record.h). The file's
 * bytes go through libsndfile's virtual I/O to our own descriptor: the
 * position and length are kept here, so a flush is two system calls (the
 * data appended with write(), the header rewritten in place with pwrite())
 * where the stdio-like path took six (lseeks and an fstat around them).
 * An A-law file's samples are coded here (the wire's own bytes when it has
 * them) and handed to libsndfile raw.
 *
 * A flush writes whole pages of the file: it stops at the last 4 KB
 * boundary of the file's offset and keeps the rest (under a page) for the
 * next one. The kernel then fills each page of the page cache once and
 * whole: no page of the file is looked up a second time to be finished,
 * and none is zeroed beyond the data. The buffer still holds at most one
 * second, so what a killed core leaves on disk is as old as before. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sndfile.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include "alaw.h"
#include "record.h"
#include "xmalloc.h"

#define RECORD_RATE	8000
#define RECORD_BUF	RECORD_RATE	/* frames buffered: one second */
#define ALAW_SILENCE	0xd5		/* linear_to_alaw(0) */
#define RECORD_PAGE	4096		/* a flush ends on this file offset */

struct record_file {
	int		 fd;
	sf_count_t	 pos;		/* libsndfile's position */
	sf_count_t	 len;		/* the file's length */
	sf_count_t	 off;		/* the descriptor's own offset */
};

struct recorder {
	int		 nbuf;		/* frames in buf */
	int		 paused;
	int		 failed;
	int		 channels;
	int		 width;		/* bytes a frame */
	enum record_mode mode;
	enum record_codec codec;
	SNDFILE		*sf;
	struct record_file f;
	char		 error[256];
	union {
		int16_t	 pcm[RECORD_BUF * 2];
		uint8_t	 alaw[RECORD_BUF * 2];
	} buf;
};

static sf_count_t
record_vio_len(void *arg)
{
	return ((struct record_file *)arg)->len;
}

static sf_count_t
record_vio_seek(sf_count_t offset, int whence, void *arg)
{
	struct record_file *f = arg;

	f->pos = offset + (whence == SEEK_CUR ? f->pos : whence == SEEK_END ?
	    f->len : 0);
	return f->pos;
}

static sf_count_t
record_vio_read(void *ptr, sf_count_t count, void *arg)
{
	struct record_file	*f = arg;
	ssize_t			 n = pread(f->fd, ptr, count, f->pos);

	if (n > 0)
		f->pos += n;
	return n < 0 ? 0 : n;
}

/* Appending at the descriptor's offset is a plain write(); anything else
 * (the header, at the start) a pwrite() that leaves the offset alone. */
static sf_count_t
record_vio_write(const void *ptr, sf_count_t count, void *arg)
{
	struct record_file	*f = arg;
	ssize_t			 n;

	if (f->pos == f->off) {
		if ((n = write(f->fd, ptr, count)) > 0)
			f->off += n;
	} else
		n = pwrite(f->fd, ptr, count, f->pos);
	if (n <= 0)
		return 0;
	f->pos += n;
	if (f->pos > f->len)
		f->len = f->pos;
	return n;
}

static sf_count_t
record_vio_tell(void *arg)
{
	return ((struct record_file *)arg)->pos;
}

static SF_VIRTUAL_IO record_vio = {
	.get_filelen = record_vio_len, .seek = record_vio_seek,
	.read = record_vio_read, .write = record_vio_write,
	.tell = record_vio_tell,
};

struct recorder *
record_open(const char *path, enum record_mode mode, enum record_codec codec,
    char *err, size_t errlen)
{
	struct recorder	*r = xcalloc(1, sizeof *r);
	SF_INFO		 info = { 0 };

	info.samplerate = RECORD_RATE;
	info.channels = mode == RECORD_STEREO ? 2 : 1;
	info.format = SF_FORMAT_WAV | (codec == RECORD_ALAW ? SF_FORMAT_ALAW :
	    SF_FORMAT_PCM_16);
	alaw_init();
	r->f.fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
	if (r->f.fd < 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		free(r);
		return NULL;
	}
	if ((r->sf = sf_open_virtual(&record_vio, SFM_WRITE, &info,
	    &r->f)) == NULL) {
		snprintf(err, errlen, "%s: %s", path, sf_strerror(NULL));
		close(r->f.fd);
		free(r);
		return NULL;
	}
	/* The header stays true on disk after every write: a core that is
	 * killed still leaves a playable file. */
	sf_command(r->sf, SFC_SET_UPDATE_HEADER_AUTO, NULL, SF_TRUE);
	r->mode = mode;
	r->codec = codec;
	r->channels = info.channels;
	r->width = r->channels * (codec == RECORD_ALAW ? 1 : 2);
	return r;
}

/* Bytes of the buffer's end to keep back so that this flush ends on a
 * page of the file: whole frames, and never all of it. */
static int
record_keep(const struct recorder *r)
{
	int bytes = r->nbuf * r->width;
	int keep = (int)((r->f.off + bytes) % RECORD_PAGE);

	keep += (r->width - keep % r->width) % r->width;
	return keep < bytes ? keep : 0;
}

/* Writes the buffer, all of it (ALL) or up to a page's boundary, the
 * rest moved to its start. */
static int
record_flush(struct recorder *r, int all)
{
	sf_count_t	n;
	int		keep, frames;

	if (r->nbuf == 0 || r->failed)
		return r->failed ? -1 : 0;
	keep = all ? 0 : record_keep(r);
	frames = r->nbuf - keep / r->width;
	errno = 0;
	if (r->codec == RECORD_ALAW)
		n = sf_write_raw(r->sf, r->buf.alaw, (sf_count_t)frames *
		    r->channels) / r->channels;
	else
		n = sf_writef_short(r->sf, r->buf.pcm, frames);
	if (n != frames) {
		snprintf(r->error, sizeof r->error, "write failed: %s",
		    errno ? strerror(errno) : sf_strerror(r->sf));
		r->failed = 1;
		return -1;
	}
	memmove(r->buf.alaw, r->buf.alaw + frames * r->width, keep);
	r->nbuf -= frames;
	return 0;
}

static int16_t
record_mix(int a, int b)
{
	int s = a + b;

	return (int16_t)(s > 32767 ? 32767 : s < -32768 ? -32768 : s);
}

static void
record_pcm(struct recorder *r, int16_t *out, const int16_t *caller,
    const int16_t *other, int n)
{
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
}

/* out = a[0] b[0] a[1] b[1] ...: sixteen of each at a time in SSE2. */
static void
record_interleave(uint8_t *out, const uint8_t *a, const uint8_t *b, int n)
{
	int i = 0;

#ifdef __SSE2__
	for (; i + 16 <= n; i += 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(a + i));
		__m128i y = _mm_loadu_si128((const __m128i *)(b + i));

		_mm_storeu_si128((__m128i *)(out + 2 * i),
		    _mm_unpacklo_epi8(x, y));
		_mm_storeu_si128((__m128i *)(out + 2 * i + 16),
		    _mm_unpackhi_epi8(x, y));
	}
#endif
	for (; i < n; i++) {
		out[2 * i] = a[i];
		out[2 * i + 1] = b[i];
	}
}

/* A side in A-law: the wire's bytes if given, else coded into tmp. */
static const uint8_t *
record_alaw_side(const int16_t *pcm, const uint8_t *wire, uint8_t *tmp, int n)
{
	if (wire != NULL)
		return wire;
	alaw_encode(pcm, tmp, n);
	return tmp;
}

static void
record_alaw(struct recorder *r, uint8_t *out, const int16_t *caller,
    const int16_t *other, const uint8_t *caller_a, const uint8_t *other_a,
    int n)
{
	uint8_t		 ta[RECORD_BUF], tb[RECORD_BUF];
	int16_t		 mix[RECORD_BUF];
	const uint8_t	*a, *b;

	if (r->paused)
		memset(out, ALAW_SILENCE, n * r->channels);
	else if (r->mode == RECORD_STEREO) {
		a = record_alaw_side(caller, caller_a, ta, n);
		b = record_alaw_side(other, other_a, tb, n);
		record_interleave(out, a, b, n);
	} else if (r->mode == RECORD_MIXED) {
		for (int i = 0; i < n; i++)
			mix[i] = record_mix(caller[i], other[i]);
		alaw_encode(mix, out, n);
	} else
		memcpy(out, record_alaw_side(caller, caller_a, ta, n), n);
}

/* A frame at a time (n <= RECORD_BUF): the buffer goes to the disk when
 * the next frame would not fit, about once a second. */
int
record_frame(struct recorder *r, const int16_t *caller, const int16_t *other,
    const uint8_t *caller_a, const uint8_t *other_a, int n)
{
	int at;

	if (r->failed)
		return -1;
	if (r->nbuf + n > RECORD_BUF && (record_flush(r, 0) != 0 ||
	    (r->nbuf + n > RECORD_BUF && record_flush(r, 1) != 0)))
		return -1;
	at = r->nbuf * r->channels;
	r->nbuf += n;
	if (r->codec == RECORD_ALAW)
		record_alaw(r, r->buf.alaw + at, caller, other, caller_a,
		    other_a, n);
	else
		record_pcm(r, r->buf.pcm + at, caller, other, n);
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
	int rc = record_flush(r, 1);
	int sc = sf_close(r->sf);

	if ((sc != 0 || close(r->f.fd) != 0) && rc == 0) {
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
