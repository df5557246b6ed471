/* span-dahdi.c: the DAHDI span driver, for a port of a real E1 or T1 PRA
 * card (docs/HARDWARE.md). The D-channel is a DAHDI HDLC channel (hardhdlc
 * or dchan in /etc/dahdi/system.conf) that libpri reads and writes one
 * frame at a time, FCS bytes included, as on a vspan D socket; each
 * B-channel is a DAHDI clear channel read and written in 160-byte blocks
 * of the span's law. The card is the clock: when the first B-channel has
 * a block, every channel's block is read, the span's block handed up
 * (span_b_block) and the answer written. Layer 1 is the span's alarm
 * state (DAHDI_SPANSTAT): up with no alarm, down, with the alarms named,
 * when the card reports one. D frames come once the loop pass's rows are
 * committed (span.c holds them). Channel numbers and the system.conf text
 * are lib/dahdi.c's. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <dahdi/user.h>
#include <event2/event.h>
#include "core.h"
#include "dahdi.h"
#include "log.h"
#include "span.h"
#include "xmalloc.h"

_Static_assert(CZ_DAHDI_ALARM_RED == DAHDI_ALARM_RED &&
    CZ_DAHDI_ALARM_YELLOW == DAHDI_ALARM_YELLOW &&
    CZ_DAHDI_ALARM_BLUE == DAHDI_ALARM_BLUE &&
    CZ_DAHDI_ALARM_LOOPBACK == DAHDI_ALARM_LOOPBACK &&
    CZ_DAHDI_ALARM_RECOVER == DAHDI_ALARM_RECOVER &&
    CZ_DAHDI_ALARM_NOTOPEN == DAHDI_ALARM_NOTOPEN &&
    CZ_DAHDI_ALARM_LOS == DAHDI_ALARM_LOS &&
    CZ_DAHDI_ALARM_LFA == DAHDI_ALARM_LFA &&
    CZ_DAHDI_ALARM_LMFA == DAHDI_ALARM_LMFA, "DAHDI alarm bits");

#define DAHDI_DEV	"/dev/dahdi/channel"
#define DAHDI_MAX_FRAME	1024	/* the D-channel's buffer size */

struct dahdi {
	struct span	*span;
	int		 base;			/* DAHDI channel of timeslot 1 */
	int		 dfd;			/* the D-channel */
	int		 bfd[SPAN_TIMESLOTS];	/* by timeslot, -1 = none */
	int		 clock_ts;		/* whose blocks tick the span */
	int		 alarms;		/* DAHDI_ALARM_* bits, -1 unread */
	int		 event_pending;		/* seen by dahdi_d_read() */
	struct event	*dev, *bev;
	uint64_t	 short_reads;
};

/* Opens DAHDI channel CHAN; -1 with err. */
static int
dahdi_open_chan(struct span *s, int chan, char *err, size_t errlen)
{
	int fd = open(DAHDI_DEV, O_RDWR | O_NONBLOCK | O_CLOEXEC);

	if (fd < 0) {
		snprintf(err, errlen, "span %s: %s: %s (is DAHDI loaded? "
		    "docs/HARDWARE.md)", s->name, DAHDI_DEV, strerror(errno));
		return -1;
	}
	if (ioctl(fd, DAHDI_SPECIFY, &chan) != 0) {
		snprintf(err, errlen, "span %s: DAHDI channel %d: %s (was "
		    "`dahdi_cfg` run? docs/HARDWARE.md)", s->name, chan,
		    strerror(errno));
		close(fd);
		return -1;
	}
	return fd;
}

/* The channel must be where lib/dahdi.c computed, and configured as a
 * D-channel (DCHAN) or a B-channel (system.conf from `centrala core
 * --dahdi-conf`). */
