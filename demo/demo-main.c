/* demo-main.c: `centrala demo`: a core, a simulated telco placing calls to
 * three DIDs and a voice menu, and scripted agents answering them (in
 * waves: half of them go on a break for part of each minute, so queues
 * build), until Ctrl-C or --duration. On a terminal with tmux, the screen
 * (demo-screen.c) holds the supervisor console and an agent console for
 * the user (agent 1100, left free by the scripted agents); headless, a
 * live one-line summary each second. Everything talks over the real
 * sockets; the database stays in the state directory.
 *
 * One loop runs it all, in three phases: starting (retry until the core
 * answers, or see it die), running (a status request each second), and
 * stopping (telco first, then the core with mode clear; done when both
 * children have been reaped). Stopping never kills a core that is still
 * writing its records: a second Ctrl-C (or timeout(1)'s second SIGINT)
 * says what we wait for; every DEMO_GUARD_S the demo says it again and
 * asks again; only after DEMO_KILL_S does it SIGKILL a child still there,
 * saying so, and the core only if it has stopped writing (the next start
 * of the core closes the calls it left open). */
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
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <event2/event.h>
#include "bots.h"
#include "cli.h"
#include "clock.h"
#include "db.h"
#include "demo-config.h"
#include "demo-screen.h"
#include "xmalloc.h"

#define DEMO_START_S	15	/* the core has this long to answer */
#define DEMO_GUARD_S	15	/* then say what stopping waits for */
#define DEMO_KILL_S	120	/* a child hung this long is killed, loudly */
#define DEMO_WAVE_S	60	/* the staffing waves' period, */
#define DEMO_BREAK_S	30	/* ... the first this many s half away */

enum demo_phase { DEMO_STARTING, DEMO_RUNNING, DEMO_STOPPING };

static struct {
	double		 duration, rate;	/* s; calls per minute */
	int		 agents;
	const char	*state;
	int		 no_tmux;
} opt = { 0, 75, 32, "demo-state", 0 };

static struct {
	struct event_base	*base;
	enum demo_phase		 phase;
	struct cli		*admin;
	struct event		*ev_admin, *ev_tick, *ev_retry, *ev_guard;
	struct event		*ev_wave;
	int			 login_id, status_id;
	pid_t			 core_pid, pstn_pid;
	pid_t			 screen_pid;	/* the tmux client on our terminal */
	int			 tty_out, tty_err; /* ours, while tmux has them */
	const char		*headless;	/* why there is no screen */
	int			 on_break;	/* bots away in this wave */
	char			 final[256];	/* the last line, if tmux had it */
	struct bots		*bots;
	struct bots		*cbots;		/* the campaign's agents */
	FILE			*botlog;
	uint64_t		 started, start_deadline, stop_began;
	int			 exit_code;
} demo = { .tty_out = -1, .tty_err = -1 };

static void	demo_stop(const char *why);
static void	demo_say_waiting(const char *prefix);

static void
demo_usage(FILE *f)
{
	fprintf(f,
"usage: centrala demo [--duration S] [--rate CALLS_PER_MIN] [--agents N]\n"
"                     [--state-dir DIR] [--no-tmux]\n"
"Starts a core, a simulated telco calling 2000, 2001, 2002 and the voice\n"
"menu on 2003, and N scripted agents 1001... (default 32, PIN 1234; for\n"
"30 s of each minute half of them take a break), until Ctrl-C or\n"
"--duration S. Default rate: 75 calls a minute.\n"
"On a terminal with tmux: one screen with the supervisor console and an\n"
"agent console where you log in as agent " DEMO_USER_AGENT ", PIN " DEMO_USER_PIN
" (kept free for\n"
"you) and take calls; Ctrl-C, or q in the supervisor, stops everything.\n"
"Inside tmux, a new window. Else (or --no-tmux): a summary line each second.\n"
"The database, the logs and the configuration used (demo.ini) stay in DIR\n"
"(default ./demo-state).\n");
}

static void
demo_mkdir(const char *dir)
{
	if (mkdir(dir, 0750) != 0 && errno != EEXIST) {
		fprintf(stderr, "centrala demo: cannot create %s: %s\n", dir,
		    strerror(errno));
		exit(1);
	}
}

