/* fault.c: fault injection for tests, loaded into the core with
 * LD_PRELOAD (tests/integ/faults.sh). It lets a test make real failures
 * happen that this machine cannot produce on demand:
 *
 *	FAULT_XRUN_EVERY=N	every Nth snd_pcm_writei() returns -EPIPE
 *				(a playback underrun), as a busy card does
 *	FAULT_UNPLUG=A:B	snd_pcm_writei() returns -ENODEV from A to B
 *				seconds after the first call: a headset
 *				unplugged, then plugged back
 *	FAULT_ENOSPC=TEXT:BYTES	write() to a file whose path contains TEXT
 *				fails with ENOSPC once BYTES were written to
 *				such files: a disk filling up
 *
 * Nothing else changes; without the variables every call goes through. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <alsa/asoundlib.h>

static double
fault_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

snd_pcm_sframes_t
snd_pcm_writei(snd_pcm_t *pcm, const void *buf, snd_pcm_uframes_t size)
{
	static snd_pcm_sframes_t (*real)(snd_pcm_t *, const void *,
	    snd_pcm_uframes_t);
	static unsigned long	 calls;
	static double		 first;
	const char		*every = getenv("FAULT_XRUN_EVERY");
	const char		*unplug = getenv("FAULT_UNPLUG");
	double			 a, b, t;

	if (real == NULL)
		real = (snd_pcm_sframes_t (*)(snd_pcm_t *, const void *,
		    snd_pcm_uframes_t))dlsym(RTLD_NEXT, "snd_pcm_writei");
	if (first == 0)
		first = fault_now();
	calls++;
	t = fault_now() - first;
	if (unplug != NULL && sscanf(unplug, "%lf:%lf", &a, &b) == 2 &&
	    t >= a && t < b)
		return -ENODEV;
	if (every != NULL && atol(every) > 0 && calls % atol(every) == 0)
		return -EPIPE;
	return real(pcm, buf, size);
}

ssize_t
write(int fd, const void *buf, size_t n)
{
	static ssize_t	(*real)(int, const void *, size_t);
	static size_t	 written;
	const char	*spec = getenv("FAULT_ENOSPC"), *colon;
	char		 link[64], path[512];
	ssize_t		 len;

	if (real == NULL)
		real = (ssize_t (*)(int, const void *, size_t))dlsym(RTLD_NEXT,
		    "write");
	if (spec == NULL || (colon = strrchr(spec, ':')) == NULL)
		return real(fd, buf, n);
	snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
	if ((len = readlink(link, path, sizeof path - 1)) < 0)
		return real(fd, buf, n);
	path[len] = '\0';
	if (memmem(path, len, spec, colon - spec) == NULL)
		return real(fd, buf, n);
	if (written + n > strtoul(colon + 1, NULL, 10)) {
		errno = ENOSPC;
		return -1;
	}
	written += n;
	return real(fd, buf, n);
}
