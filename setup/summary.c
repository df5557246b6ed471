/* summary.c: the summary screen (summary.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "apply.h"
#include "check.h"
#include "model.h"
#include "summary.h"
#include "ui.h"
#include "xmalloc.h"

static const struct tui_barkey summary_keys[] = {
	{ NULL, 'w', "Write" },
	{ "Esc", 0, "Back" },
};

/* "queue     sales, support" for each kind. */
static int
summary_items(const struct setup *s, char **items, int max)
{
	int	 n = 0, k, len;
	char	 line[512], **names;

	for (int i = 0; i < model_nkinds() && n < max; i++) {
		const struct cfg_section *cs = model_kind(i);

		if (!model_named(cs)) {
			items[n++] = xprintf("%-9s %s", cs->kind, ini_has_section(
			    s->doc, cs->kind) ? "set in the file" :
			    "all defaults");
			continue;
		}
		names = model_instances(s->doc, cs, &k);
		len = snprintf(line, sizeof line, "%-9s %d:", cs->kind, k);
		for (int j = 0; j < k && len < (int)sizeof line; j++)
			len += snprintf(line + len, sizeof line - len, " %s",
			    names[j]);
		model_free_names(names);
		items[n++] = xstrdup(line);
	}
	return n;
}

void
summary_show(struct setup *s)
{
	char		*items[40], verdict[1024], *help = NULL, report[2048];
	int		 n, sel = 0, ok;
	struct tui_key	 k;
	struct ui_frame	 f = { s->path, "Summary: what will be written",
			    items, 0, &sel, NULL, summary_keys, 2 };

	for (n = 0;; ) {
		for (int i = 0; i < n; i++)
			free(items[i]);
		n = summary_items(s, items, 40);
		free(help);
		ok = check_all(s, verdict, sizeof verdict) == 0;
		help = xprintf("%s%s", ok ? "Check: the configuration is "
		    "complete and right (the core's own check agrees). w writes "
		    "it." : "Check: ", ok ? "" : verdict);
		f.n = n;
		f.help = help;
		ui_draw(&f);
		ui_key(&f, &k);
		if (ui_list_key(&k, &sel, n))
			continue;
		if (k.ch == 'w') {
			if (apply_write(s, report, sizeof report) == 0) {
				ui_status(0, "written to %s", s->path);
				ui_message(&f, "Written", report);
				break;
			}
			ui_status(1, "not written: %s", report);
			ui_message(&f, "Not written", report);
		} else if (k.ch == TUI_ESC || k.fn == KEY_F(10))
			break;
	}
	free(help);
	for (int i = 0; i < n; i++)
		free(items[i]);
}
