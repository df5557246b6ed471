/* acd-index.h: what the ACD knows without rescanning: the ready agents of
 * each queue and the waiting calls of each queue in the order they are
 * served, with what changed since the last pass. A pass then decides only
 * for what changed: an agent got ready (the first waiting call, across its
 * queues, it may take), a call arrived or came back (the agents of its
 * queue), a widening step or max wait fell due (one deadline heap). */
#ifndef CZ_ACD_INDEX_H
#define CZ_ACD_INDEX_H

#include <stdint.h>
#include "acd-route.h"

struct call;
struct agent;

/* Hooks from the owners of the state the index mirrors. */
void		acd_index_stale(void);		/* agents or queues reloaded */
void		acd_index_agent(struct agent *);	/* state or call changed */
void		acd_index_enter(struct call *);	/* joined call->queue */
void		acd_index_leave(struct call *);	/* leaving call->queue */
void		acd_index_requeued(struct call *);	/* waits again (offer over) */

/* One routing pass over what changed; decisions through ops. Returns how
 * many calls it looked at. */
int		acd_index_pass(const struct acd_ops *);
uint64_t	acd_index_next_due(void);	/* mono us, 0 = none */
void		acd_index_free(void);

#endif
