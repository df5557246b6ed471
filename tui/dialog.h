/* dialog.h: the dialogs over the screen, one door for all of them: a
 * message (any key closes it), a confirmation (y/n, or other answer
 * keys), a pick list and a one-line question (ask). The program keeps
 * one struct tui_dialog, opens it with what it is for (purpose, its own
 * number), hands it keys until it is answered and draws it. */
#ifndef CZ_TUI_DIALOG_H
#define CZ_TUI_DIALOG_H

#include "ask.h"
#include "pick.h"
#include "prompt.h"
#include "tui.h"

enum tui_dialog_kind {
	TUI_DIALOG_NONE,
	TUI_DIALOG_MESSAGE,
	TUI_DIALOG_CONFIRM,
	TUI_DIALOG_PICK,
	TUI_DIALOG_ASK
};

struct tui_dialog {
	enum tui_dialog_kind	kind;
	int			purpose;	/* the program's: what for */
	struct tui_prompt	prompt;		/* a message, a confirmation */
	struct tui_pick		pick;
	struct tui_ask		ask;
};

void	tui_dialog_message(struct tui_dialog *, int purpose, const char *title,
	    const char *text);
/* keys: the answers ("yn"). */
void	tui_dialog_confirm(struct tui_dialog *, int purpose, const char *title,
	    const char *text, const char *keys);
void	tui_dialog_pick(struct tui_dialog *, int purpose, const char *title,
	    char *const *items, int n);
void	tui_dialog_ask(struct tui_dialog *, int purpose, const char *title,
	    const char *hint, const char *value);
int	tui_dialog_open(const struct tui_dialog *);
void	tui_dialog_close(struct tui_dialog *);
/* TUI_DONE when answered (the answer stays until the next open or close:
 * prompt.answer, pick.sel, tui_ask_get(&ask)), TUI_CANCEL on Escape,
 * else TUI_USED: a dialog takes every key. */
enum tui_result tui_dialog_key(struct tui_dialog *, const struct tui_key *);
void	tui_dialog_draw(struct tui_dialog *, WINDOW *);

#endif
