/* statedir.c: the one rule by which client commands find the core's state
 * directory (statedir.h): an option, the environment, or the directory the
 * core and the demo use by default when started here. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "statedir.h"

/* The default state directories: the core's config default, the demo's. */
static const char *const statedir_defaults[] = { "state", "demo-state" };
#define STATEDIR_NDEFAULTS \
	(int)(sizeof statedir_defaults / sizeof statedir_defaults[0])

static char	statedir_path[4096], statedir_tried[8192];

static const char *
statedir_set(const char *dir, const char *want, const char *how)
{
	snprintf(statedir_path, sizeof statedir_path, "%s", dir);
	snprintf(statedir_tried, sizeof statedir_tried, "tried %s/%s (%s); "
	    "name another with --state-dir DIR or CENTRALA_STATE_DIR", dir,
	    want, how);
	return statedir_path;
}

const char *
statedir_find(const char *opt, const char *want)
{
	const char	*e = getenv("CENTRALA_STATE_DIR");
	char		 path[4096];

	if (opt != NULL)
		return statedir_set(opt, want, "--state-dir");
	if (e != NULL && e[0] != '\0')
		return statedir_set(e, want, "$CENTRALA_STATE_DIR");
	for (int i = 0; i < STATEDIR_NDEFAULTS; i++) {
		snprintf(path, sizeof path, "%s/%s", statedir_defaults[i], want);
		if (access(path, F_OK) == 0)
			return statedir_set(statedir_defaults[i], want,
			    "the default");
	}
	snprintf(statedir_path, sizeof statedir_path, "%s", statedir_defaults[0]);
	snprintf(statedir_tried, sizeof statedir_tried, "tried %s/%s and "
	    "%s/%s (the core's and the demo's defaults); name another with "
	    "--state-dir DIR or CENTRALA_STATE_DIR", statedir_defaults[0], want,
	    statedir_defaults[1], want);
	return statedir_path;
}

const char *
statedir_hint(void)
{
	return statedir_tried;
}
