/* test-record.c: the recorder (core/record.c) writes its WAV through
 * libsndfile's virtual I/O to its own descriptor, in A-law or 16-bit PCM.
 * The file must stay a true WAV on disk after each flush (a killed core
 * leaves a playable file), hold every frame in order, left the caller and
 * right the other side, and be whole after close; paused frames are
 * silence. An A-law file holds the wire's bytes as given, and the same
 * bytes coded from the samples when the wire's are not given. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sndfile.h>
#include "alaw.h"
#include "record.h"
#include "tap.h"

#define N	160

static int16_t
sample(int frame, int i, int side)
{
	return (int16_t)((frame * 7 + i * 3 + side * 1000) % 20000 - 10000);
}

/* Frames on disk now (as a reader sees them, the recorder still open),
 * and how many of the first `want` differ from what was written. */
static enum record_codec codec;

/* What a reader gets back for a sample written: itself, or through A-law. */
static int16_t
heard(int16_t x)
{
	uint8_t c;

	if (codec == RECORD_PCM16)
		return x;
	alaw_encode(&x, &c, 1);
	alaw_decode(&c, &x, 1);
	return x;
}

static sf_count_t
check_file(const char *path, int want, int paused_from, int paused_to,
    int *bad)
{
	SF_INFO		 info = { 0 };
	SNDFILE		*sf = sf_open(path, SFM_READ, &info);
	int16_t		 buf[2 * N];
	sf_count_t	 frames;

	*bad = -1;
	if (sf == NULL)
		return -1;
	frames = info.frames;
	*bad = info.channels != 2 || info.samplerate != 8000 ||
	    info.format != (SF_FORMAT_WAV | (codec == RECORD_ALAW ?
	    SF_FORMAT_ALAW : SF_FORMAT_PCM_16));
	for (int f = 0; f < want && *bad == 0; f++) {
		if (sf_readf_short(sf, buf, N) != N) {
			*bad = 1;
			break;
		}
		for (int i = 0; i < N; i++) {
			int silent = f >= paused_from && f < paused_to;

			if (buf[2 * i] != heard(silent ? 0 : sample(f, i, 0)) ||
			    buf[2 * i + 1] != heard(silent ? 0 :
			    sample(f, i, 1)))
				(*bad)++;
		}
	}
	sf_close(sf);
	return frames;
}

/* The first 512 bytes of a file (its header): how many were read. */
static size_t
head_of(const char *path, unsigned char *h, size_t len)
{
	FILE	*f = fopen(path, "rb");
	size_t	 n = f == NULL ? 0 : fread(h, 1, len, f);

	if (f != NULL)
		fclose(f);
	return n;
}

/* Where chunk ID (its 4-byte name) starts in the header, or -1. */
static long
chunk_at(const unsigned char *h, size_t n, const char *id)
{
	for (size_t i = 12; i + 8 <= n; i++)
		if (memcmp(h + i, id, 4) == 0)
			return (long)i;
	return -1;
}

/* The header's own word for the data's size, as a strict player reads
 * it (libsndfile forgives a zero there): the "data" chunk's length; and
 * the "fmt " chunk's format tag (1 PCM, 6 A-law) into *tag. */
static long
data_bytes(const char *path, int *tag)
{
	unsigned char	 h[512];
	size_t		 n = head_of(path, h, sizeof h);
	long		 fmt = chunk_at(h, n, "fmt "), d = chunk_at(h, n, "data");

	*tag = fmt >= 0 && (size_t)fmt + 10 <= n ? h[fmt + 8] | h[fmt + 9] << 8 :
	    -1;
	if (d < 0)
		return -1;
	return h[d + 4] | h[d + 5] << 8 | h[d + 6] << 16 | (long)h[d + 7] << 24;
}

