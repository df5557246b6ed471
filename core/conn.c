/* conn.c: one client of the core. Reads lines (proto.c framing, size
 * limit), hands each to the dispatcher, queues replies and events with an
 * output limit: a client that stops reading or floods is cut off and
 * nobody else notices. Output leaves only once the rows of the loop pass
 * that queued it are committed (write-ahead, db.c): conn.c writes it
 * itself, never libevent, except the rest for a full socket. A
 * subscriber may have its output on a pipe instead (conn_to_pipe): half
 * a socket's cost a write, to the core and to the reader. Closed
 * connections are freed from the loop. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/event.h>
#include "agent.h"
#include "clock.h"
#include "conn.h"
#include "endpoint.h"
#include "fanout.h"
#include "tickstat.h"
#include "monitor.h"
#include "core.h"
#include "log.h"
#include "xmalloc.h"

#define CONN_RATE	200.0	/* requests per second, sustained */
#define CONN_BURST	400.0
#define CONN_FLUSH_US	1000	/* subscribers' output written this often */

struct conn *conns;
static uint64_t conn_next_id = 1;
static int conn_flush_armed, conn_release_asked;
/* The clients this pass queued output for (conn_release's list): freed
 * only in a later pass (conn_free_soon), so still there at its end. */
static struct conn **touched;
static size_t ntouched, touched_cap;
static int conn_nsubscribed;	/* live subscribers on the stream */
static struct conn **conn_own;	/* the CONN_SUB_OWN ones */
static int conn_nown, conn_own_cap;
static uint64_t conn_flushed_us;	/* the last flush began */
/* each event's delay from the core's queue into a subscriber's socket */
static struct tickstat conn_fan_delay;

static void	conn_shut(struct conn *, const char *, int now);
static void	conn_flush_arm(void);
static void	conn_release(void);
static void	conn_backlog(struct conn *);
static void	conn_drained_write_cb(struct bufferevent *, void *);
static void	conn_read_cb(struct bufferevent *, void *);
static void	conn_event_cb(struct bufferevent *, short, void *);

static const char *conn_role_names[] = { "agent", "supervisor", "admin" };

const char *
conn_role_name(enum conn_role r)
{
	return r == ROLE_NONE ? "none" : conn_role_names[r];
}

/* Its output buffer: the socket's, or its pipe's. */
static struct evbuffer *
conn_out(struct conn *c)
{
	return bufferevent_get_output(c->obev);
}

int
conn_count(void)
{
	int n = 0;

	for (struct conn *c = conns; c != NULL; c = c->next)
		n += !c->dead;
	return n;
}

void
conn_send(struct conn *c, json_t *msg)
{
	char	*s;
	size_t	 len;

	if (c->dead) {
		json_decref(msg);
		return;
	}
	s = proto_encode(msg, &len);
	json_decref(msg);
	conn_send_line(c, s, len);
	free(s);
}

static void
conn_ask_release(void)
{
	if (!conn_release_asked) {
		conn_release_asked = 1;
		core_release_after_commit(conn_release);
	}
}

/* Its unwritten output: its own buffer and its unread part of the
 * subscribers' stream. */
static size_t
conn_pending(struct conn *c)
{
	return evbuffer_get_length(conn_out(c)) +
	    (c->subscribed ? fanout_end() - c->fan_at : 0);
}

/* A client whose unwritten output would pass [core] client_outbuf is cut
 * off (it does not read): 1 if so. */
static int
conn_over_limit(struct conn *c, size_t more)
{
	if (conn_pending(c) + more <= (size_t)core.cfg->core.client_outbuf)
		return 0;
	conn_shut(c, "output limit reached (client not reading)", 1);
	return 1;
}

/* Adds to its own buffer what this pass queued for it; it leaves once the
 * pass's rows are committed (core.c, db.c): conn_release. */
