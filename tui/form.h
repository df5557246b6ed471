/* form.h: a form in a box over the screen: labelled one-line fields, all
 * in view at once (the customer's name, company, phones, e-mail). Tab,
 * Down and Enter go to the next field, Shift-Tab and Up to the one before;
 * Enter on the last field or F2 anywhere gives the form, Escape drops it. */
#ifndef CZ_TUI_FORM_H
#define CZ_TUI_FORM_H

#include "input.h"
#include "tui.h"

#define TUI_FORM_MAX	8	/* fields */

struct tui_form {
	char			title[64];
	char			hint[128];	/* under the fields */
	char			label[TUI_FORM_MAX][24];
	struct tui_input	in[TUI_FORM_MAX];
	int			n;
	int			cur;		/* the field with the cursor */
};

void		 tui_form_init(struct tui_form *, const char *title,
		    const char *hint);
void		 tui_form_add(struct tui_form *, const char *label,
		    const char *value);
/* Field i's text as a new UTF-8 string. */
char		*tui_form_get(const struct tui_form *, int i);
/* TUI_DONE when the form is given, TUI_CANCEL on Escape, else TUI_USED. */
enum tui_result	 tui_form_key(struct tui_form *, const struct tui_key *);
void		 tui_form_draw(struct tui_form *, WINDOW *);

#endif
