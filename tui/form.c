/* form.c: the form (form.h). */
#include <stdio.h>
#include <string.h>
#include "form.h"
#include "text.h"

#define TUI_FORM_LABEL_W	12	/* cells before the fields */

void
tui_form_init(struct tui_form *f, const char *title, const char *hint)
{
	memset(f, 0, sizeof *f);
	snprintf(f->title, sizeof f->title, "%s", title);
	snprintf(f->hint, sizeof f->hint, "%s", hint != NULL ? hint : "");
}

void
tui_form_add(struct tui_form *f, const char *label, const char *value)
{
	if (f->n == TUI_FORM_MAX)
		return;
	snprintf(f->label[f->n], sizeof f->label[f->n], "%s", label);
	tui_input_init(&f->in[f->n], 0);
	tui_input_set(&f->in[f->n], value);
	f->n++;
}

char *
tui_form_get(const struct tui_form *f, int i)
{
	return tui_input_get(&f->in[i]);
}

enum tui_result
tui_form_key(struct tui_form *f, const struct tui_key *k)
{
	if (f->n == 0 || tui_key_char(k, TUI_ESC))
		return TUI_CANCEL;
	if (tui_key_is(k, KEY_F(2)))
		return TUI_DONE;
	if (tui_key_is(k, KEY_UP) || tui_key_is(k, KEY_BTAB)) {
		f->cur = (f->cur + f->n - 1) % f->n;
		return TUI_USED;
	}
	if (tui_key_is(k, KEY_DOWN) || tui_key_char(k, '\t')) {
		f->cur = (f->cur + 1) % f->n;
		return TUI_USED;
	}
	if (tui_input_key(&f->in[f->cur], k) == TUI_DONE) {
		if (f->cur == f->n - 1)
			return TUI_DONE;
		f->cur++;
	}
	return TUI_USED;	/* modal: nothing else gets through */
}

void
tui_form_draw(struct tui_form *f, WINDOW *win)
{
	int		w = COLS - 6 < 70 ? COLS - 6 : 70;
	struct tui_rect	r = tui_centre(f->n * 2 + 3, w);
	int		fw = r.w - 4 - TUI_FORM_LABEL_W;

	tui_text_fill(win, r, tui_attr(TUI_NORMAL));
	tui_text_box(win, r, f->title, tui_attr(TUI_FRAME));
	for (int i = 0; i < f->n; i++) {
		int y = r.y + 1 + i * 2;

		if (y >= r.y + r.h - 2)
			break;
		tui_text_put(win, y, r.x + 2, TUI_FORM_LABEL_W, f->label[i],
		    tui_attr(i == f->cur ? TUI_FKEY : TUI_LABEL));
		tui_input_draw(&f->in[i], win, y, r.x + 2 + TUI_FORM_LABEL_W, fw,
		    i == f->cur);
	}
	tui_text_put(win, r.y + r.h - 2, r.x + 2, r.w - 4, f->hint,
	    tui_attr(TUI_LABEL));
}
