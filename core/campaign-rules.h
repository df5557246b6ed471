/* campaign-rules.h: a campaign as the rules see it, and the rules over
 * its records (campaign-rules.c): why one is not dialable now, the next
 * one to dial, what an attempt's outcome does to it. Below campaign.c,
 * which keeps the running campaigns (campaign.h). */
#ifndef CZ_CAMPAIGN_RULES_H
#define CZ_CAMPAIGN_RULES_H

#include <stdint.h>
#include <jansson.h>
#include "db-campaign.h"
#include "camprule.h"
#include "config.h"
#include "hours.h"

struct db;

/* Same order as enum cfg_campaign_state (the config's initial state). */
enum camp_state { CAMP_RUNNING, CAMP_PAUSED, CAMP_STOPPED, CAMP_FINISHED };

struct campaign {
	char			 name[33];
	const struct cfg_campaign *cfg;
	char			 client[33];
	struct hours		 hours;		/* tz: the campaign's default */
	struct camp_disp	 disp[CAMPRULE_MAX_DISP];
	int			 ndisp;
	struct camp_retry	 retry[CAMP_NOUTCOMES];
	int			 end_ymd;	/* 0 = no end date */
	enum camp_state		 state;		/* as in the database */
	char			*script;	/* shown to agents (core only) */
	int			 warned_low;	/* campaign-dial.c's alone */
	int64_t			 dry_until;	/* campaign-dial.c's alone */
	int			 kept_logged;	/* campaign-blend.c's alone */
	struct campaign		*next;
};

/* A record as the rules see it (one row of records, with its list's). */

/* campaign-rules.c: pure but for the database handle given. */
int		 campaign_build(struct campaign *, const struct cfg_campaign *,
		    char *why, size_t len);
const char	*campaign_state_name(int);
/* Whether PHONE may be called at ms by the campaign's hours, in the
 * number's zone (else the campaign's); 0 with why if not. */
int		 campaign_open_at(const struct campaign *, const char *phone,
		    int64_t ms, char *why, size_t len);
/* Forgets the calling-hours answers kept for the current minute (the
 * campaigns were rebuilt). */
void		 campaign_rules_flush(void);
int		 campaign_state_parse(const char *);	/* -1 if unknown */
/* The zone a record is called in: its tz field, its number's country,
 * else the campaign's. */
const char	*campaign_record_tz(const struct campaign *,
		    const struct camp_record *);
/* Why R is not dialable at now_ms, one line per reason into lines (up to
 * max; max 0 stops at the first): the count, 0 = dialable now. */
int		 campaign_why_not(struct db *, const struct campaign *,
		    const struct camp_record *, int64_t now_ms,
		    char (*lines)[200], int max);
/* The record to dial next: lists by priority, then the longest due; only
 * one with no reason against it. 1 found, 0 none, -1 database error. */
int		 campaign_next_record(struct db *, const struct campaign *,
		    int64_t now_ms, struct camp_record *out);
/* An attempt's result: OUTCOME (busy, noanswer, machine, congestion,
 * abandoned: retried by the campaign's rules; answered, invalid: done)
 * or, for a call an agent talked to, DISPOSITION. Counts the attempt and
 * sets when (and whether) the record is called again; a dnc
 * disposition lists the number for the client. 0, 1 when a success
 * reached the campaign's target, or -1. */
int		 campaign_attempt(struct db *, const struct campaign *,
		    int64_t record_id, const char *outcome,
		    const char *disposition, const char *agent, int cause,
		    int64_t now_ms, char *why, size_t len);

/* Attempts whose disposition counts as a success; -1 on error. */
int		 campaign_successes(struct db *, const struct campaign *);
/* An agent's disposition for the answered call of a record (its last
 * attempt): the flags apply (retry, dnc); 0, 1 when a success reached the
 * target, or -1 (an unknown code: nothing written). */
int		 campaign_dispose(struct db *, const struct campaign *,
		    int64_t record_id, const char *code, int64_t now_ms,
		    char *why, size_t len);

#endif
