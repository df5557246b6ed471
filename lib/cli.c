/* cli.c: a client connection to the core (docs/protocol.md): a
 * non-blocking socket, an output buffer, the proto_lines splitter on input
 * and a queue of parsed messages in arrival order. After a subscribe with
 * {"pipe":true} (cli_req_subscribe) the input is the pipe the core sent,
 * from the line after its reply on; the socket carries requests only. The
 * blocking calls wait with poll(2) until their deadline; nothing sleeps. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/un.h>
#include "cli.h"
#include "clock.h"
#include "proto.h"
#include "statedir.h"
#include "xmalloc.h"

/* Replies such as a big status can be long; the core's max_line limits
 * only what clients send. */
#define CLI_LINE_MAX	(64 * 1024 * 1024)
#define CLI_INSTALLED_SOCKET	"/run/centrala/centrala.sock"

struct cli {
	int			 fd;
	int			 rfd;		/* input: fd, or the pipe */
	int			 pipe_fd;	/* received, not yet the input */
	int			 closed;
	int			 next_id;
	int			 timeout_ms;
	char			*out;		/* bytes not yet sent */
	size_t			 outlen, outcap;
	struct proto_lines	 in;
	json_t			*queue;		/* messages received, not taken */
	char			 err[512];
};

const char *
cli_socket_path(const char *socket_opt, const char *state_dir_opt)
{
	static char	 path[4096];
	const char	*e = getenv("CENTRALA_SOCKET");

	if (socket_opt != NULL)
		snprintf(path, sizeof path, "%s", socket_opt);
	else if (state_dir_opt == NULL && e != NULL && e[0] != '\0')
		snprintf(path, sizeof path, "%s", e);
	else {
		snprintf(path, sizeof path, "%s/run/centrala.sock",
		    statedir_find(state_dir_opt, "run/centrala.sock"));
		/* Nothing here: the installed core's (systemd unit's
		 * RuntimeDirectory, dist/centrala.service). */
		e = getenv("CENTRALA_STATE_DIR");
		if (state_dir_opt == NULL && (e == NULL || e[0] == '\0') &&
		    access(path, F_OK) != 0 && access(CLI_INSTALLED_SOCKET,
		    F_OK) == 0)
			snprintf(path, sizeof path, "%s", CLI_INSTALLED_SOCKET);
	}
	return path;
}

static void __attribute__((format(printf, 2, 3)))
cli_set_error(struct cli *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(c->err, sizeof c->err, fmt, ap);
	va_end(ap);
}

/* The hint that goes with a failed connect. */
static const char *
cli_connect_hint(int error)
{
	static char	hint[8300];

	if (error == EACCES || error == EPERM)
		return "the socket is for the core's user and group only";
	snprintf(hint, sizeof hint, "is the core running? (centrala core)%s%s",
	    statedir_hint()[0] != '\0' ? "; " : "", statedir_hint());
	return hint;
}

struct cli *
cli_connect(const char *path, char *err, size_t errlen)
{
	struct sockaddr_un	 sun = { .sun_family = AF_UNIX };
	struct cli		*c;
	int			 fd, e;

	if (strlen(path) >= sizeof sun.sun_path) {
		snprintf(err, errlen, "cannot connect to %s: the path is too long "
		    "for a Unix socket (%zu bytes at most)", path,
		    sizeof sun.sun_path - 1);
		return NULL;
	}
	memcpy(sun.sun_path, path, strlen(path) + 1);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0 || connect(fd, (struct sockaddr *)&sun, sizeof sun) != 0) {
		e = errno;
		snprintf(err, errlen, "cannot connect to %s: %s — %s", path,
		    strerror(e), cli_connect_hint(e));
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
	c = xcalloc(1, sizeof *c);
	c->fd = c->rfd = fd;
	c->pipe_fd = -1;
	c->next_id = 1;
	c->timeout_ms = CLI_TIMEOUT_DEFAULT;
	c->queue = json_array();
	proto_lines_init(&c->in, CLI_LINE_MAX);
	return c;
}

