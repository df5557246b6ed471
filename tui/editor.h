/* editor.h: a multi-line text editor for notes: word wrap to the width it
 * is drawn in, a cursor moved by arrows, Home/End, Backspace/Delete, Enter
 * for a new line. The text lives in the editor, not on the screen, so
 * redraws, resizes and other screens never lose it. */
#ifndef CZ_TUI_EDITOR_H
#define CZ_TUI_EDITOR_H

#include "tui.h"

#define TUI_EDITOR_MAX	8000	/* characters */

struct tui_editor {
	wchar_t	*buf;
	size_t	 len, cap;
	size_t	 cur;
	int	 top;		/* first row shown */
	int	 width;		/* text width at the last draw */
	int	 goal;		/* column Up/Down aim for; -1: the cursor's */
	int	 changed;	/* set by each edit; the owner clears it */
};

void	 tui_editor_init(struct tui_editor *);
void	 tui_editor_free(struct tui_editor *);
void	 tui_editor_set(struct tui_editor *, const char *);
char	*tui_editor_get(const struct tui_editor *);	/* new UTF-8 string */
int	 tui_editor_empty(const struct tui_editor *);
/* Keys it does not take (Tab, Escape, function keys) give TUI_UNUSED. */
enum tui_result tui_editor_key(struct tui_editor *, const struct tui_key *);
void	 tui_editor_draw(struct tui_editor *, WINDOW *, struct tui_rect,
	    int focused);

#endif
