/* alaw.c: A-law frames (alaw.h). On x86-64 eight samples at a time in
 * SSE2 registers, computed rather than looked up: G.711's segment is the
 * count of thresholds a magnitude passes, the shift that goes with it a
 * multiply by a power of two. Bit for bit spandsp's linear_to_alaw() and
 * alaw_to_linear() (test-alaw checks all 65,536 samples and 256 codes);
 * the tables do the tail of a frame and other machines. */
#include <spandsp.h>
#include "alaw.h"
#ifdef __SSE2__
#include <emmintrin.h>
#endif

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

#ifdef __SSE2__
/* Eight samples to eight codes in the low bytes of the lanes. Negative x
 * is coded from ~x (= -x - 1) with the sign bit clear; the segment seg is
 * how many of 255, 511, ..., 16383 the magnitude v exceeds; the mantissa
 * is v >> (seg ? seg + 3 : 4), taken as the high half of v * 2^(16 -
 * shift), the multiplier halved at each threshold past the first. */
static __m128i
alaw_enc8(__m128i x)
{
	const __m128i	sign = _mm_srai_epi16(x, 15);
	const __m128i	v = _mm_xor_si128(x, sign);
	__m128i		gt = _mm_cmpgt_epi16(v, _mm_set1_epi16(255));
	__m128i		seg = gt, mul = _mm_set1_epi16(4096), code;

	for (int t = 511; t <= 16383; t = 2 * t + 1) {
		gt = _mm_cmpgt_epi16(v, _mm_set1_epi16((short)t));
		seg = _mm_add_epi16(seg, gt);
		mul = _mm_sub_epi16(mul, _mm_and_si128(_mm_srli_epi16(mul, 1),
		    gt));
	}
	seg = _mm_slli_epi16(_mm_sub_epi16(_mm_setzero_si128(), seg), 4);
	code = _mm_and_si128(_mm_mulhi_epu16(v, mul), _mm_set1_epi16(0x0f));
	code = _mm_or_si128(code, seg);
	code = _mm_xor_si128(code, _mm_set1_epi16(0xd5));
	return _mm_xor_si128(code, _mm_and_si128(sign, _mm_set1_epi16(0x80)));
}

/* Eight codes (low bytes of the lanes) to eight samples: a = code ^ 0x55,
 * m = (a & 15) << 4; seg 0 gives m + 8, seg s > 0 (m + 0x108) << (s - 1),
 * the shift a multiply by 1, 1, 2, ..., 64, doubled at each segment past
 * the first; negative unless bit 7 is set. */
static __m128i
alaw_dec8(__m128i c)
{
	const __m128i	a = _mm_xor_si128(c, _mm_set1_epi16(0x55));
	const __m128i	segs = _mm_and_si128(a, _mm_set1_epi16(0x70));
	const __m128i	m = _mm_slli_epi16(_mm_and_si128(a,
			    _mm_set1_epi16(0x0f)), 4);
	__m128i		nz = _mm_cmpgt_epi16(segs, _mm_setzero_si128());
	__m128i		mul = _mm_set1_epi16(1), i, neg;

	for (int s = 0x20; s <= 0x70; s += 0x10)
		mul = _mm_add_epi16(mul, _mm_and_si128(mul,
		    _mm_cmpgt_epi16(segs, _mm_set1_epi16((short)(s - 1)))));
	i = _mm_add_epi16(m, _mm_set1_epi16(8));
	i = _mm_add_epi16(i, _mm_and_si128(nz, _mm_set1_epi16(0x100)));
	i = _mm_mullo_epi16(i, mul);
	neg = _mm_cmpeq_epi16(_mm_and_si128(a, _mm_set1_epi16(0x80)),
	    _mm_setzero_si128());
	return _mm_sub_epi16(_mm_xor_si128(i, neg), neg);
}
#endif

void
alaw_decode(const uint8_t *alaw, int16_t *pcm, int n)
{
	int i = 0;

#ifdef __SSE2__
	for (; i + 16 <= n; i += 16) {
		__m128i c = _mm_loadu_si128((const __m128i *)(alaw + i));
		__m128i z = _mm_setzero_si128();

		_mm_storeu_si128((__m128i *)(pcm + i),
		    alaw_dec8(_mm_unpacklo_epi8(c, z)));
		_mm_storeu_si128((__m128i *)(pcm + i + 8),
		    alaw_dec8(_mm_unpackhi_epi8(c, z)));
	}
#endif
	for (; i < n; i++)
		pcm[i] = alaw_dec[alaw[i]];
}

void
alaw_encode(const int16_t *pcm, uint8_t *alaw, int n)
{
	int i = 0;

#ifdef __SSE2__
	for (; i + 16 <= n; i += 16) {
		__m128i lo = alaw_enc8(_mm_loadu_si128((const __m128i *)
		    (pcm + i)));
		__m128i hi = alaw_enc8(_mm_loadu_si128((const __m128i *)
		    (pcm + i + 8)));

		_mm_storeu_si128((__m128i *)(alaw + i),
		    _mm_packus_epi16(lo, hi));
	}
#endif
	for (; i < n; i++)
		alaw[i] = alaw_enc[(pcm[i] >> 3) + 4096];
}
