/* cmd-report.c: the supervisor's `report` request: one of `centrala
 * report`'s reports, held to the session's clients (issue 12), run off
 * the loop. A child process execs centrala-report (beside the core), the
 * reports' code (report/report-lib.h), which opens its own read-only
 * connection to the database and commits nothing: a forked image of the
 * core would share SQLite's in-process lock state with the core's open
 * handle, so the child starts afresh. It writes the report to a pipe the
 * loop reads; the reply goes when the child ends, or the run is stopped
 * at a size cap or a time limit. */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <event2/event.h>
#include "cmd-handlers.h"
#include "cmd-target.h"
#include "agent.h"
#include "campaign.h"
#include "core.h"
#include "log.h"
#include "queue.h"
#include "said.h"
#include "scope.h"
#include "xmalloc.h"

/* The reply must fit the client's output buffer, escapes and the
 * events queued beside it included: a quarter of [core] client_outbuf. */
#define REPORT_MAX_BYTES	((size_t)core.cfg->core.client_outbuf / 4)
#define REPORT_TIMEOUT_S	60
#define REPORT_MAX_RUNNING	2
#define REPORT_ARGS		32

/* A report running: its child, the pipe it writes to, what it wrote. */
struct report_job {
	pid_t		 pid;
	int		 fd;
	FILE		*err;		/* the child's stderr */
	struct event	*ev, *timer;
	char		*out;
	size_t		 len, cap;
	uint64_t	 conn_id;	/* the requester; it may be gone */
	json_t		*reply;		/* ok reply, with the request's id */
	char		 name[32];
	char		 stopped[160];	/* why the run was cut short, or "" */
};

static int	report_running;

/* The formats the request takes and the report command's option each
 * is (NULL: the 80-column table). */
static const struct {
	const char	*name, *opt;
} report_formats[] = {
	{ "text", NULL }, { "csv", "--csv" }, { "page", "--text" },
};
#define NFORMATS	(sizeof report_formats / sizeof report_formats[0])

/* The request's plain string arguments and the option each becomes. */
static const struct {
	const char	*arg, *opt;
} report_opts[] = {
	{ "from", "--from" }, { "to", "--to" }, { "interval", "--interval" },
	{ "campaign", "--campaign" },
};
#define NOPTS		(sizeof report_opts / sizeof report_opts[0])

/* centrala-report beside the running core, or -1. */
static int
report_program(char *path, size_t len)
{
	char	self[PATH_MAX], *slash;
	ssize_t	n = readlink("/proc/self/exe", self, sizeof self - 1);

	if (n <= 0)
		return -1;
	self[n] = '\0';
	if ((slash = strrchr(self, '/')) == NULL)
		return -1;
	*slash = '\0';
	if ((size_t)snprintf(path, len, "%s/centrala-report", self) >= len)
		return -1;
	return access(path, X_OK);
}

/* The session's scope on the report: a limited supervisor names one of
 * its clients (or has only one, which is then named), and a queue, agent
 * or campaign named must be one it sees. *client is set to the client to run
 * the report for (NULL: everyone's). What is not found now is not
 * theirs. */
static int
report_scope(struct cmd_ctx *ctx, const char **client)
{
	const struct cfg_user	*u = scope_user(ctx->conn);
	const char		*q = cmd_str(ctx, "queue");
	const char		*a = cmd_str(ctx, "agent");
	const char		*c = cmd_str(ctx, "campaign");
	struct campaign		*cp;
	struct queue		*qp;
	struct agent		*ap;
	char			 list[256];
	size_t			 n = 0;

	*client = cmd_str(ctx, "client");
	if (u == NULL)
		return 0;
	if (*client != NULL && !cmd_scope_client(ctx->conn, *client))
		return cmd_scope_refuse("report", ctx, "client", *client);
	if (*client == NULL && u->nclients == 1)
		*client = u->clients[0];
	if (*client == NULL) {
		list[0] = '\0';
		for (int i = 0; i < u->nclients && n < sizeof list; i++)
			n += snprintf(list + n, sizeof list - n, "%s%s",
			    i ? ", " : "", u->clients[i]);
		return cmd_error(ctx, PROTO_E_FORBIDDEN, "report: name one of "
		    "your clients (%s)", list);
	}
	if (q != NULL && ((qp = queue_find(q)) == NULL ||
	    !cmd_scope_queue(ctx->conn, qp)))
		return cmd_scope_refuse("report", ctx, "queue", q);
	if (a != NULL && ((ap = agent_find(a)) == NULL ||
	    !cmd_scope_agent(ctx->conn, ap)))
		return cmd_scope_refuse("report", ctx, "agent", a);
	if (c != NULL && ((cp = campaign_find(c)) == NULL ||
	    !cmd_scope_client(ctx->conn, cp->client)))
		return cmd_scope_refuse("report", ctx, "campaign", c);
	return 0;
}

