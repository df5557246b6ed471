/* cmd.h: the request table. Each request names its role, its arguments
 * with their types and the target it acts on; cmd.c checks all of that,
 * and cmd-target.c resolves the target, before a handler runs. */
#ifndef CZ_CMD_H
#define CZ_CMD_H

#include "cmd-ctx.h"
#include "cmd-target.h"
#include "cmd-handlers.h"

/* cmd.c: one request line from a client, checked, handled, answered. */
void	cmd_dispatch(struct conn *, const char *line, size_t len);

#endif