static void
conn_queue(struct conn *c, const char *s, size_t len)
{
	struct evbuffer	*out = conn_out(c);

	if (c->held == CONN_BACKLOG) {
		/* libevent would write this pass's line with the rest */
		bufferevent_disable(c->obev, EV_WRITE);
		c->held = CONN_HELD;
		/* all it holds is committed, unless the flush timer put it
		 * in backlog this pass: then out_ok is still exact */
		if (!c->out_new)
			c->out_ok = evbuffer_get_length(out);
	}
	evbuffer_add(out, s, len);
	if (!c->out_new) {	/* conn_release's list */
		if (ntouched == touched_cap) {
			touched_cap = touched_cap ? 2 * touched_cap : 64;
			touched = xrealloc(touched, touched_cap * sizeof *touched);
		}
		touched[ntouched++] = c;
		c->out_new = 1;
	}
	conn_ask_release();
}

/* A subscriber's unread part of the shared stream, moved into its own
 * buffer: before a line of its own (order kept), or as it unsubscribes.
 * ALL: also what this pass appended (released with the pass). */
static void
conn_fan_take(struct conn *c, int all)
{
	size_t		 n;
	const char	*p = fanout_at(c->fan_at, &n, all);

	if (n == 0)
		return;
	conn_queue(c, p, n);
	c->fan_at += n;
}

/* One line already encoded (an event sent to many is encoded once). */
void
conn_send_line(struct conn *c, const char *s, size_t len)
{
	if (c->dead)
		return;
	if (conn_over_limit(c, len))
		return;
	if (c->subscribed)
		conn_fan_take(c, 1);
	conn_queue(c, s, len);
}

void
conn_broadcast(const char *s, size_t len)
{
	fanout_append(s, len);
	conn_ask_release();
}

/* Off the CONN_SUB_OWN list: as it unsubscribes or is freed (never
 * while notify.c walks the list: a close there only marks it dead). */
static void
conn_own_drop(struct conn *c)
{
	for (int i = 0; i < conn_nown; i++)
		if (conn_own[i] == c) {
			memmove(conn_own + i, conn_own + i + 1,
			    (conn_nown - i - 1) * sizeof *conn_own);
			conn_nown--;
			break;
		}
	c->sub_own = 0;
}

/* From one way to another keeps the order: what the stream holds for it
 * is taken into its own buffer before any line of its own. */
void
conn_subscribe(struct conn *c, enum conn_sub how)
{
	if (c->dead || how == (c->subscribed ? CONN_SUB_STREAM :
	    c->sub_own ? CONN_SUB_OWN : CONN_SUB_NONE))
		return;
	if (c->subscribed) {
		conn_fan_take(c, 1);
		c->subscribed = 0;
		conn_nsubscribed--;
	}
	if (c->sub_own)
		conn_own_drop(c);
	if (how == CONN_SUB_STREAM) {
		c->fan_at = fanout_end();
		c->subscribed = 1;
		conn_nsubscribed++;
	} else if (how == CONN_SUB_OWN) {
		if (conn_nown == conn_own_cap) {
			conn_own_cap = conn_own_cap ? 2 * conn_own_cap : 8;
			conn_own = xrealloc(conn_own,
			    conn_own_cap * sizeof *conn_own);
		}
		conn_own[conn_nown++] = c;
		c->sub_own = 1;
	}
}

struct conn *const *
conn_own_subscribers(int *n)
{
	*n = conn_nown;
	return conn_own;
}

json_t *
conn_events_delay_json(void)
{
	return tickstat_json(&conn_fan_delay);
}

int
conn_subscribers(void)
{
	return conn_nsubscribed;
}

int
conn_piped(void)
{
	int n = 0;

	for (struct conn *c = conns; c != NULL; c = c->next)
		n += !c->dead && c->obev != c->bev;
	return n;
}

/* Writes what is committed of its output (the first out_ok bytes); a
 * full socket is left to libevent (BACKLOG). */
