/* campaign-import.c: a call list from a CSV file (RFC 4180, read by
 * libcsv): UTF-8, a header row naming the columns (phone, name, tz; any
 * other column is kept in the record's custom fields, shown in the screen
 * pop), numbers normalised to E.164. A bad row (wrong field count, not
 * UTF-8, an invalid number or zone, a duplicate) is reported by its line
 * and skipped; a fatal error (unreadable file, broken quoting, no phone
 * column, the database) rolls the whole file back. One transaction.
 *
 * Two phases: the parse (reading, checking, normalising: no database)
 * runs on a thread for campaign_import_start(), so a list of 100,000 rows
 * does not stall the loop; it yields the rows in file order, good or bad.
 * The loop then writes them in one transaction (duplicates are found
 * there) and replies. campaign_import() does both phases in turn.
 *
 * The core reads the file itself (the request names its path): the core
 * is the database's one writer, and a list of 100,000 rows does not fit
 * in one protocol line. Only admins may ask (the file is read with the
 * core's rights). */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <stdarg.h>
#include <csv.h>
#include "campaign.h"
#include "campaign-import.h"
#include "clock.h"
#include "db-campaign.h"
#include "log.h"
#include "phone.h"
#include "xmalloc.h"

#define IMP_MAX_COLS	64
#define IMP_MAX_BAD	1000	/* bad rows listed in the reply */

enum imp_col { IMP_PHONE, IMP_NAME, IMP_TZ, IMP_CUSTOM };

/* Header names (lower case) of the known fields. */
static const struct {
	const char	*name;
	enum imp_col	 col;
} imp_names[] = {
	{ "phone", IMP_PHONE }, { "number", IMP_PHONE }, { "telephone", IMP_PHONE },
	{ "tel", IMP_PHONE }, { "phone_number", IMP_PHONE },
	{ "name", IMP_NAME }, { "full_name", IMP_NAME },
	{ "tz", IMP_TZ }, { "timezone", IMP_TZ }, { "time_zone", IMP_TZ },
};

/* A parsed row, in file order: good (why NULL) or bad. */
struct imp_item {
	int		 line;
	char		*why;
	char		*e164, *name, *tz, *fields;
};

struct imp {
	const char	*country;
	struct imp_item	*items;
	long		 nitems, capitems;
	char		*head[IMP_MAX_COLS];	/* column names */
	enum imp_col	 kind[IMP_MAX_COLS];
	int		 ncols;			/* 0 = header not read yet */
	int		 nhead;			/* head[] names owned */
	char		*field[IMP_MAX_COLS];
	int		 nfields, toomany;
	int		 line, row_line;	/* now; the row's first */
	char		 fatal[256];
};

/* The write's tally and the bad rows for the reply. */
struct imp_out {
	int		 imported, nbad, duplicates;
	json_t		*bad;
};

static struct imp_item *
imp_item_new(struct imp *m)
{
	struct imp_item *it;

	if (m->nitems == m->capitems) {
		m->capitems = m->capitems ? m->capitems * 2 : 1024;
		m->items = xrealloc(m->items, (size_t)m->capitems *
		    sizeof *m->items);
	}
	it = &m->items[m->nitems++];
	memset(it, 0, sizeof *it);
	it->line = m->row_line;
	return it;
}

static void
imp_items_free(struct imp *m)
{
	for (long i = 0; i < m->nitems; i++) {
		free(m->items[i].why);
		free(m->items[i].e164);
		free(m->items[i].name);
		free(m->items[i].tz);
		free(m->items[i].fields);
	}
	free(m->items);
	m->items = NULL;
	m->nitems = m->capitems = 0;
	for (int i = 0; i < m->nhead; i++)
		free(m->head[i]);
	m->nhead = 0;
}

static int
imp_utf8_ok(const unsigned char *s)
{
	int n;

	for (; *s != '\0'; s += n + 1) {
		if (*s < 0x80)
			n = 0;
		else if ((*s & 0xe0) == 0xc0 && *s >= 0xc2)
			n = 1;
		else if ((*s & 0xf0) == 0xe0)
			n = 2;
		else if ((*s & 0xf8) == 0xf0 && *s <= 0xf4)
			n = 3;
		else
			return 0;
		for (int i = 1; i <= n; i++)
			if ((s[i] & 0xc0) != 0x80)
				return 0;
	}
	return 1;
}

