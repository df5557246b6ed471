/* config-check.c: the value checkers the rows of config-table.c name:
 * names, PINs, channels, switch types, skills, hours, zones, teams,
 * campaign rules, retention periods... and the cross-checks run once every
 * value is read (a DID's queue must exist). Each fills why and returns -1
 * to refuse. The table stays a table; the rules live here. */
#include <ctype.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "action.h"
#include "config.h"
#include "config-check.h"
#include "dahdi.h"
#include "skill.h"
#include "hours.h"
#include "camprule.h"
#include "phone.h"

static int
digits_only(const char *s, size_t min, size_t max)
{
	size_t n = strlen(s);

	if (n < min || n > max)
		return 0;
	for (; *s != '\0'; s++)
		if (!isdigit((unsigned char)*s))
			return 0;
	return 1;
}

int
config_name_ok(const char *s)
{
	return strlen(s) <= 32 && action_name_ok(s);
}

int
config_did_ok(const char *s)
{
	return digits_only(s, 1, 20);
}

int
config_agent_id_ok(const char *s)
{
	return digits_only(s, 1, 16);
}

int
check_digits(const struct config *cfg, const void *sect, const char *v,
    char *why, size_t len)
{
	if (v[0] == '\0' || digits_only(v, 1, 20))
		return 0;
	snprintf(why, len, "\"%s\" is not a number (digits only, at most 20)", v);
	return -1;
}

int
check_pin(const struct config *cfg, const void *sect, const char *v,
    char *why, size_t len)
{
	if (digits_only(v, 1, 64)) {
		snprintf(why, len, "a PIN in clear is not accepted: store its "
		    "hash (make one with `centrala ctl hash-pin`)");
		return -1;
	}
	if (v[0] != '$' || strlen(v) < 20) {
		snprintf(why, len, "not a crypt(3) hash (make one with "
		    "`centrala ctl hash-pin`)");
		return -1;
	}
	return 0;
}

int
check_channel(const struct config *cfg, const void *sect, const char *v,
    char *why, size_t len)
{
	const struct cfg_span *sp = sect;

	if (sp->type == CFG_SPAN_T1) {
		if (sp->first_channel <= 23)
			return 0;
		snprintf(why, len, "a T1 span has B-channels 1-23 (timeslot 24 "
		    "carries the D channel)");
		return -1;
	}
	if (strcmp(v, "16") != 0)
		return 0;
	snprintf(why, len, "timeslot 16 carries the D channel (1-15, 17-31)");
	return -1;
}

/* Which switch types each span type takes (the first is its default). */
static const struct {
	int		 type;
	const char	*name;
	int		 ok[8];		/* CFG_SWITCH_DEFAULT ends */
} span_switches[] = {
	{ CFG_SPAN_E1, "E1", { CFG_SWITCH_EUROISDN_E1, CFG_SWITCH_EUROISDN,
	  CFG_SWITCH_QSIG, CFG_SWITCH_DEFAULT } },
	{ CFG_SPAN_T1, "T1", { CFG_SWITCH_NI2, CFG_SWITCH_NATIONAL,
	  CFG_SWITCH_NI1, CFG_SWITCH_DMS100, CFG_SWITCH_5ESS, CFG_SWITCH_4ESS,
	  CFG_SWITCH_QSIG, CFG_SWITCH_DEFAULT } },
};

int
cfg_span_switch(const struct cfg_span *sp)
{
	const int *ok = span_switches[sp->type == CFG_SPAN_T1].ok;

	return sp->switchtype == CFG_SWITCH_DEFAULT ? ok[0] : sp->switchtype;
}

