/* config.c: reads an INI file through config_table[] (config-table.c):
 * sections, defaults, types, ranges, choices and cross-checks, with one
 * error naming the file, section and key, and a warning for each unknown
 * key. Also the dump (`ctl show-config`) and lookups. */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <iniparser.h>
#include "config.h"
#include "xmalloc.h"

#define FIELD(base, off, type)	((type *)((char *)(base) + (off)))

static char	config_parse_msg[256];

static int
config_iniparser_error(const char *fmt, ...)
{
	va_list ap;

	if (config_parse_msg[0] != '\0')
		return 0;	/* keep the first */
	va_start(ap, fmt);
	vsnprintf(config_parse_msg, sizeof config_parse_msg, fmt, ap);
	va_end(ap);
	for (char *p = config_parse_msg; *p != '\0'; p++)
		if (*p == '\n')
			*p = ' ';
	return 0;
}

static const struct cfg_section *
config_section_kind(const char *kind)
{
	for (const struct cfg_section *cs = config_sections; cs->kind; cs++)
		if (strcmp(cs->kind, kind) == 0)
			return cs;
	return NULL;
}

static const struct cfg_key *
config_key(const char *kind, const char *key)
{
	for (const struct cfg_key *k = config_table; k->section; k++)
		if (strcmp(k->section, kind) == 0 && strcmp(k->key, key) == 0)
			return k;
	return NULL;
}

static void
config_warn(struct config *cfg, const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		s = xstrdup("?");
	va_end(ap);
	cfg->warnings = xrealloc(cfg->warnings, (cfg->nwarnings + 2) *
	    sizeof *cfg->warnings);
	cfg->warnings[cfg->nwarnings++] = s;
	cfg->warnings[cfg->nwarnings] = NULL;
}

static void
config_choices(const char *const *c, char *buf, size_t len)
{
	buf[0] = '\0';
	for (; *c != NULL; c++) {
		strncat(buf, *c, len - strlen(buf) - 1);
		if (c[1] != NULL)
			strncat(buf, ", ", len - strlen(buf) - 1);
	}
}

static int
config_choice(const char *const *c, const char *v)
{
	for (int i = 0; c[i] != NULL; i++)
		if (strcmp(c[i], v) == 0)
			return i;
	return -1;
}

static char **
config_split_list(const char *v, int *n)
{
	char	**list = xcalloc(1, sizeof *list), *copy = xstrdup(v), *tok, *save;

	*n = 0;
	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		while (isspace((unsigned char)*tok))
			tok++;
		for (char *e = tok + strlen(tok); e > tok && isspace((unsigned char)e[-1]);)
			*--e = '\0';
		if (*tok == '\0')
			continue;
		list = xrealloc(list, (*n + 2) * sizeof *list);
		list[(*n)++] = xstrdup(tok);
		list[*n] = NULL;
	}
	free(copy);
	return list;
}

static int
config_parse_int(const struct cfg_key *k, const char *v, int *out, char *why,
    size_t len)
{
	char	*end;
	long	 n;

	errno = 0;
	n = strtol(v, &end, 10);
	if (v[0] == '\0' || *end != '\0' || errno != 0) {
		snprintf(why, len, "\"%s\" is not a whole number (%ld to %ld)",
		    v, k->min, k->max);
		return -1;
	}
	if (n < k->min || n > k->max) {
		snprintf(why, len, "%ld is out of range (%ld to %ld)", n,
		    k->min, k->max);
		return -1;
	}
	*out = (int)n;
	return 0;
}

static int
config_parse_bool(const char *v, int *out, char *why, size_t len)
{
	static const char *const yes[] = { "yes", "true", "on", "1", NULL };
	static const char *const no[] = { "no", "false", "off", "0", NULL };

	if (config_choice(yes, v) >= 0 || config_choice(no, v) >= 0) {
		*out = config_choice(yes, v) >= 0;
		return 0;
	}
	snprintf(why, len, "\"%s\" is not yes or no", v);
	return -1;
}

