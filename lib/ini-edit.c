/* ini-edit.c: an INI file as its lines (ini-edit.h). Each line is kept
 * verbatim with what it is (blank or comment, section header, key) and the
 * section it belongs to; an edit rewrites or inserts single lines only. */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include "ini-edit.h"
#include "xmalloc.h"

enum ini_kind { INI_OTHER, INI_SECTION, INI_KEY };

struct ini_line {
	char		*text;		/* without its newline */
	enum ini_kind	 kind;
	char		*sect;		/* trimmed name of its section, or NULL */
};

struct ini_doc {
	struct ini_line	*line;
	int		 n;
};

/* s[0..len) without blanks around it, into a new string. */
static char *
ini_trim(const char *s, size_t len)
{
	while (len > 0 && isspace((unsigned char)*s))
		s++, len--;
	while (len > 0 && isspace((unsigned char)s[len - 1]))
		len--;
	return xstrndup(s, len);
}

static int
ini_same(const char *a, const char *b)
{
	return a != NULL && b != NULL && strcasecmp(a, b) == 0;
}

/* The kind of a line and, for a header, its section name. */
static enum ini_kind
ini_classify(const char *text, char **sect)
{
	const char *s = text + strspn(text, " \t"), *end;

	*sect = NULL;
	if (*s == '[' && (end = strchr(s, ']')) != NULL) {
		*sect = ini_trim(s + 1, (size_t)(end - s - 1));
		return INI_SECTION;
	}
	if (*s == '\0' || *s == ';' || *s == '#' || strchr(s, '=') == NULL)
		return INI_OTHER;
	return INI_KEY;
}

static void
ini_insert(struct ini_doc *d, int at, const char *text, const char *sect)
{
	struct ini_line	*l;
	char		*hdr;

	d->line = xrealloc(d->line, (d->n + 1) * sizeof *d->line);
	memmove(&d->line[at + 1], &d->line[at], (d->n - at) * sizeof *d->line);
	d->n++;
	l = &d->line[at];
	l->text = xstrdup(text);
	l->kind = ini_classify(text, &hdr);
	l->sect = hdr != NULL ? hdr : sect != NULL ? xstrdup(sect) : NULL;
}

static void
ini_delete(struct ini_doc *d, int at)
{
	free(d->line[at].text);
	free(d->line[at].sect);
	memmove(&d->line[at], &d->line[at + 1], (d->n - at - 1) *
	    sizeof *d->line);
	d->n--;
}

struct ini_doc *
ini_doc_new(void)
{
	return xcalloc(1, sizeof(struct ini_doc));
}

struct ini_doc *
ini_doc_parse(const char *text)
{
	struct ini_doc	*d = ini_doc_new();
	const char	*p = text, *nl;
	char		*line, *sect = NULL;

	while (*p != '\0') {
		nl = strchr(p, '\n');
		line = xstrndup(p, nl != NULL ? (size_t)(nl - p) : strlen(p));
		if (line[0] != '\0' && line[strlen(line) - 1] == '\r')
			line[strlen(line) - 1] = '\0';
		ini_insert(d, d->n, line, sect);
		sect = d->line[d->n - 1].sect;
		free(line);
		p = nl != NULL ? nl + 1 : p + strlen(p);
	}
	return d;
}

struct ini_doc *
ini_doc_read(const char *path, char *err, size_t errlen)
{
	FILE		*f = fopen(path, "r");
	char		*text = NULL;
	size_t		 len = 0, got;
	char		 buf[4096];
	struct ini_doc	*d;

	if (f == NULL && errno == ENOENT)
		return ini_doc_new();
	if (f == NULL) {
		snprintf(err, errlen, "%s: cannot read: %s", path,
		    strerror(errno));
		return NULL;
	}
	while ((got = fread(buf, 1, sizeof buf, f)) > 0) {
		text = xrealloc(text, len + got + 1);
		memcpy(text + len, buf, got);
		len += got;
	}
	if (ferror(f)) {
		snprintf(err, errlen, "%s: cannot read: %s", path,
		    strerror(errno));
		fclose(f);
		free(text);
		return NULL;
	}
	fclose(f);
	if (text == NULL)
		return ini_doc_new();
	text[len] = '\0';
	d = ini_doc_parse(text);
	free(text);
	return d;
}