/* `centrala report` arguments for the request; the format is checked. */
static int
report_argv(struct cmd_ctx *ctx, const char *client, char **argv)
{
	const char	*fmt = cmd_str(ctx, "format"), *v;
	json_t		*wide = json_object_get(ctx->args, "wide");
	int		 n = 0;
	size_t		 f;

	for (f = 0; fmt != NULL && f < NFORMATS; f++)
		if (strcmp(report_formats[f].name, fmt) == 0)
			break;
	if (f == NFORMATS)
		return cmd_error(ctx, PROTO_E_BAD_ARGS, "report: \"%.64s\" is "
		    "not a format (text, csv, page)", fmt);
	argv[n++] = "centrala-report";
	argv[n++] = (char *)cmd_str(ctx, "report");
	argv[n++] = "--db";
	argv[n++] = core.db_path;
	if (core.config_path != NULL) {
		argv[n++] = "--config";
		argv[n++] = core.config_path;
	}
	for (size_t i = 0; i < NOPTS; i++)
		if ((v = cmd_str(ctx, report_opts[i].arg)) != NULL) {
			argv[n++] = (char *)report_opts[i].opt;
			argv[n++] = (char *)v;
		}
	if ((v = cmd_str(ctx, "queue")) != NULL) {
		argv[n++] = "--queue";
		argv[n++] = (char *)v;
	}
	if ((v = cmd_str(ctx, "agent")) != NULL) {
		argv[n++] = "--agent";
		argv[n++] = (char *)v;
	}
	if (client != NULL) {
		argv[n++] = "--client";
		argv[n++] = (char *)client;
	}
	if (fmt != NULL && report_formats[f].opt != NULL)
		argv[n++] = (char *)report_formats[f].opt;
	if (json_is_true(wide))
		argv[n++] = "--wide";
	argv[n] = NULL;
	return n;
}

/* The child: centrala-report, its report to the pipe, its words to the
 * job's file; nothing of the core's state is used. */
static void __attribute__((noreturn))
report_child(const char *prog, int out, int err, char **argv)
{
	sigset_t	all;

	sigemptyset(&all);
	sigprocmask(SIG_SETMASK, &all, NULL);
	signal(SIGPIPE, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGINT, SIG_DFL);
	signal(SIGALRM, SIG_DFL);
	if (dup2(out, 1) == -1 || dup2(err, 2) == -1)
		_exit(70);
	closefrom(3);	/* the clients' sockets, the database's file */
	alarm(REPORT_TIMEOUT_S + 5);	/* in case the core is gone */
	execv(prog, argv);
	fprintf(stderr, "%s: %s\n", prog, strerror(errno));
	_exit(70);
}

static json_t *
report_reply(struct report_job *j, int st)
{
	json_t	*id = json_object_get(j->reply, "id"), *text;
	char	 said[512];

	if (j->stopped[0] != '\0')
		return proto_reply_error(id, PROTO_E_BUSY, "report %s: %s",
		    j->name, j->stopped);
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
		said_line(j->err, said, sizeof said);
		return proto_reply_error(id, PROTO_E_BAD_ARGS, "report %s: %s",
		    j->name, said[0] ? said : "failed");
	}
	if ((text = json_stringn(j->out ? j->out : "", j->len)) == NULL)
		return proto_reply_error(id, PROTO_E_INTERNAL, "report %s: "
		    "output is not UTF-8", j->name);
	json_object_set_new(j->reply, "report", json_string(j->name));
	json_object_set_new(j->reply, "text", text);
	if (core.cfg->core.print_destination[0] != '\0')	/* for a print */
		json_object_set_new(j->reply, "print_destination",
		    json_string(core.cfg->core.print_destination));
	return json_incref(j->reply);
}

/* The run is over (ended, or stopped): the child reaped, the reply sent
 * to the requester if it is still here. */
