/* sup.h: the supervisor console's model (`centrala supervisor`): what the
 * core said (queues, agents, calls, spans; seeded by `status`, kept by the
 * pushed events) and the console's own state (options, filters, the
 * screen's widgets). One struct sup holds it; each part writes its own
 * fields through its functions. The parts, each in its own header, in
 * layers: model.c (here) at the bottom; link.c (link.h) tells the model
 * what the core said; look.c (look.h) turns figures into levels and
 * colours; view.c and wall.c draw from the model; repscreen.c is the
 * report screen, repjob.c (repjob.h) runs its reports in a child; keys.c
 * turns keys into requests (link), filters (model) and the report
 * screen's choices; sup-main.c runs the loop over them.
 * Nothing calls upward: a part that changed the model sets s->changed and
 * the loop redraws. */
#ifndef CZ_SUP_H
#define CZ_SUP_H

#include <stdint.h>
#include <jansson.h>
#include "dialog.h"
#include "status.h"
#include "table.h"
#include "thresh.h"

#define SUP_QUEUES	128
#define SUP_AGENTS	1024
#define SUP_CALLS	1024
#define SUP_SPANS	32
#define SUP_PENDING	16
#define SUP_TEAMS	64
#define SUP_CAMPAIGNS	64

struct sup_queue {
	char	name[32];
	int	waiting, longest_s;	/* computed from the live calls */
	int	answered, abandoned;	/* today (status) */
	double	sl_pct;			/* today; < 0: none yet */
	double	sl_goal;		/* %: the queue's sl_percent */
	int	ready, on_call, wrap_up, not_ready;	/* computed */
	int	level;			/* tui_thresh_level, worst figure */
};

struct sup_agent {
	char		id[16], name[64], state[16], reason[32], team[32];
	char		call[32], call_queue[32], cli[32];
	char		queues[256];		/* "sales,support" */
	char		help_text[128];		/* asking for help: about what */
	int		calls_today, handled_s;	/* today, at seeded (status) */
	int		connected, help;
	uint64_t	since;			/* mono us: state entered */
	uint64_t	call_since;		/* mono us: its call's state */
	uint64_t	seeded;			/* mono us: status said so */
};

struct sup_call {
	char		id[32], state[16], queue[32], agent[16], cli[32];
	uint64_t	since;			/* mono us: seen waiting, or
						   its state entered */
};

struct sup_span {
	char	name[16], l1[16], l2[16];
	char	alarm[64];	/* why layer 1 is down, "" */
	int	channels, in_use;
};

/* A campaign as the `campaigns` reply has it, its state kept by the
 * campaign_state event; low: the core warned its records run low. */
struct sup_campaign {
	char	name[33], client[33], mode[16], state[16];
	int	target, successes;
	int	attempts, answered;	/* dialed (with a result), answered */
	int	records, open, done;	/* over its lists */
	int	low, low_left;
	/* Live answers and abandons today and in the last 24 h, the cap
	 * (percent); abandon: the core sent them. */
	int	abandon, live_today, ab_today, live_24h, ab_24h, cap_pct;
};

enum sup_link { LINK_DOWN, LINK_OPEN, LINK_UP };

enum sup_req {
	SREQ_NONE, SREQ_HELLO, SREQ_LOGIN, SREQ_SUBSCRIBE, SREQ_STATUS,
	SREQ_ACT, SREQ_CAMPAIGNS,
	SREQ_MONITOR,	/* an act; done: monitoring what[] */
	SREQ_REPORT	/* the report screen's (repjob.c) */
};

struct sup_pending {
	int		id;
	enum sup_req	kind;
	char		what[96];
	char		call[32];	/* SREQ_MONITOR: the call, "" stop */
};

enum sup_screen { SCREEN_LIVE, SCREEN_WALL, SCREEN_HELP, SCREEN_REPORT };

#define SUP_CLIENTS	64

/* The report screen (repscreen.c): the report chosen, its period and
 * filters, and the preview's text (the report's own output). */
enum sup_period { PERIOD_TODAY, PERIOD_YESTERDAY, PERIOD_WEEK,
	PERIOD_LAST_MONTH, PERIOD_DATES };
