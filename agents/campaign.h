/* campaign.h: the agent's campaign work (input layer, beside desk.c): a
 * previewed record dialled or skipped with a reason from a pick list,
 * what a campaign disposition did (a callback to schedule, the number
 * put on the do-not-call list), and the campaign's progress in words. */
#ifndef CZ_AGENT_CAMPAIGN_H
#define CZ_AGENT_CAMPAIGN_H

#include <jansson.h>
#include "console.h"

/* The keys: dial the record shown, skip it (asks why). */
void	campaign_dial(struct console *);
void	campaign_skip(struct console *);
/* The script scrolls a few rows down or up. */
void	campaign_script_down(struct console *);
void	campaign_script_up(struct console *);
/* The skip reason picked. */
void	campaign_skip_picked(struct console *, const char *reason);
/* The reply to a preview request (arg: "dial" or the skip reason). */
void	campaign_reply(struct console *, const char *arg, json_t *r);
/* The core took a disposition of the call on screen: a campaign code's
 * flags say what follows. */
void	campaign_disposed(struct console *, const char *code);

#endif
