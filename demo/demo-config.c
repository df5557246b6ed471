/* demo-config.c: the configuration the demo's core runs on: the built-in
 * one (data/centrala.ini) followed by the demo's own additions
 * (demo/demo.ini: the user's reserved agent, a voice menu). Written afresh
 * to the state directory at each start, so it is there to read. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "demo-config.h"

extern const char default_config[];
extern const char demo_ini[];

int
demo_config_write(const char *dir, char *path, size_t len, char *err,
    size_t errlen)
{
	FILE	*f;
	int	 bad;

	snprintf(path, len, "%s/demo.ini", dir);
	if ((f = fopen(path, "w")) == NULL) {
		snprintf(err, errlen, "cannot write %s: %s", path,
		    strerror(errno));
		return -1;
	}
	fputs(default_config, f);
	fputs(demo_ini, f);
	bad = ferror(f);
	if (fclose(f) != 0 || bad) {
		snprintf(err, errlen, "cannot write %s: %s", path,
		    strerror(errno));
		return -1;
	}
	return 0;
}
