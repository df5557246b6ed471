/* test-alaw.c: the frame tables give spandsp's A-law, for every one of the
 * 65,536 linear samples and all 256 codes. */
#include <spandsp.h>
#include "alaw.h"
#include "tap.h"

int
main(void)
{
	int16_t	pcm[1];
	uint8_t	code[1];
	int	bad = 0;

	alaw_init();
	for (int x = -32768; x <= 32767; x++) {
		pcm[0] = (int16_t)x;
		alaw_encode(pcm, code, 1);
		bad += code[0] != linear_to_alaw(x);
	}
	ok(bad == 0, "encode equals spandsp for all samples (%d differ)", bad);
	bad = 0;
	for (int c = 0; c < 256; c++) {
		code[0] = (uint8_t)c;
		alaw_decode(code, pcm, 1);
		bad += pcm[0] != alaw_to_linear((uint8_t)c);
	}
	ok(bad == 0, "decode equals spandsp for all codes (%d differ)", bad);
	return tap_done();
}
