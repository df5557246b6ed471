/* config.h: Centrala's settings, read from an INI file through one table
 * (config-table.c) that drives parsing, validation, defaults, `ctl
 * show-config` and the setup wizard's forms.
 *
 * Section kinds: [core], [span NAME], [did NUMBER], [queue NAME],
 * [menu NAME], [agent ID], [user NAME], [client NAME], [campaign NAME], [retention];
 * [x-ANYTHING] is the admin's own, ignored with a warning. Reload = config_load() a new struct, then swap;
 * config_diff() (config-diff.h) says what changed, and each row's apply
 * column whether the running core puts it in force. The rows' checkers
 * are in config-check.c; man/centrala.ini.5 is written from the rows. */
#ifndef CZ_CONFIG_H
#define CZ_CONFIG_H

#include <stdio.h>
#include "action.h"

/* A CFG_LIST field (char **, NULL-terminated) is followed by its int count.
 * A CFG_ACTION field is a struct cfg_action: parsed once, at load. */
enum cfg_type { CFG_STRING, CFG_INT, CFG_BOOL, CFG_ENUM, CFG_LIST, CFG_ACTION };

/* An action (lib/action.h) as written, for show-config and the wizard, and
 * as parsed at load, for the core: nobody parses it again at run time. An
 * empty one (an IVR key with no choice) has act.kind 0. */
struct cfg_action {
	char		*text;
	struct action	 act;
};

enum cfg_span_side { CFG_SIDE_USER, CFG_SIDE_NETWORK };
/* A span's switch type; CFG_SWITCH_DEFAULT is the type's own (config.c
 * cfg_span_switch()). The order is that of the choices in config-table.c. */
enum cfg_switch { CFG_SWITCH_EUROISDN_E1, CFG_SWITCH_NI2, CFG_SWITCH_QSIG,
	CFG_SWITCH_DEFAULT, CFG_SWITCH_EUROISDN, CFG_SWITCH_NATIONAL,
	CFG_SWITCH_NI1, CFG_SWITCH_DMS100, CFG_SWITCH_5ESS, CFG_SWITCH_4ESS };
enum cfg_span_type { CFG_SPAN_E1, CFG_SPAN_T1 };
enum cfg_span_driver { CFG_DRIVER_VSPAN, CFG_DRIVER_DAHDI };
enum cfg_role { CFG_ROLE_AGENT, CFG_ROLE_SUPERVISOR, CFG_ROLE_ADMIN };
enum cfg_strategy { CFG_STRATEGY_LONGEST_IDLE, CFG_STRATEGY_FEWEST_CALLS,
	CFG_STRATEGY_LEAST_TALK, CFG_STRATEGY_ROUND_ROBIN, CFG_STRATEGY_LINEAR,
	CFG_STRATEGY_RANDOM, CFG_STRATEGY_SKILL_WEIGHTED, CFG_STRATEGY_RING_ALL };

struct cfg_core {
	char	*state_dir;	/* root of run/, db, log/, recordings/ */
	char	*run_dir;	/* sockets; "" = STATE_DIR/run */
	char	*db_path;	/* "" = STATE_DIR/centrala.db */
	char	*log_file;	/* "" = stderr */
	int	 log_level;	/* enum log_level */
	int	 max_line;	/* protocol line limit, bytes */
	int	 client_outbuf;	/* bytes queued to a client before it is cut off */
	int	 max_clients;
	int	 idle_login_timeout; /* s a client may stay without hello/login */
	char   **not_ready_reasons;	/* NULL-terminated */
	int	 n_not_ready_reasons;
	int	 agent_grace;	/* s a disconnected agent stays logged in */
	char	*prompts_dir;	/* "" = the installed set (data/prompts) */
	char	*language;	/* prompts' default language */
	int	 record_format;	/* enum cfg_record_format */
	int	 record_encoding; /* enum cfg_record_encoding */
	char	*print_destination; /* report --print: "" = CUPS's default */
	char	*socket_group;	/* group of the clients' socket; "" = ours */
};

