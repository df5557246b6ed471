/* span.h: a span is one E1 or T1 PRA port behind a driver (the virtual span now,
 * DAHDI later). The driver moves bytes; span.c keeps the channel table and
 * hands D-channel frames to isdn.c and B-channel blocks to media.c. */
#ifndef CZ_SPAN_H
#define CZ_SPAN_H

#include <stddef.h>
#include <stdint.h>
#include <jansson.h>
#include "config.h"
#include "tickstat.h"

#define SPAN_TIMESLOTS	32			/* channel table: 0-31 */
#define SPAN_SAMPLES	160			/* per timeslot per 20 ms */
#define SPAN_BLOCK	(SPAN_TIMESLOTS * SPAN_SAMPLES)	/* largest: E1 */
#define SPAN_ALAW_IDLE	0xD5

/* What an E1 and a T1 span differ in (vspan.md "T1 variant"): the wire's
 * block and where a channel's bytes are in it, the B-channels, the G.711
 * law the B-channels speak. One row each in span.c. */
struct span_kind {
	const char	*name;
	int		 block;		/* bytes per 20 ms block */
	int		 channels;	/* B-channels */
	int		 last;		/* highest B-channel number */
	int		 dchan;		/* its timeslot, never a B-channel */
	int		 first_ts;	/* timeslot at the block's start (0, 1) */
	int		 layer1;	/* libpri's PRI_LAYER_1_ALAW/ULAW */
	uint8_t		 idle;		/* silence in its law */
	void		(*decode)(const uint8_t *, int16_t *, int);
	void		(*encode)(const int16_t *, uint8_t *, int);
	int		 alaw;		/* its law is A-law: an A-law
					   recording takes its bytes */
};

struct span;
struct call;
struct pri;
struct q931_call;
struct event;

/* What a driver must provide. */
struct span_driver {
	const char	*name;
	int		(*open)(struct span *, char *err, size_t errlen);
	void		(*close)(struct span *);
	/* D-channel I/O for libpri: one frame per call (see vspan.md).
	 * d_send sends at once: span.c holds libpri's frames until the
	 * pass's rows are committed, then hands them over in order. */
	int		(*d_read)(struct span *, void *, int);
	void		(*d_send)(struct span *, const void *, size_t);
};
extern const struct span_driver span_driver_vspan;
extern const struct span_driver span_driver_dahdi;	/* if HAVE_DAHDI */

enum chan_state { CHAN_IDLE, CHAN_BUSY, CHAN_RELEASING };

struct span_chan {
	enum chan_state		 state;
	struct call		*call;		/* our call record (opaque), if any */
	struct q931_call	*pri_call;	/* libpri's record, until released */
	int			 out;		/* we sent the SETUP */
};

struct span {
	char			*name;
	struct cfg_span		 cfg;		/* copy: survives reloads */
	const struct span_kind	*kind;		/* E1 or T1, from cfg.type */
	const struct span_driver *driver;
	void			*drv;		/* driver's private state */
	int			 l1_up;
	char			 l1_why[128];	/* why layer 1 is down, "" */
	int			 l2_up;
	struct pri		*pri;
	struct event		*pri_timer;
	struct span_chan	 chan[SPAN_TIMESLOTS];
	uint64_t		 blocks_rx, blocks_tx, blocks_bad, blocks_dropped;
	uint64_t		 last_block_us;	/* mono, 0 = none since layer 1 up */
	struct tickstat		 gap;		/* between blocks from the network */
	struct tickstat		 work;		/* one media tick's processing */
	struct evbuffer		*d_held;	/* D frames: length, bytes */
	struct span		*held_next;	/* in span.c's list when listed */
	int			 held_listed;
	struct span		*next;
};

extern struct span *spans;

/* What the layers above do when the telephony has news, registered once at
 * start (hooks.c): span.c and isdn.c call nothing above the telephony
 * themselves, and never read a struct call (the channel's owner, opaque
 * here). Every one is set. */
