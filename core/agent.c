/* agent.c: agents and their states (logged out, not ready with a reason,
 * ready, ringing, on call, wrap-up). Every transition goes through
 * agent_set_state(), which logs it, stores it and pushes it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <event2/event.h>
#include "acd-wake.h"
#include "agent.h"
#include "endpoint.h"
#include "media.h"
#include "call.h"
#include "cause.h"
#include "clock.h"
#include "core.h"
#include "evlog.h"
#include "log.h"
#include "sink.h"
#include "xmalloc.h"

struct agent *agents;
static struct agent_hooks agent_hooks;
static int nslots;		/* agents ever created */

static const char *agent_state_names[] = {
	"logged_out", "not_ready", "ready", "ringing", "on_call", "wrap_up"
};

const char *
agent_state_name(enum agent_state st)
{
	return agent_state_names[st];
}

struct agent *
agent_find(const char *id)
{
	for (struct agent *a = agents; a != NULL; a = a->next)
		if (strcmp(a->id, id) == 0)
			return a;
	return NULL;
}

int
agent_in_queue(const struct agent *a, const char *queue)
{
	if (a->cfg == NULL)
		return 0;
	for (int i = 0; i < a->cfg->nqueues && i < 64; i++)
		if ((a->active & (1ULL << i)) && strcmp(a->cfg->queues[i], queue) == 0)
			return 1;
	return 0;
}

/* Only queues the config gives the agent: the config says who may take
 * which calls; a login or a supervisor chooses among them. */
int
agent_set_queues(struct agent *a, const char *csv, char *why, size_t len)
{
	char		 buf[1024], *tok, *save;
	uint64_t	 mask = 0;
	int		 i;

	snprintf(buf, sizeof buf, "%s", csv);
	for (tok = strtok_r(buf, ", ", &save); tok; tok = strtok_r(NULL, ", ", &save)) {
		for (i = 0; i < a->cfg->nqueues && i < 64; i++)
			if (strcmp(a->cfg->queues[i], tok) == 0)
				break;
		if (i == a->cfg->nqueues || i == 64) {
			snprintf(why, len, "agent %s is not configured for queue "
			    "\"%.32s\"", a->id, tok);
			return -1;
		}
		mask |= 1ULL << i;
	}
	a->active = mask != 0 ? mask : ~0ULL;
	agent_hooks.indexed(a);
	acd_dispatch();
	return 0;
}

json_t *
agent_queues_json(const struct agent *a)
{
	json_t *q = json_array();

	for (int i = 0; a->cfg != NULL && i < a->cfg->nqueues && i < 64; i++)
		if (a->active & (1ULL << i))
			json_array_append_new(q, json_string(a->cfg->queues[i]));
	return q;
}

/* The wrap-up time is over: unless a disposition is still owed, the
 * after-call action. */
static void
agent_wrap_cb(evutil_socket_t fd, short what, void *arg)
{
	struct agent *a = arg;

	if (a->state != AGENT_WRAP_UP)
		return;
	a->wrap_end = 0;
	if (a->disp_call[0] != '\0')
		sink_agent_state(a);		/* wrapup_s -1: waiting */
	else
		agent_wrap_done(a);
}

int
agent_wrapup_left_s(const struct agent *a)
{
	uint64_t now = clock_mono_us();

	if (a->state != AGENT_WRAP_UP)
		return 0;
	if (a->wrap_end > now)
		return (int)((a->wrap_end - now + 999999) / 1000000);
	return a->disp_call[0] != '\0' ? -1 : 0;
}

void
agent_disposition_given(struct agent *a, const char *call)
{
	if (strcmp(a->disp_call, call) != 0)
		return;
	a->disp_call[0] = '\0';
	if (a->state == AGENT_WRAP_UP && a->wrap_end == 0)
		agent_wrap_done(a);
}

static void
agent_grace_cb(evutil_socket_t fd, short what, void *arg)
{
	struct agent *a = arg;

	if (a->conn == NULL && a->state != AGENT_LOGGED_OUT)
		agent_logout(a, "console did not come back");
}

void
agent_disconnected(struct agent *a)
{
	struct timeval tv = { core.cfg->core.agent_grace, 0 };

	a->conn = NULL;
	if (tv.tv_sec <= 0 || (a->state != AGENT_ON_CALL &&
	    a->state != AGENT_WRAP_UP)) {
		agent_logout(a, "console disconnected");
		return;
	}
	log_info("agent %s: console gone while %s; logged in for %d s more",
	    a->id, agent_state_name(a->state), (int)tv.tv_sec);
	if (a->grace_timer == NULL)
		a->grace_timer = evtimer_new(core.base, agent_grace_cb, a);
	evtimer_add(a->grace_timer, &tv);
	sink_agent_state(a);		/* supervisors see "connected": false */
}

