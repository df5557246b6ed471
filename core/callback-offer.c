/* callback-offer.c: the caller's callback dialog (callback-offer.h).
 *
 *	"We will call you back at 6 0 0 1 0 0 2 0 0. Press 1 to confirm,
 *	 or 2 to enter another number."			(when a CLI came)
 *	"Please enter your phone number, then press hash."
 *	"You entered 5 5 5 1 2 3 4. Press 1 to confirm, or 2 ..."
 *	"We will call you back. You keep your place in line. Goodbye."
 *
 * Keys pressed during a prompt cut it short; star gives up at any point.
 * Offered at a queue's max wait (max_wait_exit = callback:QUEUE), the
 * caller keeps their place while asked; declining then counts as timed
 * out and ends the call.
 * No key within CBO_TIMEOUT_S after a prompt (or after the last digit)
 * or a wrong one asks again, CBO_TRIES times in all. While the dialog
 * runs the call keeps its place but is not offered to agents. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <event2/event.h>
#include "acd-wake.h"
#include "action.h"
#include "call.h"
#include "callback.h"
#include "callback-offer.h"
#include "cause.h"
#include "core.h"
#include "db.h"
#include "log.h"
#include "media.h"
#include "queue.h"
#include "xmalloc.h"

#define CBO_TIMEOUT_S	8
#define CBO_TRIES	3
#define CBO_MIN_DIGITS	ACTION_NUMBER_MIN
#define CBO_MAX_DIGITS	ACTION_NUMBER_MAX

enum cbo_step { CBO_ASK_CLI, CBO_ENTER, CBO_CONFIRM, CBO_BYE };

struct cb_offer {
	char		 queue[64];
	int		 from_exit;
	enum cbo_step	 step;
	char		 number[CBO_MAX_DIGITS + 1];
	int		 n;		/* digits keyed so far (CBO_ENTER) */
	int		 tries;
	struct event	*timer;
};

static void	cbo_step(struct call *, enum cbo_step);
static void	cbo_digit(struct call *, int);

static void
cbo_waiting_digit(struct call *call, int digit)
{
	if (digit == '*' && call->queue != NULL && call->cbo == NULL)
		cb_offer_start(call, call->queue->name, 0);
}

void
cb_offer_listen(struct call *call)
{
	if (call->span != NULL)
		media_detect_dtmf(call, cbo_waiting_digit);
}

void
cb_offer_unlisten(struct call *call)
{
	if (call->span != NULL && call->cbo == NULL)
		media_detect_dtmf(call, NULL);
}

void
cb_offer_stop(struct call *call)
{
	struct cb_offer *o = call->cbo;

	if (o == NULL)
		return;
	call_set_cbo(call, NULL);
	if (o->timer != NULL)
		event_free(o->timer);
	free(o);
}

static void
cbo_hangup_cb(struct call *call)
{
	call_hangup(call, CAUSE_NORMAL, DB_CLEARED_CORE, call->cbo != NULL &&
	    call->cbo->step == CBO_BYE ? "callback requested" :
	    "callback declined");
}

/* The caller did not take the callback: back to waiting, or goodbye. */
static void
cbo_decline(struct call *call, const char *why)
{
	static const char *const bye[] = { "goodbye" };
	struct cb_offer *o = call->cbo;

	log_info("call %s: callback not taken (%s)", call->id, why);
	evtimer_del(o->timer);
	if (o->from_exit) {
		if (call->queue != NULL)	/* offered at max wait */
			queue_exit(call, "max_wait", NULL);
		media_detect_dtmf(call, NULL);
		media_play(call, bye, 1, cbo_hangup_cb);
		return;
	}
	media_play_stop(call);
	cb_offer_stop(call);
	if (call->queue != NULL) {
		cb_offer_listen(call);
		acd_dispatch();
	}
}

static void
cbo_timeout_cb(evutil_socket_t fd, short what, void *arg)
{
	struct call	*call = arg;
	struct cb_offer	*o = call->cbo;

	if (o == NULL)
		return;
	if (o->step == CBO_ENTER && o->n >= CBO_MIN_DIGITS) {
		cbo_step(call, CBO_CONFIRM);	/* forgot the hash */
		return;
	}
	if (++o->tries >= CBO_TRIES) {
		cbo_decline(call, "no answer to the prompts");
		return;
	}
	cbo_step(call, o->step);
}

