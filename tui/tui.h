/* tui.h: the terminal screen shared by the consoles: starting and stopping
 * curses, the character set (UTF-8, or ASCII when the locale is not),
 * colours named by meaning with a monochrome fallback, keys, and where the
 * cursor goes when a frame is done. Text and widgets have their own
 * headers (text.h, bar.h, keymap.h, input.h, editor.h, form.h, dialog.h,
 * table.h, big.h, thresh.h). */
#ifndef CZ_TUI_H
#define CZ_TUI_H

#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <wchar.h>

/* A part of the screen, in cells. */
struct tui_rect {
	int	y, x, h, w;
};

/* Colours by what they mean; tui.c holds the scheme. */
enum tui_color {
	TUI_NORMAL,
	TUI_TITLE,		/* the title bar */
	TUI_FKEY,		/* "F2" in the key bar */
	TUI_FKEY_TEXT,		/* "Ready" in the key bar */
	TUI_FKEY_LETTER,	/* the letter shortcut inside a label */
	TUI_FRAME,		/* panel borders */
	TUI_LABEL,		/* "Caller:" */
	TUI_INPUT,		/* an input field */
	TUI_SELECTED,		/* the chosen row of a pick list */
	TUI_INFO,		/* a quiet status message */
	TUI_ALERT,		/* lost connection, errors */
	TUI_OFFER,		/* the incoming-call banner */
	TUI_MESSAGE,		/* a supervisor's message */
	TUI_READY,
	TUI_NOT_READY,
	TUI_ON_CALL,
	TUI_WRAP_UP,
	TUI_HEADER,		/* a table's column titles */
	TUI_VALUE_OK,		/* a figure within its limits (thresh.h) */
	TUI_VALUE_WARN,
	TUI_VALUE_ALERT,
	TUI_NCOLORS
};

/* What a widget's key handler says should happen next. */
enum tui_result {
	TUI_UNUSED,		/* not for this widget */
	TUI_USED,		/* taken; redraw */
	TUI_DONE,		/* finished (Enter, a choice) */
	TUI_CANCEL		/* abandoned (Escape) */
};

/* One key press: a character, or a curses KEY_* code when fn is set. */
struct tui_key {
	int	fn;
	wint_t	ch;
};

#define TUI_CTRL(c)	((c) & 0x1f)
#define TUI_ESC		27

void	tui_init(void);
void	tui_end(void);
int	tui_is_utf8(void);
attr_t	tui_attr(enum tui_color);
/* The next key if one is waiting (never blocks): 1, else 0. */
int	tui_read_key(struct tui_key *);
int	tui_key_is(const struct tui_key *, int fn);
int	tui_key_char(const struct tui_key *, wint_t ch);
/* Frames: begin forgets the cursor; a focused widget asks for it; end
 * shows it there (or hides it) and updates the terminal. */
void	tui_frame_begin(void);
void	tui_want_cursor(int y, int x);
void	tui_frame_end(void);
/* The rectangle of w x h centred in the screen, clipped to it. */
struct tui_rect tui_centre(int h, int w);

#endif
