/* campaign-dial.c: progressive dialing. After each ACD pass (so inbound
 * calls are offered first), every ready agent without a call who works a
 * running progressive campaign gets one call: the campaign's next record
 * (campaign-rules.c), checked against the do-not-call lists at that very
 * moment, dialed through the agent's own outbound dial (transfer_dial:
 * the agent is on the call from the first ring). The record is marked
 * "dialing" until the call ends; its outcome (busy, no answer,
 * congestion, invalid number, answered) is then written by the rules.
 *
 * When agents are left free with nothing dialable, one timer wakes the
 * pass at the next record's retry time, and at most a minute later (a
 * record outside its calling hours becomes dialable when they open);
 * until then the ACD's passes do not search that campaign's records
 * again, unless something changed them (campaign_poke()). */
#include <stdlib.h>
#include <string.h>
#include <event2/event.h>
#include "agent.h"
#include "amd.h"
#include "media.h"
#include "call.h"
#include "campaign.h"
#include "cause.h"
#include "clock.h"
#include "core.h"
#include "db-campaign.h"
#include "log.h"
#include "sink.h"
#include "phone.h"
#include "proto.h"
#include "transfer.h"
#include "xmalloc.h"

#define DIAL_WAKE_MAX_MS	60000
#define DIAL_BACKOFF_MS		5000	/* after a dial found no channel */
#define DIAL_LOW_MIN		10	/* warn below this many due records, */
#define DIAL_LOW_PER_AGENT	2	/* or below 2 per agent working it */

/* A call placed for a record, until it ends. */
struct dial {
	struct call	*call;
	char		 campaign[33];
	int64_t		 record;
	char		 amd[48];	/* progressive: the detector's verdict */
	int		 machine;	/* hung up as a machine */
	struct dial	*next;
};
static struct dial	*dials;
/* Answered calls waiting for their agent's disposition: one per agent. */
struct talked {
	char		 call[24], agent[17], campaign[33];
	int64_t		 record;
	struct talked	*next;
};
static struct talked	*talked;
static struct event	*dial_wake;
static int		 dialing_now;	/* the pass is running */
static int64_t		 dial_blocked_until;	/* no channel: wait */
static struct campaign_modes	 dial_modes;

/* The agent's first queue of the campaign's (wrap-up, dispositions). */
const char *
campaign_agent_queue(const struct campaign *c, struct agent *a)
{
	for (int i = 0; i < c->cfg->nqueues; i++)
		if (agent_in_queue(a, c->cfg->queues[i]))
			return c->cfg->queues[i];
	return NULL;
}

/* An E.164 number as dialed on our spans: national (trunk 0) in the
 * campaign's country, else international (00). */
static void
dial_digits(const struct campaign *c, const char *e164, char *out, size_t len)
{
	const char	*cc = c->cfg->country;
	size_t		 n = strlen(cc);

	if (n > 0 && strncmp(e164 + 1, cc, n) == 0)
		snprintf(out, len, "%s%s", strcmp(cc, "1") == 0 ? "1" : "0",
		    e164 + 1 + n);
	else
		snprintf(out, len, "00%s", e164 + 1);
}

int
campaign_dial_number(const struct campaign *c, const char *number,
    char *out, size_t len)
{
	char	e164[24], why[160];

	if (phone_e164(number, c->cfg->country, e164, sizeof e164, why,
	    sizeof why) != 0)
		return -1;
	dial_digits(c, e164, out, len);
	return 0;
}

static void
dial_wake_cb(evutil_socket_t fd, short what, void *arg)
{
	campaign_dispatch();
}

/* When something may become dialable: the next retry time, at most a
 * minute on (calling hours open), or the end of a back-off; ms from now. */
