/* scope.c: what a supervisor limited to some clients may see (scope.h).
 * Requests are checked against it by the dispatcher (cmd-target.c); each
 * event to watchers by notify.c, for the few limited subscribers only:
 * the others share the one copy of every event (fanout.c). */
#include <string.h>
#include "agent.h"
#include "call.h"
#include "campaign.h"
#include "config.h"
#include "conn.h"
#include "core.h"
#include "log.h"
#include "scope.h"

const struct cfg_user *
scope_user(const struct conn *c)
{
	const struct cfg_user *u;

	if (c->role != ROLE_SUPERVISOR || c->user == NULL)
		return NULL;
	u = config_find_user(core.cfg, c->user);
	return u != NULL && u->nclients > 0 ? u : NULL;
}

int
scope_client(const struct cfg_user *u, const char *client)
{
	for (int i = 0; client != NULL && i < u->nclients; i++)
		if (strcmp(u->clients[i], client) == 0)
			return 1;
	return 0;
}

int
scope_queue_name(const struct cfg_user *u, const char *name)
{
	const struct cfg_queue *q = config_find_queue(core.cfg, name);

	return q != NULL && scope_client(u, q->client);
}

int
scope_agent(const struct cfg_user *u, const struct agent *a)
{
	const struct cfg_agent *ca = config_find_agent(core.cfg, a->id);

	for (int i = 0; ca != NULL && i < ca->nqueues; i++)
		if (scope_queue_name(u, ca->queues[i]))
			return 1;
	return 0;
}

/* Its queue's client, else its DID's; a call in neither (an agent's own
 * outbound call) is its agent's. */
int
scope_call(const struct cfg_user *u, const struct call *c)
{
	const struct cfg_did *d = config_find_did(core.cfg, c->dnis);

	if (c->queue_name != NULL && scope_queue_name(u, c->queue_name))
		return 1;
	if (d != NULL && d->client[0] != '\0')
		return scope_client(u, d->client);
	return c->queue_name == NULL && c->agent != NULL &&
	    scope_agent(u, c->agent);
}

/* An event's subject, by the field naming it: looked up as it is now (a
 * call still ending is still found). One that is gone is nobody's. */
static int
scope_ev_call(const struct cfg_user *u, const char *id)
{
	const struct call *c = call_find(id);

	return c != NULL && scope_call(u, c);
}

static int
scope_ev_agent(const struct cfg_user *u, const char *id)
{
	const struct agent *a = agent_find(id);

	return a != NULL && scope_agent(u, a);
}

static int
scope_ev_campaign(const struct cfg_user *u, const char *name)
{
	const struct campaign *c = campaign_find(name);

	return c != NULL && scope_client(u, c->client);
}

/* A headset's owner (endpoint.c): "agent ID" is that agent's, "user
 * NAME" only that user's own. */
static int
scope_ev_owner(const struct cfg_user *u, const char *owner)
{
	if (strncmp(owner, "agent ", 6) == 0)
		return scope_ev_agent(u, owner + 6);
	return strncmp(owner, "user ", 5) == 0 && strcmp(owner + 5,
	    u->name) == 0;
}

/* The fields naming an event's subject, in the order they decide: a
 * call_state names its call first, then its queue and agent. */
static const struct {
	const char	*field;
	int		(*sees)(const struct cfg_user *, const char *);
} scope_subjects[] = {
	{ "call", scope_ev_call },
	{ "agent", scope_ev_agent },
	{ "queue", scope_queue_name },
	{ "campaign", scope_ev_campaign },
	{ "client", scope_client },
	{ "owner", scope_ev_owner },
};

int
scope_event(const struct cfg_user *u, json_t *ev)
{
	const char *v;

	for (size_t i = 0; i < sizeof scope_subjects / sizeof *scope_subjects;
	    i++) {
		json_t *f = json_object_get(ev, scope_subjects[i].field);

		if (f == NULL || json_is_null(f))
			continue;
		if ((v = json_string_value(f)) == NULL)
			return 0;	/* a subject not named by a string */
		return scope_subjects[i].sees(u, v);
	}
	return 1;
}

void
scope_subscribe(struct conn *c)
{
	conn_subscribe(c, scope_user(c) != NULL ? CONN_SUB_OWN :
	    CONN_SUB_STREAM);
}

/* A supervisor's or admin's session whose [user] section the reload
 * removed, or whose role it changed: it would keep rights nobody gives it
 * now (without its section, scope_user would take it for unlimited). The
 * core's own Unix user's login ("local") has no section. */
static int
scope_user_gone(const struct conn *c)
{
	const struct cfg_user *u;

	if ((c->role != ROLE_SUPERVISOR && c->role != ROLE_ADMIN) ||
	    c->user == NULL)
		return 0;
	if (c->role == ROLE_ADMIN && strcmp(c->user, "local") == 0 &&
	    (c->uid == core.uid || c->uid == 0))
		return 0;
	u = config_find_user(core.cfg, c->user);
	return u == NULL ||
	    (u->role == CFG_ROLE_ADMIN) != (c->role == ROLE_ADMIN);
}

static void
scope_close(struct conn *c)
{
	const char	*why = "user removed or given another role";
	json_t		*ev = proto_event("session_closed");

	json_object_set_new(ev, "reason", json_string(why));
	conn_send(c, ev);
	conn_close(c, why);
}

void
scope_reloaded(void)
{
	for (struct conn *c = conns; c != NULL; c = c->next) {
		if (c->dead)
			continue;
		if (scope_user_gone(c)) {
			log_warn("user %s: removed or given another role by "
			    "the reload: session closed", c->user);
			scope_close(c);
		} else if (c->subscribed || c->sub_own)
			scope_subscribe(c);
	}
}