/* Stores one value at its row's place in the section's struct. */
static int
config_store(const struct cfg_key *k, void *sect, const char *v, char *why,
    size_t len)
{
	char	choices[256];
	int	i = -1;

	switch (k->type) {
	case CFG_INT:
		return config_parse_int(k, v, FIELD(sect, k->offset, int), why, len);
	case CFG_BOOL:
		return config_parse_bool(v, FIELD(sect, k->offset, int), why, len);
	case CFG_LIST:
		*FIELD(sect, k->offset, char **) = config_split_list(v,
		    FIELD(sect, k->offset + sizeof(char **), int));
		return 0;
	case CFG_ENUM:
	case CFG_STRING:
		if (k->choices != NULL && (i = config_choice(k->choices, v)) < 0) {
			config_choices(k->choices, choices, sizeof choices);
			snprintf(why, len, "\"%s\" is not one of: %s", v, choices);
			return -1;
		}
		if (k->type == CFG_ENUM)
			*FIELD(sect, k->offset, int) = i;
		else
			*FIELD(sect, k->offset, char *) = xstrdup(v);
		return 0;
	}
	return -1;
}

/* One section of the file: which kind, which instance. */
struct config_sect {
	const struct cfg_section	*kind;
	char				 secname[128];	/* as iniparser has it */
	const char			*name;		/* after the kind */
	void				*ptr;
};

static int
config_fail(char *err, size_t errlen, const char *path,
    const struct config_sect *s, const char *key, const char *why)
{
	snprintf(err, errlen, "%s: [%s]%s%s: %s", path, s->secname,
	    key ? " " : "", key ? key : "", why);
	return -1;
}

static const char *
config_value(dictionary *d, const struct config_sect *s, const struct cfg_key *k)
{
	char full[256];

	snprintf(full, sizeof full, "%s:%s", s->secname, k->key);
	return d != NULL ? iniparser_getstring(d, full, NULL) : NULL;
}

static int
config_read_sect(struct config *cfg, dictionary *d, struct config_sect *s,
    char *err, size_t errlen)
{
	char		 why[512];
	const char	*v;
	int		 nkeys = d ? iniparser_getsecnkeys(d, s->secname) : 0;
	const char	**keys = xcalloc(nkeys + 1, sizeof *keys);

	if (nkeys > 0)
		iniparser_getseckeys(d, s->secname, keys);
	for (int i = 0; i < nkeys; i++) {
		const char *key = strchr(keys[i], ':') + 1;

		if (config_key(s->kind->kind, key) == NULL)
			config_warn(cfg, "%s: [%s] %s: unknown key, ignored",
			    cfg->path, s->secname, key);
	}
	free(keys);
	for (const struct cfg_key *k = config_table; k->section; k++) {
		if (strcmp(k->section, s->kind->kind) != 0)
			continue;
		if ((v = config_value(d, s, k)) == NULL && (v = k->dflt) == NULL)
			return config_fail(err, errlen, cfg->path, s, k->key,
			    "missing (required)");
		if (config_store(k, s->ptr, v, why, sizeof why) != 0)
			return config_fail(err, errlen, cfg->path, s, k->key, why);
	}
	return 0;
}

static int
config_check_sect(struct config *cfg, dictionary *d, struct config_sect *s,
    char *err, size_t errlen)
{
	char		 why[512];
	const char	*v;

	for (const struct cfg_key *k = config_table; k->section; k++) {
		if (strcmp(k->section, s->kind->kind) != 0 || k->check == NULL)
			continue;
		if ((v = config_value(d, s, k)) == NULL)
			v = k->dflt;
		if (k->check(cfg, s->ptr, v, why, sizeof why) != 0)
			return config_fail(err, errlen, cfg->path, s, k->key, why);
	}
	return 0;
}

/* Classifies a section name "kind name"; NULL-kind with err on failure. */
static int
config_classify(struct config *cfg, const char *secname, struct config_sect *s,
    char *err, size_t errlen)
{
	char		 kind[32], why[256];
	const char	*sp = strchr(secname, ' ');
	size_t		 n = sp ? (size_t)(sp - secname) : strlen(secname);

	memset(s, 0, sizeof *s);
	snprintf(s->secname, sizeof s->secname, "%s", secname);
	snprintf(kind, sizeof kind, "%.*s", (int)(n < 31 ? n : 31), secname);
	s->name = sp ? sp + 1 : NULL;
	if ((s->kind = config_section_kind(kind)) == NULL) {
		config_choices((const char *const[]){ "core", "span", "did",
		    "queue", "agent", "user", NULL }, why, sizeof why);
		snprintf(err, errlen, "%s: [%s]: unknown section kind (%s)",
		    cfg->path, secname, why);
		return -1;
	}
	if (s->kind->name_ok == NULL && s->name != NULL)
		return config_fail(err, errlen, cfg->path, s, NULL,
		    "[core] takes no name");
	if (s->kind->name_ok != NULL && (s->name == NULL ||
	    !s->kind->name_ok(s->name))) {
		snprintf(why, sizeof why, "needs a name: [%s NAME], NAME %s",
		    kind, s->kind->name_rule);
		return config_fail(err, errlen, cfg->path, s, NULL, why);
	}
	return 0;
}

