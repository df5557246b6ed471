/* bots.c: scripted agents on one libevent loop. Each bot is a real client
 * of the core (docs/protocol.md): it never takes a shortcut around the
 * socket. If the core goes away, the bot tries to come back every second. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <event2/event.h>
#include "bots.h"
#include "cli.h"
#include "log.h"
#include "xmalloc.h"

struct bot {
	struct bots	*owner;
	char		*id;
	struct cli	*cli;
	struct event	*ev_read;
	struct event	*ev_timer;	/* accept delay, talk time, reconnect */
	char		 call[40];	/* offered or connected call */
	enum { BOT_IDLE, BOT_OFFERED, BOT_TALKING, BOT_DOWN } state;
};

struct bots {
	struct event_base	*base;
	struct bots_opts	 o;
	struct bot		*bot;
	struct bots_stats	 st;
	unsigned		 rng;
};

static void	bot_timer_cb(evutil_socket_t, short, void *);
static int	bot_connect(struct bot *, char *, size_t);

static double
bots_rand(struct bots *b)
{
	b->rng = b->rng * 1103515245u + 12345u;
	return ((b->rng >> 8) & 0xffffff) / (double)0x1000000;
}

static void
bot_log(struct bot *t, const char *what, const char *extra)
{
	FILE *f = t->owner->o.log;

	if (f != NULL) {
		fprintf(f, "bot %s %s%s%s\n", t->id, what, extra[0] ? " " : "", extra);
		fflush(f);
	}
}

static void
bot_request(struct bot *t, const char *req, const char *call)
{
	json_t *r = json_pack("{s:s}", "req", req);

	if (call != NULL)
		json_object_set_new(r, "call", json_string(call));
	cli_send(t->cli, r);
}

static void
bot_after(struct bot *t, double seconds)
{
	struct timeval tv = { (long)seconds, (long)((seconds - (long)seconds) * 1e6) };

	evtimer_add(t->ev_timer, &tv);
}

static void
bot_on_offer(struct bot *t, json_t *ev)
{
	snprintf(t->call, sizeof t->call, "%s",
	    json_string_value(json_object_get(ev, "call")));
	t->owner->st.offers++;
	t->state = BOT_OFFERED;
	bot_log(t, "offer", t->call);
	bot_after(t, t->owner->o.accept_delay_ms / 1000.0);
}

static void
bot_on_connected(struct bot *t, json_t *ev)
{
	double talk = t->owner->o.talk_s;

	t->state = BOT_TALKING;
	if (talk <= 0)
		return;
	if (t->owner->o.talk_exp)
		talk = -talk * log(1.0 - bots_rand(t->owner));
	bot_after(t, talk);
}

static void
bot_on_ended(struct bot *t, json_t *ev)
{
	char extra[96];

	snprintf(extra, sizeof extra, "%s cause=%lld by=%s", t->call,
	    (long long)json_integer_value(json_object_get(ev, "cause")),
	    json_string_value(json_object_get(ev, "cleared_by")));
	t->owner->st.ended++;
	bot_log(t, "ended", extra);
	evtimer_del(t->ev_timer);
	t->state = BOT_IDLE;
	t->call[0] = '\0';
}

/* A bot wants to take calls: whenever the core says not ready (a missed
 * offer, say), it asks to be ready again. */
static void
bot_on_state(struct bot *t, json_t *ev)
{
	const char *st = json_string_value(json_object_get(ev, "state"));

	if (st != NULL && strcmp(st, "not_ready") == 0)
		bot_request(t, "ready", NULL);
	if (st != NULL && strcmp(st, "ready") == 0 && t->state == BOT_OFFERED) {
		evtimer_del(t->ev_timer);	/* offer withdrawn */
		t->state = BOT_IDLE;
	}
}

static void
bot_handle(struct bot *t, json_t *m)
{
	const char *ev = json_string_value(json_object_get(m, "event"));

	if (ev == NULL) {
		const char *e = cli_reply_error(m);

		if (e != NULL)
			bot_log(t, "error", e);
		return;
	}
	if (strcmp(ev, "offer") == 0)
		bot_on_offer(t, m);
	else if (strcmp(ev, "call_connected") == 0)
		bot_on_connected(t, m);
	else if (strcmp(ev, "call_ended") == 0)
		bot_on_ended(t, m);
	else if (strcmp(ev, "agent_state") == 0)
		bot_on_state(t, m);
	else if (strcmp(ev, "offer_cancel") == 0) {
		evtimer_del(t->ev_timer);
		t->state = BOT_IDLE;
	}
}

