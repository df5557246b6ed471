/* cmd-admin.c: supervisors' and admins' requests: status, subscribe,
 * reload, stop, set-pin, show-config. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "agent.h"
#include "endpoint.h"
#include "call.h"
#include "callback.h"
#include "clock.h"
#include "cmd-handlers.h"
#include "core.h"
#include "evlog.h"
#include "log.h"
#include "pin.h"
#include "queue.h"
#include "scope.h"
#include "span.h"

static struct cmd_process cmd_process;

void
cmd_set_process(const struct cmd_process *p)
{
	cmd_process = *p;
}

static json_t *
cmd_str_or_null(const char *s)
{
	return s != NULL ? json_string(s) : json_null();
}

static json_t *
cmd_status_spans(void)
{
	json_t *a = json_array();

	for (struct span *s = spans; s != NULL; s = s->next)
		json_array_append_new(a, json_pack("{s:s,s:s,s:s,s:s,s:i,s:i,s:I,"
		    "s:I,s:I,s:o,s:o}",
		    "name", s->name, "l1", span_l1_name(s), "l2", span_l2_name(s),
		    "alarm", s->l1_why,
		    "channels", span_channels(s), "in_use", span_in_use(s),
		    "blocks_rx", (json_int_t)s->blocks_rx,
		    "blocks_bad", (json_int_t)s->blocks_bad,
		    "blocks_dropped", (json_int_t)s->blocks_dropped,
		    "tick_gap", tickstat_json(&s->gap),
		    "tick_work", tickstat_json(&s->work)));
	return a;
}

static json_t *
cmd_status_calls(const struct conn *conn)
{
	json_t		*a = json_array();
	struct call	*c;

	TAILQ_FOREACH(c, &calls, entry) {
		int	 ewt = queue_ewt_s(c);
		json_t	*o;

		if (!cmd_scope_call(conn, c))
			continue;
		o = json_pack("{s:s,s:s,s:s,s:s,s:s,s:s,"
		    "s:i,s:o,s:o,s:i,s:i}", "call", c->id, "state",
		    call_state_name(c->state), "direction", c->direction,
		    "cli", c->cli, "dnis", c->dnis, "span", c->span != NULL ?
		    c->span->name : "",
		    "channel", c->channel, "queue", cmd_str_or_null(c->queue_name),
		    "agent", c->agent != NULL ? json_string(c->agent->id) :
		    json_null(), "age_s", call_age_s(c), "priority", c->priority);

		if (c->cb != NULL)
			json_object_set_new(o, "callback", callback_json(c));
		if (c->queue != NULL) {
			json_object_set_new(o, "position", json_integer(queue_position(c)));
			json_object_set_new(o, "ewt_s", ewt >= 0 ? json_integer(ewt) :
			    json_null());
		}
		json_array_append_new(a, o);
	}
	return a;
}

/* The supervisor's agent figures: seconds in the state, and today's
 * calls handled, their talk + wrap-up seconds and AHT (null before the
 * first), from the same engine as the reports. */
static void
cmd_status_agent_today(json_t *o, const struct agent *ag)
{
	const struct stats_agent	*st = evlog_agent_today(ag->id);
	uint64_t			 since = ag->state_since != 0 ?
					    ag->state_since : core.start_mono;
	int64_t				 busy_ms = st == NULL ? 0 :
					    st->state_ms[ST_ON_CALL] +
					    st->state_ms[ST_WRAP_UP];
	unsigned			 n = st != NULL ? st->handled : 0;

	json_object_set_new(o, "help_text", json_string(ag->help &&
	    ag->help_text != NULL ? ag->help_text : ""));
	json_object_set_new(o, "team", json_string(ag->cfg != NULL &&
	    ag->cfg->team != NULL ? ag->cfg->team : ""));
	json_object_set_new(o, "state_s", json_integer((json_int_t)
	    ((clock_mono_us() - since) / 1000000)));
	json_object_set_new(o, "calls_today", json_integer(n));
	json_object_set_new(o, "handled_s", json_integer(busy_ms / 1000));
	json_object_set_new(o, "aht_s", n > 0 ?
	    json_integer((json_int_t)(busy_ms / n + 500) / 1000) : json_null());
}

