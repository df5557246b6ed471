/* cmd-target.h: the dispatcher's lookups (cmd-target.c): a request's
 * target and named arguments, resolved and scope-checked once. */
#ifndef CZ_CMD_TARGET_H
#define CZ_CMD_TARGET_H

#include "cmd-ctx.h"

/* cmd-target.c: 0, or -1 with the error set. */
int	cmd_resolve(const struct cmd_entry *, struct cmd_ctx *);

/* cmd-target.c: whether the session may see or act on it, by scope.c's
 * rule: a supervisor limited to some clients sees their queues, the
 * agents in any of them and their calls (by queue, else DID); everyone
 * else sees everything. */
int	cmd_scope_agent(const struct conn *, const struct agent *);
int	cmd_scope_queue(const struct conn *, const struct queue *);
int	cmd_scope_call(const struct conn *, const struct call *);
/* A client's own things (a campaign, its DNC list); "" or NULL = the
 * center's own (global), which only an unlimited session may touch. */
int	cmd_scope_client(const struct conn *, const char *client);
/* Refuses request REQ on WHAT ID (forbidden), logged with who asked:
 * -1 with the error set. */
int	cmd_scope_refuse(const char *req, struct cmd_ctx *, const char *what,
	    const char *id);

#endif
