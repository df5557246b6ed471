/* event.h: the events the core pushes to an agent's console
 * (docs/protocol.md), applied to the console's state. */
#ifndef CZ_AGENT_EVENT_H
#define CZ_AGENT_EVENT_H

#include <jansson.h>
#include "console.h"

/* Unknown events are ignored. */
void	event_dispatch(struct console *, json_t *ev);

#endif
