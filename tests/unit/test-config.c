/* test-config.c: the config table: the default file, every kind of error
 * message, unknown-key warnings, defaults, and the dump round trip. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "config.h"
#include "tap.h"

static char dir[] = "/tmp/cztcfg.XXXXXX";
static char err[1024];

static const char base_ini[] =
	"[span e1a]\n"
	"[queue sales]\n"
	"[did 2000]\ntarget = queue:sales\n"
	"[agent 1001]\nname = Łucja Kowalczyk\n"
	"pin = $6$rounds=5000$abcdefgh$0123456789012345678901234567890123\n"
	"queues = sales\n";

/* Writes text to a file in the temp dir; returns its path (static). */
static const char *
write_ini(const char *name, const char *text)
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
	char text[4096];

	snprintf(text, sizeof text, "%s%s", base_ini, extra);
	return config_load(write_ini("t.ini", text), err, sizeof err);
}

static int
refused(const char *extra, const char *want)
{
	struct config *cfg = load_with(extra);

	if (cfg != NULL) {
		config_free(cfg);
		return 0;
	}
	if (strstr(err, want) == NULL) {
		printf("# got: %s\n", err);
		return 0;
	}
	return 1;
}

static void
test_default(void)
{
	struct config *cfg = config_load(SRCDIR "/data/centrala.ini", err, sizeof err);

	ok(cfg != NULL, "default config loads (%s)", cfg ? "" : err);
	if (cfg == NULL)
		return;
	ok(cfg->nwarnings == 0, "no warnings");
	ok(cfg->nspans == 1 && cfg->nqueues == 3 && cfg->nagents == 32 &&
	    cfg->nusers == 2 && cfg->ndids == 3, "1 span, 3 queues, 32 agents, "
	    "2 users, 3 DIDs");
	ok(config_find_agent(cfg, "1032") != NULL &&
	    config_find_agent(cfg, "1032")->nqueues == 3, "agent 1032 in 3 queues");
	ok(config_find_user(cfg, "admin")->role == CFG_ROLE_ADMIN, "admin role");
	ok(strcmp(config_find_did(cfg, "2001")->target, "queue:support") == 0,
	    "DID 2001 to support");
	config_free(cfg);
}

static void
test_defaults_applied(void)
{
	struct config *cfg = load_with("");

	ok(cfg != NULL, "minimal config loads (%s)", cfg ? "" : err);
	if (cfg == NULL)
		return;
	ok(strcmp(cfg->core.state_dir, "state") == 0 && cfg->core.max_line == 65536,
	    "[core] defaults apply without a [core] section");
	ok(cfg->queues[0].offer_timeout == 15 && cfg->queues[0].strategy ==
	    CFG_STRATEGY_LONGEST_IDLE, "queue defaults");
	ok(cfg->spans[0].side == CFG_SIDE_USER && cfg->spans[0].switchtype ==
	    CFG_SWITCH_EUROISDN_E1, "span: user side, EuroISDN E1 by default");
	ok(strcmp(cfg->agents[0].name, "Łucja Kowalczyk") == 0, "UTF-8 name kept");
	config_free(cfg);
}

static void
test_errors(void)
{
	ok(refused("[queue q2]\noffer_timeout = 0\n",
	    "[queue q2] offer_timeout: 0 is out of range (3 to 300)"), "range");
	ok(refused("[queue q2]\nwrapup = 5s\n",
	    "[queue q2] wrapup: \"5s\" is not a whole number"), "junk after a number");
	ok(refused("[queue q2]\nmax_len = 99999999999999999999\n",
	    "max_len"), "overflow");
	ok(refused("[span e1b]\nside = sideways\n",
	    "[span e1b] side: \"sideways\" is not one of: user, network"), "choice");
	ok(refused("[did 2001]\ntarget = queue:salez\n",
	    "[did 2001] target: no queue \"salez\" is defined"), "dangling DID");
	ok(refused("[did 2002]\nname = x\n", "[did 2002] target: missing (required)"),
	    "missing required key");
	ok(refused("[agent 1002]\nname = A\npin = 1234\nqueues = sales\n",
	    "[agent 1002] pin: a PIN in clear is not accepted"), "clear PIN refused");
	ok(refused("[agent 1003]\nname = A\npin = $6$rounds=5000$abcdefgh$0123456789"
	    "\nqueues = nosuch\n", "[agent 1003] queues: no queue \"nosuch\""),
	    "agent in an undefined queue");
	ok(refused("[spam x]\n", "[spam x]: unknown section kind (core, span, did,"),
	    "unknown section kind");
	ok(refused("[queue Bad!]\n", "[queue bad!]: needs a name"), "bad name");
	ok(refused("[did 12ab]\ntarget = queue:sales\n", "[did 12ab]: needs a name"),
	    "non-numeric DID");
	ok(refused("[span e1b]\nfirst_channel = 16\n", "timeslot 16"), "timeslot 16");
	ok(refused("[user boss]\nrole = agent\npin = $6$rounds=5000$abcdefgh$01234567\n",
	    "[user boss] role"), "user with agent role");
	ok(config_load("/nonexistent/c.ini", err, sizeof err) == NULL &&
	    strstr(err, "/nonexistent/c.ini: cannot read: No such file") != NULL,
	    "missing file");
	ok(config_load(write_ini("bad.ini", "[core\nx\n"), err, sizeof err) == NULL &&
	    strstr(err, "not a valid INI file") != NULL, "syntax error: %s", err);
	ok(config_load(write_ini("nospan.ini", "[queue q]\n"), err, sizeof err) ==
	    NULL && strstr(err, "at least one span") != NULL, "no span");
}

static void
test_warning(void)
{
	struct config *cfg = load_with("[queue q3]\ncolour = blue\n");

	ok(cfg != NULL && cfg->nwarnings == 1 && strstr(cfg->warnings[0],
	    "[queue q3] colour: unknown key, ignored") != NULL, "unknown key warns");
	config_free(cfg);
}

static void
test_round_trip(void)
{
	struct config	*a = config_load(SRCDIR "/data/centrala.ini", err, sizeof err), *b;
	char		*t1 = NULL, *t2 = NULL;
	size_t		 n1, n2;
	FILE		*f;

	f = open_memstream(&t1, &n1);
	config_dump(a, f);
	fclose(f);
	b = config_load(write_ini("dump.ini", t1), err, sizeof err);
	ok(b != NULL, "dump loads back (%s)", b ? "" : err);
	if (b != NULL) {
		free(b->path);
		b->path = strdup(a->path);
		f = open_memstream(&t2, &n2);
		config_dump(b, f);
		fclose(f);
		ok(n1 == n2 && strcmp(t1, t2) == 0, "dump of the dump is identical");
		ok(strstr(t1, "offer_timeout = 15") && strstr(t1, "; seconds an offer "
		    "rings"), "dump has values and help");
	}
	free(t1);
	free(t2);
	config_free(a);
	config_free(b);
}

int
main(void)
{
	char cmd[64];

	if (mkdtemp(dir) == NULL)
		return 1;
	test_default();
	test_defaults_applied();
	test_errors();
	test_warning();
	test_round_trip();
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		return 1;
	return tap_done();
}
