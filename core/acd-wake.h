/* acd-wake.h: asks for a routing pass. Anything that frees an agent or
 * queues a call calls acd_dispatch(); the pass itself (the ACD's, then the
 * campaigns') is registered once at start (hooks.c), so the modules that
 * wake it sit below the ACD. */
#ifndef CZ_ACD_WAKE_H
#define CZ_ACD_WAKE_H

/* A pass runs soon, once however often it was asked for meanwhile. */
void	acd_dispatch(void);
void	acd_wake_set(void (*pass)(void));

#endif
