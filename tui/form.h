/* form.h: a form in a box over the screen: labelled one-line fields, all
 * in view at once (the customer's name, company, phones, e-mail; the
 * wizard's settings). Tab, Down and Enter go to the next field, Shift-Tab
 * and Up to the one before; Enter on the last field or F2 anywhere gives
 * the form, Escape drops it. Each field may have a validator: it runs when
 * the cursor leaves the field and when the form is given; its message is
 * shown under the field, and a form with a wrong field is not given. */
#ifndef CZ_TUI_FORM_H
#define CZ_TUI_FORM_H

#include <stddef.h>
#include "input.h"
#include "tui.h"

#define TUI_FORM_MAX	8	/* fields */
#define TUI_FORM_ERROR	96	/* bytes of a field's message */

/* Checks a field's text (UTF-8), and may tidy it in place (never longer:
 * "+48 600-100" to "+48600100"); 0 when it is right, else -1 with what is
 * wrong, in words, in why. arg is the field's (a range, a list of
 * choices: what a config table row says of the setting). */
typedef int (*tui_form_check)(char *text, const void *arg, char *why,
    size_t len);

/* The argument of tui_form_int. */
struct tui_form_range {
	long	min, max;
};

struct tui_form {
	char			title[64];
	char			hint[128];	/* under the fields */
	char			label[TUI_FORM_MAX][24];
	struct tui_input	in[TUI_FORM_MAX];
	tui_form_check		check[TUI_FORM_MAX];
	const void		*check_arg[TUI_FORM_MAX];
	char			error[TUI_FORM_MAX][TUI_FORM_ERROR];
	int			n;
	int			cur;		/* the field with the cursor */
};

void		 tui_form_init(struct tui_form *, const char *title,
		    const char *hint);
void		 tui_form_add(struct tui_form *, const char *label,
		    const char *value);
/* The last field added gets a validator, and its argument. */
void		 tui_form_check_with(struct tui_form *, tui_form_check,
		    const void *arg);
/* Runs the validators: the first wrong field gets the cursor; its index,
 * or -1 when all are right. */
int		 tui_form_validate(struct tui_form *);
/* Validators for any form: not empty; a whole number in a range (arg: a
 * struct tui_form_range), empty allowed; one of a NULL-terminated list of
 * words (arg: const char *const *), empty allowed. */
int		 tui_form_required(char *, const void *, char *, size_t);
int		 tui_form_int(char *, const void *, char *, size_t);
int		 tui_form_choice(char *, const void *, char *, size_t);
/* Field i's text as a new UTF-8 string. */
char		*tui_form_get(const struct tui_form *, int i);
/* TUI_DONE when the form is given (all fields right), TUI_CANCEL on
 * Escape, else TUI_USED. */
enum tui_result	 tui_form_key(struct tui_form *, const struct tui_key *);
void		 tui_form_draw(struct tui_form *, WINDOW *);

#endif
