/* ivr.h: voice menus ([menu NAME] in the config): prompts, DTMF choices,
 * digit collection into call variables, timeouts and retries. Choices and
 * digits are kept on the call (call->ivr_path, call->vars) for the CDR
 * and the agent's screen pop. */
#ifndef CZ_IVR_H
#define CZ_IVR_H

struct call;
struct action;

/* Where a choice leads (route.c's route_action, registered by hooks.c):
 * the menus sit below the routing they hand calls to. */
void	ivr_set_router(int (*route)(struct call *, const struct action *));

/* The call (answered) enters menu NAME. */
void	ivr_enter(struct call *, const char *name);
/* The call leaves the menus (routed on, or ending): timers off. */
void	ivr_stop(struct call *);
/* Sets a call variable (kept in the CDR and shown to the agent). */
void	ivr_set_var(struct call *, const char *name, const char *value);

#endif
