/* ini-edit.h: an INI file kept as its lines, to change values and
 * sections in place: comments, blank lines, key order and sections or keys
 * nobody here knows survive an edit (iniparser only reads). Section names
 * compare as iniparser does: case and outer blanks do not count. Written
 * atomically: a temp file renamed over the old one, the old one kept as
 * FILE.bak. */
#ifndef CZ_INI_EDIT_H
#define CZ_INI_EDIT_H

#include <stddef.h>

struct ini_doc;

/* An empty document, or one parsed from text. */
struct ini_doc	*ini_doc_new(void);
struct ini_doc	*ini_doc_parse(const char *text);
/* Reads PATH; a missing file is an empty document. NULL with err on a
 * file that cannot be read. */
struct ini_doc	*ini_doc_read(const char *path, char *err, size_t errlen);
void		 ini_doc_free(struct ini_doc *);

/* The value as iniparser would read it (unquoted, comment cut), or NULL
 * when the key is absent. Static buffer, valid until the next call. */
const char	*ini_get(const struct ini_doc *, const char *sect,
		    const char *key);
/* Changes the key's line in place (its spacing and a trailing comment
 * kept), or adds it after the section's last key; a missing section is
 * added at the end. The value is quoted when iniparser would cut it. */
void		 ini_set(struct ini_doc *, const char *sect, const char *key,
		    const char *value);
/* Removes the key's line; 0, or -1 if it was not there. */
int		 ini_unset(struct ini_doc *, const char *sect, const char *key);
int		 ini_has_section(const struct ini_doc *, const char *sect);
/* Adds "[sect]" at the end (a blank line before it); nothing if present. */
void		 ini_add_section(struct ini_doc *, const char *sect);
/* Removes the section's header and lines up to the next section, the
 * comments right above the next header excepted; 0, or -1. */
int		 ini_remove_section(struct ini_doc *, const char *sect);
/* The sections in file order, as written (trimmed): NULL-terminated, the
 * caller frees the array and its strings. */
char		**ini_sections(const struct ini_doc *, int *n);
/* The whole text; the caller frees it. */
char		*ini_text(const struct ini_doc *);
/* Writes to PATH.tmp (with the old file's mode and owner), syncs, links
 * the old PATH to PATH.bak, renames.
 * 0, or -1 with err. */
int		 ini_write(const struct ini_doc *, const char *path, char *err,
		    size_t errlen);

#endif
