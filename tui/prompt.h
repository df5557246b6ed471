/* prompt.h: a modal question or notice in a box over the screen: a title,
 * a text (wrapped), and the keys that answer it ("yn"; empty: any key
 * closes it). */
#ifndef CZ_TUI_PROMPT_H
#define CZ_TUI_PROMPT_H

#include "tui.h"

struct tui_prompt {
	char	title[64];
	char	text[2048];
	char	keys[8];
	char	hint[96];	/* the last line; "" for what the keys say */
	int	wide;		/* up to 100 columns, not 60 */
	int	answer;		/* the key given, or 0 when cancelled */
};

void	tui_prompt_init(struct tui_prompt *, const char *title, const char *text,
	    const char *keys);
/* TUI_DONE with p->answer set, TUI_CANCEL on Escape (answer 0). */
enum tui_result tui_prompt_key(struct tui_prompt *, const struct tui_key *);
void	tui_prompt_draw(struct tui_prompt *, WINDOW *);

#endif
