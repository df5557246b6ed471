/* test-amd.c: answering-machine detection (core/amd.c) on the
 * simulator's own audio (data/pstn/: a person's "hello" then silence, a
 * machine's greeting then its beep) and on synthetic cases: a long
 * silence, a person who says two words, one who says nothing, noise, and
 * tuning that changes the verdict. */
#include <math.h>
#include <string.h>
#include <sndfile.h>
#include "../../core/amd.h"
#include "tap.h"

#define MAXS	(8000 * 30)

static int16_t	buf[MAXS];

/* An 8 kHz file's samples into buf, then SILENCE_MS of silence. */
static int
load(const char *name, int silence_ms)
{
	const char	*srcdir = getenv("srcdir") != NULL ? getenv("srcdir") : ".";
	char		 path[512];
	SF_INFO		 info = { 0 };
	SNDFILE		*sf;
	sf_count_t	 n;

	snprintf(path, sizeof path, "%s/data/pstn/%s", srcdir, name);
	if ((sf = sf_open(path, SFM_READ, &info)) == NULL) {
		printf("# %s: %s\n", path, sf_strerror(NULL));
		return 0;
	}
	n = sf_read_short(sf, buf, MAXS - 8 * silence_ms);
	sf_close(sf);
	memset(buf + n, 0, 8 * silence_ms * sizeof *buf);
	return (int)n + 8 * silence_ms;
}

/* Feeds N samples of buf frame by frame until a verdict; its time in
 * *at_ms. */
static enum amd_verdict
run(struct amd *a, int n, int *at_ms)
{
	enum amd_verdict v = AMD_PENDING;
	int i;

	for (i = 0; i + AMD_FRAME <= n && v == AMD_PENDING; i += AMD_FRAME)
		v = amd_frame(a, buf + i, AMD_FRAME);
	*at_ms = i / 8;
	return v;
}

/* Voice (a 300 Hz tone at AMP) from a to b ms; silence elsewhere. */
static void
tone(int from_ms, int to_ms, int amp)
{
	for (int i = from_ms * 8; i < to_ms * 8 && i < MAXS; i++)
		buf[i] = (int16_t)(amp * sin(2 * M_PI * 300 * i / 8000.0));
}

static enum amd_verdict
synth(const struct amd_cfg *cfg, int *at_ms, const char **why)
{
	struct amd	a;
	enum amd_verdict v;

	amd_init(&a, cfg);
	v = run(&a, MAXS, at_ms);
	*why = a.why;
	return v;
}

int
main(void)
{
	struct amd_cfg	 cfg;
	struct amd	 a;
	enum amd_verdict v;
	const char	*why;
	int		 n, at;

	amd_cfg_default(&cfg);

	n = load("hello.wav", 3000);
	ok(n > 0, "hello.wav read");
	amd_init(&a, &cfg);
	v = run(&a, n, &at);
	ok(v == AMD_PERSON, "hello.wav then silence: a person (%s, %s)",
	    amd_verdict_name(v), a.why);
	ok(a.words >= 1 && a.words < cfg.max_words, "%d word(s)", a.words);
	ok(a.greeting_end_ms > 0 && at - a.greeting_end_ms >= 800 &&
	    at - a.greeting_end_ms <= 900,
	    "decided 0.8 s after the greeting's end (%d ms, end %d ms)", at,
	    a.greeting_end_ms);

	n = load("machine.wav", 3000);
	ok(n > 0, "machine.wav read");
	amd_init(&a, &cfg);
	v = run(&a, n, &at);
	ok(v == AMD_MACHINE, "machine.wav: a machine (%s, %s at %d ms)",
	    amd_verdict_name(v), a.why, at);
	ok(at <= 3000, "decided within 3 s (%d ms)", at);

	memset(buf, 0, sizeof buf);
	v = synth(&cfg, &at, &why);
	ok(v == AMD_MACHINE && strcmp(why, "initial silence") == 0 &&
	    at == 2500, "silence: machine by initial silence at 2.5 s "
	    "(%s, %s, %d)", amd_verdict_name(v), why, at);

	memset(buf, 0, sizeof buf);
	tone(300, 700, 4000);
	tone(800, 1100, 4000);
	v = synth(&cfg, &at, &why);
	ok(v == AMD_PERSON && at == 1100 + 800,
	    "\"yes, hello\" then silence: person at 1.9 s (%s, %d)",
	    amd_verdict_name(v), at);

	memset(buf, 0, sizeof buf);
	tone(200, 400, 4000);
	tone(500, 700, 4000);
	tone(800, 1000, 4000);
	v = synth(&cfg, &at, &why);
	ok(v == AMD_MACHINE && strcmp(why, "max words") == 0,
	    "three quick words: machine by max words (%s, %s)",
	    amd_verdict_name(v), why);

	memset(buf, 0, sizeof buf);
	tone(100, 4000, 4000);
	v = synth(&cfg, &at, &why);
	ok(v == AMD_MACHINE && strcmp(why, "long greeting") == 0 &&
	    at > 1500 && at <= 1700, "one long greeting: machine at 1.6 s "
	    "(%s, %s, %d)", amd_verdict_name(v), why, at);

	memset(buf, 0, sizeof buf);
	tone(100, 4000, 100);
	v = synth(&cfg, &at, &why);
	ok(v == AMD_MACHINE && strcmp(why, "initial silence") == 0,
	    "speech below the level is silence (%s, %s)",
	    amd_verdict_name(v), why);

	/* Clicks shorter than a word are not words. */
	memset(buf, 0, sizeof buf);
	for (int t = 100; t < 2000; t += 300)
		tone(t, t + 40, 8000);
	v = synth(&cfg, &at, &why);
	ok(v == AMD_MACHINE && strcmp(why, "initial silence") == 0,
	    "40 ms clicks are no words (%s, %s)", amd_verdict_name(v), why);

	/* Words, pauses, words again: never 0.8 s quiet, never long. */
	memset(buf, 0, sizeof buf);
	for (int t = 0; t < 6000; t += 1400)
		tone(t + 100, t + 400, 4000);
	cfg.max_words = 10;
	cfg.greeting_ms = 10000;
	cfg.after_greeting_ms = 1200;
	v = synth(&cfg, &at, &why);
	ok(v == AMD_NOTSURE && at == 5000, "undecided by 5 s: not sure (%s, "
	    "%d)", amd_verdict_name(v), at);

	amd_cfg_default(&cfg);
	cfg.greeting_ms = 10000;
	cfg.max_words = 50;
	cfg.total_ms = 20000;
	n = load("machine.wav", 3000);
	amd_init(&a, &cfg);
	v = run(&a, n, &at);
	ok(v == AMD_PERSON && at > 8000, "tuned to allow a 10 s greeting of 50 "
	    "words, the machine passes for a person after its beep (%s at %d "
	    "ms)", amd_verdict_name(v), at);

	amd_init(&a, &cfg);
	a.verdict = AMD_PERSON;
	ok(amd_frame(&a, buf, AMD_FRAME) == AMD_PERSON && a.ms == 0,
	    "a decided detector takes no more frames");
	ok(strcmp(amd_verdict_name(AMD_NOTSURE), "notsure") == 0,
	    "verdict names");
	return tap_done();
}
