/* sink.h: the routing layer's one way up to the clients. Routing modules
 * (acd, agent, queue, transfer, ...) tell agents' consoles and watchers
 * what happened through these; the sessions layer registers what they do
 * (notify.c, conn.c) once at start, in hooks.c. */
#ifndef CZ_SINK_H
#define CZ_SINK_H

#include <jansson.h>

struct agent;
struct conn;
struct queue;

struct sink_hooks {
	/* An event to an agent's console (stolen; dropped if none). */
	void	(*to_agent)(struct agent *, json_t *ev);
	/* An event to the subscribed supervisors (stolen). */
	void	(*watchers)(json_t *ev);
	/* The agent's state changed: its console and the watchers see it. */
	void	(*state_changed)(struct agent *);
	/* A queue's waiting line changed: its agents' consoles see it. */
	void	(*queue_waiting)(const struct queue *);
	/* The session no longer speaks for its agent (logout). */
	void	(*detach)(struct conn *);
	/* Another login took the agent over: this session is told and
	 * closed. */
	void	(*replaced)(struct conn *);
};
void	sink_set_hooks(const struct sink_hooks *);

void	sink_agent(struct agent *, json_t *ev);		/* steals ev */
void	sink_watchers(json_t *ev);			/* steals ev */
void	sink_agent_state(struct agent *);
void	sink_queue_waiting(const struct queue *);
void	sink_detach(struct conn *);
void	sink_replaced(struct conn *);

#endif
