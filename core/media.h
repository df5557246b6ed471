/* media.h: the 20 ms media tick: what each timeslot sends. Ringback for
 * waiting callers now; bridging, prompts and recording come with media. */
#ifndef CZ_MEDIA_H
#define CZ_MEDIA_H

#include <stdint.h>

struct span;
struct call;

void	media_tick(struct span *, const uint8_t *rx, uint8_t *tx);
void	media_call_free(struct call *);

#endif
