/* check.h: the wizard's checks. An answer is checked as it is given: its
 * row's type (a whole number in range, one of the choices), then the whole
 * file with the answer in it is read as the core reads it (config_load),
 * and a refusal naming this section and key refuses the answer. Before
 * writing, the whole configuration is checked: config_load, every queue
 * served by some agent, and `centrala core --check` itself. */
#ifndef CZ_SETUP_CHECK_H
#define CZ_SETUP_CHECK_H

#include <stddef.h>
#include "config.h"
#include "ini-edit.h"
#include "setup.h"

/* 0 when VALUE may be KEY's in SECNAME, else -1 with why. */
int		 check_answer(const struct ini_doc *, const char *secname,
		    const struct cfg_key *, const char *value, char *why,
		    size_t len);
/* A new instance's name: the kind's rule, and no other instance has it
 * (a DID used twice). */
int		 check_new_name(const struct ini_doc *,
		    const struct cfg_section *, const char *name, char *why,
		    size_t len);
/* The document read as the core reads it; NULL with err (which names the
 * section and key, not the temporary file). */
struct config	*check_load(const struct ini_doc *, const char *path,
		    char *err, size_t len);
/* A queue no agent lists: -1 with why. */
int		 check_served(const struct config *, char *why, size_t len);
/* Everything, the core's own check last. */
int		 check_all(const struct setup *, char *why, size_t len);

#endif
