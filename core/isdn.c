/* isdn.c: Q.931 through libpri for one span. libpri events become call
 * actions; call control becomes libpri calls. The lifecycle rules for
 * libpri's call pointers are those verified in ../shared/libpri-notes.md
 * ("Clearing"): a span channel keeps libpri's record until RELEASE is
 * done, separately from our call record, which ends (CDR written) at the
 * first DISCONNECT or RELEASE either way. Our call records are opaque
 * here: a channel's owner, told what happens through span_hooks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libpri.h>
#include <event2/event.h>
#include "cause.h"
#include "clock.h"
#include "core.h"
#include "db.h"
#include "evlog.h"
#include "isdn.h"
#include "log.h"
#include "prisched.h"
#include "span.h"

/* libpri.h leaves these to the application (see libpri-notes.md). */
#define PRI_CHAN(c)	((c) & 0xff)
#define PRI_ANY_CHAN	0xff


static void	isdn_schedule(struct span *);

static void
isdn_message_cb(struct pri *p, char *s)
{
	size_t n = strlen(s);

	while (n > 0 && s[n - 1] == '\n')
		n--;
	log_debug("libpri: %.*s", (int)n, s);
}

static int
isdn_read_cb(struct pri *p, void *buf, int len)
{
	struct span *s = pri_get_userdata(p);

	return s->driver->d_read(s, buf, len);
}

static int
isdn_write_cb(struct pri *p, void *buf, int len)
{
	struct span *s = pri_get_userdata(p);

	return span_d_write(s, buf, len);
}

/* libpri's switch type by enum cfg_switch. */
static const int isdn_switches[] = {
	[CFG_SWITCH_EUROISDN_E1] = PRI_SWITCH_EUROISDN_E1,
	[CFG_SWITCH_NI2] = PRI_SWITCH_NI2,
	[CFG_SWITCH_QSIG] = PRI_SWITCH_QSIG,
	[CFG_SWITCH_EUROISDN] = PRI_SWITCH_EUROISDN_E1,
	[CFG_SWITCH_NATIONAL] = PRI_SWITCH_NI2,
	[CFG_SWITCH_NI1] = PRI_SWITCH_NI1,
	[CFG_SWITCH_DMS100] = PRI_SWITCH_DMS100,
	[CFG_SWITCH_5ESS] = PRI_SWITCH_LUCENT5E,
	[CFG_SWITCH_4ESS] = PRI_SWITCH_ATT4ESS,
};

static int
isdn_switchtype(const struct cfg_span *cs)
{
	return isdn_switches[cfg_span_switch(cs)];
}

static void
isdn_timer_cb(evutil_socket_t fd, short what, void *arg);

/* A fresh libpri instance per layer-1 session: each starts with a clean
 * Q.921 link and reports DCHAN_UP truthfully. libpri 1.6.0 has no
 * destructor, so the previous instance (about 18 KB) is abandoned, never
 * touched again. Layer-1 losses are rare events. */
static void
isdn_start(struct span *s)
{
	static int	once;
	int		node = s->cfg.side == CFG_SIDE_USER ? PRI_CPE : PRI_NETWORK;

	if (!once) {
		pri_set_message(isdn_message_cb);
		pri_set_error(isdn_message_cb);
		once = 1;
	}
	span_set_pri(s, pri_new_cb(-1, node, isdn_switchtype(&s->cfg),
	    isdn_read_cb, isdn_write_cb, s), s->pri_timer != NULL ? s->pri_timer :
	    evtimer_new(core.base, isdn_timer_cb, s));
	if (s->pri == NULL) {
		log_error("span %s: libpri could not start", s->name);
		return;
	}
	if (log_get_level() == LOG_LEVEL_DEBUG)
		pri_set_debug(s->pri, PRI_DEBUG_Q931_STATE);
	isdn_schedule(s);
}

static void
isdn_l1_lost(struct span *s)
{
	if (s->pri == NULL)
		return;
	for (int ch = 1; ch < SPAN_TIMESLOTS; ch++) {
		if (s->chan[ch].pri_call != NULL)
			pri_destroycall(s->pri, s->chan[ch].pri_call);
		span_chan_set(&s->chan[ch], s->chan[ch].state, NULL,
		    s->chan[ch].call);
	}
	evtimer_del(s->pri_timer);
	span_set_pri(s, NULL, s->pri_timer);
}

static void
isdn_schedule(struct span *s)
{
	if (s->pri != NULL)
		prisched_arm(s->pri, s->pri_timer);
}

