/* dialog.c: one dialog of four kinds (dialog.h), over the widgets that
 * draw each (prompt.c, pick.c, ask.c). */
#include <string.h>
#include "dialog.h"

void
tui_dialog_close(struct tui_dialog *d)
{
	if (d->kind == TUI_DIALOG_PICK)
		tui_pick_free(&d->pick);
	d->kind = TUI_DIALOG_NONE;
}

/* Closes what was open and opens kind. */
static void
tui_dialog_start(struct tui_dialog *d, enum tui_dialog_kind kind, int purpose)
{
	tui_dialog_close(d);
	d->kind = kind;
	d->purpose = purpose;
}

void
tui_dialog_message(struct tui_dialog *d, int purpose, const char *title,
    const char *text)
{
	tui_dialog_start(d, TUI_DIALOG_MESSAGE, purpose);
	tui_prompt_init(&d->prompt, title, text, "");
}

void
tui_dialog_confirm(struct tui_dialog *d, int purpose, const char *title,
    const char *text, const char *keys)
{
	tui_dialog_start(d, TUI_DIALOG_CONFIRM, purpose);
	tui_prompt_init(&d->prompt, title, text, keys);
}

void
tui_dialog_pick(struct tui_dialog *d, int purpose, const char *title,
    char *const *items, int n)
{
	tui_dialog_start(d, TUI_DIALOG_PICK, purpose);
	tui_pick_init(&d->pick, title);
	for (int i = 0; i < n; i++)
		tui_pick_add(&d->pick, items[i]);
}

void
tui_dialog_ask(struct tui_dialog *d, int purpose, const char *title,
    const char *hint, const char *value)
{
	tui_dialog_start(d, TUI_DIALOG_ASK, purpose);
	tui_ask_init(&d->ask, title, hint, value);
}

int
tui_dialog_open(const struct tui_dialog *d)
{
	return d->kind != TUI_DIALOG_NONE;
}

enum tui_result
tui_dialog_key(struct tui_dialog *d, const struct tui_key *k)
{
	switch (d->kind) {
	case TUI_DIALOG_MESSAGE:
	case TUI_DIALOG_CONFIRM:
		return tui_prompt_key(&d->prompt, k);
	case TUI_DIALOG_PICK:
		return tui_pick_key(&d->pick, k);
	case TUI_DIALOG_ASK:
		return tui_ask_key(&d->ask, k);
	default:
		return TUI_UNUSED;
	}
}

void
tui_dialog_draw(struct tui_dialog *d, WINDOW *win)
{
	if (d->kind == TUI_DIALOG_MESSAGE || d->kind == TUI_DIALOG_CONFIRM)
		tui_prompt_draw(&d->prompt, win);
	else if (d->kind == TUI_DIALOG_PICK)
		tui_pick_draw(&d->pick, win);
	else if (d->kind == TUI_DIALOG_ASK)
		tui_ask_draw(&d->ask, win);
}
