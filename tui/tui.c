/* tui.c: curses on and off, the locale's character set, the colour
 * scheme (a table; monochrome attributes when the terminal has no colours
 * or NO_COLOR is set), key reading without blocking, and the cursor. */
#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include "tui.h"

static struct {
	int	utf8;
	int	color;
	int	cursor_y, cursor_x;	/* -1: hide the cursor */
} tui;

/* The scheme: colours when there are some, attributes when not. */
static const struct {
	short	fg, bg;
	attr_t	color_attr;
	attr_t	mono_attr;
} tui_scheme[TUI_NCOLORS] = {
	[TUI_NORMAL] =		{ -1, -1, 0, 0 },
	[TUI_TITLE] =		{ COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE },
	[TUI_FKEY] =		{ COLOR_WHITE, -1, A_BOLD, A_BOLD },
	[TUI_FKEY_TEXT] =	{ COLOR_BLACK, COLOR_CYAN, 0, A_REVERSE },
	[TUI_FKEY_LETTER] =	{ COLOR_RED, COLOR_CYAN, A_UNDERLINE,
				  A_REVERSE | A_UNDERLINE },
	[TUI_FRAME] =		{ COLOR_CYAN, -1, 0, 0 },
	[TUI_LABEL] =		{ COLOR_CYAN, -1, 0, A_BOLD },
	[TUI_INPUT] =		{ COLOR_WHITE, COLOR_BLACK, A_BOLD, A_UNDERLINE },
	[TUI_SELECTED] =	{ COLOR_BLACK, COLOR_CYAN, 0, A_REVERSE },
	[TUI_INFO] =		{ COLOR_GREEN, -1, 0, 0 },
	[TUI_ALERT] =		{ COLOR_WHITE, COLOR_RED, A_BOLD, A_REVERSE | A_BOLD },
	[TUI_OFFER] =		{ COLOR_BLACK, COLOR_YELLOW, A_BOLD, A_REVERSE | A_BOLD },
	[TUI_MESSAGE] =		{ COLOR_YELLOW, -1, A_BOLD, A_BOLD },
	[TUI_READY] =		{ COLOR_GREEN, -1, A_BOLD, A_BOLD },
	[TUI_NOT_READY] =	{ COLOR_RED, -1, A_BOLD, 0 },
	[TUI_ON_CALL] =		{ COLOR_YELLOW, -1, A_BOLD, A_BOLD },
	[TUI_WRAP_UP] =		{ COLOR_MAGENTA, -1, A_BOLD, A_UNDERLINE },
	[TUI_HEADER] =		{ COLOR_BLACK, COLOR_GREEN, 0, A_REVERSE },
	[TUI_VALUE_OK] =	{ COLOR_GREEN, -1, 0, 0 },
	[TUI_VALUE_WARN] =	{ COLOR_YELLOW, -1, A_BOLD, A_BOLD },
	[TUI_VALUE_ALERT] =	{ COLOR_WHITE, COLOR_RED, A_BOLD, A_REVERSE | A_BOLD },
};

static void
tui_init_colors(void)
{
	const char *no = getenv("NO_COLOR");

	tui.color = has_colors() && (no == NULL || no[0] == '\0');
	if (!tui.color)
		return;
	start_color();
	use_default_colors();
	for (int i = 1; i < TUI_NCOLORS; i++)
		init_pair(i, tui_scheme[i].fg, tui_scheme[i].bg);
}

void
tui_init(void)
{
	const char *cs;

	setlocale(LC_ALL, "");
	cs = nl_langinfo(CODESET);
	tui.utf8 = cs != NULL && (strcasecmp(cs, "UTF-8") == 0 ||
	    strcasecmp(cs, "utf8") == 0);
	set_escdelay(25);
	initscr();
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	tui_init_colors();
	curs_set(0);
}

void
tui_end(void)
{
	if (isendwin())
		return;
	curs_set(1);
	endwin();
}

int
tui_is_utf8(void)
{
	return tui.utf8;
}

attr_t
tui_attr(enum tui_color c)
{
	if (!tui.color)
		return tui_scheme[c].mono_attr;
	return c == TUI_NORMAL ? 0 : COLOR_PAIR(c) | tui_scheme[c].color_attr;
}

int
tui_read_key(struct tui_key *k)
{
	wint_t	ch;
	int	r = wget_wch(stdscr, &ch);

	if (r == ERR)
		return 0;
	k->fn = r == KEY_CODE_YES ? (int)ch : 0;
	k->ch = r == KEY_CODE_YES ? 0 : ch;
	/* Enter and Backspace come as characters or as codes. */
	if (!k->fn && (ch == '\r' || ch == '\n'))
		k->fn = KEY_ENTER;
	else if (!k->fn && (ch == 127 || ch == TUI_CTRL('h')))
		k->fn = KEY_BACKSPACE;
	if (k->fn)
		k->ch = 0;
	return 1;
}

int
tui_key_is(const struct tui_key *k, int fn)
{
	return k->fn == fn;
}

int
tui_key_char(const struct tui_key *k, wint_t ch)
{
	return !k->fn && k->ch == ch;
}

void
tui_frame_begin(void)
{
	tui.cursor_y = tui.cursor_x = -1;
	erase();
}

void
tui_want_cursor(int y, int x)
{
	tui.cursor_y = y;
	tui.cursor_x = x;
}

void
tui_frame_end(void)
{
	if (tui.cursor_y >= 0) {
		move(tui.cursor_y, tui.cursor_x);
		curs_set(1);
	} else
		curs_set(0);
	refresh();
}

struct tui_rect
tui_centre(int h, int w)
{
	struct tui_rect r;

	r.h = h < LINES ? h : LINES;
	r.w = w < COLS ? w : COLS;
	r.y = (LINES - r.h) / 2;
	r.x = (COLS - r.w) / 2;
	return r;
}
