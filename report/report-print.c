/* report-print.c: the paginated report to a printer through CUPS's lp,
 * run without a shell (fork, exec, argv): the text is lp's standard input,
 * what lp says (its job id, or its error) is read from a pipe and shown,
 * and its exit status is the result. No destination: CUPS's default. */
#include <errno.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "report-page.h"

static void
run_lp(int in, int out, const char *dest, const char *title)
{
	const char	*argv[8];
	int		 n = 0;

	argv[n++] = "lp";
	if (dest != NULL && *dest != '\0') {
		argv[n++] = "-d";
		argv[n++] = dest;
	}
	argv[n++] = "-t";
	argv[n++] = title;
	argv[n] = NULL;
	dup2(in, 0);
	dup2(out, 1);
	dup2(out, 2);
	execvp("lp", (char *const *)argv);
	fprintf(stderr, "cannot run lp: %s (install CUPS's client, cups-client)\n",
	    strerror(errno));
	_exit(127);
}

/* lp's words, on one line, without its trailing newline. */
static void
read_said(int fd, char *buf, size_t len)
{
	size_t	 got = 0;
	ssize_t	 r;

	while (got + 1 < len && ((r = read(fd, buf + got, len - 1 - got)) > 0 ||
	    (r < 0 && errno == EINTR)))
		got += r > 0 ? (size_t)r : 0;
	buf[got] = '\0';
	while (got > 0 && (buf[got - 1] == '\n' || buf[got - 1] == ' '))
		buf[--got] = '\0';
	for (char *p = buf; *p; p++)
		if (*p == '\n')
			*p = ' ';
}

/* Returns 0 once lp took the job, else 1 with lp's error on stderr. */
int
report_print(FILE *text, const char *dest, const char *title)
{
	int	 pfd[2], st;
	pid_t	 pid;
	char	 said[1024];

	fflush(text);
	rewind(text);
	if (pipe(pfd) == -1 || (pid = fork()) == -1) {
		fprintf(stderr, "centrala report: lp: %s\n", strerror(errno));
		return 1;
	}
	if (pid == 0) {
		close(pfd[0]);
		run_lp(fileno(text), pfd[1], dest, title);
	}
	close(pfd[1]);
	read_said(pfd[0], said, sizeof said);
	close(pfd[0]);
	while (waitpid(pid, &st, 0) == -1 && errno == EINTR)
		;
	if (WIFEXITED(st) && WEXITSTATUS(st) == 0) {
		printf("centrala report: printed on %s: %s\n",
		    dest && *dest ? dest : "the default printer", said);
		return 0;
	}
	fprintf(stderr, "centrala report: printing on %s failed: %s\n",
	    dest && *dest ? dest : "the default printer",
	    *said ? said : "lp exited with an error");
	return 1;
}
