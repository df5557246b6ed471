/* prompt.c: recorded prompts in memory. Loads any file libsndfile reads,
 * down-mixes it to mono and resamples it to 8 kHz 16-bit with libsamplerate,
 * so admins can drop in recordings in whatever form they have. Finds a
 * prompt by name in the prompt directory (caller's language, then the
 * default language, then common/), keeps what it loaded until the cache is
 * cleared on reload, and spells numbers as prompt names.
 *
 * Loading reads the file in blocks and resamples as it goes, so a long
 * 48 kHz stereo file never needs more than its 8 kHz result in memory. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <samplerate.h>
#include <sndfile.h>
#include "log.h"
#include "action.h"
#include "prompt.h"
#include "xmalloc.h"

#ifndef PKGDATADIR
#define PKGDATADIR "/usr/local/share/centrala"
#endif

#define PROMPT_BLOCK	4096	/* frames read and resampled at a time */

/* One open file being converted. */
struct prompt_reader {
	SNDFILE		*sf;
	SF_INFO		 info;
	SRC_STATE	*src;		/* NULL when the file is already 8 kHz */
	float		*frames;	/* PROMPT_BLOCK interleaved frames */
	float		 mono[PROMPT_BLOCK];
	float		 out[PROMPT_BLOCK];
	int16_t		*pcm;
	size_t		 samples, cap;
};

/* A loaded (or failed) file, by resolved path. */
struct prompt_file {
	char		*path;
	struct prompt	*prompt;	/* NULL: failed, already logged */
};

/* A name asked for in a language, and the file it resolved to. */
struct prompt_lookup {
	char			*key;	/* "lang/name" */
	struct prompt_file	*file;	/* NULL: found nowhere, already logged */
};

/* The sets are small (tens of prompts per language), so plain arrays. */
static char			*prompt_dir;
static char			*prompt_default_lang;
static struct prompt_file	**prompt_files;
static size_t			  prompt_nfiles;
static struct prompt_lookup	 *prompt_lookups;
static size_t			  prompt_nlookups;

static const char *prompt_exts[] = { "wav", "flac", "ogg", "au" };

static void
prompt_reader_close(struct prompt_reader *r)
{
	if (r->sf != NULL)
		sf_close(r->sf);
	if (r->src != NULL)
		src_delete(r->src);
	free(r->frames);
	free(r->pcm);
}