void
cli_close(struct cli *c)
{
	if (c == NULL)
		return;
	if (c->rfd != c->fd)
		close(c->rfd);
	if (c->pipe_fd >= 0)
		close(c->pipe_fd);
	close(c->fd);
	free(c->out);
	proto_lines_free(&c->in);
	json_decref(c->queue);
	free(c);
}

const char *
cli_error(const struct cli *c)
{
	return c->err[0] != '\0' ? c->err : "no error";
}

int
cli_closed(const struct cli *c)
{
	return c->closed;
}

void
cli_set_timeout(struct cli *c, int ms)
{
	c->timeout_ms = ms;
}

int
cli_fd(const struct cli *c)
{
	return c->rfd;
}

int
cli_out_fd(const struct cli *c)
{
	return c->fd;
}

/* The connection is over: say why (once) and stop using it. */
static int
cli_lost(struct cli *c, int error)
{
	if (!c->closed) {
		if (error != 0)
			cli_set_error(c, "connection to the core lost: %s",
			    strerror(error));
		else
			cli_set_error(c, "the core closed the connection");
	}
	c->closed = 1;
	c->outlen = 0;
	return -1;
}

int
cli_flush(struct cli *c)
{
	ssize_t	n;

	if (c->closed)
		return -1;
	while (c->outlen > 0) {
		n = send(c->fd, c->out, c->outlen, MSG_NOSIGNAL | MSG_DONTWAIT);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
			return 1;
		if (n < 0)
			return cli_lost(c, errno);
		memmove(c->out, c->out + n, c->outlen - n);
		c->outlen -= n;
	}
	return 0;
}

int
cli_want_write(const struct cli *c)
{
	return !c->closed && c->outlen > 0;
}

/* Appends one encoded line to the output buffer. */
static void
cli_queue_out(struct cli *c, const char *s, size_t len)
{
	if (c->outlen + len > c->outcap) {
		c->outcap = c->outlen + len > 4096 ? c->outlen + len : 4096;
		c->out = xrealloc(c->out, c->outcap);
	}
	memcpy(c->out + c->outlen, s, len);
	c->outlen += len;
}

int
cli_send(struct cli *c, json_t *req)
{
	int	 n = 0;
	char	*s;
	size_t	 len;

	if (c->closed) {
		json_decref(req);
		return -1;
	}
	if (json_object_get(req, "id") == NULL) {
		n = c->next_id++;
		json_object_set_new(req, "id", json_integer(n));
	}
	s = proto_encode(req, &len);
	json_decref(req);
	cli_queue_out(c, s, len);
	free(s);
	return cli_flush(c) < 0 ? -1 : n;
}

/* The reply that moves the input to the pipe: the socket has nothing
 * after it. -1 if the pipe did not come with it. */
static int
cli_to_pipe(struct cli *c, json_t *msg)
{
	if (json_object_get(msg, "event") != NULL ||
	    !json_is_true(json_object_get(msg, "pipe")) || c->rfd != c->fd)
		return 0;
	if (c->pipe_fd < 0) {
		cli_set_error(c, "the core said its output is on a pipe but sent "
		    "none");
		return -1;
	}
	c->rfd = c->pipe_fd;
	c->pipe_fd = -1;
	fcntl(c->rfd, F_SETFL, fcntl(c->rfd, F_GETFL) | O_NONBLOCK);
	return 0;
}

/* Parses the complete lines received; what is not a JSON object is
 * dropped (the core sends none). -1 when the input cannot go on. */
static int
cli_parse_lines(struct cli *c)
{
	enum proto_line_result	 r;
	char			*line;
	size_t			 len;
	json_t			*msg;
	int			 rc = 0;

	while ((r = proto_lines_next(&c->in, &line, &len)) != PROTO_LINE_NONE) {
		if (r != PROTO_LINE_OK || len == 0)
			continue;
		msg = json_loadb(line, len, 0, NULL);
		if (json_is_object(msg)) {
			json_array_append(c->queue, msg);
			if (cli_to_pipe(c, msg) != 0)
				rc = -1;
		}
		json_decref(msg);
	}
	return rc;
}