static json_t *
cmd_status_agents(const struct conn *conn)
{
	json_t *a = json_array(), *o;

	for (struct agent *ag = agents; ag != NULL; ag = ag->next) {
		if (!cmd_scope_agent(conn, ag))
			continue;
		o = json_pack("{s:s,s:s,s:s,s:o,s:o,s:i,s:b,s:o,s:b,s:o}",
		    "agent", ag->id, "name", ag->name, "state",
		    agent_state_name(ag->state), "reason",
		    cmd_str_or_null(ag->reason), "call", ag->call != NULL ?
		    json_string(ag->call->id) : json_null(), "calls", ag->calls,
		    "connected", ag->conn != NULL, "queues", agent_queues_json(ag),
		    "help", ag->help,
		    "audio", ag->ep != NULL ? endpoint_json(ag->ep) : json_null());
		cmd_status_agent_today(o, ag);
		json_array_append_new(a, o);
	}
	return a;
}

static int
cmd_queue_ready(const struct queue *q)
{
	int n = 0;

	for (struct agent *a = agents; a != NULL; a = a->next)
		n += a->state == AGENT_READY && agent_in_queue(a, q->name);
	return n;
}

static json_t *
cmd_num_or_null(double v)
{
	return v < 0 ? json_null() : json_real((int)(v * 100 + 0.5) / 100.0);
}

/* Today's figures, from the same engine as the reports. */
static json_t *
cmd_queue_today(const char *name)
{
	const struct stats_queue *t = evlog_today(name);
	struct stats_queue zero = { .sl_target_s = 0 };

	if (t == NULL)
		t = &zero;
	return json_pack("{s:i,s:i,s:i,s:i,s:i,s:i,s:{s:i,s:i,s:i,s:i},"
	    "s:o,s:o,s:o,s:o,s:o}",
	    "offered", t->offered, "answered", t->answered, "abandoned",
	    t->abandoned, "short_abandoned", t->short_abandoned,
	    "overflowed", t->overflowed, "timed_out", t->timed_out,
	    "callbacks", "left_queue", t->to_callback, "requested",
	    t->cb_requested, "connected", t->cb_connected, "failed",
	    t->cb_failed,
	    "sl_pct", cmd_num_or_null(stats_service_level(t, SL_OFFERED)),
	    "asa_s", cmd_num_or_null(stats_asa_s(t)),
	    "aht_s", cmd_num_or_null(stats_aht_s(t)),
	    "abandon_pct", cmd_num_or_null(stats_abandon_rate(t)),
	    "longest_wait_s", cmd_num_or_null(t->max_wait_ms / 1000.0));
}

static json_t *
cmd_status_queues(const struct conn *conn)
{
	json_t *a = json_array();

	for (struct queue *q = queues; q != NULL; q = q->next) {
		if (!cmd_scope_queue(conn, q))
			continue;
		json_array_append_new(a, json_pack("{s:s,s:i,s:i,s:i,s:i,s:i,s:i,s:o,"
		    "s:i,s:i}",
		    "name", q->name, "waiting", q->nwaiting, "longest_wait_s",
		    queue_longest_wait_s(q), "offered", q->offered, "answered",
		    q->answered, "abandoned", q->abandoned, "agents_ready",
		    cmd_queue_ready(q), "today", cmd_queue_today(q->name),
		    "sl_target_s", q->cfg->sl_target, "sl_percent", q->cfg->sl_percent));
	}
	return a;
}

int
cmd_status(struct cmd_ctx *ctx)
{
	json_object_set_new(ctx->reply, "core", json_pack(
	    "{s:s,s:I,s:b,s:i,s:i,s:o}", "version", CORE_VERSION, "uptime_s",
	    (json_int_t)((clock_mono_us() - core.start_mono) / 1000000),
	    "draining", core.stopping != CORE_RUNNING, "clients", conn_count(),
	    "clients_piped", conn_piped(), "events_to_socket",
	    conn_events_delay_json()));
	json_object_set_new(ctx->reply, "spans", cmd_status_spans());
	/* A supervisor limited to some clients sees only theirs. */
	json_object_set_new(ctx->reply, "calls", cmd_status_calls(ctx->conn));
	json_object_set_new(ctx->reply, "agents", cmd_status_agents(ctx->conn));
	json_object_set_new(ctx->reply, "queues", cmd_status_queues(ctx->conn));
	return 0;
}

