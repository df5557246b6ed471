/* transfer.h: a call changing hands. An agent's manual dial; blind
 * transfers to a queue, an agent or an outside number (also an IVR's
 * transfer:NUMBER); consultations with an outside number or another agent
 * while the caller holds, ended by completing the transfer, cancelling,
 * or joining all three in a conference. An outside party is an endpoint
 * (endpoint_dial, leg.h) joined to the caller's bridge. */
#ifndef CZ_TRANSFER_H
#define CZ_TRANSFER_H

struct call;
struct agent;
struct queue;

enum transfer_state {
	XFER_NONE,
	XFER_RINGING,		/* the outside party rings */
	XFER_TRANSFERRED,	/* blind to a number: the caller and them */
	XFER_CONSULT,		/* the caller holds; agent and party talk */
	XFER_CONFERENCE		/* all of them hear each other */
};

/* 0, or -1 with why (a message for the agent). */
int	transfer_to_queue(struct call *, struct agent *, struct queue *,
	    char *why, size_t len);
int	transfer_to_agent(struct call *, struct agent *from, struct agent *to,
	    char *why, size_t len);
/* FROM NULL: the IVR sends the caller out (transfer:NUMBER). */
int	transfer_to_number(struct call *, struct agent *from,
	    const char *number, char *why, size_t len);
int	transfer_consult_number(struct call *, struct agent *,
	    const char *number, char *why, size_t len);
int	transfer_consult_agent(struct call *, struct agent *, struct agent *to,
	    char *why, size_t len);
int	transfer_complete(struct call *, struct agent *, char *why, size_t len);
int	transfer_cancel(struct call *, struct agent *, char *why, size_t len);
int	transfer_conference(struct call *, struct agent *, char *why,
	    size_t len);
/* A consulted agent logs out: they leave; the first agent gets the
 * caller back. */
void	transfer_agent_gone(struct call *, struct agent *);
/* An agent's manual call: the agent is on it from the first ring. */
struct call *transfer_dial(struct agent *, const char *number, const char *cli,
	    const char *queue, char *why, size_t len);
/* call.c: a call an agent placed was answered. */
void	transfer_dial_answered(struct call *);

#endif
