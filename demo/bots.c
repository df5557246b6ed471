/* bots.c: scripted agents on one libevent loop. Each bot is a real client
 * of the core (docs/protocol.md) and never takes a shortcut around the
 * socket. A bot is a small state machine driven by the core's events and
 * one timer, whose meaning follows the phase: answer the offer, hang up,
 * end the wrap-up, reconnect, release a dead connection. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <event2/event.h>
#include "bots.h"
#include "cli.h"
#include "xmalloc.h"

#define BOT_PENDING	16	/* requests remembered for their replies */

enum bot_phase {
	BOT_DOWN,	/* no connection; the timer reconnects */
	BOT_LOGIN,	/* hello and login sent */
	BOT_IDLE,	/* logged in, no call; the timer, if set, ends wrap-up */
	BOT_OFFERED,	/* a call is offered; the timer answers it */
	BOT_TALKING,	/* on a call; the timer, if set, hangs up */
	BOT_GONE	/* gave up: refused, replaced, or no reconnect */
};

struct bot {
	struct bots	*owner;
	char		*id;
	struct cli	*cli;
	struct event	*ev_read;
	struct event	*ev_write;	/* added while output waits */
	struct event	*ev_timer;
	enum bot_phase	 phase;
	char		 call[64];	/* the call offered or connected */
	char		 disp[32];	/* a campaign call's disposition */
	int		 talked;	/* ... and it was answered */
	char		 state[16];	/* the agent's state, as the core says */
	int		 ready_pending;	/* a ready request awaits its reply */
	int		 parked;	/* after a call, stays as the core left it */
	int		 away;		/* on a break (bots_set_away): not ready */
	int		 break_pending;	/* a notready request awaits its reply */
	struct {
		int		 id;
		const char	*name;
	} pending[BOT_PENDING];		/* requests sent, by id, for errors */
};

struct bots {
	struct event_base	*base;
	struct bots_opts	 o;
	struct bot		*bot;
	struct bots_stats	 st;
	unsigned long long	 rng;
};

static int	bot_connect(struct bot *, char *, size_t);

/* xorshift64*: reproducible from the seed, good enough for scripts. */
static double
bots_rand(struct bots *b)
{
	b->rng ^= b->rng >> 12;
	b->rng ^= b->rng << 25;
	b->rng ^= b->rng >> 27;
	return ((b->rng * 2685821657736338717ULL) >> 11) / 9007199254740992.0;
}

static void __attribute__((format(printf, 2, 3)))
bot_log(struct bot *t, const char *fmt, ...)
{
	const struct bots_opts	*o = &t->owner->o;
	char			 line[1024], *s;
	va_list			 ap;
	int			 n;

	if (o->line_cb == NULL)
		return;
	n = snprintf(line, sizeof line, "bot %s ", t->id);
	va_start(ap, fmt);
	vsnprintf(line + n, sizeof line - n, fmt, ap);
	va_end(ap);
	for (s = line; *s != '\0'; s++)
		if (*s == '\n')
			*s = ' ';
	o->line_cb(o->cb_arg, line);
}

static void
bot_after(struct bot *t, double seconds)
{
	struct timeval tv;

	if (seconds < 0)
		seconds = 0;
	tv.tv_sec = (long)seconds;
	tv.tv_usec = (long)((seconds - (double)tv.tv_sec) * 1e6);
	evtimer_add(t->ev_timer, &tv);
}

/* Sends a request; its reply, if an error, is logged under its name. */
static void
bot_request(struct bot *t, const char *name, json_t *req)
{
	int id;

	json_object_set_new(req, "req", json_string(name));
	if (t->owner->o.verbose) {
		char *s = json_dumps(req, JSON_COMPACT);

		bot_log(t, "> %s", s);
		free(s);
	}
	if ((id = cli_send(t->cli, req)) > 0) {
		t->pending[id % BOT_PENDING].id = id;
		t->pending[id % BOT_PENDING].name = name;
	}
	if (cli_want_write(t->cli))
		event_add(t->ev_write, NULL);
}

static void
bot_call_request(struct bot *t, const char *name)
{
	bot_request(t, name, json_pack("{s:s}", "call", t->call));
}

static void
bot_ready(struct bot *t)
{
	t->ready_pending = 1;
	bot_log(t, "ready");
	bot_request(t, "ready", json_object());
}

/* An away bot goes on a break when it is ready and has no call. */
static void
bot_break(struct bot *t)
{
	t->break_pending = 1;
	bot_log(t, "break");
	bot_request(t, "notready", json_pack("{s:s}", "reason", "break"));
}

/* The connection is over, or no longer wanted. Its events are freed from
 * the timer, not from inside their own callbacks. */
