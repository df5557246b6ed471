/* campaign-predict.c: predictive dialing (docs/DIALER.md, "Pacing and
 * the rules"). After each ACD pass, a running predictive campaign asks
 * pacing_decide() how many calls to place, from its measured answer
 * rate, talk and wrap-up times, its calls ringing, its free and soon-free
 * agents and its abandon windows. Its calls are tied to no agent: when a
 * person answers (amd = off: every answer counts as a person), the first
 * free agent of the campaign gets it; if none is free within 2 s of the
 * answer, the call is abandoned: it hears the campaign's message (the
 * client and a number to call back), then clears. Every call rings at
 * least pacing_ring_limit() from its first ring. The abandon windows are
 * read from the attempts table at the first pass and kept in memory.
 *
 * With amd = detect, an answered call is first listened to (core/amd.c,
 * through media_detect_amd): a person (or not sure) goes on as above,
 * the 2 s counted from the end of their greeting; a machine hears the
 * campaign's machine message or is hung up, outcome "machine". Machine
 * verdicts are estimated persons in part (amd_false_positive, and every
 * one by initial silence): those count as abandoned live answers. */
#include <stdlib.h>
#include <string.h>
#include <event2/event.h>
#include "acd-wake.h"
#include "agent.h"
#include "amd.h"
#include "call.h"
#include "call-agent.h"
#include "campaign.h"
#include "cause.h"
#include "clock.h"
#include "core.h"
#include "db-campaign.h"
#include "log.h"
#include "media.h"
#include "pacing.h"
#include "player.h"
#include "xmalloc.h"

#define PREDICT_RING_S		20	/* asked; never under 15 s */
#define PREDICT_CONNECT_MS	1500	/* wait for an agent: the message is
					 * heard within the rules' 2 s */
#define PREDICT_DIAL_GUARD_S	60	/* SETUP to the first ring, at most */
#define PREDICT_MAX_BUSY	256	/* agents counted in one decision */
#define PREDICT_EWMA		0.1	/* weight of the newest measure */

/* One predictive campaign's measures, kept across passes. */
struct predict {
	char			 name[33];
	struct pacing_abandons	 ab;
	struct pacing_answer	 ans;
	double			 talk_s, wrap_s, answer_s;
	double			 fp_owed;	/* estimated AMD false positives
						   not yet counted (< 1) */
	struct predict		*next;
};
static struct predict	*predicts;

/* Per agent (by slot): the predictive campaign whose call the agent took
 * last, until that call's wrap-up ends and is measured ("" none). */
static char	(*pwrap)[33];
static int	  npwrap;

enum pcall_phase { PC_RINGING, PC_DETECT, PC_WAITING, PC_MESSAGE, PC_AGENT,
	PC_MACHINE };

#define PREDICT_AMD_GUARD_MS	1000	/* past amd_total: no frames came */

/* A call placed with no agent, until it ends. */
struct pcall {
	struct call		*call;
	char			 campaign[33];
	int64_t			 record;
	enum pcall_phase	 phase;
	struct event		*timer;		/* ring limit, then the 2 s */
	int64_t			 answer_ms;
	int64_t			 greeting_end_ms;	/* wall; 0: the answer */
	int64_t			 message_ms;	/* the abandon message began */
	char			 amd[48];	/* "machine:long greeting" */
	struct pcall		*next;
};
static struct pcall	*pcalls;

static void	predict_person(struct pcall *, struct campaign *);

static void
predict_live_cb(int64_t ms, int abandoned, void *arg)
{
	pacing_abandons_add(arg, ms / 1000, abandoned);
}

static void	predict_fp_add(struct predict *, int64_t ms, int whole,
		    int share_pct);
static int	predict_fp_pct;	/* the campaign's, while reading back */

static void
predict_machine_cb(int64_t ms, int initial_silence, void *arg)
{
	predict_fp_add(arg, ms, initial_silence, predict_fp_pct);
}

/* The campaign's measures; the abandon windows read from the attempts
 * at the first look, so a restart keeps them. */
