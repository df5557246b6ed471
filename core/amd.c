/* amd.c: answering-machine detection (amd.h). What a person says on
 * answering is short ("Hello?") and then they wait; a machine's greeting
 * is long, of many words, or starts after a long silence. Each 20 ms
 * frame is voice or silence by its mean level; runs of voice long enough
 * are words, runs of silence long enough end them. The rules, first to
 * match decides:
 *   nothing said within initial_silence_ms           machine
 *   the greeting (first word to now) over greeting_ms  machine
 *   max_words words                                  machine
 *   a short greeting then after_greeting_ms of silence person
 *   total_ms gone                                    not sure
 * The model is the classic detector of Asterisk's app_amd (the same
 * rules and default values, as its documentation describes them); the
 * code is ours. */
#include <stdlib.h>
#include "amd.h"

static const struct amd_cfg amd_defaults = {
	.initial_silence_ms = 2500,
	.greeting_ms = 1500,
	.after_greeting_ms = 800,
	.total_ms = 5000,
	.min_word_ms = 100,
	.between_words_ms = 50,
	.max_words = 3,
	.level = 256,
};

void
amd_cfg_default(struct amd_cfg *cfg)
{
	*cfg = amd_defaults;
}

void
amd_init(struct amd *a, const struct amd_cfg *cfg)
{
	*a = (struct amd){ .cfg = *cfg, .verdict = AMD_PENDING, .why = "",
	    .greeting_start_ms = -1 };
}

const char *
amd_verdict_name(enum amd_verdict v)
{
	static const char *const names[] = { "pending", "person", "machine",
	    "notsure" };

	return v >= AMD_PENDING && v <= AMD_NOTSURE ? names[v] : "?";
}

static enum amd_verdict
amd_decide(struct amd *a, enum amd_verdict v, const char *why)
{
	a->verdict = v;
	a->why = why;
	return v;
}

static int
amd_voiced(const struct amd *a, const int16_t *s, int n)
{
	long sum = 0;

	for (int i = 0; i < n; i++)
		sum += abs(s[i]);
	return n > 0 && sum / n > a->cfg.level;
}

/* A voiced frame: a word may start; the greeting may grow too long. */
static enum amd_verdict
amd_voice(struct amd *a)
{
	a->silence_ms = 0;
	a->voice_ms += AMD_FRAME_MS;
	if (!a->in_word && a->voice_ms >= a->cfg.min_word_ms) {
		a->in_word = 1;
		if (a->words++ == 0)
			a->greeting_start_ms = a->ms - a->voice_ms;
		if (a->words >= a->cfg.max_words)
			return amd_decide(a, AMD_MACHINE, "max words");
	}
	if (a->greeting_start_ms >= 0 &&
	    a->ms - a->greeting_start_ms > a->cfg.greeting_ms)
		return amd_decide(a, AMD_MACHINE, "long greeting");
	return AMD_PENDING;
}

/* A silent frame: a word may end; a greeting's silence after it. */
static enum amd_verdict
amd_silence(struct amd *a)
{
	a->voice_ms = 0;
	a->silence_ms += AMD_FRAME_MS;
	if (a->in_word && a->silence_ms >= a->cfg.between_words_ms) {
		a->in_word = 0;
		a->greeting_end_ms = a->ms - a->silence_ms;
	}
	if (a->words == 0 && a->silence_ms >= a->cfg.initial_silence_ms)
		return amd_decide(a, AMD_MACHINE, "initial silence");
	if (a->words > 0 && !a->in_word &&
	    a->silence_ms >= a->cfg.after_greeting_ms)
		return amd_decide(a, AMD_PERSON, "silence after greeting");
	return AMD_PENDING;
}

enum amd_verdict
amd_frame(struct amd *a, const int16_t *samples, int n)
{
	enum amd_verdict v;

	if (a->verdict != AMD_PENDING)
		return a->verdict;
	a->ms += n * 1000 / 8000;
	v = amd_voiced(a, samples, n) ? amd_voice(a) : amd_silence(a);
	if (v == AMD_PENDING && a->ms >= a->cfg.total_ms)
		v = amd_decide(a, AMD_NOTSURE, "max duration");
	return v;
}
