/* pstn-opts.c: the command line of `centrala pstn`, as one table: each row
 * gives the option, its argument, what it sets, its check and its help
 * line; getopt's array, --help and the checks all come from it. A bad
 * option names itself and exits 2. */
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/un.h>
#include "log.h"
#include "pstn-audio.h"
#include "pstn-opts.h"
#include "pstn-profile.h"
#include "pstn-rules.h"
#include "xmalloc.h"

struct pstn_opts pstn_opts = {
	.rate = 10, .cli = "600100###", .hold = { DIST_FIXED, 10, 0 },
	.seed = 1, .dtmf_delay = 1, .connect_timeout = 10,
};

enum pstn_opts_type { OPT_FLAG, OPT_INT, OPT_NUM, OPT_FN };

struct pstn_opts_row {
	const char		*name;
	int			 letter;	/* short option, 0 if none */
	const char		*arg;		/* NULL: takes none */
	enum pstn_opts_type	 type;
	void			*target;	/* int or double */
	double			 min;		/* OPT_INT, OPT_NUM: >= min */
	int			 above;		/* ... and > min */
	int			(*fn)(const char *);
	const char		*help;
};

static int	pstn_opts_state_dir(const char *);
static int	pstn_opts_run_dir(const char *);
static int	pstn_opts_span(const char *);
static int	pstn_opts_t1(const char *);
static int	pstn_opts_cli(const char *);
static int	pstn_opts_dnis(const char *);
static int	pstn_opts_hold(const char *);
static int	pstn_opts_seed(const char *);
static int	pstn_opts_dtmf(const char *);
static int	pstn_opts_keypad(const char *);
static int	pstn_opts_dtmf_call(const char *);
static int	pstn_opts_voice(const char *);
static int	pstn_opts_save_audio(const char *);
static int	pstn_opts_answer_tone(const char *);
static int	pstn_opts_log(const char *);
static int	pstn_opts_profile_audio(const char *);
static int	pstn_opts_verbose(const char *);
static int	pstn_opts_help(const char *);

