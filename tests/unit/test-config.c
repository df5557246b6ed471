/* test-config.c: the config table: the default file, every kind of error
 * message, unknown-key warnings, defaults, lookups and the dump round trip
 * (compared field by field through the table itself). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "config.h"
#include "tap.h"

#define FIELD(base, off, type)	((type *)((char *)(base) + (off)))
#define HASH "$6$rounds=5000$abcdefgh$0123456789012345678901234567890123"

static char dir[] = "/tmp/cztcfg.XXXXXX";
static char err[1024];

static const char base_ini[] =
	"[span e1a]\n"
	"[queue sales]\n"
	"[did 2000]\ntarget = queue:sales\n"
	"[agent 1001]\nname = Łucja Kowalczyk\npin = " HASH "\nqueues = sales\n";

#include "cfgtest.h"

static char *
dump(const struct config *cfg)
{
	char	*text = NULL;
	size_t	 len;
	FILE	*f = open_memstream(&text, &len);

	config_dump(cfg, f);
	fclose(f);
	return text;
}

/* An action as written and as parsed. */
static int
same_action(const struct cfg_action *a, const struct cfg_action *b)
{
	return strcmp(a->text, b->text) == 0 && a->act.kind == b->act.kind &&
	    strcmp(a->act.arg, b->act.arg) == 0 &&
	    a->act.priority == b->act.priority;
}

/* Compares one section's every row, as the loader stored it. */
static int
same_sect(const struct cfg_section *kind, const void *a, const void *b)
{
	for (const struct cfg_key *k = config_table; k->section; k++) {
		if (strcmp(k->section, kind->kind) != 0)
			continue;
		if (k->type == CFG_STRING && strcmp(*FIELD(a, k->offset, char *),
		    *FIELD(b, k->offset, char *)) != 0)
			return 0;
		if (k->type == CFG_ACTION && !same_action(FIELD(a, k->offset,
		    struct cfg_action), FIELD(b, k->offset, struct cfg_action)))
			return 0;
		if ((k->type == CFG_INT || k->type == CFG_ENUM || k->type ==
		    CFG_BOOL) && *FIELD(a, k->offset, int) != *FIELD(b,
		    k->offset, int))
			return 0;
		if (k->type != CFG_LIST)
			continue;
		char **la = *FIELD(a, k->offset, char **);
		char **lb = *FIELD(b, k->offset, char **);
		int n = *FIELD(a, k->offset + sizeof(char **), int);

		if (n != *FIELD(b, k->offset + sizeof(char **), int))
			return 0;
		for (int i = 0; i <= n; i++)
			if ((la[i] == NULL) != (lb[i] == NULL) ||
			    (la[i] != NULL && strcmp(la[i], lb[i]) != 0))
				return 0;
	}
	return kind->name_ok == NULL || strcmp(*FIELD(a, kind->name, char *),
	    *FIELD(b, kind->name, char *)) == 0;
}

/* Two configs hold the same settings (the path may differ). */
static int
same_config(const struct config *a, const struct config *b)
{
	for (const struct cfg_section *k = config_sections; k->kind; k++) {
		if (k->name_ok == NULL) {
			if (!same_sect(k, FIELD(a, k->array, char),
			    FIELD(b, k->array, char)))
				return 0;
			continue;
		}
		int n = *FIELD(a, k->count, int);

		if (n != *FIELD(b, k->count, int))
			return 0;
		for (int i = 0; i < n; i++)
			if (!same_sect(k, *FIELD(a, k->array, char *) + i * k->size,
			    *FIELD(b, k->array, char *) + i * k->size))
				return 0;
	}
	return 1;
}

