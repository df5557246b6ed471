/* pstn-rules.c: how the simulated network answers the core's calls
 * (--answer PREFIX:ACTION[:ARG], longest prefix of the called number wins;
 * ACTION may also name a --profile party, person or machine, to meet that
 * party on those numbers),
 * and the response to each SETUP from the core. Responses are sent inside
 * the RING handler, as libpri needs (libpri-notes.md "Receiving a call"):
 * refusals with causes 1/34/44/82 go out as RELEASE COMPLETE at once; busy
 * is CALL PROCEEDING then DISCONNECT 17 (Q.931 5.3.2). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "clock.h"
#include "log.h"
#include "pstn-audio.h"
#include "pstn-call.h"
#include "pstn-dist.h"
#include "pstn-opts.h"
#include "pstn-profile.h"
#include "pstn-report.h"
#include "pstn-rules.h"
#include "pstn-span.h"
#include "xmalloc.h"

#define PSTN_RULES_CHAN(c)	((c) & 0xff)

static const struct {
	const char	*name;
	int		 has_arg;
	int		 cause;		/* refused at once with this */
} pstn_rules_actions[] = {
	[RULE_ANSWER] = { "answer", 1, 0 },
	[RULE_BUSY] = { "busy", 0, 0 },
	[RULE_NOANSWER] = { "noanswer", 0, 0 },
	[RULE_UNALLOCATED] = { "unallocated", 0, PRI_CAUSE_UNALLOCATED },
	[RULE_CONGESTION] = { "congestion", 0, PRI_CAUSE_NORMAL_CIRCUIT_CONGESTION },
};
#define PSTN_RULES_NACTIONS \
	((int)(sizeof pstn_rules_actions / sizeof pstn_rules_actions[0]))

static struct pstn_rule	*pstn_rules;
static int		 pstn_rules_n;
static int		 pstn_rules_seq;

const char *
pstn_rules_name(enum pstn_rules_action a)
{
	return pstn_rules_actions[a].name;
}

static int
pstn_rules_action(const char *name)
{
	for (int i = 0; i < PSTN_RULES_NACTIONS; i++)
		if (strcmp(pstn_rules_actions[i].name, name) == 0)
			return i;
	return -1;
}

/* PREFIX:ACTION[:ARG]; answer's ARG (seconds) defaults to 1, a party's
 * to --answer-delay. */
int
pstn_rules_add(const char *spec)
{
	char		*copy = xstrdup(spec), *act, *arg = NULL;
	struct pstn_rule r = { .delay = 1, .kind = -1 };
	int		 a = -1;

	if ((act = strchr(copy, ':')) != NULL) {
		*act++ = '\0';
		if ((arg = strchr(act, ':')) != NULL)
			*arg++ = '\0';
		a = pstn_rules_action(act);
		if (a < 0 && (r.kind = pstn_profile_speaker(act)) >= 0) {
			a = RULE_ANSWER;
			r.delay = -1;
		}
	}
	if (a < 0 || strspn(copy, "0123456789*#") != strlen(copy) ||
	    (arg != NULL && (!pstn_rules_actions[a].has_arg ||
	    pstn_opts_number(arg, &r.delay) != 0 || r.delay < 0))) {
		free(copy);
		return -1;
	}
	r.prefix = copy;
	r.action = a;
	pstn_rules = xrealloc(pstn_rules, (pstn_rules_n + 1) * sizeof r);
	pstn_rules[pstn_rules_n++] = r;
	return 0;
}

/* The rule for numbers no other matches, unless one was given or
 * --profile decides for them. */
void
pstn_rules_default(void)
{
	if (pstn_rules_match("") == NULL && !pstn_profile_on())
		pstn_rules_add(":answer:1");
}

/* The longest prefix wins; of equal ones, the first given. */
const struct pstn_rule *
pstn_rules_match(const char *number)
{
	const struct pstn_rule	*best = NULL;
	size_t			 n;

	for (int i = 0; i < pstn_rules_n; i++) {
		n = strlen(pstn_rules[i].prefix);
		if (strncmp(number, pstn_rules[i].prefix, n) == 0 &&
		    (best == NULL || n > strlen(best->prefix)))
			best = &pstn_rules[i];
	}
	return best;
}

/* The channel for the core's SETUP, or 0 with the refusal cause: 82 for
 * a channel an E1 does not have, 44 for an exclusive one that is taken,
 * 34 when none is free. */
