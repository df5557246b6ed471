/* bots.h: scripted agents: each logs in over the real socket, goes ready,
 * answers offers after a delay (or rejects some), hangs up after a talk
 * time, and stays ready. Used by `centrala demo` and tests/agentbot. */
#ifndef CZ_BOTS_H
#define CZ_BOTS_H

#include <stdio.h>
#include <event2/event.h>

struct bots_opts {
	const char	*socket_path;
	char	       **agents;	/* agent ids */
	int		 nagents;
	const char	*pin;
	int		 accept_delay_ms;
	double		 talk_s;	/* 0 = wait for the caller to hang up */
	int		 talk_exp;	/* talk time exponential with mean talk_s */
	double		 reject_p;	/* probability of rejecting an offer */
	unsigned	 seed;
	FILE		*log;		/* a line per event handled, or NULL */
};

struct bots_stats {
	unsigned	offers, accepted, rejected, ended, logins;
};

struct bots;

/* Starts the bots on base: connects and logs each agent in (blocking), then
 * everything runs from the loop. NULL with err when a login fails. */
struct bots	*bots_start(struct event_base *, const struct bots_opts *,
		    char *err, size_t errlen);
void		 bots_stats(const struct bots *, struct bots_stats *);
int		 bots_connected(const struct bots *);
void		 bots_free(struct bots *);
/* Parses "1001-1030,1040" into ids; -1 on a bad list. */
int		 bots_parse_agents(const char *, char ***ids, int *n);

#endif