int
check_switch(const struct config *cfg, const void *sect, const char *v,
    char *why, size_t len)
{
	const struct cfg_span	*sp = sect;
	const int		*ok = span_switches[sp->type == CFG_SPAN_T1].ok;

	if (sp->switchtype == CFG_SWITCH_DEFAULT)
		return 0;
	for (int i = 0; ok[i] != CFG_SWITCH_DEFAULT; i++)
		if (ok[i] == sp->switchtype)
			return 0;
	snprintf(why, len, "\"%s\" is not a switch type of a%s %s span (%s)",
	    v, sp->type == CFG_SPAN_T1 ? "" : "n",
	    span_switches[sp->type == CFG_SPAN_T1].name,
	    sp->type == CFG_SPAN_T1 ?
	    "national, ni2, ni1, dms100, 5ess, 4ess, qsig" :
	    "euroisdn, euroisdn_e1, qsig");
	return -1;
}

#ifdef HAVE_DAHDI
#define DAHDI_BUILT 1
#else
#define DAHDI_BUILT 0
#endif

int
check_dahdi(const struct config *cfg, const void *sect, const char *v,
    char *why, size_t len)
{
	return dahdi_check_span(cfg, sect, DAHDI_BUILT, why, len);
}

static int
check_queue_name(const struct config *cfg, const char *name, char *why,
    size_t len)
{
	if (config_find_queue(cfg, name) != NULL)
		return 0;
	snprintf(why, len, "no queue \"%s\" is defined", name);
	return -1;
}

int
check_queues(const struct config *cfg, const void *sect, const char *v,
    char *why, size_t len)
{
	const struct cfg_agent *a = sect;

	if (a->nqueues == 0) {
		snprintf(why, len, "an agent needs at least one queue");
		return -1;
	}
	for (int i = 0; i < a->nqueues; i++) {
		if (check_queue_name(cfg, a->queues[i], why, len) != 0)
			return -1;
		for (int j = 0; j < i; j++) {
			if (strcmp(a->queues[j], a->queues[i]) != 0)
				continue;
			snprintf(why, len, "queue \"%s\" is listed twice",
			    a->queues[i]);
			return -1;
		}
	}
	return 0;
}

int
check_skills(const struct config *cfg, const void *sect, const char *v,
    char *why, size_t len)
{
	struct skillset ss;

	return skill_parse(v, &ss, why, len);
}

int
check_widen(const struct config *cfg, const void *sect, const char *v,
    char *why, size_t len)
{
	struct widen w;

	return widen_parse(v, &w, why, len);
}

/* A list of codes (reasons, dispositions): each a name. */
int
check_codes(const struct config *cfg, const void *sect, const char *v,
    char *why, size_t len)
{
	char	*copy = strdup(v), *p = copy, *w;
	int	 rc = 0;

	while (rc == 0 && (w = strsep(&p, ",")) != NULL) {
		w += strspn(w, " \t");
		w[strcspn(w, " \t")] = '\0';
		if (*w != '\0' && !action_name_ok(w)) {
			snprintf(why, len, "\"%s\" is not a code (a-z, 0-9, "
			    "'-', '_')", w);
			rc = -1;
		}
	}
	free(copy);
	return rc;
}


int
check_prompt(const struct config *cfg, const void *sect, const char *v,
    char *why, size_t len)
{
	if (v[0] == '\0' || action_name_ok(v))
		return 0;
	snprintf(why, len, "\"%s\" is not a prompt name (a-z, 0-9, '-', '_'; "
	    "the file is PROMPTS_DIR/LANG/NAME.wav)", v);
	return -1;
}

int
check_menu_prompts(const struct config *cfg, const void *sect, const char *v,
    char *why, size_t len)
{
	const struct cfg_menu *m = sect;

	for (int i = 0; i < m->nprompt; i++)
		if (check_prompt(cfg, sect, m->prompt[i], why, len) != 0)
			return -1;
	return 0;
}

