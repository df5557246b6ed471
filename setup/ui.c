/* ui.c: the wizard's frame and dialogs (ui.h). */
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dialog.h"
#include "table.h"
#include "text.h"
#include "ui.h"

static char	ui_status_text[512];
static int	ui_status_alert;

void
ui_start(void)
{
	tui_init();
}

void
ui_end(void)
{
	tui_end();
}

void
ui_status(int alert, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ui_status_text, sizeof ui_status_text, fmt, ap);
	va_end(ap);
	ui_status_alert = alert;
}

/* The list is a one-column table of the frame's items (table.h). */
static void
ui_item_cell(const void *row, char *buf, size_t len)
{
	snprintf(buf, len, " %s", *(char *const *)row);
}

static const struct tui_column ui_item_column[] = {
	{ "", 1, 1, 1, TUI_ALIGN_LEFT, ui_item_cell, NULL, NULL },
};

/* The frame into the screen, not yet shown. */
static void
ui_paint(const struct ui_frame *f)
{
	int			rows = LINES, cols = COLS, h = rows - 8;
	int			sel = f->sel != NULL ? *f->sel : -1;
	struct tui_table	t;

	tui_bar_title(stdscr, 0, cols, "Centrala setup", f->title);
	tui_text_put(stdscr, 1, 1, cols - 2, f->heading, tui_attr(TUI_LABEL) |
	    A_BOLD);
	tui_table_init(&t, ui_item_column, 1);
	t.headless = 1;
	for (int i = 0; i < f->n; i++)
		tui_table_add(&t, &f->items[i]);
	tui_table_update(&t);
	if (sel >= 0)
		tui_table_select(&t, sel);
	tui_table_scroll(&t, h);
	tui_table_draw(&t, stdscr, (struct tui_rect){ 2, 0, h, cols },
	    sel >= 0);
	tui_table_free(&t);
	if (f->n > h)
		tui_text_printf(stdscr, 1, cols - 12, 11, tui_attr(TUI_LABEL),
		    "%d/%d", sel + 1, f->n);
	tui_text_hline(stdscr, rows - 6, 0, cols, tui_attr(TUI_FRAME));
	if (f->help != NULL)
		tui_text_wrap(stdscr, (struct tui_rect){ rows - 5, 1, 3,
		    cols - 2 }, f->help, tui_attr(TUI_INFO));
	tui_bar_status(stdscr, rows - 2, cols, ui_status_text, ui_status_alert
	    ? TUI_LEVEL_ALERT : TUI_LEVEL_INFO);
	tui_bar_keys(stdscr, rows - 1, cols, f->keys, f->nkeys);
}

void
ui_draw(const struct ui_frame *f)
{
	tui_frame_begin();
	ui_paint(f);
	tui_frame_end();
}

void
ui_key(const struct ui_frame *f, struct tui_key *k)
{
	struct pollfd pfd = { 0, POLLIN, 0 };

	for (;;) {
		while (tui_read_key(k)) {
			if (k->fn != KEY_RESIZE)
				return;
			if (f != NULL)
				ui_draw(f);
		}
		if (poll(&pfd, 1, -1) < 0 || (pfd.revents & (POLLHUP |
		    POLLERR))) {
			ui_end();
			exit(1);
		}
	}
}

int
ui_list_key(const struct tui_key *k, int *sel, int n)
{
	int page = LINES - 9 > 1 ? LINES - 9 : 1, s = *sel;

	switch (k->fn) {
	case KEY_UP: s--; break;
	case KEY_DOWN: s++; break;
	case KEY_PPAGE: s -= page; break;
	case KEY_NPAGE: s += page; break;
	case KEY_HOME: s = 0; break;
	case KEY_END: s = n - 1; break;
	default: return 0;
	}
	*sel = s < 0 ? 0 : s >= n ? n - 1 : s;
	return 1;
}

/* Runs d until answered: TUI_DONE or TUI_CANCEL. */
static enum tui_result
ui_run(const struct ui_frame *f, struct tui_dialog *d)
{
	struct tui_key	k;
	enum tui_result	r;

	for (;;) {
		/* Over the frame, or over what the screen holds. */
		if (f != NULL) {
			tui_frame_begin();
			ui_paint(f);
		}
		tui_dialog_draw(d, stdscr);
		tui_frame_end();
		ui_key(NULL, &k);
		r = tui_dialog_key(d, &k);
		if (r == TUI_DONE || r == TUI_CANCEL)
			return r;
	}
}

char *
ui_ask(const struct ui_frame *f, const char *title, const char *hint,
    const char *value, int secret)
{
	struct tui_dialog	d = { 0 };
	char			*s = NULL;

	tui_dialog_ask(&d, 0, title, hint, value);
	d.ask.in.secret = secret;
	if (ui_run(f, &d) == TUI_DONE)
		s = tui_ask_get(&d.ask);
	tui_dialog_close(&d);
	return s;
}

int
ui_pick(const struct ui_frame *f, const char *title, char *const *items,
    int n, int sel)
{
	struct tui_dialog	d = { 0 };
	int			r = -1;

	tui_dialog_pick(&d, 0, title, items, n);
	if (sel > 0 && sel < n) {
		d.pick.sel = sel;
		tui_table_select(&d.pick.table, sel);
	}
	if (ui_run(f, &d) == TUI_DONE)
		r = d.pick.sel;
	tui_dialog_close(&d);
	return r;
}

void
ui_message(const struct ui_frame *f, const char *title, const char *text)
{
	struct tui_dialog d = { 0 };

	tui_dialog_message(&d, 0, title, text);
	d.prompt.wide = 1;
	ui_run(f, &d);
	tui_dialog_close(&d);
}

int
ui_confirm(const struct ui_frame *f, const char *title, const char *text)
{
	struct tui_dialog	d = { 0 };
	int			yes;

	tui_dialog_confirm(&d, 0, title, text, "yn");
	yes = ui_run(f, &d) == TUI_DONE && d.prompt.answer == 'y';
	tui_dialog_close(&d);
	return yes;
}