static void
conn_write(struct conn *c)
{
	struct evbuffer	*out = conn_out(c);
	int		 n;

	if (c->out_ok > evbuffer_get_length(out))
		c->out_ok = evbuffer_get_length(out);
	if (c->out_ok == 0)
		return;
	evbuffer_unfreeze(out, 1);	/* as bufferevent's own write */
	n = evbuffer_write_atmost(out, c->ofd, c->out_ok);
	evbuffer_freeze(out, 1);
	if (n < 0 && errno != EAGAIN && errno != EINTR) {
		conn_shut(c, strerror(errno), 1);
		return;
	}
	if (n > 0)
		c->out_ok -= n;
	if (c->out_ok > 0)
		conn_backlog(c);
}

/* The pass's rows are committed: what it queued may leave. First every
 * client's committed length, then the writes: a write that fails closes
 * its client, and what that tells others waits for the next commit. A
 * subscriber gets every event: its output is not written per pass (one
 * write(2) per event at high rates) but by one timer every CONN_FLUSH_US,
 * one write carrying all that was committed since; the others' replies
 * go at once. Order is kept: replies and events share the one buffer. */
static void
conn_release(void)
{
	struct conn	**list = touched;
	size_t		  n = ntouched, cap = touched_cap;
	int		  flush = fanout_commit();

	conn_release_asked = 0;
	touched = NULL;		/* what the writes queue is for the next */
	ntouched = touched_cap = 0;
	for (size_t i = 0; i < n; i++) {
		list[i]->out_new = 0;
		list[i]->out_ok = evbuffer_get_length(conn_out(list[i]));
		if (list[i]->obev != list[i]->bev && evbuffer_get_length(
		    bufferevent_get_output(list[i]->bev)) > 0)
			bufferevent_enable(list[i]->bev, EV_WRITE);  /* its last */
	}
	for (size_t i = 0; i < n; i++) {
		struct conn *c = list[i];

		if (c->dead || c->held != CONN_HELD)
			continue;
		if (c->subscribed)
			flush = 1;
		else
			conn_write(c);
	}
	if (touched == NULL) {
		touched = list;
		touched_cap = cap;
	} else
		free(list);
	if (flush)
		conn_flush_arm();
}

/* Its own buffer written, a subscriber gets the stream's committed part
 * it has not read, in one write from the shared copy; what the socket
 * does not take is copied to its buffer for libevent (BACKLOG). */
static void
conn_fan_write(struct conn *c)
{
	size_t		 n;
	const char	*p = fanout_at(c->fan_at, &n, 0);
	ssize_t		 w;

	if (n == 0)
		return;
	w = c->ofd != c->fd ? write(c->ofd, p, n) :
	    send(c->fd, p, n, MSG_DONTWAIT | MSG_NOSIGNAL);
	if (w < 0 && errno != EAGAIN && errno != EINTR) {
		conn_shut(c, strerror(errno), 1);
		return;
	}
	if (w < 0)
		w = 0;
	fanout_written(c->fan_at, (size_t)w, &conn_fan_delay);
	c->fan_at += w;
	if ((size_t)w < n) {
		evbuffer_add(conn_out(c), p + w, n - w);
		c->fan_at += n - w;
		conn_backlog(c);
	}
}

static void
conn_flush_cb(evutil_socket_t fd, short what, void *arg)
{
	size_t oldest = fanout_end();

	conn_flush_armed = 0;
	conn_flushed_us = clock_mono_us();
	for (struct conn *c = conns; c != NULL; c = c->next) {
		if (c->dead || !c->subscribed)
			continue;
		if (conn_over_limit(c, 0))
			continue;
		if (c->held == CONN_HELD) {
			conn_write(c);
			if (!c->dead && c->held == CONN_HELD &&
			    evbuffer_get_length(conn_out(c)) == 0)
				conn_fan_write(c);
		}
		if (!c->dead && c->fan_at < oldest)
			oldest = c->fan_at;
	}
	fanout_trim(oldest);
}

/* Its socket is full: libevent writes the rest when it can take more
 * (not this timer retrying every millisecond); once drained, held again.
 * Everything in the buffer then is committed: a line queued since has
 * taken it back (conn_send_line). */