/* [retention]: how long each kind of data is kept, as written ("90d",
 * "2y", "never"); config_duration_days() reads it. */
struct cfg_retention {
	char	*recordings, *voicemail, *cdr, *events, *callbacks;
	char	*attempts, *customers_idle;
	int	 batch;		/* rows deleted per loop pass */
};
/* "N" + d (days), w (weeks) or y (365 days), or "never" (0): the number of
 * days, or -1 with why. */
int	config_duration_days(const char *s, int *days, char *why, size_t len);

enum cfg_record_format { CFG_RECORD_STEREO, CFG_RECORD_MIXED };
enum cfg_record_encoding { CFG_RECORD_ALAW, CFG_RECORD_PCM16 };
enum cfg_waiting { CFG_WAIT_RINGBACK, CFG_WAIT_MOH, CFG_WAIT_SILENCE };

/* The keys of an IVR menu's choices, in the order of its choice[] array. */
#define CFG_MENU_KEYS	12		/* 0-9, star, hash */

struct cfg_span {
	char	*name;		/* [span NAME]: letters, digits, '-', '_' */
	int	 driver;	/* enum cfg_span_driver */
	int	 side;		/* enum cfg_span_side, default user */
	int	 switchtype;	/* enum cfg_switch, default by type */
	int	 type;		/* enum cfg_span_type, default E1 */
	char	*country;	/* tone plan, e.g. "eu" */
	char	*caller_id;	/* default CLI for outbound calls */
	int	 first_channel;	/* preferred timeslot for our outbound calls */
	int	 dahdi_span;	/* driver = dahdi: its DAHDI span, 0 = none */
};

struct cfg_did {
	char	*number;	/* [did NUMBER]: the called number (DNIS) */
	struct cfg_action target;	/* queue:NAME or menu:NAME */
	char	*name;		/* label for reports */
	int	 priority;	/* 0-9: higher goes first (VIP lines) */
	char	*client;	/* [client NAME] owning it, "" = none */
};

struct cfg_queue {
	char	*name;
	char	*title;
	int	 strategy;	/* enum cfg_strategy */
	int	 offer_timeout;	/* s before an unanswered offer moves on */
	int	 missed_offer;	/* 0: agent set not ready ("missed"); 1: stays ready */
	int	 max_len;	/* waiting callers, 0 = no limit */
	struct cfg_action max_len_exit;
	int	 max_wait;	/* s, 0 = no limit */
	struct cfg_action max_wait_exit;
	char	*hours;		/* "mon-fri 08:00-18:00; ..." ("" = always) */
	char	*holidays;	/* "YYYY-MM-DD, ..." */
	char	*timezone;	/* "Europe/Warsaw" */
	struct cfg_action closed_exit;
	int	 wrapup;	/* s of after-call work */
	int	 sl_target;	/* service-level threshold, s */
	int	 sl_percent;	/* service-level goal, % */
	char	*skills;	/* "name:level, ..." asked of agents */
	char	*widen;		/* "seconds:lower_by, ..." */
	int	 weight;	/* 1-100: across queues, higher goes first */
	int	 waiting_sound;	/* enum cfg_waiting */
	char	*moh;		/* prompt played as music on hold */
	int	 announce;	/* s between position/wait announcements, 0 = off */
	int	 record;	/* percent of calls recorded */
	int	 callback;	/* 1: star while waiting offers a callback */
	int	 callback_attempts;	/* calls placed before giving up */
	int	 callback_retry;	/* s between attempts */
	int	 callback_ring;		/* s to let the callee's phone ring */
	char   **dispositions;	/* codes for the outcome of a call */
	int	 n_dispositions;
	int	 disposition_required;	/* 1: wrap-up ends only with one */
	char	*client;	/* [client NAME] owning it, "" = none */
};

