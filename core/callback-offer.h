/* callback-offer.h: the caller's side of a callback: star pressed while
 * waiting in a queue that offers callbacks (or a callback:QUEUE action)
 * starts a short dialog: confirm the number they call from, or key in
 * another, then hang up keeping their place in line (callback.h). */
#ifndef CZ_CALLBACK_OFFER_H
#define CZ_CALLBACK_OFFER_H

struct call;

/* While the call waits in a queue with callback = yes, star starts the
 * dialog. */
void	cb_offer_listen(struct call *);
void	cb_offer_unlisten(struct call *);
/* The dialog for a callback from QUEUE. FROM_EXIT: the call was sent here
 * by an action, so declining ends the call; otherwise the caller goes
 * back to waiting. */
void	cb_offer_start(struct call *, const char *queue, int from_exit);
void	cb_offer_stop(struct call *);

#endif
