/* sections.c: the section menu, the instance lists and the first-run walk
 * (sections.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "edit.h"
#include "model.h"
#include "sections.h"
#include "summary.h"
#include "ui.h"
#include "xmalloc.h"

static const struct tui_barkey kind_keys[] = {
	{ "Enter", 0, "Edit" },
	{ "Ins", 'a', "Add" },
	{ "Del", 'd', "Delete" },
	{ "Esc", 0, "Back/next" },
};

static const struct tui_barkey menu_keys[] = {
	{ "Enter", 0, "Open" },
	{ NULL, 'w', "Summary and write" },
	{ NULL, 'q', "Quit" },
};

/* Asks a new instance's name, adds it and asks its required keys. */
static void
sections_add(struct setup *s, const struct ui_frame *f,
    const struct cfg_section *cs)
{
	char	 title[64], hint[160], why[512], secname[128], *name;

	snprintf(title, sizeof title, "New %s: its name", cs->kind);
	snprintf(hint, sizeof hint, "[%s NAME]: %s", cs->kind, cs->name_rule);
	if ((name = ui_ask(f, title, hint, "", 0)) == NULL)
		return;
	if (check_new_name(s->doc, cs, name, why, sizeof why) != 0) {
		ui_status(1, "refused: %s", why);
		ui_message(f, "Refused", why);
		free(name);
		return;
	}
	model_secname(cs, name, secname, sizeof secname);
	ini_add_section(s->doc, secname);
	ui_status(0, "[%s] added", secname);
	edit_required(s, cs, name);
	edit_section(s, cs, name, NULL);
	free(name);
}

void
sections_kind(struct setup *s, const struct cfg_section *cs, int step,
    int nsteps)
{
	char		 heading[160], help[256], secname[128], **names, *items[256];
	int		 n, sel = 0;
	struct tui_key	 k;
	struct ui_frame	 f = { s->path, heading, items, 0, &sel, help,
			    kind_keys, 4 };

	if (!model_named(cs)) {
		snprintf(heading, sizeof heading, "Step %d of %d.", step,
		    nsteps);
		edit_section(s, cs, NULL, step > 0 ? heading : NULL);
		return;
	}
	for (;;) {
		names = model_instances(s->doc, cs, &n);
		n = n > 255 ? 255 : n;
		items[0] = xprintf("+ Add a new %s", cs->kind);
		for (int i = 0; i < n; i++)
			items[i + 1] = xprintf("[%s %s]", cs->kind, names[i]);
		f.n = n + 1;
		sel = sel > n ? n : sel;
		if (step > 0)
			snprintf(heading, sizeof heading, "Step %d of %d. %s",
			    step, nsteps, model_kind_title(cs));
		else
			snprintf(heading, sizeof heading, "%s",
			    model_kind_title(cs));
		snprintf(help, sizeof help, "%d %s section%s. Enter on one "
		    "edits its keys; a adds, d deletes; Esc %s.", n, cs->kind,
		    n == 1 ? "" : "s", step > 0 ? "goes to the next step" :
		    "goes back");
		ui_draw(&f);
		ui_key(&f, &k);
		if ((k.fn == KEY_ENTER && sel == 0) || k.fn == KEY_IC ||
		    k.ch == 'a' || k.ch == '+')
			sections_add(s, &f, cs);
		else if (k.fn == KEY_ENTER)
			edit_section(s, cs, names[sel - 1], NULL);
		else if ((k.fn == KEY_DC || k.ch == 'd') && sel > 0) {
			model_secname(cs, names[sel - 1], secname,
			    sizeof secname);
			if (ui_confirm(&f, "Delete", secname)) {
				ini_remove_section(s->doc, secname);
				ui_status(0, "[%s] deleted", secname);
			}
		} else if (!ui_list_key(&k, &sel, n + 1) && (k.ch == TUI_ESC ||
		    k.fn == KEY_F(10))) {
			n = -1;
		}
		for (int i = 0; i < f.n; i++)
			free(items[i]);
		model_free_names(names);
		if (n < 0)
			return;
	}
}

void
sections_menu(struct setup *s)
{
	int		 nk = model_nkinds(), sel = 0, n;
	char		*items[40], **names;
	char		 heading[] = "Sections: Enter opens one; w checks all, "
			    "shows a summary and writes";
	struct ui_frame	 f = { s->path, heading, items, nk + 2, &sel, NULL,
			    menu_keys, 3 };
	struct tui_key	 k;

	for (;;) {
		for (int i = 0; i < nk; i++) {
			const struct cfg_section *cs = model_kind(i);

			names = model_instances(s->doc, cs, &n);
			model_free_names(names);
			items[i] = model_named(cs) ? xprintf("%-9s %-56.56s %3d",
			    cs->kind, model_kind_title(cs), n) : xprintf("%-9s "
			    "%-56.56s", cs->kind, model_kind_title(cs));
		}
		items[nk] = xstrdup("Summary and write");
		items[nk + 1] = xstrdup("Quit");
		f.help = setup_changed(s) ? "Changed since read: w to check "
		    "and write." : "Nothing changed since read.";
		ui_draw(&f);
		ui_key(&f, &k);
		for (int i = 0; i < nk + 2; i++)
			free(items[i]);
		if (ui_list_key(&k, &sel, nk + 2))
			continue;
		if (k.ch == 'w' || (k.fn == KEY_ENTER && sel == nk))
			summary_show(s);
		else if (k.fn == KEY_ENTER && sel < nk)
			sections_kind(s, model_kind(sel), 0, 0);
		else if (k.ch == 'q' || k.fn == KEY_F(10) || k.ch == TUI_ESC ||
		    (k.fn == KEY_ENTER && sel == nk + 1)) {
			if (!setup_changed(s) || ui_confirm(&f, "Quit",
			    "Quit without writing the changes? (y/n)"))
				return;
		}
	}
}

void
sections_first_run(struct setup *s)
{
	int nk = model_nkinds();

	ui_status(0, "First run: a new configuration in %s", s->path);
	for (int i = 0; i < nk; i++)
		sections_kind(s, model_kind(i), i + 1, nk);
	summary_show(s);
	sections_menu(s);
}
