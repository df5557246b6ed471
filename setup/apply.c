/* apply.c: write, database, reload (apply.h). The database is opened
 * with the core's db_open(), which creates it or runs the schema steps it
 * lacks, as the core does at start. A running core is found by its
 * socket and sent `reload`; spans and [core] are read at start (the core
 * keeps a span as it was on reload), so their changes are reported as
 * waiting for a restart. */
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

/* 1 when any of the kind's keys differs between the two documents. */
static int
apply_differs(const struct ini_doc *old, const struct ini_doc *new,
    const struct cfg_section *cs, const char *name)
{
	const struct cfg_key	*keys[MODEL_MAX_KEYS];
	int			 n = model_keys(cs, keys, MODEL_MAX_KEYS), d;
	char			 secname[128], *a;

	model_secname(cs, name, secname, sizeof secname);
	for (int i = 0; i < n; i++) {
		a = xstrdup(model_value(old, secname, name, keys[i], &d));
		d = strcmp(a, model_value(new, secname, name, keys[i], &d));
		free(a);
		if (d != 0)
			return 1;
	}
	return 0;
}

/* A line per section added, changed or removed: "applied:" for what a
 * reload takes, "needs a restart:" for spans and [core]. */
static void
apply_changes(const struct setup *s, char *buf, size_t len)
{
	struct ini_doc	*old = ini_doc_parse(s->written);
	char		**now, **was, sec[160];
	int		  nnow, nwas, had;

	for (int i = 0; i < model_nkinds(); i++) {
		const struct cfg_section *cs = model_kind(i);
		const char *how = strcmp(cs->kind, "span") == 0 ||
		    strcmp(cs->kind, "core") == 0 ? "needs a restart" :
		    "applied";

		if (!model_named(cs)) {
			if (apply_differs(old, s->doc, cs, NULL))
				apply_say(buf, len, "%s: [%s] changed\n", how,
				    cs->kind);
			continue;
		}
		now = model_instances(s->doc, cs, &nnow);
		was = model_instances(old, cs, &nwas);
		for (int j = 0; j < nnow; j++) {
			model_secname(cs, now[j], sec, sizeof sec);
			had = ini_has_section(old, sec);
			if (!had || apply_differs(old, s->doc, cs, now[j]))
				apply_say(buf, len, had ? "%s: [%s] changed\n" :
				    "%s: [%s] new\n", how, sec);
		}
		for (int j = 0; j < nwas; j++) {
			model_secname(cs, was[j], sec, sizeof sec);
			if (!ini_has_section(s->doc, sec))
				apply_say(buf, len, "%s: [%s] removed\n", how,
				    sec);
		}
		model_free_names(now);
		model_free_names(was);
	}
	ini_doc_free(old);
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

/* Creates or upgrades the database; a line for the report. */
static int
apply_db(const struct config *cfg, char *buf, size_t len)
{
	const struct cfg_core	*cc = &cfg->core;
	char			*path, err[512];
	struct db		*db;

	if (mkdir(cc->state_dir, 0750) != 0 && errno != EEXIST) {
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
		apply_changes(s, buf, len);
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
