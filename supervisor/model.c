/* model.c: what the core said. `status` seeds it all (model_seed); the
 * pushed events keep it (model_event): agent_state, call_state, span_state,
 * help, campaign_state, campaign_low; the campaigns come from the
 * `campaigns` reply (model_campaigns), asked again on their events. The
 * per-queue counts (waiting, longest wait, agents by state) are computed
 * from the agents and calls here, never asked for; only today's figures
 * (SL, answered, abandoned; an agent's calls and AHT; the time in state a
 * re-seed finds) come from `status`, which the link asks for again when a
 * call changes. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "clock.h"
#include "sup.h"

#define CPY(dst, s)	snprintf((dst), sizeof (dst), "%s", (s) != NULL ? (s) : "")

static const char *
jstr(json_t *o, const char *k)
{
	return json_string_value(json_object_get(o, k));
}

static int
jint(json_t *o, const char *k)
{
	return (int)json_integer_value(json_object_get(o, k));
}

void
model_clear(struct sup *s)
{
	s->nq = s->na = s->nc = s->ns = s->ncp = 0;
	s->seeded = 0;
}

struct sup_agent *
model_agent(struct sup *s, const char *id)
{
	for (int i = 0; id != NULL && i < s->na; i++)
		if (strcmp(s->a[i].id, id) == 0)
			return &s->a[i];
	return NULL;
}

struct sup_queue *
model_queue(struct sup *s, const char *name)
{
	for (int i = 0; name != NULL && i < s->nq; i++)
		if (strcmp(s->q[i].name, name) == 0)
			return &s->q[i];
	return NULL;
}

static struct sup_call *
model_call(struct sup *s, const char *id)
{
	for (int i = 0; id != NULL && i < s->nc; i++)
		if (strcmp(s->c[i].id, id) == 0)
			return &s->c[i];
	return NULL;
}

int
model_waiting(const struct sup_call *c)
{
	return c->queue[0] != '\0' && (strcmp(c->state, "queued") == 0 ||
	    strcmp(c->state, "offered") == 0);
}

int
model_in_queue(const struct sup_agent *a, const char *q)
{
	size_t n = strlen(q);

	for (const char *p = a->queues; (p = strstr(p, q)) != NULL; p += n)
		if ((p == a->queues || p[-1] == ',') && (p[n] == ',' || p[n] == '\0'))
			return 1;
	return 0;
}

static void
model_count_agent(struct sup_queue *q, const struct sup_agent *a)
{
	if (strcmp(a->state, "ready") == 0)
		q->ready++;
	else if (strcmp(a->state, "on_call") == 0 ||
	    strcmp(a->state, "ringing") == 0)
		q->on_call++;
	else if (strcmp(a->state, "wrap_up") == 0)
		q->wrap_up++;
	else if (strcmp(a->state, "not_ready") == 0)
		q->not_ready++;
}

static void
model_recount(struct sup *s)
{
	for (int i = 0; i < s->nq; i++) {
		struct sup_queue *q = &s->q[i];

		q->waiting = q->ready = q->on_call = q->wrap_up = q->not_ready = 0;
		for (int j = 0; j < s->nc; j++)
			q->waiting += model_waiting(&s->c[j]) &&
			    strcmp(s->c[j].queue, q->name) == 0;
		for (int j = 0; j < s->na; j++)
			if (model_in_queue(&s->a[j], q->name))
				model_count_agent(q, &s->a[j]);
	}
}

/* The longest wait now of the calls waiting in queue (0: none). */
int
model_longest_s(const struct sup *s, const char *queue, uint64_t now)
{
	uint64_t oldest = now;

	for (int j = 0; j < s->nc; j++)
		if (model_waiting(&s->c[j]) && strcmp(s->c[j].queue, queue) == 0 &&
		    s->c[j].since < oldest)
			oldest = s->c[j].since;
	return (int)((now - oldest) / 1000000);
}

static void
model_seed_queue(struct sup *s, json_t *o)
{
	struct sup_queue	*q;
	json_t			*t = json_object_get(o, "today"), *sl;

	if (s->nq >= SUP_QUEUES || jstr(o, "name") == NULL)
		return;
	q = &s->q[s->nq++];
	memset(q, 0, sizeof *q);
	CPY(q->name, jstr(o, "name"));
	q->answered = jint(t, "answered");
	q->abandoned = jint(t, "abandoned");
	sl = json_object_get(t, "sl_pct");
	q->sl_pct = json_is_number(sl) ? json_number_value(sl) : -1;
	q->sl_goal = json_is_integer(json_object_get(o, "sl_percent")) ?
	    jint(o, "sl_percent") : s->sl_target;
}

