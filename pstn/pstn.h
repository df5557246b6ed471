/* pstn.h: the telco simulator's shared state: options, spans (the network
 * side of virtual E1 spans, docs/vspan.md) and the calls on them. */
#ifndef CZ_PSTN_H
#define CZ_PSTN_H

#include <stdint.h>
#include <event2/event.h>
#include <libpri.h>
#include <spandsp.h>

#define PSTN_TS		32
#define PSTN_SAMPLES	160
#define PSTN_BLOCK	(PSTN_TS * PSTN_SAMPLES)

enum pstn_hold { HOLD_FIXED, HOLD_UNIFORM, HOLD_EXP, HOLD_NEVER };

struct pstn_rule {
	char	*prefix;
	char	*action;	/* answer, busy, noanswer, unallocated, congestion */
	double	 arg;		/* answer delay, s */
};

struct pstn_opts {
	char		*run_dir;
	char	       **spans;
	int		 nspans;
	int		 calls, concurrent;
	double		 rate;		/* calls per second; 0 = at once */
	const char	*cli;
	char	       **dnis;
	int		 ndnis;
	enum pstn_hold	 hold;
	double		 hold_a, hold_b;
	unsigned	 seed;
	const char	*dtmf;
	double		 dtmf_delay;
	struct pstn_rule *rules;
	int		 nrules;
	double		 cut_after, reconnect_after, duration, restart_after;
	int		 connect_timeout;
	FILE		*log;
	int		 quiet;
};

struct pstn_span;

struct pstn_call {
	int			 seq;
	int			 out;		/* the core called us */
	struct pstn_span	*span;
	int			 ch;
	q931_call		*c;		/* libpri's, until released */
	char			 cli[64], dnis[64];
	const struct pstn_rule	*rule;
	uint64_t		 setup_us, alert_us, connect_us, end_us;
	int			 ended;		/* line printed */
	int			 cause;
	const char		*cleared_by;
	const char		*result;
	int			 rx_audio;	/* 20 ms blocks with audio */
	double			 phase;
	dtmf_tx_state_t		*dtmf;
	struct event		*timer;		/* answer delay, hold, DTMF */
	int			 timer_what;
};

struct pstn_span {
	char			*name;
	int			 fd_d, fd_b;
	struct pri		*pri;
	struct event		*ev_d, *ev_b, *pri_timer, *clock;
	struct pstn_call	*chan[PSTN_TS];
	int			 up;		/* both sockets connected */
	int			 l2_up;
	int			 restart_ch;	/* RESTART sent, awaiting ACK */
	uint64_t		 next_tick;
};

struct pstn_stats {
	int	placed, received, answered, busy, unallocated, rejected, link;
	int	other, by_core, by_pstn, active;
	uint64_t blocks_tx, blocks_rx, blocks_bad, blocks_dropped;
	double	*connect_ms;
	int	 nconnect;
};

extern struct pstn_opts		 opts;
extern struct pstn_stats	 stats;
extern struct event_base	*base;
extern struct pstn_span		*spans;
extern int			 nspans;

/* pstn-span.c */
int	pspan_connect(struct pstn_span *);
void	pspan_cut(struct pstn_span *, const char *why);
void	pspan_schedule(struct pstn_span *);
int	pspan_free_channel(struct pstn_span *);
int	pspan_all_up(void);

/* pstn-call.c */
void	pcall_event(struct pstn_span *, pri_event *);
int	pcall_place(void);
void	pcall_end(struct pstn_call *, int cause, const char *by, const char *result);
void	pcall_hangup(struct pstn_call *, int cause);
void	pcall_audio_out(struct pstn_call *, uint8_t *out);
void	pcall_audio_in(struct pstn_call *, const uint8_t *in);
void	pcall_release_chan(struct pstn_span *, int ch);
int	pcall_restart_one(void);

/* pstn-main.c */
void	pstn_check_done(void);
void	pstn_l2_up(void);

#endif
