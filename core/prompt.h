/* prompt.h: recorded prompts, loaded on first use and kept, as 8 kHz
 * linear 16-bit mono, the form the media tick mixes. */
#ifndef CZ_PROMPT_H
#define CZ_PROMPT_H

#include <stddef.h>
#include <stdint.h>

#define PROMPT_RATE		8000
#define PROMPT_MAX_SECONDS	(30 * 60)

struct prompt {
	char	*path;
	int16_t	*pcm;		/* 8 kHz mono */
	size_t	 samples;
};

/* Reads any file libsndfile can read (any rate, channels, sample format),
 * down-mixes to mono and resamples to 8000 Hz with libsamplerate
 * (SRC_SINC_MEDIUM_QUALITY). NULL with a message in err naming the file and
 * the problem (missing, unreadable format, empty, longer than 30 minutes). */
struct prompt	*prompt_load_file(const char *path, char *err, size_t errlen);
void		 prompt_free(struct prompt *);

/* A prompt name is [a-z0-9_-]{1,63} (action_name_ok), so a config can
 * never reach ../ paths. */
int		 prompt_name_valid(const char *name);

/* The prompt set: DIR/LANG/NAME.wav (any extension libsndfile knows: try
 * .wav then .flac .ogg .au), else DIR/DEFAULT_LANG/NAME.wav, else
 * DIR/common/NAME.wav. Cached by resolved path; a prompt that fails to load
 * is logged once (log_warn) and NULL is returned (the caller plays silence
 * and goes on). */
void		 prompt_set_dir(const char *dir, const char *default_lang);
const struct prompt *prompt_get(const char *name, const char *lang);
void		 prompt_cache_clear(void);	/* on reload: files may have changed */
/* Changes whenever the cache is emptied: a prompt pointer kept from an
 * earlier generation must be fetched again (player.c). */
unsigned	 prompt_generation(void);

/* Spells N (0-999999) as prompt names in LANG ("en" or "pl"; others fall
 * back to en's rule), e.g. 42 -> "num-40","num-2"; 7 -> "num-7"; 100 ->
 * "num-100"; 125 -> "num-100","num-20","num-5"; 999 -> "num-900","num-90",
 * "num-9"; up to NMAX names. Returns how many. For n >= 1000 say it digit by
 * digit. Out of range: 0. */
int		 prompt_say_number(int n, const char *lang, const char **names,
		    int nmax);

/* The unit word after a count of minutes in LANG: "minute" for 1,
 * "minutes-few" where the language has a paucal form (Polish 2-4, 22-24...
 * "minuty"), else "minutes". */
const char	*prompt_minutes_name(int n, const char *lang);
/* N minutes in LANG: the number, in the feminine where Polish wants it
 * ("num-1-f" jedną, "num-2-f" dwie), then the unit word. Up to NMAX names;
 * returns how many. */
int		 prompt_say_minutes(int n, const char *lang, const char **names,
		    int nmax);

#endif