/* The directory this program lives in: its siblings are there. */
static void
demo_self_dir(char *dir, size_t len)
{
	ssize_t n = readlink("/proc/self/exe", dir, len - 1);

	dir[n > 0 ? n : 0] = '\0';
	if (strrchr(dir, '/') != NULL)
		*strrchr(dir, '/') = '\0';
	else
		snprintf(dir, len, ".");
}

/* In the child: output to the log, own process group (the terminal's
 * Ctrl-C goes to the demo, which stops the children in order), and
 * SIGTERM if the demo dies. */
static void
demo_child_setup(const char *logname)
{
	char	path[PATH_MAX];
	int	fd;

	setpgid(0, 0);
	prctl(PR_SET_PDEATHSIG, SIGTERM);
	snprintf(path, sizeof path, "%s/log/%s", opt.state, logname);
	if ((fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0640)) >= 0) {
		dup2(fd, 1);
		dup2(fd, 2);
	}
	if ((fd = open("/dev/null", O_RDONLY)) >= 0)
		dup2(fd, 0);
}

/* Runs the sibling centrala-NAME with args (NULL-terminated). */
static pid_t
demo_spawn(const char *name, const char *logname, const char **args)
{
	char		 dir[PATH_MAX - 64], prog[PATH_MAX];
	const char	*argv[32] = { prog };
	pid_t		 pid;

	demo_self_dir(dir, sizeof dir);
	snprintf(prog, sizeof prog, "%s/centrala-%s", dir, name);
	for (int i = 0; args[i] != NULL && i < 30; i++)
		argv[i + 1] = args[i];
	if ((pid = fork()) != 0)
		return pid;
	demo_child_setup(logname);
	execv(prog, (char **)argv);
	fprintf(stderr, "cannot run %s: %s\n", prog, strerror(errno));
	_exit(127);
}

/* --- the admin connection: hello, login, a status each second --- */

static int
demo_count(json_t *list, const char *key, const char *const *values)
{
	json_t	*x;
	size_t	 i;
	int	 n = 0;

	json_array_foreach(list, i, x) {
		const char *v = json_string_value(json_object_get(x, key));

		for (int k = 0; v != NULL && values[k] != NULL; k++)
			n += strcmp(v, values[k]) == 0;
	}
	return n;
}

static int
demo_sum(json_t *list, const char *key)
{
	json_t	*x;
	size_t	 i;
	int	 n = 0;

	json_array_foreach(list, i, x)
		n += (int)json_integer_value(json_object_get(x, key));
	return n;
}

static void
demo_print_line(json_t *st, const char *prefix)
{
	static const char *const busy[] = { "ringing", "on_call", "wrap_up", NULL };
	static const char *const ready[] = { "ready", NULL };
	json_t	*q = json_object_get(st, "queues"), *sp = json_object_get(st, "spans");
	int	 s = (int)((clock_mono_us() - demo.started + 500000) / 1000000);
	char	 line[256];

	snprintf(line, sizeof line, "%s%02d:%02d  offered %5d  waiting %3d  "
	    "answered %5d  abandoned %4d  agents busy %2d ready %2d  channels "
	    "%2d/%d", prefix,
	    s / 60, s % 60, demo_sum(q, "offered"), demo_sum(q, "waiting"),
	    demo_sum(q, "answered"), demo_sum(q, "abandoned"),
	    demo_count(json_object_get(st, "agents"), "state", busy),
	    demo_count(json_object_get(st, "agents"), "state", ready),
	    demo_sum(sp, "in_use"), demo_sum(sp, "channels"));
	printf("%s\n", line);
	if (demo.tty_out >= 0 && demo.phase == DEMO_STOPPING)
		snprintf(demo.final, sizeof demo.final, "%s", line);
}

/* Requests are a few bytes each: the socket buffer always takes them, so
 * the admin connection never waits to write. */
static int
demo_send(json_t *req)
{
	return cli_send(demo.admin, req);
}

static void
demo_bot_line_cb(void *arg, const char *line)
{
	fprintf(demo.botlog, "%s\n", line);
	fflush(demo.botlog);
}

static void
demo_bot_fail_cb(void *arg, const char *agent, const char *why)
{
	fprintf(stderr, "centrala demo: agent %s: %s\n", agent, why);
}