/* Opens PATH and checks it is a sound file of a length we accept. */
static int
prompt_reader_open(struct prompt_reader *r, const char *path, char *err,
    size_t errlen)
{
	int	error;

	if (access(path, R_OK) != 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	if ((r->sf = sf_open(path, SFM_READ, &r->info)) == NULL) {
		snprintf(err, errlen, "%s: not a sound file libsndfile can read "
		    "(%s)", path, sf_strerror(NULL));
		return -1;
	}
	if (r->info.frames <= 0 || r->info.samplerate <= 0 ||
	    r->info.channels <= 0) {
		snprintf(err, errlen, "%s: empty", path);
		return -1;
	}
	if (r->info.frames / r->info.samplerate > PROMPT_MAX_SECONDS) {
		snprintf(err, errlen, "%s: longer than 30 minutes", path);
		return -1;
	}
	if (r->info.samplerate != PROMPT_RATE) {
		r->src = src_new(SRC_SINC_MEDIUM_QUALITY, 1, &error);
		if (r->src == NULL) {
			snprintf(err, errlen, "%s: resampler: %s", path,
			    src_strerror(error));
			return -1;
		}
	}
	r->frames = xcalloc(PROMPT_BLOCK, r->info.channels * sizeof *r->frames);
	return 0;
}

/* Averages the channels of N interleaved frames into r->mono. */
static void
prompt_downmix(struct prompt_reader *r, size_t n)
{
	int	ch = r->info.channels;

	for (size_t i = 0; i < n; i++) {
		float sum = 0;

		for (int c = 0; c < ch; c++)
			sum += r->frames[i * ch + c];
		r->mono[i] = sum / ch;
	}
}

/* Appends N float samples to the result as 16-bit (clipped). */
static void
prompt_append(struct prompt_reader *r, const float *in, size_t n)
{
	if (r->samples + n > r->cap) {
		r->cap = r->cap == 0 ? 8 * PROMPT_BLOCK : r->cap * 2;
		while (r->cap < r->samples + n)
			r->cap *= 2;
		r->pcm = xrealloc(r->pcm, r->cap * sizeof *r->pcm);
	}
	src_float_to_short_array(in, r->pcm + r->samples, n);
	r->samples += n;
}

/* Resamples N mono samples (all of them, or the flush at EOF) into pcm. */
static int
prompt_resample(struct prompt_reader *r, size_t n, int eof)
{
	SRC_DATA	d = { 0 };
	const float	*in = r->mono;
	int		 error;

	d.src_ratio = (double)PROMPT_RATE / r->info.samplerate;
	d.end_of_input = eof;
	for (;;) {
		d.data_in = in;
		d.input_frames = n;
		d.data_out = r->out;
		d.output_frames = PROMPT_BLOCK;
		if ((error = src_process(r->src, &d)) != 0)
			return error;
		prompt_append(r, r->out, d.output_frames_gen);
		in += d.input_frames_used;
		n -= d.input_frames_used;
		if (n == 0 && (!eof || d.output_frames_gen == 0))
			return 0;
	}
}

/* Reads the whole file through the down-mix and the resampler. */
static int
prompt_reader_run(struct prompt_reader *r, const char *path, char *err,
    size_t errlen)
{
	sf_count_t	n;
	int		error = 0;

	do {
		n = sf_readf_float(r->sf, r->frames, PROMPT_BLOCK);
		if (n < 0)
			n = 0;
		prompt_downmix(r, n);
		if (r->src == NULL)
			prompt_append(r, r->mono, n);
		else
			error = prompt_resample(r, n, n == 0);
		if (error != 0) {
			snprintf(err, errlen, "%s: resampler: %s", path,
			    src_strerror(error));
			return -1;
		}
		if (r->samples > (size_t)PROMPT_MAX_SECONDS * PROMPT_RATE) {
			snprintf(err, errlen, "%s: longer than 30 minutes", path);
			return -1;
		}
	} while (n > 0);
	if (r->samples == 0) {
		snprintf(err, errlen, "%s: empty", path);
		return -1;
	}
	return 0;
}

struct prompt *
prompt_load_file(const char *path, char *err, size_t errlen)
{
	struct prompt_reader	 r;
	struct prompt		*p;

	memset(&r, 0, sizeof r);
	if (prompt_reader_open(&r, path, err, errlen) != 0 ||
	    prompt_reader_run(&r, path, err, errlen) != 0) {
		prompt_reader_close(&r);
		return NULL;
	}
	p = xcalloc(1, sizeof *p);
	p->path = xstrdup(path);
	p->pcm = xrealloc(r.pcm, r.samples * sizeof *r.pcm);
	p->samples = r.samples;
	r.pcm = NULL;
	prompt_reader_close(&r);
	return p;
}

void
prompt_free(struct prompt *p)
{
	if (p == NULL)
		return;
	free(p->path);
	free(p->pcm);
	free(p);
}

int
prompt_name_valid(const char *name)
{
	return name != NULL && action_name_ok(name);
}

static unsigned prompt_gen = 1;

unsigned
prompt_generation(void)
{
	return prompt_gen;
}

void
prompt_cache_clear(void)
{
	prompt_gen++;
	for (size_t i = 0; i < prompt_nfiles; i++) {
		prompt_free(prompt_files[i]->prompt);
		free(prompt_files[i]->path);
		free(prompt_files[i]);
	}
	free(prompt_files);
	prompt_files = NULL;
	prompt_nfiles = 0;
	for (size_t i = 0; i < prompt_nlookups; i++)
		free(prompt_lookups[i].key);
	free(prompt_lookups);
	prompt_lookups = NULL;
	prompt_nlookups = 0;
}

void
prompt_set_dir(const char *dir, const char *default_lang)
{
	prompt_cache_clear();
	free(prompt_dir);
	free(prompt_default_lang);
	prompt_dir = dir != NULL ? xstrdup(dir) : NULL;
	prompt_default_lang = default_lang != NULL ? xstrdup(default_lang) : NULL;
}

/* The first DIR/SUB/NAME.EXT that exists, or NULL; the caller frees. */
static char *
prompt_find_in(const char *sub, const char *name)
{
	const char	*dir = prompt_dir != NULL ? prompt_dir : PKGDATADIR "/prompts";
	char		*path;

	for (size_t i = 0; i < sizeof prompt_exts / sizeof prompt_exts[0]; i++) {
		path = xprintf("%s/%s/%s.%s", dir, sub, name, prompt_exts[i]);
		if (access(path, F_OK) == 0)
			return path;
		free(path);
	}
	return NULL;
}

/* The file for NAME: LANG, then the default language, then common/. */
static char *
prompt_resolve(const char *name, const char *lang)
{
	const char	*dlang = prompt_default_lang != NULL ?
			    prompt_default_lang : "en";
	const char	*subs[] = { lang, dlang, "common" };
	char		*path;

	for (size_t i = 0; i < sizeof subs / sizeof subs[0]; i++) {
		if (i > 0 && strcmp(subs[i], subs[i - 1]) == 0)
			continue;
		if ((path = prompt_find_in(subs[i], name)) != NULL)
			return path;
	}
	return NULL;
}

/* The cached file for PATH, loading it (and logging a failure) if new. */
static struct prompt_file *
prompt_file_get(const char *path)
{
	struct prompt_file	*f;
	char			 err[512];

	for (size_t i = 0; i < prompt_nfiles; i++)
		if (strcmp(prompt_files[i]->path, path) == 0)
			return prompt_files[i];
	f = xcalloc(1, sizeof *f);
	f->path = xstrdup(path);
	if ((f->prompt = prompt_load_file(path, err, sizeof err)) == NULL)
		log_warn("prompt: %s; playing silence instead", err);
	else
		log_debug("prompt: loaded %s (%zu samples)", path,
		    f->prompt->samples);
	prompt_files = xrealloc(prompt_files,
	    (prompt_nfiles + 1) * sizeof *prompt_files);
	prompt_files[prompt_nfiles++] = f;
	return f;
}

static struct prompt_lookup *
prompt_lookup_find(const char *key)
{
	for (size_t i = 0; i < prompt_nlookups; i++)
		if (strcmp(prompt_lookups[i].key, key) == 0)
			return &prompt_lookups[i];
	return NULL;
}

/* Resolves and remembers NAME in LANG; a prompt found nowhere is logged here,
 * once. */
static struct prompt_lookup *
prompt_lookup_add(const char *key, const char *name, const char *lang)
{
	struct prompt_lookup	*l;
	char			*path = prompt_resolve(name, lang);

	prompt_lookups = xrealloc(prompt_lookups,
	    (prompt_nlookups + 1) * sizeof *prompt_lookups);
	l = &prompt_lookups[prompt_nlookups++];
	l->key = xstrdup(key);
	l->file = NULL;
	if (path == NULL)
		log_warn("prompt: no file for \"%s\" in language %s, the default "
		    "language or common/; playing silence instead", name, lang);
	else
		l->file = prompt_file_get(path);
	free(path);
	return l;
}

const struct prompt *
prompt_get(const char *name, const char *lang)
{
	struct prompt_lookup	*l;
	char			*key;

	if (!prompt_name_valid(name)) {
		log_warn("prompt: refusing bad prompt name \"%s\"",
		    name != NULL ? name : "(null)");
		return NULL;
	}
	if (lang == NULL || !prompt_name_valid(lang)) {
		if (lang != NULL && lang[0] != '\0')
			log_warn("prompt: bad language \"%s\", using the "
			    "default", lang);
		lang = prompt_default_lang != NULL ? prompt_default_lang : "en";
	}
	key = xprintf("%s/%s", lang, name);
	if ((l = prompt_lookup_find(key)) == NULL)
		l = prompt_lookup_add(key, name, lang);
	free(key);
	return l->file != NULL ? l->file->prompt : NULL;
}

/* Names of the numbers that have their own prompt. */
static const char *const prompt_units[] = {
	"num-0", "num-1", "num-2", "num-3", "num-4", "num-5", "num-6",
	"num-7", "num-8", "num-9", "num-10", "num-11", "num-12", "num-13",
	"num-14", "num-15", "num-16", "num-17", "num-18", "num-19", "num-20"
};
static const char *const prompt_tens[] = {
	NULL, NULL, "num-20", "num-30", "num-40", "num-50", "num-60",
	"num-70", "num-80", "num-90"
};
static const char *const prompt_hundreds[] = {
	NULL, "num-100", "num-200", "num-300", "num-400", "num-500",
	"num-600", "num-700", "num-800", "num-900"
};

/* Digit by digit, for account numbers and anything of 1000 or more. */
static int
prompt_say_digits(int n, const char **names, int nmax)
{
	char	digits[16];
	int	len, i;

	len = snprintf(digits, sizeof digits, "%d", n);
	for (i = 0; i < len && i < nmax; i++)
		names[i] = prompt_units[digits[i] - '0'];
	return i;
}

/* 0-999. English and Polish both build these by adding the hundreds, the
 * tens and the units (one hundred twenty five, sto dwadzieścia pięć), so one
 * rule serves both; a language that does not gets its own function. */
static int
prompt_say_under_1000(int n, const char **names, int nmax)
{
	const char	*say[3];
	int		 k = 0, rest = n % 100, i;

	if (n >= 100)
		say[k++] = prompt_hundreds[n / 100];
	if (rest <= 20) {
		if (rest != 0 || n == 0)
			say[k++] = prompt_units[rest];
	} else {
		say[k++] = prompt_tens[rest / 10];
		if (rest % 10 != 0)
			say[k++] = prompt_units[rest % 10];
	}
	for (i = 0; i < k && i < nmax; i++)
		names[i] = say[i];
	return i;
}

int
prompt_say_number(int n, const char *lang, const char **names, int nmax)
{
	if (n < 0 || n > 999999 || nmax <= 0)
		return 0;
	if (n >= 1000)
		return prompt_say_digits(n, names, nmax);
	return prompt_say_under_1000(n, names, nmax);
}

const char *
prompt_minutes_name(int n, const char *lang)
{
	if (n == 1)
		return "minute";
	/* Polish: 2-4, 22-24, 32-34... take "minuty"; 12-14 do not. */
	if (lang != NULL && strcmp(lang, "pl") == 0 && n % 10 >= 2 &&
	    n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14))
		return "minutes-few";
	return "minutes";
}

/* Polish counts feminine nouns (minuta) with their own forms of one and
 * two: "jedną minutę", "dwie minuty", "dwadzieścia dwie minuty"; but 21
 * is "dwadzieścia jeden minut", and 12 has no separate two. */
int
prompt_say_minutes(int n, const char *lang, const char **names, int nmax)
{
	int k, pl = lang != NULL && strcmp(lang, "pl") == 0;

	if (nmax < 2)
		return 0;
	if (pl && n == 1)
		names[0] = "num-1-f";
	k = pl && n == 1 ? 1 : prompt_say_number(n, lang, names, nmax - 1);
	if (pl && n < 1000 && k > 0 && n % 10 == 2 && n % 100 != 12)
		names[k - 1] = "num-2-f";
	names[k++] = prompt_minutes_name(n, lang);
	return k;
}
