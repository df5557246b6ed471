/* test-prompt.c: prompts from files in several formats, rates and channel
 * counts come out as 8 kHz mono with the tone, length and level intact;
 * bad files and names are refused; the prompt set falls back from the
 * caller's language to the default one to common/; numbers are spelled;
 * and the default set in data/prompts/ is complete and loads. */
#include <ftw.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sndfile.h>
#include "prompt.h"
#include "tap.h"

static char tmpdir[] = "/tmp/test-prompt.XXXXXX";

/* The prompts every language directory of the default set must have. */
static const char *default_set[] = {
	"welcome", "main-menu", "language-select", "invalid", "no-input",
	"enter-account", "thank-you", "goodbye", "please-hold", "all-busy",
	"you-are-number", "in-line", "wait-is", "minutes", "minutes-few",
	"minute", "under-minute", "closed", "leave-message", "message-saved",
	"callback-offer", "callback-confirm", "callback-at-number",
	"callback-press-1-2", "callback-enter-number", "callback-you-entered",
	"num-0", "num-1", "num-2", "num-3", "num-4", "num-5", "num-6", "num-7",
	"num-8", "num-9", "num-10", "num-11", "num-12", "num-13", "num-14",
	"num-15", "num-16", "num-17", "num-18", "num-19", "num-20", "num-30",
	"num-40", "num-50", "num-60", "num-70", "num-80", "num-90", "num-100",
	"num-200", "num-300", "num-400", "num-500", "num-600", "num-700",
	"num-800", "num-900",
};
/* Only where the language needs them. */
static const char *pl_only[] = { "num-1-f", "num-2-f" };

/* A tone file: FREQ Hz sines at amplitude AMP_L (left or only channel) and
 * AMP_R (right), SECONDS long. */
struct tone {
	int	 format, rate, channels;
	double	 seconds, freq, amp_l, amp_r;
};

static int
write_tone(const char *path, const struct tone *t)
{
	SF_INFO		 info = { .samplerate = t->rate, .channels = t->channels,
			    .format = t->format };
	SNDFILE		*sf = sf_open(path, SFM_WRITE, &info);
	sf_count_t	 n = (sf_count_t)(t->seconds * t->rate);
	float		*buf;

	if (sf == NULL) {
		printf("# %s: %s\n", path, sf_strerror(NULL));
		return -1;
	}
	buf = calloc(n > 0 ? n * t->channels : 1, sizeof *buf);
	for (sf_count_t i = 0; i < n; i++) {
		double s = sin(2 * M_PI * t->freq * i / t->rate);

		buf[i * t->channels] = t->amp_l * s;
		if (t->channels > 1)
			buf[i * t->channels + 1] = t->amp_r * s;
	}
	sf_writef_float(sf, buf, n);
	sf_close(sf);
	free(buf);
	return 0;
}

static char *
tmp_path(const char *name)
{
	static char	path[512];

	snprintf(path, sizeof path, "%s/%s", tmpdir, name);
	return path;
}

/* Frequency from the zero crossings of the middle 80% (edges hold the
 * resampler's ramp). */
static double
measure_freq(const struct prompt *p)
{
	size_t	from = p->samples / 10, to = p->samples - p->samples / 10;
	int	crossings = 0;

	for (size_t i = from + 1; i < to; i++)
		if ((p->pcm[i - 1] < 0) != (p->pcm[i] < 0))
			crossings++;
	return crossings / 2.0 / ((double)(to - from) / PROMPT_RATE);
}

/* RMS of the middle 80%, full scale 1.0. */
static double
measure_rms(const struct prompt *p)
{
	size_t	from = p->samples / 10, to = p->samples - p->samples / 10;
	double	sum = 0;

	for (size_t i = from; i < to; i++)
		sum += (double)p->pcm[i] * p->pcm[i];
	return sqrt(sum / (to - from)) / 32768.0;
}

static int
near(double got, double want, double tolerance)
{
	return fabs(got - want) <= fabs(want) * tolerance;
}

