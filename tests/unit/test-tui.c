/* test-tui.c: tui/'s widgets where no terminal is needed: the table's
 * sort, filter, selection, scroll and column layout; colour thresholds;
 * the big digits rendered to a buffer; form validation; the keymap's
 * names and the key bar's fitting; the status line's time. */
#include <stdio.h>
#include <string.h>
#include "big.h"
#include "form.h"
#include "keymap.h"
#include "pick.h"
#include "status.h"
#include "table.h"
#include "tap.h"
#include "thresh.h"

struct row {
	const char	*name;
	int		 waiting;
	int		 ready;
};

static void
cell_name(const void *r, char *buf, size_t len)
{
	snprintf(buf, len, "%s", ((const struct row *)r)->name);
}

static void
cell_waiting(const void *r, char *buf, size_t len)
{
	snprintf(buf, len, "%d", ((const struct row *)r)->waiting);
}

static const struct tui_thresh waiting_limits = { 3, 6, 0 };

static enum tui_color
color_waiting(const void *r)
{
	return tui_thresh_color(&waiting_limits, ((const struct row *)r)->waiting);
}

static int
only_ready(const void *r, void *arg)
{
	(void)arg;
	return ((const struct row *)r)->ready;
}

static const struct tui_column cols[] = {
	{ "Queue", 30, 10, 1, TUI_ALIGN_LEFT, cell_name, NULL, NULL },
	{ "Waiting", 8, 0, 0, TUI_ALIGN_RIGHT, cell_waiting, color_waiting, NULL },
	{ "Longest", 8, 0, 0, TUI_ALIGN_RIGHT, cell_waiting, NULL, NULL },
	{ "Service level", 20, 14, 0, TUI_ALIGN_RIGHT, cell_waiting, NULL, NULL },
	{ "Agents", 20, 6, 1, TUI_ALIGN_LEFT, cell_name, NULL, NULL },
};

static struct row rows[] = {
	{ "sales", 4, 1 }, { "support", 10, 0 }, { "billing", 0, 1 },
	{ "Returns", 4, 1 }, { "vip", 1, 0 },
};
#define NROWS	((int)(sizeof rows / sizeof rows[0]))

/* The view's names, "a,b,c". */
static const char *
names(const struct tui_table *t)
{
	static char buf[256];

	buf[0] = '\0';
	for (int i = 0; i < t->nview; i++)
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%s",
		    i ? "," : "", ((const struct row *)t->rows[t->view[i]])->name);
	return buf;
}

static void
test_table_sort_filter(struct tui_table *t)
{
	ok(strcmp(names(t), "sales,support,billing,Returns,vip") == 0,
	    "unsorted: as added (%s)", names(t));
	tui_table_sort(t, 0);
	ok(strcmp(names(t), "billing,Returns,sales,support,vip") == 0,
	    "by name, case-blind (%s)", names(t));
	tui_table_sort(t, 0);
	ok(strcmp(names(t), "vip,support,sales,Returns,billing") == 0,
	    "the same column again: reversed (%s)", names(t));
	tui_table_sort(t, 1);
	ok(strcmp(names(t), "billing,vip,sales,Returns,support") == 0,
	    "by waiting as numbers, ties keep their order (%s)", names(t));
	tui_table_sort(t, 1);
	ok(strcmp(names(t), "support,sales,Returns,vip,billing") == 0,
	    "by waiting, descending, ties stable (%s)", names(t));
	tui_table_filter(t, "S");
	ok(strcmp(names(t), "support,sales,Returns") == 0,
	    "text filter in any cell, case-blind (%s)", names(t));
	tui_table_filter_pred(t, only_ready, NULL);
	ok(strcmp(names(t), "sales,Returns") == 0, "text and predicate (%s)",
	    names(t));
	tui_table_filter(t, "");
	ok(strcmp(names(t), "sales,Returns,billing") == 0, "predicate only (%s)",
	    names(t));
	tui_table_filter_pred(t, NULL, NULL);
	ok(t->nview == NROWS, "no filter: all rows");
}

