/* pacing.h: how many outbound calls a campaign's dialer places now
 * (docs/DIALER.md "Pacing and the rules"). Pure: no I/O, no clock, no
 * globals; the caller owns every structure and passes the time in. */
#ifndef CZ_PACING_H
#define CZ_PACING_H

#include <stdint.h>

enum pacing_mode { PACING_PROGRESSIVE, PACING_PREDICTIVE };

/* Abandoned calls over live answers in a rolling window, kept in
 * buckets: the window moves a bucket at a time. */
#define PACING_BUCKETS 720
struct pacing_window {
	int64_t		 bucket_s;	/* seconds per bucket */
	int		 nbuckets;
	int64_t		 last;		/* bucket number written last */
	uint32_t	 live[PACING_BUCKETS], abandoned[PACING_BUCKETS];
	uint64_t	 sum_live, sum_abandoned;
};

/* Both windows the rules name: 24 h (Ofcom) and 30 days (US TSR). */
struct pacing_abandons {
	struct pacing_window	day, month;
};

/* The answer rate, live answers over dials, recent dials weighing most. */
struct pacing_answer {
	double	dials, live;
};

/* A busy agent: talking or in wrap-up, for ELAPSED_S seconds. */
enum pacing_phase { PACING_TALK, PACING_WRAP };
struct pacing_agent {
	enum pacing_phase	phase;
	double			elapsed_s;
};

/* The campaign's measured state at the moment of a decision. */
struct pacing_state {
	enum pacing_mode		 mode;
	int				 free;		/* ready, no call */
	const struct pacing_agent	*busy;		/* talking or wrap-up */
	int				 nbusy;
	int				 ringing;	/* our calls not answered yet */
	double				 talk_s, wrap_s;	/* mean estimates */
	double				 answer_s;	/* mean dial to live answer */
	const struct pacing_answer	*answer;
	double				 rate_24h, rate_30d;	/* abandons */
	uint64_t			 live_24h, live_30d;	/* over these */
	double				 cap;		/* e.g. 0.03 */
	int				 lines;		/* free channels, -1 = any */
};

/* Why a decision came out as it did, for logs and `why` requests. */
struct pacing_why {
	enum pacing_mode	mode;		/* used: predictive may fall back */
	double			p;		/* answer rate used */
	double			agents;		/* free and soon free */
	double			z;		/* safety margin, std devs */
};

void	pacing_abandons_init(struct pacing_abandons *);
/* A live answer at NOW (seconds), ABANDONED when no agent had it in 2 s. */
void	pacing_abandons_add(struct pacing_abandons *, int64_t now, int abandoned);
double	pacing_window_rate(struct pacing_window *, int64_t now);
uint64_t pacing_window_live(struct pacing_window *, int64_t now);

/* One dial's outcome: LIVE when a person answered. */
void	pacing_answer_add(struct pacing_answer *, int live);
double	pacing_answer_rate(const struct pacing_answer *);

/* The rules' other limits (docs/DIALER.md): an unanswered call rings at
 * least 15 s, whatever the campaign asks; a number whose call was
 * abandoned is not called again within 72 h unless an agent is kept free
 * for it (a progressive call). */
#define PACING_MIN_RING_S	15
#define PACING_NO_REPEAT_S	(72 * 3600)
int	pacing_ring_limit(int configured_s);
int	pacing_may_redial(int64_t abandoned_at, int64_t now, int agent_kept);

/* Calls to place now (>= 0). WHY may be NULL. */
int	pacing_decide(const struct pacing_state *, struct pacing_why *why);
const char *pacing_mode_name(enum pacing_mode);
int	pacing_mode_parse(const char *, enum pacing_mode *);

#endif