struct cfg_menu {
	char	*name;		/* [menu NAME] */
	char   **prompt;	/* played on entry, in order */
	int	 nprompt;
	char	*language;	/* "" = keep the caller's; else set it */
	int	 timeout;	/* s to wait for a digit after the prompt */
	int	 retries;	/* re-prompts after no or a wrong input */
	char	*invalid_prompt;
	char	*timeout_prompt;
	struct cfg_action on_fail;	/* when retries run out */
	struct cfg_action choice[CFG_MENU_KEYS]; /* per key, kind 0 = none */
	char	*collect;	/* "" = a choice menu; else the variable */
	int	 min_digits, max_digits;
	char	*terminator;	/* "hash", "star" or "" */
	struct cfg_action next;	/* after collecting or a play-only menu */
};

struct cfg_agent {
	char	*id;		/* [agent ID]: digits */
	char	*name;		/* UTF-8 */
	char	*pin_hash;	/* crypt(3) hash of the PIN, never the PIN */
	char	*unix_user;	/* "" = none */
	char   **queues;	/* NULL-terminated */
	int	 nqueues;
	char	*skills;	/* "name:level, ..." */
	char	*audio;		/* headset: "alsa:DEVICE", "" = none */
	int	 record;	/* percent of this agent's calls recorded */
	char	*team;		/* for the supervisor's filters; "" = none */
};

struct cfg_user {
	char	*name;		/* [user NAME] */
	int	 role;		/* enum cfg_role: supervisor or admin */
	char	*pin_hash;
	char	*unix_user;
	char	*audio;		/* headset for listen-in: "alsa:DEVICE" */
	char   **clients;	/* a supervisor's scope; none = all */
	int	 nclients;
};

/* A company served by the center: its queues and DIDs name it. */
struct cfg_client {
	char	*name;		/* [client NAME] */
	char	*description;
};

/* An outbound campaign for a client (docs/DIALER.md). Its rules are
 * checked at load by lib/camprule.c and kept parsed by core/campaign.c;
 * its run-time state (running, paused...) lives in the database. */
struct cfg_campaign {
	char	*name;		/* [campaign NAME] */
	char	*client;	/* [client NAME], required */
	char   **queues;	/* queues whose agents work it */
	int	 nqueues;
	char   **agents;	/* and/or agents by id */
	int	 nagents;
	char	*caller_id;	/* presented on every call: +E.164 or national */
	char	*country;	/* default country code of its numbers */
	int	 mode;		/* enum cfg_dial_mode */
	char	*hours;		/* calling hours, in each record's zone */
	char	*holidays;
	char	*timezone;	/* of records whose zone is not known */
	int	 target;	/* successes wanted, 0 = none */
	char	*end_date;	/* YYYY-MM-DD, last calling day; "" = none */
	char	*dispositions;	/* "sale:success:close, later:retry=60" */
	char	*retry[5];	/* per enum camp_outcome: "MINUTES:MAX" */
	int	 abandon_cap;	/* percent of live answers */
	char	*script;	/* shown to agents, inline */
	char	*script_file;	/* or from a file */
	int	 state;		/* enum cfg_campaign_state at first start */
	char	*abandon_message;	/* prompt an abandoned call hears */
	int	 inbound_priority;	/* blending: inbound callers first */
	int	 inbound_reserve;	/* agents kept free for inbound */
	int	 amd;		/* enum cfg_amd: answering-machine detection */
	int	 amd_initial_silence, amd_greeting, amd_after_greeting,
		 amd_total, amd_max_words;	/* ms, words: core/amd.h */
	char	*amd_machine_message;	/* prompt left on a machine, or "" */
	int	 amd_false_positive;	/* percent of machine verdicts counted
					   as persons abandoned (estimate) */
};
enum cfg_amd { CFG_AMD_OFF, CFG_AMD_DETECT };
enum cfg_dial_mode { CFG_DIAL_PREVIEW, CFG_DIAL_PROGRESSIVE,
	CFG_DIAL_PREDICTIVE };
enum cfg_campaign_state { CFG_CAMP_RUNNING, CFG_CAMP_PAUSED,
	CFG_CAMP_STOPPED, CFG_CAMP_FINISHED };

