/* demo-screen.c: the demo's one screen, made with tmux: the supervisor's
 * live view beside an agent console the user logs into, a title on each
 * pane's border and (in the demo's own tmux) two status lines saying
 * which keys do what. Ctrl-C anywhere on it signals the demo, which stops
 * everything in order; leaving the supervisor (q) signals it too.
 *
 * Inside a tmux already ($TMUX) the screen is a new window of that tmux,
 * not a tmux within a tmux; elsewhere a private tmux server (its socket
 * and config in the state directory) and a client of it on the terminal,
 * a child of the demo. tmux is only driven by its commands, each run to
 * its end: the screen is made once, at the start, and closed once. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include "demo-config.h"
#include "demo-screen.h"

#define SCREEN_WIDE	160	/* from this many columns, side by side */
#define SCREEN_TALL	30	/* from this many rows, two status lines */
#define SCREEN_AGENT_MIN 13	/* rows the agent console needs, title too */

static struct {
	int	open;
	int	nested;			/* a window of the user's tmux */
	char	sock[PATH_MAX];		/* the private server's socket */
	char	conf[PATH_MAX];
	char	out[PATH_MAX];		/* what a tmux command printed */
	char	window[32];		/* "@3": the window we made */
} screen;

/* Keys and how to join, in the demo's own tmux: its two status lines,
 * or one on a terminal under SCREEN_TALL rows. */
static const char *const screen_status[] = {
	" Centrala demo    Ctrl-C: stop everything    Ctrl-B o: other pane"
	"    Ctrl-B z: zoom",
	" Join as an agent: " DEMO_USER_AGENT ", PIN " DEMO_USER_PIN
	" in the agent pane; r ready, a answer, h hang up",
	" Ctrl-C: stop all  Ctrl-B o: other pane  You: " DEMO_USER_AGENT
	", PIN " DEMO_USER_PIN,
};

static const char *const screen_title_sup =
	"Supervisor: queues and agents live. q here ends the demo";
static const char *const screen_title_agent =
	"You: agent " DEMO_USER_AGENT ", PIN " DEMO_USER_PIN
	". r ready, a answer, h hang up, F1 keys";

static int
screen_in_path(const char *prog)
{
	const char	*p = getenv("PATH");
	char		 dir[PATH_MAX - 64], path[PATH_MAX];

	for (p = p != NULL ? p : "/usr/bin:/bin"; *p != '\0'; ) {
		size_t n = strcspn(p, ":");

		snprintf(dir, sizeof dir, "%.*s", (int)n, p);
		snprintf(path, sizeof path, "%s/%s", n > 0 ? dir : ".", prog);
		if (access(path, X_OK) == 0)
			return 1;
		p += n + (p[n] == ':');
	}
	return 0;
}

const char *
demo_screen_headless_why(int no_tmux)
{
	if (no_tmux)
		return "--no-tmux";
	if (!isatty(STDOUT_FILENO) || !isatty(STDIN_FILENO))
		return "not on a terminal";
	if (!screen_in_path("tmux"))
		return "tmux is not installed (./bootstrap installs it)";
	return NULL;
}

/* Runs tmux with args (NULL-terminated) to its end; its output (and its
 * errors) in out. 0 if it succeeded. The output goes through a file: a
 * tmux server started by the command keeps what it was given open. */
