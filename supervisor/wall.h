/* wall.h: the wallboard (wall.c), drawn from the model. */
#ifndef CZ_SUP_WALL_H
#define CZ_SUP_WALL_H

#include "sup.h"

void	wall_draw(const struct sup *, uint64_t now);

#endif