static void
demo_start_bots(void)
{
	struct bots_opts	 o = { .pin = "1234", .accept_delay_ms = 1500,
	    .talk_s = 25, .talk_exp = 1, .seed = (unsigned)time(NULL),
	    .ready_after_call = 1, .wrap_ms = -1,
	    .line_cb = demo_bot_line_cb, .fail_cb = demo_bot_fail_cb };
	char			 err[512], path[PATH_MAX];

	snprintf(path, sizeof path, "%s/log/bots.log", opt.state);
	if ((demo.botlog = fopen(path, "a")) == NULL)
		demo.botlog = stderr;
	o.socket_path = cli_socket_path(NULL, opt.state);
	o.nagents = opt.agents;
	o.agents = xcalloc(opt.agents, sizeof *o.agents);
	for (int i = 0; i < opt.agents; i++)
		xasprintf(&o.agents[i], "%d", 1001 + i);
	if ((demo.bots = bots_start(demo.base, &o, err, sizeof err)) == NULL)
		fprintf(stderr, "centrala demo: agents: %s\n", err);
	bots_free_agents(o.agents, o.nagents);
}

/* The campaign's list: DEMO_LIST_ROWS fictional UK numbers (Ofcom's
 * drama ranges 020 7946 0xxx and 07700 900xxx), new ones at each start
 * (numbers already in the list are skipped by the import), imported by
 * the core from DIR/demo-list.csv. */
static void
demo_campaign_list(void)
{
	char	path[PATH_MAX], dir[PATH_MAX - 32];
	FILE	*f;
	int	 bad;

	if (realpath(opt.state, dir) == NULL)
		return;
	snprintf(path, sizeof path, "%s/demo-list.csv", dir);
	if ((f = fopen(path, "w")) == NULL) {
		fprintf(stderr, "centrala demo: cannot write %s: %s\n", path,
		    strerror(errno));
		return;
	}
	fprintf(f, "phone,name,offer\n");
	for (int i = 0; i < DEMO_LIST_ROWS; i++) {
		int n = rand() % 2000;

		fprintf(f, n < 1000 ? "020 7946 %04d,Customer %d,%s\n" :
		    "07700 900%03d,Customer %d,%s\n", n % 1000, i + 1,
		    i % 3 == 0 ? "gold" : "spring");
	}
	bad = ferror(f);
	if (fclose(f) != 0 || bad) {
		fprintf(stderr, "centrala demo: cannot write %s\n", path);
		return;
	}
	demo_send(json_pack("{s:s,s:s,s:s,s:s}", "req", "list-import",
	    "campaign", DEMO_CAMPAIGN, "list", "demo", "path", path));
}

/* The campaign's scripted agents: they take the calls the dialer places
 * for them and give each answered one a disposition. */
static void
demo_start_campaign(void)
{
	struct bots_opts	 o = { .pin = "1234", .talk_s = 20,
	    .talk_exp = 1, .seed = (unsigned)time(NULL) + 1,
	    .ready_after_call = 1, .wrap_ms = 2000,
	    .line_cb = demo_bot_line_cb, .fail_cb = demo_bot_fail_cb };
	char			 err[512];

	demo_campaign_list();
	o.socket_path = cli_socket_path(NULL, opt.state);
	o.nagents = DEMO_CAMPAIGN_AGENTS;
	o.agents = xcalloc(o.nagents, sizeof *o.agents);
	for (int i = 0; i < o.nagents; i++)
		xasprintf(&o.agents[i], "%d", DEMO_CAMPAIGN_AGENT0 + i);
	if ((demo.cbots = bots_start(demo.base, &o, err, sizeof err)) == NULL)
		fprintf(stderr, "centrala demo: campaign agents: %s\n", err);
	bots_free_agents(o.agents, o.nagents);
}

/* Waves: half the scripted agents on a break (DEMO_BREAK_S), so
 * that callers wait and some give up, then everyone again. The show opens
 * with a break, so that queues are there to see at once. */
static void
demo_wave_cb(evutil_socket_t fd, short what, void *arg)
{
	struct timeval	next = { 0, 0 };

	demo.on_break = demo.on_break ? 0 : opt.agents / 2;
	next.tv_sec = demo.on_break ? DEMO_BREAK_S : DEMO_WAVE_S - DEMO_BREAK_S;
	if (demo.bots != NULL)
		bots_set_away(demo.bots, demo.on_break);
	evtimer_add(demo.ev_wave, &next);
}

