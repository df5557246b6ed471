/* campaign-rules.c: a campaign's rules over its records, pure but for the
 * database handle given (so the unit tests run them on a file of their
 * own): building a campaign from its section, why a record is not
 * dialable now (`ctl why-not`), the next record to dial, and what an
 * attempt's outcome does to a record. The dialer and why-not use the same
 * checks, in the same order, from one table. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "campaign-rules.h"
#include "db-campaign.h"
#include "log.h"
#include "phone.h"

#define MIN_MS	60000LL

static const char *const state_names[] = {
	[CAMP_RUNNING] = "running", [CAMP_PAUSED] = "paused",
	[CAMP_STOPPED] = "stopped", [CAMP_FINISHED] = "finished",
};

const char *
campaign_state_name(int s)
{
	return s >= 0 && s <= CAMP_FINISHED ? state_names[s] : "?";
}

int
campaign_state_parse(const char *name)
{
	for (int i = 0; i <= CAMP_FINISHED; i++)
		if (strcmp(state_names[i], name) == 0)
			return i;
	return -1;
}

int
campaign_build(struct campaign *c, const struct cfg_campaign *cfg, char *why,
    size_t len)
{
	memset(c, 0, sizeof *c);
	snprintf(c->name, sizeof c->name, "%s", cfg->name);
	snprintf(c->client, sizeof c->client, "%s", cfg->client);
	c->cfg = cfg;
	c->state = (enum camp_state)cfg->state;
	if (hours_parse(&c->hours, cfg->hours, cfg->holidays, cfg->timezone,
	    why, len) != 0 || camprule_dispositions(cfg->dispositions, c->disp,
	    &c->ndisp, why, len) != 0 || camprule_date(cfg->end_date,
	    &c->end_ymd, why, len) != 0)
		return -1;
	for (int o = 0; o < CAMP_NOUTCOMES; o++)
		if (camprule_retry(cfg->retry[o], &c->retry[o], why, len) != 0)
			return -1;
	return 0;
}

const char *
campaign_record_tz(const struct campaign *c, const struct camp_record *r)
{
	const char *tz;

	if (r->tz[0] != '\0')
		return r->tz;
	return (tz = phone_tz(r->phone)) != NULL ? tz : c->hours.tz;
}

/* yyyymmdd of t in the campaign's own zone. */
static int
rules_ymd(const char *tz, time_t t)
{
	struct tm	 tm;
	char		*old = getenv("TZ") ? strdup(getenv("TZ")) : NULL;

	setenv("TZ", tz, 1);
	tzset();
	localtime_r(&t, &tm);
	if (old != NULL) {
		setenv("TZ", old, 1);
		free(old);
	} else
		unsetenv("TZ");
	tzset();
	return (tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
}

/* The retry rule after a record's last outcome, or NULL (a disposition,
 * or none yet). */
static const struct camp_retry *
rules_retry(const struct campaign *c, const char *outcome)
{
	int o = camprule_outcome(outcome);

	return o >= 0 ? &c->retry[o] : NULL;
}

static const struct camp_disp *
rules_disp(const struct campaign *c, const char *code)
{
	for (int i = 0; i < c->ndisp; i++)
		if (strcmp(c->disp[i].code, code) == 0)
			return &c->disp[i];
	return NULL;
}

struct rules_ctx {
	struct db			*db;
	const struct campaign		*c;
	const struct camp_record	*r;
	int64_t				 now_ms;
};

/* One check: 1 and a line in buf if it stands in the way. */
typedef int (*rules_check)(const struct rules_ctx *, char *, size_t);

static int
check_state(const struct rules_ctx *x, char *buf, size_t len)
{
	if (x->c->state == CAMP_RUNNING)
		return 0;
	snprintf(buf, len, "campaign %s is %s", x->c->name,
	    campaign_state_name(x->c->state));
	return 1;
}

static int
check_end(const struct rules_ctx *x, char *buf, size_t len)
{
	int ymd = x->c->end_ymd;

	if (ymd == 0 || rules_ymd(x->c->hours.tz, x->now_ms / 1000) <= ymd)
		return 0;
	snprintf(buf, len, "campaign %s ended on %04d-%02d-%02d (end_date)",
	    x->c->name, ymd / 10000, ymd / 100 % 100, ymd % 100);
	return 1;
}

static int
check_list(const struct rules_ctx *x, char *buf, size_t len)
{
	if (strcmp(x->r->list_state, "active") == 0)
		return 0;
	snprintf(buf, len, "list %s is %s", x->r->list, x->r->list_state);
	return 1;
}

static int
check_done(const struct rules_ctx *x, char *buf, size_t len)
{
	if (strcmp(x->r->state, "open") == 0)
		return 0;
	if (strcmp(x->r->state, "preview") == 0) {
		snprintf(buf, len, "shown to an agent for preview");
		return 1;
	}
	if (strcmp(x->r->state, "dialing") == 0) {
		snprintf(buf, len, "being dialed now (attempt %d)",
		    x->r->attempts + 1);
		return 1;
	}
	snprintf(buf, len, "record is done after %d attempt%s (last: %s)",
	    x->r->attempts, x->r->attempts == 1 ? "" : "s",
	    x->r->last_outcome[0] ? x->r->last_outcome : "none");
	return 1;
}

static int
check_attempts(const struct rules_ctx *x, char *buf, size_t len)
{
	const struct camp_retry *rr = rules_retry(x->c, x->r->last_outcome);

	if (rr == NULL || x->r->attempts < rr->max_attempts)
		return 0;
	snprintf(buf, len, "attempts used: %d of %d after %s", x->r->attempts,
	    rr->max_attempts, x->r->last_outcome);
	return 1;
}

static int
check_delay(const struct rules_ctx *x, char *buf, size_t len)
{
	time_t		t = x->r->next_at_ms / 1000;
	struct tm	tm;

	if (x->r->next_at_ms <= x->now_ms)
		return 0;
	gmtime_r(&t, &tm);
	snprintf(buf, len, "retry delay: not before %04d-%02d-%02d %02d:%02d "
	    "UTC (after %s)", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
	    tm.tm_hour, tm.tm_min, x->r->last_outcome[0] ?
	    x->r->last_outcome : "a callback time");
	return 1;
}

/* hours_open() loads the zone's file each time (TZ is switched): a
 * decision asks it for many records of few zones in the same minute, so
 * the answers of the last minute are kept, per zone and hours. */
#define RULES_ZONES	16

static struct {
	const struct hours	*hours;
	int64_t			 minute;
	char			 tz[64];
	int			 open;
}		 rules_cache[RULES_ZONES];
static int	 rules_cache_next;

void
campaign_rules_flush(void)
{
	memset(rules_cache, 0, sizeof rules_cache);
}

static int
rules_open(const struct hours *hours, const char *tz, int64_t now_ms)
{
	struct hours	 h;
	int64_t		 minute = now_ms / 60000;
	int		 i;

	for (i = 0; i < RULES_ZONES; i++)
		if (rules_cache[i].hours == hours && rules_cache[i].minute ==
		    minute && strcmp(rules_cache[i].tz, tz) == 0)
			return rules_cache[i].open;
	h = *hours;
	snprintf(h.tz, sizeof h.tz, "%s", tz);
	i = rules_cache_next = (rules_cache_next + 1) % RULES_ZONES;
	rules_cache[i].hours = hours;
	rules_cache[i].minute = minute;
	snprintf(rules_cache[i].tz, sizeof rules_cache[i].tz, "%s", tz);
	return rules_cache[i].open = hours_open(&h, (time_t)(now_ms / 1000));
}

static int
check_hours(const struct rules_ctx *x, char *buf, size_t len)
{
	const char *tz = campaign_record_tz(x->c, x->r);

	if (rules_open(&x->c->hours, tz, x->now_ms))
		return 0;
	snprintf(buf, len, "outside calling hours in %s (%s)", tz,
	    x->c->cfg->hours);
	return 1;
}

int
campaign_open_at(const struct campaign *c, const char *phone, int64_t ms,
    char *why, size_t len)
{
	struct camp_record	 r = { 0 };
	const char		*tz;

	snprintf(r.phone, sizeof r.phone, "%s", phone);
	tz = campaign_record_tz(c, &r);
	if (rules_open(&c->hours, tz, ms))
		return 1;
	snprintf(why, len, "outside calling hours in %s (%s)", tz,
	    c->cfg->hours);
	return 0;
}

static int
check_dnc(const struct rules_ctx *x, char *buf, size_t len)
{
	int b = db_dnc_blocked(x->db, x->r->phone, x->c->client);

	if (b == 0)
		return 0;
	if (b < 0)
		snprintf(buf, len, "do-not-call list unreadable: not dialed");
	else
		snprintf(buf, len, "%s is on the %s do-not-call list",
		    x->r->phone, b == 1 ? "global" : x->c->client);
	return 1;
}

/* In order: the campaign's, the list's, then the record's own. */
static const rules_check rules_checks[] = {
	check_state, check_end, check_list, check_done, check_attempts,
	check_delay, check_hours, check_dnc,
};
#define RULES_NCHECKS	(sizeof rules_checks / sizeof rules_checks[0])

int
campaign_why_not(struct db *db, const struct campaign *c,
    const struct camp_record *r, int64_t now_ms, char (*lines)[200], int max)
{
	struct rules_ctx	 x = { db, c, r, now_ms };
	char			 buf[200];
	int			 n = 0;

	for (size_t i = 0; i < RULES_NCHECKS; i++) {
		if (!rules_checks[i](&x, buf, sizeof buf))
			continue;
		if (n < max)
			snprintf(lines[n], sizeof lines[n], "%s", buf);
		if (++n > max && max == 0)
			break;
	}
	return n;
}

struct rules_pick {
	struct db		*db;
	const struct campaign	*c;
	int64_t			 now_ms;
	struct camp_record	*out;
	int			 found;
};

static int
rules_pick_cb(const struct camp_record *r, void *arg)
{
	struct rules_pick *p = arg;

	if (campaign_why_not(p->db, p->c, r, p->now_ms, NULL, 0) != 0)
		return 0;
	*p->out = *r;
	p->found = 1;
	return 1;
}

int
campaign_next_record(struct db *db, const struct campaign *c, int64_t now_ms,
    struct camp_record *out)
{
	struct rules_pick	p = { db, c, now_ms, out, 0 };
	struct rules_ctx	x = { db, c, NULL, now_ms };
	char			buf[200];

	if (check_state(&x, buf, sizeof buf) || check_end(&x, buf, sizeof buf))
		return 0;
	if (db_records_due(db, c->name, now_ms, rules_pick_cb, &p) != 0)
		return -1;
	return p.found;
}

/* What a disposition does: done, or again after its delay. */
static int
rules_disposition(struct db *db, const struct campaign *c,
    const struct camp_record *r, const char *code, int64_t now_ms,
    const char **state, int64_t *next, char *why, size_t len)
{
	const struct camp_disp *d = rules_disp(c, code);

	if (d == NULL) {
		snprintf(why, len, "\"%s\" is not a disposition of campaign %s",
		    code, c->name);
		return -1;
	}
	*state = d->retry_min > 0 ? "open" : "done";
	*next = d->retry_min > 0 ? now_ms + d->retry_min * MIN_MS : now_ms;
	if (d->dnc && db_dnc_add(db, r->phone, c->client, "disposition", code,
	    now_ms) < 0) {
		snprintf(why, len, "do-not-call list not written");
		return -1;
	}
	return 0;
}

/* Successes so far: attempts whose disposition is flagged success. */
int
campaign_successes(struct db *db, const struct campaign *c)
{
	const char	*codes[CAMPRULE_MAX_DISP];
	int		 n = 0;

	for (int i = 0; i < c->ndisp; i++)
		if (c->disp[i].success)
			codes[n++] = c->disp[i].code;
	return db_campaign_successes(db, c->name, codes, n);
}

int
campaign_attempt(struct db *db, const struct campaign *c, int64_t record_id,
    const char *outcome, const char *disposition, const char *agent,
    int cause, int64_t now_ms, char *why, size_t len)
{
	struct camp_record	 r;
	const struct camp_retry	*rr = NULL;
	const char		*state = "open", *last;
	int64_t			 next = now_ms;

	if (db_record_get(db, record_id, &r) != 1 ||
	    strcmp(r.campaign, c->name) != 0) {
		snprintf(why, len, "no record %lld in campaign %s",
		    (long long)record_id, c->name);
		return -1;
	}
	r.attempts++;
	if (disposition != NULL) {
		if (rules_disposition(db, c, &r, disposition, now_ms, &state,
		    &next, why, len) != 0)
			return -1;
	} else if (strcmp(outcome, "answered") == 0 ||
	    strcmp(outcome, "invalid") == 0)
		state = "done";
	else if ((rr = rules_retry(c, outcome)) == NULL) {
		snprintf(why, len, "\"%s\" is not an outcome (busy, noanswer, "
		    "machine, congestion, abandoned, answered, invalid)", outcome);
		return -1;
	} else if (r.attempts >= rr->max_attempts)
		state = "done";
	else
		next = now_ms + rr->delay_min * MIN_MS;
	last = disposition != NULL ? disposition : outcome;
	if (db_attempt_add(db, record_id, now_ms, disposition != NULL ?
	    "answered" : outcome, cause, agent, disposition) != 0 ||
	    db_record_update(db, record_id, state, r.attempts, next, last) != 0) {
		snprintf(why, len, "database: %s", "attempt not written");
		return -1;
	}
	if (disposition == NULL || c->cfg->target == 0 ||
	    !rules_disp(c, disposition)->success)
		return 0;
	return campaign_successes(db, c) >= c->cfg->target;
}

int
campaign_dispose(struct db *db, const struct campaign *c, int64_t record_id,
    const char *code, int64_t now_ms, char *why, size_t len)
{
	const struct camp_disp	*d = rules_disp(c, code);
	struct camp_record	 r;
	const char		*state;
	int64_t			 next;

	if (d == NULL) {
		snprintf(why, len, "\"%s\" is not a disposition of campaign %s",
		    code, c->name);
		return -1;
	}
	if (db_record_get(db, record_id, &r) != 1 ||
	    rules_disposition(db, c, &r, code, now_ms, &state, &next, why,
	    len) != 0)
		return -1;
	if (db_attempt_dispose(db, record_id, code) != 0 ||
	    db_record_update(db, record_id, state, r.attempts, next, code)) {
		snprintf(why, len, "database: disposition not written");
		return -1;
	}
	if (!d->success || c->cfg->target == 0)
		return 0;
	return campaign_successes(db, c) >= c->cfg->target;
}