struct span_hooks {
	/* SETUP in on channel CH of the span: the call record that owns it. */
	struct call *(*ring)(struct span *, int ch, const char *cli,
		    const char *dnis);
	/* A new inbound call: where it goes; 0, or the cause to refuse with. */
	int	(*route)(struct call *);
	/* The route refused the call with CAUSE (RELEASE COMPLETE sent): its
	 * record ends, saying why. */
	void	(*refused)(struct call *, int cause);
	/* The call ends; the telephony has signalled what it had to. */
	void	(*end)(struct call *, int cause, const char *cleared_by,
		    const char *reason);
	/* The core must clear the call (DISCONNECT out, then it ends). */
	void	(*hangup)(struct call *, int cause, const char *cleared_by,
		    const char *reason);
	/* Our outbound call: the network moved it to channel CH, the far
	 * end rings, it answered. */
	void	(*moved)(struct call *, int ch);
	void	(*alerting)(struct call *);
	void	(*answered)(struct call *);
	/* A keypad digit from the network during the call. */
	void	(*digit)(struct call *, int digit);
	/* A 20 ms block of every timeslot in (RX) and out (TX): the calls'
	 * audio (media.c). */
	void	(*block)(struct span *, const uint8_t *rx, uint8_t *tx);
	/* A span's layer 1 or 2 changed: watchers are told. */
	void	(*changed)(struct span *);
	/* A channel went idle: an orderly stop may be done. */
	void	(*idle)(void);
	/* An event for every watcher (an audio device failed, is back);
	 * steals EV. */
	void	(*tell)(json_t *ev);
	/* What a caller waiting in a queue hears (enum cfg_waiting), and
	 * the prompt played as music on hold: its queue's (media.c, in the
	 * calls layer, asks). */
	int	(*waiting_sound)(const struct call *);
	const char *(*moh)(const struct call *);
};
extern struct span_hooks span_hooks;
void		 span_set_hooks(const struct span_hooks *);

/* The D-channel's signalling stack above the channel table (isdn.c's
 * isdn_stack, registered by hooks.c): span.c tells it of layer 1 and of
 * a readable D-channel, and it drives the channels through span_chan_*. */
struct span_dchan {
	void	(*start)(struct span *);	/* layer 1 up */
	void	(*l1_lost)(struct span *);	/* drop every call record */
	void	(*poll)(struct span *);		/* D-channel readable */
};
void		 span_set_dchan(const struct span_dchan *);

int		 span_open_all(const struct config *, char *err, size_t errlen);
void		 span_close_all(void);
struct span	*span_find(const char *name);
/* The key of a reloaded span section that differs from what the running
 * span was opened with and needs a restart (type, switchtype, side,
 * driver, dahdi_span), or NULL. */
const char	*span_cfg_differs(const struct span *, const struct cfg_span *);
int		 span_channels(const struct span *);	/* B-channels */
int		 span_in_use(const struct span *);
/* A B-channel number of the span: E1 1-15, 17-31; T1 1-23. */
int		 span_chan_valid(const struct span *, int ch);
/* Where channel CH's 160 bytes are in the span's block. */
int		 span_chan_offset(const struct span *, int ch);
/* Called by drivers. */
void		 span_l1_up(struct span *);
void		 span_l1_down(struct span *, const char *why);
/* Layer 1 is still down, now for WHY (a card's alarms changed). */
void		 span_l1_still_down(struct span *, const char *why);
void		 span_d_readable(struct span *);
/* libpri's D frame out: held until the loop pass's rows are committed (a
 * Q.931 message never tells the network of a state the database could
 * lose), then sent by the driver; dropped if layer 1 goes first. */
int		 span_d_write(struct span *, const void *, int);
void		 span_set_l2(struct span *, int up);	/* D channel up or down */
void		 span_b_block(struct span *, const uint8_t *rx, uint8_t *tx);
/* A block of the wrong size came in; ours went out (OK) or was dropped. */
void		 span_block_bad(struct span *);
void		 span_block_sent(struct span *, int ok);
const char	*span_l1_name(const struct span *);

/* The channel table is written here only (isdn.c and call.c ask): a
 * channel's state, libpri's record and our call, set together. */
void		 span_chan_set(struct span_chan *, enum chan_state,
		    struct q931_call *, struct call *);
void		 span_chan_set_state(struct span_chan *, enum chan_state);
/* The channel's call is one we placed (after span_chan_set). */
void		 span_chan_set_out(struct span_chan *);
/* Forgets the channel's call (about to end) and returns it, or NULL. */
struct call	*span_chan_take_call(struct span_chan *);
/* The network moved a call from channel OLD to CH (CALL PROCEEDING). */
void		 span_chan_move(struct span *, int old, int ch);
/* libpri's state for the span: NULL when layer 1 is lost. */
void		 span_set_pri(struct span *, struct pri *, struct event *timer);
const char	*span_l2_name(const struct span *);

#endif
