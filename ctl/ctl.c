/* ctl.c: `centrala ctl`: talks to a running core as its local admin (the
 * core's own Unix user or root), or as a named supervisor/admin with a PIN.
 * Commands are a table: name, arguments, what they need, help, handler.
 * Exit codes: 0 ok, 1 request failed, 2 usage, 3 cannot connect. */
#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include "cli.h"
#include "clock.h"
#include "ctl.h"
#include "pin.h"
#include "xmalloc.h"

/* What a command needs or accepts. */
#define CTL_NO_CORE	0x01	/* runs without a core */
#define CTL_NO_LOGIN	0x02	/* connects by itself, no login */
#define CTL_OPT_JSON	0x04	/* accepts --json */
#define CTL_OPT_MODE	0x08	/* accepts --wait / --clear */
#define CTL_OPT_CAMP	0x10	/* accepts --country, --client, --priority */
#define CTL_OPT_OUT	0x20	/* accepts --out */

struct ctl_cmd {
	const char	*name;
	const char	*args;		/* for the usage line */
	int		 nargs;
	int		 flags;
	const char	*summary;
	const char	*help;		/* more, for `ctl CMD --help` */
	int		(*fn)(struct cli *, char **);
};

static struct {
	const char	*socket, *state, *user, *mode;
	int		 timeout_s, timeout_given, json, help, camp;
} opt = { .timeout_s = 10 };

static int	cmd_status(struct cli *, char **);
static int	cmd_reload(struct cli *, char **);
static int	cmd_stop(struct cli *, char **);
static int	cmd_show_config(struct cli *, char **);
static int	cmd_set_pin(struct cli *, char **);
static int	cmd_hash_pin(struct cli *, char **);
static int	cmd_events(struct cli *, char **);
static int	cmd_why(struct cli *, char **);
static int	cmd_req(struct cli *, char **);
static int	cmd_wait_ready(struct cli *, char **);
static int	cmd_backup(struct cli *, char **);

