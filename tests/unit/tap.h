/* tap.h: the smallest TAP producer for unit tests (automake reads the exit
 * status; the TAP lines say which check failed). */
#ifndef CZ_TAP_H
#define CZ_TAP_H
#include <stdio.h>
#include <stdlib.h>

static int tap_n, tap_failed;

#define ok(cond, ...) do {						\
	int tap_ok_ = (cond) ? 1 : 0;					\
	tap_n++;							\
	if (tap_ok_)							\
		printf("ok %d - ", tap_n);				\
	else {								\
		printf("not ok %d - ", tap_n);				\
		tap_failed++;						\
	}								\
	printf(__VA_ARGS__);						\
	printf("%s\n", tap_ok_ ? "" : "   <-- " #cond " @" __FILE__);	\
} while (0)

#define tap_done() (printf("1..%d\n", tap_n), tap_failed ? 1 : 0)
#endif