static int
screen_tmux(char *out, size_t outlen, const char *first, ...)
{
	const char	*argv[32];
	int		 argc = 0, fd, status;
	ssize_t		 n;
	va_list		 ap;
	pid_t		 pid;

	argv[argc++] = "tmux";
	if (!screen.nested) {
		argv[argc++] = "-S";
		argv[argc++] = screen.sock;
		argv[argc++] = "-f";
		argv[argc++] = screen.conf;
	}
	va_start(ap, first);
	for (const char *a = first; a != NULL && argc < 31; a = va_arg(ap,
	    const char *))
		argv[argc++] = a;
	va_end(ap);
	argv[argc] = NULL;
	if ((fd = open(screen.out, O_RDWR | O_CREAT | O_TRUNC, 0600)) < 0 ||
	    (pid = fork()) < 0) {
		snprintf(out, outlen, "cannot run tmux: %s", strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	if (pid == 0) {
		dup2(fd, STDOUT_FILENO);
		dup2(fd, STDERR_FILENO);
		close(fd);
		execvp("tmux", (char **)argv);
		fprintf(stderr, "cannot run tmux: %s", strerror(errno));
		_exit(127);
	}
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	n = pread(fd, out, outlen - 1, 0);
	close(fd);
	out[n > 0 ? n : 0] = '\0';
	out[strcspn(out, "\n")] = '\0';
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

/* The private server's config: what it looks like and its keys. */
static int
screen_write_conf(const struct demo_screen_opts *o, int rows, char *err,
    size_t len)
{
	FILE	*f = fopen(screen.conf, "w");
	int	 tall = rows >= SCREEN_TALL;

	if (f == NULL) {
		snprintf(err, len, "cannot write %s: %s", screen.conf,
		    strerror(errno));
		return -1;
	}
	/* Once its client (ours) has come, the session ends when it goes:
	 * nothing stays behind if the demo or its terminal is gone. */
	fprintf(f, "# The demo's own tmux (written by centrala demo).\n"
	    "set -g mouse on\nset -g remain-on-exit off\n"
	    "set-hook -g client-attached \"set -g destroy-unattached on\"\n"
	    "set -g status %s\nset -g status-style bg=blue,fg=white\n"
	    "set -g status-format[0] \"%s\"\nset -g status-format[1] \"%s\"\n"
	    "bind -n C-c run-shell -b \"kill -INT %d\"\n", tall ? "2" : "on",
	    screen_status[tall ? 0 : 2], screen_status[1], (int)o->demo);
	return fclose(f);
}

/* The first pane (supervisor) exists: the agent's beside it (below it,
 * at least SCREEN_AGENT_MIN rows, on a narrow terminal), titles, focus on
 * the agent's, where the user starts. */
static int
screen_fill(const struct demo_screen_opts *o, const char *sup_pane,
    char *err, size_t len)
{
	char	cmd[3 * PATH_MAX], out[256], agent_pane[32], size[16];
	int	cols, rows, wide;

	if (screen_tmux(out, sizeof out, "set", "-w", "-t", screen.window,
	    "pane-border-status", "top", ";", "set", "-w", "-t",
	    screen.window, "pane-border-format", " #{pane_title} ", ";",
	    "display", "-p", "-t", screen.window,
	    "#{window_width} #{window_height}", NULL) != 0 ||
	    sscanf(out, "%d %d", &cols, &rows) != 2)
		goto fail;
	wide = cols >= SCREEN_WIDE;
	snprintf(size, sizeof size, "%s", wide ? "50%" : "");
	if (!wide)
		snprintf(size, sizeof size, "%d", rows / 2 > SCREEN_AGENT_MIN ?
		    rows / 2 : SCREEN_AGENT_MIN);
	snprintf(cmd, sizeof cmd, "'%s/centrala-agent' --state-dir '%s'",
	    o->bindir, o->state);
	if (screen_tmux(agent_pane, sizeof agent_pane, "split-window", "-t",
	    sup_pane, wide ? "-h" : "-v", "-l", size, "-P", "-F",
	    "#{pane_id}", cmd, NULL) != 0) {
		snprintf(out, sizeof out, "%s", agent_pane);
		goto fail;
	}
	if (screen_tmux(out, sizeof out, "select-pane", "-t", sup_pane, "-T",
	    screen_title_sup, ";", "select-pane", "-t", agent_pane, "-T",
	    screen_title_agent, NULL) != 0)
		goto fail;
	return 0;
fail:
	snprintf(err, len, "tmux: %s", out);
	return -1;
}

/* Ctrl-C in the user's tmux stops the demo only in the demo's window. */
static int
screen_bind_nested(const struct demo_screen_opts *o, char *out, size_t len)
{
	char	cond[64], kill_cmd[64];

	snprintf(cond, sizeof cond, "#{==:#{window_id},%s}", screen.window);
	snprintf(kill_cmd, sizeof kill_cmd, "run-shell -b 'kill -INT %d'",
	    (int)o->demo);
	return screen_tmux(out, len, "bind", "-n", "C-c", "if", "-F", cond,
	    kill_cmd, "send-keys C-c", NULL);
}

/* The client of the private server, on our terminal. */
static pid_t
screen_attach(void)
{
	pid_t pid = fork();

	if (pid == 0) {
		prctl(PR_SET_PDEATHSIG, SIGHUP);
		execlp("tmux", "tmux", "-S", screen.sock, "attach", "-t",
		    "demo", (char *)NULL);
		fprintf(stderr, "cannot run tmux: %s\n", strerror(errno));
		_exit(127);
	}
	return pid;
}

int
demo_screen_open(const struct demo_screen_opts *o, pid_t *client,
    char *err, size_t errlen)
{
	char		 sup[3 * PATH_MAX], out[256], cols[16], rows[16];
	struct winsize	 ws = { .ws_col = 80, .ws_row = 24 };
	char		*sp;

	*client = 0;
	if (strchr(o->state, '\'') != NULL || strchr(o->bindir, '\'') != NULL) {
		snprintf(err, errlen, "the paths of the state directory and of "
		    "the programs must have no ' in them for tmux");
		return -1;
	}
	screen.nested = getenv("TMUX") != NULL && getenv("TMUX")[0] != '\0';
	snprintf(screen.sock, sizeof screen.sock, "%s/run/tmux.sock", o->state);
	snprintf(screen.conf, sizeof screen.conf, "%s/tmux.conf", o->state);
	snprintf(screen.out, sizeof screen.out, "%s/log/tmux.out", o->state);
	ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws);
	if (!screen.nested && screen_write_conf(o, ws.ws_row, err, errlen) != 0)
		return -1;
	snprintf(sup, sizeof sup, "'%s/centrala-supervisor' --state-dir '%s'; "
	    "kill -USR1 %d", o->bindir, o->state, (int)o->demo);
	snprintf(cols, sizeof cols, "%d", ws.ws_col > 0 ? ws.ws_col : 80);
	snprintf(rows, sizeof rows, "%d", ws.ws_row - (ws.ws_row >= SCREEN_TALL ?
	    2 : 1));
	if ((screen.nested ? screen_tmux(out, sizeof out, "new-window", "-P",
	    "-F", "#{window_id} #{pane_id}", "-n", "centrala-demo", sup, NULL) :
	    screen_tmux(out, sizeof out, "new-session", "-d", "-s", "demo",
	    "-n", "centrala-demo", "-x", cols, "-y", rows, "-P", "-F",
	    "#{window_id} #{pane_id}", sup, NULL)) != 0 ||
	    (sp = strchr(out, ' ')) == NULL) {
		snprintf(err, errlen, "tmux: %s", out);
		return -1;
	}
	*sp++ = '\0';
	snprintf(screen.window, sizeof screen.window, "%.31s", out);
	screen.open = 1;
	if (screen_fill(o, sp, err, errlen) != 0 || (screen.nested &&
	    screen_bind_nested(o, err, errlen) != 0)) {
		demo_screen_close();
		return -1;
	}
	if (!screen.nested && (*client = screen_attach()) < 0) {
		snprintf(err, errlen, "cannot run tmux: %s", strerror(errno));
		demo_screen_close();
		return -1;
	}
	return 0;
}

void
demo_screen_close(void)
{
	char out[256];

	if (!screen.open)
		return;
	screen.open = 0;
	if (screen.nested)
		screen_tmux(out, sizeof out, "unbind", "-n", "C-c", ";",
		    "kill-window", "-t", screen.window, NULL);
	else
		screen_tmux(out, sizeof out, "kill-server", NULL);
}