static const struct ctl_cmd ctl_cmds[] = {
	{ "status", "[--json]", 0, CTL_OPT_JSON,
	  "spans, queues, agents and calls",
	  "Prints the core's spans, queues (with today's service level, ASA and\n"
	  "AHT), logged-in agents and calls as tables; --json prints the raw\n"
	  "reply as one line.\n",
	  cmd_status },
	{ "reload", "", 0, 0,
	  "re-read the configuration (calls are kept)",
	  "The core parses its file again and swaps it in only if all of it is\n"
	  "valid; warnings (unknown keys...) are printed. A bad file leaves the\n"
	  "running configuration untouched and ctl exits 1.\n",
	  cmd_reload },
	{ "stop", "[--wait|--clear]", 0, CTL_OPT_MODE,
	  "stop the core; returns when it has gone",
	  "--wait (default): refuse new calls, exit when the last call ends.\n"
	  "--clear: clear every call now, then exit.\n"
	  "ctl returns when the core has closed its socket (no time limit unless\n"
	  "--timeout is given).\n",
	  cmd_stop },
	{ "show-config", "", 0, 0,
	  "the configuration in force, every key",
	  "Prints the configuration the core runs with, as an INI file.\n",
	  cmd_show_config },
	{ "set-pin", "WHO", 1, 0,
	  "set an agent's or user's PIN (read from stdin)",
	  "WHO is an agent id or a user name; the new PIN (4-12 digits) is read\n"
	  "from stdin, after the login PIN when --user is given without\n"
	  "$CENTRALA_PIN.\n",
	  cmd_set_pin },
	{ "hash-pin", "", 0, CTL_NO_CORE,
	  "read a PIN on stdin, print its hash for the config",
	  "Reads a PIN (4-12 digits) on stdin and prints its crypt(3) hash, for\n"
	  "`pin = ...` in the configuration file. Needs no core.\n",
	  cmd_hash_pin },
	{ "events", "", 0, 0,
	  "print live events as JSON lines",
	  "Subscribes and prints each event as one JSON line until the core goes\n"
	  "away (exit 0) or Ctrl-C.\n",
	  cmd_events },
	{ "why", "CALL", 1, 0,
	  "why the call was offered to that agent",
	  "Prints the ACD's reasons for the agent it chose for CALL (a call in\n"
	  "progress; for one that ended, see its offer events).\n",
	  cmd_why },
	{ "req", "JSON", 1, 0,
	  "send one raw request, print the reply",
	  "Sends JSON (an object such as '{\"req\":\"ping\"}'; an integer id is\n"
	  "added if it has none) after the login and prints the reply as one\n"
	  "JSON line. Exit 0 if the reply says ok, 1 if not.\n",
	  cmd_req },
	{ "wait-ready", "", 0, CTL_NO_LOGIN,
	  "wait until the core answers (up to --timeout)",
	  "Tries to connect until the core answers hello, for scripts. Exit 0\n"
	  "when it does, 3 if it did not within --timeout seconds.\n",
	  cmd_wait_ready },
	{ "import-list", "CAMPAIGN LIST FILE.csv", 3, CTL_OPT_CAMP,
	  "import a call list from CSV (admins)",
	  "FILE is UTF-8 CSV with a header row: phone (or number, telephone,\n"
	  "tel), name, tz; other columns are kept as the record's fields.\n"
	  "Numbers are normalised to E.164; --country CC for national ones\n"
	  "(default: the campaign's country). --priority N (0-100, higher first)\n"
	  "sets the list's. Bad rows are listed by line and skipped; a fatal\n"
	  "error imports nothing. The core reads the file.\n",
	  ctl_import_list },
	{ "dnc", "add|remove|check NUMBER | import FILE", 2, CTL_OPT_CAMP,
	  "the do-not-call lists",
	  "Adds, removes or checks NUMBER on the global do-not-call list, or the\n"
	  "one of --client C; import reads FILE (one number a line, the first\n"
	  "column of a CSV; admins). --country CC for national numbers.\n",
	  ctl_dnc },
	{ "why-not", "RECORD", 1, 0,
	  "why a campaign record is not being dialed now",
	  "One line per reason: the campaign's or list's state, end date, do-\n"
	  "not-call, calling hours in the record's zone, retry delay, attempts.\n",
	  ctl_why_not },
	{ "campaigns", "", 0, 0,
	  "campaigns with their state and lists",
	  "Prints each campaign you may see (mode, state, successes of the\n"
	  "target) and its lists with their records, open and done.\n",
	  ctl_campaigns },
	{ "campaign", "CAMPAIGN pause|resume|stop", 2, 0,
	  "change a campaign's state",
	  "Pauses, resumes or stops the campaign; recorded with who did it.\n",
	  ctl_campaign },
	{ "list", "CAMPAIGN LIST pause|resume|remove", 3, 0,
	  "change a call list's state",
	  "Pauses, resumes or removes a list of the campaign.\n", ctl_list },
	{ "backup", "FILE", 1, 0,
	  "copy the live database to FILE (calls go on)",
	  "The core copies its database, as it is when the request arrives, to\n"
	  "FILE (relative to this directory; it must not exist, and the core's\n"
	  "Unix user must be able to write there) with SQLite's online backup,\n"
	  "while calls go on. ctl returns when FILE is complete (no time limit\n"
	  "unless --timeout is given). Restore: stop the core, put FILE in\n"
	  "place of centrala.db (removing centrala.db-wal and -shm), start it.\n",
	  cmd_backup },
	{ "customer", "export|erase ID [--out DIR]", 2, CTL_OPT_OUT,
	  "a customer's personal data: export or erase (admins)",
	  "export prints every record of customer ID as one JSON document: the\n"
	  "customer, contacts and notes, calls (CDRs of linked contacts or of\n"
	  "the customer's numbers), recordings, voicemail, callbacks, campaign\n"
	  "records and attempts. --out DIR: the core writes\n"
	  "DIR/customer-ID.json and copies the recording and voicemail files\n"
	  "beside it (the core's Unix user must be able to write there).\n"
	  "erase deletes all of it, files too; the calls' CDRs stay for the\n"
	  "statistics with the number replaced by \"erased\". One line is kept\n"
	  "in the erasures table: when, who, the id and the counts. Both are\n"
	  "logged as security events.\n",
	  ctl_customer },
};
#define CTL_NCMDS (sizeof ctl_cmds / sizeof ctl_cmds[0])

