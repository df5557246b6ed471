/* db-campaign.h: the campaign tables (data/schema.sql, version 6):
 * campaigns' run-time state, lists, records, attempts, do-not-call. */
#ifndef CZ_DB_CAMPAIGN_H
#define CZ_DB_CAMPAIGN_H

#include <stdint.h>
#include <jansson.h>

struct db;
/* A record of a call list, as stored (the dialer reads it). */
struct camp_record {
	int64_t	id, list_id;
	char	campaign[33], list[65], list_state[16];
	char	phone[20], name[128], tz[64], state[16], last_outcome[40];
	int	attempts;
	int64_t	next_at_ms;
};

/* The stored state of a campaign, adding it with INITIAL if new. */
int	db_campaign_state(struct db *, const char *name, const char *initial,
	    char *state, size_t len);
int	db_campaign_set_state(struct db *, const char *name, const char *state,
	    const char *by, int64_t ms);

/* A list's id and state; 0 if there is none, -1 on error. */
int	db_list_find(struct db *, const char *campaign, const char *name,
	    int64_t *id, char *state, size_t len);
int64_t	db_list_add(struct db *, const char *campaign, const char *name,
	    int priority, int64_t ms);
int	db_list_set_priority(struct db *, int64_t id, int priority);
/* 1 changed, 0 no such list, -1 error. */
int	db_list_set_state(struct db *, const char *campaign, const char *name,
	    const char *state, const char *by);

/* 0 added, 1 already in the list, -1 error. */
int	db_record_add(struct db *, int64_t list_id, int line, const char *phone,
	    const char *name, const char *tz, const char *fields);
/* The id of the record db_record_add() just added. */
int64_t	db_record_last_id(struct db *);
/* Open records of the campaign's active lists due at now_ms, counted up
 * to at most limit. */
int	db_records_due_count(struct db *, const char *campaign, int64_t now_ms,
	    int limit);
/* The record's custom fields (JSON object text, caller frees), or NULL. */
char	*db_record_fields(struct db *, int64_t id);
/* 1 found, 0 not, -1 error. */
int	db_record_get(struct db *, int64_t id, struct camp_record *);
/* Calls fn for each open record of the campaign's active lists due at
 * now_ms, until fn returns 1: lists by priority (then the older list),
 * in each the longest due first. At most 256 lists are read. */
int	db_records_due(struct db *, const char *campaign, int64_t now_ms,
	    int (*fn)(const struct camp_record *, void *), void *arg);
/* The earliest retry time after now_ms of an open record in an active
 * list of a running campaign; 0 if none. */
int64_t	db_records_next_due(struct db *, int64_t now_ms);
/* Records left dialing or in preview (a core stopped) open again. */
int	db_records_undial(struct db *);
int	db_record_update(struct db *, int64_t id, const char *state,
	    int attempts, int64_t next_at_ms, const char *last_outcome);
int	db_attempt_add(struct db *, int64_t record_id, int64_t ms,
	    const char *outcome, int cause, const char *agent,
	    const char *disposition);

/* The campaign's lists with their counts, appended to out (a JSON array):
 * name, priority, state, records, open, done. */
int	db_campaign_lists(struct db *, const char *campaign, json_t *out);
/* The record's last attempt: its call (the CDR's call_id), the AMD
 * verdict (NULL: none), the ms from the answer to the end of the
 * greeting and to the abandon message (-1: none). */
int	db_attempt_note(struct db *, int64_t record_id, const char *call_id,
	    const char *amd, int64_t greeting_ms, int64_t message_ms);
/* Sets the disposition of the record's last attempt. */
int	db_attempt_dispose(struct db *, int64_t record_id, const char *code);
/* Attempts of the campaign whose disposition is one of CODES. */
int	db_campaign_successes(struct db *, const char *campaign,
	    const char *const *codes, int n);
/* The campaign's attempts with a result, and those answered: 0 or -1. */
int	db_campaign_attempts(struct db *, const char *campaign, int *attempts,
	    int *answered);
/* Calls fn for each live answer (outcome answered or abandoned) of the
 * campaign since since_ms, oldest first: the abandon windows at start. */
int	db_campaign_live_answers(struct db *, const char *campaign,
	    int64_t since_ms, void (*fn)(int64_t ms, int abandoned, void *),
	    void *arg);

/* The campaign's live answers (answered or abandoned) since since_ms,
 * and of them abandoned (no agent within 2 s): 0 or -1. */
int	db_campaign_abandons(struct db *, const char *campaign, int64_t since_ms,
	    int *live, int *abandoned);
/* Calls fn for each machine verdict of the detector (attempts with
 * outcome machine) since since_ms, oldest first, saying whether it was
 * by initial silence: the estimate of false positives at start. */
int	db_campaign_machines(struct db *, const char *campaign,
	    int64_t since_ms, void (*fn)(int64_t ms, int initial_silence,
	    void *), void *arg);

/* Do-not-call; client NULL or "" = the global list. */
int	db_dnc_add(struct db *, const char *number, const char *client,
	    const char *source, const char *by, int64_t ms);	/* 1 new */
int	db_dnc_remove(struct db *, const char *number, const char *client);
/* 0 not listed, 1 on the global list, 2 on the client's. */
int	db_dnc_blocked(struct db *, const char *number, const char *client);

/* One transaction around a batch (an import). */
int	db_tx_begin(struct db *);
int	db_tx_commit(struct db *);
void	db_tx_rollback(struct db *);

#endif