static void
test_default(void)
{
	struct config	*cfg = config_load(SRCDIR "/data/centrala.ini", err,
			    sizeof err);

	ok(cfg != NULL, "default config loads (%s)", cfg ? "" : err);
	if (cfg == NULL)
		return;
	ok(cfg->nwarnings == 0, "no warnings (%s)", cfg->nwarnings ?
	    cfg->warnings[0] : "");
	ok(cfg->nspans == 1 && cfg->nqueues == 3 && cfg->nagents == 32 &&
	    cfg->nusers == 2 && cfg->ndids == 3, "1 span, 3 queues, 32 agents, "
	    "2 users, 3 DIDs");
	ok(config_find_agent(cfg, "1032") != NULL &&
	    config_find_agent(cfg, "1032")->nqueues == 3 &&
	    strcmp(config_find_agent(cfg, "1032")->queues[2], "billing") == 0 &&
	    config_find_agent(cfg, "1032")->queues[3] == NULL,
	    "agent 1032 in 3 queues, list NULL-terminated");
	ok(config_find_user(cfg, "admin")->role == CFG_ROLE_ADMIN &&
	    config_find_user(cfg, "super")->role == CFG_ROLE_SUPERVISOR,
	    "user roles");
	ok(strcmp(config_find_did(cfg, "2001")->target.text, "queue:support") == 0,
	    "DID 2001 to support");
	ok(config_find_did(cfg, "2001")->target.act.kind == ACT_QUEUE &&
	    strcmp(config_find_did(cfg, "2001")->target.act.arg, "support") == 0 &&
	    config_find_did(cfg, "2001")->target.act.priority == -1,
	    "DID 2001's action parsed at load");
	ok(strcmp(config_find_queue(cfg, "support")->title, "Helpdesk") == 0 &&
	    config_find_queue(cfg, "billing")->sl_percent == 90, "queue lookup");
	ok(config_find_queue(cfg, "nosuch") == NULL &&
	    config_find_agent(cfg, "9999") == NULL &&
	    config_find_user(cfg, "nobody") == NULL &&
	    config_find_did(cfg, "1") == NULL &&
	    config_find_queue(NULL, "sales") == NULL, "unknown names: NULL");
	ok(strcmp(config_role_name(CFG_ROLE_SUPERVISOR), "supervisor") == 0 &&
	    strcmp(config_role_name(7), "?") == 0, "role names");
	ok(strcmp(cfg->spans[0].caller_id, "225550100") == 0 &&
	    cfg->core.log_level == 1, "span caller id, log level info = 1");
	config_free(cfg);
}

static void
test_defaults_applied(void)
{
	struct config		*cfg = load_with("[user boss]\nrole = admin\n"
				    "pin = " HASH "\n");
	const struct cfg_queue	*q;

	ok(cfg != NULL, "minimal config loads (%s)", cfg ? "" : err);
	if (cfg == NULL)
		return;
	q = &cfg->queues[0];
	ok(strcmp(cfg->core.state_dir, "state") == 0 && cfg->core.max_line ==
	    65536 && cfg->core.client_outbuf == 1048576 && cfg->core.max_clients
	    == 1000 && cfg->core.idle_login_timeout == 30 && cfg->core.run_dir[0]
	    == '\0' && cfg->core.db_path[0] == '\0',
	    "[core] defaults apply without a [core] section");
	ok(cfg->core.n_not_ready_reasons > 0 &&
	    strcmp(cfg->core.not_ready_reasons[0], "break") == 0,
	    "list default split");
	ok(q->offer_timeout == 15 && q->strategy == CFG_STRATEGY_LONGEST_IDLE &&
	    q->max_wait == 0 && q->max_len == 0 && q->wrapup == 0 &&
	    q->sl_target == 20 && q->sl_percent == 80, "queue defaults");
	ok(strcmp(q->title, "sales") == 0, "queue title defaults to its name");
	ok(cfg->spans[0].side == CFG_SIDE_USER && cfg->spans[0].type ==
	    CFG_SPAN_E1 && cfg_span_switch(&cfg->spans[0]) ==
	    CFG_SWITCH_EUROISDN_E1 && strcmp(cfg->spans[0].country, "eu") == 0 &&
	    cfg->spans[0].first_channel == 1 && cfg->spans[0].driver == 0,
	    "span: vspan, user side, EuroISDN E1, eu by default");
	ok(cfg->dids[0].name[0] == '\0' && cfg->dids[0].priority == 0,
	    "DID defaults");
	ok(strcmp(cfg->agents[0].name, "Łucja Kowalczyk") == 0 &&
	    cfg->agents[0].unix_user[0] == '\0', "UTF-8 name kept");
	ok(cfg->users[0].unix_user[0] == '\0' && strcmp(cfg->users[0].pin_hash,
	    HASH) == 0, "user defaults");
	config_free(cfg);
}

