/* pstn-span.c: the network side of one virtual E1 or T1 span
 * (docs/vspan.md): connects to the core's two sockets (retrying until
 * --connect-timeout), runs libpri as the network on the D socket (EuroISDN
 * on E1, NI2 on T1), and is the span's clock: one block every 20 ms on the
 * B socket (E1: 5120 bytes of A-law; T1: 3840 of mu-law, timeslot t at
 * (t-1)*160; the calls' audio is A-law, converted here by G.711's own
 * A-law <-> mu-law tables) from the moment it connects,
 * catching up in a burst if the loop fell behind, never blocking (a block
 * the socket will not take is dropped and counted). A new connection gets
 * a fresh struct pri; the old one is abandoned, never touched again
 * (libpri 1.6.0 has no pri_destroy). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <spandsp.h>
#include "clock.h"
#include "log.h"
#include "prisched.h"
#include "pstn-call.h"
#include "pstn-main.h"
#include "pstn-opts.h"
#include "pstn-report.h"
#include "pstn-span.h"
#include "xmalloc.h"

#define PSTN_SPAN_TICK_US	20000
#define PSTN_SPAN_RETRY_US	100000
#define PSTN_SPAN_MIN_FRAME	5	/* address, control, 1 octet, 2 FCS */
#define PSTN_SPAN_IDLE		0xD5	/* A-law silence */
#define PSTN_SPAN_T1_IDLE	0xFF	/* mu-law silence */

static struct pstn_span	**pstn_spans;
static int		  pstn_nspans;

static void	pstn_span_retry_cb(evutil_socket_t, short, void *);
static void	pstn_span_deadline_cb(evutil_socket_t, short, void *);
static void	pstn_span_pri_cb(evutil_socket_t, short, void *);
static void	pstn_span_clock_cb(evutil_socket_t, short, void *);

struct pstn_span *
pstn_span_add(const char *name, int t1)
{
	struct pstn_span	*s = xcalloc(1, sizeof *s);
	struct event_base	*base = pstn_main_base();

	s->name = xstrdup(name);
	s->t1 = t1;
	s->fd_d = s->fd_b = -1;
	s->ev_retry = evtimer_new(base, pstn_span_retry_cb, s);
	s->ev_deadline = evtimer_new(base, pstn_span_deadline_cb, s);
	s->ev_pri = evtimer_new(base, pstn_span_pri_cb, s);
	s->ev_clock = evtimer_new(base, pstn_span_clock_cb, s);
	pstn_spans = xrealloc(pstn_spans, (pstn_nspans + 1) * sizeof s);
	pstn_spans[pstn_nspans++] = s;
	return s;
}

struct pstn_span *
pstn_span_at(int i)
{
	return pstn_spans[i];
}

int
pstn_span_count(void)
{
	return pstn_nspans;
}

int
pstn_span_all_up(void)
{
	for (int i = 0; i < pstn_nspans; i++)
		if (pstn_spans[i]->state != SPAN_L2)
			return 0;
	return 1;
}

static void
pstn_span_after(struct event *ev, uint64_t us)
{
	struct timeval tv = { (time_t)(us / 1000000), (suseconds_t)(us % 1000000) };

	evtimer_add(ev, &tv);
}

static const char *
pstn_span_state_name(enum pstn_span_state st)
{
	static const char *const names[] = { "down", "connecting",
	    "layer 1 up", "D channel up" };

	return names[st];
}

/* Every change of the span's state goes through here and is logged. */
static void
pstn_span_set_state(struct pstn_span *s, enum pstn_span_state st,
    const char *why)
{
	if (s->state == st)
		return;
	log_info("span %s: %s -> %s (%s)", s->name,
	    pstn_span_state_name(s->state), pstn_span_state_name(st), why);
	s->state = st;
}

/* libpri's next timer, after anything that may have started one. */
void
pstn_span_schedule(struct pstn_span *s)
{
	if (s->pri != NULL)
		prisched_arm(s->pri, s->ev_pri);
}

int
pstn_span_chan_valid(const struct pstn_span *s, int ch)
{
	return s->t1 ? ch >= 1 && ch <= 23 : ch >= 1 && ch < PSTN_SPAN_TS &&
	    ch != 16;
}