void
agent_set_after(struct agent *a, enum agent_after after, const char *reason)
{
	a->after = after;
	free(a->after_reason);
	a->after_reason = reason != NULL ? xstrdup(reason) : NULL;
}

/* The pending after-call action, once the call and wrap-up are over. */
void
agent_wrap_done(struct agent *a)
{
	enum agent_after after = a->after;

	evtimer_del(a->wrap_timer);
	a->after = AFTER_DEFAULT;
	switch (after) {
	case AFTER_NOT_READY:
		agent_set_state(a, AGENT_NOT_READY, a->after_reason ?
		    a->after_reason : "break");
		break;
	case AFTER_LOGOUT:
		agent_logout(a, "logout after call");
		break;
	default:
		agent_set_state(a, AGENT_READY, NULL);
	}
}

void
agent_wrap_extend(struct agent *a, int seconds)
{
	uint64_t	now = clock_mono_us();
	struct timeval	tv;

	if (a->wrap_end < now)
		a->wrap_end = now;
	a->wrap_end += (uint64_t)seconds * 1000000;
	tv.tv_sec = (a->wrap_end - now) / 1000000;
	tv.tv_usec = (a->wrap_end - now) % 1000000;
	evtimer_add(a->wrap_timer, &tv);
	sink_agent_state(a);
}

/* New agents from the config are created logged out; removed ones stay
 * until they log out, but take no calls. */
void
agent_sync(const struct config *cfg)
{
	struct agent	**tail = &agents;
	char		  why[256];

	for (struct agent *a = agents; a != NULL; a = a->next) {
		a->removed = 1;
		a->cfg = NULL;
		tail = &a->next;
	}
	for (int i = 0; i < cfg->nagents; i++) {
		const struct cfg_agent	*ca = &cfg->agents[i];
		struct agent		*a = agent_find(ca->id);

		if (a == NULL) {
			a = xcalloc(1, sizeof *a);
			a->slot = nslots++;
			a->id = xstrdup(ca->id);
			a->state = AGENT_LOGGED_OUT;
			a->wrap_timer = evtimer_new(core.base, agent_wrap_cb, a);
			*tail = a;
			tail = &a->next;
		}
		free(a->name);
		a->name = xstrdup(ca->name);
		a->cfg = ca;
		a->removed = 0;
		a->order = i;
		a->active = ~0ULL;	/* a reload resets to all configured queues */
		skill_parse(ca->skills, &a->skills, why, sizeof why);
	}
	agent_hooks.stale();
}

void
agent_free_all(void)
{
	struct agent *a, *next;

	for (a = agents; a != NULL; a = next) {
		next = a->next;
		event_free(a->wrap_timer);
		if (a->grace_timer != NULL)
			event_free(a->grace_timer);
		free(a->after_reason);
		free(a->id);
		free(a->name);
		free(a->reason);
		free(a->help_text);
		free(a);
	}
	agents = NULL;
}

void
agent_set_state(struct agent *a, enum agent_state st, const char *reason)
{
	struct db_event	 ev = {
		.ts_ms = clock_wall_ms(), .kind = EV_AGENT_STATE, .agent = a->id,
		.state = agent_state_name(st),
		.call_id = a->call != NULL ? a->call->id : NULL,
	};
	enum agent_state old = a->state;
	uint64_t	 now = clock_mono_us(), since = a->state_since;

	if (a->state == st && (reason == NULL || (a->reason != NULL &&
	    strcmp(reason, a->reason) == 0))) {
		agent_hooks.indexed(a);
		return;
	}
	log_info("agent %s: %s -> %s%s%s", a->id, agent_state_name(a->state),
	    agent_state_name(st), reason ? " " : "", reason ? reason : "");
	if (st != AGENT_WRAP_UP)
		evtimer_del(a->wrap_timer);
	if (a->state != st)
		a->state_since = now;
	a->state = st;
	free(a->reason);
	a->reason = reason != NULL ? xstrdup(reason) : NULL;
	if (st == AGENT_READY)
		a->idle_since = clock_mono_us();
	agent_hooks.indexed(a);
	evlog_add(&ev, reason != NULL ? json_pack("{s:s}", "reason", reason) :
	    NULL);
	sink_agent_state(a);
	if (old != st && agent_hooks.left != NULL)
		agent_hooks.left(a, old, st, since != 0 && now > since ?
		    (now - since) / 1e6 : 0);
	if (st == AGENT_READY)
		acd_dispatch();
}

