/* ctl-campaign.c: `centrala ctl` for outbound campaigns: import a call
 * list, the do-not-call lists, why a record is not dialed, pause and
 * resume campaigns and lists. A file is given to the core by its absolute
 * path: the core reads it and writes the database (one writer). */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ctl.h"

struct ctl_camp_opt ctl_camp = { .priority = -1 };

/* FILE as an absolute path, checked readable here first. */
static char *
ctl_path(const char *file)
{
	char *p = realpath(file, NULL);

	if (p == NULL)
		ctl_die(EXIT_USAGE, "%s: cannot read it", file);
	return p;
}

static void
ctl_set(json_t *req, const char *key, const char *v)
{
	if (v != NULL)
		json_object_set_new(req, key, json_string(v));
}

static void
ctl_print_bad(json_t *r)
{
	json_t	*b;
	size_t	 i;

	json_array_foreach(json_object_get(r, "bad"), i, b)
		printf("line %lld: %s\n", json_integer_value(json_object_get(b,
		    "line")), json_string_value(json_object_get(b, "why")));
}

int
ctl_import_list(struct cli *c, char **argv)
{
	char	*path = ctl_path(argv[2]);
	json_t	*req = json_pack("{s:s,s:s,s:s,s:s}", "req", "list-import",
	    "campaign", argv[0], "list", argv[1], "path", path), *r;

	ctl_set(req, "country", ctl_camp.country);
	if (ctl_camp.priority >= 0)
		json_object_set_new(req, "priority",
		    json_integer(ctl_camp.priority));
	r = ctl_call(c, req);
	printf("%lld records imported into list %s of %s (%lld bad rows, "
	    "%lld of them duplicates)\n", json_integer_value(json_object_get(r,
	    "imported")), argv[1], argv[0], json_integer_value(
	    json_object_get(r, "bad_rows")), json_integer_value(
	    json_object_get(r, "duplicates")));
	ctl_print_bad(r);
	json_decref(r);
	free(path);
	return 0;
}

static const char *
ctl_list_name(const char *client)
{
	return client != NULL ? client : "global";
}

int
ctl_dnc(struct cli *c, char **argv)
{
	const char	*action = argv[0];
	char		*path;
	json_t		*req, *r;

	if (strcmp(action, "import") == 0) {
		path = ctl_path(argv[1]);
		req = json_pack("{s:s,s:s}", "req", "dnc-import", "path", path);
		free(path);
	} else if (strcmp(action, "add") == 0 || strcmp(action, "remove") == 0 ||
	    strcmp(action, "check") == 0)
		req = json_pack("{s:s,s:s,s:s}", "req", "dnc", "action", action,
		    "number", argv[1]);
	else
		ctl_die(EXIT_USAGE, "dnc: \"%s\" is not add, remove, check or "
		    "import", action);
	ctl_set(req, "client", ctl_camp.client);
	ctl_set(req, "country", ctl_camp.country);
	r = ctl_call(c, req);
	if (action[0] == 'i') {
		printf("%lld numbers added to the %s do-not-call list\n",
		    json_integer_value(json_object_get(r, "added")),
		    ctl_list_name(ctl_camp.client));
		ctl_print_bad(r);
	} else if (action[0] == 'c')
		printf("%s is %s\n", json_string_value(json_object_get(r,
		    "number")), json_is_true(json_object_get(r, "blocked")) ?
		    (strcmp(json_string_value(json_object_get(r, "list")),
		    "global") == 0 ? "on the global do-not-call list" :
		    "on the client's do-not-call list") : "not on a do-not-call list");
	else
		printf("%s %s the %s do-not-call list%s\n",
		    json_string_value(json_object_get(r, "number")), action[0] ==
		    'a' ? "added to" : "removed from", ctl_list_name(ctl_camp.client),
		    json_is_true(json_object_get(r, "changed")) ? "" :
		    action[0] == 'a' ? " (already there)" : " (was not there)");
	json_decref(r);
	return 0;
}

int
ctl_why_not(struct cli *c, char **argv)
{
	char	*end;
	long long id = strtoll(argv[0], &end, 10);
	json_t	*r, *w;
	size_t	 i;

	if (argv[0][0] == '\0' || *end != '\0' || id <= 0)
		ctl_die(EXIT_USAGE, "why-not: \"%s\" is not a record number",
		    argv[0]);
	r = ctl_call(c, json_pack("{s:s,s:I}", "req", "why-not", "record",
	    (json_int_t)id));
	if (json_is_true(json_object_get(r, "dialable")))
		printf("record %lld (%s) is dialable now\n", id,
		    json_string_value(json_object_get(r, "phone")));
	json_array_foreach(json_object_get(r, "why"), i, w)
		printf("%s\n", json_string_value(w));
	json_decref(r);
	return 0;
}

int
ctl_campaign(struct cli *c, char **argv)
{
	json_t *r = ctl_call(c, json_pack("{s:s,s:s,s:s}", "req",
	    "campaign-state", "campaign", argv[0], "action", argv[1]));

	printf("campaign %s: %s\n", argv[0], json_string_value(
	    json_object_get(r, "state")));
	json_decref(r);
	return 0;
}

int
ctl_list(struct cli *c, char **argv)
{
	json_t *r = ctl_call(c, json_pack("{s:s,s:s,s:s,s:s}", "req",
	    "list-state", "campaign", argv[0], "list", argv[1], "action",
	    argv[2]));

	printf("list %s of %s: %s\n", argv[1], argv[0], json_string_value(
	    json_object_get(r, "state")));
	json_decref(r);
	return 0;
}

int
ctl_campaigns(struct cli *c, char **argv)
{
	json_t	*r = ctl_call(c, json_pack("{s:s}", "req", "campaigns")), *x, *l;
	size_t	 i, j;

	printf("%-16s %-12s %-11s %-9s %s\n", "CAMPAIGN", "CLIENT", "MODE",
	    "STATE", "SUCCESSES");
	json_array_foreach(json_object_get(r, "campaigns"), i, x) {
		printf("%-16s %-12s %-11s %-9s %lld", json_string_value(
		    json_object_get(x, "name")), json_string_value(
		    json_object_get(x, "client")), json_string_value(
		    json_object_get(x, "mode")), json_string_value(
		    json_object_get(x, "state")), json_integer_value(
		    json_object_get(x, "successes")));
		if (json_integer_value(json_object_get(x, "target")) > 0)
			printf(" of %lld", json_integer_value(json_object_get(x,
			    "target")));
		putchar('\n');
		json_array_foreach(json_object_get(x, "lists"), j, l)
			printf("  list %-16s priority %-3lld %-8s %lld records, "
			    "%lld open, %lld done\n", json_string_value(
			    json_object_get(l, "name")), json_integer_value(
			    json_object_get(l, "priority")), json_string_value(
			    json_object_get(l, "state")), json_integer_value(
			    json_object_get(l, "records")), json_integer_value(
			    json_object_get(l, "open")), json_integer_value(
			    json_object_get(l, "done")));
	}
	if (json_array_size(json_object_get(r, "campaigns")) == 0)
		printf("(no campaigns)\n");
	json_decref(r);
	return 0;
}
