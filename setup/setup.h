/* setup.h: the setup wizard's one state (`centrala setup`): the INI file
 * being edited as its lines (lib/ini-edit.h), where it lives, and whether
 * it has changed since it was read or written. */
#ifndef CZ_SETUP_H
#define CZ_SETUP_H

#include "ini-edit.h"

struct setup {
	char		*path;		/* the configuration file */
	struct ini_doc	*doc;		/* its lines, as edited */
	char		*written;	/* its text when read or last written */
	int		 first_run;	/* there was no file */
	const char	*program_dir;	/* where centrala-core is */
};

/* 1 while the document differs from the file. */
int	setup_changed(const struct setup *);

#endif
