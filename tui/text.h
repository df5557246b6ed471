/* text.h: text on the screen. Strings from the core are UTF-8; they are
 * decoded here (not by the C library, whose locale may be ASCII) and drawn
 * clipped to a width, with '?' for what the terminal cannot show. Boxes
 * use line-drawing characters, or -|+ in ASCII. */
#ifndef CZ_TUI_TEXT_H
#define CZ_TUI_TEXT_H

#include <stddef.h>
#include "tui.h"

/* Decodes UTF-8 into at most max code points; bad bytes become U+FFFD. */
size_t	 tui_text_decode(const char *, wchar_t *out, size_t max);
/* Encodes n code points as a new NUL-terminated UTF-8 string. */
char	*tui_text_encode(const wchar_t *, size_t n);
/* Cells one character takes here (0 for a combining mark). */
int	 tui_text_cells(wchar_t);
/* Cells a UTF-8 string takes. */
int	 tui_text_width(const char *);

/* Draws at (y, x) in at most w cells; returns the cells used. */
int	 tui_text_put(WINDOW *, int y, int x, int w, const char *, attr_t);
int	 tui_text_putw(WINDOW *, int y, int x, int w, const wchar_t *, size_t n,
	    attr_t);
/* Word-wraps text into r, a row per line (and per '\n'), drawing when win
 * is not NULL; returns the rows the whole text needs. */
int	 tui_text_wrap(WINDOW *, struct tui_rect, const char *, attr_t);
/* printf into at most w cells. */
int	 tui_text_printf(WINDOW *, int y, int x, int w, attr_t,
	    const char *, ...) __attribute__((format(printf, 6, 7)));
/* Paints the rectangle with spaces in attr. */
void	 tui_text_fill(WINDOW *, struct tui_rect, attr_t);
/* A frame around r with an optional title in its top edge. */
void	 tui_text_box(WINDOW *, struct tui_rect, const char *title, attr_t);
void	 tui_text_hline(WINDOW *, int y, int x, int w, attr_t);

#endif
