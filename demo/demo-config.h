/* demo-config.h: the demo's configuration file (demo-config.c). */
#ifndef CZ_DEMO_CONFIG_H
#define CZ_DEMO_CONFIG_H

#include <stddef.h>

/* The agent the scripted agents leave free for the user (demo/demo.ini). */
#define DEMO_USER_AGENT	"1100"
#define DEMO_USER_PIN	"1234"
#define DEMO_MENU_DID	"2003"
/* The campaign (demo/demo.ini), its scripted agents (in no inbound
 * queue, never on a break) and the list imported at each start. */
#define DEMO_CAMPAIGN		"demo"
#define DEMO_CAMPAIGN_AGENT0	1201
#define DEMO_CAMPAIGN_AGENTS	4
#define DEMO_LIST_ROWS		300

/* Writes DIR/demo.ini (the built-in configuration, then demo/demo.ini)
 * and puts its path in path; -1 with err if it cannot. */
int	demo_config_write(const char *dir, char *path, size_t len, char *err,
	    size_t errlen);

#endif
