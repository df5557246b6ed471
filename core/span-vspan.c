/* span-vspan.c: the virtual E1 or T1 span driver, wire-exact to
 * docs/vspan.md. Two listening SOCK_SEQPACKET sockets per span in the run
 * directory: span-NAME.d carries Q.921 frames, span-NAME.b TDM blocks (5120
 * bytes on E1, 3840 on T1). Layer
 * 1 is up while the far end has both connected. The far end is the clock:
 * each block it sends is answered by exactly one block. D frames come to
 * it once the rows of the loop pass that wrote them are committed (span.c
 * holds them): a Q.931 message never tells the network of a state the
 * database could lose. The blocks are media: sent at once. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <event2/event.h>
#include "core.h"
#include "log.h"
#include "span.h"
#include "xmalloc.h"

#define VSPAN_MIN_FRAME	5	/* address, control, 1 octet, 2 FCS */
#define VSPAN_BATCH	4	/* B blocks read and answered per system call */

struct vspan_sock {
	char		*path;
	int		 lfd;		/* listening */
	int		 fd;		/* the far end, -1 when none */
	struct event	*lev, *ev;
};

struct vspan {
	struct vspan_sock	 d, b;
	struct span		*span;
};

static void	vspan_down(struct span *, const char *);

static int
vspan_listen(struct vspan_sock *vs, char *err, size_t errlen)
{
	struct sockaddr_un sun;

	memset(&sun, 0, sizeof sun);
	sun.sun_family = AF_UNIX;
	if (strlen(vs->path) >= sizeof sun.sun_path) {
		snprintf(err, errlen, "%s: path too long for a Unix socket "
		    "(%zu bytes, at most %zu): use a shorter state_dir",
		    vs->path, strlen(vs->path), sizeof sun.sun_path - 1);
		return -1;
	}
	strcpy(sun.sun_path, vs->path);
	vs->lfd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (vs->lfd < 0 || (unlink(vs->path) != 0 && errno != ENOENT) ||
	    bind(vs->lfd, (struct sockaddr *)&sun, sizeof sun) != 0 ||
	    chmod(vs->path, 0660) != 0 || listen(vs->lfd, 4) != 0) {
		snprintf(err, errlen, "%s: %s", vs->path, strerror(errno));
		return -1;
	}
	vs->fd = -1;
	return 0;
}

static void
vspan_sock_drop(struct vspan_sock *vs)
{
	if (vs->ev != NULL)
		event_free(vs->ev);
	vs->ev = NULL;
	if (vs->fd >= 0)
		close(vs->fd);
	vs->fd = -1;
}

/* Reads one D frame; drops runts. 0 = nothing (libpri's convention). */
static int
vspan_d_read(struct span *s, void *buf, int len)
{
	struct vspan	*v = s->drv;
	ssize_t		 n;

	while (v->d.fd >= 0) {
		n = recv(v->d.fd, buf, len, MSG_DONTWAIT);
		if (n <= 0)
			return 0;
		if (n >= VSPAN_MIN_FRAME)
			return n;
	}
	return 0;
}

/* Sends one D frame. With no far end the frame is lost, as on a cut line. */
static void
vspan_d_send(struct span *s, const void *buf, size_t len)
{
	struct vspan *v = s->drv;

	if (v->d.fd >= 0 && send(v->d.fd, buf, len, MSG_DONTWAIT |
	    MSG_NOSIGNAL) < 0 && errno != EAGAIN)
		log_debug("span %s: D write: %s", s->name, strerror(errno));
}

/* 1 = a frame waits, 0 = nothing yet, -1 = the far end is gone (EOF or an
 * error on either socket is layer 1 down, vspan.md). */
static int
vspan_d_pending(int fd)
{
	char	c;
	ssize_t	n = recv(fd, &c, 1, MSG_PEEK | MSG_DONTWAIT);

	if (n > 0)
		return 1;
	return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) ? 0 : -1;
}

static void
vspan_d_cb(evutil_socket_t fd, short what, void *arg)
{
	struct span	*s = arg;
	int		 r;

	for (int i = 0; i < 64; i++) {
		if ((r = vspan_d_pending(fd)) < 0) {
			vspan_down(s, "D-channel socket closed");
			return;
		}
		if (r == 0)
			return;
		span_d_readable(s);
		if (!s->l1_up)
			return;
	}
}

/* Blocks come in and go out a batch at a time: one recvmmsg() takes every
 * block waiting (usually one; a burst after the far end stalled), each is
 * answered, and one sendmmsg() returns the answers in order. A batch short
 * of VSPAN_BATCH means the socket is empty: no second read to find out. */
static void
vspan_b_send(struct span *s, int fd, struct mmsghdr *out, int n)
{
	int i = 0, r;

	while (i < n) {
		r = sendmmsg(fd, out + i, n - i, MSG_DONTWAIT | MSG_NOSIGNAL);
		if (r <= 0) {		/* this one dropped: the rest may go */
			span_block_sent(s, 0);
			i++;
			continue;
		}
		for (int k = 0; k < r; k++)
			span_block_sent(s, 1);
		i += r;
	}
}

