/* session.c: the link to the core (lib/cli.c does the framing). Requests
 * are sent from the loop without waiting; each is remembered by id and its
 * reply handled here when it comes. Nothing asks the core for state: the
 * login reply and the pushed events are all the console knows. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "clock.h"
#include "session.h"

#define SESSION_RETRY_MAX_S	5
#define SESSION_CLIENT		"agent-console/" VERSION

static void	session_reply(struct console *, json_t *);

/* The layer above: what events and replies mean (session_handle). */
static const struct session_up	*session_up;

void
session_handle(const struct session_up *up)
{
	session_up = up;
}

void
session_forget_login(struct console *c)
{
	c->link = LINK_OPEN;
	c->want_login = 0;
	c->creds_ok = 0;
}

void
session_lost(struct console *c)
{
	if (c->cli != NULL)
		cli_close(c->cli);
	c->cli = NULL;
	if (c->link == LINK_UP)
		c->was_up = 1;
	c->link = LINK_DOWN;
	memset(c->pending, 0, sizeof c->pending);
	c->retry_at = clock_mono_us() + (uint64_t)c->retry_s * 1000000;
	c->dirty = 1;
}

/* The next wait: 1, 2, 3... seconds, at most SESSION_RETRY_MAX_S. */
static void
session_backoff(struct console *c)
{
	if (c->retry_s < SESSION_RETRY_MAX_S)
		c->retry_s++;
}

void
session_connect(struct console *c)
{
	char err[512];

	if (c->link != LINK_DOWN)
		return;
	c->tries++;
	if ((c->cli = cli_connect(c->socket_path, err, sizeof err)) == NULL) {
		if (!c->was_up)
			session_up->unreachable(c, err);
		session_lost(c);
		session_backoff(c);
		return;
	}
	c->link = LINK_OPEN;
	c->retry_s = 1;
	c->dirty = 1;
	session_send(c, REQ_HELLO, NULL, cli_req_hello(SESSION_CLIENT));
	if (c->want_login)
		session_login(c);
}

void
session_login(struct console *c)
{
	json_t *req;

	c->want_login = 1;
	if (c->link != LINK_OPEN)
		return;
	req = cli_req_login_agent(c->agent, c->have_pin ? c->pin : NULL);

	if (c->want_queues[0] != '\0')
		json_object_set_new(req, "queues", json_string(c->want_queues));
	session_send(c, REQ_LOGIN, c->have_pin ? "pin" : "nopin", req);
}

/* Remembers what request id is for. */
static void
session_remember(struct console *c, int id, enum session_req kind,
    const char *arg)
{
	struct console_pending *p = &c->pending[id % CONSOLE_PENDING_MAX];

	p->id = id;
	p->kind = kind;
	snprintf(p->arg, sizeof p->arg, "%s", arg != NULL ? arg : "");
}

int
session_send(struct console *c, enum session_req kind, const char *arg,
    json_t *req)
{
	int id;

	if (c->link == LINK_DOWN || c->cli == NULL) {
		json_decref(req);
		console_status(c, TUI_LEVEL_ALERT, "not connected to the core: "
		    "try again when it is back");
		return -1;
	}
	if ((id = cli_send(c->cli, req)) < 0) {
		session_lost(c);
		return -1;
	}
	session_remember(c, id, kind, arg);
	return 0;
}

void
session_read(struct console *c)
{
	json_t	*msg;
	int	 r;

	if (c->cli == NULL)
		return;
	r = cli_read(c->cli);
	while (c->cli != NULL && (msg = cli_take(c->cli)) != NULL) {
		if (json_is_string(json_object_get(msg, "event")))
			session_up->event(c, msg);
		else
			session_reply(c, msg);
		json_decref(msg);
	}
	if (r < 0 && c->cli != NULL)
		session_lost(c);
	c->dirty = 1;
}

void
session_tick(struct console *c, uint64_t now)
{
	if (c->link == LINK_DOWN && !c->quit && c->exit_why == NULL &&
	    now >= c->retry_at)
		session_connect(c);
	if (c->cli != NULL && cli_want_write(c->cli) && cli_flush(c->cli) < 0)
		session_lost(c);
}

int
session_timeout(const struct console *c, uint64_t now)
{
	if (c->link != LINK_DOWN || c->exit_why != NULL)
		return -1;
	return c->retry_at > now ? (int)((c->retry_at - now) / 1000) + 1 : 0;
}

/* A reply: matched to its request by id, then handed up with it. */
static void
session_reply(struct console *c, json_t *r)
{
	json_t			*id = json_object_get(r, "id");
	struct console_pending	*p, done;

	if (!json_is_integer(id))
		return;
	p = &c->pending[json_integer_value(id) % CONSOLE_PENDING_MAX];
	if (p->id != json_integer_value(id) || p->kind == REQ_NONE)
		return;
	done = *p;
	p->kind = REQ_NONE;
	if (done.kind == REQ_LOGIN && json_is_true(json_object_get(r, "ok"))) {
		c->link = LINK_UP;
		c->creds_ok = 1;
		c->tries = 0;
	} else if (done.kind == REQ_LOGIN)
		c->want_login = 0;
	session_up->reply(c, &done, r);
	c->dirty = 1;
}