static void
conn_backlog(struct conn *c)
{
	c->held = CONN_BACKLOG;
	bufferevent_enable(c->obev, EV_WRITE);
}

static void
conn_drained_write_cb(struct bufferevent *bev, void *arg)
{
	struct conn *c = arg;

	if (c->held == CONN_BACKLOG && !c->dead) {
		bufferevent_disable(c->obev, EV_WRITE);
		c->held = CONN_HELD;
		c->out_ok = 0;
		/* the stream went on meanwhile: the timer writes its part */
		if (c->subscribed && c->fan_at < fanout_committed())
			conn_flush_arm();
	}
}

/* The socket's last output (the reply that moved the rest to a pipe) is
 * written by libevent once committed (conn_release); then it rests. */
static void
conn_sock_drained_cb(struct bufferevent *bev, void *arg)
{
	bufferevent_disable(bev, EV_WRITE);
}

/* The read end goes first, on a blank line of its own sent now: earlier
 * lines still held for their commit follow it, but nothing can have
 * been cut in two (HELD: what was written ended at a line's end), and
 * clients skip blank lines. The reply follows them, last on the socket:
 * from it on, the client reads the pipe. */
static int
conn_pass_fd(struct conn *c, int fd, char *err, size_t errlen)
{
	char		 nl = '\n';
	struct iovec	 iov = { &nl, 1 };
	union {
		struct cmsghdr	h;
		char		b[CMSG_SPACE(sizeof(int))];
	} u;
	struct msghdr	 m = { .msg_iov = &iov, .msg_iovlen = 1,
	    .msg_control = u.b, .msg_controllen = sizeof u.b };
	struct cmsghdr	*h = CMSG_FIRSTHDR(&m);

	memset(&u, 0, sizeof u);
	h->cmsg_level = SOL_SOCKET;
	h->cmsg_type = SCM_RIGHTS;
	h->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(h), &fd, sizeof fd);
	if (sendmsg(c->fd, &m, MSG_DONTWAIT | MSG_NOSIGNAL) == 1)
		return 0;
	snprintf(err, errlen, "the pipe could not be sent: %s", errno ==
	    EAGAIN ? "the socket is full (read your replies)" : strerror(errno));
	return -1;
}

int
conn_to_pipe(struct conn *c, json_t *reply, char *err, size_t errlen)
{
	int fds[2];

	if (c->dead || c->obev != c->bev || c->held != CONN_HELD) {
		snprintf(err, errlen, c->obev != c->bev ? "the output is a pipe "
		    "already" : "output is waiting for the socket: ask again");
		json_decref(reply);
		return -1;
	}
	if (pipe2(fds, O_CLOEXEC) != 0) {
		snprintf(err, errlen, "no pipe: %s", strerror(errno));
		json_decref(reply);
		return -1;
	}
	if (conn_pass_fd(c, fds[0], err, errlen) != 0) {
		close(fds[0]);
		close(fds[1]);
		json_decref(reply);
		return -1;
	}
	close(fds[0]);
	fcntl(fds[1], F_SETFL, O_NONBLOCK);	/* this end's only */
	conn_send(c, reply);
	/* what the socket holds now leaves with this pass (conn_release) */
	c->out_ok = 0;
	c->ofd = fds[1];
	c->obev = bufferevent_socket_new(core.base, fds[1],
	    BEV_OPT_CLOSE_ON_FREE);
	bufferevent_setcb(c->obev, NULL, conn_drained_write_cb, conn_event_cb,
	    c);
	bufferevent_disable(c->obev, EV_READ | EV_WRITE);
	bufferevent_setcb(c->bev, conn_read_cb, conn_sock_drained_cb,
	    conn_event_cb, c);
	return 0;
}

/* At once if the last flush is CONN_FLUSH_US old, else when it will be:
 * a lone event leaves without waiting, a stream of them once a period.
 * It writes only what is committed, so it may run from anywhere. */