static void
model_agent_queues(struct sup_agent *a, json_t *arr)
{
	size_t	 i;
	json_t	*v;

	a->queues[0] = '\0';
	json_array_foreach(arr, i, v) {
		if (!json_is_string(v))
			continue;
		if (a->queues[0] != '\0')
			strncat(a->queues, ",", sizeof a->queues - strlen(a->queues) - 1);
		strncat(a->queues, json_string_value(v),
		    sizeof a->queues - strlen(a->queues) - 1);
	}
}

static void
model_seed_agent(struct sup *s, json_t *o, uint64_t now)
{
	struct sup_agent	*old = model_agent(s, jstr(o, "agent")), *a;
	uint64_t		 in_state = (uint64_t)jint(o, "state_s") * 1000000;
	uint64_t		 since = in_state < now ? now - in_state : 0;

	a = old != NULL ? old : s->na < SUP_AGENTS ? &s->a[s->na++] : NULL;
	if (a == NULL || jstr(o, "agent") == NULL)
		return;
	memset(a, 0, sizeof *a);
	CPY(a->id, jstr(o, "agent"));
	CPY(a->name, jstr(o, "name"));
	CPY(a->state, jstr(o, "state"));
	CPY(a->reason, jstr(o, "reason"));
	CPY(a->call, jstr(o, "call"));
	CPY(a->team, jstr(o, "team"));
	a->calls_today = jint(o, "calls_today");
	a->handled_s = jint(o, "handled_s");
	a->seeded = now;
	a->connected = json_is_true(json_object_get(o, "connected"));
	a->help = json_is_true(json_object_get(o, "help"));
	CPY(a->help_text, jstr(o, "help_text"));
	a->since = since;
	model_agent_queues(a, json_object_get(o, "queues"));
}

static void
model_seed_call(struct sup *s, json_t *o, uint64_t now)
{
	struct sup_call *c;

	if (s->nc >= SUP_CALLS || jstr(o, "call") == NULL)
		return;
	c = &s->c[s->nc++];
	memset(c, 0, sizeof *c);
	CPY(c->id, jstr(o, "call"));
	CPY(c->state, jstr(o, "state"));
	CPY(c->queue, jstr(o, "queue"));
	CPY(c->agent, jstr(o, "agent"));
	CPY(c->cli, jstr(o, "cli"));
	c->since = now - (uint64_t)jint(o, "age_s") * 1000000;
}

static void
model_seed_span(struct sup *s, json_t *o)
{
	struct sup_span *p;

	if (s->ns >= SUP_SPANS)
		return;
	p = &s->s[s->ns++];
	CPY(p->name, jstr(o, "name"));
	CPY(p->l1, jstr(o, "l1"));
	CPY(p->l2, jstr(o, "l2"));
	CPY(p->alarm, jstr(o, "alarm"));
	p->channels = jint(o, "channels");
	p->in_use = jint(o, "in_use");
}

/* The agents' current calls: their number and queue, from the calls. */
static void
model_link_calls(struct sup *s)
{
	for (int i = 0; i < s->na; i++) {
		struct sup_call *c = model_call(s, s->a[i].call);

		s->a[i].call_queue[0] = s->a[i].cli[0] = '\0';
		s->a[i].call_since = 0;
		if (c != NULL) {
			CPY(s->a[i].call_queue, c->queue);
			CPY(s->a[i].cli, c->cli);
			s->a[i].call_since = c->since;
		}
	}
}

void
model_seed(struct sup *s, json_t *st)
{
	uint64_t	now = clock_mono_us();
	size_t		i;
	json_t		*v;

	s->nq = s->nc = s->ns = 0;
	json_array_foreach(json_object_get(st, "queues"), i, v)
		model_seed_queue(s, v);
	json_array_foreach(json_object_get(st, "agents"), i, v)
		model_seed_agent(s, v, now);
	json_array_foreach(json_object_get(st, "calls"), i, v)
		model_seed_call(s, v, now);
	json_array_foreach(json_object_get(st, "spans"), i, v)
		model_seed_span(s, v);
	model_link_calls(s);
	model_recount(s);
	s->seeded = 1;
	s->changed = 1;
}

