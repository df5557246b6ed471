/* campaign-preview.c: preview mode. A ready agent who works a running
 * preview campaign is shown its next record (a campaign_preview event:
 * the record, its fields, the script); the record is held for that agent
 * ("preview") until they dial it (the call as in progressive mode) or skip
 * it with a reason (an attempts row "skipped"; the record is offered
 * again after SKIP_DELAY, to whoever is free). An agent who logs out
 * gives their record back. One record per agent at a time. */
#include <stdlib.h>
#include <string.h>
#include "acd-wake.h"
#include "agent.h"
#include "call.h"
#include "campaign.h"
#include "clock.h"
#include "core.h"
#include "db-campaign.h"
#include "log.h"
#include "xmalloc.h"

#define PREVIEW_SKIP_DELAY_MS	(10 * 60000LL)

struct preview {
	char		 agent[17], campaign[33];
	int64_t		 record;
	struct preview	*next;
};
static struct preview *previews;

static struct preview **
preview_find(const char *agent)
{
	struct preview **p;

	for (p = &previews; *p != NULL && strcmp((*p)->agent, agent) != 0;
	    p = &(*p)->next)
		;
	return p;
}

/* Unlinks *p: the record back to the campaign, open, due at next_ms
 * (unless it left preview: dialed). */
static void
preview_drop(struct preview **p, int64_t next_ms, const char *outcome,
    const char *reason)
{
	struct preview		*v = *p;
	struct camp_record	 r;

	*p = v->next;
	if (db_record_get(core.db, v->record, &r) == 1 &&
	    strcmp(r.state, "preview") == 0) {
		if (outcome != NULL)
			db_attempt_add(core.db, v->record, clock_wall_ms(),
			    outcome, 0, v->agent, reason);
		db_record_update(core.db, v->record, "open", r.attempts,
		    next_ms > r.next_at_ms ? next_ms : r.next_at_ms,
		    outcome != NULL ? outcome : r.last_outcome);
	}
	free(v);
}

int
campaign_preview_offer(struct campaign *c, struct agent *a, int64_t now_ms)
{
	struct camp_record	 r;
	struct preview		*v;

	if (*preview_find(a->id) != NULL)	/* deciding on one already */
		return 0;
	if (campaign_next_record(core.db, c, now_ms, &r) != 1 ||
	    db_record_update(core.db, r.id, "preview", r.attempts, r.next_at_ms,
	    r.last_outcome) != 0)
		return -1;
	v = xcalloc(1, sizeof *v);
	snprintf(v->agent, sizeof v->agent, "%s", a->id);
	snprintf(v->campaign, sizeof v->campaign, "%s", c->name);
	v->record = r.id;
	v->next = previews;
	previews = v;
	log_info("campaign %s: record %lld shown to agent %s", c->name,
	    (long long)r.id, a->id);
	campaign_tell(c, a, NULL, &r, "campaign_preview");
	return 0;
}

int
campaign_preview_act(struct agent *a, const char *action, const char *reason,
    json_t *reply, char *why, size_t len)
{
	struct preview		**p = preview_find(a->id);
	struct campaign		 *c;
	struct camp_record	  r;
	struct call		 *call;
	int64_t			  now = clock_wall_ms();

	if (*p == NULL || (c = campaign_find((*p)->campaign)) == NULL ||
	    db_record_get(core.db, (*p)->record, &r) != 1) {
		snprintf(why, len, "no campaign record is shown to you");
		return -1;
	}
	json_object_set_new(reply, "record", json_integer(r.id));
	if (strcmp(action, "skip") == 0) {
		log_info("campaign %s: agent %s skips record %lld: %s", c->name,
		    a->id, (long long)r.id, reason);
		preview_drop(p, now + PREVIEW_SKIP_DELAY_MS, "skipped", reason);
		acd_dispatch();		/* the next one */
		return 0;
	}
	if (c->state != CAMP_RUNNING) {
		snprintf(why, len, "campaign %s is %s", c->name,
		    campaign_state_name(c->state));
		preview_drop(p, now, NULL, NULL);
		return -1;
	}
	call = campaign_dial_record(c, a, &r, now, why, len);
	preview_drop(preview_find(a->id), now, NULL, NULL);
	if (call == NULL)
		return -1;
	json_object_set_new(reply, "call", json_string(call->id));
	return 0;
}

/* Agents who logged out give their record back. */
void
campaign_preview_release(void)
{
	struct preview	**p = &previews;
	struct agent	 *a;

	while (*p != NULL) {
		a = agent_find((*p)->agent);
		if (a == NULL || a->state == AGENT_LOGGED_OUT)
			preview_drop(p, 0, NULL, NULL);
		else
			p = &(*p)->next;
	}
}