static struct predict *
predict_get(const struct campaign *c, int64_t now_ms)
{
	struct predict *p;

	for (p = predicts; p != NULL; p = p->next)
		if (strcmp(p->name, c->name) == 0)
			return p;
	p = xcalloc(1, sizeof *p);
	snprintf(p->name, sizeof p->name, "%s", c->name);
	pacing_abandons_init(&p->ab);
	predict_fp_pct = c->cfg->amd_false_positive;
	p->talk_s = 120;
	p->wrap_s = 15;
	p->answer_s = 8;
	if (db_campaign_live_answers(core.db, c->name,
	    now_ms - 30LL * 86400 * 1000, predict_live_cb, &p->ab) != 0 ||
	    db_campaign_machines(core.db, c->name, now_ms - 30LL * 86400 *
	    1000, predict_machine_cb, p) != 0)
		log_error("campaign %s: abandons not read: %s", c->name,
		    db_last_error(core.db));
	else
		log_info("campaign %s: from the attempts: %llu live answers, "
		    "%llu abandoned in 30 days; %llu, %llu in 24 h", c->name,
		    (unsigned long long)p->ab.month.sum_live,
		    (unsigned long long)p->ab.month.sum_abandoned,
		    (unsigned long long)p->ab.day.sum_live,
		    (unsigned long long)p->ab.day.sum_abandoned);
	p->next = predicts;
	predicts = p;
	return p;
}

static void
predict_ewma(double *v, double x)
{
	*v += PREDICT_EWMA * (x - *v);
}

static struct pcall *
pcall_find(const struct call *call)
{
	struct pcall *pc;

	for (pc = pcalls; pc != NULL && pc->call != call; pc = pc->next)
		;
	return pc;
}

static void
pcall_free(struct pcall *pc)
{
	struct pcall **pp;

	for (pp = &pcalls; *pp != pc; pp = &(*pp)->next)
		;
	*pp = pc->next;
	if (pc->timer != NULL)
		event_free(pc->timer);
	free(pc);
}

static int
predict_agent_free(const struct campaign *c, const struct agent *a)
{
	return a->state == AGENT_READY && a->call == NULL && !a->leaving &&
	    campaign_agent_works(c, a);
}

/* The caller's message played: the call clears. */
static void
predict_message_done(struct call *call)
{
	call_hangup(call, CAUSE_NORMAL, DB_CLEARED_CORE,
	    "abandoned: no agent free within 2 s");
}

/* The campaign's abandon_message, or the abandoned prompt then the
 * caller id's digits as dialed in the campaign's country. */
static void
predict_abandon(struct pcall *pc)
{
	struct campaign	*c = campaign_find(pc->campaign);
	static char	 digit[10][8];
	const char	*names[PLAYER_MAX];
	char		 num[24];
	int		 n = 0;

	pc->phase = PC_MESSAGE;
	pc->message_ms = clock_wall_ms();
	if (c != NULL)
		pacing_abandons_add(&predict_get(c, clock_wall_ms())->ab,
		    clock_wall_ms() / 1000, 1);
	log_info("call %s: campaign %s: no agent free within 2 s: abandoned, "
	    "the message plays", pc->call->id, pc->campaign);
	if (c != NULL && c->cfg->abandon_message[0] != '\0')
		names[n++] = c->cfg->abandon_message;
	else {
		names[n++] = "abandoned";
		if (c != NULL && campaign_dial_number(c, c->cfg->caller_id,
		    num, sizeof num) == 0)
			for (const char *d = num; *d != '\0' &&
			    n < PLAYER_MAX - 1; d++) {
				snprintf(digit[*d - '0'], sizeof digit[0],
				    "num-%c", *d);
				names[n++] = digit[*d - '0'];
			}
		names[n++] = "goodbye";
	}
	media_play(pc->call, names, n, predict_message_done);
}

