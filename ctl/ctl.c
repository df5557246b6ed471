/* ctl.c: `centrala ctl`: talks to a running core as its admin (the core's
 * own Unix user or root), or as a named supervisor/admin with a PIN.
 * Exit codes: 0 ok, 1 request failed, 2 usage, 3 cannot connect. */
#include <getopt.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "clock.h"
#include "pin.h"

#define EXIT_FAILED	1
#define EXIT_USAGE	2
#define EXIT_CONNECT	3

static const char	*opt_socket, *opt_state, *opt_user;
static int		 opt_timeout = 10, opt_json;

static void
usage(FILE *f)
{
	fprintf(f,
"usage: centrala ctl [options] COMMAND [args]\n"
"Talks to a running core.\n\n"
"Commands:\n"
"  status [--json]        spans, calls, agents and queues\n"
"  reload                 re-read the configuration (calls are kept)\n"
"  stop [--wait|--clear]  stop the core: wait for calls to end (default),\n"
"                         or clear them now; returns when the core is gone\n"
"  show-config            the configuration in force, every key\n"
"  set-pin WHO            set an agent's or user's PIN (read from stdin)\n"
"  hash-pin               read a PIN on stdin, print its hash for the config\n"
"  events                 print live events as JSON lines\n"
"  why CALL               why the call was offered to that agent\n"
"  req JSON               send one raw request, print the reply\n"
"  wait-ready             wait until the core answers (up to --timeout)\n\n"
"Options:\n"
"  -S, --socket PATH      the core's socket\n"
"  -s, --state-dir DIR    the core's state directory (socket in DIR/run)\n"
"  -u, --user NAME        log in as this supervisor/admin (PIN from\n"
"                         $CENTRALA_PIN or stdin); default: local admin\n"
"  -t, --timeout S        seconds to wait for replies (default 10)\n"
"  -h, --help\n");
}

static struct cli *
ctl_connect(int quiet)
{
	char		 err[512];
	const char	*path = cli_socket_path(opt_socket, opt_state);
	struct cli	*c = cli_connect(path, err, sizeof err);

	if (c == NULL || cli_hello(c, "ctl/" VERSION, err, sizeof err) != 0) {
		if (!quiet)
			fprintf(stderr, "centrala ctl: %s\n", err);
		cli_close(c);
		return NULL;
	}
	return c;
}

static char *
ctl_read_pin(void)
{
	static char	 buf[64];
	const char	*env = getenv("CENTRALA_PIN");

	if (env != NULL) {
		snprintf(buf, sizeof buf, "%s", env);
		return buf;
	}
	if (isatty(0))
		fprintf(stderr, "PIN: ");
	if (fgets(buf, sizeof buf, stdin) == NULL)
		return NULL;
	buf[strcspn(buf, "\r\n")] = '\0';
	return buf;
}

static struct cli *
ctl_session(void)
{
	struct cli	*c = ctl_connect(0);
	char		 err[512], *pin;
	json_t		*login;

	if (c == NULL)
		exit(EXIT_CONNECT);
	if (opt_user != NULL) {
		if ((pin = ctl_read_pin()) == NULL) {
			fprintf(stderr, "centrala ctl: no PIN given\n");
			exit(EXIT_USAGE);
		}
		login = json_pack("{s:s,s:s}", "user", opt_user, "pin", pin);
	} else
		login = json_pack("{s:b}", "local", 1);
	if (cli_login(c, login, err, sizeof err) != 0) {
		fprintf(stderr, "centrala ctl: login refused: %s\n", err);
		exit(EXIT_FAILED);
	}
	return c;
}

/* Sends req, prints an error if it failed; returns the reply or exits. */
static json_t *
ctl_call(struct cli *c, json_t *req)
{
	char		 err[512];
	json_t		*reply = cli_call(c, req, opt_timeout * 1000, err, sizeof err);
	const char	*e;

	if (reply == NULL) {
		fprintf(stderr, "centrala ctl: %s\n", err);
		exit(EXIT_FAILED);
	}
	if ((e = cli_reply_error(reply)) != NULL) {
		fprintf(stderr, "centrala ctl: %s: %s\n",
		    json_string_value(json_object_get(reply, "error")), e);
		exit(EXIT_FAILED);
	}
	return reply;
}

static const char *
ctl_s(json_t *o, const char *k)
{
	const char *s = json_string_value(json_object_get(o, k));

	return s != NULL ? s : "-";
}

static int
ctl_i(json_t *o, const char *k)
{
	return (int)json_integer_value(json_object_get(o, k));
}

