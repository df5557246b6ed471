/* test-record.c: the recorder (core/record.c) writes its WAV through
 * libsndfile's virtual I/O to its own descriptor. The file must stay a
 * true WAV on disk after each flush (a killed core leaves a playable
 * file), hold every frame in order, left the caller and right the other
 * side, and be whole after close; paused frames are silence. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sndfile.h>
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
	*bad = info.channels != 2 || info.samplerate != 8000;
	for (int f = 0; f < want && *bad == 0; f++) {
		if (sf_readf_short(sf, buf, N) != N) {
			*bad = 1;
			break;
		}
		for (int i = 0; i < N; i++) {
			int silent = f >= paused_from && f < paused_to;

			if (buf[2 * i] != (silent ? 0 : sample(f, i, 0)) ||
			    buf[2 * i + 1] != (silent ? 0 : sample(f, i, 1)))
				(*bad)++;
		}
	}
	sf_close(sf);
	return frames;
}

/* The header's own word for the data's size, as a strict player reads
 * it (libsndfile forgives a zero there): the "data" chunk's length. */
static long
data_bytes(const char *path)
{
	unsigned char	 h[512];
	FILE		*f = fopen(path, "rb");
	size_t		 n = f == NULL ? 0 : fread(h, 1, sizeof h, f);

	if (f != NULL)
		fclose(f);
	for (size_t i = 12; i + 8 <= n; i++)
		if (memcmp(h + i, "data", 4) == 0)
			return h[i + 4] | h[i + 5] << 8 | h[i + 6] << 16 |
			    (long)h[i + 7] << 24;
	return -1;
}

int
main(void)
{
	char			 dir[] = "/tmp/cztrec.XXXXXX", path[64], err[256];
	struct recorder		*r;
	int16_t			 a[N], b[N];
	int			 bad, fails = 0;
	sf_count_t		 frames;

	if (mkdtemp(dir) == NULL)
		return 1;
	snprintf(path, sizeof path, "%s/x.wav", dir);
	r = record_open(path, RECORD_STEREO, err, sizeof err);
	ok(r != NULL, "opened (%s)", r == NULL ? err : "ok");
	if (r == NULL)
		return tap_done();
	/* 75 frames (1.5 s): one flush at the 51st; 60-64 paused */
	for (int f = 0; f < 75; f++) {
		for (int i = 0; i < N; i++) {
			a[i] = sample(f, i, 0);
			b[i] = sample(f, i, 1);
		}
		record_pause(r, f >= 60 && f < 65);
		fails += record_frame(r, a, b, N) != 0;
	}
	ok(fails == 0, "75 frames taken");
	frames = check_file(path, 50, 60, 65, &bad);
	ok(frames == 50 * N, "while open: the header tells the flushed second "
	    "(%lld frames, want %d)", (long long)frames, 50 * N);
	ok(bad == 0, "while open: the first second's samples as written "
	    "(%d differ)", bad);
	ok(data_bytes(path) == 50 * N * 4, "while open: the data chunk's size "
	    "is the flushed second's (%ld bytes)", data_bytes(path));
	ok(record_close(r, err, sizeof err) == 0, "closed");
	frames = check_file(path, 75, 60, 65, &bad);
	ok(frames == 75 * N, "closed: every frame (%lld, want %d)",
	    (long long)frames, 75 * N);
	ok(data_bytes(path) == 75 * N * 4, "closed: the data chunk's size is "
	    "all of it (%ld bytes)", data_bytes(path));
	ok(bad == 0, "closed: caller left, other right, paused as silence "
	    "(%d differ)", bad);
	snprintf(path, sizeof path, "%s/no/such/dir.wav", dir);
	r = record_open(path, RECORD_STEREO, err, sizeof err);
	ok(r == NULL && strstr(err, "No such file") != NULL,
	    "a folder that is not there: refused, saying why (%s)", err);
	snprintf(path, sizeof path, "%s/x.wav", dir);
	unlink(path);
	rmdir(dir);
	return tap_done();
}
