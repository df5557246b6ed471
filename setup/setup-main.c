/* setup-main.c: `centrala setup`, the admins' setup wizard: options, the
 * file read (or a first run when there is none), then the first-run walk
 * or the section menu (or one section, --section), on the terminal. */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "log.h"
#include "model.h"
#include "sections.h"
#include "setup.h"
#include "ui.h"
#include "xmalloc.h"

#define SETUP_DEFAULT_CONF	SYSCONFDIR "/centrala/centrala.ini"

static void
usage(FILE *f)
{
	fprintf(f, "usage: centrala setup [--config FILE] [--section KIND]\n"
	    "The setup wizard: every section of the configuration as forms,\n"
	    "checked as answers are given, written keeping the file's comments\n"
	    "and unknown sections; then the database is created or upgraded\n"
	    "and a running core reloads.\n\n"
	    "  -c, --config FILE   the file (default: $CENTRALA_CONF, else\n"
	    "                      " SETUP_DEFAULT_CONF ")\n"
	    "                      no file yet: a first run through every "
	    "section\n"
	    "  -s, --section KIND  open one kind of section: ");
	for (int i = 0; i < model_nkinds(); i++)
		fprintf(f, "%s%s", i ? ", " : "", model_kind(i)->kind);
	fprintf(f, "\n  -h, --help          this text\n");
}

int
setup_changed(const struct setup *s)
{
	char	*t = ini_text(s->doc);
	int	 c = strcmp(t, s->written) != 0;

	free(t);
	return c;
}

/* The directory of this program: centrala-core is beside it. */
static char *
setup_program_dir(void)
{
	char	self[PATH_MAX], *slash;
	ssize_t	n = readlink("/proc/self/exe", self, sizeof self - 1);

	if (n <= 0)
		return xstrdup(".");
	self[n] = '\0';
	if ((slash = strrchr(self, '/')) != NULL)
		*slash = '\0';
	return xstrdup(self);
}

int
main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "section", required_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cfg_section	*only = NULL;
	const char			*path = NULL, *env = getenv("CENTRALA_CONF");
	const char			*section = NULL;
	struct setup			 s = { 0 };
	char				 err[512];
	int				 ch;

	while ((ch = getopt_long(argc, argv, "c:s:h", opts, NULL)) != -1) {
		switch (ch) {
		case 'c': path = optarg; break;
		case 's': section = optarg; break;
		case 'h': usage(stdout); return 0;
		default: usage(stderr); return 2;
		}
	}
	if (optind != argc) {
		fprintf(stderr, "centrala setup: unexpected argument \"%s\"\n",
		    argv[optind]);
		return 2;
	}
	model_nkinds();
	if (section != NULL && (only = model_kind_named(section)) == NULL) {
		fprintf(stderr, "centrala setup: --section: no section kind "
		    "\"%s\" (centrala setup --help lists them)\n", section);
		return 2;
	}
	if (!isatty(0) || !isatty(1)) {
		fprintf(stderr, "centrala setup: needs a terminal\n");
		return 2;
	}
	if (path == NULL)
		path = env != NULL && env[0] != '\0' ? env : SETUP_DEFAULT_CONF;
	s.path = xstrdup(path);
	s.first_run = access(path, F_OK) != 0;
	if ((s.doc = ini_doc_read(path, err, sizeof err)) == NULL) {
		fprintf(stderr, "centrala setup: %s\n", err);
		return 1;
	}
	s.written = ini_text(s.doc);
	s.program_dir = setup_program_dir();
	/* The db module speaks through log.c: not onto the screen. */
	log_open("centrala-setup", "/dev/null", LOG_LEVEL_ERROR);
	ui_start();
	if (only != NULL) {
		sections_kind(&s, only, 0, 0);
		sections_menu(&s);
	} else if (s.first_run)
		sections_first_run(&s);
	else
		sections_menu(&s);
	ui_end();
	printf("centrala setup: %s%s\n", s.path, setup_changed(&s) ?
	    ": changes not written" : "");
	ini_doc_free(s.doc);
	free(s.written);
	free(s.path);
	free((char *)s.program_dir);
	return 0;
}
