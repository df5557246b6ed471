/* log.h: one way to speak and one way to die, shared by every program. */
#ifndef CZ_LOG_H
#define CZ_LOG_H

#include <stdarg.h>

enum log_level { LOG_LEVEL_DEBUG, LOG_LEVEL_INFO, LOG_LEVEL_WARN, LOG_LEVEL_ERROR };

void	log_open(const char *progname, const char *path, enum log_level min);
/* From now on to syslog (LOG_DAEMON), levels as priorities. */
void	log_open_syslog(const char *progname, enum log_level min);
/* Where lines go from now on (a reload): the file path, else syslog if
 * to_syslog, else standard error. The old file is closed only once the
 * new one is open: -1 (nothing changed) if it cannot be. */
int	log_redirect(const char *path, int to_syslog);
void	log_set_level(enum log_level min);
enum log_level log_get_level(void);
void	log_debug(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void	log_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void	log_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void	log_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void	fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
int	log_level_parse(const char *s, enum log_level *out);

#endif
