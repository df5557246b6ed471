/* ask.c: the modal one-line question (ask.h). */
#include <stdio.h>
#include "ask.h"
#include "text.h"

void
tui_ask_init(struct tui_ask *a, const char *title, const char *hint,
    const char *value)
{
	snprintf(a->title, sizeof a->title, "%s", title);
	snprintf(a->hint, sizeof a->hint, "%s", hint);
	tui_input_init(&a->in, 0);
	tui_input_set(&a->in, value != NULL ? value : "");
}

char *
tui_ask_get(const struct tui_ask *a)
{
	return tui_input_get(&a->in);
}

enum tui_result
tui_ask_key(struct tui_ask *a, const struct tui_key *k)
{
	return tui_input_key(&a->in, k);
}

void
tui_ask_draw(struct tui_ask *a, WINDOW *win)
{
	int		w = COLS - 6 < 64 ? COLS - 6 : 64;
	struct tui_rect	r = tui_centre(6, w);

	tui_text_fill(win, r, tui_attr(TUI_NORMAL));
	tui_text_box(win, r, a->title, tui_attr(TUI_FRAME));
	tui_text_put(win, r.y + 3, r.x + 2, r.w - 4, a->hint, tui_attr(TUI_LABEL));
	tui_text_put(win, r.y + 4, r.x + 2, r.w - 4, "Enter: OK   Esc: cancel",
	    tui_attr(TUI_LABEL));
	tui_input_draw(&a->in, win, r.y + 2, r.x + 2, r.w - 4, 1);
}