void
ini_doc_free(struct ini_doc *d)
{
	if (d == NULL)
		return;
	for (int i = 0; i < d->n; i++) {
		free(d->line[i].text);
		free(d->line[i].sect);
	}
	free(d->line);
	free(d);
}

/* The key of a key line, trimmed, into buf. */
static const char *
ini_line_key(const struct ini_line *l, char *buf, size_t len)
{
	size_t n = strcspn(l->text, "=");
	char *k = ini_trim(l->text, n);

	snprintf(buf, len, "%s", k);
	free(k);
	return buf;
}

static int
ini_find_key(const struct ini_doc *d, const char *sect, const char *key)
{
	char buf[256];

	for (int i = 0; i < d->n; i++)
		if (d->line[i].kind == INI_KEY && ini_same(d->line[i].sect,
		    sect) && strcasecmp(ini_line_key(&d->line[i], buf,
		    sizeof buf), key) == 0)
			return i;
	return -1;
}

static int
ini_find_section(const struct ini_doc *d, const char *sect)
{
	for (int i = 0; i < d->n; i++)
		if (d->line[i].kind == INI_SECTION && ini_same(d->line[i].sect,
		    sect))
			return i;
	return -1;
}

/* Where a value's text ends: a closing quote, else a comment. */
static size_t
ini_value_span(const char *v)
{
	const char *q;

	if ((v[0] == '"' || v[0] == '\'') && (q = strchr(v + 1, v[0])) != NULL)
		return (size_t)(q - v) + 1;
	return strcspn(v, ";#");
}

const char *
ini_get(const struct ini_doc *d, const char *sect, const char *key)
{
	static char	 val[4096];
	int		 i = ini_find_key(d, sect, key);
	const char	*v;
	char		*t;
	size_t		 n;

	if (i < 0)
		return NULL;
	v = strchr(d->line[i].text, '=') + 1;
	v += strspn(v, " \t");
	t = ini_trim(v, ini_value_span(v));
	n = strlen(t);
	if (n >= 2 && (t[0] == '"' || t[0] == '\'') && t[n - 1] == t[0])
		snprintf(val, sizeof val, "%.*s", (int)n - 2, t + 1);
	else
		snprintf(val, sizeof val, "%s", t);
	free(t);
	return val;
}

/* The value as it must be written for iniparser to read it back. */
static char *
ini_quote(const char *s)
{
	size_t n = strlen(s);

	if (n > 0 && strpbrk(s, ";#") == NULL && !isspace((unsigned char)s[0])
	    && !isspace((unsigned char)s[n - 1]) && s[n - 1] != '\\' &&
	    s[0] != '"' && s[0] != '\'')
		return xstrdup(s);
	return xprintf(strchr(s, '"') == NULL ? "\"%s\"" : "'%s'", s);
}

void
ini_set(struct ini_doc *d, const char *sect, const char *key,
    const char *value)
{
	int		 i = ini_find_key(d, sect, key), last;
	char		*q = ini_quote(value), *line;
	const char	*v, *rest;

	if (i >= 0) {
		/* Keep what is before the value and a comment after it. */
		v = strchr(d->line[i].text, '=') + 1;
		v += strspn(v, " \t");
		rest = v + ini_value_span(v);
		rest += strspn(rest, " \t");
		line = xprintf("%.*s%s%s%s", (int)(v - d->line[i].text),
		    d->line[i].text, q, *rest != '\0' ? " " : "", rest);
		free(d->line[i].text);
		d->line[i].text = line;
		free(q);
		return;
	}
	if ((last = ini_find_section(d, sect)) < 0) {
		ini_add_section(d, sect);
		last = d->n - 1;
	}
	for (int j = last + 1; j < d->n && d->line[j].kind != INI_SECTION; j++)
		if (d->line[j].kind == INI_KEY)
			last = j;
	line = xprintf("%s = %s", key, q);
	ini_insert(d, last + 1, line, d->line[last].sect);
	free(line);
	free(q);
}

