/* config-table.c: every setting Centrala reads, one row each: section,
 * key, type, range or choices, default, help, where it is stored, its
 * checker (config-check.c) and whether a reload applies a change
 * (CFG_RELOAD) or it waits for a restart (CFG_RESTART). Reading,
 * validation, defaults, `ctl show-config`, `ctl reload`'s reply, the man
 * page's key lists (config-man.c) and the setup wizard's forms are all
 * driven by these rows. Adding a setting = adding a row.
 *
 * A default of "$name" stands for the section's own name ([queue sales]
 * title defaults to "sales"); NULL means the key is required. Sections are
 * listed in the order they are dumped. */
#include <stddef.h>
#include "action.h"
#include "config.h"
#include "config-check.h"
#include "camprule.h"

/* A queue's exits: after answering (max wait) the call can hang up; before
 * (full, closed) it can still be refused with no charge to the caller. An
 * IVR choice, failure or next step may also play a prompt and come back. */
#define EXIT_ANSWERED	(ACT_QUEUE | ACT_MENU | ACT_MESSAGE | ACT_VOICEMAIL | \
			 ACT_CALLBACK | ACT_TRANSFER)
#define EXIT_REFUSE	(EXIT_ANSWERED | ACT_REFUSE)
#define EXIT_HANGUP	(EXIT_ANSWERED | ACT_HANGUP)
#define MENU_ACTION	(EXIT_ANSWERED | ACT_HANGUP | ACT_PLAY)

static const char *const levels[] = { "debug", "info", "warn", "error", NULL };
static const char *const drivers[] = { "vspan", "dahdi", NULL };
static const char *const sides[] = { "user", "network", NULL };
static const char *const switches[] = { "euroisdn_e1", "ni2", "qsig",
	"default", "euroisdn", "national", "ni1", "dms100", "5ess", "4ess",
	NULL };
static const char *const span_types[] = { "e1", "t1", NULL };
static const char *const countries[] = { "eu", "us", "uk", NULL };
static const char *const strategies[] = { "longest_idle", "fewest_calls",
	"least_talk", "round_robin", "linear", "random", "skill_weighted",
	"ring_all", NULL };
static const char *const missed[] = { "not_ready", "ready", NULL };
static const char *const roles[] = { "agent", "supervisor", "admin", NULL };
static const char *const rec_formats[] = { "stereo", "mixed", NULL };
static const char *const rec_encodings[] = { "alaw", "pcm16", NULL };
static const char *const waiting[] = { "ringback", "moh", "silence", NULL };
static const char *const noyes[] = { "no", "yes", NULL };
static const char *const terminators[] = { "hash", "star", "", NULL };
static const char *const dial_modes[] = { "preview", "progressive",
	"predictive", NULL };
static const char *const amd_modes[] = { "off", "detect", NULL };
static const char *const camp_states[] = { "running", "paused", "stopped",
	NULL };

#define C(f) offsetof(struct cfg_core, f)
#define RT(f) offsetof(struct cfg_retention, f)
#define KEEP(f, what) { "retention", #f, CFG_STRING, 0, 0, NULL, "never", \
	"how long " what " are kept: 90d, 6w, 2y or never (applied by " \
	"the core at start and daily)", RT(f), check_duration, CFG_RELOAD }
#define S(f) offsetof(struct cfg_span, f)
#define D(f) offsetof(struct cfg_did, f)
#define Q(f) offsetof(struct cfg_queue, f)
#define A(f) offsetof(struct cfg_agent, f)
#define U(f) offsetof(struct cfg_user, f)
#define M(f) offsetof(struct cfg_menu, f)
#define CL(f) offsetof(struct cfg_client, f)
#define CP(f) offsetof(struct cfg_campaign, f)
#define RETRY(o, name, dflt, what) { "campaign", "retry_" name, CFG_STRING, \
	0, 0, NULL, dflt, "after " what ": MINUTES:MAX_ATTEMPTS (again after " \
	"so many minutes while the record had fewer attempts)", \
	CP(retry[o]), check_retry, CFG_RELOAD }
