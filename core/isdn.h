/* isdn.h: Q.931 through libpri for one span: events in, call control out. */
#ifndef CZ_ISDN_H
#define CZ_ISDN_H

struct span;
struct call;

void	isdn_start(struct span *);	/* on layer 1 up */
void	isdn_l1_lost(struct span *);	/* drop every libpri call record */
void	isdn_poll(struct span *);	/* D-channel readable */
/* Call control: each is safe on a call whose libpri record is gone. */
void	isdn_answer(struct call *);
void	isdn_hangup_call(struct call *, int cause);
/* Sends SETUP for an outbound call on a free channel of the span,
 * presenting CLI ("" = the span's caller_id). Returns the channel, or -1
 * when the span cannot take it (down, full, stopping). */
int	isdn_dial(struct span *, struct call *, const char *cli);

#endif
