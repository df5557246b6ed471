/* edit.c: the section editor (edit.h). The rows, their help, defaults,
 * choices and ranges are the config table's; how a value is asked follows
 * its type (a pick list for choices, a line otherwise). A few keys are
 * asked in their own way: a PIN is typed hidden and stored as its hash
 * (lib/pin.c); an audio endpoint and the printer are picked among the
 * ALSA devices and CUPS destinations present (edit_offers). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "devices.h"
#include "edit.h"
#include "model.h"
#include "pick.h"
#include "input.h"
#include "pin.h"
#include "ui.h"
#include "xmalloc.h"

static const struct tui_barkey edit_keys[] = {
	{ "Enter", 0, "Change" },
	{ "Del", 'x', "Default" },
	{ "Esc", 0, "Back" },
	{ "/", 0, "Find" },
};

/* What a row's value looks like in the list. */
static char *
edit_item(const struct setup *s, const char *secname, const char *name,
    const struct cfg_key *k)
{
	int		 dflt;
	const char	*v = model_value(s->doc, secname, name, k, &dflt);

	if (strcmp(k->key, "pin") == 0)
		v = v[0] != '\0' ? "(set)" : "";
	if (k->dflt == NULL && v[0] == '\0')
		return xprintf("%-22s (required: Enter to give it)", k->key);
	return xprintf("%-22s %s%s", k->key, v[0] != '\0' ? v : "\"\"",
	    dflt ? "   (default)" : "");
}

/* The help line of a row: the table's, and what is here for it. */
static char *
edit_help(const struct cfg_section *cs, const struct cfg_key *k)
{
	struct device	d[DEVICES_MAX];
	char		note[256] = "";
	int		n;

	if (strcmp(cs->kind, "span") == 0 && strcmp(k->key, "driver") == 0)
		devices_dahdi_note(DEVICES_PROC, note, sizeof note);
	if (strcmp(k->key, "audio") == 0) {
		n = devices_alsa(DEVICES_PROC, d, DEVICES_MAX);
		snprintf(note, sizeof note, "ALSA devices here: %d%s%s", n,
		    n > 0 ? ", first " : " (none in /proc/asound)",
		    n > 0 ? d[0].value : "");
	}
	return xprintf("%s%s%s%s", k->help, k->dflt == NULL ? " (required)" :
	    "", note[0] != '\0' ? ". " : "", note);
}

/* A choice among the row's words; NULL when cancelled. */
static char *
edit_choose(const struct ui_frame *f, const char *title,
    const struct cfg_key *k, const char *cur)
{
	char	*items[TUI_PICK_MAX];
	int	 n = 0, sel = 0, r;

	for (; k->choices[n] != NULL && n < TUI_PICK_MAX; n++) {
		items[n] = (char *)(k->choices[n][0] != '\0' ? k->choices[n] :
		    "(none)");
		if (strcmp(k->choices[n], cur) == 0)
			sel = n;
	}
	r = ui_pick(f, title, items, n, sel);
	return r < 0 ? NULL : xstrdup(k->choices[r]);
}

static int
edit_alsa(struct device *d, int max)
{
	return devices_alsa(DEVICES_PROC, d, max);
}

/* What a key may name that exists here: ALSA devices for a seat's audio,
 * CUPS destinations for the reports' printer; the rest is typed. */
static const struct {
	const char	*key;
	int		(*list)(struct device *, int);
	const char	*type;		/* the item to type one */
	const char	*none;		/* the item for "" */
} edit_offers[] = {
	{ "audio", edit_alsa, "Type it: alsa:DEVICE or phone:NUMBER", "None" },
	{ "print_destination", devices_printers, "Type a CUPS destination",
	  "CUPS's default destination" },
};

/* The row of edit_offers for a key, or -1. */
static int
edit_offer_of(const struct cfg_key *k)
{
	for (size_t i = 0; i < sizeof edit_offers / sizeof edit_offers[0]; i++)
		if (strcmp(edit_offers[i].key, k->key) == 0)
			return (int)i;
	return -1;
}

/* A value among what is here, none, or typed. */
static char *
edit_offer(const struct ui_frame *f, int o, const char *title,
    const char *help, const char *cur)
{
	struct device	 d[DEVICES_MAX];
	char		*items[DEVICES_MAX + 2], *label[DEVICES_MAX];
	int		 n = edit_offers[o].list(d, DEVICES_MAX), r;

	for (int i = 0; i < n; i++)
		items[i] = label[i] = xprintf("%s (%s)", d[i].value,
		    d[i].about);
	items[n] = (char *)edit_offers[o].type;
	items[n + 1] = (char *)edit_offers[o].none;
	r = ui_pick(f, title, items, n + 2, 0);
	for (int i = 0; i < n; i++)
		free(label[i]);
	if (r < 0)
		return NULL;
	if (r < n)
		return xstrdup(d[r].value);
	if (r == n + 1)
		return xstrdup("");
	return ui_ask(f, title, help, cur, 0);
}