/* Writes T to NAME, loads it and checks length, tone and level. */
static void
check_format(const char *what, const char *name, const struct tone *t)
{
	struct prompt	*p;
	char		 err[512];
	double		 want_rms = (t->channels > 1 ? (t->amp_l + t->amp_r) / 2 :
			    t->amp_l) / sqrt(2);

	if (write_tone(tmp_path(name), t) != 0) {
		ok(0, "%s: written", what);
		return;
	}
	p = prompt_load_file(tmp_path(name), err, sizeof err);
	ok(p != NULL, "%s: loads%s%s", what, p == NULL ? ": " : "",
	    p == NULL ? err : "");
	if (p == NULL)
		return;
	ok(near(p->samples, t->seconds * PROMPT_RATE, 0.01),
	    "%s: %zu samples for %.2f s", what, p->samples, t->seconds);
	ok(near(measure_freq(p), t->freq, 0.02), "%s: tone %.1f Hz", what,
	    measure_freq(p));
	ok(near(measure_rms(p), want_rms, 0.05), "%s: rms %.4f (want %.4f)",
	    what, measure_rms(p), want_rms);
	prompt_free(p);
}

static void
test_formats(void)
{
	struct tone	stereo = { SF_FORMAT_WAV | SF_FORMAT_FLOAT, 44100, 2, 1.5,
			    1000, 0.5, 0.5 };
	struct tone	pcm16 = { SF_FORMAT_WAV | SF_FORMAT_PCM_16, 16000, 1, 1.0,
			    1000, 0.5, 0 };
	struct tone	alaw = { SF_FORMAT_WAV | SF_FORMAT_ALAW, 8000, 1, 2.0,
			    1000, 0.5, 0 };
	struct tone	flac = { SF_FORMAT_FLAC | SF_FORMAT_PCM_16, 48000, 1, 0.8,
			    1000, 0.3, 0 };
	struct tone	differ = { SF_FORMAT_WAV | SF_FORMAT_PCM_16, 22050, 2, 1.0,
			    1000, 0.6, 0.2 };

	check_format("44.1 kHz stereo float WAV", "stereo.wav", &stereo);
	check_format("16 kHz mono PCM16 WAV", "pcm16.wav", &pcm16);
	check_format("8 kHz A-law WAV", "alaw.wav", &alaw);
	check_format("48 kHz FLAC", "tone.flac", &flac);
	/* Left 0.6, right 0.2: the mono is their mean, 0.4, not either side. */
	check_format("stereo with different channels, down-mixed", "differ.wav",
	    &differ);
}

static void
check_refused(const char *what, const char *path, const char *problem)
{
	struct prompt	*p;
	char		 err[512] = "";

	p = prompt_load_file(path, err, sizeof err);
	ok(p == NULL && strstr(err, path) != NULL &&
	    (problem == NULL || strstr(err, problem) != NULL),
	    "%s refused: %s", what, err);
	prompt_free(p);
}

static void
test_bad_files(void)
{
	struct tone	 empty = { SF_FORMAT_WAV | SF_FORMAT_PCM_16, 8000, 1, 0,
			    1000, 0.5, 0 };
	FILE		*f;

	check_refused("a missing file", tmp_path("missing.wav"), NULL);
	if ((f = fopen(tmp_path("text.wav"), "w")) != NULL) {
		fputs("this is not a sound file, only some text\n", f);
		fclose(f);
	}
	check_refused("a text file", tmp_path("text.wav"), NULL);
	write_tone(tmp_path("empty.wav"), &empty);
	check_refused("an empty file", tmp_path("empty.wav"), "empty");
}

static void
test_names(void)
{
	ok(prompt_name_valid("num-20") && prompt_name_valid("thank_you"),
	    "good names pass");
	ok(!prompt_name_valid("../x") && !prompt_name_valid("A b") &&
	    !prompt_name_valid("") && !prompt_name_valid("a/b") &&
	    !prompt_name_valid(NULL), "bad names fail");
	ok(prompt_get("../x", "en") == NULL, "prompt_get refuses \"../x\"");
	ok(prompt_get("A b", "en") == NULL, "prompt_get refuses \"A b\"");
	ok(prompt_get("welcome", "../en") == NULL ||
	    strstr(prompt_get("welcome", "../en")->path, "..") == NULL,
	    "a bad language does not reach ../");
}