void
model_login(struct sup *s, json_t *reply)
{
	size_t	 i;
	json_t	*c;

	s->nclients = 0;
	json_array_foreach(json_object_get(reply, "clients"), i, c)
		if (json_is_string(c) && s->nclients < SUP_CLIENTS)
			CPY(s->clients[s->nclients++], json_string_value(c));
	s->clients_limited = json_is_true(json_object_get(reply,
	    "clients_limited"));
}

struct sup_campaign *
model_campaign(struct sup *s, const char *name)
{
	for (int i = 0; name != NULL && i < s->ncp; i++)
		if (strcmp(s->cp[i].name, name) == 0)
			return &s->cp[i];
	return NULL;
}

static void
model_seed_campaign(struct sup_campaign *c, json_t *o)
{
	size_t	 i;
	json_t	*l, *ab;

	CPY(c->name, jstr(o, "name"));
	CPY(c->client, jstr(o, "client"));
	CPY(c->mode, jstr(o, "mode"));
	CPY(c->state, jstr(o, "state"));
	c->target = jint(o, "target");
	c->successes = jint(o, "successes");
	c->attempts = jint(o, "attempts");
	c->answered = jint(o, "answered");
	if ((ab = json_object_get(o, "abandon")) != NULL) {
		c->abandon = 1;
		c->live_today = jint(ab, "live_today");
		c->ab_today = jint(ab, "abandoned_today");
		c->live_24h = jint(ab, "live_24h");
		c->ab_24h = jint(ab, "abandoned_24h");
		c->cap_pct = jint(ab, "cap_pct");
	}
	c->records = c->open = c->done = 0;
	json_array_foreach(json_object_get(o, "lists"), i, l) {
		if (strcmp(jstr(l, "state") ?: "", "removed") == 0)
			continue;
		c->records += jint(l, "records");
		c->open += jint(l, "open");
		c->done += jint(l, "done");
	}
}

void
model_campaigns(struct sup *s, json_t *reply)
{
	struct sup_campaign	 old[SUP_CAMPAIGNS], *was;
	int			 nold = s->ncp;
	size_t			 i;
	json_t			*o;

	memcpy(old, s->cp, sizeof old);
	s->ncp = 0;
	json_array_foreach(json_object_get(reply, "campaigns"), i, o) {
		struct sup_campaign *c;

		if (s->ncp >= SUP_CAMPAIGNS || jstr(o, "name") == NULL)
			continue;
		c = &s->cp[s->ncp++];
		memset(c, 0, sizeof *c);
		model_seed_campaign(c, o);
		for (int j = 0; j < nold; j++) {
			was = &old[j];
			if (strcmp(was->name, c->name) == 0) {
				c->low = was->low;
				c->low_left = was->low_left;
			}
		}
	}
	s->changed = 1;
}

static void
model_ev_campaign_state(struct sup *s, json_t *ev)
{
	struct sup_campaign *c = model_campaign(s, jstr(ev, "campaign"));

	if (c == NULL)
		return;
	CPY(c->state, jstr(ev, "state"));
	c->low = 0;
}

/* The core warns once: the banner says so until the campaign's state
 * changes (a supervisor acted on it). */
static void
model_ev_campaign_low(struct sup *s, json_t *ev)
{
	struct sup_campaign *c = model_campaign(s, jstr(ev, "campaign"));

	if (c == NULL)
		return;
	c->low = 1;
	c->low_left = jint(ev, "left");
	model_say(s, 1, "campaign %s: only %d records left to dial now",
	    c->name, c->low_left);
}

static void
model_ev_agent_state(struct sup *s, json_t *ev)
{
	struct sup_agent *a = model_agent(s, jstr(ev, "agent"));

	if (a == NULL)
		return;
	if (strcmp(a->state, jstr(ev, "state") ?: "") != 0)
		a->since = clock_mono_us();
	CPY(a->state, jstr(ev, "state"));
	CPY(a->reason, jstr(ev, "reason"));
	a->connected = json_is_true(json_object_get(ev, "connected"));
	if (strcmp(a->state, "logged_out") == 0)
		a->help = 0;
}

