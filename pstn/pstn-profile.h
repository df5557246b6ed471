/* pstn-profile.h: the called parties of the core's outbound calls, by
 * shares (--profile), as a dialer meets them. */
#ifndef CZ_PSTN_PROFILE_H
#define CZ_PSTN_PROFILE_H

#include <stddef.h>
#include <stdint.h>
#include "pstn-dist.h"

struct pstn_rule;

enum pstn_profile_kind {
	PROF_PERSON, PROF_MACHINE, PROF_BUSY, PROF_NOANSWER, PROF_CONGESTION,
	PROF_INVALID, PROF_N
};

/* --profile person=40,machine=30,...: -1 if bad. Kinds: person,
 * machine, busy, noanswer, congestion, invalid. */
int	pstn_profile_parse(const char *spec);
/* --answer-delay DIST (pstn-dist.h): -1 if bad. */
int	pstn_profile_delay(const char *spec);
int	pstn_profile_on(void);
/* Loads what persons and machines say from DIR (hello.wav, machine.wav);
 * NULL: the installed data, else the source tree's. -1 with err. */
int	pstn_profile_load(const char *dir, char *err, int errlen);
/* One call's party, from its random stream: its kind, the rule it acts
 * by and, for those who answer, after how long. */
const struct pstn_rule *pstn_profile_pick(struct pstn_dist_rng *, int *kind,
	    double *delay);
double	pstn_profile_delay_draw(struct pstn_dist_rng *);
/* "person" or "machine" as an --answer action: its kind, else -1. */
int	pstn_profile_speaker(const char *name);
/* A profile or such a rule needs what they say loaded. */
int	pstn_profile_wants_audio(void);
const char *pstn_profile_name(enum pstn_profile_kind);
/* What a person (hello) or a machine (greeting, beep) says once
 * answered, then silence; NULL for the others. */
const int16_t *pstn_profile_says(enum pstn_profile_kind, size_t *len);

#endif