#define O(f) (&pstn_opts.f)
static const struct pstn_opts_row pstn_opts_table[] = {
	{ "state-dir", 's', "DIR", OPT_FN, NULL, 0, 0, pstn_opts_state_dir,
	  "the core's state directory: sockets in DIR/run" },
	{ "run-dir", 'r', "DIR", OPT_FN, NULL, 0, 0, pstn_opts_run_dir,
	  "the core's run dir ($CENTRALA_STATE_DIR/run)" },
	{ "span", 0, "NAME", OPT_FN, NULL, 0, 0, pstn_opts_span,
	  "a span to serve, repeatable (default e1a)" },
	{ "t1", 0, NULL, OPT_FN, NULL, 0, 0, pstn_opts_t1,
	  "the --span before is a T1 span: 23 channels, mu-law, NI2" },
	{ "calls", 'n', "N", OPT_INT, O(calls), 0, 0, NULL,
	  "inbound calls to place (default 0)" },
	{ "rate", 0, "R", OPT_NUM, O(rate), 0, 0, NULL,
	  "calls per second (default 10; 0 = all at once)" },
	{ "concurrent", 0, "N", OPT_INT, O(concurrent), 1, 0, NULL,
	  "our calls in progress at most (default 30 per E1, 23 per T1)" },
	{ "cli", 0, "PATTERN", OPT_FN, NULL, 0, 0, pstn_opts_cli,
	  "caller: # = seq. digit, ? = random (600100###)" },
	{ "dnis", 0, "LIST", OPT_FN, NULL, 0, 0, pstn_opts_dnis,
	  "called numbers, comma-separated, in turn (2000)" },
	{ "hold", 0, "DIST", OPT_FN, NULL, 0, 0, pstn_opts_hold,
	  "stay: fixed:S uniform:A:B exp:MEAN never (fixed:10)" },
	{ "seed", 0, "N", OPT_FN, NULL, 0, 0, pstn_opts_seed,
	  "random seed (default 1)" },
	{ "dtmf", 0, "DIGITS", OPT_FN, NULL, 0, 0, pstn_opts_dtmf,
	  "send DIGITS as in-band DTMF after CONNECT (, = 1 s pause)" },
	{ "dtmf-delay", 0, "S", OPT_NUM, O(dtmf_delay), 0, 0, NULL,
	  "... this many seconds after CONNECT (default 1)" },
	{ "dtmf-call", 0, "N:DIGITS", OPT_FN, NULL, 0, 0, pstn_opts_dtmf_call,
	  "our call number N sends these digits instead (repeatable)" },
	{ "keypad", 0, "DIGITS", OPT_FN, NULL, 0, 0, pstn_opts_keypad,
	  "send DIGITS in a Q.931 keypad INFORMATION, dtmf-delay after CONNECT" },
	{ "voice", 0, "FILE", OPT_FN, NULL, 0, 0, pstn_opts_voice,
	  "callers say FILE (8 kHz mono WAV), looped, not the 1004 Hz tone" },
	{ "answer-tone", 0, "[PREFIX:]HZ", OPT_FN, NULL, 0, 0, pstn_opts_answer_tone,
	  "the core's calls (to PREFIX...) say a HZ tone, not 1004 Hz" },
	{ "save-audio", 0, "DIR", OPT_FN, NULL, 0, 0, pstn_opts_save_audio,
	  "write what each caller heard to DIR/in-N.wav (out-N.wav)" },
	{ "answer", 0, "PREFIX:ACTION", OPT_FN, NULL, 0, 0, pstn_rules_add,
	  "answer:S busy noanswer unallocated congestion person machine" },
	{ "profile", 0, "SHARES", OPT_FN, NULL, 0, 0, pstn_profile_parse,
	  "shares of parties for other numbers (person=N,machine=N,busy,...)" },
	{ "answer-delay", 0, "DIST", OPT_FN, NULL, 0, 0, pstn_profile_delay,
	  "... persons and machines answer after (uniform:2:8)" },
	{ "profile-audio", 0, "DIR", OPT_FN, NULL, 0, 0, pstn_opts_profile_audio,
	  "... what they say: DIR/hello.wav, DIR/machine.wav (data/pstn)" },
	{ "overflow", 0, "N", OPT_INT, O(overflow), 0, 0, NULL,
	  "N calls due with every channel taken: SETUP anyway, any channel" },
	{ "cut-after", 0, "S", OPT_NUM, O(cut_after), 0, 1, NULL,
	  "pull the cable S s after the D channels came up" },
	{ "reconnect-after", 0, "S", OPT_NUM, O(reconnect_after), 0, 1, NULL,
	  "... and plug it back S s later (else exit)" },
	{ "restart-after", 0, "S", OPT_NUM, O(restart_after), 0, 1, NULL,
	  "S s after D up, RESTART the oldest call's channel" },
	{ "duration", 0, "S", OPT_NUM, O(duration), 0, 1, NULL,
	  "stop after S s, clearing our calls first" },
	{ "connect-timeout", 0, "S", OPT_NUM, O(connect_timeout), 0, 1, NULL,
	  "for the sockets and the D channel (default 10)" },
	{ "log", 0, "FILE", OPT_FN, NULL, 0, 0, pstn_opts_log,
	  "also append the call lines to FILE" },
	{ "quiet", 'q', NULL, OPT_FLAG, O(quiet), 0, 0, NULL,
	  "print only the summary" },
	{ "verbose", 'v', NULL, OPT_FN, NULL, 0, 0, pstn_opts_verbose,
	  "log spans, calls and libpri to stderr" },
	{ "help", 'h', NULL, OPT_FN, NULL, 0, 0, pstn_opts_help,
	  "print this help and exit" },
};
#undef O
#define PSTN_OPTS_LEFT 26
#define PSTN_OPTS_N ((int)(sizeof pstn_opts_table / sizeof pstn_opts_table[0]))

static void
pstn_opts_usage(FILE *f)
{
	const struct pstn_opts_row	*r;
	char				 left[64];

	fprintf(f, "usage: centrala pstn [options]\n"
	    "The network side of virtual E1/T1 spans: places calls to the core, "
	    "answers its\ncalls, prints a line per call and a summary.\n\n");
	for (r = pstn_opts_table; r < pstn_opts_table + PSTN_OPTS_N; r++) {
		snprintf(left, sizeof left, "%c%c%c --%s%s%s",
		    r->letter ? '-' : ' ', r->letter ? r->letter : ' ',
		    r->letter ? ',' : ' ', r->name, r->arg ? " " : "",
		    r->arg ? r->arg : "");
		fprintf(f, "  %-*s %s\n", PSTN_OPTS_LEFT, left, r->help);
	}
}

