/* apply.h: writing what the wizard made: the whole check, the INI file
 * (atomically, a .bak of the old one), the database initialised or
 * upgraded by the core's own db module, and a running core told to
 * reload, with what it applied and what waits for a restart. */
#ifndef CZ_SETUP_APPLY_H
#define CZ_SETUP_APPLY_H

#include <stddef.h>
#include "setup.h"

/* 0 with a report of what was done, or -1 with why nothing was written. */
int	apply_write(struct setup *, char *report, size_t len);

#endif
