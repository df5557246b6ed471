/* edit.h: the section editor: one instance's keys (every row of the
 * table for its kind), each answer checked as it is given. */
#ifndef CZ_SETUP_EDIT_H
#define CZ_SETUP_EDIT_H

#include "config.h"
#include "setup.h"

/* The keys of [kind name] (name NULL for [core]) until Escape; step,
 * when not NULL, heads the screen ("Step 1 of 10"). */
void	edit_section(struct setup *, const struct cfg_section *,
	    const char *name, const char *step);
/* Asks each required key that has no value yet, in table order; 0 when
 * all were given, -1 when one was cancelled. */
int	edit_required(struct setup *, const struct cfg_section *,
	    const char *name);

#endif