/* While tmux has the terminal, what we say goes to log/demo.out. */
static void
demo_output_to_log(void)
{
	char	path[PATH_MAX];
	int	fd;

	snprintf(path, sizeof path, "%s/log/demo.out", opt.state);
	fflush(stdout);
	fflush(stderr);
	if ((fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0640)) < 0)
		return;
	demo.tty_out = dup(STDOUT_FILENO);
	demo.tty_err = dup(STDERR_FILENO);
	dup2(fd, STDOUT_FILENO);
	dup2(fd, STDERR_FILENO);
	close(fd);
}

static void
demo_output_to_tty(void)
{
	if (demo.tty_out < 0)
		return;
	fflush(stdout);
	fflush(stderr);
	dup2(demo.tty_out, STDOUT_FILENO);
	dup2(demo.tty_err, STDERR_FILENO);
	close(demo.tty_out);
	close(demo.tty_err);
	demo.tty_out = demo.tty_err = -1;
}

/* The supervisor and the user's agent console, in tmux; headless (as
 * said) when there is no terminal or tmux, or it fails. */
static void
demo_open_screen(void)
{
	struct demo_screen_opts	 o = { .demo = getpid() };
	char			 state[PATH_MAX], bindir[PATH_MAX - 64];
	char			 err[1024];

	if (demo.headless != NULL)
		return;
	demo_self_dir(bindir, sizeof bindir);
	o.bindir = bindir;
	o.state = realpath(opt.state, state) != NULL ? state : opt.state;
	if (demo_screen_open(&o, &demo.screen_pid, err, sizeof err) != 0) {
		demo.headless = "tmux failed";
		fprintf(stderr, "centrala demo: %s: running without the screen "
		    "(headless)\n", err);
		return;
	}
	if (demo.screen_pid > 0)
		demo_output_to_log();
}

/* The core answered: start the telco, the agents, the screen, the ticks. */
static void
demo_running(void)
{
	struct timeval	 sec = { 1, 0 };
	char		 rate[32];

	demo.phase = DEMO_RUNNING;
	snprintf(rate, sizeof rate, "%.4f", opt.rate / 60);
	demo.pstn_pid = demo_spawn("pstn", "pstn.log", (const char *[]){
	    "--state-dir", opt.state, "--calls", "1000000", "--rate", rate,
	    "--hold", "exp:45", "--dnis", "2000,2001,2002," DEMO_MENU_DID,
	    "--dtmf", "2", "--cli", "6001?????", "--profile",
	    "person=50,busy=15,noanswer=15,machine=10,congestion=5,invalid=5",
	    "--answer-delay", "uniform:2:6", NULL });
	demo_start_bots();
	demo_start_campaign();
	printf("Centrala demo: a core, a telco placing %.0f calls a minute to "
	    "2000, 2001, 2002 and the menu on " DEMO_MENU_DID ", and %d "
	    "agents. Ctrl-C stops.\n", opt.rate, opt.agents);
	if (demo.headless != NULL)
		printf("No screen (%s): a summary each second. Agent "
		    DEMO_USER_AGENT " (PIN " DEMO_USER_PIN ") is yours: "
		    "centrala agent --state-dir %s\n", demo.headless, opt.state);
	demo_open_screen();
	demo.started = clock_mono_us();
	event_add(demo.ev_tick, &sec);
	demo_wave_cb(-1, 0, NULL);
}

static void
demo_on_reply(json_t *m)
{
	int		 id = (int)json_integer_value(json_object_get(m, "id"));
	const char	*e = cli_reply_error(m);

	if (id == demo.status_id) {
		demo.status_id = 0;
		if (e == NULL)
			demo_print_line(m, demo.phase == DEMO_STOPPING ?
			    "final: " : "");
	} else if (e != NULL && demo.phase == DEMO_STARTING) {
		fprintf(stderr, "centrala demo: the core refused us: %s\n", e);
		demo.exit_code = 1;
		demo_stop(NULL);
	} else if (id == demo.login_id)
		demo_running();
	else if (e != NULL)
		fprintf(stderr, "centrala demo: %s\n", e);
}

static void
demo_admin_cb(evutil_socket_t fd, short what, void *arg)
{
	int	 gone = cli_read(demo.admin);
	json_t	*m;

	while ((m = cli_take(demo.admin)) != NULL) {
		if (json_object_get(m, "event") == NULL)
			demo_on_reply(m);
		json_decref(m);
	}
	if (gone)
		event_del(demo.ev_admin);	/* the core's exit shows as SIGCHLD */
}

static void
demo_tick_cb(evutil_socket_t fd, short what, void *arg)
{
	if (demo.status_id == 0)
		demo.status_id = demo_send(json_pack("{s:s}", "req", "status"));
}