/* T1 spans: their switch types and defaults; an E1 beside one. */
static void
test_t1(void)
{
	static const struct { const char *sw; int want; } sws[] = {
		{ "", CFG_SWITCH_NI2 }, { "switchtype = national\n",
		CFG_SWITCH_NATIONAL }, { "switchtype = ni1\n", CFG_SWITCH_NI1 },
		{ "switchtype = dms100\n", CFG_SWITCH_DMS100 },
		{ "switchtype = 5ess\n", CFG_SWITCH_5ESS },
		{ "switchtype = 4ess\n", CFG_SWITCH_4ESS },
	};
	char		 text[256];
	struct config	*cfg;

	for (size_t i = 0; i < sizeof sws / sizeof sws[0]; i++) {
		snprintf(text, sizeof text, "[span t1a]\ntype = t1\nside = "
		    "network\nfirst_channel = 23\n%s", sws[i].sw);
		cfg = load_with(text);
		ok(cfg != NULL && cfg->nspans == 2 && cfg->spans[1].type ==
		    CFG_SPAN_T1 && cfg->spans[1].side == CFG_SIDE_NETWORK &&
		    cfg_span_switch(&cfg->spans[1]) == sws[i].want &&
		    cfg->spans[0].type == CFG_SPAN_E1 &&
		    cfg_span_switch(&cfg->spans[0]) == CFG_SWITCH_EUROISDN_E1,
		    "T1 span beside an E1 one, %.*s", (int)strcspn(sws[i].sw[0] ?
		    sws[i].sw : "NI2 by default\n", "\n"), sws[i].sw[0] ?
		    sws[i].sw : "NI2 by default\n");
		if (cfg == NULL)
			printf("# %s\n", err);
		config_free(cfg);
	}
}

static void
test_value_errors(void)
{
	const char *path = write_file("t.ini", "");
	char want[512];

	snprintf(want, sizeof want, "%s: [queue q2] offer_timeout: 0 is out of "
	    "range (3 to 300)", path);
	ok(refused("[queue q2]\noffer_timeout = 0\n", want), "range, whole message");
	ok(refused("[queue q2]\nwrapup = 5s\n",
	    "[queue q2] wrapup: \"5s\" is not a whole number (0 to 3600)"),
	    "junk after a number");
	ok(refused("[queue q2]\nmax_len = 99999999999999999999\n",
	    "[queue q2] max_len: 99999999999999999999 is out of range "
	    "(0 to 10000)"), "overflow");
	ok(refused("[queue q2]\nmax_len = \n", "max_len: \"\" is not a whole"),
	    "empty number");
	ok(refused("[span e1b]\nside = sideways\n",
	    "[span e1b] side: \"sideways\" is not one of: user, network"), "choice");
	ok(refused("[span e1b]\ncountry = fr\n",
	    "[span e1b] country: \"fr\" is not one of: eu, us, uk"),
	    "string limited to choices");
	ok(refused("[span e1b]\ncaller_id = +48 22\n", "[span e1b] caller_id: "),
	    "caller id digits only");
	ok(refused("[span e1b]\nfirst_channel = 16\n",
	    "[span e1b] first_channel: timeslot 16"), "timeslot 16");
	ok(refused("[span e1b]\ntype = j1\n",
	    "[span e1b] type: \"j1\" is not one of: e1, t1"), "span type");
	ok(refused("[span t1b]\ntype = t1\nswitchtype = euroisdn\n",
	    "[span t1b] switchtype: \"euroisdn\" is not a switch type of a T1 "
	    "span (national, ni2, ni1, dms100, 5ess, 4ess, qsig)"),
	    "EuroISDN on a T1 span");
	ok(refused("[span e1b]\nswitchtype = dms100\n",
	    "[span e1b] switchtype: \"dms100\" is not a switch type of an E1 "
	    "span"), "DMS-100 on an E1 span");
	ok(refused("[span t1b]\ntype = t1\nfirst_channel = 24\n",
	    "[span t1b] first_channel: a T1 span has B-channels 1-23"),
	    "T1 timeslot 24 is the D channel");
	ok(refused("[core]\nlog_level = loud\n",
	    "[core] log_level: \"loud\" is not one of: debug, info, warn, error"),
	    "log level");
}