static void
conn_flush_arm(void)
{
	uint64_t	now = clock_mono_us();
	struct timeval	tv = { 0, 0 };

	if (conn_flush_armed)
		return;
	if (now - conn_flushed_us >= CONN_FLUSH_US) {
		conn_flush_cb(-1, 0, NULL);
		return;
	}
	tv.tv_usec = CONN_FLUSH_US - (now - conn_flushed_us);
	conn_flush_armed = 1;
	event_base_once(core.base, -1, EV_TIMEOUT, conn_flush_cb, NULL, &tv);
}

/* Token bucket: a client may burst, but not flood for long. */
static int
conn_flooding(struct conn *c)
{
	uint64_t now = clock_mono_us();

	c->tokens += (now - c->tokens_at) / 1e6 * CONN_RATE;
	if (c->tokens > CONN_BURST)
		c->tokens = CONN_BURST;
	c->tokens_at = now;
	if (c->tokens < 1.0)
		return 1;
	c->tokens -= 1.0;
	return 0;
}

static void
conn_lines(struct conn *c)
{
	enum proto_line_result	 r;
	char			*line;
	size_t			 len;

	while (!c->dead && (r = proto_lines_next(&c->in, &line, &len)) !=
	    PROTO_LINE_NONE) {
		if (conn_flooding(c)) {
			conn_shut(c, "flooding", 1);
			return;
		}
		if (r == PROTO_LINE_TOO_LONG)
			conn_send(c, proto_reply_error(NULL, PROTO_E_TOO_LONG,
			    "line longer than %d bytes discarded",
			    core.cfg->core.max_line));
		else if (len > 0)
			c->on_line(c, line, len);
	}
}

static void
conn_read_cb(struct bufferevent *bev, void *arg)
{
	struct conn	*c = arg;
	struct evbuffer	*in = bufferevent_get_input(bev);
	char		 buf[16384];
	int		 n;

	while (!c->dead && (n = evbuffer_remove(in, buf, sizeof buf)) > 0) {
		proto_lines_feed(&c->in, buf, n);
		conn_lines(c);
	}
}

static void
conn_event_cb(struct bufferevent *bev, short what, void *arg)
{
	struct conn *c = arg;

	if (what & (BEV_EVENT_EOF | BEV_EVENT_ERROR))
		conn_close(c, what & BEV_EVENT_EOF ? "disconnected" :
		    strerror(errno));
}

static void
conn_login_timeout_cb(evutil_socket_t fd, short what, void *arg)
{
	struct conn *c = arg;

	if (c->role == ROLE_NONE)
		conn_close(c, "no login in time");
}

/* Answers a client the core will not serve, and hangs up. */
static void
conn_refuse(int fd, const char *code, const char *why)
{
	json_t	*r = proto_reply_error(NULL, code, "%s", why);
	size_t	 len;
	char	*line = proto_encode(r, &len);

	(void)!write(fd, line, len);
	free(line);
	json_decref(r);
	close(fd);
}

void
conn_new(int fd, conn_line_fn *on_line)
{
	struct conn	*c;
	struct ucred	 cred;
	socklen_t	 len = sizeof cred;
	struct timeval	 tv = { core.cfg->core.idle_login_timeout, 0 };

	if (conn_count() >= core.cfg->core.max_clients) {
		log_warn("client refused: max_clients reached");
		conn_refuse(fd, PROTO_E_BUSY, "too many clients");
		return;
	}
	c = xcalloc(1, sizeof *c);
	c->id = conn_next_id++;
	c->fd = c->ofd = fd;
	c->on_line = on_line;
	c->role = ROLE_NONE;
	c->tokens = CONN_BURST;
	c->tokens_at = clock_mono_us();
	if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) == 0) {
		c->uid = cred.uid;
		c->pid = cred.pid;
	} else
		c->uid = (uid_t)-1;	/* unknown: never local admin */
	proto_lines_init(&c->in, core.cfg->core.max_line);
	c->bev = bufferevent_socket_new(core.base, fd, BEV_OPT_CLOSE_ON_FREE);
	bufferevent_setcb(c->bev, conn_read_cb, conn_drained_write_cb,
	    conn_event_cb, c);
	bufferevent_enable(c->bev, EV_READ);
	bufferevent_disable(c->bev, EV_WRITE);	/* conn.c writes (HELD) */
	c->obev = c->bev;
	c->held = CONN_HELD;
	c->login_timer = evtimer_new(core.base, conn_login_timeout_cb, c);
	evtimer_add(c->login_timer, &tv);
	c->next = conns;
	conns = c;
	log_debug("client %llu connected (uid %d, pid %d)",
	    (unsigned long long)c->id, (int)c->uid, (int)c->pid);
}