/* Ours from the top (31 on E1, 23 on T1) downward, skipping 16; the core
 * takes them from 1 up. */
int
pstn_span_free_channel(struct pstn_span *s)
{
	for (int ch = PSTN_SPAN_TS - 1; ch >= 1; ch--)
		if (pstn_span_chan_valid(s, ch) && s->chan[ch] == NULL)
			return ch;
	return -1;
}

/* Calls on the span, ended or not. */
int
pstn_span_busy(const struct pstn_span *s)
{
	int n = 0;

	for (int ch = 1; ch < PSTN_SPAN_TS; ch++)
		n += s->chan[ch] != NULL;
	return n;
}

static int
pstn_span_sock(struct pstn_span *s, const char *suffix)
{
	struct sockaddr_un	sun = { .sun_family = AF_UNIX };
	int			fd;

	snprintf(sun.sun_path, sizeof sun.sun_path, "%s/span-%s.%s",
	    pstn_opts.run_dir, s->name, suffix);
	fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0)
		fatal("socket: %s", strerror(errno));
	if (connect(fd, (struct sockaddr *)&sun, sizeof sun) != 0) {
		s->connect_errno = errno;
		close(fd);
		return -1;
	}
	return fd;
}

/* A received frame: what libpri made of it. */
static void
pstn_span_event(struct pstn_span *s, pri_event *e)
{
	switch (e->e) {
	case PRI_EVENT_DCHAN_UP:
		pstn_span_set_state(s, SPAN_L2, "DCHAN_UP");
		evtimer_del(s->ev_deadline);
		pstn_main_l2_up();
		break;
	case PRI_EVENT_DCHAN_DOWN:
		if (s->state == SPAN_L2)
			pstn_span_set_state(s, SPAN_L1, "DCHAN_DOWN");
		break;
	default:
		pstn_call_event(s, e);
	}
}

static void
pstn_span_pri_cb(evutil_socket_t fd, short what, void *arg)
{
	struct pstn_span	*s = arg;
	struct pri		*p = s->pri;
	pri_event		*e;

	while (p != NULL && p == s->pri && (e = pri_schedule_run(p)) != NULL)
		pstn_span_event(s, e);
	pstn_span_schedule(s);
}

/* A frame waiting, dropped (too short, vspan.md "D socket"), or the end. */
static int
pstn_span_d_peek(struct pstn_span *s)
{
	char	c;
	ssize_t	n = recv(s->fd_d, &c, 1, MSG_PEEK | MSG_TRUNC | MSG_DONTWAIT);

	if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) {
		log_warn("span %s: the core closed the D channel%s%s", s->name,
		    n < 0 ? ": " : "", n < 0 ? strerror(errno) : "");
		pstn_span_cut(s, BY_CORE);
		return -1;
	}
	if (n > 0 && n < PSTN_SPAN_MIN_FRAME) {
		recv(s->fd_d, &c, 1, MSG_DONTWAIT);
		return 0;
	}
	return n > 0 ? 1 : -1;
}

static void
pstn_span_d_cb(evutil_socket_t fd, short what, void *arg)
{
	struct pstn_span	*s = arg;
	pri_event		*e;
	int			 r;

	for (int i = 0; i < 64 && s->pri != NULL; i++) {
		if ((r = pstn_span_d_peek(s)) < 0)
			break;
		if (r > 0 && (e = pri_check_event(s->pri)) != NULL)
			pstn_span_event(s, e);
	}
	pstn_span_schedule(s);
}

