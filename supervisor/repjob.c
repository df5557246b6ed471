/* repjob.c: the report screen's report run (repjob.h): the core's
 * `report` request (core/cmd-report.c) from the screen's choices (the
 * period as days), answered with the report's text, which the core runs
 * from its own database, held to the supervisor's clients: the console
 * needs no access to the database file. The text goes where the caller
 * says; a print goes to CUPS's lp (report_print(), report/report-page.h)
 * from a child process, off the console's loop, which waits on its pipe
 * (repjob_fd) with the keys and the socket; when it ends the caller's
 * function gets its status and its words. One at a time. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "cli.h"
#include "link.h"
#include "report-lib.h"
#include "report-page.h"
#include "repjob.h"
#include "said.h"

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

/* The report running, one at a time: the request out to the core, then,
 * for a print, a child running lp whose pipe closes when it ends (the loop
 * waits on it: repjob_fd); and what to call then. */
static struct {
	int		 asked;		/* the request is out */
	int		 out;		/* where the text goes; -1: none */
	int		 print;		/* the text is printed on dest */
	char		 dest[128];
	pid_t		 pid;		/* lp's child; -1: none */
	int		 fd;		/* its pipe's read end */
	FILE		*err;		/* what it said */
	repjob_done_fn	*done;
} rep_job = { 0, -1, 0, "", -1, -1, NULL, NULL };

/* The request for the form, with EXTRA's options (--text, --csv,
 * --print [DEST]) as the request's format and the print's destination. */
static json_t *
rep_request(const struct sup *s, const char *const *extra)
{
	char		 from[16], to[16];
	const char	*format = NULL;
	json_t		*req;

	repjob_period(s, from, to, sizeof from);
	req = json_pack("{s:s,s:s,s:s}", "req", "report", "report",
	    report_name(s->rep.report, NULL), "from", from);
	if (to[0] != '\0')
		json_object_set_new(req, "to", json_string(to));
	if (s->rep.queue[0] != '\0')
		json_object_set_new(req, "queue", json_string(s->rep.queue));
	if (s->rep.agent[0] != '\0')
		json_object_set_new(req, "agent", json_string(s->rep.agent));
	if (s->rep.client[0] != '\0')
		json_object_set_new(req, "client", json_string(s->rep.client));
	rep_job.print = 0;
	rep_job.dest[0] = '\0';
	for (int i = 0; extra != NULL && extra[i] != NULL; i++)
		if (strcmp(extra[i], "--csv") == 0)
			format = "csv";
		else if (strcmp(extra[i], "--text") == 0)
			format = "page";
		else if (strcmp(extra[i], "--print") == 0) {
			format = "page";
			rep_job.print = 1;
			if (extra[i + 1] != NULL)
				snprintf(rep_job.dest, sizeof rep_job.dest,
				    "%s", extra[++i]);
		}
	if (format != NULL)
		json_object_set_new(req, "format", json_string(format));
	return req;
}

int
repjob_running(struct sup *s)
{
	if (!rep_job.asked && rep_job.pid == -1)
		return 0;
	model_say(s, 1, "a report is running: wait for it");
	return 1;
}

int
repjob_start(struct sup *s, const char *const *extra, int out,
    repjob_done_fn *done)
{
	if (repjob_running(s))
		return -1;
	if (link_send(s, SREQ_REPORT, "report", rep_request(s, extra)) < 0)
		return -1;
	rep_job.asked = 1;
	rep_job.out = out >= 0 ? dup(out) : -1;
	rep_job.done = done;
	model_say(s, 0, "report %s: running", report_name(s->rep.report, NULL));
	return 0;
}

static void
rep_end(struct sup *s, int rc, const char *said)
{
	if (rep_job.out >= 0)
		close(rep_job.out);
	rep_job.out = -1;
	rep_job.asked = 0;
	s->dirty = 1;
	rep_job.done(s, rc, said);
}

/* The text printed with lp from a child: its words to rep_job.err. */
static void
rep_print(struct sup *s, const char *text, size_t len, const char *dest)
{
	FILE	*t = tmpfile();
	int	 pfd[2] = { -1, -1 };

	if (t == NULL || (rep_job.err = tmpfile()) == NULL || pipe(pfd) == -1 ||
	    fwrite(text, 1, len, t) != len || fflush(t) != 0 ||
	    (fflush(stdout), (rep_job.pid = fork()) == -1)) {
		if (pfd[0] >= 0) {
			close(pfd[0]);
			close(pfd[1]);
		}
		if (rep_job.err != NULL)
			fclose(rep_job.err);
		rep_job.err = NULL;
		rep_job.pid = -1;
		if (t != NULL)
			fclose(t);
		rep_end(s, 1, strerror(errno));
		return;
	}
	if (rep_job.pid == 0) {
		close(pfd[0]);
		dup2(fileno(rep_job.err), 1);
		dup2(fileno(rep_job.err), 2);
		int rc = report_print(t, dest[0] != '\0' ? dest : NULL,
		    report_name(s->rep.report, NULL));
		fflush(stdout);
		_exit(rc);	/* the pipe closes: the console is told */
	}
	fclose(t);
	close(pfd[1]);
	rep_job.fd = pfd[0];
}

void
repjob_reply(struct sup *s, json_t *r)
{
	json_t		*t = json_object_get(r, "text");
	const char	*msg = json_string_value(json_object_get(r, "message"));
	const char	*dest = json_string_value(json_object_get(r,
			    "print_destination"));
	const char	*p = json_string_value(t);
	size_t		 len = json_string_length(t);
	ssize_t		 n;

	if (!rep_job.asked)
		return;
	if (cli_reply_error(r) != NULL || p == NULL) {
		rep_end(s, 1, msg != NULL ? msg : cli_reply_error(r));
		return;
	}
	if (rep_job.print) {
		rep_print(s, p, len, rep_job.dest[0] ? rep_job.dest :
		    dest != NULL ? dest : "");
		return;
	}
	for (; len > 0 && rep_job.out >= 0; p += n, len -= n)
		if ((n = write(rep_job.out, p, len)) < 0) {
			if (errno == EINTR) {
				n = 0;
				continue;
			}
			rep_end(s, 1, strerror(errno));
			return;
		}
	rep_end(s, 0, "");
}

void
repjob_lost(struct sup *s)
{
	if (rep_job.asked && rep_job.pid == -1)
		rep_end(s, 1, "the connection to the core was lost");
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
	said_line(rep_job.err, said, sizeof said);
	fclose(rep_job.err);
	rep_job.err = NULL;
	rep_end(s, WIFEXITED(st) ? WEXITSTATUS(st) : 1, said);
}
