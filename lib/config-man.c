/* config-man.c: writes man/centrala.ini.5 from its template and the table
 * (config-table.c), so that a key added as a row is documented with its
 * help, choices, range, default and whether a reload applies it. Built and
 * run at build time; the prose stays hand-written in the template, where a
 * line "@KEYS SECTION@" stands for the keys of that section.
 *
 *   config-man TEMPLATE >centrala.ini.5
 *   config-man --keys		(one "SECTION KEY" a line: the test's list) */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "config.h"

/* Writes s escaped for roff: '-' as \-, quotes, backslashes, and a line
 * that would start with a control character. */
static void
man_text(const char *s, int upper, FILE *f)
{
	if (*s == '.' || *s == '\'')
		fputs("\\&", f);
	for (; *s != '\0'; s++, upper = 0) {
		if (*s == '-')
			fputs("\\-", f);
		else if (*s == '\'')
			fputs("\\(aq", f);
		else if (*s == '\\')
			fputs("\\e", f);
		else
			fputc(upper ? toupper((unsigned char)*s) : *s, f);
	}
}

static void
man_choices(const struct cfg_key *k, FILE *f)
{
	int n = 0;

	fputs(" One of: ", f);
	for (int i = 0; k->choices[i] != NULL; i++) {
		if (k->choices[i][0] == '\0')
			continue;	/* the empty choice: "or empty" */
		fputs(n++ ? ", " : "", f);
		man_text(k->choices[i], 0, f);
	}
	fputs(".", f);
}

static void
man_default(const struct cfg_key *k, FILE *f)
{
	if (k->dflt == NULL)
		fputs(" Required.", f);
	else if (strcmp(k->dflt, "$name") == 0)
		fputs(" Default: the section\\(aqs name.", f);
	else if (k->dflt[0] != '\0') {
		fputs(" Default: ", f);
		man_text(k->dflt, 0, f);
		fputs(".", f);
	}
}

static void
man_key(const struct cfg_key *k, FILE *f)
{
	fputs(".TP\n.B ", f);
	man_text(k->key, 0, f);
	fputc('\n', f);
	man_text(k->help, 1, f);
	fputs(".", f);
	if (k->choices != NULL)
		man_choices(k, f);
	if (k->type == CFG_INT)
		fprintf(f, " From %ld to %ld.", k->min, k->max);
	man_default(k, f);
	fputs(k->apply == CFG_RESTART ? " A change needs a restart." :
	    " A reload applies a change.", f);
	fputc('\n', f);
}

static int
man_section(const char *sect, FILE *f)
{
	int n = 0;

	for (const struct cfg_key *k = config_table; k->section != NULL; k++)
		if (strcmp(k->section, sect) == 0) {
			man_key(k, f);
			n++;
		}
	return n;
}

/* Every section of the table must be placed by the template once. */
static int
man_fill(FILE *in, const char *path, FILE *out)
{
	char	line[4096], sect[64];
	int	done[64] = { 0 }, rc = 0;

	while (fgets(line, sizeof line, in) != NULL) {
		if (sscanf(line, "@KEYS %63[a-z]@", sect) != 1) {
			fputs(line, out);
			continue;
		}
		if (man_section(sect, out) == 0) {
			fprintf(stderr, "%s: no keys in section \"%s\"\n", path,
			    sect);
			rc = 1;
		}
		for (int i = 0; config_sections[i].kind != NULL; i++)
			if (strcmp(config_sections[i].kind, sect) == 0)
				done[i]++;
	}
	for (int i = 0; config_sections[i].kind != NULL; i++)
		if (done[i] != 1) {
			fprintf(stderr, "%s: section \"%s\" placed %d times (once "
			    "wanted: a line @KEYS %s@)\n", path,
			    config_sections[i].kind, done[i],
			    config_sections[i].kind);
			rc = 1;
		}
	return rc;
}

int
main(int argc, char **argv)
{
	FILE	*in;
	int	 rc;

	if (argc == 2 && strcmp(argv[1], "--keys") == 0) {
		for (const struct cfg_key *k = config_table; k->section; k++)
			printf("%s %s\n", k->section, k->key);
		return 0;
	}
	if (argc != 2) {
		fprintf(stderr, "usage: config-man TEMPLATE | --keys\n");
		return 2;
	}
	if ((in = fopen(argv[1], "r")) == NULL) {
		perror(argv[1]);
		return 1;
	}
	rc = man_fill(in, argv[1], stdout);
	fclose(in);
	return rc != 0 || fflush(stdout) != 0 ? 1 : 0;
}
