/* repjob.c: the report screen's report run (repjob.h): the arguments of
 * `centrala report` from the screen's choices (the period as days), and
 * the reports' own code (report_main(), report/report-lib.h) run with
 * them in a child process: its stdout where the caller says, its stderr
 * kept to be said. The child runs off the console's loop, which waits on
 * its pipe (repjob_fd) with the keys and the socket; when it ends the
 * caller's function gets its exit status and its words. One at a time. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "report-lib.h"
#include "repjob.h"

void
repjob_day(char *b, size_t n, time_t t)
{
	strftime(b, n, "%Y-%m-%d", gmtime(&t));
}

/* A day YYYY-MM-DD, checked (no 2026-02-31): its 00:00 UTC, or -1. */
time_t
repjob_parse_day(const char *v)
{
	struct tm	 tm;
	const char	*end;
	char		 back[16];
	time_t		 t;

	memset(&tm, 0, sizeof tm);
	if (strlen(v) != 10 || (end = strptime(v, "%Y-%m-%d", &tm)) == NULL ||
	    *end != '\0')
		return -1;
	t = timegm(&tm);
	repjob_day(back, sizeof back, t);
	return strcmp(back, v) == 0 ? t : -1;
}

/* The period as --from and --to days (to "" : now). */
void
repjob_period(const struct sup *s, char *from, char *to, size_t n)
{
	time_t		now = time(NULL), today = now - now % 86400;
	struct tm	tm = *gmtime(&now);

	to[0] = '\0';
	switch (s->rep.period) {
	case PERIOD_TODAY:
		repjob_day(from, n, today);
		break;
	case PERIOD_YESTERDAY:
		repjob_day(from, n, today - 86400);
		repjob_day(to, n, today);
		break;
	case PERIOD_WEEK:	/* from Monday */
		repjob_day(from, n, today - (time_t)((tm.tm_wday + 6) % 7) * 86400);
		break;
	case PERIOD_LAST_MONTH:
		tm = (struct tm){ .tm_year = tm.tm_year, .tm_mon = tm.tm_mon,
		    .tm_mday = 1 };
		repjob_day(to, n, timegm(&tm));
		tm.tm_mon--;
		repjob_day(from, n, timegm(&tm));
		break;
	case PERIOD_DATES:	/* both days in: to the next midnight */
		snprintf(from, n, "%s", s->rep.from);
		repjob_day(to, n, repjob_parse_day(s->rep.to) + 86400);
		break;
	}
}

/* The report's state directory: the console's, else the socket's
 * (DIR/run/centrala.sock); NULL: the report finds it as the command does. */
const char *
repjob_state_dir(const struct sup *s)
{
	static char	 dir[4096];
	const char	*tail = "/run/centrala.sock";
	size_t		 n = strlen(s->socket_path), t = strlen(tail);

	if (s->state_dir != NULL)
		return s->state_dir;
	if (n <= t || strcmp(s->socket_path + n - t, tail) != 0)
		return NULL;
	snprintf(dir, sizeof dir, "%.*s", (int)(n - t), s->socket_path);
	return dir;
}

#define REP_ARGS	24

/* `centrala report` arguments for the form, then EXTRA (NULL-ended). */
static int
rep_args(const struct sup *s, char **argv, char *from, char *to,
    const char *const *extra)
{
	int		 n = 0;
	const char	*dir = repjob_state_dir(s);

	repjob_period(s, from, to, 16);
	argv[n++] = "centrala report";
	argv[n++] = (char *)report_name(s->rep.report, NULL);
	argv[n++] = "--from";
	argv[n++] = from;
	if (to[0] != '\0') {
		argv[n++] = "--to";
		argv[n++] = to;
	}
	if (dir != NULL) {
		argv[n++] = "--state-dir";
		argv[n++] = (char *)dir;
	}
	if (s->config != NULL) {
		argv[n++] = "--config";
		argv[n++] = (char *)s->config;
	}
	if (s->rep.queue[0] != '\0') {
		argv[n++] = "--queue";
		argv[n++] = (char *)s->rep.queue;
	}
	if (s->rep.agent[0] != '\0') {
		argv[n++] = "--agent";
		argv[n++] = (char *)s->rep.agent;
	}
	if (s->rep.client[0] != '\0') {
		argv[n++] = "--client";
		argv[n++] = (char *)s->rep.client;
	}
	for (int i = 0; extra != NULL && extra[i] != NULL && n < REP_ARGS - 1; i++)
		argv[n++] = (char *)extra[i];
	argv[n] = NULL;
	return n;
}

/* The report's words (its stderr, or lp's), on one line. */
static void
rep_said(FILE *f, char *buf, size_t len)
{
	size_t n;

	rewind(f);
	n = fread(buf, 1, len - 1, f);
	buf[n] = '\0';
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == ' '))
		buf[--n] = '\0';
	for (char *p = buf; *p; p++)
		if (*p == '\n')
			*p = ' ';
}

/* The report running, one at a time: a child whose pipe closes when it
 * ends (the loop waits on it: repjob_fd), and what to call then. */
static struct {
	pid_t		 pid;		/* -1: none */
	int		 fd;		/* the pipe's read end */
	FILE		*err;		/* its stderr */
	repjob_done_fn	*done;
} rep_job = { -1, -1, NULL, NULL };

int
repjob_running(struct sup *s)
{
	if (rep_job.pid == -1)
		return 0;
	model_say(s, 1, "a report is running: wait for it");
	return 1;
}

int
repjob_start(struct sup *s, const char *const *extra, int out,
    repjob_done_fn *done)
{
	char	*argv[REP_ARGS], from[16], to[16];
	int	 argc = rep_args(s, argv, from, to, extra), pfd[2], st;

	if (repjob_running(s))
		return -1;
	if ((rep_job.err = tmpfile()) == NULL || pipe(pfd) == -1) {
		model_say(s, 1, "report: %s", strerror(errno));
		if (rep_job.err != NULL)
			fclose(rep_job.err);
		rep_job.err = NULL;
		return -1;
	}
	fflush(stdout);
	fflush(stderr);
	if ((rep_job.pid = fork()) == -1) {
		model_say(s, 1, "report: fork: %s", strerror(errno));
		close(pfd[0]);
		close(pfd[1]);
		fclose(rep_job.err);
		rep_job.err = NULL;
		return -1;
	}
	if (rep_job.pid == 0) {
		close(pfd[0]);
		dup2(fileno(rep_job.err), 2);
		dup2(out >= 0 ? out : fileno(rep_job.err), 1);
		optind = 0;	/* getopt afresh */
		st = report_main(argc, argv);
		fflush(stdout);
		_exit(st);	/* the pipe closes: the console is told */
	}
	close(pfd[1]);
	rep_job.fd = pfd[0];
	rep_job.done = done;
	model_say(s, 0, "report %s: running", report_name(s->rep.report, NULL));
	return 0;
}

int
repjob_fd(void)
{
	return rep_job.fd;
}

void
repjob_ready(struct sup *s)
{
	char	said[512], b[64];
	int	st = 0;

	if (rep_job.fd >= 0 && read(rep_job.fd, b, sizeof b) > 0)
		return;		/* not closed yet */
	close(rep_job.fd);
	rep_job.fd = -1;
	while (waitpid(rep_job.pid, &st, 0) == -1 && errno == EINTR)
		;
	rep_job.pid = -1;
	rep_said(rep_job.err, said, sizeof said);
	fclose(rep_job.err);
	rep_job.err = NULL;
	s->dirty = 1;
	rep_job.done(s, WIFEXITED(st) ? WEXITSTATUS(st) : 1, said);
}