/* Makes room for one more instance of a kind and returns it. */
static void *
config_new_instance(struct config *cfg, const struct cfg_section *k,
    const char *name)
{
	void	**arr = FIELD(cfg, k->array, void *);
	int	 *cnt = FIELD(cfg, k->count, int);
	void	 *p;

	*arr = xrealloc(*arr, (*cnt + 1) * k->size);
	p = (char *)*arr + *cnt * k->size;
	memset(p, 0, k->size);
	(*cnt)++;
	*FIELD(p, k->name, char *) = xstrdup(name);
	return p;
}

static int
config_read_all(struct config *cfg, dictionary *d, char *err, size_t errlen)
{
	int			 nsec = iniparser_getnsec(d), ncore = 0;
	struct config_sect	*ss = xcalloc(nsec + 1, sizeof *ss);
	int			 r = -1, i;

	for (i = 0; i < nsec; i++)
		if (config_classify(cfg, iniparser_getsecname(d, i), &ss[i],
		    err, errlen) != 0)
			goto out;
	for (i = 0; i < nsec; i++) {
		if (ss[i].kind->name_ok == NULL) {
			ss[i].ptr = &cfg->core;
			ncore++;
		}
	}
	if (ncore == 0) {	/* no [core]: every default still applies */
		ss[nsec].kind = config_section_kind("core");
		snprintf(ss[nsec].secname, sizeof ss[nsec].secname, "core");
		ss[nsec++].ptr = &cfg->core;
	}
	/* Arrays are final once all instances exist: take pointers after. */
	for (i = 0; i < nsec; i++)
		if (ss[i].kind->name_ok != NULL)
			config_new_instance(cfg, ss[i].kind, ss[i].name);
	for (i = 0; i < nsec; i++) {
		if (ss[i].kind->name_ok != NULL) {
			int n = 0;

			for (int j = 0; j < i; j++)
				n += ss[j].kind == ss[i].kind;
			ss[i].ptr = *FIELD(cfg, ss[i].kind->array, char *) +
			    n * ss[i].kind->size;
		}
		if (config_read_sect(cfg, ncore || i < nsec - 1 ? d : NULL,
		    &ss[i], err, errlen) != 0)
			goto out;
	}
	for (i = 0; i < nsec; i++)
		if (config_check_sect(cfg, d, &ss[i], err, errlen) != 0)
			goto out;
	if (cfg->nspans == 0) {
		snprintf(err, errlen, "%s: no [span NAME] section: at least one "
		    "span is needed", cfg->path);
		goto out;
	}
	r = 0;
out:
	free(ss);
	return r;
}

struct config *
config_load(const char *path, char *err, size_t errlen)
{
	struct config	*cfg;
	dictionary	*d;
	FILE		*f = fopen(path, "r");

	if (f == NULL) {
		snprintf(err, errlen, "%s: cannot read: %s", path, strerror(errno));
		return NULL;
	}
	fclose(f);
	config_parse_msg[0] = '\0';
	iniparser_set_error_callback(config_iniparser_error);
	if ((d = iniparser_load(path)) == NULL) {
		snprintf(err, errlen, "%s: not a valid INI file: %s", path,
		    config_parse_msg[0] ? config_parse_msg : "cannot parse");
		return NULL;
	}
	cfg = xcalloc(1, sizeof *cfg);
	cfg->path = xstrdup(path);
	if (config_read_all(cfg, d, err, errlen) != 0) {
		config_free(cfg);
		cfg = NULL;
	}
	iniparser_freedict(d);
	return cfg;
}