/* Starting: is the core there yet? */
static void
demo_retry_cb(evutil_socket_t fd, short what, void *arg)
{
	char err[512];

	if ((demo.admin = cli_connect(cli_socket_path(NULL, opt.state), err,
	    sizeof err)) == NULL) {
		if (clock_mono_us() > demo.start_deadline) {
			fprintf(stderr, "centrala demo: the core did not answer "
			    "within %ds (see %s/log/)\n", DEMO_START_S, opt.state);
			demo.exit_code = 1;
			demo_stop(NULL);
		}
		return;
	}
	event_del(demo.ev_retry);
	demo.ev_admin = event_new(demo.base, cli_fd(demo.admin), EV_READ |
	    EV_PERSIST, demo_admin_cb, NULL);
	event_add(demo.ev_admin, NULL);
	demo_send(cli_req_hello("demo/" VERSION));
	demo.login_id = demo_send(json_pack("{s:s,s:b}", "req", "login",
	    "local", 1));
}

/* --- stopping --- */

static void
demo_kill(pid_t pid, int sig)
{
	if (pid > 0)
		kill(pid, sig);
}

/* The telco is gone: a last status, then the core clears and exits. */
static void
demo_stop_core(void)
{
	if (demo.core_pid <= 0)
		return;
	if (demo.admin == NULL || cli_closed(demo.admin)) {
		demo_kill(demo.core_pid, SIGTERM);
		return;
	}
	if (demo.phase == DEMO_STOPPING && demo.started != 0)
		demo.status_id = demo_send(json_pack("{s:s}", "req", "status"));
	demo_send(json_pack("{s:s,s:s}", "req", "stop", "mode", "clear"));
}

static void
demo_check_done(void)
{
	if (demo.core_pid <= 0 && demo.pstn_pid <= 0 && demo.screen_pid <= 0)
		event_base_loopexit(demo.base, NULL);
}

/* Begins the orderly stop (why, if not NULL, is said first). */
static void
demo_stop(const char *why)
{
	struct timeval guard = { DEMO_GUARD_S, 0 };

	if (why != NULL)
		printf("\n%s\n", why);
	if (demo.phase == DEMO_STOPPING)
		return;
	demo.phase = DEMO_STOPPING;
	demo.stop_began = clock_mono_us();
	event_del(demo.ev_tick);
	event_del(demo.ev_retry);
	event_del(demo.ev_wave);
	demo_screen_close();		/* the consoles first: they end with it */
	event_add(demo.ev_guard, &guard);
	if (demo.pstn_pid > 0)
		demo_kill(demo.pstn_pid, SIGTERM);	/* its exit goes on */
	else
		demo_stop_core();
	demo_check_done();
}

static void
demo_reaped(pid_t pid, int status)
{
	int	is_core = pid == demo.core_pid;
	char	why[PATH_MAX + 128];

	if (pid == demo.screen_pid) {
		demo.screen_pid = 0;
		demo_output_to_tty();
		if (demo.phase == DEMO_STOPPING)
			demo_say_waiting("stopping");
		else
			demo_stop("you left the demo's screen: stopping: the "
			    "telco first, then the core (clearing calls)");
		demo_check_done();
		return;
	}
	if (is_core)
		demo.core_pid = 0;
	else if (pid == demo.pstn_pid)
		demo.pstn_pid = 0;
	else
		return;
	if (demo.phase != DEMO_STOPPING) {
		snprintf(why, sizeof why, "the %s exited (%s %d); see %s/log/",
		    is_core ? "core" : "telco simulator",
		    WIFSIGNALED(status) ? "signal" : "status",
		    WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status),
		    opt.state);
		demo.exit_code = 1;
		demo_stop(why);
	} else if (!is_core)
		demo_stop_core();
	demo_check_done();
}

static void
demo_sigchld_cb(evutil_socket_t sig, short what, void *arg)
{
	pid_t	pid;
	int	status;

	while ((pid = waitpid(-1, &status, WNOHANG)) > 0)
		demo_reaped(pid, status);
}