static void
bot_down(struct bot *t)
{
	event_del(t->ev_read);
	event_del(t->ev_write);
	if (t->phase != BOT_GONE)
		bot_log(t, "disconnected");
	if (t->phase != BOT_GONE && t->owner->o.reconnect) {
		t->phase = BOT_DOWN;
		bot_after(t, 1.0);
	} else {
		t->phase = BOT_GONE;
		bot_after(t, 0);
	}
}

static void
bot_give_up(struct bot *t, const char *why)
{
	const struct bots_opts *o = &t->owner->o;

	t->phase = BOT_GONE;
	bot_down(t);
	if (o->fail_cb != NULL)
		o->fail_cb(o->cb_arg, t->id, why);
}

static void
bot_on_login(struct bot *t, json_t *reply)
{
	const char *e = cli_reply_error(reply);

	if (e != NULL) {
		bot_log(t, "error login: %s", e);
		bot_give_up(t, e);
		return;
	}
	t->owner->st.logins++;
	t->phase = BOT_IDLE;
	t->parked = 0;
	bot_log(t, "login");
	if (t->away)
		bot_break(t);
	else
		bot_ready(t);
}

static void
bot_on_reply(struct bot *t, json_t *reply)
{
	json_t		*jid = json_object_get(reply, "id");
	int		 id = json_is_integer(jid) ? (int)json_integer_value(jid) : 0;
	const char	*name = "request", *e = cli_reply_error(reply);

	if (id > 0 && t->pending[id % BOT_PENDING].id == id)
		name = t->pending[id % BOT_PENDING].name;
	if (t->phase == BOT_LOGIN && (strcmp(name, "login") == 0 || e != NULL)) {
		bot_on_login(t, reply);
		return;
	}
	if (strcmp(name, "ready") == 0)
		t->ready_pending = 0;
	if (strcmp(name, "notready") == 0)
		t->break_pending = 0;
	if (e != NULL)
		bot_log(t, "error %s: %s", name, e);
}

static void
bot_on_offer(struct bot *t, json_t *ev)
{
	const char *call = json_string_value(json_object_get(ev, "call"));

	snprintf(t->call, sizeof t->call, "%s", call != NULL ? call : "");
	t->owner->st.offers++;
	t->phase = BOT_OFFERED;
	bot_log(t, "offer %s", t->call);
	bot_after(t, t->owner->o.accept_delay_ms / 1000.0);
}

static void
bot_on_cancel(struct bot *t, json_t *ev)
{
	const char *reason = json_string_value(json_object_get(ev, "reason"));

	bot_log(t, "cancel %s reason=%s", t->call, reason ? reason : "-");
	if (t->phase == BOT_OFFERED) {
		evtimer_del(t->ev_timer);
		t->phase = BOT_IDLE;
	}
}

/* A campaign's call placed for the bot: it is on it from the ring. */
static void
bot_on_progress(struct bot *t, json_t *ev)
{
	const char *call = json_string_value(json_object_get(ev, "call"));

	if (call == NULL || strcmp(call, t->call) == 0)
		return;
	snprintf(t->call, sizeof t->call, "%s", call);
	t->disp[0] = '\0';
	t->talked = 0;
	t->owner->st.dialed++;
	bot_log(t, "dialing %s", t->call);
}

/* The record's screen pop: one of the campaign's codes, at random. */
static void
bot_on_record(struct bot *t, json_t *ev)
{
	json_t	*codes = json_object_get(ev, "dispositions");
	size_t	 n = json_array_size(codes);
	const char *code;

	if (n == 0)
		return;
	code = json_string_value(json_object_get(json_array_get(codes,
	    (size_t)(bots_rand(t->owner) * n) % n), "code"));
	snprintf(t->disp, sizeof t->disp, "%s", code != NULL ? code : "");
}

static void
bot_on_connected(struct bot *t, json_t *ev)
{
	struct bots	*b = t->owner;
	double		 talk = b->o.talk_s;
	const char	*call = json_string_value(json_object_get(ev, "call"));

	if (call != NULL)
		snprintf(t->call, sizeof t->call, "%s", call);
	t->talked = 1;
	t->phase = BOT_TALKING;
	b->st.connected++;
	bot_log(t, "connected %s", t->call);
	evtimer_del(t->ev_timer);
	if (talk <= 0)
		return;
	if (b->o.talk_exp)
		talk = -talk * log(1.0 - bots_rand(b));
	bot_after(t, talk);
}

