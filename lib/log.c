/* log.c: log lines with a level, to stderr, a file (timestamped) or syslog
 * (facility LOG_DAEMON, so that journald or rsyslog files them); fatal()
 * exits. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <time.h>
#include <sys/time.h>
#include "log.h"

static const char	*log_prog = "centrala";
static FILE		*log_file;
static enum log_level	 log_min = LOG_LEVEL_INFO;
static int		 log_syslog;		/* to syslog, not to a FILE */
static const char	*log_names[] = { "debug", "info", "warn", "error" };
static const int	 log_priorities[] = { LOG_DEBUG, LOG_INFO, LOG_WARNING,
    LOG_ERR };

void
log_open(const char *progname, const char *path, enum log_level min)
{
	log_prog = progname;
	log_min = min;
	if (path != NULL) {
		FILE *f = fopen(path, "a");
		if (f == NULL)
			fatal("cannot open log file %s", path);
		setvbuf(f, NULL, _IOLBF, 0);
		log_file = f;
	}
}

void
log_open_syslog(const char *progname, enum log_level min)
{
	log_prog = progname;
	log_min = min;
	openlog(progname, LOG_PID | LOG_NDELAY, LOG_DAEMON);
	log_syslog = 1;
}

int
log_redirect(const char *path, int to_syslog)
{
	FILE *f = NULL;

	if (path != NULL && (f = fopen(path, "a")) == NULL)
		return -1;
	if (f != NULL)
		setvbuf(f, NULL, _IOLBF, 0);
	if (log_file != NULL)
		fclose(log_file);
	log_file = f;
	if (log_syslog && !to_syslog)
		closelog();
	if (to_syslog && !log_syslog)
		openlog(log_prog, LOG_PID | LOG_NDELAY, LOG_DAEMON);
	log_syslog = to_syslog;
	return 0;
}

void
log_set_level(enum log_level min)
{
	log_min = min;
}

enum log_level
log_get_level(void)
{
	return log_min;
}

int
log_level_parse(const char *s, enum log_level *out)
{
	for (int i = 0; i < 4; i++) {
		if (strcmp(s, log_names[i]) == 0) {
			*out = i;
			return 0;
		}
	}
	return -1;
}

static void
log_vwrite(enum log_level level, const char *fmt, va_list ap)
{
	FILE		*f = log_file != NULL ? log_file : stderr;
	struct timeval	 tv;
	struct tm	 tm;
	char		 when[32];

	if (level < log_min)
		return;
	if (log_syslog) {
		vsyslog(log_priorities[level], fmt, ap);
		return;
	}
	gettimeofday(&tv, NULL);
	localtime_r(&tv.tv_sec, &tm);
	strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", &tm);
	fprintf(f, "%s.%03ld %s %s: ", when, (long)tv.tv_usec / 1000, log_prog,
	    log_names[level]);
	vfprintf(f, fmt, ap);
	fputc('\n', f);
}

#define LOG_FN(name, level)					\
void								\
name(const char *fmt, ...)					\
{								\
	va_list ap;						\
	va_start(ap, fmt);					\
	log_vwrite(level, fmt, ap);				\
	va_end(ap);						\
}
LOG_FN(log_debug, LOG_LEVEL_DEBUG)
LOG_FN(log_info, LOG_LEVEL_INFO)
LOG_FN(log_warn, LOG_LEVEL_WARN)
LOG_FN(log_error, LOG_LEVEL_ERROR)

void
fatal(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_vwrite(LOG_LEVEL_ERROR, fmt, ap);
	va_end(ap);
	if (log_file != NULL || log_syslog) {
		va_start(ap, fmt);
		fprintf(stderr, "%s: ", log_prog);
		vfprintf(stderr, fmt, ap);
		fputc('\n', stderr);
		va_end(ap);
	}
	exit(1);
}
