/* span.c: the span registry and channel table; the seam between a driver
 * (bytes), isdn.c (D channel: its frames out held until the pass's
 * commit) and the calls' audio (B channels, handed up through
 * span_hooks.block to media.c). */
#include <stdlib.h>
#include <string.h>
#include <event2/buffer.h>
#include <event2/event.h>
#include <stdio.h>
#include <libpri.h>
#include "alaw.h"
#include "cause.h"
#include "clock.h"
#include "core.h"
#include "db.h"
#include "evlog.h"
#include "log.h"
#include "mulaw.h"
#include "span.h"
#include "xmalloc.h"

#define SPAN_MAX_FRAME	2048	/* above any Q.921 frame libpri writes */

struct span *spans;
struct span_hooks span_hooks;
static const struct span_dchan *span_dchan;
static struct span *span_held;		/* spans with D frames held */

/* By enum cfg_span_type. */
static const struct span_kind span_kinds[] = {
	{ "E1", 32 * SPAN_SAMPLES, 30, 31, 16, 0, PRI_LAYER_1_ALAW, 0xD5,
	  alaw_decode, alaw_encode, 1 },
	{ "T1", 24 * SPAN_SAMPLES, 23, 23, 24, 1, PRI_LAYER_1_ULAW, 0xFF,
	  mulaw_decode, mulaw_encode, 0 },
};

/* By enum cfg_span_driver; config.c refuses a dahdi span when the DAHDI
 * driver is not built. */
static const struct span_driver *const span_drivers[] = {
	&span_driver_vspan,
#ifdef HAVE_DAHDI
	&span_driver_dahdi,
#endif
};

static const struct span_driver *
span_driver_for(int driver)
{
	if (driver < 0 || driver >= (int)(sizeof span_drivers /
	    sizeof span_drivers[0]))
		fatal("span driver %d is not built", driver);
	return span_drivers[driver];
}

static struct span *
span_new(const struct cfg_span *cs)
{
	struct span *s = xcalloc(1, sizeof *s);

	s->name = xstrdup(cs->name);
	s->cfg = *cs;
	s->cfg.name = s->name;
	s->cfg.country = xstrdup(cs->country);
	s->cfg.caller_id = xstrdup(cs->caller_id);
	s->driver = span_driver_for(cs->driver);
	s->kind = &span_kinds[cs->type == CFG_SPAN_T1];
	snprintf(s->l1_why, sizeof s->l1_why, "waiting for layer 1");
	s->d_held = evbuffer_new();
	return s;
}

/* The pass's rows are committed: every span's held frames go, in order. */
static void
span_release(void)
{
	uint8_t	 frame[SPAN_MAX_FRAME];
	uint16_t len;

	while (span_held != NULL) {
		struct span *s = span_held;

		span_held = s->held_next;
		s->held_next = NULL;
		s->held_listed = 0;
		while (evbuffer_remove(s->d_held, &len, sizeof len) ==
		    sizeof len) {
			evbuffer_remove(s->d_held, frame, len);
			s->driver->d_send(s, frame, len);
		}
	}
}

int
span_d_write(struct span *s, const void *buf, int len)
{
	uint16_t n = len;

	if (len <= 0 || len > SPAN_MAX_FRAME) {
		log_warn("span %s: D frame of %d bytes not sent (at most %d)",
		    s->name, len, SPAN_MAX_FRAME);
		return len;
	}
	if (!s->held_listed) {
		s->held_listed = 1;
		s->held_next = span_held;
		span_held = s;
		core_release_after_commit(span_release);
	}
	evbuffer_add(s->d_held, &n, sizeof n);
	evbuffer_add(s->d_held, buf, len);
	return len;
}

static void
span_held_unlist(struct span *s)
{
	for (struct span **pp = &span_held; *pp != NULL; pp = &(*pp)->held_next)
		if (*pp == s) {
			*pp = s->held_next;
			break;
		}
	s->held_next = NULL;
	s->held_listed = 0;
}

int
span_open_all(const struct config *cfg, char *err, size_t errlen)
{
	struct span **tail = &spans;

	alaw_init();
	mulaw_init();
	for (int i = 0; i < cfg->nspans; i++) {
		struct span *s = span_new(&cfg->spans[i]);

		if (s->driver->open(s, err, errlen) != 0)
			return -1;
		*tail = s;
		tail = &s->next;
		log_info("span %s: %s, %s driver, %s side, waiting for layer 1",
		    s->name, s->kind->name, s->driver->name,
		    s->cfg.side == CFG_SIDE_USER ? "user" : "network");
	}
	return 0;
}

void
span_close_all(void)
{
	struct span *s, *next;

	for (s = spans; s != NULL; s = next) {
		next = s->next;
		span_held_unlist(s);		/* lost, as on a cut line */
		evbuffer_free(s->d_held);
		s->driver->close(s);
		if (s->pri_timer != NULL)
			event_free(s->pri_timer);
		free(s->cfg.country);
		free(s->cfg.caller_id);
		free(s->name);
		free(s);	/* its struct pri leaks: libpri 1.6 has no free */
	}
	spans = NULL;
}

struct span *
span_find(const char *name)
{
	for (struct span *s = spans; s != NULL; s = s->next)
		if (strcmp(s->name, name) == 0)
			return s;
	return NULL;
}

