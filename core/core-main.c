/* core-main.c: `centrala core`: reads the configuration, prepares the state
 * directory, opens the database, the spans and the clients' socket, then
 * runs the one event loop until an orderly stop. Reload and stop live here
 * because they touch every module. */
#include <errno.h>
#include <getopt.h>
#include <grp.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <event2/event.h>
#include "agent.h"
#include "call.h"
#include "campaign.h"
#include "callback.h"
#include "cause.h"
#include "clock.h"
#include "cmd-handlers.h"
#include "config-diff.h"
#include "conn.h"
#include "db-backup.h"
#include "core.h"
#include "core-main.h"
#include "dahdi.h"
#include "evlog.h"
#include "hooks.h"
#include "hugeheap.h"
#include "log.h"
#include "prompt.h"
#include "relocate.h"
#include "notify.h"
#include "queue.h"
#include "retention.h"
#include "scope.h"
#include "server.h"
#include "span.h"
#include "xmalloc.h"

#define CORE_DEFAULT_CONF	SYSCONFDIR "/centrala/centrala.ini"
#define CORE_STOP_GRACE		3	/* s to wait for RELEASEs at stop */

static struct event *core_beat;		/* the heartbeat's timer */
static int core_level_fixed;		/* --log-level given: reload keeps it */
extern const char default_config[];

static void
usage(FILE *f)
{
	fprintf(f,
"usage: centrala core [options]\n"
"Runs the switching core: spans, ACD, client socket, database.\n\n"
"  -c, --config FILE      configuration (else $CENTRALA_CONF, else\n"
"                         " CORE_DEFAULT_CONF ", else the built-in default)\n"
"  -s, --state-dir DIR    put sockets, database, logs and recordings under DIR\n"
"  -n, --check            check the configuration, print \"configuration OK\"\n"
"  -l, --log-level LEVEL  debug, info, warn or error (overrides the config)\n"
"      --print-default-config  print the built-in configuration and exit\n"
"      --dahdi-conf       print /etc/dahdi/system.conf for the configured\n"
"                         dahdi spans and exit (docs/HARDWARE.md)\n"
"  -h, --help             this help\n"
"  -V, --version          print the version\n");
}

/* The built-in configuration, read through a memory file so that it goes
 * through exactly the same parser and checks as a file would. */
static struct config *
core_load_builtin(char *err, size_t errlen)
{
	struct config	*cfg;
	char		 path[64];
	int		 fd = memfd_create("centrala.ini", MFD_CLOEXEC);

	if (fd < 0 || write(fd, default_config, strlen(default_config)) < 0) {
		snprintf(err, errlen, "built-in config: %s", strerror(errno));
		return NULL;
	}
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	cfg = config_load(path, err, errlen);
	close(fd);
	return cfg;
}

static const char *
core_config_path(const char *opt)
{
	const char *env = getenv("CENTRALA_CONF");

	if (opt != NULL)
		return opt;
	if (env != NULL && env[0] != '\0')
		return env;
	if (access(CORE_DEFAULT_CONF, F_OK) == 0)
		return CORE_DEFAULT_CONF;
	return NULL;
}

static struct config *
core_load_config(char *err, size_t errlen)
{
	if (core.config_path == NULL)
		return core_load_builtin(err, errlen);
	return config_load(core.config_path, err, errlen);
}

static void
core_mkdir(const char *path)
{
	if (mkdir(path, 0750) != 0 && errno != EEXIST)
		fatal("cannot create %s: %s", path, strerror(errno));
}

/* Lays out STATE_DIR: run/ (sockets), centrala.db, log/, recordings/,
 * voicemail/. */
static void
core_paths(const char *state_opt)
{
	const struct cfg_core	*cc = &core.cfg->core;
	char			 abs[PATH_MAX];
	char			*p;

	p = xstrdup(state_opt != NULL ? state_opt : cc->state_dir);
	core_mkdir(p);
	if (realpath(p, abs) == NULL)
		fatal("%s: %s", p, strerror(errno));
	free(p);
	core.state_dir = xstrdup(abs);
	core.run_dir = state_opt == NULL && cc->run_dir[0] != '\0' ?
	    xstrdup(cc->run_dir) : xprintf("%s/run", abs);
	core.db_path = state_opt == NULL && cc->db_path[0] != '\0' ?
	    xstrdup(cc->db_path) : xprintf("%s/centrala.db", abs);
	core_mkdir(core.run_dir);
	p = xprintf("%s/log", abs);
	core_mkdir(p);
	free(p);
	p = xprintf("%s/recordings", abs);
	core_mkdir(p);
	free(p);
	p = xprintf("%s/voicemail", abs);
	core_mkdir(p);
	free(p);
	core.sock_path = xprintf("%s/centrala.sock", core.run_dir);
}