static void
report_end(struct report_job *j)
{
	int	 st = 0;
	json_t	*reply;

	event_free(j->ev);
	event_free(j->timer);
	close(j->fd);
	if (j->stopped[0] != '\0')
		kill(j->pid, SIGKILL);
	while (waitpid(j->pid, &st, 0) == -1 && errno == EINTR)
		;
	reply = report_reply(j, st);
	log_info("report %s for client %llu: %s, %zu bytes", j->name,
	    (unsigned long long)j->conn_id, j->stopped[0] ? j->stopped :
	    (WIFEXITED(st) && WEXITSTATUS(st) == 0 ? "done" : "failed"),
	    j->len);
	for (struct conn *c = conns; c != NULL; c = c->next)
		if (c->id == j->conn_id && !c->dead) {
			conn_send(c, json_incref(reply));
			break;
		}
	json_decref(reply);
	json_decref(j->reply);
	fclose(j->err);
	free(j->out);
	free(j);
	report_running--;
}

static void
report_read_cb(evutil_socket_t fd, short what, void *arg)
{
	struct report_job	*j = arg;
	char			 buf[65536];
	ssize_t			 n;

	if ((n = read(fd, buf, sizeof buf)) < 0) {
		if (errno == EAGAIN || errno == EINTR)
			return;
		report_end(j);
		return;
	}
	if (n == 0) {
		report_end(j);
		return;
	}
	if (j->len + n > REPORT_MAX_BYTES) {
		snprintf(j->stopped, sizeof j->stopped, "over %zu bytes, "
		    "stopped: name a shorter period or a queue, agent or "
		    "client (or raise [core] client_outbuf)", REPORT_MAX_BYTES);
		report_end(j);
		return;
	}
	if (j->len + n > j->cap) {
		j->cap = (j->len + n) * 2;
		j->out = xrealloc(j->out, j->cap);
	}
	memcpy(j->out + j->len, buf, n);
	j->len += n;
}

static void
report_timeout_cb(evutil_socket_t fd, short what, void *arg)
{
	struct report_job *j = arg;

	snprintf(j->stopped, sizeof j->stopped, "took over %d s, stopped: "
	    "name a shorter period", REPORT_TIMEOUT_S);
	report_end(j);
}

int
cmd_report(struct cmd_ctx *ctx)
{
	const char		*name = cmd_str(ctx, "report"), *client;
	char			*argv[REPORT_ARGS], prog[PATH_MAX];
	int			 pfd[2];
	struct report_job	*j;
	struct timeval		 tv = { REPORT_TIMEOUT_S, 0 };

	/* a word, never an option of the command (--print, --db ...) */
	if (name[0] == '\0' || strspn(name, "abcdefghijklmnopqrstuvwxyz") !=
	    strlen(name))
		return cmd_error(ctx, PROTO_E_BAD_ARGS, "report: no report "
		    "\"%.64s\" (centrala report --list)", name);
	if (report_scope(ctx, &client) != 0 ||
	    report_argv(ctx, client, argv) < 0)
		return -1;
	if (report_program(prog, sizeof prog) != 0)
		return cmd_error(ctx, PROTO_E_INTERNAL, "report: no "
		    "centrala-report beside the core");
	if (report_running >= REPORT_MAX_RUNNING)
		return cmd_error(ctx, PROTO_E_BUSY, "report: %d reports are "
		    "running: ask again when one ends", report_running);
	j = xcalloc(1, sizeof *j);
	snprintf(j->name, sizeof j->name, "%s", name);
	if ((j->err = tmpfile()) == NULL || pipe(pfd) == -1) {
		if (j->err != NULL)
			fclose(j->err);
		free(j);
		return cmd_error(ctx, PROTO_E_INTERNAL, "report: %s",
		    strerror(errno));
	}
	fflush(NULL);	/* nothing buffered is written twice */
	if ((j->pid = fork()) == -1) {
		close(pfd[0]);
		close(pfd[1]);
		fclose(j->err);
		free(j);
		return cmd_error(ctx, PROTO_E_INTERNAL, "report: fork: %s",
		    strerror(errno));
	}
	if (j->pid == 0)
		report_child(prog, pfd[1], fileno(j->err), argv);
	close(pfd[1]);
	j->fd = pfd[0];
	evutil_make_socket_nonblocking(j->fd);
	j->conn_id = ctx->conn->id;
	j->reply = json_incref(ctx->reply);
	j->ev = event_new(core.base, j->fd, EV_READ | EV_PERSIST,
	    report_read_cb, j);
	j->timer = evtimer_new(core.base, report_timeout_cb, j);
	event_add(j->ev, NULL);
	evtimer_add(j->timer, &tv);
	report_running++;
	return CMD_LATER;
}