static void
ctl_usage(FILE *f)
{
	char left[40];

	fprintf(f, "usage: centrala ctl [options] COMMAND [args]\n"
	    "Talks to a running core.\n\nCommands:\n");
	for (size_t i = 0; i < CTL_NCMDS; i++) {
		snprintf(left, sizeof left, "%s %s", ctl_cmds[i].name,
		    ctl_cmds[i].args);
		fprintf(f, "  %-22s %s\n", left, ctl_cmds[i].summary);
	}
	fprintf(f, "\nOptions:\n"
"  -S, --socket PATH      the core's socket\n"
"  -s, --state-dir DIR    the core's state directory (socket in DIR/run);\n"
"                         default $CENTRALA_SOCKET, $CENTRALA_STATE_DIR,\n"
"                         else ./state or ./demo-state, whichever has a core\n"
"  -u, --user NAME        log in as this supervisor/admin (PIN from\n"
"                         $CENTRALA_PIN or stdin); default: local admin\n"
"  -t, --timeout S        seconds to wait for a reply (default 10)\n"
"  --country CC, --client NAME, --priority N\n"
"                         for import-list and dnc (see COMMAND --help)\n"
"  --out DIR              for customer export: write into DIR\n"
"  -h, --help             this, or `centrala ctl COMMAND --help`\n\n"
"Exit: 0 ok, 1 request failed, 2 usage, 3 cannot connect.\n");
}

static void
ctl_cmd_usage(const struct ctl_cmd *cmd, FILE *f)
{
	fprintf(f, "usage: centrala ctl [options] %s %s\n%s.\n\n%s", cmd->name,
	    cmd->args, cmd->summary, cmd->help);
}

void
ctl_die(int code, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "centrala ctl: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(code);
}

/* Reads one line from stdin, without echo on a terminal; NULL at EOF. */
static char *
ctl_read_line(const char *prompt)
{
	static char	 buf[128];
	struct termios	 t, quiet;
	int		 tty = isatty(0) && tcgetattr(0, &t) == 0;
	char		*r;

	if (tty) {
		fprintf(stderr, "%s", prompt);
		quiet = t;
		quiet.c_lflag &= ~ECHO;
		tcsetattr(0, TCSAFLUSH, &quiet);
	}
	r = fgets(buf, sizeof buf, stdin);
	if (tty) {
		tcsetattr(0, TCSAFLUSH, &t);
		fputc('\n', stderr);
	}
	if (r == NULL)
		return NULL;
	buf[strcspn(buf, "\r\n")] = '\0';
	return buf;
}

static struct cli *
ctl_connect(void)
{
	char		 err[512];
	struct cli	*c;

	if ((c = cli_connect(cli_socket_path(opt.socket, opt.state), err,
	    sizeof err)) == NULL)
		ctl_die(EXIT_CONNECT, "%s", err);
	cli_set_timeout(c, opt.timeout_s * 1000);
	if (cli_hello(c, "ctl/" VERSION) != 0)
		ctl_die(cli_closed(c) ? EXIT_CONNECT : EXIT_FAILED, "%s",
		    cli_error(c));
	return c;
}

static void
ctl_login(struct cli *c)
{
	const char	*pin;
	int		 r;

	if (opt.user == NULL)
		r = cli_login_local(c, NULL);
	else {
		if ((pin = getenv("CENTRALA_PIN")) == NULL &&
		    (pin = ctl_read_line("PIN: ")) == NULL)
			ctl_die(EXIT_USAGE, "no PIN for %s (on stdin or in "
			    "$CENTRALA_PIN)", opt.user);
		r = cli_login_user(c, opt.user, pin, NULL);
	}
	if (r != 0)
		ctl_die(EXIT_FAILED, "%s", cli_error(c));
}

json_t *
ctl_call(struct cli *c, json_t *req)
{
	json_t		*reply = cli_call(c, req, opt.timeout_s * 1000);
	const char	*e;

	if (reply == NULL)
		ctl_die(EXIT_FAILED, "%s", cli_error(c));
	if ((e = cli_reply_error(reply)) != NULL)
		ctl_die(EXIT_FAILED, "%s", e);
	return reply;
}

static json_t *
ctl_simple(struct cli *c, const char *name)
{
	return ctl_call(c, json_pack("{s:s}", "req", name));
}

static void
ctl_print_json(json_t *j)
{
	json_dumpf(j, stdout, JSON_COMPACT);
	putchar('\n');
	fflush(stdout);
}

/* --- a reply's fields --- */

const char *
ctl_s(json_t *o, const char *k)
{
	const char *s = json_string_value(json_object_get(o, k));

	return s != NULL ? s : "-";
}

