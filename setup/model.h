/* model.h: the configuration as the wizard sees it, all of it from the
 * one key table (lib/config-table.c): the kinds of section and their
 * instances in the file, each key's value or default, and the words that
 * say what a kind is for. */
#ifndef CZ_SETUP_MODEL_H
#define CZ_SETUP_MODEL_H

#include "config.h"
#include "ini-edit.h"

/* A kind of section, in the table's order (the first-run order). */
int			 model_nkinds(void);
const struct cfg_section *model_kind(int i);
const struct cfg_section *model_kind_named(const char *kind);
/* What a kind holds, for the menus. */
const char		*model_kind_title(const struct cfg_section *);
/* 1 for a kind with instances ([queue NAME]), 0 for [core]. */
int			 model_named(const struct cfg_section *);

/* The instances of a kind in the file, in file order: a NULL-terminated
 * array of names the caller frees (model_free_names). */
char		       **model_instances(const struct ini_doc *,
			    const struct cfg_section *, int *n);
void			 model_free_names(char **);
/* "queue sales" for an instance, "core" for an unnamed kind. */
void			 model_secname(const struct cfg_section *,
			    const char *name, char *buf, size_t len);

/* The table's rows of a kind, in order, into out (at most max). */
#define MODEL_MAX_KEYS	64
int			 model_keys(const struct cfg_section *,
			    const struct cfg_key **out, int max);
/* The value in the file, else the row's default ("" when required);
 * *dflt says which. Static buffer. */
const char		*model_value(const struct ini_doc *, const char *secname,
			    const char *name, const struct cfg_key *,
			    int *dflt);

#endif