static int64_t
dial_next_in(int64_t now_ms)
{
	int64_t	next = db_records_next_due(core.db, now_ms);
	int64_t	in = next > now_ms && next - now_ms < DIAL_WAKE_MAX_MS ?
	    next - now_ms : DIAL_WAKE_MAX_MS;

	if (dial_blocked_until > now_ms && dial_blocked_until - now_ms < in)
		in = dial_blocked_until - now_ms;
	return in;
}

/* Nothing dialable for a free agent: wake then. */
static void
dial_wake_at(int64_t now_ms)
{
	int64_t		in = dial_next_in(now_ms);
	struct timeval	tv = { in / 1000, in % 1000 * 1000 };

	if (dial_wake == NULL)
		dial_wake = evtimer_new(core.base, dial_wake_cb, NULL);
	evtimer_add(dial_wake, &tv);	/* the earliest now: a record added
					 * since (a callback request) is due */
}

/* The campaign's codes with their flags, for the agent's console. */
static json_t *
campaign_disp_json(const struct campaign *c)
{
	json_t *codes = json_array();

	for (int i = 0; i < c->ndisp; i++)
		json_array_append_new(codes, json_pack("{s:s,s:b,s:b,s:b,s:i}",
		    "code", c->disp[i].code, "success", c->disp[i].success,
		    "close", c->disp[i].close, "dnc", c->disp[i].dnc, "retry_min",
		    c->disp[i].retry_min));
	return codes;
}

/* The agent's screen pop for the call: the record, its custom fields,
 * the campaign's script. */
void
campaign_tell(const struct campaign *c, struct agent *a,
    const struct call *call, const struct camp_record *r, const char *name)
{
	char	*text = db_record_fields(core.db, r->id);
	json_t	*fields = text != NULL ? json_loads(text, 0, NULL) : NULL;
	json_t	*ev = proto_event(name);

	free(text);
	if (call != NULL)
		json_object_set_new(ev, "call", json_string(call->id));
	json_object_set_new(ev, "campaign", json_string(c->name));
	json_object_set_new(ev, "record", json_integer(r->id));
	json_object_set_new(ev, "list", json_string(r->list));
	json_object_set_new(ev, "phone", json_string(r->phone));
	json_object_set_new(ev, "name", json_string(r->name));
	json_object_set_new(ev, "attempt", json_integer(r->attempts + 1));
	json_object_set_new(ev, "fields", fields != NULL ? fields : json_object());
	json_object_set_new(ev, "script", json_string(c->script != NULL ?
	    c->script : ""));
	json_object_set_new(ev, "dispositions", campaign_disp_json(c));
	json_object_set_new(ev, "target", json_integer(c->cfg->target));
	json_object_set_new(ev, "successes", json_integer(campaign_successes(
	    core.db, c)));
	sink_agent(a, ev);
}

/* Supervisors are warned, once, when the records due run low: fewer
 * than 2 per agent working the campaign (at least 10). Counting is
 * bounded by that limit; records due but outside their hours or on a DNC
 * list count, so the warning comes early rather than late. */
static void
dial_check_low(struct campaign *c, int64_t now_ms)
{
	int	 limit = 0, left;
	json_t	*ev;

	for (struct agent *a = agents; a != NULL; a = a->next)
		limit += a->state != AGENT_LOGGED_OUT && campaign_agent_works(c, a);
	limit = limit * DIAL_LOW_PER_AGENT > DIAL_LOW_MIN ?
	    limit * DIAL_LOW_PER_AGENT : DIAL_LOW_MIN;
	if ((left = db_records_due_count(core.db, c->name, now_ms, limit)) < 0)
		return;
	if (left >= limit || c->warned_low) {
		c->warned_low = left < limit;
		return;
	}
	c->warned_low = 1;
	log_warn("campaign %s: only %d records left to dial now (fewer than "
	    "%d)", c->name, left, limit);
	ev = proto_event("campaign_low");
	json_object_set_new(ev, "campaign", json_string(c->name));
	json_object_set_new(ev, "left", json_integer(left));
	sink_watchers(ev);
}