static void
pstn_span_b_cb(evutil_socket_t fd, short what, void *arg)
{
	struct pstn_span	*s = arg;
	uint8_t			 buf[PSTN_SPAN_BLOCK], alaw[PSTN_SPAN_SAMPLES];
	ssize_t			 n;

	while (s->state >= SPAN_L1) {
		n = recv(fd, buf, sizeof buf, MSG_DONTWAIT | MSG_TRUNC);
		if (n < 0 && (errno == EAGAIN || errno == EINTR))
			return;
		if (n <= 0) {
			log_warn("span %s: the core closed the B channels",
			    s->name);
			pstn_span_cut(s, BY_CORE);
			return;
		}
		if (n != (s->t1 ? PSTN_SPAN_T1_BLOCK : PSTN_SPAN_BLOCK)) {
			pstn_report_count(REPORT_BLOCKS_BAD);
			continue;
		}
		pstn_report_count(REPORT_BLOCKS_RX);
		for (int ch = 1; ch < PSTN_SPAN_TS; ch++) {
			if (!pstn_span_chan_valid(s, ch) || s->chan[ch] == NULL)
				continue;
			if (!s->t1) {
				pstn_call_audio_in(s->chan[ch],
				    buf + ch * PSTN_SPAN_SAMPLES);
				continue;
			}
			for (int i = 0; i < PSTN_SPAN_SAMPLES; i++)
				alaw[i] = ulaw_to_alaw(buf[(ch - 1) *
				    PSTN_SPAN_SAMPLES + i]);
			pstn_call_audio_in(s->chan[ch], alaw);
		}
	}
}

/* A T1 channel's audio, A-law from the calls, goes out in mu-law. */
static void
pstn_span_t1_out(struct pstn_span *s, int ch, uint8_t *block)
{
	uint8_t *p = block + (ch - 1) * PSTN_SPAN_SAMPLES;

	memset(p, PSTN_SPAN_IDLE, PSTN_SPAN_SAMPLES);
	pstn_call_audio_out(s->chan[ch], p);
	for (int i = 0; i < PSTN_SPAN_SAMPLES; i++)
		p[i] = alaw_to_ulaw(p[i]);
}

static void
pstn_span_send_block(struct pstn_span *s)
{
	uint8_t	block[PSTN_SPAN_BLOCK];
	size_t	len = s->t1 ? PSTN_SPAN_T1_BLOCK : PSTN_SPAN_BLOCK;

	memset(block, s->t1 ? PSTN_SPAN_T1_IDLE : PSTN_SPAN_IDLE, len);
	for (int ch = 1; ch < PSTN_SPAN_TS; ch++) {
		if (!pstn_span_chan_valid(s, ch) || s->chan[ch] == NULL)
			continue;
		if (s->t1)
			pstn_span_t1_out(s, ch, block);
		else
			pstn_call_audio_out(s->chan[ch],
			    block + ch * PSTN_SPAN_SAMPLES);
	}
	if (send(s->fd_b, block, len, MSG_DONTWAIT | MSG_NOSIGNAL) ==
	    (ssize_t)len)
		pstn_report_count(REPORT_BLOCKS_TX);
	else
		pstn_report_count(REPORT_BLOCKS_DROPPED);
}

/* The clock: every block due by now (a burst after a stall), then sleep
 * until the next is due. Media only: nothing else runs on this tick. */
static void
pstn_span_clock_cb(evutil_socket_t fd, short what, void *arg)
{
	struct pstn_span	*s = arg;
	uint64_t		 now = clock_mono_us();

	if (s->state < SPAN_L1)
		return;
	while (now >= s->next_tick_us) {
		pstn_span_send_block(s);
		s->next_tick_us += PSTN_SPAN_TICK_US;
	}
	pstn_span_after(s->ev_clock, s->next_tick_us - now);
}

/* Both sockets connected: layer 1 up, the clock starts, then libpri
 * (whose pri_new() sends SABME at once). */
static void
pstn_span_l1_up(struct pstn_span *s, int fd_d, int fd_b)
{
	struct event_base *base = pstn_main_base();

	s->fd_d = fd_d;
	s->fd_b = fd_b;
	pstn_span_set_state(s, SPAN_L1, "both sockets connected");
	if (s->ev_d != NULL) {		/* the last connection's */
		event_free(s->ev_d);
		event_free(s->ev_b);
	}
	s->ev_d = event_new(base, fd_d, EV_READ | EV_PERSIST, pstn_span_d_cb, s);
	s->ev_b = event_new(base, fd_b, EV_READ | EV_PERSIST, pstn_span_b_cb, s);
	event_add(s->ev_d, NULL);
	event_add(s->ev_b, NULL);
	/* Every span's clock on one 20 ms grid: their timers fall due
	 * together, so one wake-up here (and in the core) serves all spans. */
	s->next_tick_us = clock_mono_us() / PSTN_SPAN_TICK_US *
	    PSTN_SPAN_TICK_US + PSTN_SPAN_TICK_US;
	pstn_span_clock_cb(-1, 0, s);
	if ((s->pri = pri_new(fd_d, PRI_NETWORK, s->t1 ? PRI_SWITCH_NI2 :
	    PRI_SWITCH_EUROISDN_E1)) == NULL)
		fatal("span %s: pri_new failed", s->name);
	pstn_span_schedule(s);
}