struct config {
	char			*path;	/* where it was read from */
	struct cfg_core		 core;
	struct cfg_retention	 retention;
	struct cfg_span		*spans;
	int			 nspans;
	struct cfg_did		*dids;
	int			 ndids;
	struct cfg_queue	*queues;
	int			 nqueues;
	struct cfg_menu		*menus;
	int			 nmenus;
	struct cfg_agent	*agents;
	int			 nagents;
	struct cfg_user		*users;
	int			 nusers;
	struct cfg_client	*clients;
	int			 nclients;
	struct cfg_campaign	*campaigns;
	int			 ncampaigns;
	char		       **warnings;	/* unknown keys etc., NULL-terminated */
	int			 nwarnings;
	struct cfg_origin	*origins;	/* the keys the file set */
	int			 norigins;
};

/* A key written in the file (the others took their row's default), for
 * show-config's source: the section's struct and the row. */
struct cfg_origin {
	const void		*sect;
	const struct cfg_key	*key;
};

/* Whether `ctl reload` puts a changed value in force (CFG_RELOAD) or the
 * running core keeps the old one until a restart (CFG_RESTART). */
enum cfg_apply { CFG_RELOAD, CFG_RESTART };

/* One row of the table: what a key is, what it may hold, what it defaults
 * to. A row's check, if any, runs after every value is read (cross-checks:
 * a DID's queue must exist); it fills why and returns -1 to refuse. The
 * checkers live in config-check.c. */
struct cfg_key {
	const char	 *section;	/* "core", "span", "did", ... */
	const char	 *key;
	enum cfg_type	  type;
	long		  min, max;	/* CFG_INT; CFG_ACTION: min is the
					   ACT_* kinds allowed */
	const char *const *choices;	/* CFG_ENUM (stored as index) or a
					   CFG_STRING limited to these */
	const char	 *dflt;		/* as written in the file; NULL = required */
	const char	 *help;
	size_t		  offset;	/* into the section's struct */
	int		(*check)(const struct config *, const void *sect,
			    const char *value, char *why, size_t whylen);
	enum cfg_apply	  apply;	/* at reload, or at a restart */
};
extern const struct cfg_key config_table[];

/* The kinds of section, in the order they are dumped. */
struct cfg_section {
	const char	*kind;		/* "span" for [span NAME] */
	size_t		 size;		/* of its struct */
	size_t		 array;		/* offsetof(struct config, spans) */
	size_t		 count;		/* offsetof(struct config, nspans) */
	size_t		 name;		/* offset of its char *name, or -1 */
	int		(*name_ok)(const char *);	/* NULL = no name ([core]) */
	const char	*name_rule;	/* said when a name is refused */
};
extern const struct cfg_section config_sections[];

/* Reads and validates PATH. On error returns NULL and writes one message
 * naming the file, the section, the key and what is wrong into err. */
struct config	*config_load(const char *path, char *err, size_t errlen);
void		 config_free(struct config *);
/* Writes the whole effective configuration, defaults included, as INI. */
void		 config_dump(const struct config *, FILE *);
/* Also says each key's source (the file or the default): show-config. */
void		 config_dump_sources(const struct config *, FILE *);
/* 1 if the file set this key of this section's struct, 0 if defaulted. */
int		 config_from_file(const struct config *, const void *sect,
		    const struct cfg_key *);
/* One key's value in sect (a section's struct) as the dump writes it;
 * the caller frees it. */
char		*config_value_text(const struct cfg_key *, const void *sect);

const struct cfg_queue	*config_find_queue(const struct config *, const char *);
const struct cfg_agent	*config_find_agent(const struct config *, const char *);
const struct cfg_user	*config_find_user(const struct config *, const char *);
const struct cfg_did	*config_find_did(const struct config *, const char *);
const struct cfg_menu	*config_find_menu(const struct config *, const char *);
const struct cfg_client	*config_find_client(const struct config *, const char *);
const struct cfg_campaign *config_find_campaign(const struct config *,
			    const char *);
/* The index in cfg_menu.choice[] of a key ('0'-'9', '*', '#'), or -1. */
int			 config_menu_key(int digit);
const char		*config_role_name(int role);
/* The span's switch type, its type's default resolved (never DEFAULT). */
int			 cfg_span_switch(const struct cfg_span *);

#endif