/* Reads the input: the socket with any descriptor it carries (the pipe,
 * kept until its reply comes), or the pipe. */
static ssize_t
cli_recv(struct cli *c, char *buf, size_t len)
{
	union {
		struct cmsghdr	h;
		char		b[CMSG_SPACE(4 * sizeof(int))];
	} u;
	struct iovec	 iov = { buf, len };
	struct msghdr	 m = { .msg_iov = &iov, .msg_iovlen = 1,
	    .msg_control = u.b, .msg_controllen = sizeof u.b };
	ssize_t		 n;

	if (c->rfd != c->fd)
		return read(c->rfd, buf, len);
	if ((n = recvmsg(c->fd, &m, MSG_DONTWAIT | MSG_CMSG_CLOEXEC)) <= 0)
		return n;
	for (struct cmsghdr *h = CMSG_FIRSTHDR(&m); h != NULL;
	    h = CMSG_NXTHDR(&m, h)) {
		if (h->cmsg_level != SOL_SOCKET || h->cmsg_type != SCM_RIGHTS)
			continue;
		for (size_t i = 0; i < (h->cmsg_len - CMSG_LEN(0)) / sizeof(int);
		    i++) {
			int fd;

			memcpy(&fd, CMSG_DATA(h) + i * sizeof fd, sizeof fd);
			if (c->pipe_fd < 0)
				c->pipe_fd = fd;
			else
				close(fd);	/* one is all the core sends */
		}
	}
	return n;
}

