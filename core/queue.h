/* queue.h: runtime queues: each a waiting line of calls, in arrival order. */
#ifndef CZ_QUEUE_H
#define CZ_QUEUE_H

#include <stdint.h>
#include "call.h"
#include "config.h"
#include "skill.h"
#include "hours.h"

struct queue {
	char			*name;
	const struct cfg_queue	*cfg;		/* re-pointed on reload */
	int			 removed;	/* gone from the config */
	struct call_list	 waiting;	/* queued and offered calls */
	int			 nwaiting;
	unsigned		 offered, answered, abandoned;	/* since start */
	struct skillset		 need;		/* parsed from cfg->skills */
	struct widen		 widen;
	struct hours		 hours;
	int			 rr_last;	/* round robin memory: an order */
	int			 slot;		/* creation order, never reused */
	struct queue		*next;
};

extern struct queue *queues;

/* What the layers above keep in step with the queues, registered once at
 * start (hooks.c): queue.c calls nothing above itself. */
struct queue_hooks {
	void	(*entered)(struct call *);	/* the ACD's index follows */
	void	(*left)(struct call *);
	void	(*stale)(void);			/* the set of queues changed */
	void	(*freed)(void);			/* every queue is gone */
	/* A caller starts waiting (announcements, a callback offer), or
	 * stops. */
	void	(*waiting)(struct call *);
	void	(*done_waiting)(struct call *);
};
void		 queue_set_hooks(const struct queue_hooks *);

void		 queue_sync(const struct config *);	/* create/update from config */
void		 queue_free_all(void);
struct queue	*queue_find(const char *name);
/* A queue's service level threshold in seconds (20 if unknown); ARG unused
 * (the statistics' callback, evlog_open). */
int		 queue_sl_target(const char *name, void *arg);
/* The queue's own counters and round-robin memory, written here only
 * (the last one inline: the ACD's pure rules, acd-route.c, are linked
 * without queue.c in the replay test). */
void		 queue_count_answered(struct queue *);
void		 queue_count_abandoned(struct queue *);
static inline void
queue_set_rr_last(struct queue *q, int order)
{
	q->rr_last = order;
}
void		 queue_enter(struct queue *, struct call *);
void		 queue_leave(struct call *);
/* The caller leaves by the queue's exit rule (max_wait, max_len): to
 * another queue (overflow) or to be cleared (hangup). Recorded. */
void		 queue_exit(struct call *, const char *why, struct queue *to);
int		 queue_longest_wait_s(const struct queue *);
/* A waiting caller's place in line (1 = next) and estimated wait in
 * seconds (-1: unknown, nobody staffed): docs/STATISTICS.md. */
int		 queue_position(const struct call *);
int		 queue_ewt_s(const struct call *);

#endif
