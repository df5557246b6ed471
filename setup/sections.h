/* sections.h: the section menu (every kind of the config table, with how
 * many it has), a kind's instance list (add, edit, delete), and the first
 * run's walk through every kind in order, then the summary. */
#ifndef CZ_SETUP_SECTIONS_H
#define CZ_SETUP_SECTIONS_H

#include "config.h"
#include "setup.h"

/* The kind's instances until Escape; step/nsteps > 0 in the first run. */
void	sections_kind(struct setup *, const struct cfg_section *, int step,
	    int nsteps);
/* The menu until the user quits. */
void	sections_menu(struct setup *);
/* Every kind in order, then the summary, then the menu. */
void	sections_first_run(struct setup *);

#endif
