/* pstn-profile.c: --profile: each outbound call no --answer prefix
 * claims gets a party drawn by the configured shares from the call's own
 * random stream (so call N meets the same party in every run with the
 * same --seed): a person who answers after --answer-delay and says
 * "hello" then nothing, an answering machine that answers after the same
 * delay and plays its greeting and a beep, a busy line, a phone that
 * rings on, congestion, or a number not in service. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "pstn-audio.h"
#include "pstn-opts.h"
#include "pstn-profile.h"
#include "pstn-rules.h"
#include "xmalloc.h"

#ifndef PKGDATADIR
#define PKGDATADIR "/usr/local/share/centrala"
#endif

/* Per kind: its name in --profile and in the call lines, the rule it
 * acts by, what it says (a file in data/pstn/, once answered). */
static struct {
	const char		*name;
	struct pstn_rule	 rule;
	const char		*file;
	int16_t			*says;
	size_t			 len;
} pstn_profile_kinds[PROF_N] = {
	[PROF_PERSON] = { "person",
	    { (char *)"", RULE_ANSWER, 0, PROF_PERSON }, "hello.wav", NULL, 0 },
	[PROF_MACHINE] = { "machine",
	    { (char *)"", RULE_ANSWER, 0, PROF_MACHINE }, "machine.wav", NULL, 0 },
	[PROF_BUSY] = { "busy",
	    { (char *)"", RULE_BUSY, 0, PROF_BUSY }, NULL, NULL, 0 },
	[PROF_NOANSWER] = { "noanswer",
	    { (char *)"", RULE_NOANSWER, 0, PROF_NOANSWER }, NULL, NULL, 0 },
	[PROF_CONGESTION] = { "congestion",
	    { (char *)"", RULE_CONGESTION, 0, PROF_CONGESTION }, NULL, NULL, 0 },
	[PROF_INVALID] = { "invalid",
	    { (char *)"", RULE_UNALLOCATED, 0, PROF_INVALID }, NULL, NULL, 0 },
};

static double		pstn_profile_share[PROF_N];	/* sum 1 when on */
static int		pstn_profile_is_on, pstn_profile_audio;
static struct pstn_dist	pstn_profile_answer = { DIST_UNIFORM, 2, 8 };

const char *
pstn_profile_name(enum pstn_profile_kind k)
{
	return pstn_profile_kinds[k].name;
}

int
pstn_profile_on(void)
{
	return pstn_profile_is_on;
}

static int
pstn_profile_kind(const char *name, size_t n)
{
	for (int k = 0; k < PROF_N; k++)
		if (strlen(pstn_profile_kinds[k].name) == n &&
		    strncmp(pstn_profile_kinds[k].name, name, n) == 0)
			return k;
	return -1;
}

/* KIND=SHARE,...: shares are weights (percentages or not), normalised;
 * a kind not named has none. */
int
pstn_profile_parse(const char *spec)
{
	double	 w[PROF_N] = { 0 }, sum = 0, v;
	char	*copy = xstrdup(spec), *tok, *save = NULL, *eq;
	int	 k, ok = *spec != '\0';

	for (tok = strtok_r(copy, ",", &save); ok && tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		ok = (eq = strchr(tok, '=')) != NULL &&
		    (k = pstn_profile_kind(tok, eq - tok)) >= 0 &&
		    pstn_opts_number(eq + 1, &v) == 0 && v >= 0 && w[k] == 0;
		if (ok) {
			w[k] = v;
			sum += v;
		}
	}
	free(copy);
	if (!ok || sum <= 0)
		return -1;
	for (k = 0; k < PROF_N; k++)
		pstn_profile_share[k] = w[k] / sum;
	pstn_profile_is_on = pstn_profile_audio = 1;
	return 0;
}

int
pstn_profile_delay(const char *spec)
{
	struct pstn_dist d;

	if (pstn_dist_parse(&d, spec) != 0 || d.kind == DIST_NEVER)
		return -1;
	pstn_profile_answer = d;
	return 0;
}

int
pstn_profile_load(const char *dir, char *err, int errlen)
{
	char	path[4096];
	FILE	*f;

	if (dir == NULL) {
		snprintf(path, sizeof path, "%s/pstn/hello.wav", PKGDATADIR);
		dir = (f = fopen(path, "r")) != NULL ? PKGDATADIR "/pstn" :
		    SRCDATADIR "/pstn";
		if (f != NULL)
			fclose(f);
	}
	for (int k = 0; k < PROF_N; k++) {
		if (pstn_profile_kinds[k].file == NULL)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir,
		    pstn_profile_kinds[k].file);
		pstn_profile_kinds[k].says = pstn_audio_load(path,
		    &pstn_profile_kinds[k].len, err, errlen);
		if (pstn_profile_kinds[k].says == NULL)
			return -1;
	}
	return 0;
}

int
pstn_profile_speaker(const char *name)
{
	int k = pstn_profile_kind(name, strlen(name));

	if (k != PROF_PERSON && k != PROF_MACHINE)
		return -1;
	pstn_profile_audio = 1;
	return k;
}

int
pstn_profile_wants_audio(void)
{
	return pstn_profile_audio;
}

double
pstn_profile_delay_draw(struct pstn_dist_rng *rng)
{
	return pstn_dist_draw(&pstn_profile_answer, rng);
}

const struct pstn_rule *
pstn_profile_pick(struct pstn_dist_rng *rng, int *kind, double *delay)
{
	double	u = pstn_dist_unit(rng);
	int	k;

	for (k = 0; k < PROF_N - 1; k++) {
		if (u < pstn_profile_share[k])
			break;
		u -= pstn_profile_share[k];
	}
	while (pstn_profile_share[k] == 0 && k > 0)	/* rounding at the end */
		k--;
	*kind = k;
	*delay = pstn_profile_delay_draw(rng);
	return &pstn_profile_kinds[k].rule;
}

const int16_t *
pstn_profile_says(enum pstn_profile_kind k, size_t *len)
{
	*len = pstn_profile_kinds[k].len;
	return pstn_profile_kinds[k].says;
}