#define MENU_KEY(k, i) { "menu", k, CFG_ACTION, MENU_ACTION, 0, NULL, "", \
	"action when the caller presses " k, M(choice[i]), NULL, CFG_RELOAD }

const struct cfg_key config_table[] = {
	{ "core", "state_dir", CFG_STRING, 0, 0, NULL, "state",
	  "where sockets, database, logs and recordings live", C(state_dir), NULL,
	  CFG_RESTART },
	{ "core", "run_dir", CFG_STRING, 0, 0, NULL, "",
	  "sockets (empty: STATE_DIR/run)", C(run_dir), NULL, CFG_RESTART },
	{ "core", "db_path", CFG_STRING, 0, 0, NULL, "",
	  "the SQLite database (empty: STATE_DIR/centrala.db)", C(db_path), NULL,
	  CFG_RESTART },
	{ "core", "log_file", CFG_STRING, 0, 0, NULL, "log/core.log",
	  "log file, relative to STATE_DIR; \"syslog\" (facility daemon), "
	  "\"stderr\" or \"-\": standard error",
	  C(log_file), NULL, CFG_RELOAD },
	{ "core", "log_level", CFG_ENUM, 0, 0, levels, "info",
	  "least important log lines kept", C(log_level), NULL, CFG_RELOAD },
	{ "core", "max_line", CFG_INT, 1024, 1048576, NULL, "65536",
	  "longest protocol line accepted, bytes", C(max_line), NULL,
	  CFG_RELOAD },
	{ "core", "client_outbuf", CFG_INT, 65536, 67108864, NULL, "1048576",
	  "bytes queued to a client before it is cut off", C(client_outbuf), NULL,
	  CFG_RELOAD },
	{ "core", "max_clients", CFG_INT, 1, 10000, NULL, "1000",
	  "clients connected at once", C(max_clients), NULL, CFG_RELOAD },
	{ "core", "idle_login_timeout", CFG_INT, 1, 3600, NULL, "30",
	  "seconds a client may stay connected without logging in",
	  C(idle_login_timeout), NULL, CFG_RELOAD },
	{ "core", "not_ready_reasons", CFG_LIST, 0, 0, NULL,
	  "break, lunch, training, back_office, meeting, personal",
	  "reason codes an agent may give for not ready", C(not_ready_reasons),
	  check_codes, CFG_RELOAD },
	{ "core", "agent_grace", CFG_INT, 0, 86400, NULL, "120",
	  "seconds an agent whose console disconnected stays logged in (a "
	  "call goes on; logging in again picks it up)", C(agent_grace), NULL,
	  CFG_RELOAD },
	{ "core", "prompts_dir", CFG_STRING, 0, 0, NULL, "",
	  "recorded prompts, DIR/LANG/NAME.wav (empty: the installed set)",
	  C(prompts_dir), NULL, CFG_RELOAD },
	{ "core", "language", CFG_STRING, 0, 0, NULL, "en",
	  "language of prompts when a menu sets none", C(language), check_prompt,
	  CFG_RELOAD },
	{ "core", "record_format", CFG_ENUM, 0, 0, rec_formats, "stereo",
	  "recordings: stereo (caller left, agent right) or mixed (mono)",
	  C(record_format), NULL, CFG_RELOAD },
	{ "core", "record_encoding", CFG_ENUM, 0, 0, rec_encodings, "alaw",
	  "call recordings' samples: alaw (G.711 A-law WAV, the telephone "
	  "line's own quality in half the disk of pcm16) or pcm16 (16-bit "
	  "linear WAV); a change applies to recordings started after it",
	  C(record_encoding), NULL, CFG_RELOAD },
	{ "core", "print_destination", CFG_STRING, 0, 0, NULL, "",
	  "CUPS destination of `centrala report --print` (empty: CUPS's "
	  "default)", C(print_destination), NULL, CFG_RELOAD },
	{ "core", "socket_group", CFG_STRING, 0, 0, NULL, "",
	  "Unix group given the clients' socket (mode 0660), e.g. "
	  "centrala-agents (empty: the core's own group)", C(socket_group),
	  NULL, CFG_RELOAD },

	{ "span", "driver", CFG_ENUM, 0, 0, drivers, "vspan",
	  "vspan: the virtual E1 or T1 span (docs/vspan.md); dahdi: a port "
	  "of a PRA card through DAHDI (docs/HARDWARE.md)", S(driver), NULL,
	  CFG_RESTART },
	{ "span", "side", CFG_ENUM, 0, 0, sides, "user",
	  "our Q.931 side: user (CPE) or network", S(side), NULL,
	  CFG_RESTART },
	{ "span", "switchtype", CFG_ENUM, 0, 0, switches, "default",
	  "Q.931 variant: on E1 euroisdn (the default) or qsig; on T1 "
	  "national (NI2, the default), ni1, dms100, 5ess, 4ess or qsig",
	  S(switchtype), check_switch, CFG_RESTART },
	{ "span", "country", CFG_STRING, 0, 0, countries, "eu",
	  "tone plan (ringback, busy)", S(country), NULL, CFG_RESTART },
	{ "span", "caller_id", CFG_STRING, 0, 0, NULL, "",
	  "caller id for outbound calls", S(caller_id), check_digits,
	  CFG_RESTART },
	{ "span", "first_channel", CFG_INT, 1, 31, NULL, "1",
	  "timeslot our outbound calls try first (E1: 1-31 but not 16; T1: "
	  "1-23)", S(first_channel), check_channel,
	  CFG_RESTART },
	{ "span", "type", CFG_ENUM, 0, 0, span_types, "e1",
	  "e1: 30 B-channels, A-law; t1: 23 B-channels + D on timeslot 24, "
	  "mu-law (docs/vspan.md)", S(type), NULL, CFG_RESTART },
	{ "span", "dahdi_span", CFG_INT, 0, 128, NULL, "0",
	  "driver = dahdi: the card port's DAHDI span number (dahdi_scan, "
	  "/proc/dahdi/N); spans 1 to N-1 must be configured too",
	  S(dahdi_span), check_dahdi, CFG_RESTART },

	{ "did", "name", CFG_STRING, 0, 0, NULL, "",
	  "label for reports", D(name), NULL, CFG_RELOAD },
	{ "did", "target", CFG_ACTION, ACT_QUEUE | ACT_MENU, 0, NULL, NULL,
	  "where calls to this number go: queue:NAME or menu:NAME", D(target),
	  NULL, CFG_RELOAD },
	{ "did", "priority", CFG_INT, 0, 9, NULL, "0",
	  "callers on this number go ahead of lower priorities (VIP lines)",
	  D(priority), NULL, CFG_RELOAD },
	{ "did", "client", CFG_STRING, 0, 0, NULL, "",
	  "the [client NAME] this number belongs to (empty: none)", D(client),
	  check_client, CFG_RELOAD },

	{ "queue", "title", CFG_STRING, 0, 0, NULL, "$name",
	  "name shown to people", Q(title), NULL, CFG_RELOAD },
	{ "queue", "strategy", CFG_ENUM, 0, 0, strategies, "longest_idle",
	  "which ready agent gets the next call", Q(strategy), NULL,
	  CFG_RELOAD },
	{ "queue", "offer_timeout", CFG_INT, 3, 300, NULL, "15",
	  "seconds an offer rings before moving on", Q(offer_timeout), NULL,
	  CFG_RELOAD },
	{ "queue", "max_len", CFG_INT, 0, 10000, NULL, "0",
	  "most callers waiting (0: no limit)", Q(max_len), NULL, CFG_RELOAD },
	{ "queue", "max_len_exit", CFG_ACTION, EXIT_REFUSE, 0, NULL, "refuse",
	  "a caller who finds the queue full: refuse (cause 34), queue:NAME, "
	  "menu:NAME, message:PROMPT or voicemail:BOX",
	  Q(max_len_exit), NULL, CFG_RELOAD },
	{ "queue", "missed_offer", CFG_ENUM, 0, 0, missed, "not_ready",
	  "an agent who lets an offer time out: not_ready (reason missed) or "
	  "stays ready (the call tries others first)", Q(missed_offer), NULL,
	  CFG_RELOAD },
	{ "queue", "max_wait", CFG_INT, 0, 86400, NULL, "0",
	  "longest wait in seconds before the exit (0: no limit)", Q(max_wait),
	  NULL, CFG_RELOAD },
	{ "queue", "max_wait_exit", CFG_ACTION, EXIT_HANGUP, 0, NULL, "hangup",
	  "after max_wait: hangup, queue:NAME (overflow), menu:NAME, "
	  "message:PROMPT, voicemail:BOX or callback:QUEUE", Q(max_wait_exit),
	  NULL, CFG_RELOAD },
	{ "queue", "hours", CFG_STRING, 0, 0, NULL, "",
	  "open hours, e.g. mon-fri 08:00-18:00; sat 09:00-13:00 (empty: always)",
	  Q(hours), check_hours, CFG_RELOAD },
	{ "queue", "holidays", CFG_STRING, 0, 0, NULL, "",
	  "closed all day: YYYY-MM-DD, comma-separated", Q(holidays),
	  check_holidays, CFG_RELOAD },
	{ "queue", "timezone", CFG_STRING, 0, 0, NULL, "UTC",
	  "the zone hours and holidays are in, e.g. Europe/Warsaw", Q(timezone),
	  check_timezone, CFG_RELOAD },
	{ "queue", "closed_exit", CFG_ACTION, EXIT_REFUSE, 0, NULL, "refuse",
	  "out of hours: refuse (cause 34), queue:NAME, menu:NAME, "
	  "message:PROMPT or voicemail:BOX", Q(closed_exit), NULL,
	  CFG_RELOAD },
	{ "queue", "wrapup", CFG_INT, 0, 3600, NULL, "0",
	  "seconds of after-call work", Q(wrapup), NULL, CFG_RELOAD },
	{ "queue", "sl_target", CFG_INT, 1, 3600, NULL, "20",
	  "service level: answered within this many seconds", Q(sl_target), NULL,
	  CFG_RELOAD },
	{ "queue", "sl_percent", CFG_INT, 1, 100, NULL, "80",
	  "service level goal, percent", Q(sl_percent), NULL, CFG_RELOAD },
	{ "queue", "skills", CFG_STRING, 0, 0, NULL, "",
	  "skills asked of agents, name:level (1-10), comma-separated",
	  Q(skills), check_skills, CFG_RELOAD },
	{ "queue", "widen", CFG_STRING, 0, 0, NULL, "",
	  "after S seconds lower every asked level by N: S:N, comma-separated",
	  Q(widen), check_widen, CFG_RELOAD },
	{ "queue", "weight", CFG_INT, 1, 100, NULL, "50",
	  "an agent in several queues serves the higher weight first",
	  Q(weight), NULL, CFG_RELOAD },
	{ "queue", "waiting_sound", CFG_ENUM, 0, 0, waiting, "ringback",
	  "what waiting callers hear: ringback, moh or silence",
	  Q(waiting_sound), NULL, CFG_RELOAD },
	{ "queue", "moh", CFG_STRING, 0, 0, NULL, "moh",
	  "the prompt played as music on hold (and while waiting with moh)",
	  Q(moh), check_prompt, CFG_RELOAD },
	{ "queue", "announce", CFG_INT, 0, 3600, NULL, "0",
	  "seconds between announcing position and estimated wait (0: never)",
	  Q(announce), NULL, CFG_RELOAD },
	{ "queue", "record", CFG_INT, 0, 100, NULL, "0",
	  "percent of answered calls recorded", Q(record), NULL, CFG_RELOAD },
	{ "queue", "callback", CFG_ENUM, 0, 0, noyes, "no",
	  "yes: a waiting caller may press star to be called back, keeping "
	  "their place in line", Q(callback), NULL, CFG_RELOAD },
	{ "queue", "dispositions", CFG_LIST, 0, 0, NULL, "",
	  "codes an agent picks for a call's outcome, e.g. sale, no_sale, "
	  "info (empty: none asked)", Q(dispositions), check_codes,
	  CFG_RELOAD },
	{ "queue", "disposition_required", CFG_ENUM, 0, 0, noyes, "no",
	  "yes: wrap-up ends only once the agent gave a disposition",
	  Q(disposition_required), NULL, CFG_RELOAD },
	{ "queue", "callback_attempts", CFG_INT, 1, 10, NULL, "3",
	  "calls placed to a callback number before giving up",
	  Q(callback_attempts), NULL, CFG_RELOAD },
	{ "queue", "callback_retry", CFG_INT, 5, 86400, NULL, "300",
	  "seconds between callback attempts (busy, no answer)",
	  Q(callback_retry), NULL, CFG_RELOAD },
	{ "queue", "callback_ring", CFG_INT, 5, 120, NULL, "30",
	  "seconds a callback lets the caller's phone ring",
	  Q(callback_ring), NULL, CFG_RELOAD },
	{ "queue", "client", CFG_STRING, 0, 0, NULL, "",
	  "the [client NAME] this queue works for; its agents and calls are "
	  "that client's (empty: none)", Q(client), check_client, CFG_RELOAD },

	{ "menu", "prompt", CFG_LIST, 0, 0, NULL, "",
	  "prompts played on entry, comma-separated", M(prompt),
	  check_menu_prompts, CFG_RELOAD },
	{ "menu", "language", CFG_STRING, 0, 0, NULL, "",
	  "entering this menu sets the caller's language (e.g. pl)",
	  M(language), check_prompt, CFG_RELOAD },
	{ "menu", "timeout", CFG_INT, 1, 60, NULL, "5",
	  "seconds to wait for a key after the prompt", M(timeout), NULL,
	  CFG_RELOAD },
	{ "menu", "retries", CFG_INT, 0, 9, NULL, "2",
	  "prompts again this many times after no key or a wrong one",
	  M(retries), NULL, CFG_RELOAD },
	{ "menu", "invalid_prompt", CFG_STRING, 0, 0, NULL, "invalid",
	  "played after a wrong key", M(invalid_prompt), check_prompt,
	  CFG_RELOAD },
	{ "menu", "timeout_prompt", CFG_STRING, 0, 0, NULL, "no-input",
	  "played when no key came", M(timeout_prompt), check_prompt,
	  CFG_RELOAD },
	{ "menu", "on_fail", CFG_ACTION, MENU_ACTION, 0, NULL, "hangup",
	  "when the retries run out", M(on_fail), NULL, CFG_RELOAD },
	MENU_KEY("0", 0), MENU_KEY("1", 1), MENU_KEY("2", 2), MENU_KEY("3", 3),
	MENU_KEY("4", 4), MENU_KEY("5", 5), MENU_KEY("6", 6), MENU_KEY("7", 7),
	MENU_KEY("8", 8), MENU_KEY("9", 9), MENU_KEY("star", 10),
	MENU_KEY("hash", 11),
	{ "menu", "collect", CFG_STRING, 0, 0, NULL, "",
	  "collect digits into this call variable (e.g. account) instead of "
	  "offering choices", M(collect), NULL, CFG_RELOAD },
	{ "menu", "min_digits", CFG_INT, 1, 32, NULL, "1",
	  "fewest digits accepted", M(min_digits), NULL, CFG_RELOAD },
	{ "menu", "max_digits", CFG_INT, 1, 32, NULL, "16",
	  "most digits: collection ends when reached", M(max_digits), NULL,
	  CFG_RELOAD },
	{ "menu", "terminator", CFG_STRING, 0, 0, terminators, "hash",
	  "key that ends the digits early: hash, star or empty", M(terminator),
	  NULL, CFG_RELOAD },
	{ "menu", "next", CFG_ACTION, MENU_ACTION, 0, NULL, "",
	  "after the digits (or the prompt, in a menu without choices)",
	  M(next), check_menu_shape, CFG_RELOAD },

	{ "agent", "name", CFG_STRING, 0, 0, NULL, NULL,
	  "the agent's full name (UTF-8)", A(name), NULL, CFG_RELOAD },
	{ "agent", "pin", CFG_STRING, 0, 0, NULL, NULL,
	  "crypt(3) hash of the PIN (centrala ctl hash-pin)", A(pin_hash), check_pin,
	  CFG_RELOAD },
	{ "agent", "unix_user", CFG_STRING, 0, 0, NULL, "",
	  "Unix user this agent must log in as", A(unix_user), NULL,
	  CFG_RELOAD },
	{ "agent", "skills", CFG_STRING, 0, 0, NULL, "",
	  "the agent's skills, name:level (1-10), comma-separated", A(skills),
	  check_skills, CFG_RELOAD },
	{ "agent", "queues", CFG_LIST, 0, 0, NULL, NULL,
	  "queues the agent takes calls from, comma-separated", A(queues),
	  check_queues, CFG_RELOAD },
	{ "agent", "audio", CFG_STRING, 0, 0, NULL, "",
	  "the seat's audio: alsa:DEVICE (a headset) or phone:NUMBER (a "
	  "remote agent's line, dialled at login and kept up; empty: none)",
	  A(audio), check_audio, CFG_RELOAD },
	{ "agent", "record", CFG_INT, 0, 100, NULL, "0",
	  "percent of this agent's calls recorded (the higher of this and "
	  "the queue's applies)", A(record), NULL, CFG_RELOAD },
	{ "agent", "team", CFG_STRING, 0, 0, NULL, "",
	  "the agent's team, for the supervisor's filters and team messages "
	  "(empty: none)", A(team), check_team, CFG_RELOAD },

	{ "user", "role", CFG_ENUM, 0, 0, roles, NULL,
	  "supervisor or admin", U(role), check_user_role, CFG_RELOAD },
	{ "user", "pin", CFG_STRING, 0, 0, NULL, NULL,
	  "crypt(3) hash of the PIN", U(pin_hash), check_pin, CFG_RELOAD },
	{ "user", "unix_user", CFG_STRING, 0, 0, NULL, "",
	  "Unix user this person must log in as", U(unix_user), NULL,
	  CFG_RELOAD },
	{ "user", "audio", CFG_STRING, 0, 0, NULL, "",
	  "audio for listen, whisper and barge: alsa:DEVICE or phone:NUMBER",
	  U(audio),
	  check_audio, CFG_RELOAD },
	{ "user", "clients", CFG_LIST, 0, 0, NULL, "",
	  "a supervisor sees and acts only on these clients' queues, agents "
	  "and calls, comma-separated (empty: all)", U(clients),
	  check_user_clients, CFG_RELOAD },

	{ "client", "description", CFG_STRING, 0, 0, NULL, "",
	  "the company, as people call it; its queues and DIDs name it with "
	  "client = NAME", CL(description), NULL, CFG_RELOAD },

	{ "campaign", "client", CFG_STRING, 0, 0, NULL, NULL,
	  "the [client NAME] the campaign calls for", CP(client),
	  check_camp_client, CFG_RELOAD },
	{ "campaign", "queues", CFG_LIST, 0, 0, NULL, "",
	  "queues whose agents work the campaign, comma-separated",
	  CP(queues), check_camp_queues, CFG_RELOAD },
	{ "campaign", "agents", CFG_LIST, 0, 0, NULL, "",
	  "agents (ids) who work it, besides the queues' (queues, agents or "
	  "both)", CP(agents), check_camp_agents, CFG_RELOAD },
	{ "campaign", "country", CFG_STRING, 0, 0, NULL, "",
	  "country calling code of national numbers in its lists and caller "
	  "id, e.g. 44 (empty: numbers must be +CC...)", CP(country),
	  check_country, CFG_RELOAD },
	{ "campaign", "caller_id", CFG_STRING, 0, 0, NULL, NULL,
	  "number presented on every call, one that can be called back: "
	  "+E.164 or national digits", CP(caller_id), check_camp_caller_id,
	  CFG_RELOAD },
	{ "campaign", "mode", CFG_ENUM, 0, 0, dial_modes, "preview",
	  "preview (the agent dials), progressive (a call per free agent) or "
	  "predictive (paced, within abandon_cap)", CP(mode), NULL,
	  CFG_RELOAD },
	{ "campaign", "hours", CFG_STRING, 0, 0, NULL,
	  "mon-fri 09:00-20:00; sat 10:00-16:00",
	  "calling hours, in each record's own time zone (empty: always)",
	  CP(hours), check_hours, CFG_RELOAD },
	{ "campaign", "holidays", CFG_STRING, 0, 0, NULL, "",
	  "no calls all day: YYYY-MM-DD, comma-separated", CP(holidays),
	  check_holidays, CFG_RELOAD },
	{ "campaign", "timezone", CFG_STRING, 0, 0, NULL, "UTC",
	  "zone of records with no tz field and a number of unknown zone",
	  CP(timezone), check_timezone, CFG_RELOAD },
	{ "campaign", "target", CFG_INT, 0, 10000000, NULL, "0",
	  "successes (dispositions flagged success) the client ordered "
	  "(0: none)", CP(target), NULL, CFG_RELOAD },
	{ "campaign", "end_date", CFG_STRING, 0, 0, NULL, "",
	  "last calling day, YYYY-MM-DD (empty: none)", CP(end_date),
	  check_date, CFG_RELOAD },
	{ "campaign", "dispositions", CFG_STRING, 0, 0, NULL, NULL,
	  "codes agents give, each with flags: success (counts to target), "
	  "close (record done), dnc (close and add to the client's DNC), "
	  "retry=MINUTES; e.g. sale:success:close, later:retry=60",
	  CP(dispositions), check_camp_dispositions, CFG_RELOAD },
	RETRY(CAMP_BUSY, "busy", "10:5", "a busy line"),
	RETRY(CAMP_NOANSWER, "noanswer", "60:4", "no answer"),
	RETRY(CAMP_MACHINE, "machine", "240:3", "an answering machine"),
	RETRY(CAMP_CONGESTION, "congestion", "5:5", "network congestion"),
	RETRY(CAMP_ABANDONED, "abandoned", "4320:3",
	    "an abandoned call (72 h: docs/DIALER.md)"),
	{ "campaign", "abandon_cap", CFG_INT, 0, 100, NULL, "3",
	  "most abandoned calls, percent of live answers (Ofcom: 3)",
	  CP(abandon_cap), NULL, CFG_RELOAD },
	{ "campaign", "script", CFG_STRING, 0, 0, NULL, "",
	  "the script shown to agents, inline", CP(script), NULL, CFG_RELOAD },
	{ "campaign", "script_file", CFG_STRING, 0, 0, NULL, "",
	  "or a text file holding it", CP(script_file), check_readable,
	  CFG_RELOAD },
	{ "campaign", "state", CFG_ENUM, 0, 0, camp_states, "paused",
	  "state at its first start: running, paused or stopped (then "
	  "supervisors change it; the database keeps it)", CP(state), NULL,
	  CFG_RELOAD },
	{ "campaign", "abandon_message", CFG_STRING, 0, 0, NULL, "",
	  "prompt an abandoned call hears, naming the client and a number "
	  "to call back (empty: the abandoned prompt, then caller_id's "
	  "digits)", CP(abandon_message), check_prompt, CFG_RELOAD },
	{ "campaign", "inbound_priority", CFG_ENUM, 0, 0, noyes, "yes",
	  "blending: inbound callers waiting in its agents' queues are "
	  "served before an answered predictive call (no: that call first)",
	  CP(inbound_priority), NULL, CFG_RELOAD },
	{ "campaign", "inbound_reserve", CFG_INT, 0, 1000, NULL, "0",
	  "blending: agents of the campaign kept free for their queues' "
	  "inbound calls (the dialer does not place calls for them)",
	  CP(inbound_reserve), NULL, CFG_RELOAD },
	{ "campaign", "amd", CFG_ENUM, 0, 0, amd_modes, "off",
	  "answering machines: off (every answer goes to an agent) or detect "
	  "(persons go to agents; machines get amd_machine_message or are "
	  "hung up, and are retried by retry_machine)", CP(amd), NULL, CFG_RELOAD },
	{ "campaign", "amd_initial_silence", CFG_INT, 500, 10000, NULL, "2500",
	  "ms: nothing said for so long after the answer is a machine",
	  CP(amd_initial_silence), NULL, CFG_RELOAD },
	{ "campaign", "amd_greeting", CFG_INT, 500, 10000, NULL, "1500",
	  "ms: a greeting longer than this is a machine's",
	  CP(amd_greeting), NULL, CFG_RELOAD },
	{ "campaign", "amd_after_greeting", CFG_INT, 200, 5000, NULL, "800",
	  "ms of silence after a short greeting that make it a person's",
	  CP(amd_after_greeting), NULL, CFG_RELOAD },
	{ "campaign", "amd_total", CFG_INT, 1000, 20000, NULL, "5000",
	  "ms: most time detection takes; then not sure (taken as a person)",
	  CP(amd_total), NULL, CFG_RELOAD },
	{ "campaign", "amd_max_words", CFG_INT, 2, 20, NULL, "3",
	  "words in the greeting that make it a machine's",
	  CP(amd_max_words), NULL, CFG_RELOAD },
	{ "campaign", "amd_machine_message", CFG_STRING, 0, 0, NULL, "",
	  "prompt left on an answering machine (empty: hang up)",
	  CP(amd_machine_message), check_prompt, CFG_RELOAD },
	{ "campaign", "amd_false_positive", CFG_INT, 0, 100, NULL, "2",
	  "percent of machine verdicts (but those by initial silence, all "
	  "counted) estimated to be persons: counted as abandoned calls",
	  CP(amd_false_positive), NULL, CFG_RELOAD },
	KEEP(recordings, "call recordings (rows and files)"),
	KEEP(voicemail, "voicemail messages (rows and files)"),
	KEEP(cdr, "call detail records"),
	KEEP(events, "events (the statistics' raw material)"),
	KEEP(callbacks, "finished callbacks"),
	KEEP(attempts, "campaign dial attempts"),
	KEEP(customers_idle, "customers with no contact since (with their "
	    "contacts)"),
	{ "retention", "batch", CFG_INT, 10, 100000, NULL, "500",
	  "rows deleted at a time, between which calls are served",
	  RT(batch), NULL, CFG_RELOAD },
	{ NULL, NULL, 0, 0, 0, NULL, NULL, NULL, 0, NULL, CFG_RELOAD }
};

