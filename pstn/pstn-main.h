/* pstn-main.h: the run as a whole: start, stop, failure. */
#ifndef CZ_PSTN_MAIN_H
#define CZ_PSTN_MAIN_H

#include <event2/event.h>

struct event_base *pstn_main_base(void);
void	pstn_main_l2_up(void);
void	pstn_main_check(void);
int	pstn_main_stopping(void);
void	pstn_main_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
