/* model.c: the configuration as the wizard sees it (model.h). The kinds
 * and their keys are config_sections[] and config_table[]; this file only
 * adds the order a first run walks them in (what a section names must be
 * there before it) and a line saying what each kind is for. A kind the
 * table gains later is walked last, under its own name. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "model.h"
#include "xmalloc.h"

static const struct {
	const char	*kind;
	const char	*title;
} model_order[] = {
	{ "core", "General: state, logs, language, recording, printing" },
	{ "span", "Spans: E1/T1 lines (virtual, or a DAHDI card's span)" },
	{ "client", "Clients: the companies the center works for" },
	{ "queue", "Queues: strategy, skills, hours, holidays, SL, exits" },
	{ "menu", "IVR menus: prompts and keys" },
	{ "did", "Numbers: DIDs and where their calls go" },
	{ "agent", "Agents: id, name, PIN, queues, skills, audio" },
	{ "user", "Supervisors and admins, and the clients they see" },
	{ "campaign", "Campaigns: outbound dialling for a client" },
	{ "retention", "Retention: how long each kind of data is kept" },
};
#define MODEL_NORDER	(sizeof model_order / sizeof model_order[0])

static const struct cfg_section	*model_kinds[32];
static int			 model_n = -1;

/* The table's kinds, in the walk's order, then any others. */
static void
model_init(void)
{
	const struct cfg_section *cs;

	if (model_n >= 0)
		return;
	model_n = 0;
	for (size_t i = 0; i < MODEL_NORDER; i++)
		for (cs = config_sections; cs->kind != NULL; cs++)
			if (strcmp(cs->kind, model_order[i].kind) == 0)
				model_kinds[model_n++] = cs;
	for (cs = config_sections; cs->kind != NULL && model_n < 32; cs++)
		if (model_kind_named(cs->kind) == NULL)
			model_kinds[model_n++] = cs;
}

int
model_nkinds(void)
{
	model_init();
	return model_n;
}

const struct cfg_section *
model_kind(int i)
{
	model_init();
	return i >= 0 && i < model_n ? model_kinds[i] : NULL;
}

const struct cfg_section *
model_kind_named(const char *kind)
{
	for (int i = 0; i < model_n; i++)
		if (strcmp(model_kinds[i]->kind, kind) == 0)
			return model_kinds[i];
	return NULL;
}

const char *
model_kind_title(const struct cfg_section *cs)
{
	for (size_t i = 0; i < MODEL_NORDER; i++)
		if (strcmp(model_order[i].kind, cs->kind) == 0)
			return model_order[i].title;
	return cs->kind;
}

int
model_named(const struct cfg_section *cs)
{
	return cs->name_ok != NULL;
}

char **
model_instances(const struct ini_doc *doc, const struct cfg_section *cs,
    int *n)
{
	int	  nsec;
	char	**secs = ini_sections(doc, &nsec), **out;
	size_t	  klen = strlen(cs->kind);

	out = xcalloc(nsec + 1, sizeof *out);
	*n = 0;
	for (int i = 0; i < nsec; i++) {
		const char *s = secs[i];

		if (strncasecmp(s, cs->kind, klen) == 0 && (s[klen] == ' ' ||
		    s[klen] == '\t'))
			out[(*n)++] = xstrdup(s + klen + strspn(s + klen,
			    " \t"));
	}
	model_free_names(secs);
	return out;
}

void
model_free_names(char **names)
{
	for (int i = 0; names != NULL && names[i] != NULL; i++)
		free(names[i]);
	free(names);
}

void
model_secname(const struct cfg_section *cs, const char *name, char *buf,
    size_t len)
{
	if (name == NULL)
		snprintf(buf, len, "%s", cs->kind);
	else
		snprintf(buf, len, "%s %s", cs->kind, name);
}

int
model_keys(const struct cfg_section *cs, const struct cfg_key **out, int max)
{
	int n = 0;

	for (const struct cfg_key *k = config_table; k->section; k++)
		if (strcmp(k->section, cs->kind) == 0 && n < max)
			out[n++] = k;
	return n;
}

const char *
model_value(const struct ini_doc *doc, const char *secname, const char *name,
    const struct cfg_key *k, int *dflt)
{
	static char	 buf[1024];
	const char	*v = ini_get(doc, secname, k->key);

	*dflt = v == NULL;
	if (v != NULL)
		snprintf(buf, sizeof buf, "%s", v);
	else if (k->dflt == NULL)
		buf[0] = '\0';
	else if (strcmp(k->dflt, "$name") == 0)
		snprintf(buf, sizeof buf, "%s", name != NULL ? name : "");
	else
		snprintf(buf, sizeof buf, "%s", k->dflt);
	return buf;
}