int
ctl_i(json_t *o, const char *k)
{
	return (int)json_integer_value(json_object_get(o, k));
}

/* --- the commands --- */

static int
cmd_status(struct cli *c, char **argv)
{
	json_t *r = ctl_simple(c, "status");

	if (opt.json)
		ctl_print_json(r);
	else
		ctl_print_status(r);
	json_decref(r);
	return 0;
}

/* Prints "LABEL: a, b" for a non-empty list of strings. */
static void
ctl_print_list(const char *label, json_t *list)
{
	json_t	*x;
	size_t	 i;

	if (json_array_size(list) == 0)
		return;
	printf("%s: ", label);
	json_array_foreach(list, i, x)
		printf("%s%s", i ? ", " : "", json_string_value(x));
	printf("\n");
}

static int
cmd_reload(struct cli *c, char **argv)
{
	json_t	*r = ctl_simple(c, "reload"), *w;
	size_t	 i;

	if (opt.json) {
		ctl_print_json(r);
		json_decref(r);
		return 0;
	}
	json_array_foreach(json_object_get(r, "warnings"), i, w)
		printf("warning: %s\n", json_string_value(w));
	printf("configuration reloaded\n");
	ctl_print_list("applied", json_object_get(r, "applied"));
	ctl_print_list("needs a restart", json_object_get(r, "restart"));
	if (json_array_size(json_object_get(r, "applied")) +
	    json_array_size(json_object_get(r, "restart")) == 0)
		printf("no setting changed\n");
	json_decref(r);
	return 0;
}

/* The core's exit shows as the end of our connection. */
static int
cmd_stop(struct cli *c, char **argv)
{
	const char	*mode = opt.mode != NULL ? opt.mode : "wait";
	int		 limit = opt.timeout_given ? opt.timeout_s * 1000 : -1;
	json_t		*ev;

	json_decref(ctl_call(c, json_pack("{s:s,s:s}", "req", "stop", "mode",
	    mode)));
	if (strcmp(mode, "wait") == 0)
		printf("stopping: the core refuses new calls and exits when the "
		    "last one ends\n");
	fflush(stdout);
	while ((ev = cli_next_event(c, limit)) != NULL)
		json_decref(ev);
	if (!cli_closed(c))
		ctl_die(EXIT_FAILED, "the core is still running after %ds",
		    opt.timeout_s);
	printf("core stopped\n");
	return 0;
}

static int
cmd_show_config(struct cli *c, char **argv)
{
	json_t *r = ctl_simple(c, "show-config");

	fputs(ctl_s(r, "config"), stdout);
	json_decref(r);
	return 0;
}

static int
cmd_set_pin(struct cli *c, char **argv)
{
	char *pin = ctl_read_line("new PIN: ");

	if (pin == NULL)
		ctl_die(EXIT_USAGE, "set-pin: no PIN on stdin");
	json_decref(ctl_call(c, json_pack("{s:s,s:s,s:s}", "req", "set-pin",
	    "who", argv[0], "pin", pin)));
	printf("PIN of %s changed\n", argv[0]);
	return 0;
}

static int
cmd_hash_pin(struct cli *c, char **argv)
{
	char *pin = ctl_read_line("PIN: "), *h;

	if (pin == NULL || (h = pin_hash(pin)) == NULL)
		ctl_die(EXIT_USAGE, "hash-pin: a PIN is 4 to 12 digits");
	printf("%s\n", h);
	free(h);
	return 0;
}

static int
cmd_events(struct cli *c, char **argv)
{
	json_t *ev;

	json_decref(ctl_simple(c, "subscribe"));
	while ((ev = cli_next_event(c, -1)) != NULL) {
		ctl_print_json(ev);
		json_decref(ev);
	}
	return 0;
}

static int
cmd_why(struct cli *c, char **argv)
{
	json_t *r = ctl_call(c, json_pack("{s:s,s:s}", "req", "why", "call",
	    argv[0]));

	printf("%s\n", ctl_s(r, "why"));
	json_decref(r);
	return 0;
}

/* Checked before connecting, so a typo never reaches the core. */
static json_t *
ctl_parse_req(const char *text)
{
	json_error_t	 jerr;
	json_t		*req = json_loads(text, 0, &jerr);

	if (req == NULL)
		ctl_die(EXIT_USAGE, "req: not valid JSON: %s (column %d)",
		    jerr.text, jerr.column);
	if (!json_is_object(req))
		ctl_die(EXIT_USAGE, "req: a request is a JSON object, e.g. "
		    "'{\"req\":\"ping\"}'");
	return req;
}