void
agent_set_call(struct agent *a, struct call *call)
{
	a->call = call;
	agent_hooks.indexed(a);
}

void
agent_login(struct agent *a, struct conn *c)
{
	struct db_event ev = {
		.ts_ms = clock_wall_ms(), .kind = EV_AGENT_LOGIN, .agent = a->id,
	};

	if (a->conn != NULL && a->conn != c)	/* another login takes over */
		sink_replaced(a->conn);
	a->conn = c;
	if (a->grace_timer != NULL)
		evtimer_del(a->grace_timer);
	if (a->state != AGENT_LOGGED_OUT)
		return;
	if (a->cfg->audio[0] != '\0' && a->ep == NULL) {
		char owner[64];

		snprintf(owner, sizeof owner, "agent %s", a->id);
		a->ep = endpoint_open(a->cfg->audio, owner);
	}
	evlog_add(&ev, NULL);
	db_session_open(core.db, a->id, ev.ts_ms);
	agent_set_state(a, AGENT_NOT_READY, "login");
}

void
agent_logout(struct agent *a, const char *why)
{
	struct db_event ev = {
		.ts_ms = clock_wall_ms(), .kind = EV_AGENT_LOGOUT, .agent = a->id,
	};
	struct call	*call;

	a->leaving = 1;
	TAILQ_FOREACH(call, &calls, entry)	/* transferred to a leaver */
		if (call->only_agent == a)
			call_set_only_agent(call, NULL);
	if (a->call != NULL && a->state == AGENT_RINGING)
		agent_hooks.withdraw(a->call, a, "agent-logout");
	if (a->call != NULL && a->call->consult_agent == a)
		agent_hooks.consult_gone(a->call, a);
	else if (a->call != NULL && (a->call->state == CALL_CONNECTED ||
	    a->call->state == CALL_DIALING))
		call_hangup(a->call, CAUSE_NORMAL, DB_CLEARED_AGENT, why);
	agent_set_state(a, AGENT_LOGGED_OUT, NULL);
	evlog_add(&ev, json_pack("{s:s}", "why", why));
	db_session_close(core.db, a->id, ev.ts_ms, why);
	if (a->conn != NULL)
		sink_detach(a->conn);
	a->conn = NULL;
	if (a->ep != NULL) {
		if (a->ep->call != NULL)
			media_leave(a->ep->call, a->ep);
		endpoint_close(a->ep);
		a->ep = NULL;
	}
	a->calls = 0;
	a->talk_ms = 0;
	a->leaving = 0;
	a->help = 0;
	a->disp_call[0] = '\0';
	if (a->grace_timer != NULL)
		evtimer_del(a->grace_timer);
	agent_set_after(a, AFTER_DEFAULT, NULL);
}

void
agent_call_done(struct agent *a, int wrapup)
{
	agent_set_call(a, NULL);
	if (a->state == AGENT_LOGGED_OUT || a->leaving)
		return;
	if (a->after == AFTER_READY)
		wrapup = 0;
	if (wrapup > 0 || a->disp_call[0] != '\0') {
		struct timeval tv = { wrapup, 0 };

		a->wrap_end = wrapup > 0 ? clock_mono_us() +
		    (uint64_t)wrapup * 1000000 : 0;
		agent_set_state(a, AGENT_WRAP_UP, NULL);
		if (wrapup > 0)
			evtimer_add(a->wrap_timer, &tv);
		else
			sink_agent_state(a);
	} else
		agent_wrap_done(a);
}

/* setters: owned fields of struct agent (agent_set_call is above: it
 * also tells the ACD's index) */

void
agent_set_help(struct agent *a, int on, const char *text)
{
	a->help = on;
	free(a->help_text);
	a->help_text = xstrdup(on && text != NULL ? text : "");
}

void
agent_set_talked(struct agent *a, int64_t ms)
{
	a->talk_ms += ms;
}

void
agent_set_answered(struct agent *a)
{
	a->calls++;
}

void
agent_set_all_queues(struct agent *a)
{
	a->active = ~0ULL;
}

void
agent_set_disposition_due(struct agent *a, const char *call, const char *queue)
{
	snprintf(a->disp_call, sizeof a->disp_call, "%s", call);
	snprintf(a->disp_queue, sizeof a->disp_queue, "%s", queue);
}

void
agent_set_hooks(const struct agent_hooks *h)
{
	agent_hooks = *h;
}
