/* config-check.h: value checkers for the rows of config-table.c (see
 * struct cfg_key.check); section name rules for config_sections[]. */
#ifndef CZ_CONFIG_CHECK_H
#define CZ_CONFIG_CHECK_H

#include <stddef.h>

struct config;

/* Section names: [span NAME], [did NUMBER], [agent ID]... */
int	config_name_ok(const char *);
int	config_did_ok(const char *);
int	config_agent_id_ok(const char *);

#define CFG_CHECK(fn)	int fn(const struct config *, const void *sect, \
			    const char *value, char *why, size_t whylen)
CFG_CHECK(check_digits);
CFG_CHECK(check_pin);
CFG_CHECK(check_channel);
CFG_CHECK(check_switch);
CFG_CHECK(check_dahdi);
CFG_CHECK(check_queues);
CFG_CHECK(check_skills);
CFG_CHECK(check_widen);
CFG_CHECK(check_codes);
CFG_CHECK(check_prompt);
CFG_CHECK(check_menu_prompts);
CFG_CHECK(check_menu_shape);
CFG_CHECK(check_audio);
CFG_CHECK(check_team);
CFG_CHECK(check_hours);
CFG_CHECK(check_holidays);
CFG_CHECK(check_timezone);
CFG_CHECK(check_user_role);
CFG_CHECK(check_client);
CFG_CHECK(check_user_clients);
CFG_CHECK(check_camp_client);
CFG_CHECK(check_camp_queues);
CFG_CHECK(check_camp_agents);
CFG_CHECK(check_country);
CFG_CHECK(check_camp_caller_id);
CFG_CHECK(check_date);
CFG_CHECK(check_camp_dispositions);
CFG_CHECK(check_retry);
CFG_CHECK(check_readable);
CFG_CHECK(check_duration);

#endif
