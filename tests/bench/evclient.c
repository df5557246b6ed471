/* evclient.c: N subscribed clients of the core on one epoll loop, for
 * bench-events.sh. Each connects to the socket, says hello, logs in as the
 * local admin and subscribes; once all are subscribed it prints "ready" and
 * reads events until SECONDS have passed (or SIGTERM), then prints:
 *   deliveries: for every event line read on every socket, the time from
 *     the event's at_us stamp (the core's wall clock as it queued the event
 *     to its clients) to the read() that brought the line in;
 *   events: per event (told apart by its stamp), the time to the LAST of
 *     the sockets that received it.
 * The N clients stand for N consoles, each its own process blocked on its
 * one socket: epoll wakes the loop for the sockets that have data only (a
 * poll(2) over all N per wakeup would cost this process, and the machine
 * the core shares, time no console spends). VIA "pipe" (the default, as
 * the supervisor console) asks the events on a pipe (subscribe
 * {"pipe":true}: its read end comes on the socket before the reply, the
 * rest on the pipe); "socket" keeps them on the socket.
 * Usage: evclient SOCKET N SECONDS [pipe|socket] */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/un.h>

#define EV_BUF		(256 * 1024)
#define EV_STEP_US	10
#define EV_HIST		1000000		/* 10 us steps up to 10 s */
#define EV_TABLE	(1 << 18)	/* events told apart by at_us */

struct evc {
	int	 fd;		/* read: the socket, then the pipe */
	int	 sock;
	int	 pipe;		/* received with the reply to come */
	int	 ready;		/* the subscribe was answered */
	size_t	 len;
	char	*buf;
};

struct ev_slot {
	int64_t		at;	/* 0 = free */
	int64_t		last;	/* latest arrival, us after at */
};

struct ev_hist {
	uint64_t	n, over, max, bucket[EV_HIST];
};

static struct ev_hist	 deliveries, last_socket;
static struct ev_slot	 table[EV_TABLE];
static volatile sig_atomic_t stop;
static int		 ep;
static int		 via_pipe = 1;
static struct evc	*evcs;

static int64_t
ev_now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static void
ev_hist_add(struct ev_hist *h, int64_t us)
{
	if (us < 0)
		us = 0;
	h->n++;
	if ((uint64_t)us > h->max)
		h->max = (uint64_t)us;
	if (us / EV_STEP_US >= EV_HIST)
		h->over++;
	else
		h->bucket[us / EV_STEP_US]++;
}

static uint64_t
ev_hist_pct(const struct ev_hist *h, double p)
{
	uint64_t want = (uint64_t)(h->n * p / 100.0), seen = 0;

	for (int i = 0; i < EV_HIST; i++)
		if ((seen += h->bucket[i]) > want)
			return (uint64_t)(i + 1) * EV_STEP_US;
	return h->max;
}

static void
ev_hist_print(const char *name, const struct ev_hist *h)
{
	printf("%s n=%llu p50_us=%llu p99_us=%llu max_us=%llu\n", name,
	    (unsigned long long)h->n, (unsigned long long)ev_hist_pct(h, 50),
	    (unsigned long long)ev_hist_pct(h, 99), (unsigned long long)h->max);
}

/* The event's slot by its stamp (linear probing). */
static struct ev_slot *
ev_slot_of(int64_t at)
{
	uint64_t i = ((uint64_t)at * 0x9E3779B97F4A7C15ULL) >> 46;

	for (int probe = 0; probe < EV_TABLE; probe++, i = (i + 1) % EV_TABLE)
		if (table[i].at == at || table[i].at == 0) {
			table[i].at = at;
			return &table[i];
		}
	return NULL;
}

static void
ev_line(struct evc *c, const char *line, int64_t now)
{
	const char	*p = strstr(line, "\"at_us\":");
	struct ev_slot	*slot;
	int64_t		 at;

	if (!c->ready && strstr(line, "\"id\":3") != NULL) {
		if (strstr(line, "\"ok\":true") == NULL) {
			fprintf(stderr, "evclient: subscribe refused: %s\n", line);
			exit(1);
		}
		c->ready = 1;
		if (via_pipe) {		/* the rest comes on the pipe */
			struct epoll_event one = { .events = EPOLLIN,
			    .data.u32 = (uint32_t)(c - evcs) };

			if (c->pipe < 0 || epoll_ctl(ep, EPOLL_CTL_DEL, c->sock,
			    NULL) != 0 || epoll_ctl(ep, EPOLL_CTL_ADD, c->pipe,
			    &one) != 0) {
				fprintf(stderr, "evclient: no pipe came\n");
				exit(1);
			}
			c->fd = c->pipe;
		}
		return;
	}
	if (p == NULL || !c->ready)
		return;
	at = strtoll(p + 8, NULL, 10);
	ev_hist_add(&deliveries, now - at);
	if ((slot = ev_slot_of(at)) != NULL && now - at > slot->last)
		slot->last = now - at;
}

