/* keymap.c: naming, matching and fitting keys of a keymap (keymap.h). */
#include <stdio.h>
#include "keymap.h"

#define TUI_KEYMAP_MAX	64	/* keys one bar considers */

const char *
tui_keydef_fname(int fkey)
{
	static const char *names[] = { "F0", "F1", "F2", "F3", "F4", "F5",
	    "F6", "F7", "F8", "F9", "F10", "F11", "F12" };
	int n = fkey - KEY_F0;

	if (fkey == 0)
		return "";
	if (fkey == KEY_ENTER)
		return "Enter";
	return n >= 0 && n <= 12 ? names[n] : "F?";
}

/* The name of a letter that does not print itself, or NULL. */
static const char *
tui_keydef_lname(int letter)
{
	if (letter == TUI_ESC)
		return "Esc";
	if (letter == '\t')
		return "Tab";
	return NULL;
}

void
tui_keydef_hint(const struct tui_keydef *d, char *buf, size_t len)
{
	const char *name = tui_keydef_lname(d->letter);

	if (name != NULL)
		snprintf(buf, len, "%s", name);
	else if (d->fkey != 0 && d->letter != 0)
		snprintf(buf, len, "%s/%c", tui_keydef_fname(d->fkey), d->letter);
	else if (d->fkey != 0)
		snprintf(buf, len, "%s", tui_keydef_fname(d->fkey));
	else
		snprintf(buf, len, "%c", d->letter);
}

int
tui_keydef_match(const struct tui_keydef *d, const struct tui_key *k,
    int letters)
{
	if (k->fn != 0)
		return d->fkey != 0 && k->fn == d->fkey;
	if (d->letter == 0 || k->ch != (wint_t)d->letter)
		return 0;
	return letters || tui_keydef_lname(d->letter) != NULL;
}

void
tui_keydef_barkey(const struct tui_keydef *d, const char *label,
    struct tui_barkey *out)
{
	const char *name = tui_keydef_lname(d->letter);

	out->fkey = d->fkey ? tui_keydef_fname(d->fkey) : name;
	out->letter = name != NULL ? 0 : d->letter;
	out->label = label != NULL ? label : d->label;
}

int
tui_keymap_fit(const struct tui_barkey *keys, const int *prio, int n,
    struct tui_barkey *out, int width)
{
	int take[TUI_KEYMAP_MAX] = { 0 }, used = -2, m = 0;

	if (n > TUI_KEYMAP_MAX)
		n = TUI_KEYMAP_MAX;
	for (int p = 0; p <= 3; p++)
		for (int i = 0; i < n; i++) {
			int w = 2 + tui_bar_width(&keys[i], 1);

			if (prio[i] != p || (p > 0 && used + w > width))
				continue;
			used += w;
			take[i] = 1;
		}
	for (int i = 0; i < n; i++)
		if (take[i])
			out[m++] = keys[i];
	return m;
}
