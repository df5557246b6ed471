/* clock.h: the two clocks. Our timers use CLOCK_MONOTONIC; records use wall time. */
#ifndef CZ_CLOCK_H
#define CZ_CLOCK_H

#include <stdint.h>

uint64_t	clock_mono_us(void);	/* monotonic microseconds */
int64_t		clock_wall_ms(void);	/* Unix epoch milliseconds */

#endif
