/* status.c: the status line's message (status.h). */
#include <stdarg.h>
#include <stdio.h>
#include "status.h"

void
tui_status_set(struct tui_status *s, uint64_t now, int secs,
    enum tui_level level, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(s->text, sizeof s->text, fmt, ap);
	va_end(ap);
	s->level = level;
	s->until = now + (uint64_t)secs * 1000000;
}

void
tui_status_clear(struct tui_status *s)
{
	s->text[0] = '\0';
	s->until = 0;
}

const char *
tui_status_text(const struct tui_status *s, uint64_t now)
{
	return s->text[0] != '\0' && now < s->until ? s->text : NULL;
}

int
tui_status_draw(const struct tui_status *s, WINDOW *win, int y, int w,
    uint64_t now)
{
	const char *text = tui_status_text(s, now);

	if (text == NULL)
		return 0;
	tui_bar_status(win, y, w, text, s->level);
	return 1;
}
