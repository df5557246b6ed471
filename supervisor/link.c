/* link.c: the console's link to the core (lib/cli.c does the framing):
 * connect, hello, login (a user and PIN, or local), subscribe (the events
 * on a pipe: half a socket's cost to the core, which writes every event
 * to every console), then `status` to seed the model. Requests go out without waiting; each is
 * remembered by id and its reply handled when it comes. When the core
 * goes away: reconnect every 1 s backing off to 5 s, and seed again. A
 * call_state event asks for `status` again for today's figures and the
 * spans' busy channels, which no event carries: one at a time, at most
 * one a second (more events meanwhile make one more, when due). The
 * campaigns likewise: `campaigns` at login, and again (one at a time) on
 * each campaign_state, campaign_low and campaign_attempt event. */
#include <stdio.h>
#include <string.h>
#include "cli.h"
#include "clock.h"
#include "link.h"
#include "repjob.h"

#define LINK_RETRY_MAX_S	5
#define LINK_CLIENT		"supervisor-console/" VERSION
#define LINK_STATUS_GAP_US	1000000	/* at most one status a second */

void
link_lost(struct sup *s)
{
	if (s->cli != NULL)
		cli_close(s->cli);
	s->cli = NULL;
	if (s->link == LINK_UP) {
		s->was_up = 1;
		model_say(s, 1, "connection to core lost: reconnecting");
	}
	s->link = LINK_DOWN;
	s->status_out = s->status_again = 0;
	s->camps_out = s->camps_again = 0;
	s->monitoring[0] = '\0';
	memset(s->pending, 0, sizeof s->pending);
	repjob_lost(s);
	s->retry_at = clock_mono_us() + (uint64_t)s->retry_s * 1000000;
	if (s->retry_s < LINK_RETRY_MAX_S)
		s->retry_s++;
	s->dirty = 1;
}

static json_t *
link_login_req(const struct sup *s)
{
	if (s->user == NULL)
		return json_pack("{s:s,s:b}", "req", "login", "local", 1);
	if (s->pin == NULL)	/* the Unix account the config ties it to */
		return json_pack("{s:s,s:s}", "req", "login", "user", s->user);
	return json_pack("{s:s,s:s,s:s}", "req", "login", "user", s->user,
	    "pin", s->pin != NULL ? s->pin : "");
}

void
link_connect(struct sup *s)
{
	char err[512];

	if (s->link != LINK_DOWN)
		return;
	if ((s->cli = cli_connect(s->socket_path, err, sizeof err)) == NULL) {
		if (!s->was_up)
			model_say(s, 1, "%s", err);
		link_lost(s);
		return;
	}
	s->link = LINK_OPEN;
	s->dirty = 1;
	link_send(s, SREQ_HELLO, NULL, cli_req_hello(LINK_CLIENT));
	link_send(s, SREQ_LOGIN, NULL, link_login_req(s));
	link_send(s, SREQ_SUBSCRIBE, NULL, cli_req_subscribe(1));
	link_send(s, SREQ_STATUS, NULL, json_pack("{s:s}", "req", "status"));
	link_send(s, SREQ_CAMPAIGNS, NULL, json_pack("{s:s}", "req",
	    "campaigns"));
}

int
link_send(struct sup *s, enum sup_req kind, const char *what, json_t *req)
{
	int id;

	if (s->link == LINK_DOWN || s->cli == NULL) {
		json_decref(req);
		model_say(s, 1, "not connected to the core: try again when it "
		    "is back");
		return -1;
	}
	if ((id = cli_send(s->cli, req)) < 0) {
		link_lost(s);
		return -1;
	}
	s->pending[id % SUP_PENDING] = (struct sup_pending){ .id = id,
	    .kind = kind };
	snprintf(s->pending[id % SUP_PENDING].what,
	    sizeof s->pending[0].what, "%s", what != NULL ? what : "");
	if (kind == SREQ_CAMPAIGNS)
		s->camps_out = 1;
	if (kind == SREQ_STATUS) {
		s->status_out = 1;
		s->status_at = clock_mono_us();
	}
	return id;
}

/* Asks for status again, unless one is on its way or the last was
 * asked less than LINK_STATUS_GAP_US ago (then once more, when due). */
static void
link_refresh(struct sup *s)
{
	if (s->link != LINK_UP)
		return;
	if (s->status_out || clock_mono_us() < s->status_at + LINK_STATUS_GAP_US)
		s->status_again = 1;
	else
		link_send(s, SREQ_STATUS, NULL, json_pack("{s:s}", "req", "status"));
}

/* Asks for the campaigns again, or once more after the one on its way. */
static void
link_campaigns(struct sup *s)
{
	if (s->link != LINK_UP)
		return;
	if (s->camps_out)
		s->camps_again = 1;
	else
		link_send(s, SREQ_CAMPAIGNS, NULL, json_pack("{s:s}", "req",
		    "campaigns"));
}

