/* player.c: prompt lists into frames (player.h). A prompt that is missing
 * plays as nothing: prompt_get() has already said so in the log. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "player.h"
#include "prompt.h"
#include "xmalloc.h"

void
player_stop(struct player *p)
{
	for (int i = 0; i < p->n; i++)
		free(p->names[i]);
	p->n = p->i = 0;
	p->pos = 0;
	p->cur = NULL;
}

void
player_start(struct player *p, const char *const *names, int n,
    const char *lang, int loop)
{
	player_stop(p);
	for (int i = 0; i < n && i < PLAYER_MAX; i++)
		p->names[p->n++] = xstrdup(names[i]);
	snprintf(p->lang, sizeof p->lang, "%s", lang != NULL ? lang : "");
	p->loop = loop;
	p->gen = prompt_generation() - 1;	/* resolve on the first frame */
}

int
player_active(const struct player *p)
{
	return p->i < p->n;
}

static const struct prompt *
player_current(struct player *p)
{
	if (p->gen != prompt_generation()) {
		p->cur = prompt_get(p->names[p->i], p->lang);
		p->gen = prompt_generation();
	}
	return p->cur;
}

static void
player_next(struct player *p)
{
	p->pos = 0;
	p->gen = prompt_generation() - 1;
	if (++p->i == p->n && p->loop)
		p->i = 0;
}

int
player_fill(struct player *p, int16_t *out, int n)
{
	int done = 0, guard = 0;

	while (done < n && p->i < p->n && guard++ <= p->n) {
		const struct prompt	*pr = player_current(p);
		size_t			 left, take;

		if (pr == NULL || p->pos >= pr->samples) {
			player_next(p);
			continue;
		}
		guard = 0;
		left = pr->samples - p->pos;
		take = left < (size_t)(n - done) ? left : (size_t)(n - done);
		memcpy(out + done, pr->pcm + p->pos, take * sizeof *out);
		done += (int)take;
		p->pos += take;
		if (p->pos == pr->samples)
			player_next(p);
	}
	memset(out + done, 0, (n - done) * sizeof *out);
	return p->i < p->n;
}
