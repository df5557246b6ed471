/* config.c: reads an INI file through config_table[] (config-table.c):
 * sections, defaults, types, ranges, choices and cross-checks, with one
 * error naming the file, section and key, and a warning for each unknown
 * key. Also the dump (`ctl show-config`), freeing and lookups. Nothing here
 * knows a key by name: every setting is a row of the table. */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <iniparser.h>
#include "config.h"
#include "log.h"
#include "xmalloc.h"

#define FIELD(base, off, type)	((type *)((char *)(base) + (off)))

/* Sections named [x-...] are the admin's own (notes, other tools'). */
#define CONFIG_OWN_PREFIX	"x-"

/* A row default standing for the section's own name ([queue sales] title). */
#define CONFIG_DFLT_NAME	"$name"

/* One section of the file: which kind, which instance. */
struct config_sect {
	const struct cfg_section	*kind;
	const char			*secname;	/* as iniparser has it */
	const char			*name;		/* after the kind */
	void				*ptr;		/* its struct in cfg */
};

/* iniparser reports syntax errors through a callback: keep the first. */
static char	config_parse_msg[512];

static int
config_iniparser_error(const char *fmt, ...)
{
	va_list ap;

	if (config_parse_msg[0] != '\0')
		return 0;
	va_start(ap, fmt);
	vsnprintf(config_parse_msg, sizeof config_parse_msg, fmt, ap);
	va_end(ap);
	return 0;
}

