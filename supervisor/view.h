/* view.h: the live view (view.c): queues, campaigns and agents, drawn
 * from the model; the tables are rebuilt from it when it changed. */
#ifndef CZ_SUP_VIEW_H
#define CZ_SUP_VIEW_H

#include <stdint.h>
#include "sup.h"

void	view_init(struct sup *);
/* The tables' rows again from the model, if it changed (s->changed). */
void	view_update(struct sup *);
void	view_draw(struct sup *, uint64_t now);

#endif
