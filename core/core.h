/* core.h: the one switching core's global state, owned by its event loop
 * (core.c), read by every layer. It includes no module's header: a file
 * that uses the database includes db.h itself. */
#ifndef CZ_CORE_H
#define CZ_CORE_H

#include <stdint.h>
#include <sys/types.h>
#include <event2/event.h>
#include "config.h"

struct db;

#define CORE_VERSION	VERSION

enum core_stop { CORE_RUNNING, CORE_STOP_WAIT, CORE_STOP_CLEAR };

struct core {
	struct event_base	*base;
	struct config		*cfg;
	struct db		*db;
	char			*config_path;	/* NULL = built-in default */
	char			*state_dir;
	char			*run_dir;
	char			*sock_path;
	char			*db_path;
	uid_t			 uid;		/* our own uid: local admins */
	uint64_t		 start_mono;
	enum core_stop		 stopping;
	struct event		*stop_timer;
};
extern struct core core;

/* core-main.c's stop and reload are in core-main.h (the sessions layer):
 * this header is beside every layer and declares nothing above it. */

#endif
