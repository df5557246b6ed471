/* help.c: the help screen (F1): the rows of tui's key help, pointing into
 * the keymap table so it cannot disagree with what the keys do, and the
 * keys the table does not have. */
#include <stdio.h>
#include "help.h"
#include "keyhelp.h"
#include "keydef.h"

/* Keys that are not in the table. */
static const char *help_extra[][2] = {
	{ "Tab", "go to the note editor and back" },
	{ "^L", "redraw the screen" },
	{ "^C", "quit, like F10" },
};
#define HELP_NEXTRA	((int)(sizeof help_extra / sizeof help_extra[0]))
#define HELP_ROWS	(KA_COUNT + HELP_NEXTRA)

static const struct tui_keyhelp_row *
help_rows(void)
{
	static struct tui_keyhelp_row	rows[HELP_ROWS];

	for (int i = 0; i < KA_COUNT; i++)
		rows[i].key = &keydef_table[i];
	for (int i = 0; i < HELP_NEXTRA; i++) {
		rows[KA_COUNT + i].name = help_extra[i][0];
		rows[KA_COUNT + i].text = help_extra[i][1];
	}
	return rows;
}

void
help_draw(const struct console *c)
{
	tui_keyhelp_draw(stdscr, "Help: keys", help_rows(), HELP_ROWS,
	    c->help_top);
}

int
help_key(struct console *c, const struct tui_key *k)
{
	return tui_keyhelp_key(HELP_ROWS, &c->help_top, k);
}
