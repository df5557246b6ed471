/* record.h: one recording being written: a WAV file fed one 20 ms frame
 * at a time from the media tick, buffered so the disk sees one write a
 * second. Stereo (the caller left, the other side right), mixed (mono) or
 * the caller alone (voicemail); G.711 A-law (WAVE_FORMAT_ALAW, a byte a
 * sample: the wire's own quality, half the bytes) or 16-bit PCM. Paused spans are written as silence, so
 * the file's timeline stays the call's. A write that fails (disk full,
 * folder gone) stops the recording and says why; the call goes on. */
#ifndef CZ_RECORD_H
#define CZ_RECORD_H

#include <stddef.h>
#include <stdint.h>

enum record_mode { RECORD_STEREO, RECORD_MIXED, RECORD_CALLER };
enum record_codec { RECORD_ALAW, RECORD_PCM16 };

struct recorder;

struct recorder	*record_open(const char *path, enum record_mode,
		    enum record_codec, char *err, size_t errlen);
/* One frame: what the caller said, what the caller heard; caller_a and
 * other_a the same in A-law when the wire carries A-law (an A-law file
 * takes those bytes as they are), else NULL. -1 once the file has failed
 * (record_error() says why); nothing more is written. */
int		 record_frame(struct recorder *, const int16_t *caller,
		    const int16_t *other, const uint8_t *caller_a,
		    const uint8_t *other_a, int n);
/* A hint: the recorder will be written soon (media.c's tick). */
void		 record_prefetch(const struct recorder *);
void		 record_pause(struct recorder *, int paused);
int		 record_paused(const struct recorder *);
/* Flushes and closes. Returns 0, or -1 if the file is incomplete. */
int		 record_close(struct recorder *, char *err, size_t errlen);
const char	*record_error(const struct recorder *);

#endif
