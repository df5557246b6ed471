/* campaign-request.c: callback requests from outside applications (a
 * CRM, a web form: docs/DIALER.md, "Callback requests"). A request
 * becomes a record of the campaign's list "callbacks" (priority 1000: it
 * is dialed before the imported lists), its note and source in the
 * record's fields, due at the preferred time. Validated as an import is
 * (the number normalised to E.164), then against the do-not-call lists
 * and the calling hours at the preferred time in the number's zone. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include "campaign.h"
#include "clock.h"
#include "core.h"
#include "db-campaign.h"
#include "log.h"
#include "phone.h"

#define REQUEST_LIST		"callbacks"
#define REQUEST_PRIORITY	1000

/* The callbacks list of the campaign, made at the first request. */
static int64_t
request_list(const struct campaign *c, char *why, size_t len)
{
	char	state[16];
	int64_t	id;
	int	rc = db_list_find(core.db, c->name, REQUEST_LIST, &id, state,
	    sizeof state);

	if (rc == 0)
		id = db_list_add(core.db, c->name, REQUEST_LIST,
		    REQUEST_PRIORITY, clock_wall_ms());
	else if (rc > 0 && strcmp(state, "removed") == 0) {
		snprintf(why, len, "list %s of %s was removed: no callback "
		    "requests", REQUEST_LIST, c->name);
		return -1;
	}
	if (rc < 0 || id <= 0) {
		snprintf(why, len, "database: list not written");
		return -1;
	}
	return id;
}

/* The record, its fields and its time, in one transaction. */
static int64_t
request_store(const struct campaign *c, const char *e164, const char *name,
    const char *note, int64_t at_ms, char *why, size_t len)
{
	json_t	*fields = json_pack("{s:s,s:s}", "note", note, "source",
	    "callback-request");
	char	*text = json_dumps(fields, JSON_COMPACT);
	int64_t	 list, id = -1;
	int	 rc;

	json_decref(fields);
	if (db_tx_begin(core.db) != 0) {
		free(text);
		snprintf(why, len, "database: busy");
		return -1;
	}
	if ((list = request_list(c, why, len)) < 0)
		goto out;
	if ((rc = db_record_add(core.db, list, 0, e164, name, "", text)) != 0) {
		snprintf(why, len, rc == 1 ? "%s already has a callback "
		    "request in campaign %s" : "database: record not written",
		    e164, c->name);
		goto out;
	}
	id = db_record_last_id(core.db);
	if (db_record_update(core.db, id, "open", 0, at_ms, "") != 0) {
		snprintf(why, len, "database: record not written");
		id = -1;
	}
out:
	free(text);
	if (id < 0)
		db_tx_rollback(core.db);
	else if (db_tx_commit(core.db) != 0) {
		snprintf(why, len, "database: record not written");
		id = -1;
	}
	return id;
}

int64_t
campaign_callback_request(struct campaign *c, const char *number,
    const char *country, const char *name, const char *note, int64_t at_ms, char *why, size_t len)
{
	char	e164[24], err[160];
	int	b;
	int64_t	id;

	if (c->state == CAMP_FINISHED || c->state == CAMP_STOPPED) {
		snprintf(why, len, "campaign %s is %s: no callback requests",
		    c->name, campaign_state_name(c->state));
		return -1;
	}
	if (phone_e164(number, country[0] != '\0' ? country : c->cfg->country,
	    e164, sizeof e164, err, sizeof err) != 0) {
		snprintf(why, len, "number \"%.40s\": %s", number, err);
		return -1;
	}
	if ((b = db_dnc_blocked(core.db, e164, c->client)) != 0) {
		snprintf(why, len, b < 0 ? "do-not-call list unreadable: not "
		    "taken" : "%s is on the %s do-not-call list", e164,
		    b == 1 ? "global" : c->client);
		return -1;
	}
	if (!campaign_open_at(c, e164, at_ms, err, sizeof err)) {
		snprintf(why, len, "the preferred time is %s", err);
		return -1;
	}
	if ((id = request_store(c, e164, name, note, at_ms, why, len)) < 0)
		return -1;
	log_info("campaign %s: callback request for %s (%s) at %lld: record "
	    "%lld", c->name, e164, name, (long long)at_ms, (long long)id);
	campaign_poke();
	return id;
}