static void __attribute__((noreturn))
pstn_opts_bad(const struct pstn_opts_row *r, const char *value)
{
	fprintf(stderr, "centrala pstn: --%s \"%s\" is not valid", r->name,
	    value);
	if (r->type == OPT_INT || r->type == OPT_NUM)
		fprintf(stderr, ": want a %s %s %g", r->type == OPT_INT ?
		    "whole number" : "number", r->above ? ">" : ">=", r->min);
	fprintf(stderr, " (--%s %s: %s)\n", r->name, r->arg, r->help);
	exit(2);
}

/* A finite number, nothing after it. */
int
pstn_opts_number(const char *s, double *out)
{
	char *end;

	*out = strtod(s, &end);
	return *s == '\0' || *end != '\0' || !isfinite(*out) ? -1 : 0;
}

static void
pstn_opts_set(const struct pstn_opts_row *r, const char *v)
{
	double	d = 0;

	if (r->type == OPT_FLAG) {
		*(int *)r->target = 1;
		return;
	}
	if (r->type == OPT_FN) {
		if (r->fn(v) != 0)
			pstn_opts_bad(r, v);
		return;
	}
	if (pstn_opts_number(v, &d) != 0 || d < r->min || (r->above &&
	    d <= r->min) || (r->type == OPT_INT && (d != floor(d) || d > 1e9)))
		pstn_opts_bad(r, v);
	if (r->type == OPT_INT)
		*(int *)r->target = (int)d;
	else
		*(double *)r->target = d;
}

static int
pstn_opts_state_dir(const char *v)
{
	free(pstn_opts.run_dir);
	pstn_opts.run_dir = xprintf("%s/run", v);
	return 0;
}

static int
pstn_opts_run_dir(const char *v)
{
	free(pstn_opts.run_dir);
	pstn_opts.run_dir = xstrdup(v);
	return 0;
}