static int
dahdi_check_chan(struct span *s, int fd, int chan, int ts, int dchan,
    char *err, size_t errlen)
{
	struct dahdi_params p;

	memset(&p, 0, sizeof p);
	p.channo = chan;
	if (ioctl(fd, DAHDI_GET_PARAMS, &p) != 0) {
		snprintf(err, errlen, "span %s: DAHDI channel %d: %s", s->name,
		    chan, strerror(errno));
		return -1;
	}
	if (p.spanno != s->cfg.dahdi_span || p.chanpos != ts) {
		snprintf(err, errlen, "span %s: DAHDI channel %d is timeslot %d "
		    "of DAHDI span %d, not timeslot %d of span %d: the spans "
		    "below it are not as configured (docs/HARDWARE.md)",
		    s->name, chan, p.chanpos, p.spanno, ts, s->cfg.dahdi_span);
		return -1;
	}
	if (dchan ? p.sigtype != DAHDI_SIG_HDLCFCS &&
	    p.sigtype != DAHDI_SIG_HARDHDLC : p.sigtype != DAHDI_SIG_CLEAR) {
		snprintf(err, errlen, "span %s: DAHDI channel %d is not a %s "
		    "channel in /etc/dahdi/system.conf (write it with `centrala "
		    "core --dahdi-conf`, then `dahdi_cfg -vv`)", s->name, chan,
		    dchan ? "hardhdlc or dchan" : "bchan");
		return -1;
	}
	return 0;
}

/* The card's port must be the [span]'s type (E1 or T1). */
static int
dahdi_check_port(struct span *s, int fd, char *err, size_t errlen)
{
	struct dahdi_spaninfo	si;
	char			type[sizeof si.spantype + 1], why[512];

	memset(&si, 0, sizeof si);
	si.spanno = s->cfg.dahdi_span;
	if (ioctl(fd, DAHDI_SPANSTAT, &si) != 0) {
		snprintf(err, errlen, "span %s: DAHDI span %d: %s (is there "
		    "such a span? dahdi_scan)", s->name, s->cfg.dahdi_span,
		    strerror(errno));
		return -1;
	}
	memcpy(type, si.spantype, sizeof si.spantype);
	type[sizeof si.spantype] = '\0';
	if (dahdi_check_card(&s->cfg, si.totalchans, type, why,
	    sizeof why) != 0) {
		snprintf(err, errlen, "span %s: %s", s->name, why);
		return -1;
	}
	return 0;
}

static int
dahdi_bufs(int fd, int n, int size)
{
	struct dahdi_bufferinfo bi;

	memset(&bi, 0, sizeof bi);
	bi.txbufpolicy = DAHDI_POLICY_IMMEDIATE;
	bi.rxbufpolicy = DAHDI_POLICY_IMMEDIATE;
	bi.numbufs = n;
	bi.bufsize = size;
	return ioctl(fd, DAHDI_SET_BUFINFO, &bi);
}

/* Reads the span's alarms and moves layer 1 with them. */
static void
dahdi_alarm_state(struct span *s)
{
	struct dahdi		*d = s->drv;
	struct dahdi_spaninfo	 si;
	char			 text[256], why[300];
	enum dahdi_alarm_step	 step;

	memset(&si, 0, sizeof si);
	si.spanno = s->cfg.dahdi_span;
	if (ioctl(d->dfd, DAHDI_SPANSTAT, &si) != 0) {	/* unusable */
		if (d->alarms != DAHDI_ALARM_NOTOPEN)
			log_warn("span %s: DAHDI_SPANSTAT: %s", s->name,
			    strerror(errno));
		si.alarms = DAHDI_ALARM_NOTOPEN;
	}
	step = dahdi_alarm_step(d->alarms, s->l1_up, si.alarms);
	d->alarms = si.alarms;
	snprintf(why, sizeof why, "alarm: %s",
	    dahdi_alarm_text(si.alarms, text, sizeof text));
	switch (step) {
	case DAHDI_STEP_UP:
		span_l1_up(s);
		break;
	case DAHDI_STEP_DOWN:
		span_l1_down(s, why);
		break;
	case DAHDI_STEP_STILL_DOWN:
		span_l1_still_down(s, why);
		break;
	case DAHDI_STEP_NONE:
		break;
	}
}

