/* alaw.c: A-law frames through tables (alaw.h). */
#include <spandsp.h>
#include "alaw.h"

static int16_t	alaw_dec[256];
static uint8_t	alaw_enc[8192];		/* by (sample >> 3) + 4096 */
static int	alaw_ready;

void
alaw_init(void)
{
	if (alaw_ready)
		return;
	for (int i = 0; i < 256; i++)
		alaw_dec[i] = alaw_to_linear((uint8_t)i);
	for (int i = 0; i < 8192; i++)
		alaw_enc[i] = linear_to_alaw((int16_t)((i - 4096) * 8));
	alaw_ready = 1;
}

void
alaw_decode(const uint8_t *alaw, int16_t *pcm, int n)
{
	for (int i = 0; i < n; i++)
		pcm[i] = alaw_dec[alaw[i]];
}

void
alaw_encode(const int16_t *pcm, uint8_t *alaw, int n)
{
	for (int i = 0; i < n; i++)
		alaw[i] = alaw_enc[(pcm[i] >> 3) + 4096];
}