static void
conn_free_cb(evutil_socket_t fd, short what, void *arg)
{
	struct conn *c = arg, **pp;

	for (pp = &conns; *pp != NULL; pp = &(*pp)->next) {
		if (*pp == c) {
			*pp = c->next;
			break;
		}
	}
	if (c->sub_own)
		conn_own_drop(c);
	if (c->obev != c->bev)
		bufferevent_free(c->obev);
	bufferevent_free(c->bev);
	event_free(c->login_timer);
	if (c->linger != NULL)
		event_free(c->linger);
	proto_lines_free(&c->in);
	free(c->user);
	free(c);
}

static void
conn_free_soon(struct conn *c)
{
	if (c->freeing)
		return;
	c->freeing = 1;
	event_base_once(core.base, -1, EV_TIMEOUT, conn_free_cb, c, NULL);
}

static void
conn_drained_cb(struct bufferevent *bev, void *arg)
{
	conn_free_soon(arg);
}

static void
conn_closing_event_cb(struct bufferevent *bev, short what, void *arg)
{
	conn_free_soon(arg);
}

static void
conn_linger_cb(evutil_socket_t fd, short what, void *arg)
{
	conn_free_soon(arg);
}

/* Closes the connection: what is already queued for the client (the reply
 * to stop, a session_replaced event) is still sent, for up to 2 s; unless
 * `now`, for a client that floods or does not read. */
static void
conn_shut(struct conn *c, const char *why, int now)
{
	struct agent	*a = c->agent;
	struct timeval	 linger = { 2, 0 };

	if (c->dead)
		return;
	c->dead = 1;
	log_info("client %llu (%s%s%s) closed: %s", (unsigned long long)c->id,
	    conn_role_name(c->role), a ? " " : "", a ? a->id : "", why);
	bufferevent_disable(c->bev, EV_READ);
	if (a != NULL && a->conn == c)
		agent_disconnected(a);
	c->agent = NULL;
	if (c->ep != NULL) {
		if (c->ep->call != NULL)
			monitor_stop(c->ep->call, c->user, c->ep);
		endpoint_close(c->ep);
		c->ep = NULL;
	}
	if (c->subscribed) {
		size_t		 n;
		const char	*p;

		if (!now && (p = fanout_at(c->fan_at, &n, 0)) != NULL)
			evbuffer_add(conn_out(c), p, n);
		conn_nsubscribed--;
	}
	if (c->held != CONN_WRITING && !now)
		bufferevent_enable(c->obev, EV_WRITE);	/* the linger drains it */
	c->held = CONN_WRITING;
	if (now || evbuffer_get_length(conn_out(c)) == 0) {
		bufferevent_disable(c->obev, EV_WRITE);
		conn_free_soon(c);
		return;
	}
	bufferevent_setcb(c->obev, NULL, conn_drained_cb, conn_closing_event_cb, c);
	bufferevent_setwatermark(c->obev, EV_WRITE, 0, 0);
	c->linger = evtimer_new(core.base, conn_linger_cb, c);
	evtimer_add(c->linger, &linger);
}

void
conn_close(struct conn *c, const char *why)
{
	conn_shut(c, why, 0);
}

void
conn_close_all(const char *why)
{
	for (struct conn *c = conns; c != NULL; c = c->next)
		conn_close(c, why);
}
