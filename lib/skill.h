/* skill.h: skills with levels (1-10): what an agent has ("billing:7,
 * polish:9") and what a queue asks for ("billing:5"). */
#ifndef CZ_SKILL_H
#define CZ_SKILL_H

#include <stddef.h>

#define SKILL_MAX	16
#define SKILL_NAME	24

struct skill {
	char	name[SKILL_NAME];
	int	level;
};

struct skillset {
	struct skill	v[SKILL_MAX];
	int		n;
};

/* Parses "name:level, ..." (empty = none). -1 with why filled on error. */
int	skill_parse(const char *, struct skillset *, char *why, size_t len);
int	skill_level(const struct skillset *, const char *name);	/* 0 = none */
/* 1 if `have` meets every skill of `need` at its level minus lower_by
 * (never below 1). *score = the sum of the agent's levels in them. */
int	skill_meets(const struct skillset *have, const struct skillset *need,
	    int lower_by, int *score);
void	skill_format(const struct skillset *, int lower_by, char *buf, size_t len);

/* Widening steps: "30:2, 60:5" = after 30 s lower every level by 2, after
 * 60 s by 5. */
#define WIDEN_MAX 8
struct widen {
	int	after_s[WIDEN_MAX], lower_by[WIDEN_MAX];
	int	n;
};
int	widen_parse(const char *, struct widen *, char *why, size_t len);
int	widen_lower_by(const struct widen *, int waited_s);
int	widen_next_s(const struct widen *, int waited_s);	/* -1 = none */

#endif