static int
pstn_rules_channel(struct pstn_span *s, const pri_event *e, int *cause)
{
	int ch = PSTN_RULES_CHAN(e->ring.channel);

	if (e->ring.channel == -1 || ch == 0xff)
		ch = pstn_span_free_channel(s);
	else if (!pstn_span_chan_valid(s, ch)) {
		*cause = PRI_CAUSE_IDENTIFIED_CHANNEL_NOTEXIST;
		return 0;
	} else if (s->chan[ch] != NULL && e->ring.flexible)
		ch = pstn_span_free_channel(s);
	else if (s->chan[ch] != NULL) {
		*cause = PRI_CAUSE_REQUESTED_CHAN_UNAVAIL;
		return 0;
	}
	if (ch <= 0) {
		*cause = PRI_CAUSE_NORMAL_CIRCUIT_CONGESTION;
		return 0;
	}
	return ch;
}

static struct pstn_call *
pstn_rules_call(struct pstn_span *s, pri_event *e, int ch)
{
	struct pstn_call *pc = pstn_call_new(s, ch, 1);

	pc->seq = ++pstn_rules_seq;
	pc->c = e->ring.call;
	pstn_dist_rng_init(&pc->rng, pstn_opts.seed, (1ULL << 32) | pc->seq);
	snprintf(pc->cli, sizeof pc->cli, "%.63s", e->ring.callingnum);
	snprintf(pc->dnis, sizeof pc->dnis, "%.63s", e->ring.callednum);
	pstn_audio_set_tone(pc->audio, pstn_opts_tone_for(pc->dnis));
	pstn_report_count(REPORT_RECEIVED);
	return pc;
}

/* Refused with RELEASE COMPLETE: libpri frees its record inside
 * pri_hangup(), so ours goes too. */
static void
pstn_rules_refuse(struct pstn_call *pc, int cause, const char *result)
{
	pri_hangup(pc->span->pri, pc->c, cause);
	pc->c = NULL;
	pstn_call_end(pc, cause, BY_PSTN, result);
	pstn_call_release(pc);
}

static void
pstn_rules_alert(struct pstn_call *pc)
{
	pri_acknowledge(pc->span->pri, pc->c, pc->ch, 0);
	pc->alert_us = clock_mono_us();
}

/* The rule the call meets: the longest prefix, else a --profile party
 * (who then says their piece once answered); the answer delay. */
static const struct pstn_rule *
pstn_rules_party(struct pstn_call *pc, double *delay)
{
	const struct pstn_rule	*r = pstn_rules_match(pc->dnis);
	int			 kind = -1;
	const int16_t		*says;
	size_t			 len;

	*delay = r != NULL ? r->delay : 0;
	if (r == NULL)
		r = pstn_profile_pick(&pc->rng, &kind, delay);
	else if ((kind = r->kind) >= 0 && *delay < 0)
		*delay = pstn_profile_delay_draw(&pc->rng);
	if (kind >= 0) {
		pc->kind = kind;
		if ((says = pstn_profile_says(kind, &len)) != NULL)
			pstn_audio_say(pc->audio, says, len);
	}
	pc->rule = r;
	return r;
}

void
pstn_rules_ring(struct pstn_span *s, pri_event *e)
{
	int			 cause = 0, ch = pstn_rules_channel(s, e, &cause);
	struct pstn_call	*pc = pstn_rules_call(s, e, ch);
	double			 delay;
	const struct pstn_rule	*r = pstn_rules_party(pc, &delay);

	log_debug("span %s: SETUP from the core on ch %d to %s: %s", s->name,
	    ch, pc->dnis, pstn_rules_name(r->action));
	if (ch == 0) {
		pstn_rules_refuse(pc, cause, cause == 34 ? "congestion" :
		    "rejected");
		return;
	}
	if (pstn_rules_actions[r->action].cause != 0) {
		pstn_rules_refuse(pc, pstn_rules_actions[r->action].cause,
		    pstn_rules_name(r->action));
		return;
	}
	pri_proceeding(s->pri, pc->c, ch, 0);
	switch (r->action) {
	case RULE_BUSY:
		pstn_call_hangup(pc, PRI_CAUSE_USER_BUSY);
		break;
	case RULE_NOANSWER:
		pstn_rules_alert(pc);
		break;
	default:
		pstn_rules_alert(pc);
		pstn_call_answer_after(pc, delay);
		break;
	}
}