static void
predict_timer_cb(evutil_socket_t fd, short what, void *arg)
{
	struct pcall *pc = arg;

	if (pc->phase == PC_RINGING) {
		log_info("call %s: %s rang out its ring limit", pc->call->id,
		    pc->call->dnis);
		call_hangup(pc->call, CAUSE_NO_ANSWER, DB_CLEARED_CORE,
		    "no answer");
	} else if (pc->phase == PC_WAITING)
		predict_abandon(pc);
	else if (pc->phase == PC_DETECT) {
		log_warn("call %s: no verdict from the detector in time: taken "
		    "as a person", pc->call->id);
		media_detect_amd(pc->call, NULL, NULL);
		snprintf(pc->amd, sizeof pc->amd, "notsure:no audio");
		predict_person(pc, campaign_find(pc->campaign));
	}
}

/* Agent a talks on a call of C: its wrap-up after it is C's. */
static void
predict_wrap_mark(const struct agent *a, const struct campaign *c)
{
	if (a->slot < 0)
		return;
	if (a->slot >= npwrap) {
		int n = a->slot + 16;

		pwrap = xrealloc(pwrap, (size_t)n * sizeof *pwrap);
		memset(pwrap + npwrap, 0, (size_t)(n - npwrap) * sizeof *pwrap);
		npwrap = n;
	}
	snprintf(pwrap[a->slot], sizeof pwrap[a->slot], "%s", c->name);
}

void
campaign_predict_agent_left(struct agent *a, enum agent_state old,
    enum agent_state new_state, double seconds)
{
	struct campaign	*c;
	double		 wrap;

	if (a->slot < 0 || a->slot >= npwrap || pwrap[a->slot][0] == '\0')
		return;
	if (old == AGENT_WRAP_UP)
		wrap = seconds;
	else if (old == AGENT_ON_CALL && new_state != AGENT_WRAP_UP)
		wrap = 0;		/* no wrap-up after this call */
	else
		return;
	if ((c = campaign_find(pwrap[a->slot])) != NULL &&
	    c->cfg->mode == CFG_DIAL_PREDICTIVE) {
		struct predict *p = predict_get(c, clock_wall_ms());

		predict_ewma(&p->wrap_s, wrap);
		log_debug("campaign %s: agent %s: wrap-up %.1f s, mean now "
		    "%.1f s", c->name, a->id, wrap, p->wrap_s);
	}
	pwrap[a->slot][0] = '\0';
}

/* The answered call goes to agent a. */
static void
predict_connect(struct pcall *pc, struct campaign *c, struct agent *a)
{
	struct call		*call = pc->call;
	struct camp_record	 r;

	evtimer_del(pc->timer);
	pc->phase = PC_AGENT;
	pacing_abandons_add(&predict_get(c, clock_wall_ms())->ab,
	    clock_wall_ms() / 1000, 0);
	call_set_agent(call, a);
	call_set_queue_name(call, campaign_agent_queue(c, a));
	agent_set_call(a, call);
	agent_set_state(a, AGENT_ON_CALL, NULL);
	predict_wrap_mark(a, c);
	if (a->ep != NULL)
		media_join(call, a->ep, MEDIA_AGENT);
	call_set_state(call, CALL_CONNECTED);
	log_info("call %s: campaign %s: agent %s takes it %lld ms after the "
	    "answer, %lld after the greeting", call->id, c->name, a->id,
	    (long long)(clock_wall_ms() - pc->answer_ms),
	    (long long)(clock_wall_ms() - pc->greeting_end_ms));
	if (db_record_get(core.db, pc->record, &r) == 1)
		campaign_tell(c, a, call, &r, "campaign_record");
	call_agent_talks(call, json_pack("{s:s}", "campaign", c->name));
}

/* A person (or not sure) answered: an agent now, or one within 2 s of
 * the end of their greeting (Ofcom, TSR: docs/DIALER.md), else the
 * message. */
