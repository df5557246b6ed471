/* input.c: the one-line text field. Text is kept as code points so the
 * cursor moves by characters, not bytes; widths come from text.c. */
#include <string.h>
#include <wctype.h>
#include "input.h"
#include "text.h"

void
tui_input_init(struct tui_input *in, int secret)
{
	memset(in, 0, sizeof *in);
	in->secret = secret;
}

void
tui_input_set(struct tui_input *in, const char *s)
{
	in->len = tui_text_decode(s != NULL ? s : "", in->buf, TUI_INPUT_MAX);
	in->cur = in->len;
	in->scroll = 0;
}

char *
tui_input_get(const struct tui_input *in)
{
	return tui_text_encode(in->buf, in->len);
}

/* A character the field takes: printable, and ASCII in an ASCII locale. */
static int
tui_input_printable(wint_t c)
{
	if (c < 0x20 || c == 0x7f)
		return 0;
	return c < 0x80 || (tui_is_utf8() && iswprint(c));
}

static void
tui_input_insert(struct tui_input *in, wchar_t c)
{
	if (in->len >= TUI_INPUT_MAX)
		return;
	memmove(in->buf + in->cur + 1, in->buf + in->cur,
	    (in->len - in->cur) * sizeof *in->buf);
	in->buf[in->cur++] = c;
	in->len++;
}

static void
tui_input_delete(struct tui_input *in, size_t at)
{
	if (at >= in->len)
		return;
	memmove(in->buf + at, in->buf + at + 1,
	    (in->len - at - 1) * sizeof *in->buf);
	in->len--;
}

enum tui_result
tui_input_key(struct tui_input *in, const struct tui_key *k)
{
	if (!k->fn && tui_input_printable(k->ch)) {
		tui_input_insert(in, k->ch);
		return TUI_USED;
	}
	switch (k->fn ? k->fn : (int)k->ch) {
	case KEY_ENTER:
		return TUI_DONE;
	case TUI_ESC:
		return TUI_CANCEL;
	case KEY_BACKSPACE:
		if (in->cur > 0)
			tui_input_delete(in, --in->cur);
		return TUI_USED;
	case KEY_DC:
	case TUI_CTRL('d'):
		tui_input_delete(in, in->cur);
		return TUI_USED;
	case KEY_LEFT:
		if (in->cur > 0)
			in->cur--;
		return TUI_USED;
	case KEY_RIGHT:
		if (in->cur < in->len)
			in->cur++;
		return TUI_USED;
	case KEY_HOME:
	case TUI_CTRL('a'):
		in->cur = 0;
		return TUI_USED;
	case KEY_END:
	case TUI_CTRL('e'):
		in->cur = in->len;
		return TUI_USED;
	case TUI_CTRL('u'):
		in->len = in->cur = 0;
		return TUI_USED;
	}
	return TUI_UNUSED;
}

/* Cells from character a to b (secret fields: one per character). */
static int
tui_input_cells(const struct tui_input *in, size_t a, size_t b)
{
	int n = 0;

	for (size_t i = a; i < b; i++)
		n += in->secret ? 1 : tui_text_cells(in->buf[i]);
	return n;
}

void
tui_input_draw(struct tui_input *in, WINDOW *win, int y, int x, int w,
    int focused)
{
	struct tui_rect	r = { y, x, 1, w };
	attr_t		a = tui_attr(TUI_INPUT);
	wchar_t		stars[TUI_INPUT_MAX];

	if (w < 2)
		return;
	if (in->scroll > in->cur)
		in->scroll = in->cur;
	while (tui_input_cells(in, in->scroll, in->cur) > w - 1)
		in->scroll++;
	tui_text_fill(win, r, a);
	if (in->secret) {
		for (size_t i = 0; i < in->len; i++)
			stars[i] = '*';
		tui_text_putw(win, y, x, w, stars + in->scroll,
		    in->len - in->scroll, a);
	} else
		tui_text_putw(win, y, x, w, in->buf + in->scroll,
		    in->len - in->scroll, a);
	if (focused)
		tui_want_cursor(y, x + tui_input_cells(in, in->scroll, in->cur));
}
