/* test-config-diff.c: what a reload changes (lib/config-diff.c): nothing
 * for the same file; a changed key applied or needing a restart as its
 * row says; sections added and removed; the [core] lookup. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "config.h"
#include "config-diff.h"
#include "tap.h"

#define HASH "$6$rounds=5000$abcdefgh$0123456789012345678901234567890123"

static char dir[] = "/tmp/cztdiff.XXXXXX";
static char err[1024];

static const char base_ini[] =
	"[span e1a]\n"
	"[queue sales]\n"
	"[did 2000]\ntarget = queue:sales\n"
	"[agent 1001]\nname = Anna\npin = " HASH "\nqueues = sales\n";

#include "cfgtest.h"

/* The change named what, or NULL. */
static const struct config_change *
change(const struct config_diff *d, const char *what)
{
	for (int i = 0; i < d->n; i++)
		if (strcmp(d->changes[i].what, what) == 0)
			return &d->changes[i];
	return NULL;
}

static void
dump_diff(const struct config_diff *d)
{
	for (int i = 0; i < d->n; i++)
		printf("# %s%s\n", d->changes[i].what, d->changes[i].restart ?
		    " (restart)" : "");
}

int
main(void)
{
	struct config		*a, *b;
	struct config_diff	 d;
	const struct config_change *c;

	if (mkdtemp(dir) == NULL)
		return 1;
	a = load_with("");
	b = load_with("");
	ok(a != NULL && b != NULL, "base loads (%s)", err);
	config_diff(a, b, &d);
	ok(d.n == 0, "the same file: no change");
	config_diff_free(&d);
	config_free(b);

	b = load_with("[core]\nlog_file = x.log\ndb_path = /tmp/x.db\n"
	    "[queue support]\n[span e1b]\n");
	config_diff(a, b, &d);
	dump_diff(&d);
	c = change(&d, "[core] log_file");
	ok(c != NULL && !c->restart && c->key != NULL, "log_file: applied");
	c = change(&d, "[core] db_path");
	ok(c != NULL && c->restart, "db_path: needs a restart");
	c = change(&d, "[queue support] (new)");
	ok(c != NULL && !c->restart && c->key == NULL, "a new queue: applied");
	c = change(&d, "[span e1b] (new)");
	ok(c != NULL && c->restart, "a new span: needs a restart");
	ok(d.n == 4, "nothing else changed (%d)", d.n);
	ok(config_diff_core(&d, "log_file") != NULL &&
	    config_diff_core(&d, "max_line") == NULL, "config_diff_core");
	config_diff_free(&d);

	config_diff(b, a, &d);
	dump_diff(&d);
	ok(change(&d, "[queue support] (removed)") != NULL &&
	    change(&d, "[span e1b] (removed)")->restart,
	    "sections removed; a span's needs a restart");
	config_diff_free(&d);
	config_free(b);

	b = config_load(write_file("c.ini",
	    "[span e1a]\ncaller_id = 123\n[queue sales]\ntitle = Sales team\n"
	    "[did 2000]\ntarget = queue:sales\n[agent 1001]\nname = Anna\n"
	    "pin = " HASH "\nqueues = sales\nskills = fr:5\n"), err, sizeof err);
	ok(b != NULL, "changed file loads (%s)", err);
	config_diff(a, b, &d);
	dump_diff(&d);
	ok(d.n == 3 && change(&d, "[span e1a] caller_id")->restart &&
	    !change(&d, "[queue sales] title")->restart &&
	    !change(&d, "[agent 1001] skills")->restart,
	    "keys of sections in both: span restart, queue and agent applied");
	config_diff_free(&d);
	ok(d.n == 0 && d.changes == NULL, "freed diff is empty");
	ok(refused("[queue sales]\nwrapup = -1\n", "wrapup"),
	    "a bad new file gives no config to diff (%s)", err);
	config_free(a);
	config_free(b);
	unlink(write_file("t.ini", ""));
	unlink(write_file("c.ini", ""));
	rmdir(dir);
	return tap_done();
}
