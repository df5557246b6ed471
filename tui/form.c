/* form.c: the form (form.h). */
#include <stdio.h>
#include <stdlib.h>
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
	f->check[f->n] = NULL;
	f->check_arg[f->n] = NULL;
	f->error[f->n][0] = '\0';
	f->n++;
}

void
tui_form_check_with(struct tui_form *f, tui_form_check check, const void *arg)
{
	if (f->n == 0)
		return;
	f->check[f->n - 1] = check;
	f->check_arg[f->n - 1] = arg;
}

int
tui_form_required(char *text, const void *arg, char *why, size_t len)
{
	if (text[0] != '\0')
		return 0;
	snprintf(why, len, "this field is needed");
	return -1;
}

int
tui_form_int(char *text, const void *arg, char *why, size_t len)
{
	const struct tui_form_range	*r = arg;
	char				*end;
	long				 v = strtol(text, &end, 10);

	if (text[0] == '\0' || (*end == '\0' && (r == NULL ||
	    (v >= r->min && v <= r->max))))
		return 0;
	if (r != NULL)
		snprintf(why, len, "a whole number from %ld to %ld", r->min,
		    r->max);
	else
		snprintf(why, len, "a whole number");
	return -1;
}

int
tui_form_choice(char *text, const void *arg, char *why, size_t len)
{
	const char *const	*words = arg;
	size_t			 at = 0;

	if (text[0] == '\0')
		return 0;
	for (int i = 0; words[i] != NULL; i++)
		if (strcmp(words[i], text) == 0)
			return 0;
	at = (size_t)snprintf(why, len, "one of:");
	for (int i = 0; words[i] != NULL && at < len; i++)
		at += (size_t)snprintf(why + at, len - at, " %s", words[i]);
	return -1;
}

/* Checks field i (tidying its text); 1 when it is right. */
static int
tui_form_check_field(struct tui_form *f, int i)
{
	char	*text;
	int	 bad;

	f->error[i][0] = '\0';
	if (f->check[i] == NULL)
		return 1;
	text = tui_input_get(&f->in[i]);
	bad = f->check[i](text, f->check_arg[i], f->error[i],
	    sizeof f->error[i]) != 0;
	if (!bad)
		tui_input_set(&f->in[i], text);
	free(text);
	return !bad;
}

int
tui_form_validate(struct tui_form *f)
{
	int bad = -1;

	for (int i = 0; i < f->n; i++)
		if (!tui_form_check_field(f, i) && bad < 0)
			bad = i;
	if (bad >= 0)
		f->cur = bad;
	return bad;
}

char *
tui_form_get(const struct tui_form *f, int i)
{
	return tui_input_get(&f->in[i]);
}

/* The cursor moves by delta, checking the field it leaves. */
static void
tui_form_move(struct tui_form *f, int delta)
{
	tui_form_check_field(f, f->cur);
	f->cur = (f->cur + f->n + delta) % f->n;
}

/* Given: all right, or the cursor goes to the first wrong field. */
static enum tui_result
tui_form_give(struct tui_form *f)
{
	return tui_form_validate(f) < 0 ? TUI_DONE : TUI_USED;
}

enum tui_result
tui_form_key(struct tui_form *f, const struct tui_key *k)
{
	if (f->n == 0 || tui_key_char(k, TUI_ESC))
		return TUI_CANCEL;
	if (tui_key_is(k, KEY_F(2)))
		return tui_form_give(f);
	if (tui_key_is(k, KEY_UP) || tui_key_is(k, KEY_BTAB)) {
		tui_form_move(f, -1);
		return TUI_USED;
	}
	if (tui_key_is(k, KEY_DOWN) || tui_key_char(k, '\t')) {
		tui_form_move(f, 1);
		return TUI_USED;
	}
	if (tui_input_key(&f->in[f->cur], k) == TUI_DONE) {
		if (f->cur == f->n - 1)
			return tui_form_give(f);
		tui_form_move(f, 1);
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
		if (f->error[i][0] != '\0' && y + 1 < r.y + r.h - 2)
			tui_text_put(win, y + 1, r.x + 2 + TUI_FORM_LABEL_W, fw,
			    f->error[i], tui_attr(TUI_ALERT));
		tui_input_draw(&f->in[i], win, y, r.x + 2 + TUI_FORM_LABEL_W, fw,
		    i == f->cur);
	}
	tui_text_put(win, r.y + r.h - 2, r.x + 2, r.w - 4, f->hint,
	    tui_attr(TUI_LABEL));
}
