/* erlang.h: Erlang B (lost calls: trunks), Erlang C (M/M/N, callers never
 * give up) and A: the queueing theory the simulator is checked against,
 * the staffing question, and the trunk report's "do we need another E1?".
 * Pure functions: no state, no I/O. */
#ifndef CZ_ERLANG_H
#define CZ_ERLANG_H

/* a = offered load in erlangs (arrival rate x mean handle time), n agents. */
/* Erlang B: the share of calls blocked when a erlangs are offered to n
 * channels (lost calls cleared). */
double	erlang_b(int n, double a);
/* The fewest channels whose blocking is at most gos (0-1); -1 if none up
 * to 10,000. */
int	erlang_b_channels(double a, double gos);
double	erlang_c(int n, double a);		/* probability of waiting */
double	erlang_sl(int n, double a, double aht_s, double t_s);	/* P(wait <= t) */
double	erlang_asa(int n, double a, double aht_s);		/* mean wait, s */
/* The fewest agents whose service level (answered within t_s) reaches
 * goal (0-1); -1 if none up to 10,000. */
int	erlang_agents_for(double a, double aht_s, double t_s, double goal);

/* Erlang A (M/M/N+M: callers give up after an exponential patience of
 * mean patience_s): probability of waiting and of abandoning, from the
 * birth-death chain's stationary distribution. */
void	erlang_a(int n, double rate_per_s, double aht_s, double patience_s,
	    double *p_wait, double *p_abandon);

#endif
