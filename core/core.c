/* core.c: the core's global state (core.h): the event loop, the
 * configuration in force, the database. Filled in by core-main.c at start;
 * every layer reads it, so it stands below them all. */
#include "core.h"

struct core core;
