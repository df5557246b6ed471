/* pstn-main.c: `centrala pstn`, the telco simulator, as a whole run:
 * connect every span, start the calls once every D channel is up, pull
 * and plug the cable when asked, stop (by --duration, a signal, or when
 * every call asked for has been placed and has ended: our calls are
 * cleared first, with 2 s for the releases), print the summary, and say
 * by the exit status whether it went as asked. One libevent loop. */
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "log.h"
#include "pstn-call.h"
#include "pstn-gen.h"
#include "pstn-main.h"
#include "pstn-opts.h"
#include "pstn-report.h"
#include "pstn-span.h"

#define PSTN_MAIN_GRACE_S	2	/* for the releases when stopping */

static struct {
	struct event_base	*base;
	struct event		*ev_check, *ev_grace;
	int			 ever_up;
	int			 stopping;
	int			 failed;
	int			 signalled;	/* stopped by hand: not short */
} pstn_main;

struct event_base *
pstn_main_base(void)
{
	return pstn_main.base;
}

int
pstn_main_stopping(void)
{
	return pstn_main.stopping;
}

static void
pstn_main_after(double s, event_callback_fn fn)
{
	struct timeval tv;

	tv.tv_sec = (time_t)s;
	tv.tv_usec = (suseconds_t)((s - (double)tv.tv_sec) * 1e6);
	event_base_once(pstn_main.base, -1, EV_TIMEOUT, fn, NULL, &tv);
}

/* Call records left on the spans, ended or not. */
static int
pstn_main_calls_left(void)
{
	int n = 0;

	for (int i = 0; i < pstn_span_count(); i++)
		n += pstn_span_busy(pstn_span_at(i));
	return n;
}

static void
pstn_main_grace_cb(evutil_socket_t fd, short what, void *arg)
{
	if (pstn_main_calls_left() > 0)
		log_warn("%d calls not released in %ds", pstn_main_calls_left(),
		    PSTN_MAIN_GRACE_S);
	event_base_loopexit(pstn_main.base, NULL);
}

/* Clears what is still going, then waits for the releases (or 2 s). */
static void
pstn_main_stop(const char *why)
{
	struct timeval tv = { PSTN_MAIN_GRACE_S, 0 };

	if (pstn_main.stopping)
		return;
	pstn_main.stopping = 1;
	log_info("stopping: %s", why);
	pstn_gen_stop();
	pstn_call_clear_all(PRI_CAUSE_NORMAL_CLEARING);
	evtimer_add(pstn_main.ev_grace, &tv);
	pstn_main_check();
}

void
pstn_main_fail(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "centrala pstn: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	pstn_main.failed = 1;
	pstn_main_stop("failure");
}

/* Whether the run is over: looked at from the loop, not inside events. */
void
pstn_main_check(void)
{
	event_active(pstn_main.ev_check, EV_TIMEOUT, 0);
}

static void
pstn_main_check_cb(evutil_socket_t fd, short what, void *arg)
{
	if (pstn_main.stopping) {
		if (pstn_main_calls_left() == 0)
			event_base_loopexit(pstn_main.base, NULL);
	} else if (pstn_opts.calls > 0 && pstn_opts.duration == 0 &&
	    pstn_gen_done())
		pstn_main_stop("every call placed and ended");
}

static void
pstn_main_duration_cb(evutil_socket_t fd, short what, void *arg)
{
	pstn_main_stop("--duration reached");
}

/* A second signal does not wait for the releases. */
static void
pstn_main_signal_cb(evutil_socket_t sig, short what, void *arg)
{
	if (pstn_main.stopping)
		event_base_loopexit(pstn_main.base, NULL);
	pstn_main.signalled = 1;
	pstn_main_stop(sig == SIGINT ? "SIGINT" : "SIGTERM");
}

static void
pstn_main_reconnect_cb(evutil_socket_t fd, short what, void *arg)
{
	log_info("--reconnect-after: plugging the cable back");
	for (int i = 0; i < pstn_span_count(); i++)
		pstn_span_connect(pstn_span_at(i));
}

