/* db.h: the core's SQLite store: schema (data/schema.sql) upgraded in place
 * at open, WAL mode, one CDR per finished call and an append-only event
 * table that every statistic is computed from. Every write is its own
 * committed transaction, or in batch (the core's loop) the loop pass's
 * one transaction, committed before anything the pass did is told to the
 * outside (db.c), so a finished call survives SIGKILL of the core; a call
 * in progress and an agent's session are stored from their start, and
 * closed by the next start if the core dies (db-recover.c). */
#ifndef CZ_DB_H
#define CZ_DB_H

#include <stddef.h>
#include <stdint.h>
#include <jansson.h>

struct db;

#define DB_SCHEMA_VERSION	9	/* the highest step in data/schema.sql */

/* Opens (creating if needed) and upgrades the schema to DB_SCHEMA_VERSION.
 * NULL with a message in err on failure; a database from a newer Centrala
 * is refused, never modified. */
struct db	*db_open(const char *path, char *err, size_t errlen);
void		 db_close(struct db *);
/* The core's WAL checkpoints on a thread of their own (db-checkpoint.c);
 * stop before db_close. */
int		 db_checkpointer_start(struct db *, const char *path, char *err,
		    size_t errlen);
void		 db_checkpointer_stop(struct db *);
int		 db_schema_version(struct db *);
const char	*db_last_error(struct db *);

/* Who cleared a call. */
#define DB_CLEARED_NETWORK	"network"	/* the far end (caller/called) */
#define DB_CLEARED_AGENT	"agent"
#define DB_CLEARED_CORE		"core"		/* us: routing, shutdown, restart */
#define DB_CLEARED_LINK		"link"		/* layer 1/2 lost */

struct cdr {
	const char	*call_id;	/* unique, e.g. "c000001a2b3c" */
	const char	*direction;	/* "in" or "out" */
	int64_t		 start_ms;	/* SETUP seen/sent, epoch ms */
	int64_t		 answer_ms;	/* CONNECT, 0 = never */
	int64_t		 end_ms;
	const char	*cli;		/* caller's number, "" if withheld */
	const char	*dnis;		/* called number */
	const char	*span;
	int		 channel;	/* timeslot 1-31, 0 = none */
	const char	*route;		/* e.g. "queue:sales", "" = unrouted */
	const char	*queue;		/* "" = none */
	const char	*agent;		/* agent id who talked, "" = none */
	int64_t		 queue_enter_ms; /* 0 = never queued */
	int64_t		 agent_answer_ms; /* agent accepted, 0 = never */
	int		 wait_ms;	/* in queue until agent answer or end */
	int		 talk_ms;	/* agent answer to end */
	int		 cause;		/* Q.850 clearing cause */
	const char	*cleared_by;	/* DB_CLEARED_* */
	const char	*reason;	/* free text: "caller hung up", "restart" */
	const char	*ivr;		/* menus walked, "main>1>account" */
	const char	*vars;		/* JSON object: choices, digits */
	int		 hold_ms;	/* time the caller spent on hold */
	const char	*parent;	/* the call a callback serves, or NULL */
};
int	db_cdr_insert(struct db *, const struct cdr *);

/* No record lost, whatever stops the core (db-recover.c). A call is
 * stored from its SETUP or dial (call_id, direction, start_ms, cli, dnis,
 * span, channel and parent of the cdr given); writing its CDR removes it,
 * in the same transaction. An agent's session is a row from login to
 * logout. */
int	db_call_open(struct db *, const struct cdr *);
int	db_session_open(struct db *, const char *agent, int64_t login_ms);
int	db_session_close(struct db *, const char *agent, int64_t logout_ms,
	    const char *cause);

/* The heartbeat: one row the core updates every period_ms, so that the
 * next start knows when it was last alive. */
#define DB_HEARTBEAT_MS		2000
int	db_heartbeat_start(struct db *, int64_t now_ms, int pid, int period_ms);
int	db_heartbeat(struct db *, int64_t now_ms);
int	db_heartbeat_stop(struct db *, int64_t now_ms);

/* What an earlier process left open (calls, sessions, recordings), closed
 * at the time it was last alive (heartbeat or its last row, the later):
 * CDRs with cause 41 cleared by the core, call_end, agent_state
 * logged_out and agent_logout events, all with DB_REASON_STOPPED, in one
 * transaction. Run it at start, holding the state directory's lock. */