/* A menu must lead somewhere: choices, or digits to collect then next. */
int
check_menu_shape(const struct config *cfg, const void *sect, const char *v,
    char *why, size_t len)
{
	const struct cfg_menu	*m = sect;
	int			 nchoice = 0;

	for (int i = 0; i < CFG_MENU_KEYS; i++)
		nchoice += m->choice[i].act.kind != 0;
	if (m->collect[0] != '\0' && !action_name_ok(m->collect)) {
		snprintf(why, len, "\"%s\" is not a variable name (a-z, 0-9, "
		    "'-', '_')", m->collect);
		return -1;
	}
	if (m->collect[0] != '\0' && nchoice > 0) {
		snprintf(why, len, "a menu either collects digits or offers "
		    "choices, not both");
		return -1;
	}
	if ((m->collect[0] != '\0' || nchoice == 0) && m->next.act.kind == 0) {
		snprintf(why, len, "needs \"next\": where the call goes after %s",
		    m->collect[0] != '\0' ? "the digits" : "the prompt");
		return -1;
	}
	if (m->min_digits > m->max_digits) {
		snprintf(why, len, "min_digits (%d) is above max_digits (%d)",
		    m->min_digits, m->max_digits);
		return -1;
	}
	return 0;
}

int
check_audio(const struct config *cfg, const void *sect, const char *v,
    char *why, size_t len)
{
	if (v[0] == '\0' || (strncmp(v, "alsa:", 5) == 0 && v[5] != '\0'))
		return 0;
	if (strncmp(v, "phone:", 6) == 0 && action_number_ok(v + 6))
		return 0;
	snprintf(why, len, "\"%s\" is not an audio endpoint (alsa:DEVICE, "
	    "e.g. alsa:plughw:CARD=Headset,DEV=0, or phone:NUMBER for a line "
	    "the core dials and keeps up)", v);
	return -1;
}

/* A team name: shown in a column and picked from a list. */
int
check_team(const struct config *cfg, const void *sect, const char *v,
    char *why, size_t len)
{
	size_t n = strlen(v);

	if (n < 32 && strspn(v, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "0123456789-_") == n)
		return 0;
	snprintf(why, len, "\"%s\" is not a team name (letters, digits, '-' "
	    "and '_', at most 31)", v);
	return -1;
}

int
check_hours(const struct config *cfg, const void *sect, const char *v,
    char *why, size_t len)
{
	struct hours h;

	return hours_parse(&h, v, "", "UTC", why, len);
}

int
check_holidays(const struct config *cfg, const void *sect, const char *v,
    char *why, size_t len)
{
	struct hours h;

	return hours_parse(&h, "", v, "UTC", why, len);
}

/* An unknown zone would silently mean UTC: insist it exists. */
int
check_timezone(const struct config *cfg, const void *sect, const char *v,
    char *why, size_t len)
{
	char path[256];

	snprintf(path, sizeof path, "/usr/share/zoneinfo/%s", v);
	if (strcmp(v, "UTC") == 0 || (strstr(v, "..") == NULL && v[0] != '/' &&
	    access(path, R_OK) == 0))
		return 0;
	snprintf(why, len, "no time zone \"%s\" in /usr/share/zoneinfo "
	    "(e.g. Europe/Warsaw; install tzdata)", v);
	return -1;
}

int
check_user_role(const struct config *cfg, const void *sect, const char *v,
    char *why, size_t len)
{
	if (strcmp(v, "agent") != 0)
		return 0;
	snprintf(why, len, "agents are [agent ID] sections; a user is a "
	    "supervisor or an admin");
	return -1;
}

/* A queue's or DID's owner: empty, or a [client NAME] defined. */
int
check_client(const struct config *cfg, const void *sect, const char *v,
    char *why, size_t len)
{
	if (v[0] == '\0' || config_find_client(cfg, v) != NULL)
		return 0;
	snprintf(why, len, "no client \"%s\" is defined (a [client %s] "
	    "section)", v, v);
	return -1;
}

/* A supervisor's scope: each a [client NAME] defined. */
int
check_user_clients(const struct config *cfg, const void *sect, const char *v,
    char *why, size_t len)
{
	const struct cfg_user *u = sect;

	for (int i = 0; i < u->nclients; i++)
		if (check_client(cfg, sect, u->clients[i], why, len) != 0)
			return -1;
	return 0;
}

