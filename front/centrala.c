/* centrala.c: the `centrala` front-end. `centrala CMD ARGS` runs
 * `centrala-CMD ARGS`, found beside this program (the build tree) or in
 * the install's libexec directory (followed to a relocated install, e.g.
 * a DESTDIR tree: relocate.h), as git does with its commands. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "relocate.h"

static const struct {
	const char	*name;
	const char	*help;
} commands[] = {
	{ "core", "the switching core: spans, ACD, database, client socket" },
	{ "agent", "the agent console" },
	{ "supervisor", "the supervisor console and wallboard" },
	{ "setup", "the admins' setup wizard" },
	{ "report", "statistics reports" },
	{ "sim", "simulate a queue; how many agents for a service level" },
	{ "pstn", "the telco simulator (network side of virtual spans)" },
	{ "ctl", "control a running core: status, reload, stop, PINs" },
	{ "demo", "a core, a simulated telco and scripted agents, live" },
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

/* Fills path with the program for cmd; 0 if it exists. */
static int
find_program(const char *cmd, char *path, size_t len)
{
	char	self[PATH_MAX - 64], dir[PATH_MAX - 64], *slash;
	ssize_t	n = readlink("/proc/self/exe", self, sizeof self - 1);

	if (n > 0) {
		self[n] = '\0';
		if ((slash = strrchr(self, '/')) != NULL) {
			*slash = '\0';
			snprintf(path, len, "%s/centrala-%s", self, cmd);
			if (access(path, X_OK) == 0)
				return 0;
		}
	}
	snprintf(path, len, "%s/centrala-%s", relocate(BINDIR, PKGLIBEXECDIR,
	    dir, sizeof dir), cmd);
	return access(path, X_OK);
}

static void
usage(FILE *f)
{
	char path[PATH_MAX];

	fprintf(f, "usage: centrala COMMAND [options]\n"
	    "Centrala %s, a call-center suite for terminals.\n\nCommands:\n",
	    VERSION);
	for (size_t i = 0; i < NCOMMANDS; i++)
		fprintf(f, "  %-11s %s%s\n", commands[i].name, commands[i].help,
		    find_program(commands[i].name, path, sizeof path) == 0 ? "" :
		    " (not built yet)");
	fprintf(f, "\n`centrala COMMAND --help` (or `centrala help COMMAND`) "
	    "describes each command;\n`centrala --version` prints the version.\n");
}

/* Replaces this process with centrala-CMD; returns only on failure. */
static int
run(const char *cmd, char **argv)
{
	char path[PATH_MAX];

	if (find_program(cmd, path, sizeof path) != 0) {
		fprintf(stderr, "centrala: %s is not built yet\n", cmd);
		return 2;
	}
	argv[0] = path;
	execv(path, argv);
	fprintf(stderr, "centrala: cannot run %s: %s\n", path, strerror(errno));
	return 1;
}

static int
known(const char *cmd)
{
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (strcmp(cmd, commands[i].name) == 0)
			return 1;
	return 0;
}

int
main(int argc, char **argv)
{
	const char *cmd = argc > 1 ? argv[1] : NULL;

	if (cmd == NULL || strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 ||
	    (strcmp(cmd, "help") == 0 && argc == 2)) {
		usage(cmd == NULL ? stderr : stdout);
		return cmd == NULL ? 2 : 0;
	}
	if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0 ||
	    strcmp(cmd, "version") == 0) {
		printf("centrala %s\n", VERSION);
		return 0;
	}
	if (strcmp(cmd, "help") == 0 && known(argv[2])) {
		char *args[] = { NULL, "--help", NULL };

		return run(argv[2], args);
	}
	if (strcmp(cmd, "help") == 0)
		cmd = argv[2];
	else if (known(cmd))
		return run(cmd, argv + 1);
	fprintf(stderr, "centrala: unknown command \"%s\" (centrala --help lists "
	    "them)\n", cmd);
	return 2;
}