static void
test_reference_errors(void)
{
	ok(refused("[did 2001]\ntarget = queue:salez\n",
	    "[did 2001] target: no queue \"salez\" is defined"), "dangling DID");
	ok(refused("[did 2001]\ntarget = sales\n",
	    "[did 2001] target: \"sales\" is not one of: queue:NAME, menu:NAME"),
	    "DID target shape");
	ok(refused("[did 2002]\nname = x\n", "[did 2002] target: missing (required)"),
	    "missing required key");
	ok(refused("[did 2001]\ntarget = menu:nope\n",
	    "[did 2001] target: no menu \"nope\" is defined"), "dangling menu");
	ok(refused("[menu m]\n1 = queue:sales priority=12\n",
	    "[menu m] 1: priority is 0 to 9, not \"12\""), "choice priority");
	ok(refused("[menu m]\n1 = refuse\n", "[menu m] 1: \"refuse\" is not "
	    "one of: queue:NAME, menu:NAME, play:NAME, message:NAME, "
	    "voicemail:NAME, callback:NAME, transfer:NAME, hangup"),
	    "refuse is not an IVR choice");
	ok(refused("[menu m]\n1 = transfer:12ab\n", "[menu m] 1: "
	    "transfer:12ab: a number is 3 to 20 digits"),
	    "transfer takes a number");
	ok(refused("[menu m]\n1 = callback:nosuch\n", "[menu m] 1: no queue "
	    "\"nosuch\" is defined"), "a callback names a queue that exists");
	ok(refused("[queue q]\ncallback = maybe\n", "[queue q] callback: "),
	    "callback is yes or no");
	ok(refused("[queue q]\ncallback_attempts = 0\n",
	    "[queue q] callback_attempts: "), "at least one callback attempt");
	ok(refused("[menu m]\nprompt = ../etc/passwd\nnext = hangup\n",
	    "[menu m] prompt: \"../etc/passwd\" is not a prompt name"),
	    "prompt names cannot be paths");
	ok(refused("[menu m]\ncollect = acct\n",
	    "[menu m] next: needs \"next\""), "collect without next");
	ok(refused("[menu m]\ncollect = acct\nnext = hangup\n1 = hangup\n",
	    "[menu m] next: a menu either collects digits or offers choices"),
	    "collect and choices");
	ok(refused("[queue q2]\nclosed_exit = voicemail:../x\n",
	    "[queue q2] closed_exit: \"../x\" is not a name"), "voicemail box name");
	ok(refused("[agent 1002]\nname = x\npin = " HASH "\nqueues = sales\naudio = hw:0\n",
	    "[agent 1002] audio: \"hw:0\" is not an audio endpoint"),
	    "audio endpoint shape");
	ok(refused("[agent 1002]\npin = " HASH "\nqueues = sales\n",
	    "[agent 1002] name: missing (required)"), "agent without a name");
	ok(refused("[agent 1002]\nname =\npin = " HASH "\nqueues = sales\n",
	    "[agent 1002] name: empty (a value is required)"), "empty name");
	ok(refused("[agent 1002]\nname = A\nqueues = sales\n",
	    "[agent 1002] pin: missing (required)"), "agent without a PIN");
	ok(refused("[agent 1002]\nname = A\npin = 1234\nqueues = sales\n",
	    "[agent 1002] pin: a PIN in clear is not accepted: store its hash "
	    "(make one with `centrala ctl hash-pin`)"), "clear PIN refused");
	ok(refused("[agent 1002]\nname = A\npin = secret\nqueues = sales\n",
	    "[agent 1002] pin: not a crypt(3) hash"), "not a hash");
	ok(refused("[agent 1003]\nname = A\npin = " HASH "\nqueues = nosuch\n",
	    "[agent 1003] queues: no queue \"nosuch\" is defined"),
	    "agent in an undefined queue");
	ok(refused("[agent 1003]\nname = A\npin = " HASH "\nqueues = sales, sales\n",
	    "[agent 1003] queues: queue \"sales\" is listed twice"),
	    "queue listed twice");
	ok(refused("[agent 1003]\nname = A\npin = " HASH "\nqueues = ,\n",
	    "[agent 1003] queues: an agent needs at least one queue"),
	    "agent in no queue");
	ok(refused("[user boss]\nrole = agent\npin = " HASH "\n",
	    "[user boss] role: agents are [agent ID] sections"),
	    "user with agent role");
	ok(refused("[user boss]\npin = " HASH "\n", "[user boss] role: missing "
	    "(required)"), "user without a role");
}

