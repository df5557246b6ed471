/* statedir.h: where the running core's state directory is, found the same
 * way by every command (ctl, report, agent, supervisor). */
#ifndef CZ_STATEDIR_H
#define CZ_STATEDIR_H

/* The state directory: opt (--state-dir), else $CENTRALA_STATE_DIR, else
 * the first of the core's default "state" and the demo's "demo-state"
 * (both relative to the current directory) that holds the file want
 * ("run/centrala.sock" for the socket, "centrala.db" for the database);
 * else "state". Static buffer. */
const char	*statedir_find(const char *opt, const char *want);
/* After statedir_find: what was tried and how to name another, for an
 * error message, e.g. "tried state/run/centrala.sock and
 * demo-state/run/centrala.sock; name another with --state-dir DIR or
 * CENTRALA_STATE_DIR". Static buffer. */
const char	*statedir_hint(void);

#endif
