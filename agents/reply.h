/* reply.h: what a reply to the console's request means (reply.c). */
#ifndef CZ_AGENT_REPLY_H
#define CZ_AGENT_REPLY_H

#include <jansson.h>
#include "console.h"

/* The reply r to the request p (session.c matched them). */
void	reply_handle(struct console *, const struct console_pending *p,
	    json_t *r);

#endif