int
ini_unset(struct ini_doc *d, const char *sect, const char *key)
{
	int i = ini_find_key(d, sect, key);

	if (i < 0)
		return -1;
	ini_delete(d, i);
	return 0;
}

int
ini_has_section(const struct ini_doc *d, const char *sect)
{
	return ini_find_section(d, sect) >= 0;
}

void
ini_add_section(struct ini_doc *d, const char *sect)
{
	char *hdr;

	if (ini_has_section(d, sect))
		return;
	if (d->n > 0 && d->line[d->n - 1].text[0] != '\0')
		ini_insert(d, d->n, "", d->line[d->n - 1].sect);
	hdr = xprintf("[%s]", sect);
	ini_insert(d, d->n, hdr, NULL);
	free(hdr);
}

int
ini_remove_section(struct ini_doc *d, const char *sect)
{
	int i = ini_find_section(d, sect), end;

	if (i < 0)
		return -1;
	for (end = i + 1; end < d->n && d->line[end].kind != INI_SECTION; end++)
		;
	/* The comments just above the next header are that section's. */
	if (end < d->n)
		while (end > i + 1 && d->line[end - 1].kind == INI_OTHER &&
		    d->line[end - 1].text[strspn(d->line[end - 1].text,
		    " \t")] != '\0')
			end--;
	while (end > i)
		ini_delete(d, --end);
	/* One blank line too many where the section was. */
	if (i > 0 && d->line[i - 1].text[0] == '\0' && (i == d->n ||
	    d->line[i].text[0] == '\0'))
		ini_delete(d, i - 1);
	return 0;
}

char **
ini_sections(const struct ini_doc *d, int *n)
{
	char **list = xcalloc(1, sizeof *list);

	*n = 0;
	for (int i = 0; i < d->n; i++) {
		if (d->line[i].kind != INI_SECTION)
			continue;
		list = xrealloc(list, (*n + 2) * sizeof *list);
		list[(*n)++] = xstrdup(d->line[i].sect);
		list[*n] = NULL;
	}
	return list;
}

char *
ini_text(const struct ini_doc *d)
{
	size_t	 len = 1;
	char	*s, *p;

	for (int i = 0; i < d->n; i++)
		len += strlen(d->line[i].text) + 1;
	p = s = xmalloc(len);
	for (int i = 0; i < d->n; i++)
		p += sprintf(p, "%s\n", d->line[i].text);
	*p = '\0';
	return s;
}

int
ini_write(const struct ini_doc *d, const char *path, char *err,
    size_t errlen)
{
	char	*tmp = xprintf("%s.tmp", path), *bak = xprintf("%s.bak", path);
	char	*text = ini_text(d);
	size_t	 len = strlen(text);
	int		 fd, rc = -1;
	struct stat	 st;

	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0640);
	if (fd < 0) {
		snprintf(err, errlen, "%s: cannot create: %s", tmp,
		    strerror(errno));
		goto out;
	}
	/* The new file keeps the old one's owner and mode (root:centrala
	 * 0640 for /etc/centrala). */
	if (stat(path, &st) == 0 && (fchmod(fd, st.st_mode & 07777) != 0 ||
	    (fchown(fd, st.st_uid, st.st_gid) != 0 && errno != EPERM))) {
		snprintf(err, errlen, "%s: cannot give it %s's mode and owner: "
		    "%s", tmp, path, strerror(errno));
		close(fd);
		unlink(tmp);
		goto out;
	}
	if (write(fd, text, len) != (ssize_t)len || fsync(fd) != 0) {
		snprintf(err, errlen, "%s: cannot write: %s", tmp,
		    strerror(errno));
		close(fd);
		unlink(tmp);
		goto out;
	}
	close(fd);
	if (access(path, F_OK) == 0) {
		unlink(bak);
		if (link(path, bak) != 0) {
			snprintf(err, errlen, "%s: cannot keep the old file "
			    "as %s: %s", path, bak, strerror(errno));
			unlink(tmp);
			goto out;
		}
	}
	if (rename(tmp, path) != 0) {
		snprintf(err, errlen, "%s: cannot replace: %s", path,
		    strerror(errno));
		unlink(tmp);
		goto out;
	}
	rc = 0;
out:
	free(text);
	free(tmp);
	free(bak);
	return rc;
}