static void
predict_person(struct pcall *pc, struct campaign *c)
{
	int64_t		now = clock_wall_ms();
	int64_t		left = pc->greeting_end_ms + PREDICT_CONNECT_MS - now;
	struct timeval	tv = { left / 1000, left % 1000 * 1000 };

	if (c != NULL) {
		struct predict *p = predict_get(c, now);

		pacing_answer_add(&p->ans, 1);
		predict_ewma(&p->answer_s, (now - pc->call->start_ms) / 1000.0);
	}
	pc->phase = PC_WAITING;
	for (struct agent *a = agents; c != NULL && a != NULL; a = a->next)
		if (predict_agent_free(c, a) &&
		    !campaign_inbound_waiting(c, a)) {
			predict_connect(pc, c, a);
			return;
		}
	if (left <= 0)
		predict_abandon(pc);
	else {
		evtimer_add(pc->timer, &tv);
		acd_dispatch();	/* inbound first, then the agents left free */
	}
}

static void
predict_machine_done(struct call *call)
{
	call_hangup(call, CAUSE_NORMAL, DB_CLEARED_CORE, "answering machine");
}

/* A machine's verdict: an estimated share of them were persons, counted
 * as abandoned live answers (Ofcom wants AMD's false positives in the
 * abandon rate); every one by initial silence counts whole. */
static void
predict_fp_add(struct predict *p, int64_t ms, int whole, int share_pct)
{
	p->fp_owed += whole ? 1.0 : share_pct / 100.0;
	for (; p->fp_owed >= 1.0 - 1e-9; p->fp_owed -= 1.0)
		pacing_abandons_add(&p->ab, ms / 1000, 1);
}

static void
predict_machine_estimate(struct campaign *c, const struct amd *a)
{
	int64_t		 now = clock_wall_ms();
	struct predict	*p = predict_get(c, now);

	pacing_answer_add(&p->ans, 0);
	predict_fp_add(p, now, strcmp(a->why, "initial silence") == 0,
	    c->cfg->amd_false_positive);
}

static void
predict_amd_cb(struct call *call, const struct amd *a)
{
	struct pcall	*pc = pcall_find(call);
	struct campaign	*c;
	const char	*msg;

	if (pc == NULL || pc->phase != PC_DETECT)
		return;
	evtimer_del(pc->timer);
	c = campaign_find(pc->campaign);
	snprintf(pc->amd, sizeof pc->amd, "%s:%s", amd_verdict_name(a->verdict),
	    a->why);
	log_info("call %s: campaign %s: %s (%s) %d ms after the answer, %d "
	    "word(s)", call->id, pc->campaign, amd_verdict_name(a->verdict),
	    a->why, a->ms, a->words);
	if (a->verdict != AMD_MACHINE) {
		/* Not sure while they still speak: their greeting ends now. */
		if (a->in_word)
			pc->greeting_end_ms = clock_wall_ms();
		else if (a->greeting_end_ms > 0)
			pc->greeting_end_ms = pc->answer_ms + a->greeting_end_ms;
		predict_person(pc, c);
		return;
	}
	pc->phase = PC_MACHINE;
	if (c != NULL)
		predict_machine_estimate(c, a);
	msg = c != NULL ? c->cfg->amd_machine_message : "";
	if (msg[0] != '\0')
		media_play(call, &msg, 1, predict_machine_done);
	else
		predict_machine_done(call);
}

/* Listens to the answer with the campaign's tuning. */
static void
predict_detect(struct pcall *pc, const struct cfg_campaign *cc)
{
	struct amd_cfg	cfg;
	int		ms;
	struct timeval	tv;

	campaign_amd_cfg(cc, &cfg);
	ms = cfg.total_ms + PREDICT_AMD_GUARD_MS;
	tv = (struct timeval){ ms / 1000, ms % 1000 * 1000 };
	pc->phase = PC_DETECT;
	media_detect_amd(pc->call, &cfg, predict_amd_cb);
	evtimer_add(pc->timer, &tv);
}

int
campaign_predict_answered(struct call *call)
{
	struct pcall	*pc = pcall_find(call);
	struct campaign	*c;

	if (pc == NULL)
		return 0;
	pc->answer_ms = pc->greeting_end_ms = clock_wall_ms();
	c = campaign_find(pc->campaign);
	evtimer_del(pc->timer);
	call_set_state(call, CALL_IVR);
	if (c != NULL && c->cfg->amd == CFG_AMD_DETECT)
		predict_detect(pc, c->cfg);
	else
		predict_person(pc, c);
	return 1;
}