/* The call of record R is the campaign's until it stops. */
static void
dial_track(const struct campaign *c, struct call *call, int64_t record)
{
	struct dial *d = xcalloc(1, sizeof *d);

	d->call = call;
	snprintf(d->campaign, sizeof d->campaign, "%s", c->name);
	d->record = record;
	d->next = dials;
	dials = d;
}

/* The moment of the dial: the DNC lists, then the record is "dialing". */
static int
dial_claim(const struct campaign *c, const struct camp_record *r, char *why,
    size_t len)
{
	if (dnc_blocked(r->phone, c->client)) {
		snprintf(why, len, "%s is on a do-not-call list", r->phone);
		/* For the compliance report: refused at the dial itself. */
		if (db_attempt_add(core.db, r->id, clock_wall_ms(), "dnc", 0,
		    NULL, NULL) != 0)
			log_warn("campaign %s: DNC refusal not recorded: %s",
			    c->name, db_last_error(core.db));
		return -1;
	}
	if (db_record_update(core.db, r->id, "dialing", r->attempts,
	    r->next_at_ms, r->last_outcome) != 0) {
		snprintf(why, len, "database: record not written");
		return -1;
	}
	return 0;
}

struct call *
campaign_dial_free(struct campaign *c, const struct camp_record *r,
    int64_t now_ms, int ring_s, char *why, size_t len)
{
	struct call	*call;
	char		 num[24], cli[24];

	if (dial_claim(c, r, why, len) != 0)
		return NULL;
	dial_digits(c, r->phone, num, sizeof num);
	if (campaign_dial_number(c, c->cfg->caller_id, cli, sizeof cli) != 0)
		cli[0] = '\0';
	call = call_new_outbound(num);
	call_set_route(call, "campaign");
	log_info("campaign %s: call %s to record %lld (%s), no agent yet",
	    c->name, call->id, (long long)r->id, r->phone);
	if (call_dial(call, cli, ring_s) != 0) {
		snprintf(why, len, "no free channel");
		call_set_state(call, CALL_DIALING);
		call_end(call, CAUSE_CONGESTION, DB_CLEARED_CORE,
		    "no free channel");
		campaign_result(c, r->id, "congestion", NULL, NULL,
		    CAUSE_CONGESTION, why, len);
		dial_blocked_until = now_ms + DIAL_BACKOFF_MS;
		return NULL;
	}
	dial_track(c, call, r->id);
	dial_check_low(c, now_ms);
	return call;
}

struct call *
campaign_dial_record(struct campaign *c, struct agent *a,
    const struct camp_record *r, int64_t now_ms, char *why, size_t len)
{
	struct call	*call;
	char		 num[24], cli[24];

	if (dial_claim(c, r, why, len) != 0)
		return NULL;
	dial_digits(c, r->phone, num, sizeof num);
	phone_e164(c->cfg->caller_id, c->cfg->country, cli, sizeof cli, why,
	    len);
	dial_digits(c, cli, cli, sizeof cli);
	log_info("campaign %s: agent %s dials record %lld (%s)", c->name, a->id,
	    (long long)r->id, r->phone);
	if ((call = transfer_dial(a, num, cli, campaign_agent_queue(c, a), why,
	    len)) == NULL) {
		campaign_result(c, r->id, "congestion", NULL, a->id,
		    CAUSE_CONGESTION, why, len);
		dial_blocked_until = now_ms + DIAL_BACKOFF_MS;
		return NULL;
	}
	campaign_tell(c, a, call, r, "campaign_record");
	dial_track(c, call, r->id);
	dial_check_low(c, now_ms);
	return call;
}

/* One call for agent a; -1 when the campaign has nothing to dial now. */
static int
dial_one(struct campaign *c, struct agent *a, int64_t now_ms)
{
	struct camp_record	r;
	char			why[160];

	if (campaign_next_record(core.db, c, now_ms, &r) != 1)
		return -1;
	return campaign_dial_record(c, a, &r, now_ms, why, sizeof why) ? 0 : -1;
}

