/* test-ini-edit.c: lib/ini-edit.c: an edit keeps comments, key order and
 * unknown sections; values read back as iniparser reads them; sections are
 * added and removed whole; the write is atomic with a .bak. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <iniparser.h>
#include "ini-edit.h"
#include "tap.h"

static const char admin[] =
	"; our center, by the admin\n"
	"[core]\n"
	"state_dir = state   ; keep it here\n"
	"\n"
	"# the sales line\n"
	"[queue sales]\n"
	"title = \"Sales; all\"\n"
	"wrapup = 10\n"
	"\n"
	"[Widget Shop]\n"
	"colour = blue\n"
	"\n"
	"; support comes last\n"
	"[queue support]\n"
	"wrapup = 5\n";

/* What iniparser reads from text: sect:key. */
static char *
via_iniparser(const char *text, const char *key)
{
	char		 path[] = "/tmp/test-ini-edit-XXXXXX";
	int		 fd = mkstemp(path);
	dictionary	*d;
	char		*v;

	if (write(fd, text, strlen(text)) < 0)
		return NULL;
	close(fd);
	d = iniparser_load(path);
	v = strdup(iniparser_getstring(d, key, "(none)"));
	iniparser_freedict(d);
	unlink(path);
	return v;
}

/* Every key of the shipped configuration reads the same through
 * ini_get as through iniparser, and the text comes back byte for byte. */
static void
test_shipped(void)
{
	char		 err[256], *t, **secs, text[1 << 17];
	struct ini_doc	*d = ini_doc_read(SRCDIR "/data/centrala.ini", err,
			    sizeof err);
	dictionary	*dict = iniparser_load(SRCDIR "/data/centrala.ini");
	FILE		*f = fopen(SRCDIR "/data/centrala.ini", "r");
	size_t		 n = f != NULL ? fread(text, 1, sizeof text - 1, f) : 0;
	int		 nsec, same = 1, nkeys = 0;

	text[n] = '\0';
	if (f != NULL)
		fclose(f);
	t = d != NULL ? ini_text(d) : NULL;
	ok(t != NULL && strcmp(t, text) == 0, "data/centrala.ini comes back "
	    "byte for byte");
	free(t);
	secs = d != NULL ? ini_sections(d, &nsec) : NULL;
	for (int i = 0; secs != NULL && secs[i] != NULL; i++) {
		int		 k = iniparser_getsecnkeys(dict, secs[i]);
		const char	**keys = calloc(k + 1, sizeof *keys);

		iniparser_getseckeys(dict, secs[i], keys);
		for (int j = 0; j < k; j++) {
			const char *key = keys[j] + strlen(secs[i]) + 1;
			const char *mine = ini_get(d, secs[i], key);

			nkeys++;
			if (mine == NULL || strcmp(mine, iniparser_getstring(
			    dict, keys[j], "")) != 0) {
				printf("# [%s] %s: \"%s\" vs \"%s\"\n", secs[i],
				    key, mine ? mine : "(none)",
				    iniparser_getstring(dict, keys[j], ""));
				same = 0;
			}
		}
		free(keys);
		free(secs[i]);
	}
	free(secs);
	ok(same && nkeys > 50, "its %d keys read as iniparser reads them",
	    nkeys);
	iniparser_freedict(dict);
	ini_doc_free(d);
}