static void
test_table_select_scroll(struct tui_table *t)
{
	struct tui_key	 down = { KEY_DOWN, 0 }, end = { KEY_END, 0 };
	struct tui_key	 up = { KEY_UP, 0 };
	const void	*sel;

	tui_table_sort(t, 0);		/* billing Returns sales support vip */
	tui_table_select(t, 2);
	sel = tui_table_selected(t);
	ok(sel == &rows[0], "selected: sales");
	tui_table_sort(t, 0);
	ok(tui_table_selected(t) == sel && t->sel == 2,
	    "the selection follows its row through a sort");
	tui_table_filter(t, "s");
	ok(tui_table_selected(t) == sel, "... and through a filter");
	tui_table_filter(t, "bill");
	ok(tui_table_selected(t) == &rows[2], "a filtered-out selection: the first row");
	tui_table_filter(t, "");
	tui_table_select(t, 0);
	t->top = 0;
	tui_table_key(t, &down, 2);
	tui_table_key(t, &down, 2);
	ok(t->sel == 2 && t->top == 1, "down past the window scrolls (sel %d top %d)",
	    t->sel, t->top);
	tui_table_key(t, &end, 2);
	ok(t->sel == NROWS - 1 && t->top == NROWS - 2, "End: last row in view");
	tui_table_key(t, &down, 2);
	ok(t->sel == NROWS - 1, "down at the end stays");
	for (int i = 0; i < 10; i++)
		tui_table_key(t, &up, 2);
	ok(t->sel == 0 && t->top == 0, "up to the top scrolls back");
	t->top = 4;
	tui_table_scroll(t, 3);
	ok(t->top == 0, "scroll brings the selection into view");
	tui_table_clear(t);
	for (int i = 0; i < 2; i++)
		tui_table_add(t, &rows[i]);
	t->top = 3;
	tui_table_update(t);
	tui_table_scroll(t, 5);
	ok(t->nview == 2 && t->top == 0, "fewer rows: top comes back");
	tui_table_clear(t);
	tui_table_update(t);
	ok(tui_table_selected(t) == NULL && t->sel == -1, "empty: no selection");
	for (int i = 0; i < NROWS; i++)
		tui_table_add(t, &rows[i]);
	tui_table_update(t);
}

static int
sum(const int *w, int n)
{
	int s = 0, shown = 0;

	for (int i = 0; i < n; i++)
		if (w[i] > 0) {
			s += w[i];
			shown++;
		}
	return s + shown - 1;
}

static void
test_table_layout(struct tui_table *t)
{
	int	w[5];
	char	buf[64];

	tui_table_layout(t, 80, w);
	ok(sum(w, 5) == 80 && w[1] == 8 && w[2] == 8,
	    "80 columns: fits (%d %d %d %d %d)", w[0], w[1], w[2], w[3], w[4]);
	ok(w[0] >= 10 && w[3] >= 14 && w[4] >= 6, "... no column under its minimum");
	tui_table_layout(t, 132, w);
	ok(sum(w, 5) == 132 && w[0] > 30 && w[4] > 20 && w[3] == 20,
	    "132 columns: the growing columns take the room (%d %d %d %d %d)",
	    w[0], w[1], w[2], w[3], w[4]);
	tui_table_layout(t, 40, w);
	ok(sum(w, 5) <= 40 && w[4] == 0 && w[0] >= 10,
	    "40 columns: the last columns go (%d %d %d %d %d)", w[0], w[1], w[2],
	    w[3], w[4]);
	tui_table_cell(t, 1, &rows[1], 6, buf, sizeof buf);
	ok(strcmp(buf, "    10") == 0, "right-aligned cell '%s'", buf);
	tui_table_cell(t, 0, &rows[1], 4, buf, sizeof buf);
	ok(strcmp(buf, "supp") == 0, "clipped cell '%s'", buf);
	ok(cols[1].color(&rows[1]) == TUI_VALUE_ALERT &&
	    cols[1].color(&rows[0]) == TUI_VALUE_WARN &&
	    cols[1].color(&rows[2]) == TUI_VALUE_OK, "a column's colour by threshold");
}

