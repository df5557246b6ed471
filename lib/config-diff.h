/* config-diff.h: what a reload changes, key by key, and whether the
 * running core applies each change or keeps the old value until a restart
 * (the apply column of config-table.c). */
#ifndef CZ_CONFIG_DIFF_H
#define CZ_CONFIG_DIFF_H

#include "config.h"

struct config_change {
	char			*what;	/* "[core] log_file", "[queue q2] (new)" */
	const struct cfg_key	*key;	/* NULL: a section added or removed */
	int			 restart; /* 1: in force only after a restart */
};

struct config_diff {
	struct config_change	*changes;
	int			 n;
};

/* Fills d with every difference from old to new, in table order. */
void	config_diff(const struct config *old, const struct config *new,
	    struct config_diff *d);
/* The change of [core] KEY, or NULL if it did not change. */
const struct config_change *config_diff_core(const struct config_diff *,
	    const char *key);
void	config_diff_free(struct config_diff *);

#endif