static void
link_status_reply(struct sup *s, json_t *r)
{
	s->status_out = 0;
	model_seed(s, r);
	if (s->link == LINK_OPEN) {
		s->link = LINK_UP;
		s->retry_s = 1;
		if (s->was_up)
			model_say(s, 0, "reconnected to the core");
	}
}

static void
link_reply(struct sup *s, json_t *r)
{
	json_t			*idj = json_object_get(r, "id");
	int			 id = (int)json_integer_value(idj);
	struct sup_pending	 p = s->pending[id % SUP_PENDING];
	const char		*err = cli_reply_error(r);

	if (!json_is_integer(idj) || p.id != id)
		return;
	s->pending[id % SUP_PENDING].kind = SREQ_NONE;
	if (err != NULL && p.kind == SREQ_LOGIN) {
		snprintf(s->exit_why, sizeof s->exit_why, "login refused: %s", err);
		s->quit = 1;
		return;
	}
	if (p.kind == SREQ_CAMPAIGNS)
		s->camps_out = 0;
	if (p.kind == SREQ_REPORT) {
		repjob_reply(s, r);
		return;
	}
	if (err != NULL && p.kind != SREQ_ACT && p.kind != SREQ_MONITOR) {
		model_say(s, 1, "the core refused the console: %s", err);
		s->status_out = 0;
		return;
	}
	if (p.kind == SREQ_LOGIN)
		model_login(s, r);
	else if (p.kind == SREQ_STATUS)
		link_status_reply(s, r);
	else if (p.kind == SREQ_CAMPAIGNS) {
		model_campaigns(s, r);
		if (s->camps_again) {
			s->camps_again = 0;
			link_campaigns(s);
		}
	}
	else if (err != NULL)
		model_say(s, 1, "%s: refused: %s", p.what, err);
	else if (p.kind == SREQ_ACT || p.kind == SREQ_MONITOR) {
		model_say(s, 0, "%s: done", p.what);
		if (p.kind == SREQ_MONITOR)
			snprintf(s->monitoring, sizeof s->monitoring, "%s",
			    p.call);
	}
}

int
link_monitor(struct sup *s, const char *call, const char *mode)
{
	char	what[96];
	int	id;

	snprintf(what, sizeof what, "%s call %s", mode, call);
	id = link_send(s, SREQ_MONITOR, what, json_pack("{s:s,s:s,s:s}", "req",
	    "monitor", "call", call, "mode", mode));
	if (id >= 0 && strcmp(mode, "stop") != 0)
		snprintf(s->pending[id % SUP_PENDING].call,
		    sizeof s->pending[0].call, "%s", call);
	return id;
}

/* The call listened to has ended: nothing is listened to any more. */
static void
link_call_ended(struct sup *s, json_t *ev)
{
	const char *call = json_string_value(json_object_get(ev, "call"));
	const char *state = json_string_value(json_object_get(ev, "state"));

	if (call != NULL && state != NULL && strcmp(state, "clearing") == 0 &&
	    strcmp(call, s->monitoring) == 0)
		s->monitoring[0] = '\0';
}

void
link_read(struct sup *s)
{
	json_t	*msg;
	int	 r;

	if (s->cli == NULL)
		return;
	r = cli_read(s->cli);
	while (s->cli != NULL && (msg = cli_take(s->cli)) != NULL) {
		const char *ev = json_string_value(json_object_get(msg, "event"));

		if (ev == NULL)
			link_reply(s, msg);
		else if (s->seeded) {
			model_event(s, msg);
			if (strcmp(ev, "call_state") == 0) {
				link_call_ended(s, msg);
				link_refresh(s);
			}
			if (strncmp(ev, "campaign_", 9) == 0)
				link_campaigns(s);
		}
		json_decref(msg);
	}
	if (r < 0 && s->cli != NULL)
		link_lost(s);
	s->dirty = 1;
}

void
link_tick(struct sup *s, uint64_t now)
{
	if (s->link == LINK_DOWN && !s->quit && now >= s->retry_at)
		link_connect(s);
	if (s->status_again && !s->status_out &&
	    now >= s->status_at + LINK_STATUS_GAP_US) {
		s->status_again = 0;
		link_refresh(s);
	}
	if (s->cli != NULL && cli_want_write(s->cli) && cli_flush(s->cli) < 0)
		link_lost(s);
}

int
link_timeout(const struct sup *s, uint64_t now)
{
	uint64_t at = s->retry_at;

	if (s->link != LINK_DOWN) {
		if (!s->status_again || s->status_out)
			return -1;
		at = s->status_at + LINK_STATUS_GAP_US;
	}
	return at > now ? (int)((at - now) / 1000) + 1 : 0;
}