static void
bot_on_ended(struct bot *t, json_t *ev)
{
	const struct bots_opts	*o = &t->owner->o;
	const char		*by;

	by = json_string_value(json_object_get(ev, "cleared_by"));
	t->owner->st.ended++;
	bot_log(t, "ended %s cause=%lld by=%s", t->call,
	    (long long)json_integer_value(json_object_get(ev, "cause")),
	    by != NULL ? by : "-");
	evtimer_del(t->ev_timer);
	if (t->disp[0] != '\0' && t->talked) {
		t->owner->st.dispositions++;
		bot_log(t, "disposition %s %s", t->call, t->disp);
		bot_request(t, "disposition", json_pack("{s:s,s:s}", "call",
		    t->call, "code", t->disp));
	}
	t->disp[0] = '\0';
	t->talked = 0;
	t->phase = BOT_IDLE;
	t->call[0] = '\0';
	t->parked = !o->ready_after_call;
	if (!t->parked && o->wrap_ms >= 0)
		bot_after(t, o->wrap_ms / 1000.0);
}

/* A bot wants calls: when the core says not ready (the login, a missed
 * offer, an after-call rule) and no wrap timer runs, it asks again. An
 * away bot wants a break instead, once it is ready with no call. */
static void
bot_steer(struct bot *t)
{
	if (t->phase != BOT_IDLE)
		return;
	if (t->away) {
		if (strcmp(t->state, "ready") == 0 && !t->break_pending)
			bot_break(t);
		return;
	}
	if (strcmp(t->state, "not_ready") == 0 && !t->parked &&
	    !t->ready_pending && !evtimer_pending(t->ev_timer, NULL))
		bot_ready(t);
}

static void
bot_on_state(struct bot *t, json_t *ev)
{
	const char *st = json_string_value(json_object_get(ev, "state"));

	snprintf(t->state, sizeof t->state, "%s", st != NULL ? st : "");
	bot_steer(t);
}

static void
bot_on_event(struct bot *t, const char *name, json_t *ev)
{
	if (strcmp(name, "offer") == 0)
		bot_on_offer(t, ev);
	else if (strcmp(name, "offer_cancel") == 0)
		bot_on_cancel(t, ev);
	else if (strcmp(name, "call_connected") == 0)
		bot_on_connected(t, ev);
	else if (strcmp(name, "call_progress") == 0)
		bot_on_progress(t, ev);
	else if (strcmp(name, "campaign_record") == 0)
		bot_on_record(t, ev);
	else if (strcmp(name, "call_ended") == 0)
		bot_on_ended(t, ev);
	else if (strcmp(name, "agent_state") == 0)
		bot_on_state(t, ev);
	else if (strcmp(name, "session_replaced") == 0) {
		bot_log(t, "replaced");
		bot_give_up(t, "another session took this agent over");
	} else if (strcmp(name, "shutdown") == 0)
		bot_log(t, "shutdown mode=%s",
		    json_string_value(json_object_get(ev, "mode")));
}

static void
bot_handle(struct bot *t, json_t *m)
{
	const char *name = json_string_value(json_object_get(m, "event"));

	if (t->owner->o.verbose) {
		char *s = json_dumps(m, JSON_COMPACT);

		bot_log(t, "< %s", s);
		free(s);
	}
	if (t->phase == BOT_GONE)
		return;
	if (name == NULL)
		bot_on_reply(t, m);
	else
		bot_on_event(t, name, m);
}

/* Says goodbye (hangs up, logs out) when the connection is still up, so
 * the core does not take a stopped bot for a console that dropped. */
static void
bot_release(struct bot *t)
{
	if (t->cli != NULL && t->phase != BOT_GONE && t->state[0] != '\0') {
		if (strcmp(t->state, "on_call") == 0 && t->call[0] != '\0')
			cli_send(t->cli, json_pack("{s:s,s:s}", "req", "hangup",
			    "call", t->call));
		cli_send(t->cli, json_pack("{s:s}", "req", "logout"));
		cli_flush(t->cli);
	}
	if (t->ev_read != NULL)
		event_free(t->ev_read);
	if (t->ev_write != NULL)
		event_free(t->ev_write);
	cli_close(t->cli);
	t->ev_read = t->ev_write = NULL;
	t->cli = NULL;
	t->ready_pending = t->break_pending = 0;
	t->state[0] = '\0';
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
	if (gone && t->phase != BOT_GONE)
		bot_down(t);
}

static void
bot_write_cb(evutil_socket_t fd, short what, void *arg)
{
	struct bot *t = arg;

	if (cli_flush(t->cli) > 0)
		event_add(t->ev_write, NULL);
}

static void
bot_answer(struct bot *t)
{
	struct bots *b = t->owner;

	if (b->o.reject_p > 0 && bots_rand(b) < b->o.reject_p) {
		b->st.rejected++;
		bot_log(t, "reject %s", t->call);
		bot_call_request(t, "reject");
		t->phase = BOT_IDLE;
	} else {
		b->st.accepted++;
		bot_log(t, "accept %s", t->call);
		bot_call_request(t, "accept");
	}
}