static int
pstn_opts_span(const char *v)
{
	if (*v == '\0' || strspn(v, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") != strlen(v))
		return -1;
	pstn_opts.spans = xrealloc(pstn_opts.spans, (pstn_opts.nspans + 1) *
	    sizeof *pstn_opts.spans);
	pstn_opts.span_t1 = xrealloc(pstn_opts.span_t1, (pstn_opts.nspans + 1) *
	    sizeof *pstn_opts.span_t1);
	pstn_opts.span_t1[pstn_opts.nspans] = 0;
	pstn_opts.spans[pstn_opts.nspans++] = xstrdup(v);
	return 0;
}

static int
pstn_opts_t1(const char *v)
{
	if (pstn_opts.nspans == 0) {
		fprintf(stderr, "centrala pstn: --t1 must follow the --span "
		    "NAME it makes a T1 span\n");
		exit(2);
	}
	pstn_opts.span_t1[pstn_opts.nspans - 1] = 1;
	return 0;
}

static int
pstn_opts_cli(const char *v)
{
	if (*v == '\0' || strlen(v) > 24 || strspn(v, "0123456789#?") !=
	    strlen(v))
		return -1;
	pstn_opts.cli = v;
	return 0;
}

static int
pstn_opts_dnis(const char *v)
{
	char	*copy = xstrdup(v), *tok, *save = NULL;
	int	 ok = *v != '\0' && v[strlen(v) - 1] != ',';

	pstn_opts.ndnis = 0;
	for (tok = strtok_r(copy, ",", &save); ok && tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		ok = strlen(tok) <= 24 && strspn(tok, "0123456789*#") ==
		    strlen(tok);
		pstn_opts.dnis = xrealloc(pstn_opts.dnis, (pstn_opts.ndnis +
		    1) * sizeof *pstn_opts.dnis);
		pstn_opts.dnis[pstn_opts.ndnis++] = xstrdup(tok);
	}
	free(copy);
	return ok && pstn_opts.ndnis > 0 ? 0 : -1;
}

static int
pstn_opts_hold(const char *v)
{
	return pstn_dist_parse(&pstn_opts.hold, v);
}

static int
pstn_opts_seed(const char *v)
{
	char *end;

	if (*v < '0' || *v > '9')
		return -1;
	pstn_opts.seed = strtoul(v, &end, 10);
	return *end == '\0' ? 0 : -1;
}

static int
pstn_opts_digits_ok(const char *v)
{
	return *v != '\0' && strspn(v, "0123456789*#ABCD,") == strlen(v);
}

static int
pstn_opts_dtmf(const char *v)
{
	if (!pstn_opts_digits_ok(v))
		return -1;
	pstn_opts.dtmf = v;
	return 0;
}

static int
pstn_opts_dtmf_call(const char *v)
{
	char	*end;
	long	 n = strtol(v, &end, 10);

	if (end == v || n < 1 || *end != ':' || !pstn_opts_digits_ok(end + 1))
		return -1;
	pstn_opts.dtmf_calls = xrealloc(pstn_opts.dtmf_calls,
	    (pstn_opts.ndtmf_calls + 1) * sizeof *pstn_opts.dtmf_calls);
	pstn_opts.dtmf_calls[pstn_opts.ndtmf_calls].seq = (int)n;
	pstn_opts.dtmf_calls[pstn_opts.ndtmf_calls++].digits = end + 1;
	return 0;
}

const char *
pstn_opts_dtmf_for(int seq)
{
	for (int i = 0; i < pstn_opts.ndtmf_calls; i++)
		if (pstn_opts.dtmf_calls[i].seq == seq)
			return pstn_opts.dtmf_calls[i].digits;
	return pstn_opts.dtmf;
}

static int
pstn_opts_keypad(const char *v)
{
	if (*v == '\0' || strlen(v) > 31 || strspn(v, "0123456789*#") != strlen(v))
		return -1;
	pstn_opts.keypad = v;
	return 0;
}

static int
pstn_opts_voice(const char *v)
{
	char err[256];

	if (pstn_audio_voice(v, err, sizeof err) == 0)
		return 0;
	fprintf(stderr, "centrala pstn: --voice: %s\n", err);
	return -1;
}

static int
pstn_opts_save_audio(const char *v)
{
	struct stat st;

	if (stat(v, &st) != 0 || !S_ISDIR(st.st_mode))
		return -1;
	pstn_opts.save_audio = v;
	return 0;
}

/* HZ for all the core's calls, or PREFIX:HZ for those to PREFIX...
 * (repeatable): a tone in the voice band, 100-3800 Hz. */
static int
pstn_opts_answer_tone(const char *v)
{
	const char	*colon = strchr(v, ':');
	double		 hz;
	size_t		 plen = colon != NULL ? (size_t)(colon - v) : 0;

	if (pstn_opts_number(colon != NULL ? colon + 1 : v, &hz) != 0 ||
	    hz < 100 || hz > 3800 || (colon != NULL && (plen == 0 ||
	    strspn(v, "0123456789*#") != plen)))
		return -1;
	if (colon == NULL) {
		pstn_opts.answer_tone = hz;
		return 0;
	}
	pstn_opts.tones = xrealloc(pstn_opts.tones,
	    (pstn_opts.ntones + 1) * sizeof *pstn_opts.tones);
	pstn_opts.tones[pstn_opts.ntones].prefix = xstrndup(v, plen);
	pstn_opts.tones[pstn_opts.ntones++].hz = hz;
	return 0;
}

double
pstn_opts_tone_for(const char *number)
{
	double	hz = pstn_opts.answer_tone;
	size_t	best = 0, n;

	for (int i = 0; i < pstn_opts.ntones; i++) {
		n = strlen(pstn_opts.tones[i].prefix);
		if (n > best && strncmp(number, pstn_opts.tones[i].prefix, n) == 0) {
			best = n;
			hz = pstn_opts.tones[i].hz;
		}
	}
	return hz;
}

static const char *pstn_opts_profile_dir;

static int
pstn_opts_profile_audio(const char *v)
{
	struct stat st;

	if (stat(v, &st) != 0 || !S_ISDIR(st.st_mode))
		return -1;
	pstn_opts_profile_dir = v;
	return 0;
}

static int
pstn_opts_log(const char *v)
{
	if (pstn_opts.log != NULL)
		fclose(pstn_opts.log);
	if ((pstn_opts.log = fopen(v, "a")) == NULL)
		return -1;
	setvbuf(pstn_opts.log, NULL, _IOLBF, 0);
	return 0;
}

static int
pstn_opts_verbose(const char *v)
{
	log_set_level(LOG_LEVEL_DEBUG);
	return 0;
}

static int
pstn_opts_help(const char *v)
{
	pstn_opts_usage(stdout);
	exit(0);
}

/* getopt_long's arrays, built from the table; the index is the row. */
static void
pstn_opts_getopt(struct option *lo, char *shorts)
{
	char *p = shorts;

	*p++ = ':';
	for (int i = 0; i < PSTN_OPTS_N; i++) {
		const struct pstn_opts_row *r = &pstn_opts_table[i];

		lo[i] = (struct option){ r->name, r->arg ? required_argument :
		    no_argument, NULL, 256 + i };
		if (r->letter) {
			*p++ = r->letter;
			if (r->arg)
				*p++ = ':';
		}
	}
	lo[PSTN_OPTS_N] = (struct option){ NULL, 0, NULL, 0 };
	*p = '\0';
}

static const struct pstn_opts_row *
pstn_opts_row(int ch)
{
	if (ch >= 256)
		return &pstn_opts_table[ch - 256];
	for (int i = 0; i < PSTN_OPTS_N; i++)
		if (pstn_opts_table[i].letter == ch)
			return &pstn_opts_table[i];
	return NULL;
}

static void __attribute__((noreturn))
pstn_opts_unknown(int ch, char **argv)
{
	const char *what = argv[optind - 1];

	if (ch == ':')
		fprintf(stderr, "centrala pstn: %s needs a value (see --help)\n",
		    what);
	else
		fprintf(stderr, "centrala pstn: unknown option %s (see --help)\n",
		    what);
	exit(2);
}

static void
pstn_opts_defaults(void)
{
	const char *e = getenv("CENTRALA_STATE_DIR");

	if (pstn_opts.run_dir == NULL)
		pstn_opts.run_dir = e != NULL && *e != '\0' ?
		    xprintf("%s/run", e) : xstrdup("state/run");
	if (pstn_opts.nspans == 0)
		pstn_opts_span("e1a");
	if (pstn_opts.concurrent == 0)
		for (int i = 0; i < pstn_opts.nspans; i++)
			pstn_opts.concurrent += pstn_opts.span_t1[i] ? 23 : 30;
	if (pstn_opts.ndnis == 0)
		pstn_opts_dnis("2000");
	pstn_rules_default();
}

/* The checks that involve more than one option. */
static void
pstn_opts_check(void)
{
	struct sockaddr_un	sun;
	char			err[4352];

	if (pstn_opts.reconnect_after > 0 && pstn_opts.cut_after == 0) {
		fprintf(stderr, "centrala pstn: --reconnect-after needs "
		    "--cut-after (see --help)\n");
		exit(2);
	}
	if (pstn_profile_wants_audio() && pstn_profile_load(pstn_opts_profile_dir, err,
	    sizeof err) != 0) {
		fprintf(stderr, "centrala pstn: --profile: %s\n", err);
		exit(2);
	}
	for (int i = 0; i < pstn_opts.nspans; i++)
		if (strlen(pstn_opts.run_dir) + strlen(pstn_opts.spans[i]) +
		    8 >= sizeof sun.sun_path) {
			fprintf(stderr, "centrala pstn: %s/span-%s.d: path too "
			    "long for a socket (%zu bytes at most)\n",
			    pstn_opts.run_dir, pstn_opts.spans[i],
			    sizeof sun.sun_path - 1);
			exit(2);
		}
}

void
pstn_opts_parse(int argc, char **argv)
{
	struct option	lo[PSTN_OPTS_N + 1];
	char		shorts[2 * PSTN_OPTS_N + 2];
	int		ch;
	const struct pstn_opts_row *r;

	pstn_opts_getopt(lo, shorts);
	opterr = 0;
	while ((ch = getopt_long(argc, argv, shorts, lo, NULL)) != -1) {
		if ((r = pstn_opts_row(ch)) == NULL)
			pstn_opts_unknown(ch, argv);
		pstn_opts_set(r, optarg);
	}
	if (optind != argc) {
		fprintf(stderr, "centrala pstn: unexpected argument \"%s\" "
		    "(see --help)\n", argv[optind]);
		exit(2);
	}
	pstn_opts_defaults();
	pstn_opts_check();
}
