/* ivr.c: voice menus (ivr.h). A menu plays its prompts; a key pressed
 * during them cuts them short (barge-in). A choice menu then waits
 * `timeout` seconds for one key; a collecting menu gathers digits until
 * max_digits, the terminator, or `timeout` seconds after the last digit.
 * No key or a wrong one plays timeout_prompt or invalid_prompt and the
 * menu again, `retries` times, then on_fail. Every step is an event. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <event2/event.h>
#include "action.h"
#include "call.h"
#include "cause.h"
#include "config.h"
#include "core.h"
#include "db.h"
#include "ivr.h"
#include "log.h"
#include "media.h"
#include "player.h"
#include "xmalloc.h"

static int	(*ivr_route)(struct call *, const struct action *);

#define IVR_PATH_MAX	512

struct ivr {
	char		 menu[64];
	int		 tries;		/* re-prompts so far */
	char		 digits[40];
	int		 ndigits;
	struct event	*timer;
};

static void	ivr_prompt(struct call *, const char *first);

static const struct cfg_menu *
ivr_menu(struct call *call)
{
	return call->ivr != NULL ? config_find_menu(core.cfg, call->ivr->menu) :
	    NULL;
}

static void
ivr_event(struct call *call, const char *what, const char *value)
{
	call_event(call, EV_IVR, json_pack("{s:s,s:s}", "menu", call->ivr->menu,
	    what, value));
}

static void
ivr_path_add(struct call *call, const char *step)
{
	size_t	 n = call->ivr_path ? strlen(call->ivr_path) : 0;
	char	*p;

	if (n + strlen(step) + 2 > IVR_PATH_MAX)
		return;
	p = xmalloc(n + strlen(step) + 2);
	snprintf(p, n + strlen(step) + 2, "%s%s%s", n ? call->ivr_path : "",
	    n ? ">" : "", step);
	call_set_ivr_path(call, p);
}

void
ivr_set_var(struct call *call, const char *name, const char *value)
{
	call_set_var(call, name, value);
}

void
ivr_stop(struct call *call)
{
	struct ivr *ivr = call->ivr;

	if (ivr == NULL)
		return;
	event_free(ivr->timer);
	free(ivr);
	call_set_ivr(call, NULL);
	media_detect_dtmf(call, NULL);
	media_play_stop(call);
}

/* Leaves the menu for where A says (play: comes back to it). */
static void
ivr_go(struct call *call, const struct action *a)
{
	if (a->kind == ACT_PLAY) {
		ivr_prompt(call, a->arg);
		return;
	}
	if (a->kind != ACT_MENU)	/* a next menu keeps the state */
		ivr_stop(call);
	ivr_route(call, a);
}

static void
ivr_fail(struct call *call, const char *prompt)
{
	const struct cfg_menu *m = ivr_menu(call);

	if (m == NULL) {
		call_hangup(call, CAUSE_NORMAL, DB_CLEARED_CORE, "menu removed");
		return;
	}
	if (call->ivr->tries++ >= m->retries) {
		ivr_event(call, "fail", m->on_fail.text);
		ivr_go(call, &m->on_fail.act);
		return;
	}
	call->ivr->ndigits = 0;
	ivr_prompt(call, prompt);
}

static void
ivr_collected(struct call *call)
{
	const struct cfg_menu	*m = ivr_menu(call);
	struct ivr		*ivr = call->ivr;

	if (ivr->ndigits < m->min_digits) {
		ivr_event(call, ivr->ndigits ? "short" : "timeout", ivr->digits);
		ivr_fail(call, ivr->ndigits ? m->invalid_prompt : m->timeout_prompt);
		return;
	}
	ivr_set_var(call, m->collect, ivr->digits);
	ivr_event(call, m->collect, ivr->digits);
	ivr_path_add(call, m->collect);
	ivr_go(call, &m->next.act);
}

static void
ivr_timeout_cb(evutil_socket_t fd, short what, void *arg)
{
	struct call		*call = arg;
	const struct cfg_menu	*m = ivr_menu(call);

	if (m == NULL)
		return;
	if (m->collect[0] != '\0') {
		ivr_collected(call);
		return;
	}
	ivr_event(call, "timeout", "");
	ivr_fail(call, m->timeout_prompt);
}

