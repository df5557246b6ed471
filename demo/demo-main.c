/* demo-main.c: `centrala demo`: a core, a simulated telco placing calls to
 * three DIDs, and scripted agents answering them, with a live one-line
 * summary each second, until Ctrl-C or --duration. Everything talks over
 * the real sockets; the database stays in the state directory. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <event2/event.h>
#include "bots.h"
#include "cli.h"
#include "clock.h"
#include "xmalloc.h"

static struct {
	double		 duration, rate;	/* s; calls per minute */
	int		 agents;
	const char	*state;
} opt = { 0, 60, 32, "demo-state" };

static struct event_base	*base;
static struct cli		*admin;
static pid_t			 core_pid, pstn_pid;
static struct bots		*bots;
static uint64_t			 started;

static void
usage(FILE *f)
{
	fprintf(f,
"usage: centrala demo [--duration S] [--rate CALLS_PER_MINUTE] [--agents N]\n"
"                     [--state-dir DIR]\n"
"Starts a core, a simulated telco calling 2000, 2001 and 2002, and N scripted\n"
"agents (default 32), and prints a summary line each second. Ctrl-C stops.\n"
"The database and logs stay in DIR (default ./demo-state).\n");
}

/* Runs a sibling program (centrala-NAME) with output to DIR/log/NAME.log. */
static pid_t
spawn(const char *name, char *const args[])
{
	char	self[PATH_MAX - 64], prog[PATH_MAX], logf[PATH_MAX], *argv[32];
	ssize_t	n = readlink("/proc/self/exe", self, sizeof self - 1);
	pid_t	pid;
	int	i = 0, fd;

	self[n > 0 ? n : 0] = '\0';
	if (strrchr(self, '/') != NULL)
		*strrchr(self, '/') = '\0';
	snprintf(prog, sizeof prog, "%s/centrala-%s", self, name);
	snprintf(logf, sizeof logf, "%s/log/%s.log", opt.state, name);
	argv[i++] = prog;
	for (; args[i - 1] != NULL && i < 31; i++)
		argv[i] = args[i - 1];
	argv[i] = NULL;
	if ((pid = fork()) != 0)
		return pid;
	fd = open(logf, O_WRONLY | O_CREAT | O_APPEND, 0644);
	dup2(fd, 1);
	dup2(fd, 2);
	setpgid(0, 0);		/* Ctrl-C goes to the demo, which stops us */
	execv(prog, argv);
	fprintf(stderr, "cannot run %s: %s\n", prog, strerror(errno));
	_exit(127);
}

static struct cli *
connect_admin(int seconds)
{
	const char	*path = cli_socket_path(NULL, opt.state);
	uint64_t	 end = clock_mono_us() + (uint64_t)seconds * 1000000;
	char		 err[512];
	struct cli	*c;

	while (clock_mono_us() < end) {
		if ((c = cli_connect(path, err, sizeof err)) != NULL &&
		    cli_hello(c, "demo/" VERSION, err, sizeof err) == 0 &&
		    cli_login(c, json_pack("{s:b}", "local", 1), err, sizeof err) == 0)
			return c;
		cli_close(c);
		usleep(100000);
	}
	fprintf(stderr, "centrala demo: the core did not start (see %s/log/core.log)\n",
	    opt.state);
	return NULL;
}

static int
sum_queues(json_t *st, const char *key)
{
	json_t	*q;
	size_t	 i;
	int	 n = 0;

	json_array_foreach(json_object_get(st, "queues"), i, q)
		n += (int)json_integer_value(json_object_get(q, key));
	return n;
}

static int
count_agents(json_t *st, const char *state)
{
	json_t	*a;
	size_t	 i;
	int	 n = 0;

	json_array_foreach(json_object_get(st, "agents"), i, a)
		n += strcmp(json_string_value(json_object_get(a, "state")), state) == 0;
	return n;
}

static void
print_line(json_t *st)
{
	json_t	*span = json_array_get(json_object_get(st, "spans"), 0);
	int	 secs = (int)((clock_mono_us() - started) / 1000000);

	printf("%02d:%02d  offered %4d  waiting %2d  answered %4d  abandoned %3d"
	    "  agents talking %2d ringing %2d ready %2d  channels %2d/%d\n",
	    secs / 60, secs % 60, sum_queues(st, "offered"),
	    sum_queues(st, "waiting"), sum_queues(st, "answered"),
	    sum_queues(st, "abandoned"), count_agents(st, "on_call"),
	    count_agents(st, "ringing"), count_agents(st, "ready"),
	    (int)json_integer_value(json_object_get(span, "in_use")),
	    (int)json_integer_value(json_object_get(span, "channels")));
	fflush(stdout);
}

