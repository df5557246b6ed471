/* test-mulaw.c: the T1 frame tables against G.711 mu-law: known codes,
 * a reference coder written from the recommendation's segment rule (not
 * spandsp's), spandsp itself, and the round trip of every code. */
#include <spandsp.h>
#include "mulaw.h"
#include "tap.h"

/* G.711 mu-law of a 16-bit sample: bias 132 (33 in 14 bits, scaled), 8
 * segments, 4 mantissa bits, every bit inverted. */
static uint8_t
ref_encode(int x)
{
	int	sign = x < 0 ? 0x80 : 0, mag = x < 0 ? -x : x, seg = 0;

	if (mag > 32635)
		mag = 32635;
	mag += 132;
	while (seg < 7 && mag >= (256 << seg))
		seg++;
	return (uint8_t)~(sign | seg << 4 | ((mag >> (seg + 3)) & 0x0F));
}

static int
ref_decode(uint8_t code)
{
	int	u = (uint8_t)~code, mag;

	mag = ((((u & 0x0F) << 3) + 132) << ((u >> 4) & 7)) - 132;
	return u & 0x80 ? -mag : mag;
}

static int
dec(uint8_t c)
{
	int16_t pcm[1];

	mulaw_decode(&c, pcm, 1);
	return pcm[0];
}

static int
enc(int x)
{
	int16_t	pcm[1] = { (int16_t)x };
	uint8_t	c[1];

	mulaw_encode(pcm, c, 1);
	return c[0];
}

int
main(void)
{
	int	bad = 0, bad_ref = 0;

	mulaw_init();
	/* G.711 Table 2a: the ends of the scale and the two zeros */
	ok(dec(0x80) == 32124 && dec(0x00) == -32124, "full scale is +-8031 "
	    "(x4): %d %d", dec(0x80), dec(0x00));
	ok(dec(0xFF) == 0 && dec(0x7F) == 0, "0xFF and 0x7F are zero");
	ok(dec(0xEF) == 132 && dec(0xFE) == 8, "first codes of segments 0/1: "
	    "%d %d", dec(0xFE), dec(0xEF));
	ok(enc(0) == 0xFF && enc(32767) == 0x80 && enc(-32768) == 0x00,
	    "silence is 0xFF, the ends 0x80 and 0x00");
	ok(enc(1000) == 0xCE && enc(-1000) == 0x4E, "1000 -> 0xCE, -1000 -> "
	    "0x4E (%02x %02x)", enc(1000), enc(-1000));
	for (int x = -32768; x <= 32767; x++) {
		bad += enc(x) != linear_to_ulaw(x);
		bad_ref += enc(x) != ref_encode(x);
	}
	ok(bad == 0, "encode equals spandsp for all samples (%d differ)", bad);
	ok(bad_ref == 0, "encode equals the G.711 segment rule (%d differ)",
	    bad_ref);
	bad = bad_ref = 0;
	for (int c = 0; c < 256; c++) {
		bad += dec(c) != ulaw_to_linear((uint8_t)c);
		bad_ref += dec(c) != ref_decode((uint8_t)c);
	}
	ok(bad == 0, "decode equals spandsp for all codes (%d differ)", bad);
	ok(bad_ref == 0, "decode equals G.711 for all codes (%d differ)",
	    bad_ref);
	bad = 0;
	for (int c = 0; c < 256; c++)
		bad += c != 0x7F && enc(dec(c)) != c;	/* -0 comes back +0 */
	ok(bad == 0, "every code survives decode + encode (%d do not)", bad);
	return tap_done();
}
