/* agent.h: agents and their states, as the field names them. */
#ifndef CZ_AGENT_H
#define CZ_AGENT_H

#include <stdint.h>
#include "config.h"
#include "skill.h"
#include <jansson.h>

struct conn;
struct call;
struct queue;

enum agent_state {
	AGENT_LOGGED_OUT,
	AGENT_NOT_READY,
	AGENT_READY,
	AGENT_RINGING,		/* an offer is on the agent's screen */
	AGENT_ON_CALL,
	AGENT_WRAP_UP
};

/* What happens when the agent's current call (and wrap-up) ends. */
enum agent_after {
	AFTER_DEFAULT,		/* wrap-up per queue, then ready */
	AFTER_READY,		/* skip wrap-up: ready at once */
	AFTER_NOT_READY,	/* not ready (with after_reason) */
	AFTER_LOGOUT		/* log out */
};

struct agent {
	char			*id;
	char			*name;
	const struct cfg_agent	*cfg;		/* re-pointed on reload */
	int			 removed;
	enum agent_state	 state;
	char			*reason;	/* not-ready reason */
	struct conn		*conn;		/* its console, if connected */
	struct call		*call;		/* offered or connected call */
	struct endpoint		*ep;		/* the seat's headset, if any */
	uint64_t		 idle_since;	/* mono us: became ready */
	uint64_t		 state_since;	/* mono us: state entered (0: start) */
	unsigned		 calls;		/* answered since login */
	int64_t			 talk_ms;	/* talk time since login */
	int			 order;		/* position in the config */
	int			 slot;		/* creation order, never reused */
	struct skillset		 skills;
	uint64_t		 active;	/* bit i: in cfg->queues[i] now */
	int			 leaving;	/* logging out: no state but logged out */
	struct event		*wrap_timer;
	uint64_t		 wrap_end;	/* mono us */
	enum agent_after	 after;
	char			*after_reason;
	char			 disp_call[24];	/* wrap-up waits for its disposition */
	char			 disp_queue[64];	/* ... from this queue's codes */
	struct event		*grace_timer;	/* console gone mid-call: logout */
	int			 help;		/* asked a supervisor for help */
	char			*help_text;	/* what about ("" none) */
	struct agent		*next;
};

extern struct agent *agents;

/* What the layers above keep in step with an agent, registered once at
 * start (hooks.c): agent.c calls nothing above itself. */
struct agent_hooks {
	void	(*indexed)(struct agent *);	/* state, call or queues changed */
	void	(*stale)(void);			/* the set of agents changed */
	/* It logs out: an offer ringing it is withdrawn, a consultation it
	 * was asked into ends. */
	void	(*withdraw)(struct call *, struct agent *, const char *reason);
	void	(*consult_gone)(struct call *, struct agent *);
	/* It left state OLD for NEW after SECONDS in OLD (the dialer
	 * measures wrap-up times from this). May be NULL. */
	void	(*left)(struct agent *, enum agent_state old,
		    enum agent_state new_state, double seconds);
};
void		 agent_set_hooks(const struct agent_hooks *);

void		 agent_sync(const struct config *);
void		 agent_free_all(void);
struct agent	*agent_find(const char *id);
int		 agent_in_queue(const struct agent *, const char *queue);
void		 agent_set_state(struct agent *, enum agent_state, const char *reason);
/* The call offered to or handled by the agent (NULL: none). */
void		 agent_set_call(struct agent *, struct call *);
const char	*agent_state_name(enum agent_state);
void		 agent_login(struct agent *, struct conn *);
void		 agent_logout(struct agent *, const char *why);
/* The agent's console went away without logging out. On a call or in
 * wrap-up the agent stays for [core] agent_grace seconds (the call goes
 * on; logging in again picks it up); otherwise it is logged out now. */
void		 agent_disconnected(struct agent *);
/* A disposition arrived for CALL: wrap-up may end. */
void		 agent_disposition_given(struct agent *, const char *call);
/* Seconds of wrap-up left; -1 while it waits for a disposition. */
int		 agent_wrapup_left_s(const struct agent *);
/* The agent's call ended: WRAPUP seconds of wrap-up (its queue's), or
 * straight back to ready. */
void		 agent_call_done(struct agent *, int wrapup);
/* Ends wrap-up now (or when its timer fires): the pending after-call
 * action, else ready. */
void		 agent_wrap_done(struct agent *);
void		 agent_wrap_extend(struct agent *, int seconds);
void		 agent_set_after(struct agent *, enum agent_after, const char *reason);
/* Sets the queues the agent takes calls from now: a comma-separated subset
 * of its configured queues ("" = all). -1 with why on a bad list. */
int		 agent_set_queues(struct agent *, const char *csv, char *why, size_t len);
json_t		*agent_queues_json(const struct agent *);

/* setters: owned fields of struct agent (agent.c writes them; the others
 * ask). */
/* TEXT: what the agent needs help with (NULL: nothing said). */
void	agent_set_help(struct agent *, int on, const char *text);
void	agent_set_talked(struct agent *, int64_t ms);	/* adds to talk time */
void	agent_set_answered(struct agent *);		/* one more call */
void	agent_set_all_queues(struct agent *);	/* active in all its queues */
/* Wrap-up waits for a disposition of CALL from QUEUE's codes. */
void	agent_set_disposition_due(struct agent *, const char *call,
	    const char *queue);

#endif
