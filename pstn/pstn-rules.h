/* pstn-rules.h: how the simulated network answers the core's calls. */
#ifndef CZ_PSTN_RULES_H
#define CZ_PSTN_RULES_H

#include <libpri.h>

struct pstn_span;

enum pstn_rules_action {
	RULE_ANSWER, RULE_BUSY, RULE_NOANSWER, RULE_UNALLOCATED, RULE_CONGESTION
};

struct pstn_rule {
	char			*prefix;	/* of the called number */
	enum pstn_rules_action	 action;
	double			 delay;		/* answer: seconds, -1: --answer-delay */
	int			 kind;		/* a --profile party, -1: none */
};

int			 pstn_rules_add(const char *spec);
void			 pstn_rules_default(void);
const struct pstn_rule	*pstn_rules_match(const char *number);
const char		*pstn_rules_name(enum pstn_rules_action);
void			 pstn_rules_ring(struct pstn_span *, pri_event *);

#endif