/* Clients: queues and DIDs name theirs; a supervisor may be limited. */
static void
test_clients(void)
{
	struct config *cfg = config_load(SRCDIR "/data/centrala.ini", err,
	    sizeof err);

	ok(cfg != NULL && cfg->nclients == 2 &&
	    strcmp(config_find_queue(cfg, "sales")->client, "acme") == 0 &&
	    strcmp(config_find_did(cfg, "2001")->client, "globex") == 0 &&
	    config_find_user(cfg, "super")->nclients == 0 &&
	    strcmp(config_find_client(cfg, "globex")->description,
	    "Globex Corporation") == 0, "default: two clients own the queues");
	config_free(cfg);
	cfg = load_with("[client acme]\n[queue support]\nclient = acme\n"
	    "[user boss]\nrole = supervisor\npin = " HASH "\nclients = acme\n");
	ok(cfg != NULL && config_find_user(cfg, "boss")->nclients == 1 &&
	    strcmp(config_find_user(cfg, "boss")->clients[0], "acme") == 0 &&
	    config_find_queue(cfg, "sales")->client[0] == '\0',
	    "a supervisor limited to one client; no client by default (%s)",
	    cfg ? "" : err);
	config_free(cfg);
	ok(refused("[queue support]\nclient = nosuch\n", "[queue support] "
	    "client: no client \"nosuch\" is defined"), "queue: unknown client");
	ok(refused("[did 2001]\ntarget = queue:sales\nclient = nosuch\n",
	    "[did 2001] client: no client \"nosuch\""), "DID: unknown client");
	ok(refused("[client acme]\n[user boss]\nrole = supervisor\npin = " HASH
	    "\nclients = acme, nosuch\n", "[user boss] clients: no client "
	    "\"nosuch\""), "supervisor: unknown client");
}

