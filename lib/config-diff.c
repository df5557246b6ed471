/* config-diff.c: compares the configuration in force with a new one
 * through the table: each section instance by name ([queue sales] in both,
 * only in the old, only in the new), each key by its value as show-config
 * writes it. A changed key needs a restart if its row says CFG_RESTART; a
 * section added or removed does if any key of its kind does (a span). */
#include <stdlib.h>
#include <string.h>
#include "config-diff.h"
#include "xmalloc.h"

#define FIELD(base, off, type)	((type *)((char *)(base) + (off)))

static void
diff_add(struct config_diff *d, const struct cfg_key *k, int restart,
    char *what)
{
	d->changes = xrealloc(d->changes, (d->n + 1) * sizeof *d->changes);
	d->changes[d->n].what = what;
	d->changes[d->n].key = k;
	d->changes[d->n].restart = restart;
	d->n++;
}

static int
diff_kind_restarts(const struct cfg_section *kind)
{
	for (const struct cfg_key *k = config_table; k->section; k++)
		if (strcmp(k->section, kind->kind) == 0 &&
		    k->apply == CFG_RESTART)
			return 1;
	return 0;
}

/* "[core]" or "[queue sales]". */
static char *
diff_sect_name(const struct cfg_section *kind, const void *sect)
{
	if (kind->name_ok == NULL)
		return xprintf("[%s]", kind->kind);
	return xprintf("[%s %s]", kind->kind, *FIELD(sect, kind->name, char *));
}

static void
diff_keys(const struct cfg_section *kind, const void *a, const void *b,
    struct config_diff *d)
{
	char *name = diff_sect_name(kind, b);

	for (const struct cfg_key *k = config_table; k->section; k++) {
		char *va, *vb;

		if (strcmp(k->section, kind->kind) != 0)
			continue;
		va = config_value_text(k, a);
		vb = config_value_text(k, b);
		if (strcmp(va, vb) != 0)
			diff_add(d, k, k->apply == CFG_RESTART,
			    xprintf("%s %s", name, k->key));
		free(va);
		free(vb);
	}
	free(name);
}

/* The instance of kind in cfg named as sect is, or NULL. */
static const void *
diff_find(const struct cfg_section *kind, const struct config *cfg,
    const void *sect)
{
	const char	*name = *FIELD(sect, kind->name, char *);
	char		*arr = *FIELD(cfg, kind->array, char *);

	for (int i = 0; i < *FIELD(cfg, kind->count, int); i++)
		if (strcmp(*FIELD(arr + i * kind->size, kind->name, char *),
		    name) == 0)
			return arr + i * kind->size;
	return NULL;
}

/* Instances of from missing in to: "(removed)" or "(new)". */
static void
diff_missing(const struct cfg_section *kind, const struct config *from,
    const struct config *to, const char *said, struct config_diff *d)
{
	char *arr = *FIELD(from, kind->array, char *);

	for (int i = 0; i < *FIELD(from, kind->count, int); i++) {
		const void	*s = arr + i * kind->size;
		char		*name;

		if (diff_find(kind, to, s) != NULL)
			continue;
		name = diff_sect_name(kind, s);
		diff_add(d, NULL, diff_kind_restarts(kind),
		    xprintf("%s %s", name, said));
		free(name);
	}
}

void
config_diff(const struct config *old, const struct config *new,
    struct config_diff *d)
{
	d->changes = NULL;
	d->n = 0;
	for (const struct cfg_section *kind = config_sections; kind->kind;
	    kind++) {
		char *arr;

		if (kind->name_ok == NULL) {
			diff_keys(kind, FIELD(old, kind->array, char),
			    FIELD(new, kind->array, char), d);
			continue;
		}
		arr = *FIELD(new, kind->array, char *);
		for (int i = 0; i < *FIELD(new, kind->count, int); i++) {
			const void *b = arr + i * kind->size;
			const void *a = diff_find(kind, old, b);

			if (a != NULL)
				diff_keys(kind, a, b, d);
		}
		diff_missing(kind, new, old, "(new)", d);
		diff_missing(kind, old, new, "(removed)", d);
	}
}

const struct config_change *
config_diff_core(const struct config_diff *d, const char *key)
{
	for (int i = 0; i < d->n; i++)
		if (d->changes[i].key != NULL &&
		    strcmp(d->changes[i].key->section, "core") == 0 &&
		    strcmp(d->changes[i].key->key, key) == 0)
			return &d->changes[i];
	return NULL;
}

void
config_diff_free(struct config_diff *d)
{
	for (int i = 0; i < d->n; i++)
		free(d->changes[i].what);
	free(d->changes);
	d->changes = NULL;
	d->n = 0;
}