static int
dial_agent_free(const struct campaign *c, const struct agent *a)
{
	return a->state == AGENT_READY && a->call == NULL && !a->leaving &&
	    campaign_agent_works(c, a);
}

/* How many free agents get a call in this pass: a progressive campaign
 * paces around what inbound needs (blending); preview dials nothing
 * itself (its agents stay ready for inbound), so all of them. */
static int
dial_room(struct campaign *c)
{
	int	n = 0;

	for (struct agent *a = agents; a != NULL; a = a->next)
		n += dial_agent_free(c, a);
	return c->cfg->mode == CFG_DIAL_PREVIEW ? n : campaign_dial_room(c, n);
}

void
campaign_amd_cfg(const struct cfg_campaign *cc, struct amd_cfg *cfg)
{
	amd_cfg_default(cfg);
	cfg->initial_silence_ms = cc->amd_initial_silence;
	cfg->greeting_ms = cc->amd_greeting;
	cfg->after_greeting_ms = cc->amd_after_greeting;
	cfg->total_ms = cc->amd_total;
	cfg->max_words = cc->amd_max_words;
}

static struct dial *
dial_find(const struct call *call)
{
	struct dial *d;

	for (d = dials; d != NULL && d->call != call; d = d->next)
		;
	return d;
}

/* Progressive: a machine is hung up for the agent, who heard its start. */
static void
dial_amd_cb(struct call *call, const struct amd *a)
{
	struct dial *d = dial_find(call);

	if (d == NULL)
		return;
	snprintf(d->amd, sizeof d->amd, "%s:%s", amd_verdict_name(a->verdict),
	    a->why);
	log_info("call %s: campaign %s: %s (%s) %d ms after the answer",
	    call->id, d->campaign, amd_verdict_name(a->verdict), a->why, a->ms);
	if (a->verdict != AMD_MACHINE)
		return;
	d->machine = 1;
	call_hangup(call, CAUSE_NORMAL, DB_CLEARED_CORE, "answering machine");
}

void
campaign_dial_answered(struct call *call)
{
	struct dial	*d = dial_find(call);
	struct campaign	*c;
	struct amd_cfg	 cfg;

	if (d == NULL || (c = campaign_find(d->campaign)) == NULL ||
	    c->cfg->amd != CFG_AMD_DETECT)
		return;
	campaign_amd_cfg(c->cfg, &cfg);
	media_detect_amd(call, &cfg, dial_amd_cb);
}

void
campaign_poke(void)
{
	for (struct campaign *c = campaign_first(); c != NULL; c = c->next)
		c->dry_until = 0;
}

void
campaign_dispatch(void)
{
	int64_t	now_ms = clock_wall_ms();
	int	idle = 0, room;

	if (dialing_now)
		return;
	/* Answered calls on the line take free agents first: in any state
	 * of their campaign, dry or backing off. */
	for (struct campaign *c = campaign_first(); c != NULL; c = c->next)
		if (c->cfg->mode == CFG_DIAL_PREDICTIVE)
			dial_modes.predict_waiting(c);
	if (now_ms < dial_blocked_until) {
		dial_wake_at(now_ms);
		return;
	}
	dialing_now = 1;
	dial_modes.preview_release();
	for (struct campaign *c = campaign_first(); c != NULL; c = c->next) {
		if (c->state != CAMP_RUNNING)
			continue;
		if (now_ms < c->dry_until) {	/* looked: nothing till then */
			idle = 1;
			continue;
		}
		if (c->cfg->mode == CFG_DIAL_PREDICTIVE) {
			if (dial_modes.predict_pass(c, now_ms) != 0) {
				c->dry_until = now_ms + dial_next_in(now_ms);
				idle = 1;
			}
			continue;
		}
		room = dial_room(c);
		for (struct agent *a = agents; a != NULL && room > 0;
		    a = a->next) {
			if (!dial_agent_free(c, a))
				continue;
			room--;
			if ((c->cfg->mode == CFG_DIAL_PREVIEW ?
			    dial_modes.preview_offer(c, a, now_ms) :
			    dial_one(c, a, now_ms)) != 0) {
				c->dry_until = now_ms + dial_next_in(now_ms);
				idle = 1;
				break;
			}
		}
	}
	dialing_now = 0;
	if (idle)
		dial_wake_at(now_ms);
}

