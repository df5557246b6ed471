/* callback.h: callbacks that keep the caller's place in line (virtual
 * hold). A confirmed request is stored (the callbacks table) and waits in
 * its queue as a call with no channel, at the place the caller had. When
 * the ACD offers it and an agent accepts, the core dials the caller with
 * the agent on the line (agent first: the caller never waits again). A
 * busy or unanswered number is tried again after the queue's
 * callback_retry, callback_attempts times in all. */
#ifndef CZ_CALLBACK_H
#define CZ_CALLBACK_H

#include <jansson.h>

struct call;
struct agent;
struct queue;

/* The caller on CALL asks to be called back at NUMBER from Q: the request
 * is stored, the call leaves its queue (a callback, not an abandon) and a
 * callback waits in Q at the caller's place. 0, or -1 when it could not
 * be stored (the caller is told nothing was promised). */
int	 callback_request(struct call *, struct queue *, const char *number);
/* An agent schedules a callback: NUMBER is called from Q at DUE_MS (a
 * wall-clock time), by FOR_AGENT alone when given (the queue's agents if
 * that agent is gone). The row id, or -1. */
int64_t	 callback_schedule(const char *number, struct queue *, int64_t due_ms,
	    const char *for_agent, const char *note, const char *by);
/* The ACD's offer of a callback was accepted: dial the caller. */
void	 callback_accepted(struct agent *, struct call *);
/* The caller answered: the agent talks to them. */
void	 callback_answered(struct call *);
/* From call_end: an attempt ended (retry or give up), or a waiting
 * callback left memory. */
void	 callback_call_end(struct call *, int cause);
/* At start: the requests still waiting in the database queue again. */
void	 callback_restore(void);
/* Stopping: waiting callbacks leave memory; they stay stored. */
void	 callback_suspend_all(void);
/* {"number", "attempt", "requested_ms", "parent", "note", "due_ms",
 * "for_agent"} for offers and status. */
json_t	*callback_json(const struct call *);

#endif