static struct span_chan *
isdn_chan_of(struct span *s, q931_call *c, int *chp)
{
	for (int ch = 1; ch < SPAN_TIMESLOTS; ch++) {
		if (s->chan[ch].pri_call == c) {
			if (chp != NULL)
				*chp = ch;
			return &s->chan[ch];
		}
	}
	return NULL;
}

static int
isdn_pick_channel(struct span *s)
{
	for (int ch = s->cfg.first_channel; ch < SPAN_TIMESLOTS; ch++)
		if (span_chan_valid(s, ch) && s->chan[ch].state == CHAN_IDLE)
			return ch;
	for (int ch = 1; ch < s->cfg.first_channel; ch++)
		if (span_chan_valid(s, ch) && s->chan[ch].state == CHAN_IDLE)
			return ch;
	return -1;
}

/* Before the call is "alive" only these causes send anything
 * (RELEASE COMPLETE), and libpri frees its record inside pri_hangup(). */
static void
isdn_refuse(struct span *s, q931_call *c, int cause, const char *why)
{
	log_info("span %s: SETUP refused, cause %d (%s)", s->name, cause, why);
	pri_hangup(s->pri, c, cause);
}

/* A call lost for want of a channel: the trunk report counts it. */
static void
isdn_blocked(struct span *s, const pri_event *e)
{
	struct db_event ev = { .ts_ms = clock_wall_ms(), .kind = EV_BLOCKED };

	evlog_add(&ev, json_pack("{s:s,s:s,s:s}", "span", s->name, "cli",
	    e->ring.callingnum, "dnis", e->ring.callednum));
}

static int
isdn_ring_channel(struct span *s, const pri_event *e)
{
	int ch = PRI_CHAN(e->ring.channel);

	if (e->ring.channel == -1 || ch == PRI_ANY_CHAN)
		return isdn_pick_channel(s);
	return ch;
}

static void
isdn_ring(struct span *s, pri_event *e)
{
	q931_call	*c = e->ring.call;
	struct call	*call;
	int		 ch = isdn_ring_channel(s, e), cause;

	if (ch < 0) {
		isdn_refuse(s, c, CAUSE_CONGESTION, "no free channel");
		isdn_blocked(s, e);
		return;
	}
	if (!span_chan_valid(s, ch)) {
		isdn_refuse(s, c, CAUSE_NO_CHANNEL, "channel does not exist");
		return;
	}
	if (s->chan[ch].state != CHAN_IDLE) {
		isdn_refuse(s, c, CAUSE_CHAN_UNAVAIL, "channel in use");
		return;
	}
	call = span_hooks.ring(s, ch, e->ring.callingnum, e->ring.callednum);
	span_chan_set(&s->chan[ch], CHAN_BUSY, c, call);
	if (core.stopping != CORE_RUNNING)
		cause = CAUSE_CONGESTION;
	else
		cause = span_hooks.route(call);
	if (cause != 0) {
		pri_hangup(s->pri, c, cause);
		span_chan_set(&s->chan[ch], CHAN_IDLE, NULL, NULL);
		span_hooks.refused(call, cause);
	}
}

/* The far end clears: DISCONNECT in; we release. */
static void
isdn_hangup_req(struct span *s, pri_event *e)
{
	struct span_chan *sc = isdn_chan_of(s, e->hangup.call, NULL);

	if (sc != NULL && sc->call != NULL)
		span_hooks.end(span_chan_take_call(sc), e->hangup.cause,
		    DB_CLEARED_NETWORK, "far end cleared");
	if (sc != NULL)
		span_chan_set_state(sc, CHAN_RELEASING);
	pri_hangup(s->pri, e->hangup.call, e->hangup.cause);
}

static const char *
isdn_cleared_by(int cause)
{
	return cause == CAUSE_OUT_OF_ORDER || cause == CAUSE_TEMP_FAILURE ?
	    DB_CLEARED_LINK : DB_CLEARED_NETWORK;
}

/* RELEASE or RELEASE COMPLETE in, or a libpri timer gave up: send what is
 * owed and forget the record (libpri-notes.md "Clearing"). */
static void
isdn_hangup(struct span *s, pri_event *e)
{
	struct span_chan *sc = isdn_chan_of(s, e->hangup.call, NULL);

	if (sc != NULL && sc->call != NULL)
		span_hooks.end(span_chan_take_call(sc), e->hangup.cause,
		    isdn_cleared_by(e->hangup.cause), "far end released");
	pri_hangup(s->pri, e->hangup.call, e->hangup.cause);
	if (sc != NULL)
		span_chan_set(sc, CHAN_IDLE, NULL, sc->call);
	span_hooks.idle();
}

