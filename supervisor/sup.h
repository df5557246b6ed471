/* sup.h: the supervisor console (`centrala supervisor`): what the core
 * said (the model: queues, agents, calls, spans; seeded by `status`, kept
 * by the pushed events), the link to the core, the live view, the
 * wallboard and the keys. One struct sup holds it all; each part writes
 * its own fields through the functions named here. */
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
	char		id[16], name[64], state[16], reason[32];
	char		call[32], call_queue[32], cli[32];
	char		queues[256];		/* "sales,support" */
	int		calls, connected, help;
	uint64_t	since;			/* mono us: state entered */
};

struct sup_call {
	char		id[32], state[16], queue[32], agent[16], cli[32];
	uint64_t	since;			/* mono us: seen waiting */
};

struct sup_span {
	char	name[16], l1[16], l2[16];
	int	channels, in_use;
};

enum sup_link { LINK_DOWN, LINK_OPEN, LINK_UP };

enum sup_req {
	SREQ_NONE, SREQ_HELLO, SREQ_LOGIN, SREQ_SUBSCRIBE, SREQ_STATUS,
	SREQ_ACT
};

struct sup_pending {
	int		id;
	enum sup_req	kind;
	char		what[96];
};

enum sup_screen { SCREEN_LIVE, SCREEN_WALL, SCREEN_HELP };
enum sup_focus { FOCUS_AGENTS, FOCUS_QUEUES };

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
	int			 seeded;
	/* the link (link.c) */
	struct cli		*cli;
	enum sup_link		 link;
	int			 was_up, retry_s, status_out, status_again;
	uint64_t		 retry_at;
	uint64_t		 status_at;	/* mono us: last status asked */
	struct sup_pending	 pending[SUP_PENDING];
	/* the screen (view.c, wall.c, keys.c) */
	enum sup_screen		 screen;
	enum sup_focus		 focus;
	struct tui_table	 qt, at;
	struct tui_dialog	 dlg;
	struct tui_status	 status;
	char			 filter_state[16];	/* "" all */
	char			 filter_queue[32];
	char			 target[16];		/* agent acted on */
	char			 wall_msg[128];
	int			 wall_page, red, quit, dirty;
	char			 exit_why[256];	/* printed after the screen */
	uint64_t		 wall_turn;
};

/* model.c */
void	model_seed(struct sup *, json_t *status);
void	model_event(struct sup *, json_t *ev);
void	model_clear(struct sup *);
struct sup_agent *model_agent(struct sup *, const char *id);
struct sup_queue *model_queue(struct sup *, const char *name);
void	model_recount(struct sup *);
int	model_longest_s(const struct sup *, const char *queue, uint64_t now);

/* link.c */
void	link_connect(struct sup *);
int	link_send(struct sup *, enum sup_req, const char *what, json_t *req);
void	link_read(struct sup *);
void	link_tick(struct sup *, uint64_t now);
int	link_timeout(const struct sup *, uint64_t now);
void	link_lost(struct sup *);

/* view.c */
void	view_init(struct sup *);
void	view_update(struct sup *);
void	view_draw(struct sup *);
void	view_say(struct sup *, int alert, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
int	view_agent_rows(void);
/* Columns of the queues table, for the wallboard's colours. */
enum { VQ_NAME, VQ_WAIT, VQ_LONGEST, VQ_SL, VQ_ANSWERED, VQ_ABANDONED,
	VQ_READY };
enum tui_color view_queue_color(const struct sup_queue *, int col);

/* thresholds of a queue's figures (view.c) */
enum tui_thresh_level sup_queue_level(const struct sup *,
	    const struct sup_queue *);

/* wall.c */
void	wall_draw(struct sup *);

/* keys.c */
void	keys_handle(struct sup *, const struct tui_key *);
void	keys_help_draw(struct sup *);
void	keys_bar_draw(struct sup *, int y, int w);

#endif
