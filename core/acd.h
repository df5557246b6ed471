/* acd.h: automatic call distribution: offers waiting calls to agents. Runs
 * only when something happens (a call queues, an agent gets ready, an offer
 * ends): never on a timer that checks. */
#ifndef CZ_ACD_H
#define CZ_ACD_H

struct call;
struct agent;

/* One routing pass over what is due (the pass acd-wake.c runs). */
void	acd_run(void);
void	acd_accept(struct agent *, struct call *);
void	acd_reject(struct agent *, struct call *);
/* Withdraws an offer from every agent it rings (caller hung up...). */
void	acd_cancel_offer(struct call *, const char *reason);
/* Withdraws it from one agent (logged out); others keep ringing. */
void	acd_withdraw(struct call *, struct agent *, const char *reason);

#endif
