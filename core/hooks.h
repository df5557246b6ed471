/* hooks.h: the upward hooks, registered once at start (hooks.c). */
#ifndef CZ_HOOKS_H
#define CZ_HOOKS_H

/* Before any span opens or any call is made. */
void	hooks_init(void);

#endif
