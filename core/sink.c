/* sink.c: the routing layer's calls up to the sessions layer, through the
 * hooks that layer registered at start (sink.h). */
#include <stddef.h>
#include "sink.h"

static const struct sink_hooks *sink_hooks;

void
sink_set_hooks(const struct sink_hooks *h)
{
	sink_hooks = h;
}

void
sink_agent(struct agent *a, json_t *ev)
{
	sink_hooks->to_agent(a, ev);
}

void
sink_watchers(json_t *ev)
{
	sink_hooks->watchers(ev);
}

void
sink_agent_state(struct agent *a)
{
	sink_hooks->state_changed(a);
}

void
sink_queue_waiting(const struct queue *q)
{
	sink_hooks->queue_waiting(q);
}

void
sink_detach(struct conn *c)
{
	sink_hooks->detach(c);
}

void
sink_replaced(struct conn *c)
{
	sink_hooks->replaced(c);
}
