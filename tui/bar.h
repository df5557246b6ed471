/* bar.h: the one-line bars: the title bar at the top, the function-key
 * bar at the bottom (htop's FunctionBar: "F1 Help  F2 Ready ..." with the
 * letter shortcut marked in each label) and the status line above it. */
#ifndef CZ_TUI_BAR_H
#define CZ_TUI_BAR_H

#include "tui.h"

/* One key in the bar: "F2" (or NULL when there is only a letter), its
 * letter shortcut (0: none) and the label. */
struct tui_barkey {
	const char	*fkey;
	int		 letter;
	const char	*label;
};

/* How loud a status line is. */
enum tui_level {
	TUI_LEVEL_INFO,
	TUI_LEVEL_ALERT
};

void	tui_bar_title(WINDOW *, int y, int w, const char *left, const char *right);
/* The cells n keys take in the bar. */
int	tui_bar_width(const struct tui_barkey *, int n);
/* Draws the keys that fit in w cells, the last one always. */
void	tui_bar_keys(WINDOW *, int y, int w, const struct tui_barkey *, int n);
void	tui_bar_status(WINDOW *, int y, int w, const char *, enum tui_level);

#endif