static void
bot_down(struct bot *t)
{
	bot_log(t, "disconnected", "");
	event_free(t->ev_read);
	t->ev_read = NULL;
	cli_close(t->cli);
	t->cli = NULL;
	t->state = BOT_DOWN;
	bot_after(t, 1.0);
}

static void
bot_read_cb(evutil_socket_t fd, short what, void *arg)
{
	struct bot	*t = arg;
	int		 gone = cli_read(t->cli);
	json_t		*m;

	while ((m = cli_take(t->cli)) != NULL) {
		bot_handle(t, m);
		json_decref(m);
	}
	if (gone)
		bot_down(t);
}

static void
bot_timer_cb(evutil_socket_t fd, short what, void *arg)
{
	struct bot	*t = arg;
	char		 err[256];

	switch (t->state) {
	case BOT_OFFERED:
		if (bots_rand(t->owner) < t->owner->o.reject_p) {
			t->owner->st.rejected++;
			bot_log(t, "reject", t->call);
			bot_request(t, "reject", t->call);
			t->state = BOT_IDLE;
		} else {
			t->owner->st.accepted++;
			bot_log(t, "accept", t->call);
			bot_request(t, "accept", t->call);
		}
		break;
	case BOT_TALKING:
		bot_log(t, "hangup", t->call);
		bot_request(t, "hangup", t->call);
		break;
	case BOT_DOWN:
		if (bot_connect(t, err, sizeof err) != 0)
			bot_after(t, 1.0);
		break;
	default:
		break;
	}
}

static int
bot_connect(struct bot *t, char *err, size_t errlen)
{
	json_t	*login;
	char	 e[256];

	if ((t->cli = cli_connect(t->owner->o.socket_path, err, errlen)) == NULL)
		return -1;
	login = json_pack("{s:s,s:s}", "agent", t->id, "pin", t->owner->o.pin);
	if (cli_hello(t->cli, "bot/" VERSION, e, sizeof e) != 0 ||
	    cli_login(t->cli, login, e, sizeof e) != 0) {
		snprintf(err, errlen, "agent %s: %s", t->id, e);
		cli_close(t->cli);
		t->cli = NULL;
		return -1;
	}
	t->owner->st.logins++;
	t->state = BOT_IDLE;
	t->ev_read = event_new(t->owner->base, cli_fd(t->cli), EV_READ |
	    EV_PERSIST, bot_read_cb, t);
	event_add(t->ev_read, NULL);
	bot_request(t, "ready", NULL);
	bot_log(t, "ready", "");
	return 0;
}

struct bots *
bots_start(struct event_base *base, const struct bots_opts *o, char *err,
    size_t errlen)
{
	struct bots *b = xcalloc(1, sizeof *b);

	b->base = base;
	b->o = *o;
	b->rng = o->seed ? o->seed : 1;
	b->bot = xcalloc(o->nagents, sizeof *b->bot);
	for (int i = 0; i < o->nagents; i++) {
		struct bot *t = &b->bot[i];

		t->owner = b;
		t->id = xstrdup(o->agents[i]);
		t->ev_timer = evtimer_new(base, bot_timer_cb, t);
		t->state = BOT_DOWN;
		if (bot_connect(t, err, errlen) != 0) {
			bots_free(b);
			return NULL;
		}
	}
	return b;
}

void
bots_stats(const struct bots *b, struct bots_stats *st)
{
	*st = b->st;
}

int
bots_connected(const struct bots *b)
{
	int n = 0;

	for (int i = 0; i < b->o.nagents; i++)
		n += b->bot[i].cli != NULL;
	return n;
}

void
bots_free(struct bots *b)
{
	for (int i = 0; i < b->o.nagents; i++) {
		struct bot *t = &b->bot[i];

		if (t->ev_read != NULL)
			event_free(t->ev_read);
		if (t->ev_timer != NULL)
			event_free(t->ev_timer);
		cli_close(t->cli);
		free(t->id);
	}
	free(b->bot);
	free(b);
}

int
bots_parse_agents(const char *spec, char ***ids, int *n)
{
	char	*copy = xstrdup(spec), *tok, *save, *dash, *end;
	long	 lo, hi;

	*ids = NULL;
	*n = 0;
	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		dash = strchr(tok, '-');
		lo = strtol(tok, &end, 10);
		hi = dash ? strtol(dash + 1, &end, 10) : lo;
		if (*end != '\0' || lo <= 0 || hi < lo || hi - lo > 10000) {
			free(copy);
			return -1;
		}
		for (long i = lo; i <= hi; i++) {
			*ids = xrealloc(*ids, (*n + 1) * sizeof **ids);
			xasprintf(&(*ids)[(*n)++], "%ld", i);
		}
	}
	free(copy);
	return *n > 0 ? 0 : -1;
}
