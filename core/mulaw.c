/* mulaw.c: mu-law frames through tables (mulaw.h). */
#include <spandsp.h>
#include "mulaw.h"

static int16_t	mulaw_dec[256];
static uint8_t	mulaw_enc[65536];	/* by (uint16_t)sample */
static int	mulaw_ready;

void
mulaw_init(void)
{
	if (mulaw_ready)
		return;
	for (int i = 0; i < 256; i++)
		mulaw_dec[i] = ulaw_to_linear((uint8_t)i);
	for (int i = 0; i < 65536; i++)
		mulaw_enc[i] = linear_to_ulaw((int16_t)(uint16_t)i);
	mulaw_ready = 1;
}

void
mulaw_decode(const uint8_t *mulaw, int16_t *pcm, int n)
{
	for (int i = 0; i < n; i++)
		pcm[i] = mulaw_dec[mulaw[i]];
}

void
mulaw_encode(const int16_t *pcm, uint8_t *mulaw, int n)
{
	for (int i = 0; i < n; i++)
		mulaw[i] = mulaw_enc[(uint16_t)pcm[i]];
}
