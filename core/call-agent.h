/* call-agent.h: the agent's part in a call (call-agent.c, the routing
 * layer above call.c). */
#ifndef CZ_CALL_AGENT_H
#define CZ_CALL_AGENT_H

#include <jansson.h>

struct agent;
struct call;

/* The call's agent and the caller talk from now on: the agent's count,
 * a contact for the customer's history, call_connected with the screen
 * pop (and EXTRA's members; stolen) to the console, the recording
 * policy. */
void	call_agent_talks(struct call *, json_t *extra);
/* The agent's part in the call ends (hang-up, transfer): call_ended to
 * its console, its headset leaves, wrap-up or ready. */
void	call_agent_leaves(struct call *, struct agent *, int cause,
	    const char *cleared_by);
/* The call ends: an offer is withdrawn, its agents leave, its queue lets
 * it go (counted abandoned if it was waiting). */
void	call_agent_release(struct call *, int cause, const char *cleared_by);

#endif
