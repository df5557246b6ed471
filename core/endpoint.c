/* endpoint.c: headsets behind ALSA for the media tick (endpoint.h). A
 * failure is said once (log, event, the owner's screen) and retried every
 * ENDPOINT_RETRY_US while the endpoint is in use. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "audio-alsa.h"
#include "clock.h"
#include "db.h"
#include "endpoint.h"
#include "evlog.h"
#include "log.h"
#include "span.h"
#include "proto.h"
#include "xmalloc.h"

#define ENDPOINT_RETRY_US	(5 * 1000000ULL)

static void
endpoint_report(struct endpoint *ep, int failed)
{
	json_t		*ev = proto_event(failed ? "audio_failed" : "audio_ok");
	struct db_event	 dbev = {
		.ts_ms = clock_wall_ms(), .kind = EV_AUDIO,
		.state = failed ? "failed" : "ok",
	};

	if (failed)
		log_warn("%s: audio %s: %s", ep->owner, ep->spec, ep->error);
	else
		log_info("%s: audio %s is back", ep->owner, ep->spec);
	evlog_add(&dbev, json_pack("{s:s,s:s}", "owner", ep->owner, "device",
	    ep->spec));
	json_object_set_new(ev, "owner", json_string(ep->owner));
	json_object_set_new(ev, "device", json_string(ep->spec));
	if (failed)
		json_object_set_new(ev, "error", json_string(ep->error));
	span_hooks.tell(ev);
	ep->failed = failed;
}

static void
endpoint_fail(struct endpoint *ep, const char *why)
{
	snprintf(ep->error, sizeof ep->error, "%s", why);
	ep->retry_at = clock_mono_us() + ENDPOINT_RETRY_US;
	if (!ep->failed)
		endpoint_report(ep, 1);
}

static void
endpoint_try_open(struct endpoint *ep)
{
	char err[256];

	if (ep->failed)		/* a device defined since is to be found */
		alsa_config_reload();
	if (ep->alsa != NULL) {
		if (alsa_dev_retry(ep->alsa) == 0) {
			endpoint_report(ep, 0);
			return;
		}
		endpoint_fail(ep, alsa_dev_error(ep->alsa));
		return;
	}
	if ((ep->alsa = alsa_dev_open(ep->spec + 5, err, sizeof err)) == NULL) {
		endpoint_fail(ep, err);
		return;
	}
	if (ep->failed)
		endpoint_report(ep, 0);
}

static void
endpoint_set_failed(struct endpoint *ep, const char *why)
{
	snprintf(ep->error, sizeof ep->error, "%s", why);
	if (!ep->failed)
		endpoint_report(ep, 1);
}

static void
endpoint_set_ok(struct endpoint *ep)
{
	if (ep->failed)
		endpoint_report(ep, 0);
}

/* A nailed line's news: up, or down (reported once) until redialled. */
static void
endpoint_line_event(struct leg *l, enum leg_event e, int cause, void *arg)
{
	struct endpoint	*ep = arg;
	char		 why[80];

	if (e == LEG_ANSWERED) {
		endpoint_set_ok(ep);
		return;
	}
	if (e == LEG_NOT_PLACED)
		snprintf(why, sizeof why, "cannot dial %s: no free channel",
		    leg_number(l));
	else
		snprintf(why, sizeof why, "line to %s down (cause %d)",
		    leg_number(l), cause);
	endpoint_set_failed(ep, why);
}

static int
endpoint_is_phone(const char *spec)
{
	return strncmp(spec, "phone:", 6) == 0;
}

struct endpoint *
endpoint_open(const char *spec, const char *owner)
{
	struct endpoint *ep = xcalloc(1, sizeof *ep);

	ep->spec = xstrdup(spec);
	ep->owner = xstrdup(owner);
	if (endpoint_is_phone(spec))
		ep->leg = leg_open(spec + 6, 1, NULL, endpoint_line_event, ep);
	else
		endpoint_try_open(ep);
	return ep;
}

struct endpoint *
endpoint_dial(const char *number, const char *owner, const char *parent,
    leg_fn fn, void *arg)
{
	struct endpoint *ep = xcalloc(1, sizeof *ep);

	ep->spec = xprintf("phone:%s", number);
	ep->owner = xstrdup(owner);
	ep->leg = leg_open(number, 0, parent, fn, arg);
	return ep;
}

void
endpoint_close(struct endpoint *ep)
{
	if (ep == NULL)
		return;
	if (ep->leg != NULL)
		leg_close(ep->leg);
	if (ep->alsa != NULL)
		alsa_dev_close(ep->alsa);
	free(ep->spec);
	free(ep->owner);
	free(ep);
}

/* Usable now? Retries a failed device when its time has come. */
static int
endpoint_usable(struct endpoint *ep)
{
	if (!ep->failed && ep->alsa != NULL)
		return 1;
	if (clock_mono_us() < ep->retry_at)
		return 0;
	endpoint_try_open(ep);
	return !ep->failed && ep->alsa != NULL;
}

void
endpoint_reset(struct endpoint *ep)
{
	if (ep->leg != NULL)
		leg_reset(ep->leg);
	else if (endpoint_usable(ep))
		alsa_dev_reset(ep->alsa);
}

void
endpoint_play(struct endpoint *ep, const int16_t *pcm, int n)
{
	if (ep->leg != NULL)
		leg_play(ep->leg, pcm);
	else if (endpoint_usable(ep) && alsa_dev_play(ep->alsa, pcm, n) != 0)
		endpoint_fail(ep, alsa_dev_error(ep->alsa));
}

void
endpoint_capture(struct endpoint *ep, int16_t *pcm, int n)
{
	if (ep->leg != NULL) {
		leg_capture(ep->leg, pcm);
		return;
	}
	if (endpoint_usable(ep) && alsa_dev_capture(ep->alsa, pcm, n) == 0)
		return;
	if (!ep->failed && ep->alsa != NULL)
		endpoint_fail(ep, alsa_dev_error(ep->alsa));
	memset(pcm, 0, n * sizeof *pcm);
}

json_t *
endpoint_json(const struct endpoint *ep)
{
	struct alsa_dev_stats	 st = { 0 };
	uint64_t		 played, captured, dropped, padded;
	const char		*status = ep->failed ? ep->error : "ok";

	if (ep->alsa != NULL)
		alsa_dev_get_stats(ep->alsa, &st);
	if (ep->leg != NULL) {
		leg_stats(ep->leg, &played, &captured, &dropped, &padded);
		st.played = played;
		st.captured = captured;
		st.dropped = dropped;
		st.padded = padded;
		if (!leg_up(ep->leg) && !ep->failed)
			status = "dialling";
	}
	return json_pack("{s:s,s:s,s:I,s:I,s:I,s:I,s:I}", "device", ep->spec,
	    "status", status,
	    "played", (json_int_t)st.played, "captured", (json_int_t)st.captured,
	    "xruns", (json_int_t)st.xruns, "dropped", (json_int_t)st.dropped,
	    "padded", (json_int_t)st.padded);
}

void
endpoint_join(struct endpoint *ep, struct call *call)
{
	ep->call = call;
	if (ep->leg != NULL)
		leg_set_heard(ep->leg, call != NULL);
}
