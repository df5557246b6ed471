/* route.h: where a call goes: an inbound call by its called number (DNIS
 * -> DID -> action), and any call by an action (lib/action.h) when an IVR
 * choice or a queue's exit sends it on. */
#ifndef CZ_ROUTE_H
#define CZ_ROUTE_H

struct action;
struct call;
struct queue;

/* Returns 0 when routed, else the Q.850 cause to refuse the call with. */
int	route_inbound(struct call *);
/* Sends the call where ACTION (parsed at config load) says. Before the
 * call is answered it may be refused: the cause is returned and the caller
 * of this refuses it; after, every failure clears the call here and 0 is
 * returned. */
int	route_action(struct call *, const struct action *);
/* The queue an overflow exit of FROM (queue:NAME) sends callers to: another
 * queue still in service, else NULL. */
struct queue *route_exit_queue(const struct queue *from, const struct action *);
/* Answers the call if it has not been yet. */
void	route_answer(struct call *);

#endif