static void
isdn_hangup_ack(struct span *s, pri_event *e)
{
	struct span_chan *sc = isdn_chan_of(s, e->hangup.call, NULL);

	if (sc == NULL)
		return;
	if (sc->call != NULL)
		span_hooks.end(span_chan_take_call(sc), e->hangup.cause,
		    DB_CLEARED_NETWORK, "released");
	span_chan_set(sc, CHAN_IDLE, NULL, sc->call);
	span_hooks.idle();
}

static void
isdn_restart_chan(struct span *s, int ch)
{
	struct span_chan *sc = &s->chan[ch];

	if (sc->pri_call != NULL)
		pri_destroycall(s->pri, sc->pri_call);
	if (sc->call != NULL)
		span_hooks.end(span_chan_take_call(sc), CAUSE_TEMP_FAILURE,
		    DB_CLEARED_NETWORK, "restart");
	span_chan_set(sc, CHAN_IDLE, NULL, sc->call);
}

/* libpri acknowledged the RESTART itself but left the calls alone. */
static void
isdn_restart(struct span *s, pri_event *e)
{
	int ch = PRI_CHAN(e->restart.channel);

	log_info("span %s: RESTART for %s", s->name,
	    e->restart.channel == -1 ? "the interface" : "a channel");
	if (e->restart.channel == -1 || ch == PRI_ANY_CHAN) {
		for (ch = 1; ch < SPAN_TIMESLOTS; ch++)
			if (span_chan_valid(s, ch))
				isdn_restart_chan(s, ch);
	} else if (span_chan_valid(s, ch))
		isdn_restart_chan(s, ch);
}

static void
isdn_dchan(struct span *s, pri_event *e)
{
	int up = e->e == PRI_EVENT_DCHAN_UP;

	if (s->l2_up == up)
		return;
	(up ? log_info : log_warn)("span %s: D channel %s", s->name, up ?
	    "up" : "down");
	span_set_l2(s, up);
}

/* INFORMATION with a Keypad IE during the call: digits as good as DTMF in
 * the audio (libpri-notes.md: PRI_EVENT_KEYPAD_DIGIT). */
static void
isdn_keypad(struct span *s, pri_event *e)
{
	struct span_chan *sc = isdn_chan_of(s, e->digit.call, NULL);

	if (sc == NULL || sc->call == NULL)
		return;
	for (const char *d = e->digit.digits; *d != '\0' &&
	    d < e->digit.digits + sizeof e->digit.digits; d++) {
		if ((*d < '0' || *d > '9') && *d != '*' && *d != '#')
			continue;
		if (sc->call == NULL)
			return;
		span_hooks.digit(sc->call, *d);
	}
}

/* The outbound call whose libpri record is c, if it is still ours. */
static struct call *
isdn_out_call(struct span *s, q931_call *c)
{
	struct span_chan *sc = isdn_chan_of(s, c, NULL);

	return sc != NULL && sc->call != NULL && sc->out ? sc->call : NULL;
}

/* CALL PROCEEDING or PROGRESS to our SETUP. The network may have chosen
 * another channel than the one we preferred: the record moves with it. */
static void
isdn_proceeding(struct span *s, pri_event *e)
{
	struct call	*call = isdn_out_call(s, e->proceeding.call);
	int		 ch = PRI_CHAN(e->proceeding.channel), old = 0;

	if (call == NULL || e->proceeding.channel <= 0 || ch == PRI_ANY_CHAN)
		return;
	isdn_chan_of(s, e->proceeding.call, &old);
	if (ch == old)
		return;
	if (!span_chan_valid(s, ch) || s->chan[ch].state != CHAN_IDLE) {
		log_warn("span %s: network moved a call from channel %d to %d, "
		    "which is not free", s->name, old, ch);
		span_hooks.hangup(call, CAUSE_CHAN_UNAVAIL, DB_CLEARED_CORE,
		    "network chose a busy channel");
		return;
	}
	span_chan_move(s, old, ch);
	span_hooks.moved(call, ch);
}

static void
isdn_ringing(struct span *s, pri_event *e)
{
	struct call *call = isdn_out_call(s, e->ringing.call);

	if (call != NULL)
		span_hooks.alerting(call);
}

static void
isdn_answered(struct span *s, pri_event *e)
{
	struct call *call = isdn_out_call(s, e->answer.call);

	if (call != NULL)
		span_hooks.answered(call);
}

