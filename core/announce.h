/* announce.h: telling a waiting caller their place in line and estimated
 * wait, every `announce` seconds of the queue's config, spoken over the
 * waiting sound from the number prompts. */
#ifndef CZ_ANNOUNCE_H
#define CZ_ANNOUNCE_H

struct call;

void	announce_start(struct call *);	/* the call joined a queue */
void	announce_stop(struct call *);	/* it left, or ended */
/* The prompt names that say position POS and wait EWT_S (-1: unknown)
 * in LANG; returns how many (at most max). */
int	announce_names(int pos, int ewt_s, const char *lang, const char **names,
	    int max);

#endif