static void
tick_cb(evutil_socket_t fd, short what, void *arg)
{
	char	 err[256];
	json_t	*st = cli_call(admin, json_pack("{s:s}", "req", "status"), 5000,
	    err, sizeof err);

	if (st == NULL) {
		fprintf(stderr, "centrala demo: %s\n", err);
		event_base_loopexit(base, NULL);
		return;
	}
	print_line(st);
	json_decref(st);
	for (json_t *m; (m = cli_take(admin)) != NULL;)
		json_decref(m);
}

static void
stop_cb(evutil_socket_t fd, short what, void *arg)
{
	event_base_loopexit(base, NULL);
}

static void
start_bots(void)
{
	struct bots_opts	 o = { .pin = "1234", .accept_delay_ms = 1500,
	    .talk_s = 20, .talk_exp = 1, .seed = (unsigned)time(NULL) };
	char			 err[512];

	o.socket_path = cli_socket_path(NULL, opt.state);
	o.nagents = opt.agents;
	o.agents = xcalloc(opt.agents, sizeof *o.agents);
	for (int i = 0; i < opt.agents; i++)
		xasprintf(&o.agents[i], "%d", 1001 + i);
	if ((bots = bots_start(base, &o, err, sizeof err)) == NULL)
		fprintf(stderr, "centrala demo: agents: %s\n", err);
}

static void
shutdown_all(void)
{
	char	 err[256];
	json_t	*st;

	printf("\nstopping: telco first, then the core (clearing calls)\n");
	if (pstn_pid > 0) {
		kill(pstn_pid, SIGTERM);
		waitpid(pstn_pid, NULL, 0);
	}
	if ((st = cli_call(admin, json_pack("{s:s}", "req", "status"), 5000,
	    err, sizeof err)) != NULL) {
		printf("final: ");
		print_line(st);
		json_decref(st);
	}
	json_decref(cli_call(admin, json_pack("{s:s,s:s}", "req", "stop", "mode",
	    "clear"), 5000, err, sizeof err));
	waitpid(core_pid, NULL, 0);
	printf("calls and events are in %s/centrala.db (sqlite3 %s/centrala.db "
	    "'select * from cdr')\n", opt.state, opt.state);
}

static void
parse_args(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "duration", 1, NULL, 'd' }, { "rate", 1, NULL, 'r' },
		{ "agents", 1, NULL, 'a' }, { "state-dir", 1, NULL, 's' },
		{ "help", 0, NULL, 'h' }, { NULL, 0, NULL, 0 }
	};
	int ch;

	while ((ch = getopt_long(argc, argv, "h", lo, NULL)) != -1) {
		switch (ch) {
		case 'd': opt.duration = atof(optarg); break;
		case 'r': opt.rate = atof(optarg); break;
		case 'a': opt.agents = atoi(optarg); break;
		case 's': opt.state = optarg; break;
		case 'h': usage(stdout); exit(0);
		default: usage(stderr); exit(2);
		}
	}
	if (optind != argc || opt.rate <= 0 || opt.agents < 1 || opt.agents > 32 ||
	    opt.duration < 0) {
		fprintf(stderr, "centrala demo: bad arguments (rate > 0, 1 to 32 "
		    "agents, duration >= 0)\n");
		exit(2);
	}
}

int
main(int argc, char **argv)
{
	char		 rate[32], logdir[PATH_MAX];
	struct timeval	 sec = { 1, 0 };
	struct event	*tick;

	parse_args(argc, argv);
	signal(SIGPIPE, SIG_IGN);
	setvbuf(stdout, NULL, _IOLBF, 0);
	mkdir(opt.state, 0750);
	snprintf(logdir, sizeof logdir, "%s/log", opt.state);
	mkdir(logdir, 0750);
	core_pid = spawn("core", (char *[]){ "--state-dir", (char *)opt.state, NULL });
	if ((admin = connect_admin(10)) == NULL)
		return 1;
	snprintf(rate, sizeof rate, "%.3f", opt.rate / 60);
	pstn_pid = spawn("pstn", (char *[]){ "--state-dir", (char *)opt.state,
	    "--calls", "1000000", "--rate", rate, "--hold", "exp:40",
	    "--dnis", "2000,2001,2002", "--cli", "6001?????", NULL });
	base = event_base_new();
	start_bots();
	printf("Centrala demo: core, telco (%.0f calls/min to 2000, 2001, 2002) "
	    "and %d agents; Ctrl-C stops. State in %s/\n", opt.rate,
	    opt.agents, opt.state);
	started = clock_mono_us();
	tick = event_new(base, -1, EV_PERSIST, tick_cb, NULL);
	event_add(tick, &sec);
	evsignal_add(evsignal_new(base, SIGINT, stop_cb, NULL), NULL);
	evsignal_add(evsignal_new(base, SIGTERM, stop_cb, NULL), NULL);
	if (opt.duration > 0) {
		struct timeval d = { (long)opt.duration, 0 };

		event_base_loopexit(base, &d);
	}
	event_base_dispatch(base);
	shutdown_all();
	if (bots != NULL)
		bots_free(bots);
	cli_close(admin);
	return 0;
}
