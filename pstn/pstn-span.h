/* pstn-span.h: the network side of one virtual E1 or T1 span
 * (docs/vspan.md). */
#ifndef CZ_PSTN_SPAN_H
#define CZ_PSTN_SPAN_H

#include <stdint.h>
#include <event2/event.h>
#include <libpri.h>

#define PSTN_SPAN_TS		32	/* channel table: 0-31 */
#define PSTN_SPAN_NOCHAN	8	/* SETUPs naming no channel at once */
#define PSTN_SPAN_SAMPLES	160
#define PSTN_SPAN_BLOCK		(PSTN_SPAN_TS * PSTN_SPAN_SAMPLES) /* E1 */
#define PSTN_SPAN_T1_BLOCK	(24 * PSTN_SPAN_SAMPLES)	/* 3840 */

enum pstn_span_state {
	SPAN_DOWN,		/* no sockets */
	SPAN_CONNECTING,	/* trying to connect */
	SPAN_L1,		/* both sockets connected, clock running */
	SPAN_L2			/* and the D channel is up */
};

/* Who ended layer 1, or a call. */
enum pstn_by { BY_PSTN, BY_CORE };

struct pstn_call;

struct pstn_span {
	char			*name;
	int			 t1;		/* T1: 1-23, mu-law, NI2 */
	enum pstn_span_state	 state;
	int			 fd_d, fd_b;
	struct pri		*pri;		/* NULL while down; never reused */
	struct event		*ev_d, *ev_b, *ev_pri, *ev_clock;
	struct event		*ev_retry, *ev_deadline;
	int			 connect_errno;
	uint64_t		 next_tick_us;
	struct pstn_call	*chan[PSTN_SPAN_TS];
	struct pstn_call	*nochan[PSTN_SPAN_NOCHAN]; /* --overflow's */
	int			 restart_ch;	/* RESTART sent, no ACK yet */
};

struct pstn_span	*pstn_span_add(const char *name, int t1);
/* A B-channel of the span: E1 1-15, 17-31; T1 1-23. */
int			 pstn_span_chan_valid(const struct pstn_span *, int ch);
struct pstn_span	*pstn_span_at(int i);
int			 pstn_span_count(void);
int			 pstn_span_all_up(void);
void			 pstn_span_connect(struct pstn_span *);
void			 pstn_span_cut(struct pstn_span *, enum pstn_by);
void			 pstn_span_schedule(struct pstn_span *);
int			 pstn_span_free_channel(struct pstn_span *);
int			 pstn_span_busy(const struct pstn_span *);

#endif
