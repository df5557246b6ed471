/* cfgtest.h: what the configuration tests share: a file written into the
 * test's temp dir, the test's base configuration loaded with extra text,
 * and a load refused with a given message. The including test defines
 * dir[] (its temp dir), err[] and base_ini[] first. */
#ifndef CZ_CFGTEST_H
#define CZ_CFGTEST_H

#include <stdio.h>
#include <string.h>
#include "config.h"

/* Writes text to a file in the temp dir; returns its path (static). */
static const char *
write_file(const char *name, const char *text)
{
	static char	 path[256];
	FILE		*f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "w");
	fputs(text, f);
	fclose(f);
	return path;
}

/* Loads base_ini with extra text appended; returns the config or NULL. */
static struct config *
load_with(const char *extra)
{
	char text[8192];

	snprintf(text, sizeof text, "%s%s", base_ini, extra);
	return config_load(write_file("t.ini", text), err, sizeof err);
}

/* The base config plus extra is refused with a message holding want. */
static int
refused(const char *extra, const char *want)
{
	struct config *cfg = load_with(extra);

	if (cfg != NULL) {
		config_free(cfg);
		printf("# accepted: %s\n", extra);
		return 0;
	}
	if (strstr(err, want) == NULL) {
		printf("# got: %s\n", err);
		return 0;
	}
	return 1;
}

#endif