/* Takes the channel's pending events; an alarm one rereads the span's. */
static void
dahdi_events(struct span *s, int fd)
{
	int	e;

	while (ioctl(fd, DAHDI_GETEVENT, &e) == 0 && e != 0) {
		switch (e) {
		case DAHDI_EVENT_ALARM:
		case DAHDI_EVENT_NOALARM:
			dahdi_alarm_state(s);
			break;
		case DAHDI_EVENT_BADFCS:
		case DAHDI_EVENT_ABORT:
		case DAHDI_EVENT_OVERRUN:
			log_debug("span %s: D-channel event %d", s->name, e);
			break;
		default:
			break;
		}
	}
}

/* One D frame, FCS bytes included; 0 = nothing (libpri's convention). A
 * pending DAHDI event makes read() fail with ELAST: it is taken once
 * libpri is out of its read (an alarm may take layer 1 down). */
static int
dahdi_d_read(struct span *s, void *buf, int len)
{
	struct dahdi	*d = s->drv;
	ssize_t		 n = read(d->dfd, buf, len);

	if (n < 0 && errno == ELAST)
		d->event_pending = 1;
	return n > 0 ? (int)n : 0;
}

/* One D frame out (span.c held it until the commit). */
static void
dahdi_d_send(struct span *s, const void *buf, size_t len)
{
	struct dahdi *d = s->drv;

	if (s->l1_up && write(d->dfd, buf, len) < 0 && errno != EAGAIN)
		log_debug("span %s: D write: %s", s->name, strerror(errno));
}

static void
dahdi_d_cb(evutil_socket_t fd, short what, void *arg)
{
	struct span	*s = arg;
	struct dahdi	*d = s->drv;

	if (s->l1_up)
		span_d_readable(s);
	else	/* drained: no link to give it to */
		dahdi_d_read(s, (uint8_t[DAHDI_MAX_FRAME]){ 0 },
		    DAHDI_MAX_FRAME);
	if (d->event_pending) {
		d->event_pending = 0;
		dahdi_events(s, d->dfd);
	}
}

/* The card's 20 ms: every B-channel's block in, the span's out. A channel
 * with no block yet (or an event pending) is heard as silence. */
static void
dahdi_tick_cb(evutil_socket_t fd, short what, void *arg)
{
	struct span	*s = arg;
	struct dahdi	*d = s->drv;
	uint8_t		 rx[SPAN_BLOCK], tx[SPAN_BLOCK];
	struct pollfd	 pfd = { .fd = d->dfd, .events = POLLPRI };
	int		 ok = 1;

	if (d->alarms == -1)		/* the first tick: the span's state */
		dahdi_alarm_state(s);
	if (poll(&pfd, 1, 0) == 1 && (pfd.revents & POLLPRI))
		dahdi_events(s, d->dfd);
	memset(rx, s->kind->idle, s->kind->block);
	for (int ts = 1; ts < SPAN_TIMESLOTS; ts++) {
		ssize_t n;

		if (d->bfd[ts] < 0)
			continue;
		n = read(d->bfd[ts], rx + span_chan_offset(s, ts),
		    SPAN_SAMPLES);
		if (n < 0 && errno == ELAST)
			dahdi_events(s, d->bfd[ts]);
		if (n != SPAN_SAMPLES) {
			memset(rx + span_chan_offset(s, ts), s->kind->idle,
			    SPAN_SAMPLES);
			if (ts == d->clock_ts && n < 0)
				return;		/* nothing after all */
			d->short_reads++;
		}
	}
	if (!s->l1_up)
		return;
	span_b_block(s, rx, tx);
	for (int ts = 1; ts < SPAN_TIMESLOTS; ts++)
		if (d->bfd[ts] >= 0 && write(d->bfd[ts], tx +
		    span_chan_offset(s, ts), SPAN_SAMPLES) != SPAN_SAMPLES)
			ok = 0;
	span_block_sent(s, ok);
}