/* Logs go to STATE_DIR/log/core.log unless the config says otherwise:
 * "syslog" (facility daemon: the journal under systemd), "stderr" or "-"
 * keeps standard error, else a file. The file's path, or NULL. */
static char *
core_log_path(const struct config *cfg, int *to_syslog)
{
	const char *lf = cfg->core.log_file;

	*to_syslog = strcmp(lf, "syslog") == 0;
	if (*to_syslog || lf[0] == '\0' || strcmp(lf, "-") == 0 ||
	    strcmp(lf, "stderr") == 0)
		return NULL;
	return lf[0] == '/' ? xstrdup(lf) : xprintf("%s/%s", core.state_dir, lf);
}

static void
core_open_log(void)
{
	int	 to_syslog;
	char	*path = core_log_path(core.cfg, &to_syslog);

	if (to_syslog) {
		log_info("logging to syslog (facility daemon)");
		log_open_syslog("centrala-core", log_get_level());
	} else if (path != NULL) {
		log_info("logging to %s", path);
		log_open("centrala-core", path, log_get_level());
	}
	free(path);
}

/* A reload's new log_file, opened before the swap: one that cannot be
 * opened refuses the reload and the log stays where it was. */
static int
core_reopen_log(const struct config *cfg, char *err, size_t errlen)
{
	int	 to_syslog, rc = 0;
	char	*path = core_log_path(cfg, &to_syslog);

	log_info("reload: [core] log_file changed: moving the log to %s",
	    path != NULL ? path :
	    to_syslog ? "syslog (facility daemon)" : "standard error");
	if (log_redirect(path, to_syslog) != 0) {
		snprintf(err, errlen, "[core] log_file: cannot open %s: %s",
		    path, strerror(errno));
		rc = -1;
	} else
		log_info("log reopened by a reload ([core] log_file changed)");
	free(path);
	return rc;
}

/* The socket is 0660: the group named by the config may connect (agents
 * and supervisors are its members; their login says who they are). An
 * empty name gives it back to the core's own group (a reload). */
static int
core_socket_chgrp(const char *name, char *err, size_t errlen)
{
	struct group	*gr;
	gid_t		 gid = getegid();

	if (name[0] != '\0') {
		if ((gr = getgrnam(name)) == NULL) {
			snprintf(err, errlen, "[core] socket_group: no Unix "
			    "group \"%s\"", name);
			return -1;
		}
		gid = gr->gr_gid;
	}
	if (chown(core.sock_path, (uid_t)-1, gid) != 0 ||
	    chmod(core.sock_path, 0660) != 0) {
		snprintf(err, errlen, "[core] socket_group: cannot give %s to "
		    "group %s: %s (the core must be a member of it)",
		    core.sock_path, name[0] != '\0' ? name : "(ours)",
		    strerror(errno));
		return -1;
	}
	return 0;
}

static void
core_socket_group(void)
{
	char err[1024];

	if (core.cfg->core.socket_group[0] != '\0' &&
	    core_socket_chgrp(core.cfg->core.socket_group, err, sizeof err) != 0)
		fatal("%s", err);
}

static void
core_warnings(const struct config *cfg)
{
	for (int i = 0; i < cfg->nwarnings; i++)
		log_warn("%s", cfg->warnings[i]);
}

/* Prompts: the config's folder, else the installed set, else the source
 * tree's (a core run from its build directory). Emptied on reload, as an
 * admin may have replaced recordings. */
static void
core_prompts(void)
{
	const char	*dir = core.cfg->core.prompts_dir;
	char		 installed[PATH_MAX];
	struct stat	 st;

	relocate(PKGLIBEXECDIR, PKGDATADIR "/prompts", installed,
	    sizeof installed);
	if (dir[0] == '\0')
		dir = stat(installed, &st) == 0 ? installed : SRCDATADIR "/prompts";
	prompt_cache_clear();
	prompt_set_dir(dir, core.cfg->core.language);
	log_info("prompts from %s, default language %s", dir,
	    core.cfg->core.language);
}

