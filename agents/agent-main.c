/* agent-main.c: `centrala agent`, the agent console: options, then one
 * loop that waits in poll(2) on the keyboard and the core's socket
 * together. The timeout is only for the clocks on screen (once a second),
 * a reconnect that is due and a note waiting to be sent; the core is never
 * asked for state, its events say everything. */
#include <errno.h>
#include <getopt.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "clock.h"
#include "console.h"
#include "keys.h"
#include "login.h"
#include "note.h"
#include "session.h"
#include "view.h"

static volatile sig_atomic_t agent_signalled;

static void
agent_signal_cb(int sig)
{
	agent_signalled = sig;
}

static void
usage(FILE *f)
{
	fprintf(f, "usage: centrala agent [--state-dir DIR] [--socket PATH] "
	    "[--agent ID] [--pin PIN] [--queues LIST]\n"
	    "The agent console: log in, take calls, write notes.\n\n"
	    "  -s, --state-dir DIR  the core's state directory (socket in "
	    "DIR/run)\n"
	    "      --socket PATH    the core's socket\n"
	    "  -a, --agent ID       log in as this agent (without a PIN when the\n"
	    "                       core maps the agent to this Unix user)\n"
	    "  -p, --pin PIN        the agent's PIN\n"
	    "  -q, --queues LIST    take calls from these of your queues only\n"
	    "                       (comma-separated; default: all of them)\n"
	    "  -h, --help           print this help and exit\n\n"
	    "Without --state-dir: $CENTRALA_SOCKET, $CENTRALA_STATE_DIR, else\n"
	    "./state or ./demo-state, whichever has a core.\n"
	    "Keys: F1 in the console.\n");
}

static void
agent_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = agent_signal_cb;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
}

/* ms until the next whole second of the clocks, or sooner if due. */
static int
agent_timeout(struct console *c, uint64_t now)
{
	int ms = 1000 - (int)((now / 1000) % 1000), t;

	if ((t = session_timeout(c, now)) >= 0 && t < ms)
		ms = t;
	if ((t = note_timeout(c, now)) >= 0 && t < ms)
		ms = t;
	return ms;
}

static void
agent_keys(struct console *c)
{
	struct tui_key k;

	while (!c->quit && tui_read_key(&k)) {
		if (tui_key_is(&k, KEY_RESIZE))
			c->dirty = 1;
		else
			keys_handle(c, &k);
	}
}

static void
agent_loop(struct console *c)
{
	struct pollfd	pfd[2];
	uint64_t	now, second = 0;
	int		n;

	while (!c->quit && !agent_signalled) {
		now = clock_mono_us();
		if (now / 1000000 != second) {
			second = now / 1000000;
			c->dirty = 1;
		}
		if (c->dirty) {
			view_draw(c);
			c->dirty = 0;
		}
		pfd[0] = (struct pollfd){ .fd = STDIN_FILENO, .events = POLLIN };
		n = 1;
		if (c->cli != NULL) {
			pfd[1] = (struct pollfd){ .fd = cli_fd(c->cli),
			    .events = POLLIN };
			if (cli_want_write(c->cli))
				pfd[1].events |= POLLOUT;
			n = 2;
		}
		if (poll(pfd, n, agent_timeout(c, now)) < 0 && errno != EINTR)
			break;
		if (pfd[0].revents & (POLLHUP | POLLERR | POLLNVAL))
			break;	/* the terminal has gone (ssh dropped) */
		agent_keys(c);	/* also after EINTR: SIGWINCH gives KEY_RESIZE */
		if (n == 2 && c->cli != NULL && (pfd[1].revents & ~POLLOUT))
			session_read(c);
		now = clock_mono_us();
		session_tick(c, now);
		note_tick(c, now);
		if (c->exit_at != 0 && now >= c->exit_at)
			c->quit = 1;
	}
}

int
main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "state-dir", required_argument, NULL, 's' },
		{ "socket", required_argument, NULL, 'S' },
		{ "agent", required_argument, NULL, 'a' },
		{ "pin", required_argument, NULL, 'p' },
		{ "queues", required_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char	*state_dir = NULL, *sock = NULL, *agent = NULL, *pin = NULL;
	const char	*queues = NULL;
	struct console	 c;
	int		 ch;

	while ((ch = getopt_long(argc, argv, "s:a:p:q:h", opts, NULL)) != -1) {
		switch (ch) {
		case 's': state_dir = optarg; break;
		case 'S': sock = optarg; break;
		case 'a': agent = optarg; break;
		case 'p': pin = optarg; break;
		case 'q': queues = optarg; break;
		case 'h': usage(stdout); return 0;
		default: usage(stderr); return 2;
		}
	}
	if (optind != argc) {
		usage(stderr);
		return 2;
	}
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "centrala agent: needs a terminal\n");
		return 2;
	}
	console_init(&c, cli_socket_path(sock, state_dir));
	login_prefill(&c, agent, queues);
	if (agent != NULL) {
		c.have_pin = pin != NULL;
		snprintf(c.pin, sizeof c.pin, "%s", pin != NULL ? pin : "");
		c.want_login = 1;
	}
	agent_signals();
	tui_init();
	session_connect(&c);
	agent_loop(&c);
	note_flush(&c);
	if (c.cli != NULL)
		cli_flush(c.cli);
	tui_end();
	if (c.exit_why != NULL)
		printf("centrala agent: %s\n", c.exit_why);
	console_free(&c);
	return 0;
}
