/* skill.c: parsing and matching skills with levels, and widening steps. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "skill.h"

/* Splits "a:1, b:2" into pairs; calls fn for each. -1 with why on error. */
static int
skill_pairs(const char *s, int (*fn)(const char *, const char *, void *,
    char *, size_t), void *arg, char *why, size_t len)
{
	char	buf[512], *tok, *save, *colon;

	snprintf(buf, sizeof buf, "%s", s);
	for (tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		while (isspace((unsigned char)*tok))
			tok++;
		for (char *e = tok + strlen(tok); e > tok && isspace((unsigned char)e[-1]);)
			*--e = '\0';
		if (*tok == '\0')
			continue;
		if ((colon = strchr(tok, ':')) == NULL) {
			snprintf(why, len, "\"%s\" is not NAME:NUMBER", tok);
			return -1;
		}
		*colon++ = '\0';
		if (fn(tok, colon, arg, why, len) != 0)
			return -1;
	}
	return 0;
}

static int
skill_number(const char *v, int min, int max, int *out)
{
	char	*end;
	long	 n = strtol(v, &end, 10);

	if (*v == '\0' || *end != '\0' || n < min || n > max)
		return -1;
	*out = (int)n;
	return 0;
}

static int
skill_add(const char *name, const char *level, void *arg, char *why, size_t len)
{
	struct skillset	*ss = arg;
	size_t		 n = strlen(name);

	if (n == 0 || n >= SKILL_NAME || strspn(name,
	    "abcdefghijklmnopqrstuvwxyz0123456789_-") != n) {
		snprintf(why, len, "skill \"%s\": a-z, 0-9, '_' and '-', at most "
		    "%d", name, SKILL_NAME - 1);
		return -1;
	}
	if (ss->n == SKILL_MAX || skill_level(ss, name) > 0) {
		snprintf(why, len, "skill \"%s\": repeated, or more than %d skills",
		    name, SKILL_MAX);
		return -1;
	}
	if (skill_number(level, 1, 10, &ss->v[ss->n].level) != 0) {
		snprintf(why, len, "skill \"%s\": level \"%s\" is not 1 to 10",
		    name, level);
		return -1;
	}
	snprintf(ss->v[ss->n++].name, SKILL_NAME, "%s", name);
	return 0;
}

int
skill_parse(const char *s, struct skillset *ss, char *why, size_t len)
{
	memset(ss, 0, sizeof *ss);
	return skill_pairs(s, skill_add, ss, why, len);
}

int
skill_level(const struct skillset *ss, const char *name)
{
	for (int i = 0; i < ss->n; i++)
		if (strcmp(ss->v[i].name, name) == 0)
			return ss->v[i].level;
	return 0;
}

int
skill_meets(const struct skillset *have, const struct skillset *need,
    int lower_by, int *score)
{
	*score = 0;
	for (int i = 0; i < need->n; i++) {
		int want = need->v[i].level - lower_by, got;

		if (want < 1)
			want = 1;
		if ((got = skill_level(have, need->v[i].name)) < want)
			return 0;
		*score += got;
	}
	return 1;
}

void
skill_format(const struct skillset *ss, int lower_by, char *buf, size_t len)
{
	size_t o = 0;

	buf[0] = '\0';
	for (int i = 0; i < ss->n && o < len; i++) {
		int lvl = ss->v[i].level - lower_by;

		o += snprintf(buf + o, len - o, "%s%s>=%d", i ? ", " : "",
		    ss->v[i].name, lvl < 1 ? 1 : lvl);
	}
}

static int
widen_add(const char *after, const char *by, void *arg, char *why, size_t len)
{
	struct widen *w = arg;

	if (w->n == WIDEN_MAX || skill_number(after, 1, 86400, &w->after_s[w->n]) != 0 ||
	    skill_number(by, 1, 9, &w->lower_by[w->n]) != 0 ||
	    (w->n > 0 && (w->after_s[w->n] <= w->after_s[w->n - 1] ||
	    w->lower_by[w->n] <= w->lower_by[w->n - 1]))) {
		snprintf(why, len, "step \"%s:%s\": SECONDS:LOWER_BY with seconds "
		    "1-86400 and lower-by 1-9, both rising, at most %d steps",
		    after, by, WIDEN_MAX);
		return -1;
	}
	w->n++;
	return 0;
}

int
widen_parse(const char *s, struct widen *w, char *why, size_t len)
{
	memset(w, 0, sizeof *w);
	return skill_pairs(s, widen_add, w, why, len);
}

int
widen_lower_by(const struct widen *w, int waited_s)
{
	int by = 0;

	for (int i = 0; i < w->n; i++)
		if (waited_s >= w->after_s[i])
			by = w->lower_by[i];
	return by;
}

int
widen_next_s(const struct widen *w, int waited_s)
{
	for (int i = 0; i < w->n; i++)
		if (waited_s < w->after_s[i])
			return w->after_s[i];
	return -1;
}