static long
file_size(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

/* Where the "data" chunk's bytes start. */
static long
header_bytes(const char *path)
{
	unsigned char	 h[512];
	long		 d = chunk_at(h, head_of(path, h, sizeof h), "data");

	return d < 0 ? -1 : d + 8;
}

/* The A-law file's bytes after its header: frames F0..F1 as the wire
 * would carry them (the samples coded by the tables), paused ones as
 * A-law's silence. How many bytes differ, or -1. */
static int
check_raw(const char *path, int f0, int f1, int paused_from, int paused_to)
{
	SF_INFO		 info = { 0 };
	SNDFILE		*sf = sf_open(path, SFM_READ, &info);
	uint8_t		 raw[2 * N], want[2];
	int		 bad = 0;

	if (sf == NULL || sf_seek(sf, (sf_count_t)f0 * N, SEEK_SET) < 0)
		return -1;
	for (int f = f0; f < f1; f++) {
		if (sf_read_raw(sf, raw, sizeof raw) != sizeof raw) {
			bad = -1;
			break;
		}
		for (int i = 0; i < N; i++) {
			int16_t x[2] = { sample(f, i, 0), sample(f, i, 1) };

			alaw_encode(x, want, 2);
			if (f >= paused_from && f < paused_to)
				want[0] = want[1] = 0xd5;
			bad += raw[2 * i] != want[0];
			bad += raw[2 * i + 1] != want[1];
		}
	}
	sf_close(sf);
	return bad;
}

/* 75 frames (1.5 s): one flush at the 51st; 60-64 paused. An A-law file
 * is given the wire's bytes for the even frames and only samples for the
 * odd ones. */
static void
run(const char *dir)
{
	static const char *const names[] = { "alaw", "pcm16" };
	const char		*name = names[codec];
	char			 path[64], err[256];
	struct recorder		*r;
	int16_t			 a[N], b[N];
	uint8_t			 wa[N], wb[N];
	int			 bad, tag, fails = 0;
	int			 width = codec == RECORD_ALAW ? 2 : 4;
	sf_count_t		 frames;

	snprintf(path, sizeof path, "%s/%s.wav", dir, name);
	r = record_open(path, RECORD_STEREO, codec, err, sizeof err);
	ok(r != NULL, "%s: opened (%s)", name, r == NULL ? err : "ok");
	if (r == NULL)
		return;
	for (int f = 0; f < 75; f++) {
		for (int i = 0; i < N; i++) {
			a[i] = sample(f, i, 0);
			b[i] = sample(f, i, 1);
		}
		alaw_encode(a, wa, N);
		alaw_encode(b, wb, N);
		record_pause(r, f >= 60 && f < 65);
		fails += record_frame(r, a, b, f % 2 ? NULL : wa,
		    f % 2 ? NULL : wb, N) != 0;
	}
	ok(fails == 0, "%s: 75 frames taken", name);
	/* The flush at the 51st frame wrote the second up to the file's
	 * last 4 KB boundary and kept the rest back. */
	frames = check_file(path, 20, 60, 65, &bad);
	ok(frames <= 50 * N && frames > 50 * N - 4096 / width, "%s: while "
	    "open: the header tells the flushed second, less under a page "
	    "(%lld frames, want %d less under %d)", name, (long long)frames,
	    50 * N, 4096 / width);
	ok(bad == 0, "%s: while open: the first frames as written "
	    "(%d differ)", name, bad);
	ok(data_bytes(path, &tag) == frames * width, "%s: while open: the "
	    "data chunk's size is the flushed frames' (%ld bytes)", name,
	    data_bytes(path, &tag));
	ok(file_size(path) % 4096 == 0 && file_size(path) ==
	    header_bytes(path) + frames * width, "%s: while open: the file "
	    "ends on a page, after the last frame written (%ld bytes)", name,
	    file_size(path));
	ok(record_close(r, err, sizeof err) == 0, "%s: closed", name);
	frames = check_file(path, 75, 60, 65, &bad);
	ok(frames == 75 * N, "%s: closed: every frame (%lld, want %d)", name,
	    (long long)frames, 75 * N);
	ok(data_bytes(path, &tag) == 75 * N * width, "%s: closed: the data "
	    "chunk's size is all of it (%ld bytes)", name,
	    data_bytes(path, &tag));
	ok(tag == (codec == RECORD_ALAW ? 6 : 1), "%s: format tag %d", name,
	    tag);
	ok(bad == 0, "%s: closed: caller left, other right, paused as "
	    "silence (%d differ)", name, bad);
	if (codec == RECORD_ALAW)
		ok((bad = check_raw(path, 0, 75, 60, 65)) == 0, "alaw: the "
		    "wire's bytes stored as given, the same coded from "
		    "samples (%d differ)", bad);
	unlink(path);
}

/* Mixed (mono, the sum) and caller-only in A-law, one frame each. */
static void
run_mono(const char *dir, enum record_mode mode, const char *name)
{
	char		 path[64], err[256];
	struct recorder	*r;
	int16_t		 a[N], b[N], sum[N], got[N];
	uint8_t		 c[N];
	SF_INFO		 info = { 0 };
	SNDFILE		*sf;
	int		 bad = 0;

	snprintf(path, sizeof path, "%s/%s.wav", dir, name);
	for (int i = 0; i < N; i++) {
		a[i] = sample(0, i, 0) / 2;
		b[i] = sample(0, i, 1) / 2;
		sum[i] = mode == RECORD_MIXED ? a[i] + b[i] : a[i];
	}
	alaw_encode(sum, c, N);
	alaw_decode(c, sum, N);
	r = record_open(path, mode, RECORD_ALAW, err, sizeof err);
	ok(r != NULL && record_frame(r, a, b, NULL, NULL, N) == 0 &&
	    record_close(r, err, sizeof err) == 0, "%s: written", name);
	sf = sf_open(path, SFM_READ, &info);
	ok(sf != NULL && info.channels == 1 && info.frames == N &&
	    sf_readf_short(sf, got, N) == N, "%s: one channel, %d frames",
	    name, N);
	for (int i = 0; i < N; i++)
		bad += got[i] != sum[i];
	ok(bad == 0, "%s: the samples (%d differ)", name, bad);
	if (sf != NULL)
		sf_close(sf);
	unlink(path);
}

int
main(void)
{
	char			 dir[] = "/tmp/cztrec.XXXXXX", path[64], err[256];
	struct recorder		*r;

	if (mkdtemp(dir) == NULL)
		return 1;
	alaw_init();
	codec = RECORD_ALAW;
	run(dir);
	codec = RECORD_PCM16;
	run(dir);
	run_mono(dir, RECORD_MIXED, "alaw mixed");
	run_mono(dir, RECORD_CALLER, "alaw caller");
	snprintf(path, sizeof path, "%s/no/such/dir.wav", dir);
	r = record_open(path, RECORD_STEREO, RECORD_ALAW, err, sizeof err);
	ok(r == NULL && strstr(err, "No such file") != NULL,
	    "a folder that is not there: refused, saying why (%s)", err);
	rmdir(dir);
	return tap_done();
}