int
cli_read(struct cli *c)
{
	char	buf[65536];
	ssize_t	n;

	if (c->closed)
		return -1;
	for (;;) {
		n = cli_recv(c, buf, sizeof buf);
		if (n > 0) {
			proto_lines_feed(&c->in, buf, n);
			if (cli_parse_lines(c) != 0) {
				c->closed = 1;
				return -1;
			}
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
			return 0;
		return cli_lost(c, n < 0 ? errno : 0);
	}
}

/* Removes message i from the queue and hands it over. */
static json_t *
cli_unqueue(struct cli *c, size_t i)
{
	json_t *msg = json_incref(json_array_get(c->queue, i));

	json_array_remove(c->queue, i);
	return msg;
}

json_t *
cli_take(struct cli *c)
{
	if (json_array_size(c->queue) == 0)
		return NULL;
	return cli_unqueue(c, 0);
}

/* The queued reply carrying id, if it has come. */
static json_t *
cli_find_reply(struct cli *c, json_t *id)
{
	size_t	 i;
	json_t	*msg;

	json_array_foreach(c->queue, i, msg) {
		if (json_object_get(msg, "event") == NULL &&
		    json_equal(json_object_get(msg, "id"), id))
			return cli_unqueue(c, i);
	}
	return NULL;
}

static json_t *
cli_find_event(struct cli *c)
{
	size_t	 i;
	json_t	*msg;

	json_array_foreach(c->queue, i, msg) {
		if (json_is_string(json_object_get(msg, "event")))
			return cli_unqueue(c, i);
	}
	return NULL;
}

/* Waits until the socket has something for us (or takes our output), up
 * to the deadline (0: none), then reads. 0 to go on, -1 on timeout or a
 * lost connection. */
static int
cli_wait(struct cli *c, uint64_t deadline)
{
	struct pollfd	pfd[2] = { { .fd = c->rfd, .events = POLLIN },
			    { .fd = c->fd, .events = POLLOUT } };
	uint64_t	now = clock_mono_us();
	int		ms = -1, r, n = 1;

	if (c->closed)
		return -1;
	if (deadline != 0) {
		if (now >= deadline) {
			cli_set_error(c, "no answer from the core in time");
			return -1;
		}
		ms = (int)((deadline - now + 999) / 1000);
	}
	if (cli_want_write(c) && c->rfd == c->fd)
		pfd[0].events |= POLLOUT;
	else if (cli_want_write(c))
		n = 2;		/* the socket, for output only */
	r = poll(pfd, n, ms);
	if (r < 0 && errno != EINTR)
		return cli_lost(c, errno);
	if (r > 0 && ((pfd[0].revents | (n == 2 ? pfd[1].revents : 0)) &
	    POLLOUT) && cli_flush(c) < 0)
		return -1;
	if (r > 0 && (pfd[0].revents & (POLLIN | POLLHUP | POLLERR)))
		cli_read(c);	/* EOF counts on the next turn, after the queue */
	return 0;
}

static uint64_t
cli_deadline(int timeout_ms)
{
	return timeout_ms < 0 ? 0 :
	    clock_mono_us() + (uint64_t)timeout_ms * 1000 + 1;
}

json_t *
cli_call(struct cli *c, json_t *req, int timeout_ms)
{
	uint64_t	 deadline = cli_deadline(timeout_ms);
	json_t		*id, *reply;
	int		 n;

	id = json_incref(json_object_get(req, "id"));
	if ((n = cli_send(c, req)) < 0) {
		json_decref(id);
		return NULL;
	}
	if (id == NULL)
		id = json_integer(n);
	while ((reply = cli_find_reply(c, id)) == NULL) {
		if (cli_wait(c, deadline) != 0)
			break;
	}
	if (reply == NULL && !c->closed)
		cli_set_error(c, "no reply from the core within %d ms", timeout_ms);
	json_decref(id);
	return reply;
}

json_t *
cli_next_event(struct cli *c, int timeout_ms)
{
	uint64_t	 deadline = cli_deadline(timeout_ms);
	json_t		*ev;

	while ((ev = cli_find_event(c)) == NULL) {
		if (cli_wait(c, deadline) != 0)
			return NULL;
	}
	return ev;
}

const char *
cli_reply_error(json_t *reply)
{
	static char	 buf[512];
	const char	*code, *msg;

	if (json_is_true(json_object_get(reply, "ok")))
		return NULL;
	code = json_string_value(json_object_get(reply, "error"));
	msg = json_string_value(json_object_get(reply, "message"));
	snprintf(buf, sizeof buf, "%s%s%s", code != NULL ? code : "failed",
	    msg != NULL && msg[0] != '\0' ? ": " : "", msg != NULL ? msg : "");
	return buf;
}

/* One request whose reply must be ok; the reply goes to *out if asked. */
static int
cli_expect_ok(struct cli *c, const char *what, json_t *req, json_t **out)
{
	json_t		*reply = cli_call(c, req, c->timeout_ms);
	const char	*e;

	if (out != NULL)
		*out = NULL;
	if (reply == NULL)
		return -1;
	if ((e = cli_reply_error(reply)) != NULL) {
		cli_set_error(c, "%s refused: %s", what, e);
		json_decref(reply);
		return -1;
	}
	if (out != NULL)
		*out = reply;
	else
		json_decref(reply);
	return 0;
}

json_t *
cli_req_hello(const char *client)
{
	return json_pack("{s:s,s:i,s:s}", "req", "hello", "proto",
	    PROTO_VERSION, "client", client);
}

/* A NULL pin is left out: the core may know the peer by its Unix user. */
json_t *
cli_req_subscribe(int pipe)
{
	return pipe ? json_pack("{s:s,s:b}", "req", "subscribe", "pipe", 1) :
	    json_pack("{s:s}", "req", "subscribe");
}

json_t *
cli_req_login_agent(const char *agent, const char *pin)
{
	json_t *req = json_pack("{s:s,s:s}", "req", "login", "agent", agent);

	if (pin != NULL)
		json_object_set_new(req, "pin", json_string(pin));
	return req;
}

int
cli_hello(struct cli *c, const char *client)
{
	return cli_expect_ok(c, "hello", cli_req_hello(client), NULL);
}

int
cli_login_user(struct cli *c, const char *user, const char *pin,
    json_t **reply)
{
	return cli_expect_ok(c, "login", json_pack("{s:s,s:s,s:s}", "req",
	    "login", "user", user, "pin", pin), reply);
}

int
cli_login_local(struct cli *c, json_t **reply)
{
	return cli_expect_ok(c, "login", json_pack("{s:s,s:b}", "req", "login",
	    "local", 1), reply);
}
