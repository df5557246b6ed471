/* loop.c: the loop every console runs (tui/loop.h): keyboard and socket in
 * one poll(2), redraw when dirty, the signals that end it in order. */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "clock.h"
#include "loop.h"

static volatile sig_atomic_t tui_loop_signalled;

static void
tui_loop_signal_cb(int sig)
{
	tui_loop_signalled = sig;
}

void
tui_loop_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = tui_loop_signal_cb;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
}

/* ms until the next whole second of the clocks, or sooner if due. */
static int
tui_loop_timeout(const struct tui_loop *l, uint64_t now)
{
	int ms = 1000 - (int)((now / 1000) % 1000), t;

	if ((t = l->due_ms(l->arg, now)) >= 0 && t < ms)
		ms = t;
	return ms;
}

static void
tui_loop_keys(const struct tui_loop *l)
{
	struct tui_key k;

	while (!*l->quit && tui_read_key(&k)) {
		if (tui_key_is(&k, KEY_RESIZE))
			*l->dirty = 1;
		else
			l->key(l->arg, &k);
	}
}

/* The core's entries of the poll set: its input first (the socket, or
 * the events' pipe), then the socket if output waits and it is not the
 * input; 0 when not connected. The tick writes the output. */
static int
tui_loop_socket(const struct tui_loop *l, struct pollfd *p)
{
	struct cli *c = l->cli(l->arg);

	if (c == NULL)
		return 0;
	p[0] = (struct pollfd){ .fd = cli_fd(c), .events = POLLIN };
	if (!cli_want_write(c))
		return 1;
	if (cli_out_fd(c) == cli_fd(c)) {
		p[0].events |= POLLOUT;
		return 1;
	}
	p[1] = (struct pollfd){ .fd = cli_out_fd(c), .events = POLLOUT };
	return 2;
}

void
tui_loop_run(const struct tui_loop *l)
{
	struct pollfd	pfd[4];
	uint64_t	now, second = 0;
	int		n, job;

	while (!*l->quit && !tui_loop_signalled) {
		now = clock_mono_us();
		if (now / 1000000 != second) {
			second = now / 1000000;
			*l->dirty = 1;
		}
		if (*l->dirty) {
			l->draw(l->arg);
			*l->dirty = 0;
		}
		pfd[0] = (struct pollfd){ .fd = STDIN_FILENO, .events = POLLIN };
		n = 1 + tui_loop_socket(l, &pfd[1]);
		job = l->job_fd != NULL ? l->job_fd(l->arg) : -1;
		if (job >= 0)
			pfd[n] = (struct pollfd){ .fd = job, .events = POLLIN };
		if (poll(pfd, n + (job >= 0), tui_loop_timeout(l, now)) < 0 &&
		    errno != EINTR)
			break;
		if (pfd[0].revents & (POLLHUP | POLLERR | POLLNVAL))
			break;	/* the terminal has gone (ssh dropped) */
		tui_loop_keys(l);	/* also after EINTR: SIGWINCH gives KEY_RESIZE */
		if (n >= 2 && l->cli(l->arg) != NULL && (pfd[1].revents & ~POLLOUT))
			l->read(l->arg);
		if (job >= 0 && pfd[n].revents != 0)
			l->job_ready(l->arg);
		l->tick(l->arg, clock_mono_us());
	}
}
