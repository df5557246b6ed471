/* apply.c: write, database, reload (apply.h). The database is opened
 * with the core's db_open(), which creates it or runs the schema steps it
 * lacks, as the core does at start. A running core is found by its
 * socket and sent `reload`; its reply says which changes it put in
 * force and which wait for a restart (the config table's apply column),
 * and the report says the same. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "apply.h"
#include "check.h"
#include "cli.h"
#include "db.h"
#include "log.h"
#include "model.h"
#include "xmalloc.h"

/* Appends a line to the report. */
static void
apply_say(char *buf, size_t len, const char *fmt, const char *a,
    const char *b)
{
	size_t n = strlen(buf);

	snprintf(buf + n, len - n, fmt, a, b);
}

/* What the core's reply says the reload changed: a line per key or
 * section, put in force ("applied") or kept until a restart. */
static void
apply_changes(json_t *reply, char *buf, size_t len)
{
	static const struct { const char *key, *how; } lists[] = {
		{ "applied", "applied" }, { "restart", "needs a restart" },
	};
	size_t	 i, n = 0;
	json_t	*v;

	for (size_t k = 0; k < sizeof lists / sizeof lists[0]; k++)
		json_array_foreach(json_object_get(reply, lists[k].key), i, v) {
			apply_say(buf, len, "%s: %s\n", lists[k].how,
			    json_string_value(v));
			n++;
		}
	if (n == 0)
		apply_say(buf, len, "no setting changed%s%s\n", "", "");
}

/* Root made the database in a state directory the core's user owns
 * (/var/lib/centrala): the files go to that user, or the core could not
 * write them. */
static void
apply_own(const char *dir, const char *db)
{
	static const char *const tails[] = { "", "-wal", "-shm" };
	struct stat	 st;
	char		*f;

	if (getuid() != 0 || stat(dir, &st) != 0 || st.st_uid == 0)
		return;
	for (size_t i = 0; i < sizeof tails / sizeof tails[0]; i++) {
		f = xprintf("%s%s", db, tails[i]);
		if (chown(f, st.st_uid, st.st_gid) != 0 && errno != ENOENT)
			log_warn("cannot give %s to the state directory's owner: "
			    "%s", f, strerror(errno));
		free(f);
	}
}

/* mkdir -p: the state directory and the folders above it (a /usr/local
 * install's /usr/local/var/lib may not be there yet). */
static int
apply_mkdirs(const char *dir)
{
	char	*p = xstrdup(dir), *s = p;
	int	 r = 0;

	while (r == 0 && (s = strchr(s + 1, '/')) != NULL) {
		*s = '\0';
		if (mkdir(p, 0755) != 0 && errno != EEXIST)
			r = -1;
		*s = '/';
	}
	if (r == 0 && mkdir(p, 0750) != 0 && errno != EEXIST)
		r = -1;
	free(p);
	return r;
}

/* Creates or upgrades the database; a line for the report. */
static int
apply_db(const struct config *cfg, char *buf, size_t len)
{
	const struct cfg_core	*cc = &cfg->core;
	char			*path, err[512];
	struct db		*db;

	if (apply_mkdirs(cc->state_dir) != 0) {
		apply_say(buf, len, "cannot create %s: %s\n", cc->state_dir,
		    strerror(errno));
		return -1;
	}
	path = cc->db_path[0] != '\0' ? xstrdup(cc->db_path) :
	    xprintf("%s/centrala.db", cc->state_dir);
	if ((db = db_open(path, err, sizeof err)) == NULL) {
		apply_say(buf, len, "database not ready: %s%s\n", err, "");
		free(path);
		return -1;
	}
	db_close(db);
	apply_own(cc->state_dir, path);
	apply_say(buf, len, "database %s: ready (created or upgraded)%s\n",
	    path, "");
	free(path);
	return 0;
}

/* Tells a running core to reload; a line for the report. */
static void
apply_reload(const struct setup *s, const struct config *cfg, char *buf,
    size_t len)
{
	const struct cfg_core	*cc = &cfg->core;
	char			*sock, err[512];
	struct cli		*c;
	json_t			*r;

	sock = cc->run_dir[0] != '\0' ? xprintf("%s/centrala.sock",
	    cc->run_dir) : xprintf("%s/run/centrala.sock", cc->state_dir);
	if (access(sock, F_OK) != 0) {
		apply_say(buf, len, "no core running (no %s): it reads the "
		    "file when it starts%s\n", sock, "");
		free(sock);
		return;
	}
	if ((c = cli_connect(sock, err, sizeof err)) == NULL ||
	    cli_hello(c, "setup/" VERSION) != 0 ||
	    cli_login_local(c, NULL) != 0) {
		apply_say(buf, len, "reload not sent: %s%s\n", c != NULL ?
		    cli_error(c) : err, "");
		cli_close(c);
		free(sock);
		return;
	}
	r = cli_call(c, json_pack("{s:s}", "req", "reload"), 10000);
	if (r == NULL || cli_reply_error(r) != NULL)
		apply_say(buf, len, "reload refused: %s%s\n", r == NULL ?
		    cli_error(c) : cli_reply_error(r), "");
	else {
		apply_say(buf, len, "reload: the running core took the new "
		    "file%s%s\n", "", "");
		apply_changes(r, buf, len);
	}
	json_decref(r);
	cli_close(c);
	free(sock);
}

int
apply_write(struct setup *s, char *report, size_t len)
{
	struct config	*cfg;
	char		 err[1024];

	report[0] = '\0';
	if (check_all(s, report, len) != 0)
		return -1;
	if ((cfg = check_load(s->doc, s->path, report, len)) == NULL)
		return -1;
	if (ini_write(s->doc, s->path, err, sizeof err) != 0) {
		snprintf(report, len, "%s", err);
		config_free(cfg);
		return -1;
	}
	apply_say(report, len, "written: %s%s\n", s->path, s->first_run ? "" :
	    " (the old one kept as .bak)");
	apply_db(cfg, report, len);
	apply_reload(s, cfg, report, len);
	free(s->written);
	s->written = ini_text(s->doc);
	s->first_run = 0;
	config_free(cfg);
	return 0;
}
