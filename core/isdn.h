/* isdn.h: Q.931 through libpri for one span: events in, call control out. */
#ifndef CZ_ISDN_H
#define CZ_ISDN_H

struct span;
struct call;

/* What span.c calls on layer 1 up, layer 1 lost and a readable
 * D-channel (struct span_dchan; registered by hooks.c). */
extern const struct span_dchan isdn_stack;
/* Call control on a span's channel: each is safe when libpri's record is
 * gone. Our call records (struct call) are opaque here: only kept as the
 * channel's owner (span_chan_set) and handed back through span_hooks. */
void	isdn_answer(struct span *, int ch);
/* We clear CALL on channel CH: it stops owning the channel. */
void	isdn_hangup_call(struct span *, int ch, struct call *, int cause);
/* Sends SETUP to DNIS for the outbound CALL on a free channel of the
 * span, presenting CLI ("" = the span's caller_id). Returns the channel,
 * or -1 when the span cannot take it (down, full, stopping). */
int	isdn_dial(struct span *, struct call *, const char *dnis,
	    const char *cli);

#endif
