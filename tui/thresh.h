/* thresh.h: colour thresholds. A figure (callers waiting, the longest
 * wait, a service level) is measured against limits kept as data, one
 * struct per figure, and comes out ok, warn or alert, and so a colour. */
#ifndef CZ_TUI_THRESH_H
#define CZ_TUI_THRESH_H

#include "tui.h"

enum tui_thresh_level {
	TUI_THRESH_OK,
	TUI_THRESH_WARN,
	TUI_THRESH_ALERT
};

/* warn and alert are where those levels begin. When lower is worse (a
 * service level, agents ready), they begin at or below the limit. */
struct tui_thresh {
	double	warn;
	double	alert;
	int	lower_is_worse;
};

enum tui_thresh_level	tui_thresh_level(const struct tui_thresh *, double);
/* TUI_VALUE_OK, TUI_VALUE_WARN or TUI_VALUE_ALERT; NULL limits: ok. */
enum tui_color		tui_thresh_color(const struct tui_thresh *, double);

#endif