/* What the running core puts in force before the swap (socket group, log
 * file: either can fail, and then the reload is refused, nothing changed);
 * the log level unless --log-level fixed it. */
static int
core_reload_apply(const struct config *cfg, const struct config_diff *d,
    char *err, size_t errlen)
{
	const char *old_group = core.cfg->core.socket_group;

	if (config_diff_core(d, "socket_group") != NULL &&
	    core_socket_chgrp(cfg->core.socket_group, err, errlen) != 0)
		return -1;
	if (config_diff_core(d, "log_file") != NULL &&
	    core_reopen_log(cfg, err, errlen) != 0) {
		char undo[256];

		if (config_diff_core(d, "socket_group") != NULL)
			(void)core_socket_chgrp(old_group, undo, sizeof undo);
		return -1;
	}
	if (!core_level_fixed)
		log_set_level(cfg->core.log_level);
	return 0;
}

static void
core_reload_log_diff(const struct config_diff *d)
{
	for (int i = 0; i < d->n; i++)
		if (d->changes[i].restart)
			log_warn("reload: %s changed: needs a restart (the "
			    "running core keeps the old)", d->changes[i].what);
		else
			log_info("reload: %s changed: applied",
			    d->changes[i].what);
}

/* Reload = parse a new config, validate all of it, then swap; diff, when
 * not NULL, gets what changed (the caller frees it). */
int
core_reload(char ***warnings, struct config_diff *diff, char *err,
    size_t errlen)
{
	struct config		*cfg = core_load_config(err, errlen), *old = core.cfg;
	struct config_diff	 d;

	if (cfg == NULL) {
		log_warn("reload refused: %s", err);
		return -1;
	}
	config_diff(old, cfg, &d);
	if (core_reload_apply(cfg, &d, err, errlen) != 0) {
		log_warn("reload refused: %s", err);
		config_diff_free(&d);
		config_free(cfg);
		return -1;
	}
	for (int i = 0; i < cfg->nspans; i++) {
		struct span	*s = span_find(cfg->spans[i].name);
		const char	*key;

		if (s != NULL && (key = span_cfg_differs(s, &cfg->spans[i])) !=
		    NULL)
			log_warn("reload: span %s: %s changed, needs a restart "
			    "(kept as it was)", s->name, key);
	}
	core.cfg = cfg;
	queue_sync(cfg);
	agent_sync(cfg);
	campaign_sync(cfg);
	campaign_predict_load(clock_wall_ms());
	scope_reloaded();	/* a user's clients may have changed */
	core_prompts();
	config_free(old);
	core_warnings(cfg);
	core_reload_log_diff(&d);
	*warnings = cfg->warnings;
	log_info("configuration reloaded from %s: %d changes", core.config_path ?
	    core.config_path : "the built-in default", d.n);
	if (diff != NULL)
		*diff = d;
	else
		config_diff_free(&d);
	return 0;
}

/* Leaves the loop after a moment, so that replies and the shutdown event
 * already queued reach the clients. */
static void
core_exit_soon(void)
{
	struct timeval tv = { 0, 200000 };

	event_base_loopexit(core.base, &tv);
}

static void
core_stop_timer_cb(evutil_socket_t fd, short what, void *arg)
{
	log_warn("stop: giving up waiting for the network to release");
	core_exit_soon();
}

static int
core_channels_busy(void)
{
	int n = 0;

	for (struct span *s = spans; s != NULL; s = s->next)
		n += span_in_use(s);
	return n;
}

void
core_check_stopped(void)
{
	static int armed;
	struct timeval tv = { CORE_STOP_GRACE, 0 };

	if (core.stopping == CORE_RUNNING || call_count_live() > 0)
		return;
	if (call_count() > 0) {		/* only lines and legs are left */
		static int	 clearing;
		struct call	*call;

		if (clearing)
			return;
		clearing = 1;
		while ((call = TAILQ_FIRST(&calls)) != NULL)
			call_hangup(call, CAUSE_NORMAL, DB_CLEARED_CORE,
			    "core stopping");
		clearing = 0;
		core_check_stopped();
		return;
	}
	if (core_channels_busy() == 0) {
		core_exit_soon();
		return;
	}
	if (!armed) {
		core.stop_timer = evtimer_new(core.base, core_stop_timer_cb, NULL);
		evtimer_add(core.stop_timer, &tv);
		armed = 1;
	}
}