void
campaign_predict_ringing(struct call *call)
{
	struct pcall	*pc = pcall_find(call);
	struct campaign	*c;
	struct timeval	 tv = { 0, 0 };

	if (pc == NULL || pc->phase != PC_RINGING ||
	    (c = campaign_find(pc->campaign)) == NULL)
		return;
	tv.tv_sec = pacing_ring_limit(PREDICT_RING_S);
	evtimer_add(pc->timer, &tv);	/* from the first ring */
}

const char *
campaign_predict_stop(struct call *call, int *answered,
    struct predict_note *note)
{
	struct pcall	*pc = pcall_find(call);
	struct campaign	*c;
	const char	*outcome = NULL;

	*note = (struct predict_note){ "", -1, -1 };
	if (pc == NULL)
		return NULL;
	snprintf(note->amd, sizeof note->amd, "%s", pc->amd);
	if (pc->answer_ms != 0) {
		note->greeting_ms = pc->greeting_end_ms - pc->answer_ms;
		if (pc->message_ms != 0)
			note->message_ms = pc->message_ms - pc->answer_ms;
	}
	c = campaign_find(pc->campaign);
	*answered = pc->phase != PC_RINGING;
	if (c != NULL && pc->phase == PC_RINGING)
		pacing_answer_add(&predict_get(c, clock_wall_ms())->ans, 0);
	if (c != NULL && pc->phase == PC_AGENT && call->agent_answer_ms != 0)
		predict_ewma(&predict_get(c, clock_wall_ms())->talk_s,
		    (clock_wall_ms() - call->agent_answer_ms) / 1000.0);
	if (c != NULL && (pc->phase == PC_WAITING || pc->phase == PC_DETECT))
		pacing_abandons_add(&predict_get(c, clock_wall_ms())->ab,
		    clock_wall_ms() / 1000, 1);	/* hung up before an agent */
	if (pc->phase == PC_WAITING || pc->phase == PC_MESSAGE ||
	    pc->phase == PC_DETECT)
		outcome = "abandoned";	/* also: hung up in the 2 s */
	else if (pc->phase == PC_MACHINE)
		outcome = "machine";
	pcall_free(pc);
	return outcome;
}

void
campaign_predict_load(int64_t now_ms)
{
	for (const struct campaign *c = campaign_first(); c != NULL; c = c->next)
		if (c->cfg->mode == CFG_DIAL_PREDICTIVE)
			predict_get(c, now_ms);
}

/* Answered calls waiting take the free agents first; then the calls to
 * place. After the ACD's pass (inbound_priority = yes), an agent still
 * free is one no inbound caller was given to: theirs. */
void
campaign_predict_waiting(struct campaign *c)
{
	for (struct pcall *pc = pcalls; pc != NULL; pc = pc->next) {
		if (pc->phase != PC_WAITING ||
		    strcmp(pc->campaign, c->name) != 0)
			continue;
		for (struct agent *a = agents; a != NULL; a = a->next)
			if (predict_agent_free(c, a)) {
				predict_connect(pc, c, a);
				break;
			}
	}
}

void
campaign_predict_first(void)
{
	for (struct campaign *c = campaign_first(); c != NULL; c = c->next)
		if (!c->cfg->inbound_priority && c->cfg->mode ==
		    CFG_DIAL_PREDICTIVE)
			campaign_predict_waiting(c);
}

/* The campaign's state for pacing_decide(). */
static void
predict_state(struct campaign *c, struct predict *p, int64_t now_ms,
    struct pacing_state *s, struct pacing_agent *busy)
{
	uint64_t	now_us = clock_mono_us();
	int64_t		now_s = now_ms / 1000;

