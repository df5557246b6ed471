/* pick.h: a pick list in a box over the screen: choose one item (a
 * not-ready reason, a disposition, a customer found) with the arrows and
 * Enter, or by its first letter (at once when only one item starts with
 * it). The items are a one-column table (table.h) without a title row,
 * which keeps the selection in view. */
#ifndef CZ_TUI_PICK_H
#define CZ_TUI_PICK_H

#include "table.h"
#include "tui.h"

#define TUI_PICK_MAX	32

struct tui_pick {
	char			 title[64];
	char			*items[TUI_PICK_MAX];
	int			 n;
	int			 sel;		/* the item chosen */
	struct tui_table	 table;
};

void	tui_pick_init(struct tui_pick *, const char *title);
void	tui_pick_add(struct tui_pick *, const char *item);
void	tui_pick_free(struct tui_pick *);
/* TUI_DONE when an item is chosen (pick->sel), TUI_CANCEL on Escape. */
enum tui_result tui_pick_key(struct tui_pick *, const struct tui_key *);
void	tui_pick_draw(struct tui_pick *, WINDOW *);

#endif