/* What stopping still waits for, on one line. */
static void
demo_say_waiting(const char *prefix)
{
	/* rounded: the guard timer, counted from libevent's cached time,
	 * may fire a hair before its 15 s (said "14s") */
	int s = (int)((clock_mono_us() - demo.stop_began + 500000) / 1000000);

	if (demo.pstn_pid > 0)
		printf("%s (%ds): waiting for the telco simulator (pid %d) to "
		    "end its calls\n", prefix, s, (int)demo.pstn_pid);
	else if (demo.core_pid > 0)
		printf("%s (%ds): waiting for the core (pid %d) to clear its "
		    "calls and write their records\n", prefix, s,
		    (int)demo.core_pid);
}

static void
demo_signal_cb(evutil_socket_t sig, short what, void *arg)
{
	if (demo.phase == DEMO_STOPPING) {	/* a second Ctrl-C: say so */
		demo_say_waiting("still stopping");
		return;
	}
	demo_stop("stopping: the telco first, then the core (clearing calls); "
	    "Ctrl-C again does not cut this short");
}

/* The user left the supervisor console (its pane says so with SIGUSR1). */
static void
demo_quit_cb(evutil_socket_t sig, short what, void *arg)
{
	if (demo.phase != DEMO_STOPPING)
		demo_stop("you quit the supervisor: stopping: the telco first, "
		    "then the core (clearing calls)");
}

static void
demo_duration_cb(evutil_socket_t fd, short what, void *arg)
{
	demo_stop("stopping (--duration reached): the telco first, then the "
	    "core (clearing calls)");
}

/* The core is still writing when its database's WAL changed within three
 * heartbeats (core/db.h): a core that still writes is never killed. */
static int
demo_core_writing(void)
{
	char		path[PATH_MAX];
	struct stat	st;

	snprintf(path, sizeof path, "%s/centrala.db-wal", opt.state);
	return stat(path, &st) == 0 &&
	    time(NULL) - st.st_mtime <= 3 * DB_HEARTBEAT_MS / 1000;
}

/* Every DEMO_GUARD_S of a stop: say what it waits for and ask again.
 * After DEMO_KILL_S, a telco still there is killed (the core then ends its
 * calls as the link is lost), and so is a core that writes no more,
 * saying so; a core still writing is left to finish. */
static void
demo_guard_cb(evutil_socket_t fd, short what, void *arg)
{
	struct timeval	guard = { DEMO_GUARD_S, 0 };
	int		late = clock_mono_us() - demo.stop_began >=
			    DEMO_KILL_S * 1000000ULL;

	if (late && demo.pstn_pid > 0) {
		fprintf(stderr, "centrala demo: the telco simulator did not stop "
		    "in %ds: killing it (SIGKILL)\n", DEMO_KILL_S);
		demo_kill(demo.pstn_pid, SIGKILL);
	} else if (late && !demo_core_writing()) {
		fprintf(stderr, "centrala demo: the core (pid %d) did not stop "
		    "in %ds and has written nothing for %ds: killing it "
		    "(SIGKILL); its next start closes the calls it left open, "
		    "as 'core stopped' (see %s/log/)\n", (int)demo.core_pid,
		    DEMO_KILL_S, 3 * DB_HEARTBEAT_MS / 1000, opt.state);
		demo_kill(demo.core_pid, SIGKILL);
		demo.exit_code = 1;
		return;
	} else {
		demo_say_waiting("still stopping");
		demo_kill(demo.pstn_pid, SIGTERM);
		if (demo.pstn_pid <= 0)
			demo_kill(demo.core_pid, SIGTERM);
	}
	event_add(demo.ev_guard, &guard);
}

/* --- main --- */

static void
demo_options(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "duration", 1, NULL, 'd' }, { "rate", 1, NULL, 'r' },
		{ "agents", 1, NULL, 'a' }, { "state-dir", 1, NULL, 's' },
		{ "no-tmux", 0, NULL, 'n' }, { "help", 0, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int ch;

	while ((ch = getopt_long(argc, argv, "d:r:a:s:h", lo, NULL)) != -1) {
		switch (ch) {
		case 'd': opt.duration = atof(optarg); break;
		case 'r': opt.rate = atof(optarg); break;
		case 'a': opt.agents = atoi(optarg); break;
		case 's': opt.state = optarg; break;
		case 'n': opt.no_tmux = 1; break;
		case 'h': demo_usage(stdout); exit(0);
		default: demo_usage(stderr); exit(2);
		}
	}
	if (optind != argc || !(opt.rate > 0) || opt.agents < 1 ||
	    opt.agents > 99 || !(opt.duration >= 0)) {
		fprintf(stderr, "centrala demo: bad arguments (--rate > 0, "
		    "--agents 1 to 99: 1001 to 1099, agent " DEMO_USER_AGENT
		    " is yours; --duration >= 0; see --help)\n");
		exit(2);
	}
}