static void
ivr_wait(struct call *call)
{
	const struct cfg_menu	*m = ivr_menu(call);
	struct timeval		 tv = { m != NULL ? m->timeout : 5, 0 };

	evtimer_add(call->ivr->timer, &tv);
}

/* The prompts are over: a menu with nothing to wait for goes on. */
static void
ivr_prompted(struct call *call)
{
	const struct cfg_menu *m = ivr_menu(call);

	if (m == NULL)
		return;
	for (int i = 0; i < CFG_MENU_KEYS; i++)
		if (m->choice[i].act.kind != ACT_NONE) {
			ivr_wait(call);
			return;
		}
	if (m->collect[0] != '\0') {
		ivr_wait(call);
		return;
	}
	ivr_go(call, &m->next.act);
}

/* Plays FIRST (a re-prompt reason; NULL: none) then the menu's prompts. */
static void
ivr_prompt(struct call *call, const char *first)
{
	const struct cfg_menu	*m = ivr_menu(call);
	const char		*names[PLAYER_MAX];
	int			 n = 0;

	if (first != NULL && first[0] != '\0')
		names[n++] = first;
	for (int i = 0; i < m->nprompt && n < PLAYER_MAX; i++)
		names[n++] = m->prompt[i];
	evtimer_del(call->ivr->timer);
	media_play(call, names, n, ivr_prompted);
}

static void
ivr_choice(struct call *call, const struct cfg_menu *m, int digit)
{
	int		 k = config_menu_key(digit);
	char		 key[2] = { (char)digit, '\0' };
	const struct action *action = k >= 0 ? &m->choice[k].act : NULL;

	if (action == NULL || action->kind == ACT_NONE) {
		ivr_event(call, "invalid", key);
		ivr_fail(call, m->invalid_prompt);
		return;
	}
	ivr_event(call, "key", key);
	ivr_path_add(call, key);
	ivr_set_var(call, m->name, key);
	ivr_go(call, action);
}

static void
ivr_digit(struct call *call, int digit)
{
	const struct cfg_menu	*m = ivr_menu(call);
	struct ivr		*ivr = call->ivr;
	int			 term;

	if (m == NULL)
		return;
	media_play_stop(call);			/* barge-in */
	evtimer_del(ivr->timer);
	if (m->collect[0] == '\0') {
		ivr_choice(call, m, digit);
		return;
	}
	term = strcmp(m->terminator, "hash") == 0 ? '#' :
	    strcmp(m->terminator, "star") == 0 ? '*' : 0;
	if (digit == term) {
		ivr_collected(call);
		return;
	}
	if (digit < '0' || digit > '9' ||
	    ivr->ndigits + 1 >= (int)sizeof ivr->digits)
		return;
	ivr->digits[ivr->ndigits++] = (char)digit;
	ivr->digits[ivr->ndigits] = '\0';
	if (ivr->ndigits >= m->max_digits)
		ivr_collected(call);
	else
		ivr_wait(call);
}

void
ivr_enter(struct call *call, const char *name)
{
	const struct cfg_menu *m = config_find_menu(core.cfg, name);

	if (m == NULL) {
		log_warn("call %s: no menu %s", call->id, name);
		call_hangup(call, CAUSE_CONGESTION, DB_CLEARED_CORE, "no such menu");
		return;
	}
	if (call->ivr == NULL) {
		call_set_ivr(call, xcalloc(1, sizeof *call->ivr));
		call->ivr->timer = evtimer_new(core.base, ivr_timeout_cb, call);
		media_detect_dtmf(call, ivr_digit);
	}
	snprintf(call->ivr->menu, sizeof call->ivr->menu, "%s", name);
	call->ivr->tries = 0;
	call->ivr->ndigits = 0;
	call->ivr->digits[0] = '\0';
	if (m->language[0] != '\0')
		call_set_lang(call, m->language);
	ivr_path_add(call, name);
	ivr_event(call, "enter", name);
	call_set_state(call, CALL_IVR);
	ivr_prompt(call, NULL);
}

void
ivr_set_router(int (*route)(struct call *, const struct action *))
{
	ivr_route = route;
}
