/* test-alaw.c: core/alaw.c gives spandsp's A-law, for every one of the
 * 65,536 linear samples and all 256 codes: one sample at a time (the
 * tables), and in long runs at every alignment and length up to 40 (the
 * SSE2 path, eight and sixteen at a time, and its tail). */
#include <spandsp.h>
#include <stdlib.h>
#include "alaw.h"
#include "tap.h"

#define NS	65536

int
main(void)
{
	static int16_t	pcm[NS + 64], back[NS + 64];
	static uint8_t	code[NS + 64];
	int		bad = 0;

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

	/* All samples in one run, from every start within a vector. */
	for (int off = 0; off < 16; off++) {
		for (int i = 0; i < NS; i++)
			pcm[off + i] = (int16_t)(i - 32768);
		alaw_encode(pcm + off, code + off, NS);
		for (int i = 0; i < NS; i++)
			bad += code[off + i] != linear_to_alaw(i - 32768);
	}
	ok(bad == 0, "encode in runs equals spandsp (%d differ)", bad);
	for (int off = 0; off < 16; off++) {
		for (int i = 0; i < 1024; i++)
			code[off + i] = (uint8_t)(i * 7 + off);
		alaw_decode(code + off, back + off, 1024);
		for (int i = 0; i < 1024; i++)
			bad += back[off + i] != alaw_to_linear((uint8_t)(i * 7 +
			    off));
	}
	ok(bad == 0, "decode in runs equals spandsp (%d differ)", bad);

	/* Every length up to 40: nothing written past n, nothing left out. */
	for (int n = 0; n <= 40; n++) {
		for (int i = 0; i < 48; i++) {
			pcm[i] = (int16_t)(i * 1361 - 30000);
			code[i] = 0xaa;
			back[i] = 0x5555;
		}
		alaw_encode(pcm, code, n);
		for (int i = 0; i < 48; i++)
			bad += code[i] != (i < n ? linear_to_alaw(pcm[i]) : 0xaa);
		alaw_decode(code, back, n);
		for (int i = 0; i < 48; i++)
			bad += back[i] != (i < n ? alaw_to_linear(code[i]) :
			    0x5555);
	}
	ok(bad == 0, "every length to 40, both ways (%d differ)", bad);
	return tap_done();
}
