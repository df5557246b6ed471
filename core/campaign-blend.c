/* campaign-blend.c: blending (docs/DIALER.md, "Blending"): agents who
 * work a campaign and inbound queues at once. Inbound comes first by
 * config: the dialer paces around the agents inbound needs now (the
 * callers waiting in the queues of the campaign's agents, plus the
 * campaign's inbound_reserve), and an answered predictive call waits
 * behind those callers (inbound_priority = yes) or is served before the
 * ACD's pass (no). Also who works a campaign. Reads agents and queues;
 * owns no state but the log's memory (kept_logged). */
#include <string.h>
#include "agent.h"
#include "call.h"
#include "campaign.h"
#include "log.h"
#include "queue.h"

/* Who works a campaign: named in it, or in one of its queues. */
int
campaign_agent_works(const struct campaign *c, const struct agent *a)
{
	const struct cfg_campaign *cc = c->cfg;

	for (int i = 0; i < cc->nagents; i++)
		if (strcmp(cc->agents[i], a->id) == 0)
			return 1;
	for (int i = 0; i < cc->nqueues; i++)
		if (agent_in_queue(a, cc->queues[i]))
			return 1;
	return 0;
}

/* Callers waiting in Q who still need an agent (not being offered). */
static int
blend_queue_waiting(const struct queue *q)
{
	const struct call	*call;
	int			 n = 0;

	if (q->removed || q->nwaiting == 0)
		return 0;
	TAILQ_FOREACH(call, &q->waiting, qentry)
		n += call->state == CALL_QUEUED;
	return n;
}

int
campaign_inbound_need(const struct campaign *c)
{
	int	need = c->cfg->inbound_reserve;

	for (const struct queue *q = queues; q != NULL; q = q->next) {
		const struct agent	*a;
		int			 n = blend_queue_waiting(q);

		if (n == 0)	/* the usual case: nobody to look for */
			continue;
		for (a = agents; a != NULL; a = a->next)
			if (a->state != AGENT_LOGGED_OUT &&
			    agent_in_queue(a, q->name) &&
			    campaign_agent_works(c, a))
				break;
		if (a != NULL)
			need += n;
	}
	return need;
}

int
campaign_inbound_waiting(const struct campaign *c, const struct agent *a)
{
	if (!c->cfg->inbound_priority)
		return 0;
	for (const struct queue *q = queues; q != NULL; q = q->next)
		if (agent_in_queue(a, q->name) && blend_queue_waiting(q) > 0)
			return 1;
	return 0;
}

/* The core logs (debug) when it keeps agents, once per change. */
int
campaign_dial_room(struct campaign *c, int free_agents)
{
	int	room = free_agents - campaign_inbound_need(c);

	if (room < 0)
		room = 0;
	if (room < free_agents && c->kept_logged != free_agents * 1000 + room)
		log_debug("campaign %s: %d agents free, %d kept for inbound",
		    c->name, free_agents, free_agents - room);
	c->kept_logged = free_agents * 1000 + room;
	return room;
}
