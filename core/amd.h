/* amd.h: answering-machine detection from the first seconds of what the
 * called party says after the answer (docs/DIALER.md, "Answering
 * machines"). A pure state machine fed 20 ms frames of linear audio: no
 * clock, no I/O, so the unit test runs it on files. */
#ifndef CZ_AMD_H
#define CZ_AMD_H

#include <stdint.h>

enum amd_verdict { AMD_PENDING, AMD_PERSON, AMD_MACHINE, AMD_NOTSURE };

/* The tuning, all in ms but the level (mean absolute sample, 16 bit). */
struct amd_cfg {
	int	initial_silence_ms;	/* nothing said for so long: machine */
	int	greeting_ms;		/* a greeting longer: machine */
	int	after_greeting_ms;	/* silence after a short one: person */
	int	total_ms;		/* no verdict by then: not sure */
	int	min_word_ms;		/* voice this long is a word */
	int	between_words_ms;	/* silence this long ends a word */
	int	max_words;		/* this many words: machine */
	int	level;			/* frames above it are voice */
};

struct amd {
	struct amd_cfg		 cfg;
	enum amd_verdict	 verdict;
	const char		*why;		/* the rule that decided */
	int			 ms;		/* audio fed so far */
	int			 voice_ms, silence_ms;	/* current runs */
	int			 in_word, words;
	int			 greeting_start_ms;	/* -1: nothing said */
	int			 greeting_end_ms;	/* end of the last word */
};

#define AMD_FRAME_MS	20
#define AMD_FRAME	160	/* samples at 8 kHz */

/* The defaults (the classic ones: 2.5 s, 1.5 s, 0.8 s, 5 s, ...). */
void		 amd_cfg_default(struct amd_cfg *);
void		 amd_init(struct amd *, const struct amd_cfg *);
/* One frame of N samples (AMD_FRAME): the verdict so far. Once decided,
 * further frames change nothing. */
enum amd_verdict amd_frame(struct amd *, const int16_t *samples, int n);
const char	*amd_verdict_name(enum amd_verdict);

#endif