/* The socket's read keeps the descriptor it carries (the pipe). */
static ssize_t
ev_recv(struct evc *c, char *buf, size_t len)
{
	char		 cm[CMSG_SPACE(sizeof(int))];
	struct iovec	 iov = { buf, len };
	struct msghdr	 m = { .msg_iov = &iov, .msg_iovlen = 1,
	    .msg_control = cm, .msg_controllen = sizeof cm };
	struct cmsghdr	*h;
	ssize_t		 n;

	if (c->fd != c->sock)
		return read(c->fd, buf, len);
	if ((n = recvmsg(c->sock, &m, 0)) > 0 && (h = CMSG_FIRSTHDR(&m)) !=
	    NULL && h->cmsg_type == SCM_RIGHTS)
		memcpy(&c->pipe, CMSG_DATA(h), sizeof c->pipe);
	return n;
}

/* Reads what waits; 0 = the core closed the socket. */
static int
ev_read(struct evc *c)
{
	ssize_t	 n = ev_recv(c, c->buf + c->len, EV_BUF - c->len - 1);
	int64_t	 now = ev_now_us();
	char	*line, *nl;

	if (n <= 0)
		return n < 0 && errno == EINTR;
	c->len += (size_t)n;
	c->buf[c->len] = '\0';
	for (line = c->buf; (nl = strchr(line, '\n')) != NULL; line = nl + 1) {
		*nl = '\0';
		ev_line(c, line, now);
	}
	c->len -= (size_t)(line - c->buf);
	memmove(c->buf, line, c->len);
	if (c->len == EV_BUF - 1)	/* a line longer than the buffer */
		c->len = 0;
	return 1;
}

static int
ev_connect(const char *path)
{
	struct sockaddr_un	 sun = { .sun_family = AF_UNIX };
	int			 fd = socket(AF_UNIX, SOCK_STREAM, 0);
	char			 hello[256];

	snprintf(hello, sizeof hello, "%s%s",
	    "{\"id\":1,\"req\":\"hello\",\"proto\":1,\"client\":\"evclient\"}\n"
	    "{\"id\":2,\"req\":\"login\",\"local\":true}\n",
	    via_pipe ? "{\"id\":3,\"req\":\"subscribe\",\"pipe\":true}\n" :
	    "{\"id\":3,\"req\":\"subscribe\"}\n");
	snprintf(sun.sun_path, sizeof sun.sun_path, "%s", path);
	if (fd < 0 || connect(fd, (struct sockaddr *)&sun, sizeof sun) != 0 ||
	    write(fd, hello, strlen(hello)) != (ssize_t)strlen(hello)) {
		perror(path);
		exit(1);
	}
	return fd;
}

static void
ev_on_term(int sig)
{
	stop = 1;
}

int
main(int argc, char **argv)
{
	int		 n, nready = 0;
	double		 secs;
	struct evc	*c;
	struct epoll_event ev[64];
	int		 got;
	int64_t		 end = 0;
	struct rusage	 ru;

	if (argc < 4 || argc > 5 || (n = atoi(argv[2])) <= 0 ||
	    (secs = atof(argv[3])) <= 0 || (argc == 5 &&
	    strcmp(argv[4], "pipe") != 0 && strcmp(argv[4], "socket") != 0)) {
		fprintf(stderr, "usage: evclient SOCKET N SECONDS [pipe|socket]\n");
		return 2;
	}
	via_pipe = argc < 5 || strcmp(argv[4], "pipe") == 0;
	signal(SIGTERM, ev_on_term);
	c = evcs = calloc(n, sizeof *c);
	if ((ep = epoll_create1(0)) < 0) {
		perror("epoll_create1");
		return 1;
	}
	for (int i = 0; i < n; i++) {
		struct epoll_event one = { .events = EPOLLIN, .data.u32 = i };

		c[i].fd = c[i].sock = ev_connect(argv[1]);
		c[i].pipe = -1;
		c[i].buf = malloc(EV_BUF);
		if (epoll_ctl(ep, EPOLL_CTL_ADD, c[i].fd, &one) != 0) {
			perror("epoll_ctl");
			return 1;
		}
	}
	while (!stop && (end == 0 || ev_now_us() < end)) {
		if ((got = epoll_wait(ep, ev, 64, 100)) < 0 && errno != EINTR)
			break;
		for (int k = 0; k < got; k++) {
			int i = (int)ev[k].data.u32;

			if (!ev_read(&c[i])) {
				fprintf(stderr, "evclient: socket %d closed by the core\n", i);
				return 1;
			}
		}
		if (end == 0) {
			nready = 0;
			for (int i = 0; i < n; i++)
				nready += c[i].ready;
			if (nready == n) {
				memset(&deliveries, 0, sizeof deliveries);
				memset(table, 0, sizeof table);
				printf("ready %d\n", n);
				fflush(stdout);
				end = ev_now_us() + (int64_t)(secs * 1e6);
			}
		}
	}
	for (int i = 0; i < EV_TABLE; i++)
		if (table[i].at != 0)
			ev_hist_add(&last_socket, table[i].last);
	getrusage(RUSAGE_SELF, &ru);
	printf("client cpu_s=%.2f\n", ru.ru_utime.tv_sec + ru.ru_stime.tv_sec +
	    (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6);
	ev_hist_print("deliveries", &deliveries);
	ev_hist_print("events_last_socket", &last_socket);
	return 0;
}