void
core_stop(enum core_stop mode)
{
	struct call	*call, *next;
	json_t		*ev = proto_event("shutdown");

	if (mode <= core.stopping)
		return;
	core.stopping = mode;
	callback_suspend_all();		/* they stay stored for the next start */
	log_info("stopping (%s): %d calls up", mode == CORE_STOP_WAIT ?
	    "waiting for calls to end" : "clearing calls", call_count());
	json_object_set_new(ev, "mode", json_string(mode == CORE_STOP_WAIT ?
	    "wait" : "clear"));
	notify_all(ev);
	if (mode == CORE_STOP_CLEAR)
		for (call = TAILQ_FIRST(&calls); call != NULL; call = next) {
			next = TAILQ_NEXT(call, entry);
			call_hangup(call, CAUSE_NORMAL, DB_CLEARED_CORE, "core stopping");
		}
	core_check_stopped();
}

static void
core_signal_cb(evutil_socket_t sig, short what, void *arg)
{
	char **w, err[1024];

	if (sig == SIGHUP)
		core_reload(&w, NULL, err, sizeof err);
	else
		core_stop(CORE_STOP_CLEAR);
}

static void
core_signals(void)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };

	signal(SIGPIPE, SIG_IGN);
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		evsignal_add(evsignal_new(core.base, sigs[i], core_signal_cb,
		    NULL), NULL);
}

/* Every DB_HEARTBEAT_MS, its own timer (not the media tick): one UPDATE,
 * so that a start after a crash knows when this process was last alive. */
static void
core_heartbeat_cb(evutil_socket_t fd, short what, void *arg)
{
	db_heartbeat(core.db, clock_wall_ms());
}

/* Closes what an earlier process left open (it was killed, or crashed),
 * then starts our heartbeat. Runs holding the state directory's lock, so
 * the calls closed cannot be a running core's. */
static void
core_recover(void)
{
	struct timeval		 tv = { DB_HEARTBEAT_MS / 1000,
	    DB_HEARTBEAT_MS % 1000 * 1000 };
	struct db_recovery	 r;

	if (db_recover(core.db, &r) != 0)
		log_error("records left open by the last run not closed: %s",
		    db_last_error(core.db));
	else if (r.calls + r.sessions + r.recordings > 0)
		log_warn("the last run stopped without closing its records: "
		    "closed %d calls, %d agent sessions, %d recordings at its "
		    "last sign of life (%lld ms ago), as \"%s\"", r.calls,
		    r.sessions, r.recordings,
		    (long long)(clock_wall_ms() - r.at_ms), DB_REASON_STOPPED);
	db_heartbeat_start(core.db, clock_wall_ms(), (int)getpid(),
	    DB_HEARTBEAT_MS);
	core_beat = event_new(core.base, -1, EV_PERSIST, core_heartbeat_cb,
	    NULL);
	evtimer_add(core_beat, &tv);
}

/* An orderly stop closes the agents' sessions itself. */
static void
core_logout_all(void)
{
	for (struct agent *a = agents; a != NULL; a = a->next)
		if (a->state != AGENT_LOGGED_OUT)
			agent_logout(a, DB_REASON_STOPPED);
}

static void
core_start(const char *state_opt)
{
	char err[1024];

	hooks_init(core_check_stopped);
	cmd_set_process(&(const struct cmd_process){
	    .stop = core_stop, .reload = core_reload });
	core_paths(state_opt);
	core_open_log();
	log_info("configuration loaded from %s", core.config_path ?
	    core.config_path : "the built-in default");
	core.db = db_open(core.db_path, err, sizeof err);
	if (core.db == NULL ||
	    db_checkpointer_start(core.db, core.db_path, err, sizeof err) != 0)
		fatal("%s", err);
	if (server_listen(core.sock_path, err, sizeof err) != 0)
		fatal("%s", err);
	core_socket_group();
	core_recover();
	queue_sync(core.cfg);
	agent_sync(core.cfg);
	campaign_sync(core.cfg);
	campaign_predict_load(clock_wall_ms());
	core_prompts();
	evlog_open(queue_sl_target);
	if (span_open_all(core.cfg, err, sizeof err) != 0)
		fatal("%s", err);
	core_signals();
	callback_restore();
	retention_start();
	log_info("centrala %s core started: state in %s, %d spans, %d queues, "
	    "%d agents", CORE_VERSION, core.state_dir, core.cfg->nspans,
	    core.cfg->nqueues, core.cfg->nagents);
}

