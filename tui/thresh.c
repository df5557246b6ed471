/* thresh.c: a value against its limits (thresh.h). */
#include "thresh.h"

enum tui_thresh_level
tui_thresh_level(const struct tui_thresh *t, double v)
{
	if (t == NULL)
		return TUI_THRESH_OK;
	if (t->lower_is_worse)
		return v <= t->alert ? TUI_THRESH_ALERT : v <= t->warn ?
		    TUI_THRESH_WARN : TUI_THRESH_OK;
	return v >= t->alert ? TUI_THRESH_ALERT : v >= t->warn ?
	    TUI_THRESH_WARN : TUI_THRESH_OK;
}

enum tui_color
tui_thresh_color(const struct tui_thresh *t, double v)
{
	static const enum tui_color colors[] = {
		[TUI_THRESH_OK] = TUI_VALUE_OK,
		[TUI_THRESH_WARN] = TUI_VALUE_WARN,
		[TUI_THRESH_ALERT] = TUI_VALUE_ALERT,
	};

	return colors[tui_thresh_level(t, v)];
}
