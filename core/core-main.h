/* core-main.h: the orderly stop and the reload, which requests ask for
 * through struct cmd_process (cmd-handlers.h, registered at start); the
 * sessions layer (docs/ARCHITECTURE.md). */
#ifndef CZ_CORE_MAIN_H
#define CZ_CORE_MAIN_H

#include <stddef.h>
#include "core.h"
#include "config-diff.h"

void	core_stop(enum core_stop);	/* orderly stop; see docs/protocol.md */
void	core_check_stopped(void);	/* exits the loop once a stop is done */
/* Reload: the warnings of the new config, and what changed (diff may be
 * NULL; else the caller frees it with config_diff_free()). */
int	core_reload(char ***warnings, struct config_diff *diff, char *err,
	    size_t errlen);

#endif
