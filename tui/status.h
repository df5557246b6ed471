/* status.h: the status line's message: a text and how loud it is, shown
 * for some seconds. The time is passed in (monotonic microseconds), so
 * whether it still shows is known without a clock or a terminal. */
#ifndef CZ_TUI_STATUS_H
#define CZ_TUI_STATUS_H

#include <stdint.h>
#include "bar.h"

struct tui_status {
	char		text[256];
	enum tui_level	level;
	uint64_t	until;		/* mono us */
};

void	tui_status_set(struct tui_status *, uint64_t now, int secs,
	    enum tui_level, const char *fmt, ...)
	    __attribute__((format(printf, 5, 6)));
void	tui_status_clear(struct tui_status *);
/* The text while it lasts, else NULL. */
const char *tui_status_text(const struct tui_status *, uint64_t now);
/* Draws it in row y if it lasts; 1 if drawn. */
int	tui_status_draw(const struct tui_status *, WINDOW *, int y, int w,
	    uint64_t now);

#endif
