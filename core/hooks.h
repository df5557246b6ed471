/* hooks.h: the upward hooks, registered once at start (hooks.c). */
#ifndef CZ_HOOKS_H
#define CZ_HOOKS_H

/* Before any span opens or any call is made. IDLE is core-main's check
 * that an orderly stop is done, run when a call ends or a channel idles. */
void	hooks_init(void (*idle)(void));

#endif