/* Characters (code points) of a UTF-8 string. */
static size_t
edit_chars(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

/* Asks row k's value; 1 when one was taken, 0 cancelled. */
static int
edit_one(struct setup *s, const struct ui_frame *f, const char *secname,
    const char *name, const struct cfg_key *k)
{
	char		 title[96], why[1024], *v, *help, *hash;
	int		 dflt;
	const char	*cur = model_value(s->doc, secname, name, k, &dflt);
	char		*was = xstrdup(cur);

	snprintf(title, sizeof title, "[%s] %s", secname, k->key);
	/* A field holds TUI_INPUT_MAX characters: a longer value would be
	 * cut, and the cut written back. */
	if (strcmp(k->key, "pin") != 0 && edit_chars(cur) >= TUI_INPUT_MAX) {
		ui_status(1, "%s: longer than a field holds", k->key);
		ui_message(f, "Too long to edit here", "This value is longer "
		    "than the wizard's field (127 characters): edit it in the "
		    "file with a text editor; the wizard keeps it as it is.");
		free(was);
		return 0;
	}
	help = xstrdup(k->help);
	if (strcmp(k->key, "pin") == 0) {
		v = ui_ask(f, title, "the PIN, 4 to 12 digits (stored as its "
		    "hash)", "", 1);
		if (v != NULL && (hash = pin_hash(v)) == NULL) {
			ui_status(1, "%s: a PIN is 4 to 12 digits", k->key);
			ui_message(f, "Refused", "a PIN is 4 to 12 digits");
			free(v);
			v = NULL;
		} else if (v != NULL) {
			free(v);
			v = hash;
		}
	} else if (k->choices != NULL)
		v = edit_choose(f, title, k, was);
	else if (edit_offer_of(k) >= 0)
		v = edit_offer(f, edit_offer_of(k), title, help, was);
	else
		v = ui_ask(f, title, help, was, 0);
	free(help);
	free(was);
	if (v == NULL)
		return 0;
	if (check_answer(s->doc, secname, k, v, why, sizeof why) != 0) {
		ui_status(1, "%s: refused: %s", k->key, why);
		ui_message(f, "Refused", why);
		free(v);
		return 0;
	}
	ini_set(s->doc, secname, k->key, v);
	ui_status(0, "%s = %s", k->key, strcmp(k->key, "pin") == 0 ? "(set)" :
	    v);
	free(v);
	return 1;
}

int
edit_required(struct setup *s, const struct cfg_section *cs,
    const char *name)
{
	const struct cfg_key	*keys[MODEL_MAX_KEYS];
	int			 n = model_keys(cs, keys, MODEL_MAX_KEYS);
	char			 secname[128];

	model_secname(cs, name, secname, sizeof secname);
	for (int i = 0; i < n; i++) {
		if (keys[i]->dflt != NULL || ini_get(s->doc, secname,
		    keys[i]->key) != NULL)
			continue;
		while (!edit_one(s, NULL, secname, name, keys[i]))
			if (!ui_confirm(NULL, "Required", "This key is "
			    "required. Give it now? (n: later)"))
				return -1;
	}
	return 0;
}

/* "/": the key named what the admin types, else the next one (after the
 * chosen one, round) whose name holds it; [core] alone has some forty. */
static void
edit_find(const struct ui_frame *f, const struct cfg_key *const *keys, int n,
    int *sel)
{
	char	*what = ui_ask(f, "Find a key", "a key's name, or part of it",
		    NULL, 0);
	int	 at = -1;

	if (what == NULL || *what == '\0') {
		free(what);
		return;
	}
	for (int i = 0; i < n && at < 0; i++)
		if (strcmp(keys[i]->key, what) == 0)
			at = i;
	for (int i = 1; i <= n && at < 0; i++)
		if (strstr(keys[(*sel + i) % n]->key, what) != NULL)
			at = (*sel + i) % n;
	if (at >= 0)
		*sel = at;
	else
		ui_status(1, "no key holding \"%s\" in this section", what);
	free(what);
}

void
edit_section(struct setup *s, const struct cfg_section *cs, const char *name,
    const char *step)
{
	const struct cfg_key	*keys[MODEL_MAX_KEYS];
	int			 n = model_keys(cs, keys, MODEL_MAX_KEYS), sel = 0;
	char			 secname[128], heading[192], *items[MODEL_MAX_KEYS];
	char			*help = NULL;
	struct ui_frame		 f = { s->path, heading, items, n, &sel, NULL,
				    edit_keys, 4 };
	struct tui_key		 k;

	model_secname(cs, name, secname, sizeof secname);
	snprintf(heading, sizeof heading, "%s%s[%s]: %s", step != NULL ? step :
	    "", step != NULL ? " " : "", secname, model_kind_title(cs));
	for (;;) {
		for (int i = 0; i < n; i++)
			items[i] = edit_item(s, secname, name, keys[i]);
		free(help);
		f.help = help = edit_help(cs, keys[sel]);
		ui_draw(&f);
		ui_key(&f, &k);
		if (k.fn == KEY_ENTER)
			edit_one(s, &f, secname, name, keys[sel]);
		else if (k.ch == '/')
			edit_find(&f, keys, n, &sel);
		else if ((k.fn == KEY_DC || k.ch == 'x') && keys[sel]->dflt ==
		    NULL)
			ui_status(1, "%s is required: it has no default",
			    keys[sel]->key);
		else if (k.fn == KEY_DC || k.ch == 'x') {
			ini_unset(s->doc, secname, keys[sel]->key);
			ui_status(0, "%s: back to its default", keys[sel]->key);
		} else if (!ui_list_key(&k, &sel, n) && (k.ch == TUI_ESC ||
		    k.fn == KEY_F(10) || k.fn == KEY_LEFT)) {
			for (int i = 0; i < n; i++)
				free(items[i]);
			break;
		}
		for (int i = 0; i < n && k.ch != TUI_ESC; i++)
			free(items[i]);
	}
	free(help);
}