int
main(void)
{
	test_shipped();
	struct ini_doc	*d = ini_doc_parse(admin);
	char		*t, **secs, err[256] = "", path[] = "/tmp/test-ini-w-XXXXXX";
	int		 n, fd;

	t = ini_text(d);
	ok(strcmp(t, admin) == 0, "unchanged text comes back byte for byte");
	free(t);
	ok(ini_get(d, "core", "state_dir") != NULL &&
	    strcmp(ini_get(d, "core", "state_dir"), "state") == 0,
	    "a value with a comment after it");
	ok(strcmp(ini_get(d, "QUEUE SALES", "title"), "Sales; all") == 0,
	    "a quoted value; section names compare without case");
	ok(ini_get(d, "queue sales", "hours") == NULL, "an absent key is NULL");

	ini_set(d, "queue sales", "wrapup", "30");
	ini_set(d, "core", "state_dir", "/var/lib/centrala");
	ini_set(d, "queue sales", "hours", "mon-fri 08:00-18:00; sat 09:00-13:00");
	t = ini_text(d);
	ok(strstr(t, "wrapup = 30\n") != NULL, "a value changed in place");
	ok(strstr(t, "state_dir = /var/lib/centrala ; keep it here\n") != NULL,
	    "a trailing comment is kept");
	ok(strstr(t, "wrapup = 30\nhours = \"mon-fri") != NULL,
	    "a new key goes after the section's last key");
	ok(strstr(t, "; our center, by the admin\n") == t &&
	    strstr(t, "# the sales line\n[queue sales]") != NULL &&
	    strstr(t, "[Widget Shop]\ncolour = blue\n") != NULL,
	    "comments and the unknown section are kept");
	ok(strstr(t, "title = \"Sales; all\"\nwrapup = 30") != NULL,
	    "key order is kept");
	free(t);
	t = ini_text(d);
	{
		char *v = via_iniparser(t, "queue sales:hours");

		ok(v != NULL && strcmp(v, "mon-fri 08:00-18:00; sat 09:00-13:00")
		    == 0, "iniparser reads a quoted value with ';' whole (%s)",
		    v);
		free(v);
		v = via_iniparser(t, "core:state_dir");
		ok(v != NULL && strcmp(v, "/var/lib/centrala") == 0,
		    "iniparser reads the changed value (%s)", v);
		free(v);
	}
	free(t);

	ini_set(d, "queue billing", "wrapup", "0");
	ok(ini_has_section(d, "queue billing") &&
	    strcmp(ini_get(d, "queue billing", "wrapup"), "0") == 0,
	    "a key in a new section adds the section");
	ok(ini_remove_section(d, "queue sales") == 0 &&
	    !ini_has_section(d, "queue sales"), "a section removed");
	t = ini_text(d);
	ok(strstr(t, "title =") == NULL && strstr(t, "[Widget Shop]") != NULL
	    && strstr(t, "; support comes last\n[queue support]") != NULL,
	    "removal takes the section's lines, not the next one's comment");
	free(t);
	{
		char *before = ini_text(d), *after;

		ini_add_section(d, "queue tmp");
		ini_set(d, "queue tmp", "wrapup", "1");
		ini_remove_section(d, "queue tmp");
		after = ini_text(d);
		ok(strcmp(before, after) == 0, "a section added then removed "
		    "leaves the text as it was");
		free(before);
		free(after);
	}
	ok(ini_unset(d, "queue support", "wrapup") == 0 &&
	    ini_get(d, "queue support", "wrapup") == NULL, "a key removed");
	secs = ini_sections(d, &n);
	ok(n == 4 && strcmp(secs[0], "core") == 0 &&
	    strcmp(secs[1], "Widget Shop") == 0 &&
	    strcmp(secs[3], "queue billing") == 0, "sections in file order");
	for (int i = 0; i < n; i++)
		free(secs[i]);
	free(secs);

	fd = mkstemp(path);
	ok(write(fd, "old\n", 4) == 4, "an old file");
	close(fd);
	chmod(path, 0604);
	ok(ini_write(d, path, err, sizeof err) == 0, "written (%s)", err);
	{
		struct stat st;

		ok(stat(path, &st) == 0 && (st.st_mode & 0777) == 0604,
		    "the new file has the old one's mode");
	}
	{
		char	 bak[64], buf[16] = "";
		FILE	*f;
		struct ini_doc *back;

		snprintf(bak, sizeof bak, "%s.bak", path);
		f = fopen(bak, "r");
		ok(f != NULL && fgets(buf, sizeof buf, f) != NULL &&
		    strcmp(buf, "old\n") == 0, "the old file is kept as .bak");
		if (f != NULL)
			fclose(f);
		back = ini_doc_read(path, err, sizeof err);
		t = ini_text(back);
		{
			char *u = ini_text(d);

			ok(strcmp(t, u) == 0, "the file holds the document");
			free(u);
		}
		free(t);
		ini_doc_free(back);
		snprintf(buf, sizeof buf, "%s", ".tmp");
		unlink(bak);
	}
	ok(ini_write(d, "/nonexistent-dir/x.ini", err, sizeof err) != 0 &&
	    strstr(err, "cannot create") != NULL, "an unwritable place says so");
	unlink(path);
	ini_doc_free(d);
	d = ini_doc_read("/nonexistent-dir/x.ini", err, sizeof err);
	ok(d != NULL && (secs = ini_sections(d, &n)) != NULL && n == 0,
	    "a missing file is an empty document");
	free(secs);
	ini_doc_free(d);
	return tap_done();
}