/* A core already on this state directory would take our agents. */
static void
demo_check_no_core(void)
{
	char		 err[512];
	struct cli	*c = cli_connect(cli_socket_path(NULL, opt.state), err,
			    sizeof err);

	if (c == NULL)
		return;
	cli_close(c);
	fprintf(stderr, "centrala demo: a core is already running on %s (stop "
	    "it: centrala ctl --state-dir %s stop --clear)\n", opt.state,
	    opt.state);
	exit(1);
}

static void
demo_events(void)
{
	struct event_base	*b = demo.base;
	struct timeval		 retry = { 0, 100000 };

	event_add(evsignal_new(b, SIGCHLD, demo_sigchld_cb, NULL), NULL);
	event_add(evsignal_new(b, SIGINT, demo_signal_cb, NULL), NULL);
	event_add(evsignal_new(b, SIGTERM, demo_signal_cb, NULL), NULL);
	event_add(evsignal_new(b, SIGHUP, demo_signal_cb, NULL), NULL);
	event_add(evsignal_new(b, SIGUSR1, demo_quit_cb, NULL), NULL);
	demo.ev_wave = evtimer_new(b, demo_wave_cb, NULL);
	demo.ev_tick = event_new(b, -1, EV_PERSIST, demo_tick_cb, NULL);
	demo.ev_guard = evtimer_new(b, demo_guard_cb, NULL);
	demo.ev_retry = event_new(b, -1, EV_PERSIST, demo_retry_cb, NULL);
	event_add(demo.ev_retry, &retry);
	if (opt.duration > 0) {
		struct timeval d = { (long)opt.duration,
		    (long)((opt.duration - (long)opt.duration) * 1e6) };

		event_add(evtimer_new(b, demo_duration_cb, NULL), &d);
	}
}

static void
demo_final(void)
{
	struct bots_stats st;

	if (demo.final[0] != '\0')	/* said while tmux had the terminal */
		printf("%s\n", demo.final);
	if (demo.bots != NULL) {
		bots_stats(demo.bots, &st);
		printf("agents: %u offers, %u accepted, %u rejected, %u calls "
		    "ended\n", st.offers, st.accepted, st.rejected, st.ended);
	}
	if (demo.cbots != NULL) {
		bots_stats(demo.cbots, &st);
		printf("campaign %s: %u calls placed for its agents, %u "
		    "answered, %u dispositions\n", DEMO_CAMPAIGN, st.dialed,
		    st.connected, st.dispositions);
	}
	if (demo.started == 0)
		return;
	printf("calls and events are in %s/centrala.db (sqlite3 %s/centrala.db "
	    "'select * from cdr'); logs in %s/log/\n", opt.state, opt.state,
	    opt.state);
}

int
main(int argc, char **argv)
{
	char logdir[PATH_MAX], config[PATH_MAX], err[PATH_MAX + 128];

	demo_options(argc, argv);
	signal(SIGPIPE, SIG_IGN);
	setvbuf(stdout, NULL, _IOLBF, 0);
	demo_mkdir(opt.state);
	snprintf(logdir, sizeof logdir, "%s/log", opt.state);
	demo_mkdir(logdir);
	demo_check_no_core();
	demo.base = event_base_new();
	demo_events();		/* SIGCHLD is watched before any child runs */
	demo.start_deadline = clock_mono_us() + DEMO_START_S * 1000000ULL;
	if (demo_config_write(opt.state, config, sizeof config, err,
	    sizeof err) != 0) {
		fprintf(stderr, "centrala demo: %s\n", err);
		return 1;
	}
	if ((demo.headless = demo_screen_headless_why(opt.no_tmux)) != NULL)
		printf("centrala demo: headless (%s)\n", demo.headless);
	demo.core_pid = demo_spawn("core", "core-stderr.log", (const char *[]){
	    "--state-dir", opt.state, "--config", config, NULL });
	event_base_dispatch(demo.base);
	demo_output_to_tty();
	demo_final();
	if (demo.bots != NULL)
		bots_free(demo.bots);
	if (demo.cbots != NULL)
		bots_free(demo.cbots);
	if (demo.botlog != NULL && demo.botlog != stderr)
		fclose(demo.botlog);
	cli_close(demo.admin);
	return demo.exit_code;
}