static void
config_free_sect(const struct cfg_section *kind, void *sect)
{
	for (const struct cfg_key *k = config_table; k->section; k++) {
		if (strcmp(k->section, kind->kind) != 0)
			continue;
		if (k->type == CFG_STRING)
			free(*FIELD(sect, k->offset, char *));
		if (k->type == CFG_LIST) {
			char **l = *FIELD(sect, k->offset, char **);

			for (int i = 0; l != NULL && l[i] != NULL; i++)
				free(l[i]);
			free(l);
		}
	}
	if (kind->name_ok != NULL)
		free(*FIELD(sect, kind->name, char *));
}

void
config_free(struct config *cfg)
{
	if (cfg == NULL)
		return;
	for (const struct cfg_section *k = config_sections; k->kind; k++) {
		if (k->name_ok == NULL) {
			config_free_sect(k, &cfg->core);
			continue;
		}
		for (int i = 0; i < *FIELD(cfg, k->count, int); i++)
			config_free_sect(k, *FIELD(cfg, k->array, char *) + i * k->size);
		free(*FIELD(cfg, k->array, void *));
	}
	for (int i = 0; i < cfg->nwarnings; i++)
		free(cfg->warnings[i]);
	free(cfg->warnings);
	free(cfg->path);
	free(cfg);
}

static void
config_dump_value(const struct cfg_key *k, const void *sect, FILE *f)
{
	const char	*s;
	char	       **l;

	switch (k->type) {
	case CFG_INT:
		fprintf(f, "%d", *FIELD(sect, k->offset, int));
		break;
	case CFG_BOOL:
		fputs(*FIELD(sect, k->offset, int) ? "yes" : "no", f);
		break;
	case CFG_ENUM:
		fputs(k->choices[*FIELD(sect, k->offset, int)], f);
		break;
	case CFG_LIST:
		l = *FIELD(sect, k->offset, char **);
		for (int i = 0; l != NULL && l[i] != NULL; i++)
			fprintf(f, "%s%s", i ? ", " : "", l[i]);
		break;
	case CFG_STRING:
		s = *FIELD(sect, k->offset, char *);
		fprintf(f, strpbrk(s, ";#") ? "\"%s\"" : "%s", s);
		break;
	}
}

static void
config_dump_sect(const struct cfg_section *kind, const void *sect, FILE *f)
{
	if (kind->name_ok == NULL)
		fprintf(f, "[%s]\n", kind->kind);
	else
		fprintf(f, "[%s %s]\n", kind->kind, *FIELD(sect, kind->name, char *));
	for (const struct cfg_key *k = config_table; k->section; k++) {
		if (strcmp(k->section, kind->kind) != 0)
			continue;
		fprintf(f, "; %s%s%s%s\n", k->help, k->dflt ? " (default: " : "",
		    k->dflt ? (k->dflt[0] ? k->dflt : "empty") : "",
		    k->dflt ? ")" : " (required)");
		fprintf(f, "%s = ", k->key);
		config_dump_value(k, sect, f);
		fputc('\n', f);
	}
	fputc('\n', f);
}

void
config_dump(const struct config *cfg, FILE *f)
{
	fprintf(f, "; Centrala configuration in force, from %s\n\n", cfg->path);
	for (const struct cfg_section *k = config_sections; k->kind; k++) {
		if (k->name_ok == NULL) {
			config_dump_sect(k, &cfg->core, f);
			continue;
		}
		for (int i = 0; i < *FIELD(cfg, k->count, int); i++)
			config_dump_sect(k, *FIELD(cfg, k->array, char *) +
			    i * k->size, f);
	}
}

#define CONFIG_FIND(fn, type, arr, cnt, field)				\
const type *								\
fn(const struct config *cfg, const char *name)				\
{									\
	for (int i = 0; cfg != NULL && i < cfg->cnt; i++)		\
		if (strcmp(cfg->arr[i].field, name) == 0)		\
			return &cfg->arr[i];				\
	return NULL;							\
}
CONFIG_FIND(config_find_queue, struct cfg_queue, queues, nqueues, name)
CONFIG_FIND(config_find_agent, struct cfg_agent, agents, nagents, id)
CONFIG_FIND(config_find_user, struct cfg_user, users, nusers, name)
CONFIG_FIND(config_find_did, struct cfg_did, dids, ndids, number)

const char *
config_role_name(int role)
{
	static const char *const names[] = { "agent", "supervisor", "admin" };

	return role >= 0 && role <= 2 ? names[role] : "?";
}