#define DB_REASON_STOPPED	"core stopped"
#define DB_CAUSE_STOPPED	41	/* Q.850 temporary failure */
struct db_recovery {
	int64_t	at_ms;		/* when the earlier process was last alive */
	int	calls, sessions, recordings;
};
int	db_recover(struct db *, struct db_recovery *);

/* Event kinds (docs/STATISTICS.md gives their meaning). */
#define EV_CALL_START		"call_start"
#define EV_CALL_ROUTED		"call_routed"
#define EV_QUEUE_ENTER		"queue_enter"
#define EV_OFFER		"offer"
#define EV_OFFER_REJECT		"offer_reject"
#define EV_OFFER_TIMEOUT	"offer_timeout"
#define EV_OFFER_CANCEL		"offer_cancel"
#define EV_AGENT_ANSWER		"answer"
#define EV_ABANDON		"abandon"
#define EV_TRANSFER		"transfer"	/* detail: mode (blind, consult), to */
#define EV_CONSULT		"consult"	/* detail: mode (start, cancel, conference) */
#define EV_CALL_END		"call_end"
#define EV_AGENT_LOGIN		"agent_login"
#define EV_AGENT_STATE		"agent_state"
#define EV_AGENT_LOGOUT		"agent_logout"
#define EV_SPAN_STATE		"span_state"
#define EV_QUEUE_EXIT		"queue_exit"	/* state: "overflow" or "hangup" */
#define EV_AUDIO		"audio"		/* state: "failed" or "ok" */
#define EV_IVR			"ivr"		/* detail: menu, key or digits */
#define EV_HOLD			"hold"
#define EV_RETRIEVE		"retrieve"
#define EV_RECORD		"record"	/* state: start, pause, resume, stop, failed */
#define EV_MONITOR		"monitor"	/* state: listen, whisper, barge, stop */
#define EV_VOICEMAIL		"voicemail"
#define EV_CALLBACK		"callback"	/* state: requested, queued, dialing,
						   connected, attempt_failed, failed */
#define EV_ANNOUNCE		"announce"	/* detail: position, ewt_s */
#define EV_BLOCKED		"blocked"	/* SETUP refused, no free channel;
						   detail: span, cli, dnis */

struct db_event {
	int64_t		 ts_ms;
	const char	*kind;		/* EV_* */
	const char	*call_id;	/* NULL = none */
	const char	*agent;		/* NULL = none */
	const char	*queue;		/* NULL = none */
	const char	*state;		/* agent state or span state, NULL = none */
	const char	*detail;	/* JSON object text or NULL */
};
int	db_event_add(struct db *, const struct db_event *);

/* Calls fn for each event at or after since_ms, in order. -1 on error. */
int	db_events_since(struct db *, int64_t since_ms,
	    void (*fn)(const struct db_event *, void *), void *arg);

/* PIN overrides set by admins (ctl set-pin); hash only. Returns a malloc'd
 * hash or NULL when none is stored. */
char	*db_pin_get(struct db *, const char *who);
/* 1 and *hash (malloc'd) when an override is stored, 0 when none, -1 when
 * it cannot be read: logins then fail closed. */
int	 db_pin_lookup(struct db *, const char *who, char **hash);
int	 db_pin_set(struct db *, const char *who, const char *hash);

/* Recordings (db-media.c). db_recording_add returns the row id, -1 on
 * error; db_recording_end closes it with its status ("ok", "failed"). */
struct db_recording {
	const char	*call_id, *path, *format, *why, *agent, *queue;
	int64_t		 start_ms;
};
int64_t	db_recording_add(struct db *, const struct db_recording *);
int	db_recording_end(struct db *, int64_t id, int64_t end_ms,
	    int64_t paused_ms, const char *status, const char *error);
struct db_voicemail {
	const char	*call_id, *box, *cli, *path, *error;
	int64_t		 start_ms, duration_ms;
};
int	db_voicemail_add(struct db *, const struct db_voicemail *);

/* Callbacks (db-callback.c): requests that keep a caller's place in
 * line. db_callback_add returns the row id, -1 on error. */
struct db_callback {
	int64_t		 id;
	const char	*parent, *number, *cli, *queue, *state, *agent;
	const char	*for_agent, *note;	/* scheduled by an agent */
	int		 priority, attempts, last_cause;
	int64_t		 requested_ms, place_ms, last_ms, due_ms;
};
int64_t	db_callback_add(struct db *, const struct db_callback *);
/* Writes attempts, last_ms, last_cause, state and agent of row cb->id. */
int	db_callback_update(struct db *, const struct db_callback *);
/* Calls fn for each callback still waiting, oldest place first. */
int	db_callbacks_waiting(struct db *,
	    void (*fn)(const struct db_callback *, void *), void *arg);

