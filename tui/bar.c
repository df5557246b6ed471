/* bar.c: the title bar, the function-key bar and the status line. */
#include <ctype.h>
#include <string.h>
#include "bar.h"
#include "text.h"

void
tui_bar_title(WINDOW *win, int y, int w, const char *left, const char *right)
{
	struct tui_rect	r = { y, 0, 1, w };
	attr_t		a = tui_attr(TUI_TITLE);
	int		rw = right != NULL ? tui_text_width(right) : 0;

	tui_text_fill(win, r, a);
	if (rw + 2 < w) {
		tui_text_put(win, y, w - rw - 1, rw, right, a);
		w -= rw + 2;
	}
	tui_text_put(win, y, 1, w - 1, left, a);
}

/* Where the letter shortcut sits in the label, or -1. */
static int
tui_bar_letter_at(const char *label, int letter)
{
	for (int i = 0; letter != 0 && label[i] != '\0'; i++)
		if (tolower((unsigned char)label[i]) == tolower(letter))
			return i;
	return -1;
}

/* Cells one key takes: "F2 Ready" or "w EndWrap", and two spaces after. */
static int
tui_bar_key_width(const struct tui_barkey *k)
{
	int n = (int)strlen(k->label) + 3;

	if (k->fkey != NULL)
		n += strlen(k->fkey);
	else
		n += 1;
	return n;
}

int
tui_bar_width(const struct tui_barkey *keys, int n)
{
	int w = 0;

	for (int i = 0; i < n; i++)
		w += tui_bar_key_width(&keys[i]);
	return n > 0 ? w - 2 : 0;
}

static int
tui_bar_key(WINDOW *win, int y, int x, const struct tui_barkey *k)
{
	char	key[8];
	int	at = tui_bar_letter_at(k->label, k->letter), n;

	if (k->fkey != NULL)
		snprintf(key, sizeof key, "%s", k->fkey);
	else
		snprintf(key, sizeof key, "%c", k->letter);
	n = tui_text_put(win, y, x, 8, key, tui_attr(TUI_FKEY));
	x += n + 1;
	for (int i = 0; k->label[i] != '\0'; i++)
		mvwaddch(win, y, x + i, (unsigned char)k->label[i] |
		    tui_attr(i == at && k->fkey != NULL ? TUI_FKEY_LETTER :
		    TUI_FKEY_TEXT));
	return n + 1 + (int)strlen(k->label);
}

void
tui_bar_keys(WINDOW *win, int y, int w, const struct tui_barkey *keys, int n)
{
	struct tui_rect	r = { y, 0, 1, w };
	int		x = 0;

	int		last = n > 0 ? tui_bar_key_width(&keys[n - 1]) - 2 : 0;

	/* The last key (Quit) always shows; the others while they fit. */
	tui_text_fill(win, r, tui_attr(TUI_FKEY_TEXT));
	for (int i = 0; i < n - 1; i++) {
		if (x + tui_bar_key_width(&keys[i]) + last > w)
			continue;
		x += tui_bar_key(win, y, x, &keys[i]) + 2;
	}
	if (n > 0 && x + last <= w)
		tui_bar_key(win, y, x, &keys[n - 1]);
}

void
tui_bar_status(WINDOW *win, int y, int w, const char *text, enum tui_level l)
{
	attr_t a = tui_attr(l == TUI_LEVEL_ALERT ? TUI_ALERT : TUI_INFO);

	if (text == NULL || text[0] == '\0')
		return;
	if (l == TUI_LEVEL_ALERT) {
		struct tui_rect r = { y, 0, 1, w };

		tui_text_fill(win, r, a);
	}
	tui_text_put(win, y, 1, w - 2, text, a);
}
