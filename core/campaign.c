/* campaign.c: the running campaigns, one per [campaign NAME], rebuilt at
 * start and at each reload; their state (running, paused, stopped,
 * finished) is the database's, written only through campaign_set_state(),
 * which logs and tells watchers of every change. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "campaign.h"
#include "clock.h"
#include "core.h"
#include "db-campaign.h"
#include "log.h"
#include "sink.h"
#include "proto.h"
#include "xmalloc.h"

#define CAMPAIGN_SCRIPT_MAX	65536

static struct campaign *campaigns;

void
campaign_free_all(void)
{
	struct campaign *c, *next;

	for (c = campaigns; c != NULL; c = next) {
		next = c->next;
		free(c->script);
		free(c);
	}
	campaigns = NULL;
}

/* The script shown to agents: the file's text (at most 64 KB), read at
 * each start and reload, else the inline one. */
static char *
campaign_script(const struct cfg_campaign *cfg)
{
	char	*buf;
	size_t	 n;
	FILE	*f;

	if (cfg->script_file[0] == '\0')
		return xstrdup(cfg->script);
	if ((f = fopen(cfg->script_file, "r")) == NULL) {
		log_warn("campaign %s: script_file %s: %s", cfg->name,
		    cfg->script_file, strerror(errno));
		return xstrdup(cfg->script);
	}
	buf = xmalloc(CAMPAIGN_SCRIPT_MAX + 1);
	n = fread(buf, 1, CAMPAIGN_SCRIPT_MAX, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

/* The config was checked at load: a build cannot fail but for memory. */
void
campaign_sync(const struct config *cfg)
{
	struct campaign	*c, **tail = &campaigns;
	char		 why[256], state[16];
	int		 s;

	campaign_free_all();
	campaign_rules_flush();
	static int	 started;

	/* A record left dialing by an earlier process had no result. */
	if (!started++ && db_records_undial(core.db) > 0)
		log_warn("campaigns: records left dialing by an earlier core "
		    "are open again");
	for (int i = 0; i < cfg->ncampaigns; i++) {
		c = xcalloc(1, sizeof *c);
		if (campaign_build(c, &cfg->campaigns[i], why, sizeof why) != 0)
			fatal("campaign %s: %s", cfg->campaigns[i].name, why);
		c->script = campaign_script(c->cfg);
		if (db_campaign_state(core.db, c->name, campaign_state_name(
		    c->state), state, sizeof state) == 0 &&
		    (s = campaign_state_parse(state)) >= 0)
			c->state = (enum camp_state)s;
		log_info("campaign %s (%s): %s", c->name, c->client,
		    campaign_state_name(c->state));
		*tail = c;
		tail = &c->next;
	}
}

struct campaign *
campaign_first(void)
{
	return campaigns;
}

struct campaign *
campaign_find(const char *name)
{
	for (struct campaign *c = campaigns; c != NULL; c = c->next)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

int
campaign_set_state(struct campaign *c, enum camp_state s, const char *by)
{
	json_t *ev;

	if (db_campaign_set_state(core.db, c->name, campaign_state_name(s), by,
	    clock_wall_ms()) != 0)
		return -1;
	log_info("campaign %s: %s -> %s by %s", c->name,
	    campaign_state_name(c->state), campaign_state_name(s), by);
	c->state = s;
	ev = proto_event("campaign_state");
	json_object_set_new(ev, "campaign", json_string(c->name));
	json_object_set_new(ev, "state", json_string(campaign_state_name(s)));
	json_object_set_new(ev, "by", json_string(by));
	sink_watchers(ev);
	return 0;
}

/* Watchers hear of each attempt's result and disposition, so that a
 * console asks `campaigns` again rather than polling it. */
static void
campaign_told(const struct campaign *c, int64_t record_id, const char *outcome,
    const char *disposition)
{
	json_t *ev = proto_event("campaign_attempt");

	json_object_set_new(ev, "campaign", json_string(c->name));
	json_object_set_new(ev, "record", json_integer(record_id));
	json_object_set_new(ev, "outcome", outcome != NULL ?
	    json_string(outcome) : json_null());
	json_object_set_new(ev, "disposition", disposition != NULL ?
	    json_string(disposition) : json_null());
	sink_watchers(ev);
}

int
campaign_result(struct campaign *c, int64_t record_id, const char *outcome,
    const char *disposition, const char *agent, int cause, char *why,
    size_t len)
{
	int rc = campaign_attempt(core.db, c, record_id, outcome, disposition,
	    agent, cause, clock_wall_ms(), why, len);

	if (rc >= 0)
		campaign_told(c, record_id, outcome, disposition);
	if (rc == 1) {
		log_info("campaign %s: target of %d successes reached", c->name,
		    c->cfg->target);
		campaign_set_state(c, CAMP_FINISHED, "target");
	}
	return rc < 0 ? -1 : 0;
}

int
campaign_dispose_result(struct campaign *c, int64_t record_id,
    const char *code, char *why, size_t len)
{
	int rc = campaign_dispose(core.db, c, record_id, code, clock_wall_ms(),
	    why, len);

	if (rc >= 0)
		campaign_told(c, record_id, NULL, code);
	if (rc == 1) {
		log_info("campaign %s: target of %d successes reached", c->name,
		    c->cfg->target);
		campaign_set_state(c, CAMP_FINISHED, "target");
	}
	return rc < 0 ? -1 : 0;
}