static const struct cfg_section *
config_section_kind(const char *kind, size_t len)
{
	for (const struct cfg_section *cs = config_sections; cs->kind; cs++)
		if (strlen(cs->kind) == len && strncmp(cs->kind, kind, len) == 0)
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
config_append(char *buf, size_t len, const char *s, int first)
{
	size_t n = strlen(buf);

	snprintf(buf + n, len - n, "%s%s", first ? "" : ", ", s);
}

static void
config_choices(const char *const *c, char *buf, size_t len)
{
	buf[0] = '\0';
	for (int i = 0; c[i] != NULL; i++)
		config_append(buf, len, c[i], i == 0);
}

static void
config_kinds(char *buf, size_t len)
{
	buf[0] = '\0';
	for (int i = 0; config_sections[i].kind != NULL; i++)
		config_append(buf, len, config_sections[i].kind, i == 0);
}

static int
config_choice(const char *const *c, const char *v)
{
	for (int i = 0; c[i] != NULL; i++)
		if (strcmp(c[i], v) == 0)
			return i;
	return -1;
}

/* "a, b ,c" -> { "a", "b", "c", NULL }; empty items are dropped. */
static char **
config_split_list(const char *v, int *n)
{
	char	**list = xcalloc(1, sizeof *list), *copy = xstrdup(v), *tok, *save;
	char	 *e;

	*n = 0;
	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		while (isspace((unsigned char)*tok))
			tok++;
		for (e = tok + strlen(tok); e > tok && isspace((unsigned char)e[-1]);)
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
	if (v[0] == '\0' || isspace((unsigned char)v[0]) || *end != '\0' ||
	    (errno != 0 && errno != ERANGE)) {
		snprintf(why, len, "\"%s\" is not a whole number (%ld to %ld)",
		    v, k->min, k->max);
		return -1;
	}
	if (errno == ERANGE || n < k->min || n > k->max) {
		snprintf(why, len, "%s is out of range (%ld to %ld)", v,
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
	snprintf(why, len, "\"%s\" is not yes or no (yes, no, true, false, "
	    "on, off, 1, 0)", v);
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
	case CFG_ACTION:
		FIELD(sect, k->offset, struct cfg_action)->text = xstrdup(v);
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

static int
config_fail(char *err, size_t errlen, const char *path,
    const struct config_sect *s, const char *key, const char *why)
{
	snprintf(err, errlen, "%s: [%s]%s%s: %s", path, s->secname,
	    key ? " " : "", key ? key : "", why);
	return -1;
}

/* The value as written in the file, or NULL if the key is absent. */
static const char *
config_value(dictionary *d, const struct config_sect *s, const struct cfg_key *k)
{
	char	*full;
	const char *v;

	if (d == NULL)
		return NULL;
	full = xprintf("%s:%s", s->secname, k->key);
	v = iniparser_getstring(d, full, NULL);
	free(full);
	return v;
}

/* The value in the file, else the row's default; NULL if required. */
static const char *
config_value_or_default(dictionary *d, const struct config_sect *s,
    const struct cfg_key *k)
{
	const char *v = config_value(d, s, k);

	if (v != NULL || k->dflt == NULL)
		return v;
	if (strcmp(k->dflt, CONFIG_DFLT_NAME) == 0 && s->name != NULL)
		return s->name;
	return k->dflt;
}

static void
config_warn_unknown(struct config *cfg, dictionary *d, struct config_sect *s)
{
	int		 nkeys = d ? iniparser_getsecnkeys(d, s->secname) : 0;
	const char	**keys;

	if (nkeys <= 0)
		return;
	keys = xcalloc(nkeys, sizeof *keys);
	iniparser_getseckeys(d, s->secname, keys);
	for (int i = 0; i < nkeys; i++) {
		const char *key = keys[i] + strlen(s->secname) + 1;

		if (config_key(s->kind->kind, key) == NULL)
			config_warn(cfg, "%s: [%s] %s: unknown key, ignored",
			    cfg->path, s->secname, key);
	}
	free(keys);
}

/* Keys above the first section land in iniparser's nameless section. */
static void
config_warn_stray(struct config *cfg, dictionary *d)
{
	for (ssize_t i = 0; i < d->size; i++)
		if (d->key[i] != NULL && d->key[i][0] == ':')
			config_warn(cfg, "%s: %s: key outside any section, "
			    "ignored", cfg->path, d->key[i] + 1);
}

static void
config_origin(struct config *cfg, const void *sect, const struct cfg_key *k)
{
	cfg->origins = xrealloc(cfg->origins, (cfg->norigins + 1) *
	    sizeof *cfg->origins);
	cfg->origins[cfg->norigins].sect = sect;
	cfg->origins[cfg->norigins++].key = k;
}

int
config_from_file(const struct config *cfg, const void *sect,
    const struct cfg_key *k)
{
	for (int i = 0; i < cfg->norigins; i++)
		if (cfg->origins[i].sect == sect && cfg->origins[i].key == k)
			return 1;
	return 0;
}

static int
config_read_sect(struct config *cfg, dictionary *d, struct config_sect *s,
    char *err, size_t errlen)
{
	char		 why[512];
	const char	*v;

	config_warn_unknown(cfg, d, s);
	for (const struct cfg_key *k = config_table; k->section; k++) {
		if (strcmp(k->section, s->kind->kind) != 0)
			continue;
		if (config_value(d, s, k) != NULL)
			config_origin(cfg, s->ptr, k);
		v = config_value_or_default(d, s, k);
		if (v == NULL)
			return config_fail(err, errlen, cfg->path, s, k->key,
			    "missing (required)");
		if (v[0] == '\0' && k->dflt == NULL)
			return config_fail(err, errlen, cfg->path, s, k->key,
			    "empty (a value is required)");
		if (config_store(k, s->ptr, v, why, sizeof why) != 0)
			return config_fail(err, errlen, cfg->path, s, k->key, why);
	}
	return 0;
}

/* An action is parsed once every section is read (its queue or menu must
 * exist), into the typed value the core uses. Empty is "none" where the
 * row's default is empty (an IVR key without a choice). */
static int
config_parse_action(const struct config *cfg, const struct cfg_key *k,
    void *sect, char *why, size_t len)
{
	struct cfg_action *a = FIELD(sect, k->offset, struct cfg_action);

	memset(&a->act, 0, sizeof a->act);
	if (a->text[0] == '\0' && k->dflt != NULL && k->dflt[0] == '\0')
		return 0;
	return action_parse(a->text, (int)k->min, cfg, &a->act, why, len);
}

/* Cross-checks, once every section is read (a DID's queue must exist). */
static int
config_check_sect(struct config *cfg, dictionary *d, struct config_sect *s,
    char *err, size_t errlen)
{
	char		 why[512];
	const char	*v;

	for (const struct cfg_key *k = config_table; k->section; k++) {
		if (strcmp(k->section, s->kind->kind) != 0)
			continue;
		if (k->type == CFG_ACTION && config_parse_action(cfg, k, s->ptr,
		    why, sizeof why) != 0)
			return config_fail(err, errlen, cfg->path, s, k->key, why);
		if (k->check == NULL)
			continue;
		v = config_value_or_default(d, s, k);
		if (k->check(cfg, s->ptr, v, why, sizeof why) != 0)
			return config_fail(err, errlen, cfg->path, s, k->key, why);
	}
	return 0;
}

/* Classifies a section name "kind name" into s; -1 with err if refused. */
static int
config_classify(struct config *cfg, const char *secname, struct config_sect *s,
    char *err, size_t errlen)
{
	char	why[256];
	size_t	n = strcspn(secname, " \t");

	memset(s, 0, sizeof *s);
	s->secname = secname;
	if (secname[n] != '\0')
		s->name = secname + n + strspn(secname + n, " \t");
	if ((s->kind = config_section_kind(secname, n)) == NULL) {
		config_kinds(why, sizeof why);
		snprintf(err, errlen, "%s: [%s]: unknown section kind (%s)",
		    cfg->path, secname, why);
		return -1;
	}
	if (s->kind->name_ok == NULL && s->name != NULL) {
		snprintf(why, sizeof why, "[%s] takes no name", s->kind->kind);
		return config_fail(err, errlen, cfg->path, s, NULL, why);
	}
	if (s->kind->name_ok != NULL && (s->name == NULL ||
	    !s->kind->name_ok(s->name))) {
		snprintf(why, sizeof why, "needs a name: [%s NAME], NAME %s",
		    s->kind->kind, s->kind->name_rule);
		return config_fail(err, errlen, cfg->path, s, NULL, why);
	}
	return 0;
}

/* Sizes every kind's array, then points each section at its struct. */
static void
config_place(struct config *cfg, struct config_sect *ss, int nsec)
{
	const struct cfg_section	*k;
	int				*cnt;
	char				*arr;

	for (int i = 0; i < nsec; i++)
		if (ss[i].kind->name_ok != NULL)
			(*FIELD(cfg, ss[i].kind->count, int))++;
	for (k = config_sections; k->kind; k++)
		if (k->name_ok != NULL && *FIELD(cfg, k->count, int) > 0)
			*FIELD(cfg, k->array, void *) = xcalloc(
			    *FIELD(cfg, k->count, int), k->size);
	for (k = config_sections; k->kind; k++)
		if (k->name_ok != NULL)
			*FIELD(cfg, k->count, int) = 0;
	for (int i = 0; i < nsec; i++) {
		k = ss[i].kind;
		if (k->name_ok == NULL) {
			ss[i].ptr = FIELD(cfg, k->array, char);
			continue;
		}
		cnt = FIELD(cfg, k->count, int);
		arr = *FIELD(cfg, k->array, char *);
		ss[i].ptr = arr + (*cnt)++ * k->size;
		*FIELD(ss[i].ptr, k->name, char *) = xstrdup(ss[i].name);
	}
}

/* Every section of the file, plus each unnamed one it lacks, of defaults. */
static struct config_sect *
config_sections_of(struct config *cfg, dictionary *d, int *nsec, char *err,
    size_t errlen)
{
	const struct cfg_section *k;
	int			 n = iniparser_getnsec(d), i, nk = 0, seen;
	struct config_sect	*ss;

	for (k = config_sections; k->kind; k++)
		nk++;
	ss = xcalloc(n + nk, sizeof *ss);
	for (i = 0, seen = 0; i < n; i++) {
		const char *name = iniparser_getsecname(d, i);

		/* [x-...]: the admin's own, for other tools: kept, unread. */
		if (strncmp(name, CONFIG_OWN_PREFIX, 2) == 0) {
			config_warn(cfg, "%s: [%s]: the admin's own section "
			    "(x-), ignored", cfg->path, name);
			continue;
		}
		if (config_classify(cfg, name, &ss[seen++], err, errlen) != 0) {
			free(ss);
			return NULL;
		}
	}
	n = seen;
	/* Each unnamed kind ([core], [retention]) the file lacks: defaults. */
	for (k = config_sections; k->kind; k++) {
		if (k->name_ok != NULL)
			continue;
		for (i = 0, seen = 0; i < n; i++)
			seen |= ss[i].kind == k;
		if (!seen)
			config_classify(cfg, k->kind, &ss[n++], err, errlen);
	}
	*nsec = n;
	return ss;
}

static int
config_read_all(struct config *cfg, dictionary *d, char *err, size_t errlen)
{
	struct config_sect	*ss;
	int			 nsec, r = -1, i;

	if ((ss = config_sections_of(cfg, d, &nsec, err, errlen)) == NULL)
		return -1;
	config_place(cfg, ss, nsec);
	config_warn_stray(cfg, d);
	for (i = 0; i < nsec; i++)
		if (config_read_sect(cfg, d, &ss[i], err, errlen) != 0)
			goto out;
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

/* fopen() of a directory succeeds: read a byte to be sure. */
static int
config_readable(const char *path, char *err, size_t errlen)
{
	FILE	*f = fopen(path, "r");
	int	 bad;

	if (f == NULL) {
		snprintf(err, errlen, "%s: cannot read: %s", path, strerror(errno));
		return -1;
	}
	errno = 0;
	bad = getc(f) == EOF && ferror(f);
	if (bad)
		snprintf(err, errlen, "%s: cannot read: %s", path, strerror(errno));
	fclose(f);
	return bad ? -1 : 0;
}

/* iniparser says "iniparser: syntax error in PATH (LINE):\n-> TEXT\n". */
static void
config_syntax_error(const char *path, char *err, size_t errlen)
{
	static const char prefix[] = "iniparser: syntax error in ";
	const char	*m = config_parse_msg, *text;
	int		 line;
	size_t		 n = sizeof prefix - 1;

	if (strncmp(m, prefix, n) == 0 && strncmp(m + n, path, strlen(path)) == 0 &&
	    sscanf(m + n + strlen(path), " (%d):", &line) == 1 &&
	    (text = strstr(m, "-> ")) != NULL) {
		text += 3;
		snprintf(err, errlen, "%s: line %d: syntax error: %.*s (expected "
		    "[section], key = value or a comment)", path, line,
		    (int)strcspn(text, "\r\n"), text);
		return;
	}
	n = strcspn(m, "\n");
	snprintf(err, errlen, "%s: not a valid INI file: %.*s", path, (int)n,
	    m[0] != '\0' ? m : "cannot parse");
}

struct config *
config_load(const char *path, char *err, size_t errlen)
{
	struct config	*cfg;
	dictionary	*d;

	if (config_readable(path, err, errlen) != 0)
		return NULL;
	config_parse_msg[0] = '\0';
	iniparser_set_error_callback(config_iniparser_error);
	if ((d = iniparser_load(path)) == NULL) {
		config_syntax_error(path, err, errlen);
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
	char **l;

	for (const struct cfg_key *k = config_table; k->section; k++) {
		if (strcmp(k->section, kind->kind) != 0)
			continue;
		if (k->type == CFG_STRING)
			free(*FIELD(sect, k->offset, char *));
		if (k->type == CFG_ACTION)
			free(FIELD(sect, k->offset, struct cfg_action)->text);
		if (k->type != CFG_LIST)
			continue;
		l = *FIELD(sect, k->offset, char **);
		for (int i = 0; l != NULL && l[i] != NULL; i++)
			free(l[i]);
		free(l);
	}
	if (kind->name_ok != NULL)
		free(*FIELD(sect, kind->name, char *));
}

void
config_free(struct config *cfg)
{
	const struct cfg_section	*k;

	if (cfg == NULL)
		return;
	for (k = config_sections; k->kind; k++) {
		if (k->name_ok == NULL) {
			config_free_sect(k, FIELD(cfg, k->array, char));
			continue;
		}
		for (int i = 0; i < *FIELD(cfg, k->count, int); i++)
			config_free_sect(k, *FIELD(cfg, k->array, char *) +
			    i * k->size);
		free(*FIELD(cfg, k->array, void *));
	}
	for (int i = 0; i < cfg->nwarnings; i++)
		free(cfg->warnings[i]);
	free(cfg->warnings);
	free(cfg->origins);
	free(cfg->path);
	free(cfg);
}

/* Quotes a string iniparser would otherwise cut (; #), strip or continue;
 * an empty one is written "" to show it is meant. */
static void
config_dump_string(const char *s, FILE *f)
{
	size_t	n = strlen(s);
	int	quote;

	quote = n == 0 || strpbrk(s, ";#") != NULL || isspace((unsigned char)
	    s[0]) || isspace((unsigned char)s[n - 1]) || s[n - 1] == '\\';
	if (!quote)
		fputs(s, f);
	else if (strchr(s, '"') == NULL)
		fprintf(f, "\"%s\"", s);
	else
		fprintf(f, "'%s'", s);
}

static void
config_dump_value(const struct cfg_key *k, const void *sect, FILE *f)
{
	char **l;

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
		if (l == NULL || l[0] == NULL)
			fputs("\"\"", f);
		for (int i = 0; l != NULL && l[i] != NULL; i++)
			fprintf(f, "%s%s", i ? ", " : "", l[i]);
		break;
	case CFG_STRING:
		config_dump_string(*FIELD(sect, k->offset, char *), f);
		break;
	case CFG_ACTION:
		config_dump_string(FIELD(sect, k->offset, struct cfg_action)->text,
		    f);
		break;
	}
}

char *
config_value_text(const struct cfg_key *k, const void *sect)
{
	char	*text = NULL;
	size_t	 len = 0;
	FILE	*f = open_memstream(&text, &len);

	if (f == NULL)
		fatal("open_memstream: out of memory");
	config_dump_value(k, sect, f);
	fclose(f);
	return text;
}

/* "; help (default: X)" above each key; with its source, "; help
 * (default: X; from the file)" or "(...; the default)". */
static void
config_dump_help(const struct config *cfg, const struct cfg_key *k,
    const void *sect, int sources, FILE *f)
{
	const char *d = k->dflt, *from = "";

	if (sources && k->apply == CFG_RESTART)
		from = config_from_file(cfg, sect, k) ? "; from the file; a "
		    "change needs a restart" : "; the default; a change needs a "
		    "restart";
	else if (sources)
		from = config_from_file(cfg, sect, k) ? "; from the file" :
		    "; the default";
	if (d == NULL)
		fprintf(f, "; %s (required%s)\n", k->help, from);
	else if (strcmp(d, CONFIG_DFLT_NAME) == 0)
		fprintf(f, "; %s (default: the section's name%s)\n", k->help,
		    from);
	else
		fprintf(f, "; %s (default: %s%s)\n", k->help, d[0] ? d : "empty",
		    from);
}

static void
config_dump_sect(const struct config *cfg, const struct cfg_section *kind,
    const void *sect, int sources, FILE *f)
{
	if (kind->name_ok == NULL)
		fprintf(f, "[%s]\n", kind->kind);
	else
		fprintf(f, "[%s %s]\n", kind->kind, *FIELD(sect, kind->name, char *));
	for (const struct cfg_key *k = config_table; k->section; k++) {
		if (strcmp(k->section, kind->kind) != 0)
			continue;
		config_dump_help(cfg, k, sect, sources, f);
		fprintf(f, "%s = ", k->key);
		config_dump_value(k, sect, f);
		fputc('\n', f);
	}
	fputc('\n', f);
}

/* A kind of section the file has none of: its keys, as comments, so that
 * show-config names every key there is. */
static void
config_dump_absent(const struct cfg_section *kind, FILE *f)
{
	fprintf(f, "; [%s NAME]: none defined. Its keys:\n", kind->kind);
	for (const struct cfg_key *k = config_table; k->section; k++)
		if (strcmp(k->section, kind->kind) == 0)
			fprintf(f, ";   %s: %s (%s%s)\n", k->key, k->help,
			    k->dflt == NULL ? "required" : "default: ",
			    k->dflt == NULL ? "" : k->dflt[0] ? k->dflt : "empty");
	fputc('\n', f);
}

static void
config_dump_all(const struct config *cfg, int sources, FILE *f)
{
	const struct cfg_section *k;

	fprintf(f, "; Centrala configuration in force, from %s\n\n", cfg->path);
	for (k = config_sections; k->kind; k++) {
		if (k->name_ok == NULL) {
			config_dump_sect(cfg, k, FIELD(cfg, k->array, char),
			    sources, f);
			continue;
		}
		for (int i = 0; i < *FIELD(cfg, k->count, int); i++)
			config_dump_sect(cfg, k, *FIELD(cfg, k->array, char *) +
			    i * k->size, sources, f);
		if (sources && *FIELD(cfg, k->count, int) == 0)
			config_dump_absent(k, f);
	}
}

void
config_dump(const struct config *cfg, FILE *f)
{
	config_dump_all(cfg, 0, f);
}

void
config_dump_sources(const struct config *cfg, FILE *f)
{
	config_dump_all(cfg, 1, f);
}

#define CONFIG_FIND(fn, type, arr, cnt, field)				\
const type *								\
fn(const struct config *cfg, const char *name)				\
{									\
	for (int i = 0; cfg != NULL && name != NULL && i < cfg->cnt; i++) \
		if (strcmp(cfg->arr[i].field, name) == 0)		\
			return &cfg->arr[i];				\
	return NULL;							\
}
CONFIG_FIND(config_find_queue, struct cfg_queue, queues, nqueues, name)
CONFIG_FIND(config_find_agent, struct cfg_agent, agents, nagents, id)
CONFIG_FIND(config_find_user, struct cfg_user, users, nusers, name)
CONFIG_FIND(config_find_did, struct cfg_did, dids, ndids, number)
CONFIG_FIND(config_find_menu, struct cfg_menu, menus, nmenus, name)
CONFIG_FIND(config_find_client, struct cfg_client, clients, nclients, name)
CONFIG_FIND(config_find_campaign, struct cfg_campaign, campaigns, ncampaigns,
    name)

int
config_menu_key(int digit)
{
	if (digit >= '0' && digit <= '9')
		return digit - '0';
	return digit == '*' ? 10 : digit == '#' ? 11 : -1;
}

const char *
config_role_name(int role)
{
	static const char *const names[] = { "agent", "supervisor", "admin" };

	return role >= 0 && role <= 2 ? names[role] : "?";
}