int
isdn_dial(struct span *s, struct call *call, const char *dnis, const char *cli)
{
	struct pri_sr	*sr;
	q931_call	*c;
	int		 ch;

	if (s->pri == NULL || !s->l2_up || core.stopping != CORE_RUNNING ||
	    (ch = isdn_pick_channel(s)) < 0 ||
	    (c = pri_new_call(s->pri)) == NULL)
		return -1;
	if (cli[0] == '\0')
		cli = s->cfg.caller_id;
	sr = pri_sr_new();
	pri_sr_set_channel(sr, ch, 0, 0);
	pri_sr_set_bearer(sr, PRI_TRANS_CAP_SPEECH, s->kind->layer1);
	pri_sr_set_called(sr, (char *)dnis, PRI_UNKNOWN, 1);
	pri_sr_set_caller(sr, (char *)cli, NULL, PRI_UNKNOWN,
	    cli[0] != '\0' ? PRES_ALLOWED_USER_NUMBER_PASSED_SCREEN :
	    PRES_NUMBER_NOT_AVAILABLE);
	if (pri_setup(s->pri, c, sr) != 0) {
		pri_sr_free(sr);
		pri_destroycall(s->pri, c);
		log_warn("span %s: SETUP to %s not sent", s->name, dnis);
		return -1;
	}
	pri_sr_free(sr);
	span_chan_set(&s->chan[ch], CHAN_BUSY, c, call);
	span_chan_set_out(&s->chan[ch]);
	isdn_schedule(s);
	return ch;
}

static void
isdn_ignore(struct span *s, pri_event *e)
{
	log_debug("span %s: libpri event %s ignored", s->name,
	    pri_event2str(e->e));
}

static const struct {
	int	 e;
	void	(*fn)(struct span *, pri_event *);
} isdn_handlers[] = {
	{ PRI_EVENT_DCHAN_UP, isdn_dchan },
	{ PRI_EVENT_DCHAN_DOWN, isdn_dchan },
	{ PRI_EVENT_RING, isdn_ring },
	{ PRI_EVENT_HANGUP_REQ, isdn_hangup_req },
	{ PRI_EVENT_HANGUP, isdn_hangup },
	{ PRI_EVENT_HANGUP_ACK, isdn_hangup_ack },
	{ PRI_EVENT_RESTART, isdn_restart },
	{ PRI_EVENT_KEYPAD_DIGIT, isdn_keypad },
	{ PRI_EVENT_PROCEEDING, isdn_proceeding },
	{ PRI_EVENT_PROGRESS, isdn_proceeding },
	{ PRI_EVENT_RINGING, isdn_ringing },
	{ PRI_EVENT_ANSWER, isdn_answered },
};

static void
isdn_event(struct span *s, pri_event *e)
{
	for (size_t i = 0; i < sizeof isdn_handlers / sizeof isdn_handlers[0]; i++) {
		if (isdn_handlers[i].e == e->e) {
			isdn_handlers[i].fn(s, e);
			return;
		}
	}
	isdn_ignore(s, e);
}

static void
isdn_timer_cb(evutil_socket_t fd, short what, void *arg)
{
	struct span	*s = arg;
	struct pri	*p = s->pri;
	pri_event	*e;

	while (p != NULL && p == s->pri && (e = pri_schedule_run(p)) != NULL)
		isdn_event(s, e);
	isdn_schedule(s);
}

static void
isdn_poll(struct span *s)
{
	pri_event *e;

	if (s->pri == NULL)
		return;
	if ((e = pri_check_event(s->pri)) != NULL)
		isdn_event(s, e);
	isdn_schedule(s);
}

void
isdn_answer(struct span *s, int ch)
{
	struct span_chan	*sc = &s->chan[ch];

	if (s->pri == NULL || sc->pri_call == NULL)
		return;
	pri_proceeding(s->pri, sc->pri_call, ch, 0);
	pri_answer(s->pri, sc->pri_call, ch, 0);
	isdn_schedule(s);
}

/* We clear: DISCONNECT out. The channel stays reserved until the far end's
 * RELEASE (HANGUP event) or libpri's T305/T308 give up. */
void
isdn_hangup_call(struct span *s, int ch, struct call *call, int cause)
{
	struct span_chan	*sc;

	if (s == NULL || ch <= 0)
		return;
	sc = &s->chan[ch];
	if (sc->call == call)
		span_chan_take_call(sc);
	if (s->pri == NULL || sc->pri_call == NULL) {
		if (sc->pri_call == NULL)
			span_chan_set_state(sc, CHAN_IDLE);
		return;
	}
	span_chan_set_state(sc, CHAN_RELEASING);
	pri_hangup(s->pri, sc->pri_call, cause);
	isdn_schedule(s);
}

const struct span_dchan isdn_stack = {
	.start = isdn_start, .l1_lost = isdn_l1_lost, .poll = isdn_poll,
};
