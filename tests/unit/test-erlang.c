/* test-erlang.c: Erlang B (lib/erlang.c) against the values of the
 * published Erlang B tables (traffic in erlangs that n channels carry at a
 * grade of service; e.g. ITU-T E.800-series handbooks, Teletraffic
 * Engineering Handbook, table of B(n, A)), and against the exact formula
 * A^n/n! / sum(A^k/k!) for small n. */
#include <math.h>
#include "erlang.h"
#include "tap.h"

static const struct {
	int	n;
	double	a, gos;		/* the table: n channels carry a at gos */
} table[] = {
	{ 1, 0.0101, 0.01 }, { 2, 0.153, 0.01 }, { 5, 1.361, 0.01 },
	{ 10, 4.461, 0.01 }, { 10, 5.084, 0.02 }, { 30, 20.337, 0.01 },
	{ 30, 21.932, 0.02 }, { 30, 24.802, 0.05 }, { 60, 46.95, 0.01 },
	{ 60, 49.64, 0.02 }, { 100, 84.06, 0.01 },
};

int
main(void)
{
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
		double b = erlang_b(table[i].n, table[i].a);

		/* tables give 3-4 digits: within 1% of the stated grade */
		ok(fabs(b - table[i].gos) < table[i].gos * 0.01,
		    "B(%d, %g) = %.5f, table %.2f", table[i].n, table[i].a, b,
		    table[i].gos);
	}
	/* exact: B(1, 1) = 1/2; B(2, 1) = (1/2) / (1 + 1 + 1/2) = 0.2;
	 * B(3, 2) = (8/6) / (1 + 2 + 2 + 8/6) = 4/19 */
	ok(fabs(erlang_b(1, 1) - 0.5) < 1e-12, "B(1, 1) = 1/2");
	ok(fabs(erlang_b(2, 1) - 0.2) < 1e-12, "B(2, 1) = 1/5");
	ok(fabs(erlang_b(3, 2) - 4.0 / 19) < 1e-12, "B(3, 2) = 4/19");
	ok(erlang_b(30, 0) == 0, "no traffic, no blocking");
	ok(erlang_b(0, 5) == 1, "no channels: every call blocked");
	/* the inverse: 20 erlangs at 1% need 30 channels (B(29, 20) = 1.28%,
	 * B(30, 20) = 0.85%); 46.9 at 1% need 60 (B(59) = 1.27%, B(60) = 0.99%) */
	ok(erlang_b_channels(20.0, 0.01) == 30, "20 E at 1%%: %d channels",
	    erlang_b_channels(20.0, 0.01));
	ok(erlang_b_channels(46.9, 0.01) == 60, "46.9 E at 1%%: %d channels",
	    erlang_b_channels(46.9, 0.01));
	return tap_done();
}