static void
ctl_print_status(json_t *r)
{
	json_t	*core = json_object_get(r, "core"), *x;
	size_t	 i;

	printf("centrala %s, up %ds%s, %d clients\n\n", ctl_s(core, "version"),
	    ctl_i(core, "uptime_s"), json_is_true(json_object_get(core,
	    "draining")) ? ", STOPPING" : "", ctl_i(core, "clients"));
	printf("%-10s %-5s %-5s %s\n", "SPAN", "L1", "L2", "IN USE");
	json_array_foreach(json_object_get(r, "spans"), i, x)
		printf("%-10s %-5s %-5s %d/%d\n", ctl_s(x, "name"), ctl_s(x, "l1"),
		    ctl_s(x, "l2"), ctl_i(x, "in_use"), ctl_i(x, "channels"));
	printf("\n%-10s %7s %8s %7s %8s %9s %5s\n", "QUEUE", "WAITING",
	    "LONGEST", "OFFERED", "ANSWERED", "ABANDONED", "READY");
	json_array_foreach(json_object_get(r, "queues"), i, x)
		printf("%-10s %7d %7ds %7d %8d %9d %5d\n", ctl_s(x, "name"),
		    ctl_i(x, "waiting"), ctl_i(x, "longest_wait_s"),
		    ctl_i(x, "offered"), ctl_i(x, "answered"),
		    ctl_i(x, "abandoned"), ctl_i(x, "agents_ready"));
	printf("\n%-6s %-26s %-11s %-10s %s\n", "AGENT", "NAME", "STATE",
	    "REASON", "CALLS");
	json_array_foreach(json_object_get(r, "agents"), i, x)
		if (strcmp(ctl_s(x, "state"), "logged_out") != 0)
			printf("%-6s %-26s %-11s %-10s %d\n", ctl_s(x, "agent"),
			    ctl_s(x, "name"), ctl_s(x, "state"),
			    ctl_s(x, "reason"), ctl_i(x, "calls"));
	printf("\n%-18s %-10s %-12s %-6s %-8s %-6s %s\n", "CALL", "STATE", "FROM",
	    "TO", "QUEUE", "AGENT", "AGE");
	json_array_foreach(json_object_get(r, "calls"), i, x)
		printf("%-18s %-10s %-12s %-6s %-8s %-6s %ds\n", ctl_s(x, "call"),
		    ctl_s(x, "state"), ctl_s(x, "cli"), ctl_s(x, "dnis"),
		    ctl_s(x, "queue"), ctl_s(x, "agent"), ctl_i(x, "age_s"));
}

static int
cmd_status(struct cli *c)
{
	json_t *r = ctl_call(c, json_pack("{s:s}", "req", "status"));

	if (opt_json) {
		json_object_del(r, "id");
		json_object_del(r, "ok");
		json_dumpf(r, stdout, JSON_COMPACT);
		putchar('\n');
	} else
		ctl_print_status(r);
	json_decref(r);
	return 0;
}

static int
cmd_reload(struct cli *c)
{
	json_t	*r = ctl_call(c, json_pack("{s:s}", "req", "reload")), *w;
	size_t	 i;

	json_array_foreach(json_object_get(r, "warnings"), i, w)
		printf("warning: %s\n", json_string_value(w));
	printf("configuration reloaded\n");
	json_decref(r);
	return 0;
}

/* Waits until the core closes our connection. */
static int
ctl_wait_gone(struct cli *c)
{
	uint64_t	end = clock_mono_us() + (uint64_t)opt_timeout * 1000000;
	struct pollfd	pfd = { .fd = cli_fd(c), .events = POLLIN };
	json_t		*m;

	while (clock_mono_us() < end) {
		poll(&pfd, 1, 200);
		if (cli_read(c) != 0)
			return 0;
		while ((m = cli_take(c)) != NULL)
			json_decref(m);
	}
	fprintf(stderr, "centrala ctl: the core is still running after %ds\n",
	    opt_timeout);
	return EXIT_FAILED;
}

static int
cmd_stop(struct cli *c, const char *mode)
{
	json_decref(ctl_call(c, json_pack("{s:s,s:s}", "req", "stop", "mode",
	    mode)));
	return ctl_wait_gone(c);
}

static int
cmd_show_config(struct cli *c)
{
	json_t *r = ctl_call(c, json_pack("{s:s}", "req", "show-config"));

	fputs(ctl_s(r, "config"), stdout);
	json_decref(r);
	return 0;
}

static int
cmd_set_pin(struct cli *c, const char *who)
{
	char *pin = ctl_read_pin();

	if (pin == NULL)
		return EXIT_USAGE;
	json_decref(ctl_call(c, json_pack("{s:s,s:s,s:s}", "req", "set-pin",
	    "who", who, "pin", pin)));
	printf("PIN of %s changed\n", who);
	return 0;
}

static int
cmd_hash_pin(void)
{
	char *pin = ctl_read_pin(), *h;

	if (pin == NULL || (h = pin_hash(pin)) == NULL) {
		fprintf(stderr, "centrala ctl: a PIN is 4 to 12 digits\n");
		return EXIT_USAGE;
	}
	printf("%s\n", h);
	free(h);
	return 0;
}

