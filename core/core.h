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

/* core.c: the loop, one pass at a time. What a pass tells the outside
 * world (client output, D-channel frames) is held back by its module,
 * which asks for its release function to be called once the pass's rows
 * are committed (once per pass, however often it asks). */
void	core_run(void);
void	core_release_after_commit(void (*release)(void));
void	core_pass_end(void);		/* commit, then release; also at exit */

/* core-main.c's stop and reload are in core-main.h (the sessions layer):
 * this header is beside every layer and declares nothing above it. */

#endif
