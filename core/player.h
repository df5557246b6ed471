/* player.h: plays a list of prompts (prompt.h) into 20 ms frames, once or
 * in a loop (music on hold). Holds names, not prompt pointers: a reload
 * that empties the prompt cache re-resolves them on the next frame. */
#ifndef CZ_PLAYER_H
#define CZ_PLAYER_H

#include <stddef.h>
#include <stdint.h>

#define PLAYER_MAX	24	/* prompts in one list */

struct prompt;

struct player {
	int			 n, i;		/* list length, now playing:
						 * first, read every frame */
	char			*names[PLAYER_MAX];
	size_t			 pos;		/* sample within names[i] */
	int			 loop;
	char			 lang[16];
	const struct prompt	*cur;		/* names[i] resolved */
	unsigned		 gen;		/* prompt cache generation of cur */
};

void	player_start(struct player *, const char *const *names, int n,
	    const char *lang, int loop);
void	player_stop(struct player *);
int	player_active(const struct player *);
/* Fills N samples (silence past the end). Returns 1 while playing, 0 once
 * the list has ended (a looping player never ends). */
int	player_fill(struct player *, int16_t *out, int n);

#endif