static void
vspan_b_cb(evutil_socket_t fd, short what, void *arg)
{
	struct span	*s = arg;
	uint8_t		 rx[VSPAN_BATCH][SPAN_BLOCK + 1];
	uint8_t		 tx[VSPAN_BATCH][SPAN_BLOCK];
	struct iovec	 riov[VSPAN_BATCH], tiov[VSPAN_BATCH];
	struct mmsghdr	 in[VSPAN_BATCH], out[VSPAN_BATCH];
	int		 n, nout;

	for (int i = 0; i < VSPAN_BATCH; i++) {
		riov[i] = (struct iovec){ rx[i], sizeof rx[i] };
		tiov[i] = (struct iovec){ tx[i], 0 };
		in[i] = (struct mmsghdr){ .msg_hdr = { .msg_iov = &riov[i],
		    .msg_iovlen = 1 } };
		out[i] = (struct mmsghdr){ .msg_hdr = { .msg_iov = &tiov[i],
		    .msg_iovlen = 1 } };
	}
	do {
		n = recvmmsg(fd, in, VSPAN_BATCH, MSG_DONTWAIT | MSG_TRUNC, NULL);
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
			return;
		if (n < 0 || in[0].msg_len == 0) {
			vspan_down(s, n < 0 ? strerror(errno) :
			    "B-channel socket closed");
			return;
		}
		nout = 0;
		for (int i = 0; i < n; i++) {
			if (in[i].msg_len == 0) {	/* EOF after the blocks */
				vspan_b_send(s, fd, out, nout);
				vspan_down(s, "B-channel socket closed");
				return;
			}
			if (in[i].msg_len != (unsigned)s->kind->block) {
				span_block_bad(s);	/* the other variant's too */
				continue;
			}
			span_b_block(s, rx[i], tx[nout]);
			tiov[nout].iov_len = s->kind->block;
			nout++;
		}
		vspan_b_send(s, fd, out, nout);
	} while (n == VSPAN_BATCH && s->l1_up);
}

static void
vspan_accept_cb(evutil_socket_t lfd, short what, void *arg)
{
	struct span		*s = arg;
	struct vspan		*v = s->drv;
	struct vspan_sock	*vs = lfd == v->d.lfd ? &v->d : &v->b;
	int			 fd;

	fd = accept4(lfd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
	if (fd < 0)
		return;
	if (vs->fd >= 0) {	/* one far end at a time */
		log_warn("span %s: second connection on %s refused", s->name,
		    vs->path);
		close(fd);
		return;
	}
	vs->fd = fd;
	vs->ev = event_new(core.base, fd, EV_READ | EV_PERSIST,
	    vs == &v->d ? vspan_d_cb : vspan_b_cb, s);
	event_add(vs->ev, NULL);
	if (v->d.fd >= 0 && v->b.fd >= 0)
		span_l1_up(s);
}

static void
vspan_down(struct span *s, const char *why)
{
	struct vspan *v = s->drv;

	vspan_sock_drop(&v->d);
	vspan_sock_drop(&v->b);
	span_l1_down(s, why);
}

static int
vspan_open(struct span *s, char *err, size_t errlen)
{
	struct vspan *v = xcalloc(1, sizeof *v);

	s->drv = v;
	v->span = s;
	v->d.lfd = v->b.lfd = v->d.fd = v->b.fd = -1;
	v->d.path = xprintf("%s/span-%s.d", core.run_dir, s->name);
	v->b.path = xprintf("%s/span-%s.b", core.run_dir, s->name);
	if (vspan_listen(&v->d, err, errlen) != 0 ||
	    vspan_listen(&v->b, err, errlen) != 0)
		return -1;
	v->d.lev = event_new(core.base, v->d.lfd, EV_READ | EV_PERSIST,
	    vspan_accept_cb, s);
	v->b.lev = event_new(core.base, v->b.lfd, EV_READ | EV_PERSIST,
	    vspan_accept_cb, s);
	event_add(v->d.lev, NULL);
	event_add(v->b.lev, NULL);
	return 0;
}

static void
vspan_close(struct span *s)
{
	struct vspan *v = s->drv;

	if (v == NULL)
		return;
	vspan_sock_drop(&v->d);
	vspan_sock_drop(&v->b);
	for (struct vspan_sock *vs = &v->d; vs <= &v->b; vs++) {
		if (vs->lev != NULL)
			event_free(vs->lev);
		if (vs->lfd >= 0)
			close(vs->lfd);
		unlink(vs->path);
		free(vs->path);
	}
	free(v);
	s->drv = NULL;
}

const struct span_driver span_driver_vspan = {
	.name = "vspan",
	.open = vspan_open,
	.close = vspan_close,
	.d_read = vspan_d_read,
	.d_send = vspan_d_send,
};