static int
cmd_req(struct cli *c, const char *text)
{
	json_error_t	 jerr;
	json_t		*req = json_loads(text, 0, &jerr), *r;
	char		 err[512];
	int		 ok;

	if (!json_is_object(req)) {
		fprintf(stderr, "centrala ctl: req: not a JSON object: %s\n",
		    req ? "" : jerr.text);
		return EXIT_USAGE;
	}
	if ((r = cli_call(c, req, opt_timeout * 1000, err, sizeof err)) == NULL) {
		fprintf(stderr, "centrala ctl: %s\n", err);
		return EXIT_FAILED;
	}
	ok = json_is_true(json_object_get(r, "ok"));
	json_dumpf(r, stdout, JSON_COMPACT);
	putchar('\n');
	json_decref(r);
	return ok ? 0 : EXIT_FAILED;
}

static int
cmd_why(struct cli *c, const char *call)
{
	json_t *r = ctl_call(c, json_pack("{s:s,s:s}", "req", "why", "call", call));

	printf("%s\n", ctl_s(r, "why"));
	json_decref(r);
	return 0;
}

static int
cmd_events(struct cli *c)
{
	struct pollfd	 pfd = { .fd = cli_fd(c), .events = POLLIN };
	json_t		*m;

	json_decref(ctl_call(c, json_pack("{s:s}", "req", "subscribe")));
	setvbuf(stdout, NULL, _IOLBF, 0);
	for (;;) {
		while ((m = cli_take(c)) != NULL) {
			if (json_object_get(m, "event") != NULL) {
				json_dumpf(m, stdout, JSON_COMPACT);
				putchar('\n');
			}
			json_decref(m);
		}
		poll(&pfd, 1, -1);
		if (cli_read(c) != 0)
			return 0;
	}
}

static int
cmd_wait_ready(void)
{
	uint64_t	 end = clock_mono_us() + (uint64_t)opt_timeout * 1000000;
	struct cli	*c;

	while ((c = ctl_connect(1)) == NULL) {
		if (clock_mono_us() >= end) {
			fprintf(stderr, "centrala ctl: no core answered at %s "
			    "within %ds\n", cli_socket_path(opt_socket,
			    opt_state), opt_timeout);
			return EXIT_CONNECT;
		}
		usleep(100000);
	}
	cli_close(c);
	return 0;
}

static int
ctl_run(int argc, char **argv)
{
	const char	*cmd = argv[0];
	int		 nargs = argc - 1;

	if (strcmp(cmd, "hash-pin") == 0 && nargs == 0)
		return cmd_hash_pin();
	if (strcmp(cmd, "wait-ready") == 0 && nargs == 0)
		return cmd_wait_ready();
	if (strcmp(cmd, "status") == 0 && nargs <= 1) {
		if (nargs == 1 && strcmp(argv[1], "--json") != 0)
			return -1;
		opt_json |= nargs == 1;
		return cmd_status(ctl_session());
	}
	if (strcmp(cmd, "reload") == 0 && nargs == 0)
		return cmd_reload(ctl_session());
	if (strcmp(cmd, "stop") == 0 && nargs <= 1) {
		if (nargs == 1 && strcmp(argv[1], "--wait") != 0 &&
		    strcmp(argv[1], "--clear") != 0)
			return -1;
		return cmd_stop(ctl_session(), nargs == 1 &&
		    strcmp(argv[1], "--clear") == 0 ? "clear" : "wait");
	}
	if (strcmp(cmd, "show-config") == 0 && nargs == 0)
		return cmd_show_config(ctl_session());
	if (strcmp(cmd, "set-pin") == 0 && nargs == 1)
		return cmd_set_pin(ctl_session(), argv[1]);
	if (strcmp(cmd, "events") == 0 && nargs == 0)
		return cmd_events(ctl_session());
	if (strcmp(cmd, "why") == 0 && nargs == 1)
		return cmd_why(ctl_session(), argv[1]);
	if (strcmp(cmd, "req") == 0 && nargs == 1)
		return cmd_req(ctl_session(), argv[1]);
	return -1;
}

int
main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "socket", required_argument, NULL, 'S' },
		{ "state-dir", required_argument, NULL, 's' },
		{ "user", required_argument, NULL, 'u' },
		{ "timeout", required_argument, NULL, 't' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int ch, r;

	signal(SIGPIPE, SIG_IGN);
	while ((ch = getopt_long(argc, argv, "+S:s:u:t:jh", opts, NULL)) != -1) {
		switch (ch) {
		case 'S': opt_socket = optarg; break;
		case 's': opt_state = optarg; break;
		case 'u': opt_user = optarg; break;
		case 't': opt_timeout = atoi(optarg); break;
		case 'j': opt_json = 1; break;
		case 'h': usage(stdout); return 0;
		default: usage(stderr); return EXIT_USAGE;
		}
	}
	if (optind >= argc || opt_timeout <= 0) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if ((r = ctl_run(argc - optind, argv + optind)) < 0) {
		fprintf(stderr, "centrala ctl: unknown command or wrong "
		    "arguments: %s (see centrala ctl --help)\n", argv[optind]);
		return EXIT_USAGE;
	}
	return r;
}
