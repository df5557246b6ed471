/* scope.h: what a supervisor limited to some clients ([user] clients =)
 * may see: the one rule for requests (cmd-target.c), status and reports,
 * and the events of a subscription (notify.c). */
#ifndef CZ_SCOPE_H
#define CZ_SCOPE_H

#include <jansson.h>

struct agent;
struct call;
struct cfg_user;
struct conn;

/* The session's user if it is a supervisor limited to some clients, else
 * NULL: agents' sessions, admins and unlimited supervisors see all. */
const struct cfg_user *scope_user(const struct conn *);

/* Whether the limited user U sees it. A client's queues; the agents in
 * any of them; a call by its queue, else its DID, else (an agent's own
 * outbound call) its agent. */
int	scope_client(const struct cfg_user *u, const char *client);
int	scope_queue_name(const struct cfg_user *u, const char *name);
int	scope_agent(const struct cfg_user *u, const struct agent *);
int	scope_call(const struct cfg_user *u, const struct call *);

/* Whether an event to watchers is about one of U's clients: its first
 * subject field (scope.c's table) decides; one naming no subject (a
 * span's state, shutdown) is everyone's. */
int	scope_event(const struct cfg_user *u, json_t *ev);

/* Subscribes C the way its scope asks: an unlimited session to the one
 * shared stream (conn_broadcast), a limited one to events of its own,
 * each checked with scope_event (notify.c). */
void	scope_subscribe(struct conn *);
/* After a reload (a user's clients may have changed): every subscriber
 * moved to the way its scope now asks; a session whose [user] is gone or
 * has another role is closed (session_closed). */
void	scope_reloaded(void);

#endif