static void
cbo_arm(struct call *call)
{
	struct timeval tv = { CBO_TIMEOUT_S, 0 };

	evtimer_add(call->cbo->timer, &tv);
}

static void
cbo_prompt_done(struct call *call)
{
	if (call->cbo != NULL && call->cbo->step != CBO_BYE)
		cbo_arm(call);
}

/* names[] gets "num-D" for each digit of s; returns how many. */
static int
cbo_say_digits(const char *s, const char **names, char (*buf)[8], int max)
{
	int n = 0;

	for (; *s != '\0' && n < max; s++) {
		snprintf(buf[n], sizeof buf[n], "num-%c", *s);
		names[n] = buf[n];
		n++;
	}
	return n;
}

static void
cbo_step(struct call *call, enum cbo_step step)
{
	struct cb_offer	*o = call->cbo;
	const char	*names[CBO_MAX_DIGITS + 4];
	char		 digits[CBO_MAX_DIGITS][8];
	int		 n = 0;

	o->step = step;
	evtimer_del(o->timer);
	switch (step) {
	case CBO_ASK_CLI:
		names[n++] = "callback-at-number";
		n += cbo_say_digits(call->cli, names + n, digits, CBO_MAX_DIGITS);
		names[n++] = "callback-press-1-2";
		break;
	case CBO_ENTER:
		o->n = 0;
		o->number[0] = '\0';
		names[n++] = "callback-enter-number";
		break;
	case CBO_CONFIRM:
		names[n++] = "callback-you-entered";
		n += cbo_say_digits(o->number, names + n, digits, CBO_MAX_DIGITS);
		names[n++] = "callback-press-1-2";
		break;
	case CBO_BYE:
		names[n++] = "callback-confirm";
		names[n++] = "goodbye";
		media_detect_dtmf(call, NULL);
		media_play(call, names, n, cbo_hangup_cb);
		return;
	}
	media_play(call, names, n, cbo_prompt_done);
}

/* The number is confirmed: store the request, then say goodbye. */
static void
cbo_confirm(struct call *call, const char *number)
{
	struct cb_offer	*o = call->cbo;
	struct queue	*q = queue_find(o->queue);

	if (q == NULL || q->removed || callback_request(call, q, number) != 0) {
		cbo_decline(call, "the request could not be stored");
		return;
	}
	call_set_state(call, CALL_IVR);		/* out of the queue: goodbye */
	cbo_step(call, CBO_BYE);
}

static void
cbo_digit(struct call *call, int digit)
{
	struct cb_offer *o = call->cbo;

	if (o == NULL || o->step == CBO_BYE)
		return;
	if (digit == '*') {
		cbo_decline(call, "star");
		return;
	}
	media_play_stop(call);		/* barge-in */
	evtimer_del(o->timer);
	switch (o->step) {
	case CBO_ASK_CLI:
	case CBO_CONFIRM:
		if (digit == '1')
			cbo_confirm(call, o->step == CBO_ASK_CLI ? call->cli :
			    o->number);
		else if (digit == '2')
			cbo_step(call, CBO_ENTER);
		else if (++o->tries >= CBO_TRIES)
			cbo_decline(call, "wrong keys");
		else
			cbo_step(call, o->step);
		return;
	case CBO_ENTER:
		if (digit == '#') {
			if (o->n >= CBO_MIN_DIGITS)
				cbo_step(call, CBO_CONFIRM);
			else if (++o->tries >= CBO_TRIES)
				cbo_decline(call, "no number keyed");
			else
				cbo_step(call, CBO_ENTER);
			return;
		}
		if (o->n < CBO_MAX_DIGITS) {
			o->number[o->n++] = (char)digit;
			o->number[o->n] = '\0';
		}
		cbo_arm(call);
		return;
	case CBO_BYE:
		return;
	}
}

void
cb_offer_start(struct call *call, const char *queue, int from_exit)
{
	struct cb_offer *o;

	if (call->cbo != NULL)
		return;
	o = xcalloc(1, sizeof *o);
	snprintf(o->queue, sizeof o->queue, "%s", queue);
	o->from_exit = from_exit;
	o->timer = evtimer_new(core.base, cbo_timeout_cb, call);
	call_set_cbo(call, o);
	log_info("call %s: callback offered from %s", call->id, queue);
	media_detect_dtmf(call, cbo_digit);
	cbo_step(call, action_number_ok(call->cli) ? CBO_ASK_CLI : CBO_ENTER);
}