const char *
span_cfg_differs(const struct span *s, const struct cfg_span *cs)
{
	if (cs->type != s->cfg.type)
		return "type";
	if (cfg_span_switch(cs) != cfg_span_switch(&s->cfg))
		return "switchtype";
	if (cs->side != s->cfg.side)
		return "side";
	if (cs->dahdi_span != s->cfg.dahdi_span)
		return "dahdi_span";
	return cs->driver != s->cfg.driver ? "driver" : NULL;
}

int
span_chan_valid(const struct span *s, int ch)
{
	return ch >= 1 && ch <= s->kind->last && ch != s->kind->dchan;
}

int
span_chan_offset(const struct span *s, int ch)
{
	return (ch - s->kind->first_ts) * SPAN_SAMPLES;
}

int
span_channels(const struct span *s)
{
	return s->kind->channels;
}

int
span_in_use(const struct span *s)
{
	int n = 0;

	for (int ch = 1; ch < SPAN_TIMESLOTS; ch++)
		if (s->chan[ch].state != CHAN_IDLE)
			n++;
	return n;
}

const char *
span_l1_name(const struct span *s)
{
	return s->l1_up ? "up" : "down";
}

const char *
span_l2_name(const struct span *s)
{
	return s->l2_up ? "up" : "down";
}

/* Writes the span's state to the event table and tells supervisors. */
static void
span_record_state(struct span *s, const char *why)
{
	struct db_event	 ev = {
		.ts_ms = clock_wall_ms(), .kind = EV_SPAN_STATE,
		.state = s->l1_up ? (s->l2_up ? "up" : "l2-down") : "down",
	};

	evlog_add(&ev, json_pack("{s:s,s:s}", "span", s->name, "why", why));
	span_hooks.changed(s);
}

void
span_l1_up(struct span *s)
{
	s->l1_up = 1;
	s->l1_why[0] = '\0';
	s->last_block_us = 0;		/* no gap across a reconnection */
	log_info("span %s: layer 1 up", s->name);
	span_record_state(s, "layer 1 up");
	span_dchan->start(s);
}

/* Layer 1 lost (vspan.md "Sockets"): clear every call on the span at once;
 * libpri may never report the D channel down. */
void
span_l1_down(struct span *s, const char *why)
{
	if (!s->l1_up)
		return;
	s->l1_up = 0;
	snprintf(s->l1_why, sizeof s->l1_why, "%s", why);
	/* held frames belong to the link that went: never to the next one */
	evbuffer_drain(s->d_held, evbuffer_get_length(s->d_held));
	s->l2_up = 0;
	log_warn("span %s: layer 1 down (%s): clearing %d calls", s->name,
	    why, span_in_use(s));
	span_dchan->l1_lost(s);
	for (int ch = 1; ch < SPAN_TIMESLOTS; ch++) {
		struct span_chan *c = &s->chan[ch];

		if (c->call != NULL)
			span_hooks.end(c->call, CAUSE_NET_OUT_OF_ORDER,
			    DB_CLEARED_LINK, "layer 1 down");
		span_chan_set(c, CHAN_IDLE, NULL, NULL);
	}
	span_record_state(s, why);
	span_hooks.idle();
}

void
span_l1_still_down(struct span *s, const char *why)
{
	if (s->l1_up || strcmp(s->l1_why, why) == 0)
		return;
	snprintf(s->l1_why, sizeof s->l1_why, "%s", why);
	log_warn("span %s: layer 1 down (%s)", s->name, why);
	span_record_state(s, why);
}

void
span_set_l2(struct span *s, int up)
{
	s->l2_up = up;
	span_record_state(s, up ? "D channel up" : "D channel down");
}

void
span_d_readable(struct span *s)
{
	span_dchan->poll(s);
}

void
span_b_block(struct span *s, const uint8_t *rx, uint8_t *tx)
{
	uint64_t t0 = clock_mono_us();

	s->blocks_rx++;
	if (s->last_block_us != 0)
		tickstat_add(&s->gap, t0 - s->last_block_us);
	s->last_block_us = t0;
	span_hooks.block(s, rx, tx);
	tickstat_add(&s->work, clock_mono_us() - t0);
}

void
span_chan_set(struct span_chan *c, enum chan_state st, struct q931_call *pc,
    struct call *call)
{
	if (call != c->call || call == NULL)
		c->out = 0;
	c->state = st;
	c->pri_call = pc;
	c->call = call;
}

void
span_chan_set_out(struct span_chan *c)
{
	c->out = 1;
}

void
span_chan_set_state(struct span_chan *c, enum chan_state st)
{
	c->state = st;
}

struct call *
span_chan_take_call(struct span_chan *c)
{
	struct call *call = c->call;

	c->call = NULL;
	return call;
}

void
span_chan_move(struct span *s, int old, int ch)
{
	s->chan[ch] = s->chan[old];
	span_chan_set(&s->chan[old], CHAN_IDLE, NULL, NULL);
}

void
span_set_pri(struct span *s, struct pri *pri, struct event *timer)
{
	s->pri = pri;
	s->pri_timer = timer;
}

void
span_set_hooks(const struct span_hooks *h)
{
	span_hooks = *h;
}

void
span_set_dchan(const struct span_dchan *d)
{
	span_dchan = d;
}

void
span_block_bad(struct span *s)
{
	s->blocks_bad++;
}

void
span_block_sent(struct span *s, int ok)
{
	if (ok)
		s->blocks_tx++;
	else
		s->blocks_dropped++;
}