/* What the network said, as a campaign outcome (Q.850 causes). */
static const char *
dial_outcome(const struct call *call, int cause)
{
	if (call->answer_ms != 0)
		return "answered";
	switch (cause) {
	case CAUSE_USER_BUSY:
		return "busy";
	case CAUSE_NO_USER_RESPONSE: case CAUSE_NO_ANSWER: case CAUSE_NORMAL:
		return "noanswer";
	case CAUSE_UNALLOCATED: case 3: case 22: case 28:	/* no route, */
		return "invalid";		/* number changed, invalid format */
	default:
		return "congestion";
	}
}

static struct talked **
dial_talked_find(const char *agent)
{
	struct talked **p;

	for (p = &talked; *p != NULL && strcmp((*p)->agent, agent) != 0;
	    p = &(*p)->next)
		;
	return p;
}

/* The agent's last answered call of a record, for its disposition. */
static void
dial_talked(const struct call *call, const struct dial *d)
{
	struct talked **p = dial_talked_find(call->agent->id), *t = *p;

	if (t == NULL) {
		t = *p = xcalloc(1, sizeof *t);
		snprintf(t->agent, sizeof t->agent, "%s", call->agent->id);
	}
	snprintf(t->call, sizeof t->call, "%s", call->id);
	snprintf(t->campaign, sizeof t->campaign, "%s", d->campaign);
	t->record = d->record;
}

int
campaign_call_disposition(const char *call_id, const char *agent,
    const char *code, char *why, size_t len)
{
	struct talked	**p = dial_talked_find(agent), *t = *p;
	struct campaign	 *c;

	if (t == NULL || strcmp(t->call, call_id) != 0 ||
	    (c = campaign_find(t->campaign)) == NULL)
		return 0;
	if (campaign_dispose_result(c, t->record, code, why, len) != 0)
		return -1;
	*p = t->next;
	free(t);
	return 1;
}

void
campaign_call_stop(struct call *call, int cause)
{
	struct dial	**p, *d;
	struct campaign	 *c;
	const char	 *outcome;
	char		  why[160];
	int		  answered = 0;
	struct predict_note note;

	for (p = &dials; (d = *p) != NULL && d->call != call; p = &d->next)
		;
	if (d == NULL)
		return;
	*p = d->next;
	if ((outcome = dial_modes.predict_stop(call, &answered, &note)) == NULL)
		outcome = d->machine ? "machine" : dial_outcome(call, cause);
	if (note.amd[0] == '\0')
		snprintf(note.amd, sizeof note.amd, "%s", d->amd);
	if (call->answer_ms != 0 && call->agent != NULL && !d->machine)
		dial_talked(call, d);
	if ((c = campaign_find(d->campaign)) != NULL &&
	    campaign_result(c, d->record, outcome, NULL,
	    call->agent != NULL ? call->agent->id : NULL, cause, why,
	    sizeof why) != 0)
		log_warn("campaign %s: record %lld: %s", d->campaign,
		    (long long)d->record, why);
	else if (c != NULL && db_attempt_note(core.db, d->record, call->id,
	    note.amd[0] != '\0' ? note.amd : NULL, note.greeting_ms,
	    note.message_ms) != 0)
		log_warn("campaign %s: record %lld: attempt's call not noted: %s",
		    d->campaign, (long long)d->record, db_last_error(core.db));
	free(d);
}

void
campaign_set_modes(const struct campaign_modes *m)
{
	dial_modes = *m;
}