/* The bot's wrap time is over: end the core's wrap-up, or be ready. */
static void
bot_wrap_done(struct bot *t)
{
	if (strcmp(t->state, "wrap_up") == 0) {
		bot_log(t, "wrapup end");
		bot_request(t, "wrapup", json_pack("{s:s}", "action", "end"));
	} else if (strcmp(t->state, "not_ready") == 0 && !t->ready_pending &&
	    !t->away)
		bot_ready(t);
}

static void
bot_timer_cb(evutil_socket_t fd, short what, void *arg)
{
	struct bot	*t = arg;
	char		 err[512];

	switch (t->phase) {
	case BOT_OFFERED:
		bot_answer(t);
		break;
	case BOT_TALKING:
		bot_log(t, "hangup %s", t->call);
		bot_call_request(t, "hangup");
		break;
	case BOT_IDLE:
		bot_wrap_done(t);
		break;
	case BOT_DOWN:
		bot_release(t);
		if (bot_connect(t, err, sizeof err) != 0)
			bot_after(t, 1.0);
		break;
	case BOT_GONE:
		bot_release(t);
		break;
	case BOT_LOGIN:
		break;
	}
}

/* Connects and sends hello and login at once: replies come in order. */
static int
bot_connect(struct bot *t, char *err, size_t errlen)
{
	struct bots *b = t->owner;

	if ((t->cli = cli_connect(b->o.socket_path, err, errlen)) == NULL)
		return -1;
	t->ev_read = event_new(b->base, cli_fd(t->cli), EV_READ | EV_PERSIST,
	    bot_read_cb, t);
	t->ev_write = event_new(b->base, cli_out_fd(t->cli), EV_WRITE,
	    bot_write_cb, t);
	event_add(t->ev_read, NULL);
	t->phase = BOT_LOGIN;
	bot_request(t, "hello", cli_req_hello("bot/" VERSION));
	bot_request(t, "login", cli_req_login_agent(t->id, b->o.pin));
	return 0;
}

struct bots *
bots_start(struct event_base *base, const struct bots_opts *o, char *err,
    size_t errlen)
{
	struct bots *b = xcalloc(1, sizeof *b);

	b->base = base;
	b->o = *o;
	b->o.agents = NULL;	/* the caller's list; ours are in b->bot */
	b->rng = o->seed != 0 ? o->seed : 1;
	b->bot = xcalloc(o->nagents, sizeof *b->bot);
	for (int i = 0; i < o->nagents; i++) {
		struct bot *t = &b->bot[i];

		t->owner = b;
		t->id = xstrdup(o->agents[i]);
		t->ev_timer = evtimer_new(base, bot_timer_cb, t);
		t->phase = BOT_DOWN;
	}
	for (int i = 0; i < o->nagents; i++) {
		if (bot_connect(&b->bot[i], err, errlen) != 0) {
			bots_free(b);
			return NULL;
		}
	}
	return b;
}

/* The n away are spread evenly over the list (bot i is away when the
 * running share i * n / nagents steps up), so that every skill keeps
 * some of its agents. */
void
bots_set_away(struct bots *b, int n)
{
	long	N = b->o.nagents;

	for (long i = 0; i < N; i++) {
		struct bot	*t = &b->bot[i];
		int		 away = (i + 1) * n / N > i * n / N;

		if (t->away == away)
			continue;
		t->away = away;
		bot_steer(t);
	}
}

void
bots_stats(const struct bots *b, struct bots_stats *st)
{
	*st = b->st;
}

void
bots_free(struct bots *b)
{
	for (int i = 0; i < b->o.nagents; i++) {
		struct bot *t = &b->bot[i];

		bot_release(t);
		if (t->ev_timer != NULL)
			event_free(t->ev_timer);
		free(t->id);
	}
	free(b->bot);
	free(b);
}

int
bots_parse_agents(const char *spec, char ***ids, int *n)
{
	char	*copy = xstrdup(spec), *tok, *save, *end;
	long	 lo, hi;

	*ids = NULL;
	*n = 0;
	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		lo = strtol(tok, &end, 10);
		hi = end != tok && *end == '-' ? strtol(end + 1, &end, 10) : lo;
		if (end == tok || *end != '\0' || lo <= 0 || hi < lo ||
		    *n + (hi - lo) >= 10000) {
			free(copy);
			bots_free_agents(*ids, *n);
			*ids = NULL;
			*n = 0;
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

void
bots_free_agents(char **ids, int n)
{
	for (int i = 0; i < n; i++)
		free(ids[i]);
	free(ids);
}
