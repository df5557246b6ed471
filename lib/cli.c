/* cli.c: a client connection to the core (docs/protocol.md). */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/un.h>
#include "cli.h"
#include "clock.h"
#include "proto.h"
#include "xmalloc.h"

struct cli {
	int			 fd;
	int			 next_id;
	struct proto_lines	 in;
	json_t			*queue;		/* array of received messages */
};

const char *
cli_socket_path(const char *socket_opt, const char *state_opt)
{
	static char	 path[4096];
	const char	*e;

	if (socket_opt != NULL)
		snprintf(path, sizeof path, "%s", socket_opt);
	else if (state_opt != NULL)
		snprintf(path, sizeof path, "%s/run/centrala.sock", state_opt);
	else if ((e = getenv("CENTRALA_SOCKET")) != NULL && e[0] != '\0')
		snprintf(path, sizeof path, "%s", e);
	else if ((e = getenv("CENTRALA_STATE_DIR")) != NULL && e[0] != '\0')
		snprintf(path, sizeof path, "%s/run/centrala.sock", e);
	else
		snprintf(path, sizeof path, "state/run/centrala.sock");
	return path;
}

struct cli *
cli_connect(const char *path, char *err, size_t errlen)
{
	struct sockaddr_un	 sun = { .sun_family = AF_UNIX };
	struct cli		*c;
	int			 fd;

	if (strlen(path) >= sizeof sun.sun_path) {
		snprintf(err, errlen, "%s: path too long for a Unix socket", path);
		return NULL;
	}
	strcpy(sun.sun_path, path);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0 || connect(fd, (struct sockaddr *)&sun, sizeof sun) != 0) {
		snprintf(err, errlen, "cannot connect to %s: %s — is the core "
		    "running? (centrala core)", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	c = xcalloc(1, sizeof *c);
	c->fd = fd;
	c->next_id = 1;
	c->queue = json_array();
	proto_lines_init(&c->in, 64 * 1024 * 1024);
	return c;
}

void
cli_close(struct cli *c)
{
	if (c == NULL)
		return;
	close(c->fd);
	proto_lines_free(&c->in);
	json_decref(c->queue);
	free(c);
}

int
cli_fd(const struct cli *c)
{
	return c->fd;
}

int
cli_send(struct cli *c, json_t *req)
{
	json_t	*id = json_object_get(req, "id");
	int	 n = json_is_integer(id) ? (int)json_integer_value(id) : 0;
	char	*s;
	size_t	 len, off = 0;

	if (id == NULL) {
		n = c->next_id++;
		json_object_set_new(req, "id", json_integer(n));
	}
	s = proto_encode(req, &len);
	json_decref(req);
	while (off < len) {
		ssize_t w = send(c->fd, s + off, len - off, MSG_NOSIGNAL);

		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0) {
			free(s);
			return -1;
		}
		off += w;
	}
	free(s);
	return n;
}

static void
cli_parse_lines(struct cli *c)
{
	enum proto_line_result	 r;
	char			*line;
	size_t			 len;
	json_t			*msg;

	while ((r = proto_lines_next(&c->in, &line, &len)) != PROTO_LINE_NONE) {
		if (r != PROTO_LINE_OK || len == 0)
			continue;
		if ((msg = json_loadb(line, len, 0, NULL)) != NULL)
			json_array_append_new(c->queue, msg);
	}
}

int
cli_read(struct cli *c)
{
	char	buf[65536];
	ssize_t	n;

	for (;;) {
		n = recv(c->fd, buf, sizeof buf, MSG_DONTWAIT);
		if (n > 0) {
			proto_lines_feed(&c->in, buf, n);
			cli_parse_lines(c);
			continue;
		}
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
			return 0;
		if (n < 0 && errno == EINTR)
			continue;
		return -1;
	}
}

json_t *
cli_take(struct cli *c)
{
	json_t *msg;

	if (json_array_size(c->queue) == 0)
		return NULL;
	msg = json_incref(json_array_get(c->queue, 0));
	json_array_remove(c->queue, 0);
	return msg;
}

/* Removes and returns the queued reply with this id, if it came. */
static json_t *
cli_find_reply(struct cli *c, int id)
{
	size_t	 i;
	json_t	*msg, *mid;

	json_array_foreach(c->queue, i, msg) {
		mid = json_object_get(msg, "id");
		if (json_is_integer(mid) && json_integer_value(mid) == id &&
		    json_object_get(msg, "ok") != NULL) {
			json_incref(msg);
			json_array_remove(c->queue, i);
			return msg;
		}
	}
	return NULL;
}

json_t *
cli_call(struct cli *c, json_t *req, int timeout_ms, char *err, size_t errlen)
{
	int		 id = cli_send(c, req);
	uint64_t	 end = clock_mono_us() + (uint64_t)timeout_ms * 1000;
	json_t		*reply;
	struct pollfd	 pfd = { .fd = c->fd, .events = POLLIN };

	if (id < 0) {
		snprintf(err, errlen, "connection to the core lost");
		return NULL;
	}
	for (;;) {
		if (cli_read(c) != 0 && (reply = cli_find_reply(c, id)) == NULL) {
			snprintf(err, errlen, "connection to the core lost");
			return NULL;
		}
		if ((reply = cli_find_reply(c, id)) != NULL)
			return reply;
		uint64_t now = clock_mono_us();
		if (now >= end) {
			snprintf(err, errlen, "no reply from the core within %d ms",
			    timeout_ms);
			return NULL;
		}
		poll(&pfd, 1, (int)((end - now) / 1000) + 1);
	}
}

const char *
cli_reply_error(json_t *reply)
{
	if (json_is_true(json_object_get(reply, "ok")))
		return NULL;
	return json_string_value(json_object_get(reply, "message")) ?
	    json_string_value(json_object_get(reply, "message")) : "failed";
}

/* One blocking request whose reply must be ok. */
static int
cli_expect_ok(struct cli *c, json_t *req, char *err, size_t errlen)
{
	json_t		*reply = cli_call(c, req, 10000, err, errlen);
	const char	*e;

	if (reply == NULL)
		return -1;
	if ((e = cli_reply_error(reply)) != NULL) {
		snprintf(err, errlen, "%s", e);
		json_decref(reply);
		return -1;
	}
	json_decref(reply);
	return 0;
}

int
cli_hello(struct cli *c, const char *client, char *err, size_t errlen)
{
	return cli_expect_ok(c, json_pack("{s:s,s:i,s:s}", "req", "hello",
	    "proto", PROTO_VERSION, "client", client), err, errlen);
}

int
cli_login(struct cli *c, json_t *login, char *err, size_t errlen)
{
	json_object_set_new(login, "req", json_string("login"));
	return cli_expect_ok(c, login, err, errlen);
}