static void
model_call_drop(struct sup *s, struct sup_call *c)
{
	*c = s->c[--s->nc];
}

static void
model_ev_call_state(struct sup *s, json_t *ev)
{
	struct sup_call		*c = model_call(s, jstr(ev, "call"));
	struct sup_agent	*a;
	int			 was;

	if (c == NULL) {
		if (s->nc >= SUP_CALLS)
			return;
		c = &s->c[s->nc++];
		memset(c, 0, sizeof *c);
		CPY(c->id, jstr(ev, "call"));
		c->since = clock_mono_us();
	}
	was = model_waiting(c);
	CPY(c->state, jstr(ev, "state"));
	CPY(c->queue, jstr(ev, "queue"));
	if (!was || !model_waiting(c))	/* a wait goes on while offered */
		c->since = clock_mono_us();
	CPY(c->agent, jstr(ev, "agent"));
	CPY(c->cli, jstr(ev, "cli"));
	if ((a = model_agent(s, c->agent)) != NULL && strcmp(c->state, "clearing") != 0)
		CPY(a->call, c->id);
	if (strcmp(c->state, "clearing") == 0) {
		for (int i = 0; i < s->na; i++)
			if (strcmp(s->a[i].call, c->id) == 0)
				s->a[i].call[0] = '\0';
		model_call_drop(s, c);
	}
}

static void
model_ev_span_state(struct sup *s, json_t *ev)
{
	for (int i = 0; i < s->ns; i++)
		if (strcmp(s->s[i].name, jstr(ev, "span") ?: "") == 0) {
			CPY(s->s[i].l1, jstr(ev, "l1"));
			CPY(s->s[i].l2, jstr(ev, "l2"));
			CPY(s->s[i].alarm, jstr(ev, "alarm"));
		}
}

static void
model_ev_help(struct sup *s, json_t *ev)
{
	struct sup_agent *a = model_agent(s, jstr(ev, "agent"));

	if (a == NULL)
		return;
	a->help = json_is_true(json_object_get(ev, "on"));
	CPY(a->help_text, jstr(ev, "text"));
}

static const struct {
	const char	*name;
	void		(*fn)(struct sup *, json_t *);
} model_events[] = {
	{ "agent_state", model_ev_agent_state },
	{ "call_state", model_ev_call_state },
	{ "span_state", model_ev_span_state },
	{ "help", model_ev_help },
	{ "campaign_state", model_ev_campaign_state },
	{ "campaign_low", model_ev_campaign_low },
};

void
model_event(struct sup *s, json_t *ev)
{
	const char *name = jstr(ev, "event");

	for (size_t i = 0; i < sizeof model_events / sizeof model_events[0]; i++)
		if (strcmp(model_events[i].name, name) == 0)
			model_events[i].fn(s, ev);
	s->changed = 1;
}

/* The figures derived from many rows, once per frame however many events
 * came: counting is O(queues x agents). */
void
model_settle(struct sup *s)
{
	if (!s->changed)
		return;
	model_link_calls(s);
	model_recount(s);
}

int
model_aht_s(const struct sup_agent *a, uint64_t now)
{
	uint64_t busy_ms = (uint64_t)a->handled_s * 1000;

	if (a->calls_today <= 0)
		return -1;
	if ((strcmp(a->state, "on_call") == 0 ||
	    strcmp(a->state, "wrap_up") == 0) && now > a->seeded)
		busy_ms += (now - a->seeded) / 1000;
	return (int)((busy_ms / (uint64_t)a->calls_today + 500) / 1000);
}

int
model_teams(const struct sup *s, const char **out, int max)
{
	int n = 0, j;

	for (int i = 0; i < s->na && n < max; i++) {
		if (s->a[i].team[0] == '\0')
			continue;
		for (j = 0; j < n && strcmp(out[j], s->a[i].team) != 0; j++)
			;
		if (j == n)
			out[n++] = s->a[i].team;
	}
	return n;
}

void
model_say(struct sup *s, int alert, const char *fmt, ...)
{
	va_list ap;
	char	buf[256];

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	tui_status_set(&s->status, clock_mono_us(), alert ? 30 : 8,
	    alert ? TUI_LEVEL_ALERT : TUI_LEVEL_INFO, "%s", buf);
	s->dirty = 1;
}
