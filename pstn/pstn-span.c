/* pstn-span.c: the network side of one virtual E1 span (docs/vspan.md):
 * connects to the core's two sockets, runs libpri as the network on the D
 * socket, and is the clock: one 5120-byte block every 20 ms on the B
 * socket, whatever happens, never blocking on a full socket. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/un.h>
#include "clock.h"
#include "log.h"
#include "prisched.h"
#include "pstn.h"

#define TICK_US 20000

static int
pspan_sock(const char *name, const char *suffix)
{
	struct sockaddr_un	sun = { .sun_family = AF_UNIX };
	int			fd;

	snprintf(sun.sun_path, sizeof sun.sun_path, "%s/span-%s.%s",
	    opts.run_dir, name, suffix);
	fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
	if (fd < 0 || connect(fd, (struct sockaddr *)&sun, sizeof sun) != 0) {
		if (fd >= 0)
			close(fd);
		return -1;
	}
	return fd;
}

void
pspan_schedule(struct pstn_span *s)
{
	if (s->pri != NULL)
		prisched_arm(s->pri, s->pri_timer);
}

static void
pspan_pri_timer_cb(evutil_socket_t fd, short what, void *arg)
{
	struct pstn_span	*s = arg;
	struct pri		*p = s->pri;
	pri_event		*e;

	while (p != NULL && p == s->pri && (e = pri_schedule_run(p)) != NULL)
		pcall_event(s, e);
	pspan_schedule(s);
}

static void
pspan_d_cb(evutil_socket_t fd, short what, void *arg)
{
	struct pstn_span	*s = arg;
	pri_event		*e;
	char			 c;
	ssize_t			 n;

	for (int i = 0; i < 64 && s->up; i++) {
		n = recv(fd, &c, 1, MSG_PEEK | MSG_DONTWAIT);
		if (n == 0 || (n < 0 && errno != EAGAIN)) {
			pspan_cut(s, "the core closed the D channel");
			return;
		}
		if (n < 0)
			break;
		if ((e = pri_check_event(s->pri)) != NULL)
			pcall_event(s, e);
	}
	pspan_schedule(s);
}

static void
pspan_b_cb(evutil_socket_t fd, short what, void *arg)
{
	struct pstn_span	*s = arg;
	uint8_t			 buf[PSTN_BLOCK + 1];
	ssize_t			 n;

	for (;;) {
		n = recv(fd, buf, sizeof buf, MSG_DONTWAIT | MSG_TRUNC);
		if (n == 0 || (n < 0 && errno != EAGAIN)) {
			pspan_cut(s, "the core closed the B channels");
			return;
		}
		if (n < 0)
			return;
		if (n != PSTN_BLOCK) {
			stats.blocks_bad++;
			continue;
		}
		stats.blocks_rx++;
		for (int ch = 1; ch < PSTN_TS; ch++)
			if (s->chan[ch] != NULL)
				pcall_audio_in(s->chan[ch], buf + ch * PSTN_SAMPLES);
	}
}

static void
pspan_send_block(struct pstn_span *s)
{
	uint8_t block[PSTN_BLOCK];

	memset(block, 0xD5, sizeof block);
	for (int ch = 1; ch < PSTN_TS; ch++)
		if (s->chan[ch] != NULL && ch != 16)
			pcall_audio_out(s->chan[ch], block + ch * PSTN_SAMPLES);
	if (send(s->fd_b, block, sizeof block, MSG_DONTWAIT | MSG_NOSIGNAL) < 0)
		stats.blocks_dropped++;
	else
		stats.blocks_tx++;
}

/* The clock: catches up with a burst if the loop fell behind. */
static void
pspan_clock_cb(evutil_socket_t fd, short what, void *arg)
{
	struct pstn_span	*s = arg;
	uint64_t		 now = clock_mono_us();
	struct timeval		 tv;

	while (s->up && now >= s->next_tick) {
		pspan_send_block(s);
		s->next_tick += TICK_US;
	}
	if (!s->up)
		return;
	tv.tv_sec = 0;
	tv.tv_usec = s->next_tick - now;
	evtimer_add(s->clock, &tv);
}

static void
pspan_message_cb(struct pri *p, char *m)
{
	log_debug("libpri: %s", m);
}

/* Connects both sockets and starts a fresh libpri (no pri_destroy in
 * libpri 1.6.0: an abandoned instance is never touched again). */
int
pspan_connect(struct pstn_span *s)
{
	pri_set_message(pspan_message_cb);
	pri_set_error(pspan_message_cb);
	if ((s->fd_d = pspan_sock(s->name, "d")) < 0)
		return -1;
	if ((s->fd_b = pspan_sock(s->name, "b")) < 0) {
		close(s->fd_d);
		return -1;
	}
	evutil_make_socket_nonblocking(s->fd_d);
	evutil_make_socket_nonblocking(s->fd_b);
	s->up = 1;
	s->l2_up = 0;
	s->pri = pri_new(s->fd_d, PRI_NETWORK, PRI_SWITCH_EUROISDN_E1);
	if (s->pri == NULL)
		return -1;
	if (s->pri_timer == NULL) {
		s->pri_timer = evtimer_new(base, pspan_pri_timer_cb, s);
		s->clock = evtimer_new(base, pspan_clock_cb, s);
	}
	s->ev_d = event_new(base, s->fd_d, EV_READ | EV_PERSIST, pspan_d_cb, s);
	s->ev_b = event_new(base, s->fd_b, EV_READ | EV_PERSIST, pspan_b_cb, s);
	event_add(s->ev_d, NULL);
	event_add(s->ev_b, NULL);
	s->next_tick = clock_mono_us();
	pspan_clock_cb(-1, 0, s);
	pspan_schedule(s);
	log_info("span %s: connected", s->name);
	return 0;
}

/* Layer 1 gone: every call on the span ends at once. */
void
pspan_cut(struct pstn_span *s, const char *why)
{
	if (!s->up)
		return;
	log_info("span %s: %s", s->name, why);
	s->up = 0;
	s->l2_up = 0;
	event_free(s->ev_d);
	event_free(s->ev_b);
	evtimer_del(s->pri_timer);
	evtimer_del(s->clock);
	close(s->fd_d);
	close(s->fd_b);
	s->pri = NULL;
	for (int ch = 1; ch < PSTN_TS; ch++) {
		if (s->chan[ch] == NULL)
			continue;
		s->chan[ch]->c = NULL;
		pcall_end(s->chan[ch], 0, "link", "link");
		pcall_release_chan(s, ch);
	}
	pstn_check_done();
}

int
pspan_free_channel(struct pstn_span *s)
{
	for (int ch = 31; ch >= 1; ch--)
		if (ch != 16 && s->chan[ch] == NULL)
			return ch;
	return -1;
}

int
pspan_all_up(void)
{
	for (int i = 0; i < nspans; i++)
		if (!spans[i].l2_up)
			return 0;
	return 1;
}
