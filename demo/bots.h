/* bots.h: scripted agents, used by `centrala demo` and tests/agentbot.
 * Each bot is a real client of the core's socket: it logs in as an agent,
 * goes ready, answers each offer after a delay (or rejects some), hangs up
 * after a talk time (or lets the caller hang up), and is ready again after
 * the call. A campaign's call placed for it (call_progress) is talked to
 * the same way once answered, then given one of the campaign's
 * dispositions at random. All of them run on the caller's libevent loop. */
#ifndef CZ_BOTS_H
#define CZ_BOTS_H

#include <stddef.h>
#include <event2/event.h>

struct bots_opts {
	const char	*socket_path;
	char	       **agents;	/* agent ids */
	int		 nagents;
	const char	*pin;
	int		 accept_delay_ms;
	double		 talk_s;	/* 0: wait for the caller to hang up */
	int		 talk_exp;	/* talk time exponential with mean talk_s */
	double		 reject_p;	/* probability of rejecting an offer */
	unsigned	 seed;
	/* After a call: 1 to be ready again (once the core's wrap-up, if
	 * any, is over), 0 to stay as the core leaves the agent. */
	int		 ready_after_call;
	/* >= 0: this long after a call, a bot still in wrap-up ends it (or,
	 * not ready, asks to be ready); -1: the core's wrap-up runs out. */
	int		 wrap_ms;
	int		 reconnect;	/* come back each second if the core goes */
	int		 verbose;	/* also a line per message sent/received */
	/* A line per event handled ("bot 1001 offer c12"), no newline. */
	void		(*line_cb)(void *arg, const char *line);
	/* A bot gave up: its login was refused, or it was replaced. */
	void		(*fail_cb)(void *arg, const char *agent, const char *why);
	void		*cb_arg;
};

struct bots_stats {
	unsigned	offers, accepted, rejected, connected, ended, logins;
	unsigned	dialed, dispositions;	/* campaign calls */
};

struct bots;

/* Connects every bot; hello and login go on from the loop. NULL with err
 * if a connection fails. */
struct bots	*bots_start(struct event_base *, const struct bots_opts *,
		    char *err, size_t errlen);
void		 bots_stats(const struct bots *, struct bots_stats *);
/* n of the bots, spread over the list, go on a break (not ready, reason
 * break) as soon as they have no call, the others come back: waves of
 * staffing. */
void		 bots_set_away(struct bots *, int n);
void		 bots_free(struct bots *);
/* Parses "1001-1030,1040" into ids; -1 on a bad list. */
int		 bots_parse_agents(const char *, char ***ids, int *n);
void		 bots_free_agents(char **ids, int n);

#endif