static void
test_thresh(void)
{
	static const struct tui_thresh wait = { 30, 60, 0 };
	static const struct tui_thresh sl = { 80, 60, 1 };	/* service level % */

	ok(tui_thresh_level(&wait, 29) == TUI_THRESH_OK, "29 s wait: ok");
	ok(tui_thresh_level(&wait, 30) == TUI_THRESH_WARN, "30 s wait: warn");
	ok(tui_thresh_level(&wait, 75) == TUI_THRESH_ALERT, "75 s wait: alert");
	ok(tui_thresh_level(&sl, 95) == TUI_THRESH_OK, "SL 95%%: ok");
	ok(tui_thresh_level(&sl, 80) == TUI_THRESH_WARN, "SL 80%%: warn (lower is worse)");
	ok(tui_thresh_level(&sl, 42.5) == TUI_THRESH_ALERT, "SL 42.5%%: alert");
	ok(tui_thresh_color(NULL, 1e9) == TUI_VALUE_OK, "no limits: ok");
	ok(tui_thresh_color(&wait, 61) == TUI_VALUE_ALERT, "alert colour");
}

static void
test_big(void)
{
	char	buf[256];
	int	ok_all = 1;

	tui_big_row("8", 0, 0, buf, sizeof buf);
	ok(strcmp(buf, "###") == 0, "8, top row '%s'", buf);
	tui_big_row("12:34", 2, 0, buf, sizeof buf);
	ok(strcmp(buf, " #  ###    ## ###") == 0, "12:34, middle row '%s'", buf);
	tui_big_row("12:34", 1, 0, buf, sizeof buf);
	ok(strcmp(buf, "##    # #   # # #") == 0, "12:34, the colon's dot '%s'", buf);
	ok(tui_big_width("12:34") == 3 + 1 + 3 + 1 + 1 + 1 + 3 + 1 + 3,
	    "width of 12:34: %d", tui_big_width("12:34"));
	ok(tui_big_width("-4.5%") == 3 + 1 + 3 + 1 + 1 + 1 + 3 + 1 + 3,
	    "width of -4.5%%");
	for (int r = 0; r < TUI_BIG_ROWS; r++) {
		int w = tui_big_row("0123456789:%.-", r, 0, buf, sizeof buf);

		if (w != tui_big_width("0123456789:%.-") ||
		    (int)strlen(buf) != w)
			ok_all = 0;
	}
	ok(ok_all, "every glyph: all rows as wide as the text");
	tui_big_row("7", 0, 1, buf, sizeof buf);
	ok(strcmp(buf, "\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88") == 0,
	    "UTF-8: full blocks");
	ok(tui_big_row("7", 0, 1, buf, 5) == 1, "clipped to the buffer");
	tui_big_row("x", 0, 0, buf, sizeof buf);
	ok(strcmp(buf, "  ") == 0, "a character the font lacks: blank");
}

static int
check_digits(char *text, const void *arg, char *why, size_t len)
{
	char *w = text;

	for (char *r = text; *r != '\0'; r++)
		if (*r != ' ' && *r != '-')
			*w++ = *r;
	*w = '\0';
	if (strspn(text, "0123456789") == strlen(text) && text[0] != '\0')
		return 0;
	snprintf(why, len, "%s only", (const char *)arg);
	return -1;
}