	memset(s, 0, sizeof *s);
	s->mode = PACING_PREDICTIVE;
	for (struct agent *a = agents; a != NULL; a = a->next) {
		if (!campaign_agent_works(c, a))
			continue;
		if (predict_agent_free(c, a))
			s->free++;
		else if ((a->state == AGENT_ON_CALL ||
		    a->state == AGENT_WRAP_UP) && s->nbusy < PREDICT_MAX_BUSY) {
			busy[s->nbusy].phase = a->state == AGENT_WRAP_UP ?
			    PACING_WRAP : PACING_TALK;
			busy[s->nbusy++].elapsed_s = a->state_since != 0 &&
			    now_us > a->state_since ?
			    (now_us - a->state_since) / 1e6 : 0;
		}
	}
	for (struct pcall *pc = pcalls; pc != NULL; pc = pc->next)
		if (strcmp(pc->campaign, c->name) == 0) {
			if (pc->phase == PC_RINGING || pc->phase == PC_DETECT)
				s->ringing++;	/* may yet need an agent */
			else if (pc->phase == PC_WAITING)
				s->free--;	/* that agent is spoken for */
		}
	if (s->free < 0)
		s->free = 0;
	s->free = campaign_dial_room(c, s->free);	/* blending */
	s->busy = busy;
	s->talk_s = p->talk_s;
	s->wrap_s = p->wrap_s;
	s->answer_s = p->answer_s;
	s->answer = &p->ans;
	s->rate_24h = pacing_window_rate(&p->ab.day, now_s);
	s->rate_30d = pacing_window_rate(&p->ab.month, now_s);
	s->live_24h = pacing_window_live(&p->ab.day, now_s);
	s->live_30d = pacing_window_live(&p->ab.month, now_s);
	s->cap = c->cfg->abandon_cap / 100.0;
	s->lines = -1;
}

/* Places one call with no agent for record R; 0, or -1 (stop the pass). */
static int
predict_place(struct campaign *c, const struct camp_record *r,
    int64_t now_ms)
{
	struct pcall	*pc;
	struct call	*call;
	char		 why[160];

	if ((call = campaign_dial_free(c, r, now_ms, PREDICT_RING_S +
	    PREDICT_DIAL_GUARD_S, why, sizeof why)) == NULL) {
		log_info("campaign %s: record %lld not dialed: %s", c->name,
		    (long long)r->id, why);
		return -1;
	}
	pc = xcalloc(1, sizeof *pc);
	pc->call = call;
	snprintf(pc->campaign, sizeof pc->campaign, "%s", c->name);
	pc->record = r->id;
	pc->timer = evtimer_new(core.base, predict_timer_cb, pc);
	pc->next = pcalls;
	pcalls = pc;
	return 0;
}

int
campaign_predict_pass(struct campaign *c, int64_t now_ms)
{
	struct pacing_agent	busy[PREDICT_MAX_BUSY];
	struct pacing_state	s;
	struct pacing_why	w;
	struct predict		*p = predict_get(c, now_ms);
	struct camp_record	r;
	char			why[160];
	int			n;

	campaign_predict_waiting(c);
	predict_state(c, p, now_ms, &s, busy);
	if ((n = pacing_decide(&s, &w)) <= 0)
		return 0;
	log_debug("campaign %s: %s pacing places %d (p %.2f, agents %.1f, "
	    "z %.1f, ringing %d)", c->name, pacing_mode_name(w.mode), n, w.p,
	    w.agents, w.z, s.ringing);
	while (n-- > 0) {
		if (campaign_next_record(core.db, c, now_ms, &r) != 1)
			return -1;
		/* An abandoned number again within 72 h only with an agent
		 * kept free for it: a progressive call. */
		if (strcmp(r.last_outcome, "abandoned") == 0 &&
		    !pacing_may_redial(now_ms / 1000, now_ms / 1000, 0)) {
			struct agent *a;

			for (a = agents; a != NULL && !predict_agent_free(c, a);
			    a = a->next)
				;
			if (a == NULL)
				return 0;
			if (campaign_dial_record(c, a, &r, now_ms, why,
			    sizeof why) == NULL)
				return -1;
			continue;
		}
		if (predict_place(c, &r, now_ms) != 0)
			return -1;
	}
	return 0;
}
