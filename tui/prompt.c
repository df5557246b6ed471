/* prompt.c: the modal prompt. */
#include <ctype.h>
#include <string.h>
#include "prompt.h"
#include "text.h"

void
tui_prompt_init(struct tui_prompt *p, const char *title, const char *text,
    const char *keys)
{
	memset(p, 0, sizeof *p);
	snprintf(p->title, sizeof p->title, "%s", title);
	snprintf(p->text, sizeof p->text, "%s", text);
	snprintf(p->keys, sizeof p->keys, "%s", keys);
}

enum tui_result
tui_prompt_key(struct tui_prompt *p, const struct tui_key *k)
{
	if (tui_key_char(k, TUI_ESC)) {
		p->answer = 0;
		return TUI_CANCEL;
	}
	if (p->keys[0] == '\0') {
		p->answer = k->fn ? 1 : (int)k->ch;
		return TUI_DONE;
	}
	if (!k->fn && k->ch < 0x80 && strchr(p->keys, tolower((int)k->ch))) {
		p->answer = tolower((int)k->ch);
		return TUI_DONE;
	}
	return TUI_USED;
}

void
tui_prompt_draw(struct tui_prompt *p, WINDOW *win)
{
	int		max = p->wide ? 100 : 60;
	int		w = COLS - 10 < max ? COLS - 10 : max;
	struct tui_rect	r, in;
	int		rows;

	if (w < 20)
		w = COLS;
	in = (struct tui_rect){ 0, 0, 100, w - 4 };
	rows = tui_text_wrap(NULL, in, p->text, 0);
	r = tui_centre(rows + 4, w);
	tui_text_fill(win, r, tui_attr(TUI_NORMAL));
	tui_text_box(win, r, p->title, tui_attr(TUI_FRAME));
	in = (struct tui_rect){ r.y + 1, r.x + 2, r.h - 3, r.w - 4 };
	tui_text_wrap(win, in, p->text, tui_attr(TUI_NORMAL));
	if (p->hint[0] != '\0')
		tui_text_put(win, r.y + r.h - 2, r.x + 2, r.w - 4, p->hint,
		    tui_attr(TUI_LABEL));
	else if (strcmp(p->keys, "yn") == 0)
		tui_text_put(win, r.y + r.h - 2, r.x + 2, r.w - 4,
		    "y: yes   n / Esc: no", tui_attr(TUI_LABEL));
	else if (p->keys[0] == '\0')
		tui_text_put(win, r.y + r.h - 2, r.x + 2, r.w - 4,
		    "press any key", tui_attr(TUI_LABEL));
}
