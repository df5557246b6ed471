/* ui.h: the wizard's screen on the tui/ kit. Every screen is one frame:
 * the title bar, a heading, a scrolling list, three lines of help for the
 * chosen row, the status line and the key bar; it fits 80x24. Dialogs
 * (tui/dialog.h) are run here to their answer, over the frame. */
#ifndef CZ_SETUP_UI_H
#define CZ_SETUP_UI_H

#include "bar.h"
#include "tui.h"

struct ui_frame {
	const char		 *title;	/* right of the title bar */
	const char		 *heading;
	char			**items;
	int			  n;
	int			 *sel;
	const char		 *help;		/* of the chosen item */
	const struct tui_barkey	 *keys;
	int			  nkeys;
};

void	ui_start(void);
void	ui_end(void);
/* A status line for the next frames; alert says it is a refusal. */
void	ui_status(int alert, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
void	ui_draw(const struct ui_frame *);
/* Waits for a key (blocking), redrawing f on a resize. */
void	ui_key(const struct ui_frame *, struct tui_key *);
/* Up, Down, PgUp, PgDn, Home, End on a list: 1 if the key moved. */
int	ui_list_key(const struct tui_key *, int *sel, int n);

/* Modal dialogs over f (NULL: over what is on the screen). */
/* A line of text; NULL when cancelled; the caller frees it. */
char	*ui_ask(const struct ui_frame *, const char *title, const char *hint,
	    const char *value, int secret);
/* The index chosen, or -1. */
int	 ui_pick(const struct ui_frame *, const char *title,
	    char *const *items, int n, int sel);
void	 ui_message(const struct ui_frame *, const char *title,
	    const char *text);
/* 1 for y, 0 for n or Escape. */
int	 ui_confirm(const struct ui_frame *, const char *title,
	    const char *text);

#endif