/* A campaign's client is required: an outbound call is always for one. */
int
check_camp_client(const struct config *cfg, const void *sect, const char *v,
    char *why, size_t len)
{
	return check_client(cfg, sect, v, why, len);
}

int
check_camp_queues(const struct config *cfg, const void *sect, const char *v,
    char *why, size_t len)
{
	const struct cfg_campaign *c = sect;

	for (int i = 0; i < c->nqueues; i++)
		if (check_queue_name(cfg, c->queues[i], why, len) != 0)
			return -1;
	return 0;
}

int
check_camp_agents(const struct config *cfg, const void *sect, const char *v,
    char *why, size_t len)
{
	const struct cfg_campaign *c = sect;

	if (c->nqueues + c->nagents == 0) {
		snprintf(why, len, "a campaign needs agents: name queues, "
		    "agents or both");
		return -1;
	}
	for (int i = 0; i < c->nagents; i++)
		if (config_find_agent(cfg, c->agents[i]) == NULL) {
			snprintf(why, len, "no agent \"%s\" is defined",
			    c->agents[i]);
			return -1;
		}
	return 0;
}

int
check_country(const struct config *cfg, const void *sect, const char *v,
    char *why, size_t len)
{
	if (v[0] == '\0' || phone_country_ok(v))
		return 0;
	snprintf(why, len, "\"%s\" is not a country calling code (1-3 digits, "
	    "e.g. 44)", v);
	return -1;
}

/* Always presented, and one that can be called back: a full number. */
int
check_camp_caller_id(const struct config *cfg, const void *sect,
    const char *v, char *why, size_t len)
{
	const struct cfg_campaign *c = sect;
	char e164[PHONE_E164_MAX + 1], w[160];

	if (phone_e164(v, c->country, e164, sizeof e164, w, sizeof w) == 0)
		return 0;
	snprintf(why, len, "\"%s\": %s", v, w);
	return -1;
}

int
check_date(const struct config *cfg, const void *sect, const char *v,
    char *why, size_t len)
{
	int ymd;

	return camprule_date(v, &ymd, why, len);
}

int
check_camp_dispositions(const struct config *cfg, const void *sect,
    const char *v, char *why, size_t len)
{
	struct camp_disp d[CAMPRULE_MAX_DISP];
	int n;

	return camprule_dispositions(v, d, &n, why, len);
}

int
check_retry(const struct config *cfg, const void *sect, const char *v,
    char *why, size_t len)
{
	struct camp_retry r;

	return camprule_retry(v, &r, why, len);
}

int
check_readable(const struct config *cfg, const void *sect, const char *v,
    char *why, size_t len)
{
	if (v[0] == '\0' || access(v, R_OK) == 0)
		return 0;
	snprintf(why, len, "cannot read \"%s\"", v);
	return -1;
}

/* [retention] values: "90d", "6w", "2y" or "never". */
int
config_duration_days(const char *s, int *days, char *why, size_t len)
{
	static const struct { char unit; int days; } units[] = {
		{ 'd', 1 }, { 'w', 7 }, { 'y', 365 },
	};
	char	*end;
	long	 n;

	if (strcmp(s, "never") == 0) {
		*days = 0;
		return 0;
	}
	n = strtol(s, &end, 10);
	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
		if (end != s && isdigit((unsigned char)s[0]) &&
		    end[0] == units[i].unit && end[1] == '\0' && n >= 1 &&
		    n <= 100L * 365 / units[i].days) {
			*days = (int)n * units[i].days;
			return 0;
		}
	snprintf(why, len, "\"%s\" is not a period: a number and d, w or y "
	    "(90d, 6w, 2y; at most 100 years), or never", s);
	return -1;
}

int
check_duration(const struct config *cfg, const void *sect, const char *v,
    char *why, size_t len)
{
	int days;

	return config_duration_days(v, &days, why, len);
}
