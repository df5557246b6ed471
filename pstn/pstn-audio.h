/* pstn-audio.h: what a simulated caller says and what it hears. */
#ifndef CZ_PSTN_AUDIO_H
#define CZ_PSTN_AUDIO_H

#include <stdint.h>

struct pstn_audio;

struct pstn_audio *pstn_audio_new(void);
void	pstn_audio_free(struct pstn_audio *);
void	pstn_audio_dtmf(struct pstn_audio *, const char *digits);
void	pstn_audio_out(struct pstn_audio *, uint8_t *alaw, int n);
int	pstn_audio_heard(const uint8_t *alaw, int n);

#endif
