/* agent-main.c: `centrala agent`, the agent console: options, then one
 * loop that waits in poll(2) on the keyboard and the core's socket
 * together. The timeout is only for the clocks on screen (once a second),
 * a reconnect that is due and a note waiting to be sent; the core is never
 * asked for state, its events say everything. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "event.h"
#include "clock.h"
#include "console.h"
#include "keys.h"
#include "login.h"
#include "loop.h"
#include "note.h"
#include "reply.h"
#include "session.h"
#include "view.h"

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

/* What comes from the core goes up to these (session.h). */
static const struct session_up agent_up = {
	.event = event_dispatch, .reply = reply_handle,
	.unreachable = login_unreachable,
};

/* The loop's view of the console (tui/loop.h). */
static struct cli *
agent_cli(void *arg)
{
	return ((struct console *)arg)->cli;
}

static void
agent_draw(void *arg)
{
	view_draw(arg);
}

static void
agent_key(void *arg, const struct tui_key *k)
{
	keys_handle(arg, k);
}

static void
agent_read(void *arg)
{
	session_read(arg);
}

static int
agent_timeout(void *arg, uint64_t now)
{
	int s = session_timeout(arg, now), n = note_timeout(arg, now);

	return s < 0 || (n >= 0 && n < s) ? n : s;
}

static void
agent_tick(void *arg, uint64_t now)
{
	struct console *c = arg;

	session_tick(c, now);
	note_tick(c, now);
	if (c->exit_at != 0 && now >= c->exit_at)
		c->quit = 1;
}

static void
agent_loop(struct console *c)
{
	const struct tui_loop l = { .arg = c, .quit = &c->quit,
	    .dirty = &c->dirty, .cli = agent_cli, .draw = agent_draw,
	    .key = agent_key, .read = agent_read, .due_ms = agent_timeout,
	    .tick = agent_tick };

	tui_loop_run(&l);
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
	session_handle(&agent_up);
	tui_loop_signals();
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