struct sup_report {
	int		 report;		/* report_name(i) */
	enum sup_period	 period;
	char		 from[11], to[11];	/* PERIOD_DATES: days, both in */
	char		 queue[32], agent[16], client[33];	/* "" all */
	int		 preview;		/* the preview is shown */
	char		*text;			/* the preview's text */
	char		**lines;
	int		 nlines, top;
	int		 save_csv;		/* the save asked: CSV, else text */
	int		 paged;			/* preview --text: pages, totals */
	int		 shown_paged;		/* the text shown is --text */
};
enum sup_focus { FOCUS_AGENTS, FOCUS_QUEUES, FOCUS_CAMPAIGNS };

struct sup {
	/* options */
	const char		*socket_path, *user, *pin;
	double			 sl_target, wait_warn_s, wait_alert_s;
	/* the model (model.c) */
	struct sup_queue	 q[SUP_QUEUES];
	int			 nq;
	struct sup_agent	 a[SUP_AGENTS];
	int			 na;
	struct sup_call		 c[SUP_CALLS];
	int			 nc;
	struct sup_span		 s[SUP_SPANS];
	int			 ns;
	struct sup_campaign	 cp[SUP_CAMPAIGNS];
	int			 ncp;
	int			 seeded;
	int			 changed;	/* the tables are to be rebuilt */
	/* the link (link.c) */
	struct cli		*cli;
	enum sup_link		 link;
	int			 was_up, retry_s, status_out, status_again;
	uint64_t		 retry_at;
	uint64_t		 status_at;	/* mono us: last status asked */
	int			 camps_out, camps_again;	/* `campaigns` */
	struct sup_pending	 pending[SUP_PENDING];
	char			 monitoring[32];	/* call listened to */
	/* the screen (view.c, wall.c, keys.c; look.c the figures' levels) */
	enum sup_screen		 screen;
	enum sup_focus		 focus;
	struct tui_table	 qt, at, ct;
	struct tui_dialog	 dlg;
	struct tui_status	 status;
	int			 agent_rows;	/* in view: view.c, for paging */
	int			 queue_rows;
	int			 camp_rows;
	char			 filter_state[16];	/* "" all */
	char			 filter_queue[32];
	char			 filter_team[32];
	char			 target[40];	/* agent, call or campaign acted on */
	char			 wall_msg[128];
	/* the session's clients (login): those it may report on */
	char			 clients[SUP_CLIENTS][33];
	int			 nclients, clients_limited;
	const char		*state_dir, *config;	/* for the reports */
	struct sup_report	 rep;
	int			 red, quit, dirty;
	char			 exit_why[256];	/* printed after the screen */
};

/* model.c */
void	model_seed(struct sup *, json_t *status);
void	model_event(struct sup *, json_t *ev);
/* The `campaigns` reply: the campaigns again, their warnings kept. */
void	model_campaigns(struct sup *, json_t *reply);
struct sup_campaign *model_campaign(struct sup *, const char *name);
/* The login reply: the session's clients. */
void	model_login(struct sup *, json_t *reply);
/* After events: the agents' calls and the queues' counts again. */
void	model_settle(struct sup *);
void	model_clear(struct sup *);
struct sup_agent *model_agent(struct sup *, const char *id);
struct sup_queue *model_queue(struct sup *, const char *name);
int	model_longest_s(const struct sup *, const char *queue, uint64_t now);
/* Whether the call waits in a queue (queued, or ringing agents). */
int	model_waiting(const struct sup_call *);
/* Whether agent a takes calls from queue q ("sales" in "sales,support"). */
int	model_in_queue(const struct sup_agent *, const char *q);
/* Today's average handle time of the agent up to now, as the core
 * counts it: talk and wrap-up per call handled (-1: none yet). */
int	model_aht_s(const struct sup_agent *, uint64_t now);
/* The teams of the agents, each once, in the order first seen. */
int	model_teams(const struct sup *, const char **out, int max);
/* A line for the status line (alert: red, longer). */
void	model_say(struct sup *, int alert, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));

#endif
