/* big.c: the wallboard font and its rendering (big.h). */
#include <string.h>
#include "big.h"
#include "text.h"

#define TUI_BIG_BLOCK	"\xe2\x96\x88"	/* U+2588 FULL BLOCK */

/* Each glyph: its character and TUI_BIG_ROWS rows of '#' and ' ', all
 * rows of one glyph the same width. */
static const struct {
	char		 ch;
	const char	*rows[TUI_BIG_ROWS];
} tui_big_font[] = {
	{ '0', { "###", "# #", "# #", "# #", "###" } },
	{ '1', { " # ", "## ", " # ", " # ", "###" } },
	{ '2', { "###", "  #", "###", "#  ", "###" } },
	{ '3', { "###", "  #", " ##", "  #", "###" } },
	{ '4', { "# #", "# #", "###", "  #", "  #" } },
	{ '5', { "###", "#  ", "###", "  #", "###" } },
	{ '6', { "###", "#  ", "###", "# #", "###" } },
	{ '7', { "###", "  #", "  #", "  #", "  #" } },
	{ '8', { "###", "# #", "###", "# #", "###" } },
	{ '9', { "###", "# #", "###", "  #", "###" } },
	{ ':', { " ", "#", " ", "#", " " } },
	{ '.', { " ", " ", " ", " ", "#" } },
	{ '%', { "# #", "  #", " # ", "#  ", "# #" } },
	{ '-', { "   ", "   ", "###", "   ", "   " } },
	{ ' ', { "  ", "  ", "  ", "  ", "  " } },
};
#define TUI_BIG_GLYPHS	(sizeof tui_big_font / sizeof tui_big_font[0])

/* The glyph for ch; the space for what the font lacks. */
static size_t
tui_big_glyph(char ch)
{
	for (size_t i = 0; i < TUI_BIG_GLYPHS; i++)
		if (tui_big_font[i].ch == ch)
			return i;
	return TUI_BIG_GLYPHS - 1;
}

int
tui_big_width(const char *text)
{
	int w = 0;

	for (size_t i = 0; text[i] != '\0'; i++)
		w += (i > 0) + (int)strlen(tui_big_font[tui_big_glyph(
		    text[i])].rows[0]);
	return w;
}

/* Appends one cell (a block or a blank) if it fits; returns 0 if not. */
static int
tui_big_cell(char *buf, size_t len, size_t *at, int on, int utf8)
{
	const char	*s = !on ? " " : utf8 ? TUI_BIG_BLOCK : "#";
	size_t		 n = strlen(s);

	if (*at + n >= len)
		return 0;
	memcpy(buf + *at, s, n);
	*at += n;
	return 1;
}

int
tui_big_row(const char *text, int row, int utf8, char *buf, size_t len)
{
	size_t	at = 0;
	int	w = 0;

	if (len == 0)
		return 0;
	for (size_t i = 0; text[i] != '\0' && row >= 0 && row < TUI_BIG_ROWS;
	    i++) {
		const char *g = tui_big_font[tui_big_glyph(text[i])].rows[row];

		if (i > 0 && tui_big_cell(buf, len, &at, 0, utf8))
			w++;
		for (size_t j = 0; g[j] != '\0'; j++)
			if (tui_big_cell(buf, len, &at, g[j] == '#', utf8))
				w++;
	}
	buf[at] = '\0';
	return w;
}

void
tui_big_draw(WINDOW *win, int y, int x, int w, const char *text, attr_t a)
{
	char buf[1024];

	for (int row = 0; row < TUI_BIG_ROWS; row++) {
		tui_big_row(text, row, tui_is_utf8(), buf, sizeof buf);
		tui_text_put(win, y + row, x, w, buf, a);
	}
}