static void
imp_bad(struct imp *m, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
imp_bad(struct imp *m, const char *fmt, ...)
{
	char	buf[256];
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	imp_item_new(m)->why = xstrdup(buf);
}

/* A bad row into the reply (the first IMP_MAX_BAD listed). */
static void
imp_out_bad(struct imp_out *o, int line, const char *why)
{
	o->nbad++;
	if (json_array_size(o->bad) < IMP_MAX_BAD)
		json_array_append_new(o->bad, json_pack("{s:i,s:s}", "line",
		    line, "why", why));
}

static void
imp_field_cb(void *s, size_t len, void *arg)
{
	struct imp *m = arg;

	if (m->nfields == IMP_MAX_COLS) {
		m->toomany = 1;
		return;
	}
	m->field[m->nfields++] = xstrndup(s != NULL ? s : "", len);
}

static int
imp_header(struct imp *m)
{
	int phone = 0;

	if (m->nfields == 0 || m->toomany) {
		snprintf(m->fatal, sizeof m->fatal, "line %d: the header row "
		    "has %s columns", m->row_line, m->toomany ? "too many" : "no");
		return -1;
	}
	if (strncmp(m->field[0], "\xef\xbb\xbf", 3) == 0)	/* a BOM */
		memmove(m->field[0], m->field[0] + 3, strlen(m->field[0]) - 2);
	for (int i = 0; i < m->nfields; i++) {
		char *h = m->field[i];

		for (char *p = h; *p; p++)
			*p = (char)tolower((unsigned char)*p);
		m->kind[i] = IMP_CUSTOM;
		for (size_t k = 0; k < sizeof imp_names / sizeof imp_names[0]; k++)
			if (strcmp(h, imp_names[k].name) == 0)
				m->kind[i] = imp_names[k].col;
		for (int j = 0; j < i; j++)
			if (strcmp(m->head[j], h) == 0 || (m->kind[i] !=
			    IMP_CUSTOM && m->kind[i] == m->kind[j])) {
				snprintf(m->fatal, sizeof m->fatal, "line %d: "
				    "column \"%s\" given twice", m->row_line, h);
				return -1;
			}
		phone += m->kind[i] == IMP_PHONE;
		m->head[m->nhead++] = h;
		m->field[i] = NULL;
	}
	m->ncols = m->nfields;
	if (phone == 0)
		snprintf(m->fatal, sizeof m->fatal, "line %d: no phone column "
		    "in the header (phone, number, telephone or tel)", m->row_line);
	return phone ? 0 : -1;
}

static int
imp_zone_ok(const char *tz)
{
	char path[256];

	if (strcmp(tz, "UTC") == 0)
		return 1;
	snprintf(path, sizeof path, "/usr/share/zoneinfo/%s", tz);
	return strstr(tz, "..") == NULL && tz[0] != '/' && access(path, R_OK) == 0;
}

/* One data row: checked, then kept for the write. */
static void
imp_row(struct imp *m)
{
	const char	*phone = "", *name = "", *tz = "";
	char		 e164[PHONE_E164_MAX + 1], why[160], *fields = NULL;
	json_t		*custom = json_object();

	if (m->nfields != m->ncols || m->toomany) {
		imp_bad(m, "%d fields, the header has %d", m->nfields, m->ncols);
		goto out;
	}
	for (int i = 0; i < m->nfields; i++) {
		if (!imp_utf8_ok((unsigned char *)m->field[i])) {
			imp_bad(m, "column %s is not UTF-8", m->head[i]);
			goto out;
		}
		if (m->kind[i] == IMP_PHONE)
			phone = m->field[i];
		else if (m->kind[i] == IMP_NAME)
			name = m->field[i];
		else if (m->kind[i] == IMP_TZ)
			tz = m->field[i];
		else if (m->field[i][0] != '\0')
			json_object_set_new(custom, m->head[i],
			    json_string(m->field[i]));
	}
	if (phone_e164(phone, m->country, e164, sizeof e164, why, sizeof why)) {
		imp_bad(m, "phone \"%.40s\": %s", phone, why);
		goto out;
	}
	if (tz[0] != '\0' && !imp_zone_ok(tz)) {
		imp_bad(m, "tz \"%.40s\" is not a time zone (e.g. Europe/London)",
		    tz);
		goto out;
	}
	if (json_object_size(custom) > 0)
		fields = json_dumps(custom, JSON_COMPACT);
	{
		struct imp_item *it = imp_item_new(m);

		it->e164 = xstrdup(e164);
		it->name = xstrdup(name);
		it->tz = xstrdup(tz);
		it->fields = fields;
	}
out:
	json_decref(custom);
}

static void
imp_row_cb(int c, void *arg)
{
	struct imp *m = arg;

	if (m->fatal[0] == '\0') {
		if (m->ncols == 0)
			imp_header(m);
		else
			imp_row(m);
	}
	for (int i = 0; i < m->nfields; i++)
		free(m->field[i]);
	m->nfields = m->toomany = 0;
	m->row_line = 0;
}

/* Feeds the file line by line, so that each row knows the line it
 * started on (a quoted field may span lines; blank lines are skipped). */
static int
imp_feed(struct imp *m, FILE *f, struct csv_parser *p)
{
	char	*buf = NULL;
	size_t	 cap = 0;
	ssize_t	 n;

	while (m->fatal[0] == '\0' && (n = getline(&buf, &cap, f)) > 0) {
		m->line++;
		if (m->row_line == 0 && strspn(buf, "\r\n") != (size_t)n)
			m->row_line = m->line;
		if (csv_parse(p, buf, n, imp_field_cb, imp_row_cb, m) != (size_t)n)
			snprintf(m->fatal, sizeof m->fatal, "line %d: %s",
			    m->line, csv_strerror(csv_error(p)));
	}
	free(buf);
	if (m->fatal[0] == '\0' && csv_fini(p, imp_field_cb, imp_row_cb, m) != 0)
		snprintf(m->fatal, sizeof m->fatal, "line %d: %s (a quote "
		    "left open?)", m->row_line ? m->row_line : m->line,
		    csv_strerror(csv_error(p)));
	if (m->fatal[0] == '\0' && m->ncols == 0)
		snprintf(m->fatal, sizeof m->fatal, "no header row: the file is "
		    "empty");
	return m->fatal[0] != '\0' ? -1 : 0;
}

/* The list to fill: an existing one (not removed), or a new one. */
static int64_t
imp_list(struct db *db, const struct campaign *c, const char *name,
    int priority, char *why, size_t len)
{
	char	state[16];
	int64_t	id;
	int	rc = db_list_find(db, c->name, name, &id, state, sizeof state);

	if (rc == 0)
		return db_list_add(db, c->name, name, priority < 0 ? 0 : priority,
		    clock_wall_ms());
	if (rc > 0 && strcmp(state, "removed") == 0) {
		snprintf(why, len, "list %s of %s was removed: import under "
		    "another name", name, c->name);
		return -1;
	}
	if (rc > 0 && priority >= 0 && db_list_set_priority(db, id, priority))
		return -1;
	return rc > 0 ? id : -1;
}

/* The parse phase: the whole file into m->items; -1 with m->fatal. No
 * database, no log, no global state: it may run on a thread. */
static int
imp_parse(struct imp *m, FILE *f)
{
	struct csv_parser	p;
	int			rc;

	csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
	rc = imp_feed(m, f, &p);
	csv_free(&p);
	return rc;
}

struct imp *
campaign_import_parse(FILE *f, const char *country)
{
	struct imp *m = xcalloc(1, sizeof *m);

	m->country = country;
	imp_parse(m, f);
	return m;
}

const char *
campaign_import_fatal(const struct imp *m)
{
	return m->fatal;
}

void
campaign_import_free(struct imp *m)
{
	imp_items_free(m);
	free(m);
}

/* The write phase, on the loop: the parsed rows in one transaction. */
int
campaign_import_write(struct db *db, const struct campaign *c, const char *list,
    const char *path, int priority, struct imp *m, json_t *reply, char *why,
    size_t len)
{
	struct imp_out	o = { .bad = json_array() };
	int64_t		list_id;
	int		rc = -1, radd;
	long		i;

	snprintf(why, len, "database: cannot start the import");
	if (db_tx_begin(db) != 0 || (list_id = imp_list(db, c, list, priority,
	    why, len)) <= 0)
		goto done;
	for (i = 0; i < m->nitems; i++) {
		struct imp_item *it = &m->items[i];

		if (it->why != NULL) {
			imp_out_bad(&o, it->line, it->why);
			continue;
		}
		radd = db_record_add(db, list_id, it->line, it->e164, it->name,
		    it->tz, it->fields);
		if (radd < 0)
			break;
		if (radd == 1) {
			char dup[160];

			snprintf(dup, sizeof dup, "%s is already in the list (a "
			    "duplicate)", it->e164);
			o.duplicates++;
			imp_out_bad(&o, it->line, dup);
		} else
			o.imported++;
	}
	if (i < m->nitems)
		snprintf(why, len, "%s: line %d: database error: nothing "
		    "imported", path, m->items[i].line);
	else if (db_tx_commit(db) != 0)
		snprintf(why, len, "database: the import was not written");
	else
		rc = 0;
done:
	if (rc != 0) {
		db_tx_rollback(db);
		json_decref(o.bad);
		return -1;
	}
	json_object_set_new(reply, "list", json_string(list));
	json_object_set_new(reply, "imported", json_integer(o.imported));
	json_object_set_new(reply, "duplicates", json_integer(o.duplicates));
	json_object_set_new(reply, "bad_rows", json_integer(o.nbad));
	json_object_set_new(reply, "bad", o.bad);
	log_info("campaign %s: list %s: %d records imported from %s, %d "
	    "bad rows", c->name, list, o.imported, path, o.nbad);
	return 0;
}

int
campaign_import(struct db *db, const struct campaign *c, const char *list,
    const char *path, const char *country, int priority, json_t *reply,
    char *why, size_t len)
{
	struct imp	 m = { .country = country[0] ? country : c->cfg->country };
	FILE		*f;
	int		 rc;

	if ((f = fopen(path, "r")) == NULL) {
		snprintf(why, len, "%s: %s", path, strerror(errno));
		return -1;
	}
	if ((rc = imp_parse(&m, f)) != 0)
		snprintf(why, len, "%s: %s: nothing imported", path, m.fatal);
	fclose(f);
	if (rc == 0)
		rc = campaign_import_write(db, c, list, path, priority, &m, reply,
		    why, len);
	imp_items_free(&m);
	return rc;
}