/* Customers and contacts (db-customer.c). */
struct db_customer {
	int64_t		 id;		/* 0: a new one */
	const char	*name, *company, *phone, *phone2, *email;
	const char	*fields;	/* JSON object text, or NULL */
};
struct db_contact {
	const char	*call_id, *agent, *queue, *direction, *number;
	int64_t		 customer_id, start_ms;
};
/* The last nine digits of NUMBER: how customers are matched. */
void	 db_phone_key(const char *number, char *key, size_t len);
/* The customer with this number: id, 0 when none, -1 on error. */
int64_t	 db_customer_by_phone(struct db *, const char *number);
/* {id,name,company,phone,phone2,email,fields[,history]} or NULL; history
 * holds up to HISTORY contacts, newest first, but not the call SKIP. */
json_t	*db_customer_get(struct db *, int64_t id, int history,
	    const char *skip);
/* "#ID", digits in a number, or a piece of a name or company. */
json_t	*db_customer_search(struct db *, const char *query, int max);
/* Inserts (id 0) or updates: the id, 0 when no such customer, -1. */
int64_t	 db_customer_save(struct db *, const struct db_customer *);
int	 db_contact_open(struct db *, const struct db_contact *);
int	 db_contact_set(struct db *, const char *call_id, const char *agent,
	    const char *column, const char *value);
/* {note, disposition, customer, agent, queue, number} of AGENT's contact
 * for a call (NULL agent: the latest of any agent), or NULL. */
json_t	*db_contact_get(struct db *, const char *call_id, const char *agent);

/* Personal data (db-privacy.c). A customer's records are the customer,
 * contacts linked to them, and every call, recording, voicemail, callback
 * and campaign record/attempt of their numbers (matched by db_phone_key).
 * Export: one JSON object of them all, NULL when no such customer. */
json_t	*db_privacy_export(struct db *, int64_t id);
/* Erase in one transaction (the pass's batch is committed first): rows
 * deleted, CDRs kept with the customer's number replaced by "erased",
 * events' details scrubbed of their numbers and names, one erasures row
 * written; then the freed pages are wiped and the WAL truncated. *counts
 * gets the counts, *files the paths (relative to the state directory) of
 * the recordings and voicemail files, for the caller to delete after.
 * 1 done, 0 no such customer, -1 error (nothing changed). */
int	 db_privacy_erase(struct db *, int64_t id, const char *who,
	    json_t **counts, json_t **files);

/* Retention (db-retention.c): deletes up to LIMIT of the oldest rows of
 * KIND ("recordings", "voicemail", "cdr", "events", "callbacks",
 * "attempts", "customers_idle": customers not updated nor contacted
 * since, with their contacts) from before BEFORE_MS, in the batch's
 * transaction; the paths (relative to the state directory) of the files
 * of deleted rows are appended to FILES. The number deleted, or -1. */
int	 db_retention_batch(struct db *, const char *kind, int64_t before_ms,
	    int limit, json_t *files);

/* Batch (the core's loop, db.c): every write joins one transaction, opened
 * by the first write and ended by db_commit(), which the loop calls once
 * per pass before it releases the pass's output. Turning batch off
 * commits. db_commit returns -1 (logged as an error) when the
 * transaction's writes were lost; db_pending counts them until then. */
void	db_set_batch(struct db *, int on);
/* A unit of writes kept whole: its own transaction outside batch, a
 * savepoint in the pass's transaction in batch (db.c). */
int	db_unit_begin(struct db *);
int	db_unit_commit(struct db *);
void	db_unit_rollback(struct db *);
int	db_commit(struct db *);
int	db_pending(struct db *);

/* Counts for tests and status: rows in cdr, events, pins, meta,
 * calls_open, sessions... (any other name is refused). -1 on error. */
int64_t	db_count(struct db *, const char *table);

/* For tests: make the Nth following SQLite step fail as a disk I/O error
 * would (0 = never). Every step counts, db_open's included. */
void	db_fail_after(int n);
/* For tests: make the Nth following COMMIT of a batch fail (0 = never). */
void	db_fail_commit_after(int n);

#endif
