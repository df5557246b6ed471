/* erlang.c: Erlang B by its stable recurrence (and the channels for a
 * grade of service), Erlang C from it, and the
 * service level and average speed of answer of an M/M/N queue. */
#include <math.h>
#include "erlang.h"

double
erlang_b(int n, double a)
{
	double b = 1.0;

	for (int k = 1; k <= n; k++)
		b = a * b / (k + a * b);
	return b;
}

int
erlang_b_channels(double a, double gos)
{
	double b = 1.0;

	for (int k = 1; k <= 10000; k++)
		if ((b = a * b / (k + a * b)) <= gos)
			return k;
	return -1;
}

double
erlang_c(int n, double a)
{
	double b;

	if (a >= n)
		return 1.0;
	b = erlang_b(n, a);
	return n * b / (n - a * (1 - b));
}

double
erlang_sl(int n, double a, double aht_s, double t_s)
{
	if (a >= n)
		return 0.0;
	return 1.0 - erlang_c(n, a) * exp(-(n - a) * t_s / aht_s);
}

double
erlang_asa(int n, double a, double aht_s)
{
	if (a >= n)
		return INFINITY;
	return erlang_c(n, a) * aht_s / (n - a);
}

int
erlang_agents_for(double a, double aht_s, double t_s, double goal)
{
	for (int n = (int)ceil(a) + (a == ceil(a)); n <= 10000; n++)
		if (erlang_sl(n, a, aht_s, t_s) >= goal)
			return n;
	return -1;
}

/* States j = callers in the system. Up to n: pi_j ~ a^j / j!; above n,
 * each step divides by n agents' service plus (j - n) impatient callers.
 * Summed in one pass, normalised at the end; the tail is cut where its
 * terms no longer change the sums. */
void
erlang_a(int n, double rate_per_s, double aht_s, double patience_s,
    double *p_wait, double *p_abandon)
{
	double mu = 1 / aht_s, theta = 1 / patience_s, pi = 1, total = 1;
	double waiting = 0, abandon_rate = 0;

	for (int j = 1; j <= n; j++) {
		pi *= rate_per_s / (j * mu);
		total += pi;
	}
	waiting = pi;		/* j = n: an arrival must wait */
	for (int k = 1; k < 1000000; k++) {
		pi *= rate_per_s / (n * mu + k * theta);
		total += pi;
		waiting += pi;
		abandon_rate += k * theta * pi;
		if (pi < 1e-16 * total)
			break;
	}
	*p_wait = waiting / total;
	*p_abandon = abandon_rate / total / rate_per_s;
}
