/* keymap.h: keys as data. A console's keymap is a table of these: the
 * function key and the letter, the label for the key bar, the help text,
 * when it applies (the console's own context bits) and how long it stays
 * in a bar too narrow for all. The key bar, the help and the hints in the
 * text ("F4/a answer") are all drawn from it, so a key is spelled once. */
#ifndef CZ_TUI_KEYMAP_H
#define CZ_TUI_KEYMAP_H

#include <stddef.h>
#include "bar.h"
#include "tui.h"

struct tui_keydef {
	int		 fkey;		/* KEY_F(n), or 0 */
	int		 letter;	/* 0: none; also TUI_ESC, '\t' */
	const char	*label;		/* "Ready" */
	const char	*help;		/* "ready: take calls" */
	int		 when;		/* context bits; 0: never in the bar */
	int		 prio;		/* 0 always in the bar; 1 kept longest,
					 * 3 dropped first */
};

/* "F2" for KEY_F(2), "Enter" for KEY_ENTER ("" for 0). */
const char *tui_keydef_fname(int fkey);
/* How text names the key: "F2/r", "F10", "u", "Esc", "Tab". */
void	tui_keydef_hint(const struct tui_keydef *, char *buf, size_t len);
/* Whether k is this key: its function key, or its letter when letters
 * are taken (not while typing; Tab and Escape always are). */
int	tui_keydef_match(const struct tui_keydef *, const struct tui_key *,
	    int letters);
/* The key bar's entry (label: NULL for the key's own). */
void	tui_keydef_barkey(const struct tui_keydef *, const char *label,
	    struct tui_barkey *out);
/* Of n keys that apply now (in table order), those that fit in width
 * cells: prio 0 always, then 1, 2, 3 while they fit; copied to out in
 * their order. Returns how many. */
int	tui_keymap_fit(const struct tui_barkey *keys, const int *prio, int n,
	    struct tui_barkey *out, int width);

#endif