static void
test_section_errors(void)
{
	ok(refused("[spam x]\n", "[spam x]: unknown section kind (core, span, "
	    "did, queue, menu, agent, user, client, campaign, retention)"), "unknown section kind");
	{
		struct config *cfg = load_with("[x-local notes]\nowner = ops\n");

		ok(cfg != NULL && cfg->nwarnings > 0 && strstr(cfg->warnings[
		    cfg->nwarnings - 1], "[x-local notes]: the admin's own") !=
		    NULL, "an [x-...] section is the admin's: kept, a warning");
		config_free(cfg);
	}
	ok(refused("[queue Bad!]\n", "[queue bad!]: needs a name: [queue NAME], "
	    "NAME a-z, 0-9, '-' and '_', at most 32"), "bad name");
	ok(refused("[queue abcdefghijabcdefghijabcdefghijabc]\n", "needs a name"),
	    "name over 32");
	ok(refused("[span]\n", "[span]: needs a name"), "span without a name");
	ok(refused("[did 12ab]\ntarget = queue:sales\n", "[did 12ab]: needs a "
	    "name: [did NAME], NAME digits, at most 20"), "non-numeric DID");
	ok(refused("[did 123456789012345678901]\n", "needs a name"), "DID over 20");
	ok(refused("[agent 12345678901234567]\n", "needs a name"),
	    "agent ID over 16");
	ok(refused("[core main]\n", "[core main]: [core] takes no name"),
	    "named [core]");
	ok(config_load("/nonexistent/c.ini", err, sizeof err) == NULL &&
	    strcmp(err, "/nonexistent/c.ini: cannot read: No such file or "
	    "directory") == 0, "missing file");
	ok(config_load(dir, err, sizeof err) == NULL && strstr(err,
	    ": cannot read: Is a directory") != NULL, "a directory");
	ok(config_load(write_file("bad.ini", "[span a]\n[core\n"), err, sizeof err)
	    == NULL && strstr(err, "bad.ini: line 2: syntax error: [core") !=
	    NULL, "syntax error (%s)", err);
	ok(config_load(write_file("nospan.ini", "[queue q]\n"), err, sizeof err) ==
	    NULL && strstr(err, "nospan.ini: no [span NAME] section: at least "
	    "one span is needed") != NULL, "no span");
}

static void
test_warnings(void)
{
	struct config	*cfg = load_with("[queue q3]\ncolour = blue\n");
	char		 text[256];

	ok(cfg != NULL && cfg->nwarnings == 1 && strstr(cfg->warnings[0],
	    "t.ini: [queue q3] colour: unknown key, ignored") != NULL &&
	    cfg->warnings[1] == NULL, "unknown key warns");
	config_free(cfg);
	snprintf(text, sizeof text, "colour = red\n%s[queue\tq4]\n", base_ini);
	cfg = config_load(write_file("stray.ini", text), err, sizeof err);
	ok(cfg != NULL && cfg->nwarnings == 1 && strstr(cfg->warnings[0],
	    "stray.ini: colour: key outside any section, ignored") != NULL,
	    "key above the first section warns");
	ok(cfg != NULL && config_find_queue(cfg, "q4") != NULL,
	    "tab between kind and name");
	config_free(cfg);
}

/* Dumps a, loads the dump, and checks every setting came back. */
static void
round_trip(struct config *a, const char *what)
{
	struct config	*b;
	char		*t1 = dump(a), *t2;

	b = config_load(write_file("dump.ini", t1), err, sizeof err);
	ok(b != NULL && b->nwarnings == 0, "%s: dump loads back cleanly (%s)",
	    what, b ? "" : err);
	if (b != NULL) {
		ok(same_config(a, b), "%s: same settings after the round trip", what);
		free(b->path);
		b->path = strdup(a->path);
		t2 = dump(b);
		ok(strcmp(t1, t2) == 0, "%s: dump of the dump is identical", what);
		free(t2);
	}
	free(t1);
	config_free(b);
}