static void
pstn_span_try(struct pstn_span *s)
{
	int fd_d, fd_b = -1;

	if ((fd_d = pstn_span_sock(s, "d")) >= 0 &&
	    (fd_b = pstn_span_sock(s, "b")) >= 0) {
		pstn_span_l1_up(s, fd_d, fd_b);
		return;
	}
	if (fd_d >= 0)
		close(fd_d);
	pstn_span_after(s->ev_retry, PSTN_SPAN_RETRY_US);
}

static void
pstn_span_retry_cb(evutil_socket_t fd, short what, void *arg)
{
	struct pstn_span *s = arg;

	if (s->state == SPAN_CONNECTING && !pstn_main_stopping())
		pstn_span_try(s);
}

/* Connects now or (later) on the retry timer, and wants the D channel up
 * within --connect-timeout (a deadline already running, after a drop
 * before layer 2, is kept). */
static void
pstn_span_start(struct pstn_span *s, int later)
{
	if (s->state != SPAN_DOWN)
		return;
	pstn_span_set_state(s, SPAN_CONNECTING, later ? "again" :
	    pstn_opts.run_dir);
	s->connect_errno = 0;
	if (!evtimer_pending(s->ev_deadline, NULL))
		pstn_span_after(s->ev_deadline,
		    (uint64_t)(pstn_opts.connect_timeout * 1e6));
	if (later)
		pstn_span_after(s->ev_retry, PSTN_SPAN_RETRY_US);
	else
		pstn_span_try(s);
}

void
pstn_span_connect(struct pstn_span *s)
{
	pstn_span_start(s, 0);
}

static void
pstn_span_deadline_cb(evutil_socket_t fd, short what, void *arg)
{
	struct pstn_span *s = arg;

	if (s->state == SPAN_L2)
		return;
	if (s->state == SPAN_L1)
		pstn_main_fail("span %s: the D channel did not come up within "
		    "%gs", s->name, pstn_opts.connect_timeout);
	else
		pstn_main_fail("span %s: cannot connect to %s/span-%s.d and .b "
		    "within %gs (%s): is the core running?", s->name,
		    pstn_opts.run_dir, s->name, pstn_opts.connect_timeout,
		    strerror(s->connect_errno));
	evtimer_del(s->ev_retry);
	if (s->state == SPAN_CONNECTING)
		pstn_span_set_state(s, SPAN_DOWN, "gave up");
}

/* Layer 1 down, by us (--cut-after) or by the core: the sockets close,
 * libpri's instance is abandoned, every call on the span ends at once.
 * When the core did it, we connect again (it may be restarting), from the
 * retry timer: this may run inside the socket's own callback. */
void
pstn_span_cut(struct pstn_span *s, enum pstn_by by)
{
	if (s->state == SPAN_CONNECTING) {
		evtimer_del(s->ev_retry);
		pstn_span_set_state(s, SPAN_DOWN, "cut while connecting");
	}
	if (s->state == SPAN_DOWN)
		return;
	event_del(s->ev_d);
	event_del(s->ev_b);
	evtimer_del(s->ev_pri);
	evtimer_del(s->ev_clock);
	close(s->fd_d);
	close(s->fd_b);
	s->fd_d = s->fd_b = -1;
	s->pri = NULL;
	s->restart_ch = 0;
	pstn_span_set_state(s, SPAN_DOWN, by == BY_PSTN ? "cable pulled" :
	    "the core closed");
	pstn_call_link_down(s, by);
	if (by == BY_CORE && !pstn_main_stopping())
		pstn_span_start(s, 1);
}
