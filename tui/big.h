/* big.h: large text for a wallboard: digits 0-9 and : % . - (and a
 * space) in a 5-row font, drawn with full blocks in UTF-8 or '#' in
 * ASCII. The font is data; rendering a row to a buffer needs no
 * terminal, so it is tested as it is. */
#ifndef CZ_TUI_BIG_H
#define CZ_TUI_BIG_H

#include <stddef.h>
#include "tui.h"

#define TUI_BIG_ROWS	5

/* Cells the text takes (one blank column between glyphs); characters
 * the font lacks count as a space. */
int	tui_big_width(const char *text);
/* Row (0..TUI_BIG_ROWS-1) of the text as a NUL-terminated string in buf
 * (UTF-8 blocks when utf8, else '#'); returns its width in cells. */
int	tui_big_row(const char *text, int row, int utf8, char *buf, size_t len);
/* Draws the text with its top left at (y, x), clipped to w cells. */
void	tui_big_draw(WINDOW *, int y, int x, int w, const char *text, attr_t);

#endif
