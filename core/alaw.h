/* alaw.h: A-law <-> linear for whole frames, by tables built once from
 * spandsp's own functions (so the results are spandsp's, bit for bit):
 * 256 entries to decode, 8,192 to encode (A-law keeps 13 bits: a sample's
 * code depends on sample >> 3 only). */
#ifndef CZ_ALAW_H
#define CZ_ALAW_H

#include <stdint.h>

/* Builds the tables; idempotent, cheap after the first call. */
void	alaw_init(void);
void	alaw_decode(const uint8_t *alaw, int16_t *pcm, int n);
void	alaw_encode(const int16_t *pcm, uint8_t *alaw, int n);

#endif