static void
test_round_trip(void)
{
	struct config	*a = config_load(SRCDIR "/data/centrala.ini", err,
			    sizeof err);
	char		*t;

	if (a == NULL) {
		ok(0, "default config for the round trip (%s)", err);
		return;
	}
	t = dump(a);
	ok(strstr(t, "offer_timeout = 15") && strstr(t, "; seconds an offer "
	    "rings") && strstr(t, "[agent 1032]") && strstr(t, "max_clients = "
	    "1000"), "dump has values, defaults and help");
	free(t);
	round_trip(a, "default");
	config_free(a);
	a = load_with("[agent 1002]\nname = 'Ann \"Bo\" ; #1'\npin = " HASH
	    "\nqueues = sales\n[did 2001]\ntarget = queue:sales\n"
	    "name = \" spaced; \"\n[queue q5]\ntitle = back\\slash\\ ;x\n"
	    "[core]\nnot_ready_reasons =\n");
	ok(a != NULL && strcmp(config_find_agent(a, "1002")->name,
	    "Ann \"Bo\" ; #1") == 0 && a->core.n_not_ready_reasons == 0,
	    "quoted value with ; and \", empty list (%s)", a ? "" : err);
	if (a != NULL)
		round_trip(a, "awkward strings");
	config_free(a);
}

/* Every action is parsed once, at load, into the value the core acts on. */
static void
test_actions_parsed(void)
{
	struct config		*cfg = load_with("[queue q]\nmax_wait = 60\n"
	    "max_wait_exit = callback:sales\nclosed_exit = message:closed\n"
	    "[menu m]\n1 = queue:sales priority=7\n2 = play:hours\n"
	    "on_fail = transfer:0221234567\n");
	const struct cfg_queue	*q = config_find_queue(cfg, "q");
	const struct cfg_menu	*m = config_find_menu(cfg, "m");
	char			 buf[96];

	ok(cfg != NULL, "actions load");
	ok(q->max_wait_exit.act.kind == ACT_CALLBACK &&
	    strcmp(q->max_wait_exit.act.arg, "sales") == 0, "callback exit");
	ok(q->closed_exit.act.kind == ACT_MESSAGE &&
	    strcmp(q->closed_exit.act.arg, "closed") == 0, "message exit");
	ok(q->max_len_exit.act.kind == ACT_REFUSE, "default exit refuse");
	ok(m->choice[1].act.kind == ACT_QUEUE && m->choice[1].act.priority == 7 &&
	    strcmp(m->choice[1].act.arg, "sales") == 0, "queue with priority");
	ok(m->choice[2].act.kind == ACT_PLAY, "play choice");
	ok(m->choice[0].act.kind == ACT_NONE && m->choice[11].act.kind ==
	    ACT_NONE, "keys without a choice are none");
	ok(m->on_fail.act.kind == ACT_TRANSFER &&
	    strcmp(m->on_fail.act.arg, "0221234567") == 0, "transfer on fail");
	ok(strcmp(action_format(&m->choice[1].act, buf, sizeof buf),
	    "queue:sales priority=7") == 0, "formatted back as written");
	config_free(cfg);
	ok(refused("[queue q]\nmax_wait_exit = queue:nosuch\n",
	    "[queue q] max_wait_exit: no queue \"nosuch\" is defined"),
	    "overflow to a queue that does not exist");
	ok(refused("[queue q]\nmax_wait_exit = refuse\n",
	    "[queue q] max_wait_exit: \"refuse\" is not one of"),
	    "no refusing after the answer");
	ok(refused("[queue q]\nmax_len_exit = \"\"\n",
	    "[queue q] max_len_exit: \"\" is not one of"), "an exit is needed");
}

int
main(void)
{
	char cmd[64];

	if (mkdtemp(dir) == NULL)
		return 1;
	test_default();
	test_defaults_applied();
	test_value_errors();
	test_t1();
	test_reference_errors();
	test_actions_parsed();
	test_section_errors();
	test_clients();
	test_warnings();
	test_round_trip();
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		return 1;
	return tap_done();
}