/* {"pipe":true}: the events, and all later output, on a pipe whose read
 * end comes just before the reply (conn_to_pipe). Only with the first
 * subscribe: the output moves once, before any event went to the socket. */
int
cmd_subscribe(struct cmd_ctx *ctx)
{
	struct conn	*c = ctx->conn;
	char		 err[256];

	if (c->obev != c->bev && (c->subscribed || c->sub_own))
		return cmd_error(ctx, PROTO_E_BAD_STATE, "already subscribed, "
		    "on a pipe");
	if (!json_is_true(json_object_get(ctx->args, "pipe"))) {
		scope_subscribe(c);
		return 0;
	}
	if (c->subscribed || c->sub_own || c->obev != c->bev)
		return cmd_error(ctx, PROTO_E_BAD_STATE, "already subscribed: "
		    "the pipe is asked with the first subscribe");
	json_object_set_new(ctx->reply, "pipe", json_true());
	if (conn_to_pipe(c, json_incref(ctx->reply), err, sizeof err) != 0)
		return cmd_error(ctx, PROTO_E_BUSY, "%s", err);
	scope_subscribe(c);
	return CMD_LATER;	/* conn_to_pipe sent the reply */
}

/* The reply names what changed: applied, or kept until a restart. */
int
cmd_reload(struct cmd_ctx *ctx)
{
	char			**warnings = NULL, err[1024];
	json_t			 *w, *applied, *restart;
	struct config_diff	  d;

	if (cmd_process.reload(&warnings, &d, err, sizeof err) != 0)
		return cmd_error(ctx, PROTO_E_BAD_ARGS, "configuration not "
		    "reloaded, the running one stays: %s", err);
	w = json_array();
	applied = json_array();
	restart = json_array();
	for (int i = 0; warnings != NULL && warnings[i] != NULL; i++)
		json_array_append_new(w, json_string(warnings[i]));
	for (int i = 0; i < d.n; i++)
		json_array_append_new(d.changes[i].restart ? restart : applied,
		    json_string(d.changes[i].what));
	config_diff_free(&d);
	json_object_set_new(ctx->reply, "warnings", w);
	json_object_set_new(ctx->reply, "applied", applied);
	json_object_set_new(ctx->reply, "restart", restart);
	return 0;
}

int
cmd_stop(struct cmd_ctx *ctx)
{
	const char *mode = cmd_str(ctx, "mode");

	if (mode == NULL || strcmp(mode, "wait") == 0)
		cmd_process.stop(CORE_STOP_WAIT);
	else if (strcmp(mode, "clear") == 0)
		cmd_process.stop(CORE_STOP_CLEAR);
	else
		return cmd_error(ctx, PROTO_E_BAD_ARGS, "stop: \"mode\" must be "
		    "\"wait\" or \"clear\"");
	return 0;
}

int
cmd_set_pin(struct cmd_ctx *ctx)
{
	const char	*who = cmd_str(ctx, "who"), *pin = cmd_str(ctx, "pin");
	char		*hash;
	int		 r;

	if (agent_find(who) == NULL && config_find_user(core.cfg, who) == NULL)
		return cmd_error(ctx, PROTO_E_NOT_FOUND, "no agent or user %.64s",
		    who);
	if ((hash = pin_hash(pin)) == NULL)
		return cmd_error(ctx, PROTO_E_BAD_ARGS, "set-pin: a PIN is 4 to "
		    "12 digits");
	r = db_pin_set(core.db, who, hash);
	free(hash);
	if (r != 0)
		return cmd_error(ctx, PROTO_E_INTERNAL, "PIN not stored: %s",
		    db_last_error(core.db));
	log_info("PIN of %s changed by %s", who, ctx->conn->user ?
	    ctx->conn->user : "?");
	return 0;
}

int
cmd_show_config(struct cmd_ctx *ctx)
{
	char	*text = NULL;
	size_t	 len = 0;
	FILE	*f = open_memstream(&text, &len);

	config_dump_sources(core.cfg, f);
	fclose(f);
	json_object_set_new(ctx->reply, "config", json_stringn(text, len));
	json_object_set_new(ctx->reply, "path", json_string(core.config_path ?
	    core.config_path : "(built-in default)"));
	free(text);
	return 0;
}