static int
cmd_req(struct cli *c, char **argv)
{
	json_t	*r = cli_call(c, ctl_parse_req(argv[0]), opt.timeout_s * 1000);
	int	 ok;

	if (r == NULL)
		ctl_die(EXIT_FAILED, "%s", cli_error(c));
	ok = json_is_true(json_object_get(r, "ok"));
	ctl_print_json(r);
	json_decref(r);
	return ok ? 0 : EXIT_FAILED;
}

/* One attempt: connect and hello within the time left. */
static int
ctl_try_hello(uint64_t end)
{
	char		 err[512];
	struct cli	*c;
	uint64_t	 now = clock_mono_us();
	int		 r;

	if ((c = cli_connect(cli_socket_path(opt.socket, opt.state), err,
	    sizeof err)) == NULL)
		return -1;
	cli_set_timeout(c, now < end ? (int)((end - now) / 1000) + 1 : 1);
	r = cli_hello(c, "ctl/" VERSION);
	cli_close(c);
	return r;
}

/* Nothing tells us when a socket starts to accept, so this retries every
 * 100 ms until the deadline. */
static int
cmd_wait_ready(struct cli *unused, char **argv)
{
	uint64_t	 end = clock_mono_us() + (uint64_t)opt.timeout_s * 1000000;
	struct timespec	 pause = { 0, 100 * 1000 * 1000 };

	while (ctl_try_hello(end) != 0) {
		if (clock_mono_us() >= end)
			ctl_die(EXIT_CONNECT, "no core answered at %s within %ds",
			    cli_socket_path(opt.socket, opt.state),
			    opt.timeout_s);
		nanosleep(&pause, NULL);
	}
	return 0;
}

/* The core writes the file: a relative name is made ours first. */
static char *
ctl_absolute(const char *file)
{
	char	 cwd[4096];

	if (file[0] == '/')
		return xstrdup(file);
	if (file[0] == '\0' || getcwd(cwd, sizeof cwd) == NULL)
		ctl_die(EXIT_USAGE, "backup: \"%s\" is not a file name", file);
	return xprintf("%s/%s", cwd, file);
}

/* The reply says it has started; the "backup" event how it ended. */
static int
cmd_backup(struct cli *c, char **argv)
{
	char		*file = ctl_absolute(argv[0]);
	int		 limit = opt.timeout_given ? opt.timeout_s * 1000 : -1;
	const char	*ev_name;
	json_t		*ev;

	json_decref(ctl_call(c, json_pack("{s:s,s:s}", "req", "backup", "file",
	    file)));
	while ((ev = cli_next_event(c, limit)) != NULL) {
		ev_name = json_string_value(json_object_get(ev, "event"));
		if (ev_name != NULL && strcmp(ev_name, "backup") == 0)
			break;
		json_decref(ev);
	}
	if (ev == NULL)
		ctl_die(EXIT_FAILED, "backup to %s: no answer from the core (%s)",
		    file, cli_closed(c) ? "it went away" : "timed out");
	if (!json_is_true(json_object_get(ev, "ok")))
		ctl_die(EXIT_FAILED, "backup to %s failed: %s", file,
		    ctl_s(ev, "error"));
	printf("backup written to %s (%d pages, %lld bytes)\n", file,
	    ctl_i(ev, "pages"), (long long)json_integer_value(
	    json_object_get(ev, "bytes")));
	json_decref(ev);
	free(file);
	return 0;
}

/* --- options and dispatch --- */

static const struct ctl_cmd *
ctl_find(const char *name)
{
	for (size_t i = 0; i < CTL_NCMDS; i++)
		if (strcmp(ctl_cmds[i].name, name) == 0)
			return &ctl_cmds[i];
	return NULL;
}

static int
ctl_seconds(const char *s)
{
	char	*end;
	long	 v = strtol(s, &end, 10);

	if (*s == '\0' || *end != '\0' || v <= 0 || v > 86400)
		ctl_die(EXIT_USAGE, "--timeout: \"%s\" is not a number of "
		    "seconds (1 to 86400)", s);
	return (int)v;
}

static int
ctl_priority(const char *s)
{
	char	*end;
	long	 v = strtol(s, &end, 10);

	if (*s == '\0' || *end != '\0' || v < 0 || v > 100)
		ctl_die(EXIT_USAGE, "--priority: \"%s\" is not 0 to 100", s);
	return (int)v;
}

