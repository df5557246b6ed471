/* pstn-audio.h: what a simulated caller says and what it hears. */
#ifndef CZ_PSTN_AUDIO_H
#define CZ_PSTN_AUDIO_H

#include <stdint.h>

struct pstn_audio;

/* Loads --voice FILE (8 kHz mono, any sample format libsndfile reads):
 * callers say it, looped, instead of the test tone. -1 with err. */
int	pstn_audio_voice(const char *path, char *err, int errlen);
/* An 8 kHz mono file's samples (LEN of them), or NULL with err. */
int16_t	*pstn_audio_load(const char *path, size_t *len, char *err, int errlen);
/* TONE_HZ: the tone it says (0: the 1004 Hz test tone). */
struct pstn_audio *pstn_audio_new(double tone_hz);
void	pstn_audio_free(struct pstn_audio *);
/* Says a TONE_HZ tone from now on (0: 1004 Hz). */
void	pstn_audio_set_tone(struct pstn_audio *, double tone_hz);
/* Says SAMPLES once when connected, then silence, instead of the tone. */
void	pstn_audio_say(struct pstn_audio *, const int16_t *samples, size_t len);
/* Queues DIGITS to send as DTMF; ',' is a one-second pause. */
void	pstn_audio_dtmf(struct pstn_audio *, const char *digits);
void	pstn_audio_out(struct pstn_audio *, uint8_t *alaw, int n);
int	pstn_audio_heard(const uint8_t *alaw, int n);
/* Keeps what the caller hears, from SETUP on, in PATH (16-bit WAV) when
 * the call ends (--save-audio). */
void	pstn_audio_keep(struct pstn_audio *, const uint8_t *alaw, int n);
int	pstn_audio_save(struct pstn_audio *, const char *path);

#endif
