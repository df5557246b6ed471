/* ctl-privacy.c: `centrala ctl customer export|erase ID`, an admin's
 * answer to a data-subject request. The core does the work (it owns the
 * database and the files); an export's directory is given to it as an
 * absolute path. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "ctl.h"

const char *ctl_out;		/* --out DIR */

static long long
ctl_customer_id(const char *s)
{
	char		*end;
	long long	 v = strtoll(s, &end, 10);

	if (*s == '\0' || *end != '\0' || v <= 0)
		ctl_die(EXIT_USAGE, "customer: \"%s\" is not a customer id (a "
		    "number, as `customer-find` shows it)", s);
	return v;
}

static char *
ctl_out_dir(const char *dir)
{
	char	cwd[PATH_MAX];
	size_t	n = strlen(dir);
	char	*p;

	if (n == 0 || (dir[0] != '/' && getcwd(cwd, sizeof cwd) == NULL))
		ctl_die(EXIT_USAGE, "--out: \"%s\" is not a directory name", dir);
	if (asprintf(&p, "%s%s%s", dir[0] == '/' ? "" : cwd,
	    dir[0] == '/' ? "" : "/", dir) < 0)
		ctl_die(EXIT_FAILED, "out of memory");
	return p;
}

static int
ctl_export(struct cli *c, long long id)
{
	json_t	*req = json_pack("{s:s,s:I}", "req", "customer-export",
	    "customer", (json_int_t)id), *r;
	char	*dir = NULL;

	if (ctl_out != NULL) {
		dir = ctl_out_dir(ctl_out);
		json_object_set_new(req, "out", json_string(dir));
	}
	r = ctl_call(c, req);
	if (dir != NULL)
		printf("customer %lld exported to %s (%lld files copied, %lld "
		    "missing)\n", id, json_string_value(json_object_get(r,
		    "file")), json_integer_value(json_object_get(r, "files")),
		    json_integer_value(json_object_get(r, "missing")));
	else {
		json_dumpf(json_object_get(r, "export"), stdout, JSON_INDENT(1) |
		    JSON_SORT_KEYS);
		putchar('\n');
	}
	json_decref(r);
	free(dir);
	return 0;
}

static int
ctl_erase(struct cli *c, long long id)
{
	json_t		*r = ctl_call(c, json_pack("{s:s,s:I}", "req",
	    "customer-erase", "customer", (json_int_t)id)), *v;
	const char	*k;

	printf("customer %lld erased:", id);
	json_object_foreach(json_object_get(r, "erased"), k, v)
		printf(" %s %lld", k, json_integer_value(v));
	putchar('\n');
	json_decref(r);
	return 0;
}

int
ctl_customer(struct cli *c, char **argv)
{
	long long id = ctl_customer_id(argv[1]);

	if (strcmp(argv[0], "export") == 0)
		return ctl_export(c, id);
	if (ctl_out != NULL)
		ctl_die(EXIT_USAGE, "customer %s: --out applies to export only",
		    argv[0]);
	if (strcmp(argv[0], "erase") == 0)
		return ctl_erase(c, id);
	ctl_die(EXIT_USAGE, "customer: \"%s\" is not export or erase", argv[0]);
}
