/* notify.h: events pushed to clients as things happen. */
#ifndef CZ_NOTIFY_H
#define CZ_NOTIFY_H

#include <jansson.h>

struct agent;
struct call;
struct span;
struct queue;

void	notify_agent(struct agent *, json_t *ev);	/* steals ev */
void	notify_watchers(json_t *ev);			/* steals ev */
void	notify_all(json_t *ev);				/* steals ev */
void	notify_agent_state(struct agent *);
void	notify_call_state(struct call *);
void	notify_span_state(struct span *);
void	notify_queue_waiting(const struct queue *);

#endif
