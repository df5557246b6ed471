/* input.h: a one-line text field: UTF-8 aware, with a cursor, Backspace,
 * Delete, Left/Right, Home/End (and ^A/^E/^U), scrolling when the text is
 * wider than the field; secret fields show '*'. */
#ifndef CZ_TUI_INPUT_H
#define CZ_TUI_INPUT_H

#include "tui.h"

#define TUI_INPUT_MAX	128	/* characters */

struct tui_input {
	wchar_t	buf[TUI_INPUT_MAX];
	size_t	len;
	size_t	cur;
	size_t	scroll;		/* first character shown */
	int	secret;
};

void	 tui_input_init(struct tui_input *, int secret);
void	 tui_input_set(struct tui_input *, const char *);
/* The text as a new UTF-8 string. */
char	*tui_input_get(const struct tui_input *);
/* Editing keys give TUI_USED; Enter TUI_DONE; Escape TUI_CANCEL. */
enum tui_result tui_input_key(struct tui_input *, const struct tui_key *);
/* Draws in w cells at (y, x); a focused field takes the cursor. */
void	 tui_input_draw(struct tui_input *, WINDOW *, int y, int x, int w,
	    int focused);

#endif