static void
ctl_set_mode(const char *mode)
{
	if (opt.mode != NULL && strcmp(opt.mode, mode) != 0)
		ctl_die(EXIT_USAGE, "stop: --wait or --clear, not both");
	opt.mode = mode;
}

/* Options may come before or after the command (getopt permutes). */
static void
ctl_options(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "socket", 1, NULL, 'S' }, { "state-dir", 1, NULL, 's' },
		{ "user", 1, NULL, 'u' }, { "timeout", 1, NULL, 't' },
		{ "json", 0, NULL, 'j' }, { "wait", 0, NULL, 'w' },
		{ "clear", 0, NULL, 'c' }, { "help", 0, NULL, 'h' },
		{ "country", 1, NULL, 'C' }, { "client", 1, NULL, 'L' },
		{ "priority", 1, NULL, 'P' }, { "out", 1, NULL, 'O' },
		{ NULL, 0, NULL, 0 }
	};
	int ch;

	while ((ch = getopt_long(argc, argv, "S:s:u:t:h", lo, NULL)) != -1) {
		switch (ch) {
		case 'S': opt.socket = optarg; break;
		case 's': opt.state = optarg; break;
		case 'u': opt.user = optarg; break;
		case 't':
			opt.timeout_s = ctl_seconds(optarg);
			opt.timeout_given = 1;
			break;
		case 'j': opt.json = 1; break;
		case 'w': ctl_set_mode("wait"); break;
		case 'c': ctl_set_mode("clear"); break;
		case 'h': opt.help = 1; break;
		case 'O': ctl_out = optarg; break;
		case 'C': ctl_camp.country = optarg; opt.camp = 1; break;
		case 'L': ctl_camp.client = optarg; opt.camp = 1; break;
		case 'P':
			ctl_camp.priority = ctl_priority(optarg);
			opt.camp = 1;
			break;
		default:
			fprintf(stderr, "(centrala ctl --help lists the "
			    "options)\n");
			exit(EXIT_USAGE);
		}
	}
}

/* The arguments and options fit the command, else a usage error. */
static void
ctl_check(const struct ctl_cmd *cmd, int nargs)
{
	const char *bad = NULL;

	if (opt.json && !(cmd->flags & CTL_OPT_JSON))
		bad = "--json";
	else if (opt.mode != NULL && !(cmd->flags & CTL_OPT_MODE))
		bad = opt.mode[0] == 'w' ? "--wait" : "--clear";
	else if (opt.camp && !(cmd->flags & CTL_OPT_CAMP))
		bad = "--country, --client or --priority";
	else if (ctl_out != NULL && !(cmd->flags & CTL_OPT_OUT))
		bad = "--out";
	if (bad != NULL)
		fprintf(stderr, "centrala ctl: %s: %s does not apply\n",
		    cmd->name, bad);
	else if (nargs != cmd->nargs)
		fprintf(stderr, "centrala ctl: %s: %s\n", cmd->name, nargs <
		    cmd->nargs ? "missing argument" : "too many arguments");
	else
		return;
	ctl_cmd_usage(cmd, stderr);
	exit(EXIT_USAGE);
}

int
main(int argc, char **argv)
{
	const struct ctl_cmd	*cmd;
	struct cli		*c = NULL;
	int			 r;

	signal(SIGPIPE, SIG_IGN);
	ctl_options(argc, argv);
	if (optind >= argc) {
		ctl_usage(opt.help ? stdout : stderr);
		return opt.help ? 0 : EXIT_USAGE;
	}
	if ((cmd = ctl_find(argv[optind])) == NULL)
		ctl_die(EXIT_USAGE, "unknown command \"%s\" (centrala ctl --help "
		    "lists them)", argv[optind]);
	if (opt.help) {
		ctl_cmd_usage(cmd, stdout);
		return 0;
	}
	ctl_check(cmd, argc - optind - 1);
	if (cmd->fn == cmd_req)
		json_decref(ctl_parse_req(argv[optind + 1]));
	if (!(cmd->flags & (CTL_NO_CORE | CTL_NO_LOGIN))) {
		c = ctl_connect();
		ctl_login(c);
	}
	r = cmd->fn(c, argv + optind + 1);
	cli_close(c);
	return r;
}