/* A tone of SECONDS at DIR/NAME, so each file is told apart by length. */
static void
make_prompt(const char *dir, const char *name, double seconds, int format)
{
	struct tone	t = { format, 8000, 1, seconds, 500, 0.3, 0 };
	char		path[512];

	snprintf(path, sizeof path, "%s/%s", tmpdir, dir);
	mkdir(path, 0755);
	snprintf(path, sizeof path, "%s/%s/%s", tmpdir, dir, name);
	write_tone(path, &t);
}

static int
came_from(const struct prompt *p, const char *tail)
{
	size_t	n = strlen(tail);

	return p != NULL && strlen(p->path) >= n &&
	    strcmp(p->path + strlen(p->path) - n, tail) == 0;
}

static void
test_fallback(void)
{
	int			 wav = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
	const struct prompt	*p, *again;
	char			 set[512];

	snprintf(set, sizeof set, "%s/set", tmpdir);
	mkdir(set, 0755);
	make_prompt("set/pl", "a.wav", 0.1, wav);
	make_prompt("set/en", "a.wav", 0.2, wav);
	make_prompt("set/en", "b.wav", 0.3, wav);
	make_prompt("set/common", "b.wav", 0.4, wav);
	make_prompt("set/common", "c.wav", 0.5, wav);
	make_prompt("set/pl", "f.flac", 0.6, SF_FORMAT_FLAC | SF_FORMAT_PCM_16);
	make_prompt("set/pl", "g.au", 0.7, SF_FORMAT_AU | SF_FORMAT_ULAW);
	prompt_set_dir(set, "en");

	p = prompt_get("a", "pl");
	ok(came_from(p, "/pl/a.wav") && p->samples == 800, "the caller's language first");
	ok(came_from(prompt_get("b", "pl"), "/en/b.wav"), "then the default language");
	ok(came_from(prompt_get("c", "pl"), "/common/c.wav"), "then common/");
	ok(came_from(prompt_get("a", "de"), "/en/a.wav"), "a language with no directory: default");
	ok(came_from(prompt_get("a", NULL), "/en/a.wav"), "no language: default");
	ok(came_from(prompt_get("f", "pl"), "/pl/f.flac"), ".flac found");
	ok(came_from(prompt_get("g", "pl"), "/pl/g.au"), ".au found");
	ok(prompt_get("nothing", "pl") == NULL && prompt_get("nothing", "pl") == NULL,
	    "a prompt found nowhere is NULL (and warned about once)");
	again = prompt_get("a", "pl");
	ok(again == p, "cached: the same prompt the second time");

	make_prompt("set/pl", "c.wav", 0.25, wav);
	ok(came_from(prompt_get("c", "pl"), "/common/c.wav"), "cache kept until cleared");
	prompt_cache_clear();
	p = prompt_get("c", "pl");
	ok(came_from(p, "/pl/c.wav") && p->samples == 2000,
	    "after prompt_cache_clear a new file is seen");

	make_prompt("set/pl", "x.wav", 0, wav);
	ok(prompt_get("x", "pl") == NULL, "a file that fails to load: NULL");
	prompt_cache_clear();
}

static int
say(int n, const char *lang, const char *want)
{
	const char	*names[8];
	char		 got[256] = "";
	int		 k = prompt_say_number(n, lang, names, 8);

	for (int i = 0; i < k; i++) {
		if (i > 0)
			strcat(got, " ");
		strcat(got, names[i]);
	}
	if (strcmp(got, want) != 0)
		printf("# %d in %s: \"%s\", want \"%s\"\n", n, lang, got, want);
	return strcmp(got, want) == 0;
}

static int
say_min(int n, const char *lang, const char *want)
{
	const char	*names[8];
	char		 got[256] = "";
	int		 k = prompt_say_minutes(n, lang, names, 8);

	for (int i = 0; i < k; i++) {
		if (i > 0)
			strcat(got, " ");
		strcat(got, names[i]);
	}
	if (strcmp(got, want) != 0)
		printf("# %d minutes in %s: \"%s\", want \"%s\"\n", n, lang, got,
		    want);
	return strcmp(got, want) == 0;
}