static void
test_form(void)
{
	struct tui_form	 f;
	struct tui_key	 f2 = { KEY_F(2), 0 }, tab = { 0, '\t' };
	char		*s;

	tui_form_init(&f, "Test", NULL);
	tui_form_add(&f, "Name", "");
	tui_form_check_with(&f, tui_form_required, NULL);
	tui_form_add(&f, "Phone", "600 100-001");
	tui_form_check_with(&f, check_digits, "digits");
	tui_form_add(&f, "Note", "");
	ok(tui_form_key(&f, &f2) == TUI_USED && f.cur == 0,
	    "F2 with a required field empty: not given, cursor there");
	ok(strcmp(f.error[0], "this field is needed") == 0, "its message at it");
	tui_input_set(&f.in[0], "Zofia");
	ok(tui_form_key(&f, &tab) == TUI_USED && f.error[0][0] == '\0' &&
	    f.cur == 1, "leaving a field checks it again");
	ok(tui_form_key(&f, &f2) == TUI_DONE, "all right: given");
	s = tui_form_get(&f, 1);
	ok(strcmp(s, "600100001") == 0, "a validator tidies the text ('%s')", s);
	free(s);
	tui_input_set(&f.in[1], "60x");
	ok(tui_form_validate(&f) == 1 && strcmp(f.error[1], "digits only") == 0 &&
	    f.cur == 1, "a wrong field: its index and message (from its arg)");
}

static void
test_form_builtin(void)
{
	static const struct tui_form_range	wrap = { 0, 3600 };
	static const char *const		strategy[] = { "linear",
						    "ring_all", NULL };
	char					t[32], why[96];

	snprintf(t, sizeof t, "120");
	ok(tui_form_int(t, &wrap, why, sizeof why) == 0, "120 in 0..3600");
	snprintf(t, sizeof t, "4000");
	ok(tui_form_int(t, &wrap, why, sizeof why) != 0 &&
	    strcmp(why, "a whole number from 0 to 3600") == 0, "4000: %s", why);
	snprintf(t, sizeof t, "12x");
	ok(tui_form_int(t, NULL, why, sizeof why) != 0, "12x: not a number");
	snprintf(t, sizeof t, "ring_all");
	ok(tui_form_choice(t, strategy, why, sizeof why) == 0, "a choice");
	snprintf(t, sizeof t, "ring");
	ok(tui_form_choice(t, strategy, why, sizeof why) != 0 &&
	    strcmp(why, "one of: linear ring_all") == 0, "not a choice: %s", why);
	t[0] = '\0';
	ok(tui_form_int(t, &wrap, why, sizeof why) == 0 &&
	    tui_form_choice(t, strategy, why, sizeof why) == 0 &&
	    tui_form_required(t, NULL, why, sizeof why) != 0,
	    "empty: allowed but where required");
}

