/* relocate.h: installed paths, followed to wherever the tree was really
 * installed (a DESTDIR staging tree, a copied prefix), judged from where
 * the running program is. */
#ifndef CZ_RELOCATE_H
#define CZ_RELOCATE_H

#include <stddef.h>

/* If this program runs from ROOT + installed_dir (its own directory as
 * configured, e.g. PKGLIBEXECDIR) with a ROOT that is not empty, writes
 * ROOT + path into out; else path itself. Returns out. */
const char	*relocate(const char *installed_dir, const char *path,
		    char *out, size_t len);

#endif
