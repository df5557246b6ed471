/* check.c: the wizard's checks (check.h). Nothing here knows a key: the
 * type and range come from the row, the rest from config_load and the
 * core, which read the same table. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"
#include "model.h"
#include "skill.h"
#include "xmalloc.h"

/* Writes the document to a temporary file: its path (free it), or NULL. */
static char *
check_tmpfile(const struct ini_doc *doc, char *err, size_t len)
{
	char	*path = xstrdup("/tmp/centrala-setup-XXXXXX");
	char	*text = ini_text(doc);
	int	 fd = mkstemp(path), ok;

	if (fd < 0) {
		snprintf(err, len, "cannot make a temporary file: %s",
		    strerror(errno));
		free(text);
		free(path);
		return NULL;
	}
	ok = write(fd, text, strlen(text)) == (ssize_t)strlen(text);
	close(fd);
	free(text);
	if (!ok) {
		snprintf(err, len, "cannot write %s", path);
		unlink(path);
		free(path);
		return NULL;
	}
	return path;
}

struct config *
check_load(const struct ini_doc *doc, const char *path, char *err,
    size_t len)
{
	char		*tmp = check_tmpfile(doc, err, len), *msg;
	struct config	*cfg;
	size_t		 n;

	if (tmp == NULL)
		return NULL;
	cfg = config_load(tmp, err, len);
	unlink(tmp);
	n = strlen(tmp);
	/* "TMP: [queue x] key: why" -> "PATH: [queue x] key: why". */
	if (cfg == NULL && strncmp(err, tmp, n) == 0) {
		msg = xprintf("%s%s", path, err + n);
		snprintf(err, len, "%s", msg);
		free(msg);
	}
	free(tmp);
	return cfg;
}

/* The row's own type: a number in its range, one of its choices. */
static int
check_type(const struct cfg_key *k, const char *v, char *why, size_t len)
{
	char	*end;
	long	 n;

	if (k->dflt == NULL && v[0] == '\0') {
		snprintf(why, len, "%s is required", k->key);
		return -1;
	}
	if (k->type == CFG_INT) {
		n = strtol(v, &end, 10);
		if (v[0] == '\0' || *end != '\0' || isspace((unsigned char)v[0])) {
			snprintf(why, len, "\"%s\" is not a whole number (%ld to "
			    "%ld)", v, k->min, k->max);
			return -1;
		}
		if (n < k->min || n > k->max) {
			snprintf(why, len, "%s is out of range (%ld to %ld)", v,
			    k->min, k->max);
			return -1;
		}
	}
	if (k->choices != NULL) {
		for (int i = 0; k->choices[i] != NULL; i++)
			if (strcmp(k->choices[i], v) == 0)
				return 0;
		snprintf(why, len, "\"%s\" is not one of the choices", v);
		return -1;
	}
	return 0;
}

int
check_answer(const struct ini_doc *doc, const char *secname,
    const struct cfg_key *k, const char *value, char *why, size_t len)
{
	struct ini_doc	*trial;
	struct config	*cfg;
	char		*text, err[1024], want[256], *p;

	if (check_type(k, value, why, len) != 0)
		return -1;
	text = ini_text(doc);
	trial = ini_doc_parse(text);
	free(text);
	ini_set(trial, secname, k->key, value);
	cfg = check_load(trial, "", err, sizeof err);
	ini_doc_free(trial);
	if (cfg != NULL) {
		config_free(cfg);
		return 0;
	}
	/* iniparser lowers section names: so does the loader's message. */
	snprintf(want, sizeof want, ": [%s] %s: ", secname, k->key);
	for (p = want; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	if (strncmp(err, want, strlen(want)) != 0)
		return 0;	/* something else is not done yet */
	snprintf(why, len, "%s", err + strlen(want));
	return -1;
}

int
check_new_name(const struct ini_doc *doc, const struct cfg_section *cs,
    const char *name, char *why, size_t len)
{
	char	**have;
	int	  n, dup = 0;

	if (!cs->name_ok(name)) {
		snprintf(why, len, "\"%s\" is not a %s name (%s)", name,
		    cs->kind, cs->name_rule);
		return -1;
	}
	have = model_instances(doc, cs, &n);
	for (int i = 0; i < n; i++)
		dup |= strcasecmp(have[i], name) == 0;
	model_free_names(have);
	if (dup) {
		snprintf(why, len, "there is already a [%s %s]: %s %s is used "
		    "once only", cs->kind, name, cs->kind, name);
		return -1;
	}
	return 0;
}

/* Can agent a take calls of queue q: it lists q, and has q's skills at
 * the levels asked after the queue's widest widening. */
static int
check_can_serve(const struct cfg_agent *a, const struct cfg_queue *q)
{
	struct skillset	have, need;
	struct widen	w;
	char		why[256];
	int		listed = 0, score;

	for (int i = 0; i < a->nqueues; i++)
		listed |= strcmp(a->queues[i], q->name) == 0;
	if (!listed || skill_parse(q->skills, &need, why, sizeof why) != 0 ||
	    skill_parse(a->skills, &have, why, sizeof why) != 0 ||
	    widen_parse(q->widen, &w, why, sizeof why) != 0)
		return 0;
	return skill_meets(&have, &need, widen_lower_by(&w, 1 << 30), &score);
}

int
check_served(const struct config *cfg, char *why, size_t len)
{
	for (int i = 0; i < cfg->nqueues; i++) {
		const struct cfg_queue	*q = &cfg->queues[i];
		int			 served = 0, listed = 0;

		for (int j = 0; j < cfg->nagents && !served; j++) {
			served |= check_can_serve(&cfg->agents[j], q);
			for (int k = 0; k < cfg->agents[j].nqueues; k++)
				listed |= strcmp(cfg->agents[j].queues[k],
				    q->name) == 0;
		}
		if (served)
			continue;
		if (!listed)
			snprintf(why, len, "[queue %s]: no agent can serve it "
			    "(no [agent] lists it in queues)", q->name);
		else
			snprintf(why, len, "[queue %s]: no agent can serve it "
			    "(none of its agents has the skills \"%s\", even "
			    "after widening)", q->name, q->skills);
		return -1;
	}
	return 0;
}

/* `centrala-core --check --config TMP`: 0, or -1 with its message. */
static int
check_core(const struct setup *s, char *why, size_t len)
{
	char	*tmp = check_tmpfile(s->doc, why, len), *cmd, line[1024] = "";
	FILE	*p;
	int	 st;

	if (tmp == NULL)
		return -1;
	cmd = xprintf("'%s/centrala-core' --check --config '%s' 2>&1",
	    s->program_dir, tmp);
	p = popen(cmd, "r");
	free(cmd);
	if (p == NULL) {
		snprintf(why, len, "cannot run centrala core --check");
		unlink(tmp);
		free(tmp);
		return -1;
	}
	while (fgets(line, sizeof line, p) != NULL && strstr(line,
	    "warning") != NULL)
		;
	while (fgetc(p) != EOF)
		;
	st = pclose(p);
	unlink(tmp);
	free(tmp);
	if (WIFEXITED(st) && WEXITSTATUS(st) == 0)
		return 0;
	line[strcspn(line, "\n")] = '\0';
	snprintf(why, len, "centrala core --check refuses it: %s", line);
	return -1;
}

int
check_all(const struct setup *s, char *why, size_t len)
{
	struct config	*cfg = check_load(s->doc, s->path, why, len);
	int		 r;

	if (cfg == NULL)
		return -1;
	r = check_served(cfg, why, len);
	config_free(cfg);
	return r != 0 ? -1 : check_core(s, why, len);
}