static void
test_keymap(void)
{
	static const struct tui_keydef ready = { KEY_F(2), 'r', "Ready", "", 1, 1 };
	static const struct tui_keydef quit = { KEY_F(10), 'q', "Quit", "", 1, 0 };
	static const struct tui_keydef esc = { 0, TUI_ESC, "Dismiss", "", 1, 1 };
	static const struct tui_keydef cust = { 0, 'u', "Customer", "", 1, 3 };
	static const struct tui_keydef enter = { KEY_ENTER, 0, "Log in", "", 1, 1 };
	static const struct tui_keydef tab = { 0, '\t', "Field", "", 1, 1 };
	struct tui_key		tabkey = { 0, '\t' }, esckey = { 0, TUI_ESC };
	struct tui_barkey	keys[4], out[4];
	int			prio[4] = { 1, 3, 1, 0 }, n;
	char			hint[16];
	struct tui_key		r = { 0, 'r' }, f2 = { KEY_F(2), 0 };

	tui_keydef_hint(&ready, hint, sizeof hint);
	ok(strcmp(hint, "F2/r") == 0, "hint %s", hint);
	tui_keydef_hint(&esc, hint, sizeof hint);
	ok(strcmp(hint, "Esc") == 0, "hint %s", hint);
	tui_keydef_hint(&cust, hint, sizeof hint);
	ok(strcmp(hint, "u") == 0, "hint %s", hint);
	ok(tui_keydef_match(&ready, &f2, 0) && tui_keydef_match(&ready, &r, 1) &&
	    !tui_keydef_match(&ready, &r, 0), "F2 always, r when letters are on");
	tui_keydef_hint(&enter, hint, sizeof hint);
	ok(strcmp(hint, "Enter") == 0, "hint %s", hint);
	tui_keydef_hint(&tab, hint, sizeof hint);
	ok(strcmp(hint, "Tab") == 0, "hint %s", hint);
	ok(tui_keydef_match(&tab, &tabkey, 0) && tui_keydef_match(&esc, &esckey, 0),
	    "Tab and Esc match while typing");
	tui_keydef_barkey(&tab, NULL, &keys[0]);
	ok(strcmp(keys[0].fkey, "Tab") == 0 && keys[0].letter == 0,
	    "Tab in the bar: named, no letter");
	tui_keydef_barkey(&ready, NULL, &keys[0]);
	tui_keydef_barkey(&cust, NULL, &keys[1]);
	tui_keydef_barkey(&esc, NULL, &keys[2]);
	tui_keydef_barkey(&quit, NULL, &keys[3]);
	n = tui_keymap_fit(keys, prio, 4, out, 200);
	ok(n == 4 && out[1].letter == 'u' && out[3].label == quit.label,
	    "wide: all, in table order");
	n = tui_keymap_fit(keys, prio, 4, out, tui_bar_width(keys, 1) + 2 +
	    tui_bar_width(&keys[3], 1));
	ok(n == 2 && out[0].label == ready.label && out[1].label == quit.label,
	    "narrow: quit and the first key of priority 1 (%d)", n);
}

static void
test_pick(void)
{
	struct tui_pick	p;
	struct tui_key	up = { KEY_UP, 0 }, l = { 0, 'l' }, b = { 0, 'b' };

	tui_pick_init(&p, "Not ready: why?");
	tui_pick_add(&p, "break");
	tui_pick_add(&p, "lunch");
	tui_pick_add(&p, "lecture");
	ok(p.sel == 0 && tui_table_selected(&p.table) == &p.items[0],
	    "pick: the first item, in its table");
	ok(tui_pick_key(&p, &up) == TUI_USED && p.sel == 2 && p.table.sel == 2,
	    "pick: up from the first goes round to the last");
	ok(tui_pick_key(&p, &l) == TUI_USED && p.sel == 1,
	    "pick: a letter two items share moves to the next");
	ok(tui_pick_key(&p, &b) == TUI_DONE && p.sel == 0,
	    "pick: a letter only one has chooses it");
	tui_pick_free(&p);
}

static void
test_status(void)
{
	struct tui_status s;

	memset(&s, 0, sizeof s);
	ok(tui_status_text(&s, 0) == NULL, "nothing said");
	tui_status_set(&s, 1000000, 10, TUI_LEVEL_ALERT, "lost %d", 3);
	ok(tui_status_text(&s, 5000000) != NULL &&
	    strcmp(tui_status_text(&s, 5000000), "lost 3") == 0, "said, for a while");
	ok(tui_status_text(&s, 11000000) == NULL, "gone after 10 s");
}

int
main(void)
{
	struct tui_table t;

	tui_table_init(&t, cols, 5);
	for (int i = 0; i < NROWS; i++)
		tui_table_add(&t, &rows[i]);
	tui_table_update(&t);
	test_table_sort_filter(&t);
	test_table_select_scroll(&t);
	test_table_layout(&t);
	tui_table_free(&t);
	test_thresh();
	test_big();
	test_form();
	test_form_builtin();
	test_keymap();
	test_pick();
	test_status();
	return tap_done();
}