static void
pstn_main_cut_cb(evutil_socket_t fd, short what, void *arg)
{
	log_info("--cut-after: pulling the cable");
	for (int i = 0; i < pstn_span_count(); i++)
		pstn_span_cut(pstn_span_at(i), BY_PSTN);
	if (pstn_opts.reconnect_after > 0)
		pstn_main_after(pstn_opts.reconnect_after, pstn_main_reconnect_cb);
	else
		pstn_main_stop("cable pulled");
}

static void
pstn_main_restart_cb(evutil_socket_t fd, short what, void *arg)
{
	if (pstn_call_restart_oldest() != 0)
		log_warn("--restart-after: no connected call to restart");
}

/* A D channel came up: once all are, the run starts (the first time) or
 * goes on (after a reconnect). */
void
pstn_main_l2_up(void)
{
	if (!pstn_span_all_up())
		return;
	if (!pstn_main.ever_up) {
		pstn_main.ever_up = 1;
		log_info("every D channel up");
		if (pstn_opts.cut_after > 0)
			pstn_main_after(pstn_opts.cut_after, pstn_main_cut_cb);
		if (pstn_opts.restart_after > 0)
			pstn_main_after(pstn_opts.restart_after,
			    pstn_main_restart_cb);
		pstn_gen_start();
	}
	pstn_gen_kick();
}

/* libpri's messages and errors are process-global (libpri-notes.md). */
static void
pstn_main_pri_message(struct pri *p, char *m)
{
	size_t n = strlen(m);

	while (n > 0 && m[n - 1] == '\n')
		n--;
	log_debug("libpri: %.*s", (int)n, m);
}

static void
pstn_main_init(void)
{
	struct event_config	*cfg = event_config_new();
	struct event		*ev;

	/* The 20 ms clock wants better than CLOCK_MONOTONIC_COARSE. */
	event_config_set_flag(cfg, EVENT_BASE_FLAG_PRECISE_TIMER);
	if ((pstn_main.base = event_base_new_with_config(cfg)) == NULL)
		fatal("event_base_new failed");
	event_config_free(cfg);
	pstn_main.ev_check = event_new(pstn_main.base, -1, 0,
	    pstn_main_check_cb, NULL);
	pstn_main.ev_grace = evtimer_new(pstn_main.base, pstn_main_grace_cb,
	    NULL);
	ev = evsignal_new(pstn_main.base, SIGINT, pstn_main_signal_cb, NULL);
	evsignal_add(ev, NULL);
	ev = evsignal_new(pstn_main.base, SIGTERM, pstn_main_signal_cb, NULL);
	evsignal_add(ev, NULL);
	signal(SIGPIPE, SIG_IGN);
	pri_set_message(pstn_main_pri_message);
	pri_set_error(pstn_main_pri_message);
	pstn_gen_init();
}

int
main(int argc, char **argv)
{
	log_open("centrala-pstn", NULL, LOG_LEVEL_WARN);
	pstn_opts_parse(argc, argv);
	setvbuf(stdout, NULL, _IOLBF, 0);
	pstn_main_init();
	for (int i = 0; i < pstn_opts.nspans; i++)
		pstn_span_add(pstn_opts.spans[i], pstn_opts.span_t1[i]);
	for (int i = 0; i < pstn_opts.nspans; i++)
		pstn_span_connect(pstn_span_at(i));
	if (pstn_opts.duration > 0)
		pstn_main_after(pstn_opts.duration, pstn_main_duration_cb);
	event_base_dispatch(pstn_main.base);
	pstn_report_summary();
	if (pstn_main.failed)
		return 1;
	if (!pstn_main.signalled &&
	    pstn_report_get(REPORT_PLACED) < pstn_opts.calls) {
		fprintf(stderr, "centrala pstn: placed %ld of %d calls\n",
		    pstn_report_get(REPORT_PLACED), pstn_opts.calls);
		return 1;
	}
	return 0;
}