static void
test_numbers(void)
{
	const char	*names[2];

	for (int l = 0; l < 3; l++) {
		const char *lang = (const char *[]){ "en", "pl", "de" }[l];

		ok(say(0, lang, "num-0") && say(7, lang, "num-7") &&
		    say(13, lang, "num-13") && say(20, lang, "num-20") &&
		    say(42, lang, "num-40 num-2") && say(100, lang, "num-100") &&
		    say(125, lang, "num-100 num-20 num-5") &&
		    say(999, lang, "num-900 num-90 num-9") &&
		    say(1234, lang, "num-1 num-2 num-3 num-4") &&
		    say(300, lang, "num-300") && say(110, lang, "num-100 num-10"),
		    "numbers in %s", lang);
	}
	ok(say_min(1, "pl", "num-1-f minute") &&
	    say_min(2, "pl", "num-2-f minutes-few") &&
	    say_min(5, "pl", "num-5 minutes") &&
	    say_min(12, "pl", "num-12 minutes") &&
	    say_min(21, "pl", "num-20 num-1 minutes") &&
	    say_min(22, "pl", "num-20 num-2-f minutes-few") &&
	    say_min(1, "en", "num-1 minute") && say_min(2, "en", "num-2 minutes"),
	    "minutes: Polish feminine one and two (jedną minutę, dwie minuty, "
	    "dwadzieścia jeden minut)");
	ok(prompt_say_number(-1, "en", names, 2) == 0 &&
	    prompt_say_number(1000000, "en", names, 2) == 0, "out of range: none");
	ok(prompt_say_number(125, "en", names, 2) == 2, "at most nmax names");
	ok(strcmp(prompt_minutes_name(1, "pl"), "minute") == 0 &&
	    strcmp(prompt_minutes_name(3, "pl"), "minutes-few") == 0 &&
	    strcmp(prompt_minutes_name(12, "pl"), "minutes") == 0 &&
	    strcmp(prompt_minutes_name(22, "pl"), "minutes-few") == 0 &&
	    strcmp(prompt_minutes_name(5, "pl"), "minutes") == 0 &&
	    strcmp(prompt_minutes_name(3, "en"), "minutes") == 0,
	    "minute, minuty, minut");
}

/* Every prompt of the default set is there in each language and loads. */
static void
test_default_set(void)
{
	const char	*srcdir = getenv("srcdir") != NULL ? getenv("srcdir") : ".";
	const char	*langs[] = { "en", "pl" };
	struct prompt	*p;
	char		 path[1024], err[512];
	int		 bad;

	for (int l = 0; l < 2; l++) {
		bad = 0;
		for (size_t i = 0; i < sizeof default_set / sizeof default_set[0]; i++) {
			snprintf(path, sizeof path, "%s/data/prompts/%s/%s.wav",
			    srcdir, langs[l], default_set[i]);
			if ((p = prompt_load_file(path, err, sizeof err)) == NULL) {
				printf("# %s\n", err);
				bad++;
			}
			prompt_free(p);
		}
		ok(bad == 0, "default set in %s: all %zu prompts load", langs[l],
		    sizeof default_set / sizeof default_set[0]);
	}
	bad = 0;
	for (size_t i = 0; i < sizeof pl_only / sizeof pl_only[0]; i++) {
		snprintf(path, sizeof path, "%s/data/prompts/pl/%s.wav", srcdir,
		    pl_only[i]);
		if ((p = prompt_load_file(path, err, sizeof err)) == NULL) {
			printf("# %s\n", err);
			bad++;
		}
		prompt_free(p);
	}
	ok(bad == 0, "Polish feminine numbers (jedną, dwie) load");
	snprintf(path, sizeof path, "%s/data/prompts/common/beep.wav", srcdir);
	p = prompt_load_file(path, err, sizeof err);
	ok(p != NULL && p->samples == 3200 && near(measure_freq(p), 1000, 0.02),
	    "common/beep.wav: 400 ms of 1000 Hz");
	prompt_free(p);
	snprintf(path, sizeof path, "%s/data/prompts/common/moh.wav", srcdir);
	p = prompt_load_file(path, err, sizeof err);
	ok(p != NULL && p->samples >= 25 * 8000, "common/moh.wav: music on hold");
	prompt_free(p);
}

static int
remove_cb(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	return remove(path);
}

int
main(void)
{
	if (mkdtemp(tmpdir) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	test_formats();
	test_bad_files();
	test_names();
	test_fallback();
	test_numbers();
	test_default_set();
	nftw(tmpdir, remove_cb, 16, FTW_DEPTH | FTW_PHYS);
	return tap_done();
}