#define SECT(kind, type, arr, cnt, nm, ok, rule) { kind, sizeof(type), \
	offsetof(struct config, arr), offsetof(struct config, cnt), nm, ok, rule }

const struct cfg_section config_sections[] = {
	{ "core", sizeof(struct cfg_core), offsetof(struct config, core),
	  (size_t)-1, (size_t)-1, NULL, NULL },
	SECT("span", struct cfg_span, spans, nspans, S(name), config_name_ok,
	    "a-z, 0-9, '-' and '_', at most 32"),
	SECT("did", struct cfg_did, dids, ndids, D(number), config_did_ok,
	    "digits, at most 20"),
	SECT("queue", struct cfg_queue, queues, nqueues, Q(name), config_name_ok,
	    "a-z, 0-9, '-' and '_', at most 32"),
	SECT("menu", struct cfg_menu, menus, nmenus, M(name), config_name_ok,
	    "a-z, 0-9, '-' and '_', at most 32"),
	SECT("agent", struct cfg_agent, agents, nagents, A(id), config_agent_id_ok,
	    "digits, at most 16"),
	SECT("user", struct cfg_user, users, nusers, U(name), config_name_ok,
	    "a-z, 0-9, '-' and '_', at most 32"),
	SECT("client", struct cfg_client, clients, nclients, CL(name), config_name_ok,
	    "a-z, 0-9, '-' and '_', at most 32"),
	SECT("campaign", struct cfg_campaign, campaigns, ncampaigns, CP(name),
	    config_name_ok, "a-z, 0-9, '-' and '_', at most 32"),
	{ "retention", sizeof(struct cfg_retention), offsetof(struct config,
	  retention), (size_t)-1, (size_t)-1, NULL, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL }
};