static void
core_finish(void)
{
	core_logout_all();
	conn_close_all("core stopped");
	core_pass_end();
	span_close_all();
	server_close();
	evlog_close();
	db_backup_wait();
	retention_stop();
	event_free(core_beat);
	db_heartbeat_stop(core.db, clock_wall_ms());
	db_checkpointer_stop(core.db);
	db_close(core.db);
	agent_free_all();
	queue_free_all();
	campaign_free_all();
	config_free(core.cfg);
	log_info("core stopped");
}

/* libevent's timers run on CLOCK_MONOTONIC_COARSE unless asked otherwise:
 * a tick of 4 ms on a kernel of 250 Hz, so a 1 ms timer (the subscribers'
 * flush, conn.c) fired 0-4 ms late, 2.7 ms at the median. */
static struct event_base *
core_event_base(void)
{
	struct event_config	*cfg = event_config_new();
	struct event_base	*base;

	event_config_set_flag(cfg, EVENT_BASE_FLAG_PRECISE_TIMER);
	base = event_base_new_with_config(cfg);
	event_config_free(cfg);
	if (base == NULL)
		fatal("core: no event loop (libevent)");
	return base;
}

int
main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "state-dir", required_argument, NULL, 's' },
		{ "check", no_argument, NULL, 'n' },
		{ "log-level", required_argument, NULL, 'l' },
		{ "print-default-config", no_argument, NULL, 'P' },
		{ "dahdi-conf", no_argument, NULL, 'D' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	const char	*config_opt = NULL, *state_opt = NULL, *level_opt = NULL;
	int		 ch, check = 0, dahdi_conf = 0;
	enum log_level	 level;
	char		 err[1024];
	size_t		 heap;

	heap = hugeheap_init();
	log_open("centrala-core", NULL, LOG_LEVEL_INFO);
	while ((ch = getopt_long(argc, argv, "c:s:nl:hV", opts, NULL)) != -1) {
		switch (ch) {
		case 'c': config_opt = optarg; break;
		case 's': state_opt = optarg; break;
		case 'n': check = 1; break;
		case 'l': level_opt = optarg; break;
		case 'P': fputs(default_config, stdout); return 0;
		case 'D': dahdi_conf = 1; break;
		case 'h': usage(stdout); return 0;
		case 'V': printf("centrala core %s\n", CORE_VERSION); return 0;
		default: usage(stderr); return 2;
		}
	}
	if (optind != argc) {
		fprintf(stderr, "centrala core: unexpected argument \"%s\"\n",
		    argv[optind]);
		return 2;
	}
	if (level_opt != NULL && log_level_parse(level_opt, &level) != 0) {
		fprintf(stderr, "centrala core: --log-level: \"%s\" is not one "
		    "of debug, info, warn, error\n", level_opt);
		return 2;
	}
	core.config_path = (char *)core_config_path(config_opt);
	if ((core.cfg = core_load_config(err, sizeof err)) == NULL) {
		fprintf(stderr, "centrala core: %s\n", err);
		return 1;
	}
	if (dahdi_conf) {
		dahdi_system_conf(core.cfg, stdout);
		return 0;
	}
	if (check) {
		for (int i = 0; i < core.cfg->nwarnings; i++)
			fprintf(stderr, "warning: %s\n", core.cfg->warnings[i]);
		printf("%s: configuration OK\n", core.config_path ?
		    core.config_path : "built-in default");
		return 0;
	}
	log_set_level(level_opt != NULL ? level : core.cfg->core.log_level);
	core_level_fixed = level_opt != NULL;
	core_warnings(core.cfg);
	core.uid = getuid();
	core.start_mono = clock_mono_us();
	core.base = core_event_base();
	core_start(state_opt);
	log_debug("heap: %zu MB advised for transparent huge pages",
	    heap >> 20);
	core_run();
	core_finish();
	return 0;
}
