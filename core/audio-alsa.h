/* audio-alsa.h: one agent's or supervisor's headset, an ALSA PCM device
 * opened for playback and capture at 8 kHz mono S16, never blocking. The
 * media tick runs on the span's clock, not the card's: playback keeps a
 * small fill (dropping or padding a frame as the clocks drift) and capture
 * drops the oldest audio when too much waits. */
#ifndef CZ_AUDIO_ALSA_H
#define CZ_AUDIO_ALSA_H

#include <stddef.h>
#include <stdint.h>

struct alsa_dev;

struct alsa_dev_stats {
	uint64_t	played, captured;	/* 20 ms frames */
	uint64_t	xruns, dropped, padded;
	int		playback_only;		/* the device cannot capture */
};

/* NULL with a message naming the device and ALSA's error. */
struct alsa_dev	*alsa_dev_open(const char *device, char *err, size_t errlen);
void		 alsa_dev_close(struct alsa_dev *);
/* Once per tick, N samples each way. -1 once the device has failed (gone,
 * unplugged): alsa_dev_error() says why; alsa_dev_retry() reopens it. */
int		 alsa_dev_play(struct alsa_dev *, const int16_t *, int n);
int		 alsa_dev_capture(struct alsa_dev *, int16_t *, int n);
int		 alsa_dev_retry(struct alsa_dev *);
/* Makes the next open read the ALSA configuration again: ALSA does not
 * notice a changed ~/.asoundrc by itself (open devices are unaffected). */
void		 alsa_config_reload(void);
/* A call starts: stale audio dropped, fresh streams. */
void		 alsa_dev_reset(struct alsa_dev *);
const char	*alsa_dev_error(const struct alsa_dev *);
void		 alsa_dev_get_stats(const struct alsa_dev *, struct alsa_dev_stats *);

#endif
