/* mulaw.h: mu-law <-> linear for whole frames (T1 spans), by tables built
 * once from spandsp's own functions, as alaw.h does (so the results are
 * spandsp's, bit for bit): 256 entries to decode, 65,536 to encode (mu-law's
 * bias of 132 makes a negative sample's code depend on every bit, unlike
 * A-law's). */
#ifndef CZ_MULAW_H
#define CZ_MULAW_H

#include <stdint.h>

/* Builds the tables; idempotent, cheap after the first call. */
void	mulaw_init(void);
void	mulaw_decode(const uint8_t *mulaw, int16_t *pcm, int n);
void	mulaw_encode(const int16_t *pcm, uint8_t *mulaw, int n);

#endif