static int
dahdi_open_b(struct span *s, int ts, char *err, size_t errlen)
{
	struct dahdi	*d = s->drv;
	int		 chan = dahdi_channel(d->base, ts), fd;
	int		 size = SPAN_SAMPLES;
	int		 law = s->cfg.type == CFG_SPAN_T1 ? DAHDI_LAW_MULAW :
			    DAHDI_LAW_ALAW;

	if ((fd = dahdi_open_chan(s, chan, err, errlen)) < 0)
		return -1;
	d->bfd[ts] = fd;
	if (dahdi_check_chan(s, fd, chan, ts, 0, err, errlen) != 0)
		return -1;
	if (ioctl(fd, DAHDI_SET_BLOCKSIZE, &size) != 0 ||
	    ioctl(fd, DAHDI_SETLAW, &law) != 0 || dahdi_bufs(fd, 4,
	    SPAN_SAMPLES) != 0) {
		snprintf(err, errlen, "span %s: DAHDI channel %d: block size, "
		    "law or buffers: %s", s->name, chan, strerror(errno));
		return -1;
	}
	return 0;
}

static int
dahdi_open(struct span *s, char *err, size_t errlen)
{
	struct dahdi	*d = xcalloc(1, sizeof *d);
	int		 dts = dahdi_dchan_ts(s->cfg.type), dchan;

	s->drv = d;
	d->span = s;
	d->dfd = -1;
	for (int ts = 0; ts < SPAN_TIMESLOTS; ts++)
		d->bfd[ts] = -1;
	d->base = dahdi_span_base(core.cfg, s->cfg.dahdi_span);
	if (d->base < 0) {
		snprintf(err, errlen, "span %s: DAHDI span %d: the spans below "
		    "it are not configured", s->name, s->cfg.dahdi_span);
		return -1;
	}
	dchan = dahdi_channel(d->base, dts);
	if ((d->dfd = dahdi_open_chan(s, dchan, err, errlen)) < 0 ||
	    dahdi_check_port(s, d->dfd, err, errlen) != 0 ||
	    dahdi_check_chan(s, d->dfd, dchan, dts, 1, err, errlen) != 0)
		return -1;
	if (dahdi_bufs(d->dfd, 32, DAHDI_MAX_FRAME) != 0) {
		snprintf(err, errlen, "span %s: DAHDI D-channel %d buffers: %s",
		    s->name, dchan, strerror(errno));
		return -1;
	}
	for (int i = 0; dahdi_bchan_ts(s->cfg.type, i) > 0; i++)
		if (dahdi_open_b(s, dahdi_bchan_ts(s->cfg.type, i), err,
		    errlen) != 0)
			return -1;
	d->clock_ts = dahdi_bchan_ts(s->cfg.type, 0);
	d->dev = event_new(core.base, d->dfd, EV_READ | EV_PERSIST,
	    dahdi_d_cb, s);
	d->bev = event_new(core.base, d->bfd[d->clock_ts], EV_READ |
	    EV_PERSIST, dahdi_tick_cb, s);
	event_add(d->dev, NULL);
	event_add(d->bev, NULL);
	log_info("span %s: DAHDI span %d, channels %d-%d, D-channel %d",
	    s->name, s->cfg.dahdi_span, d->base, dahdi_channel(d->base,
	    dahdi_span_chans(s->cfg.type)), dchan);
	d->alarms = -1;
	return 0;
}

static void
dahdi_close(struct span *s)
{
	struct dahdi *d = s->drv;

	if (d == NULL)
		return;
	if (d->short_reads > 0)
		log_info("span %s: %llu B-channel blocks were short (heard as "
		    "silence)", s->name, (unsigned long long)d->short_reads);
	if (d->dev != NULL)
		event_free(d->dev);
	if (d->bev != NULL)
		event_free(d->bev);
	if (d->dfd >= 0)
		close(d->dfd);
	for (int ts = 0; ts < SPAN_TIMESLOTS; ts++)
		if (d->bfd[ts] >= 0)
			close(d->bfd[ts]);
	free(d);
	s->drv = NULL;
}

const struct span_driver span_driver_dahdi = {
	.name = "dahdi",
	.open = dahdi_open,
	.close = dahdi_close,
	.d_read = dahdi_d_read,
	.d_send = dahdi_d_send,
};
