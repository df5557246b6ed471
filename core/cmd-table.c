/* cmd-table.c: the requests the core serves, one row each: its role, its
 * target, its arguments with their types, its handler (cmd.h). Adding a
 * request is one row here and one handler. docs/protocol.md describes
 * each for clients. */
#include <string.h>
#include "cmd-handlers.h"

static const struct cmd_entry cmd_table[] = {
	/* Session: before and around login. */
	{ .name = "hello", .role = ROLE_NONE, .before_login = 1,
	    .args = { REQ("proto", ARG_INT), OPT("client", ARG_STRING) },
	    .handler = cmd_hello },
	{ .name = "login", .role = ROLE_NONE, .before_login = 1,
	    .args = { OPT("agent", ARG_STRING), OPT("user", ARG_STRING),
	    OPT("pin", ARG_STRING), OPT("local", ARG_BOOL),
	    OPT("queues", ARG_STRING) }, .handler = cmd_login },
	{ .name = "ping", .role = ROLE_NONE, .before_login = 1,
	    .handler = cmd_ping },
	{ .name = "logout", .role = ROLE_AGENT, .handler = cmd_logout },

	/* An agent's own state. */
	{ .name = "ready", .role = ROLE_AGENT, .target = TGT_SELF,
	    .handler = cmd_ready },
	{ .name = "notready", .role = ROLE_AGENT, .target = TGT_SELF,
	    .args = { OPT("reason", ARG_STRING) }, .handler = cmd_notready },
	{ .name = "wrapup", .role = ROLE_AGENT, .target = TGT_SELF,
	    .args = { REQ("action", ARG_STRING), OPT("seconds", ARG_INT) },
	    .handler = cmd_wrapup },
	{ .name = "after-call", .role = ROLE_AGENT, .target = TGT_SELF,
	    .args = { REQ("then", ARG_STRING), OPT("reason", ARG_STRING) },
	    .handler = cmd_after_call },

	/* An agent's calls. */
	{ .name = "accept", .role = ROLE_AGENT, .target = TGT_OFFERED_CALL,
	    .args = { REQ("call", ARG_CALL) }, .handler = cmd_accept },
	{ .name = "reject", .role = ROLE_AGENT, .target = TGT_OFFERED_CALL,
	    .args = { REQ("call", ARG_CALL) }, .handler = cmd_reject },
	{ .name = "hangup", .role = ROLE_AGENT, .target = TGT_OWN_LIVE_CALL,
	    .args = { REQ("call", ARG_CALL) }, .handler = cmd_hangup },
	{ .name = "hold", .role = ROLE_AGENT, .target = TGT_OWN_CALL,
	    .args = { REQ("call", ARG_CALL) }, .handler = cmd_hold },
	{ .name = "retrieve", .role = ROLE_AGENT, .target = TGT_OWN_CALL,
	    .args = { REQ("call", ARG_CALL) }, .handler = cmd_retrieve },
	{ .name = "mute", .role = ROLE_AGENT, .target = TGT_OWN_CALL,
	    .args = { REQ("call", ARG_CALL), REQ("on", ARG_BOOL) },
	    .handler = cmd_mute },
	{ .name = "record", .role = ROLE_AGENT, .target = TGT_OWN_CALL,
	    .args = { REQ("call", ARG_CALL), REQ("action", ARG_STRING) },
	    .handler = cmd_record },
	{ .name = "dtmf", .role = ROLE_AGENT, .target = TGT_OWN_CALL,
	    .args = { REQ("call", ARG_CALL), REQ("digits", ARG_STRING) },
	    .handler = cmd_dtmf },
	{ .name = "dial", .role = ROLE_AGENT, .target = TGT_SELF,
	    .args = { REQ("number", ARG_STRING), OPT("cli", ARG_STRING),
	    OPT("queue", ARG_STRING) }, .handler = cmd_dial },
	{ .name = "transfer", .role = ROLE_AGENT, .target = TGT_OWN_CALL,
	    .args = { REQ("call", ARG_CALL), REQ("to", ARG_DEST) },
	    .handler = cmd_transfer },
	{ .name = "consult", .role = ROLE_AGENT, .target = TGT_OWN_CALL,
	    .args = { REQ("call", ARG_CALL), REQ("to", ARG_PARTY) },
	    .handler = cmd_consult },
	{ .name = "consult-complete", .role = ROLE_AGENT,
	    .target = TGT_OWN_CALL, .args = { REQ("call", ARG_CALL) },
	    .handler = cmd_consult_complete },
	{ .name = "consult-cancel", .role = ROLE_AGENT, .target = TGT_OWN_CALL,
	    .args = { REQ("call", ARG_CALL) }, .handler = cmd_consult_cancel },
	{ .name = "conference", .role = ROLE_AGENT, .target = TGT_OWN_CALL,
	    .args = { REQ("call", ARG_CALL) }, .handler = cmd_conference },

	/* The agent's desk: customers, contacts (a "call" there may have
	 * ended: it names the agent's contact row), figures, callbacks. */
	{ .name = "customer-find", .role = ROLE_AGENT,
	    .args = { REQ("query", ARG_STRING) }, .handler = cmd_customer_find },
	{ .name = "customer-get", .role = ROLE_AGENT,
	    .args = { REQ("customer", ARG_INT) }, .handler = cmd_customer_get },
	{ .name = "customer-save", .role = ROLE_AGENT,
	    .args = { REQ("customer", ARG_OBJECT) },
	    .handler = cmd_customer_save },
	{ .name = "customer-link", .role = ROLE_AGENT, .target = TGT_SELF,
	    .args = { REQ("call", ARG_STRING), REQ("customer", ARG_INT) },
	    .handler = cmd_customer_link },
	{ .name = "note", .role = ROLE_AGENT, .target = TGT_SELF,
	    .args = { REQ("call", ARG_STRING), REQ("text", ARG_STRING) },
	    .handler = cmd_note },
	{ .name = "disposition", .role = ROLE_AGENT, .target = TGT_SELF,
	    .args = { REQ("call", ARG_STRING), REQ("code", ARG_STRING),
	    OPT("note", ARG_STRING) }, .handler = cmd_disposition },
	{ .name = "my-stats", .role = ROLE_AGENT, .target = TGT_SELF,
	    .handler = cmd_my_stats },
	{ .name = "callback-schedule", .role = ROLE_AGENT, .target = TGT_SELF,
	    .args = { REQ("number", ARG_STRING), REQ("at", ARG_STRING),
	    OPT("note", ARG_STRING), OPT("queue", ARG_QUEUE),
	    OPT("agent", ARG_AGENT) }, .handler = cmd_callback_schedule },
	{ .name = "help", .role = ROLE_AGENT, .target = TGT_SELF,
	    .args = { REQ("on", ARG_BOOL), OPT("text", ARG_STRING) },
	    .handler = cmd_help },

	/* Supervisors. */
	{ .name = "message", .role = ROLE_SUPERVISOR, .target = TGT_AGENT,
	    .args = { REQ("agent", ARG_AGENT), REQ("text", ARG_STRING) },
	    .handler = cmd_sup_message },
	{ .name = "monitor", .role = ROLE_SUPERVISOR, .target = TGT_CALL,
	    .args = { REQ("call", ARG_CALL), REQ("mode", ARG_STRING) },
	    .handler = cmd_monitor },
	{ .name = "agent-state", .role = ROLE_SUPERVISOR, .target = TGT_AGENT,
	    .args = { REQ("agent", ARG_AGENT), REQ("state", ARG_STRING),
	    OPT("reason", ARG_STRING) }, .handler = cmd_agent_state },
	{ .name = "why", .role = ROLE_SUPERVISOR, .target = TGT_CALL,
	    .args = { REQ("call", ARG_CALL) }, .handler = cmd_why },
	{ .name = "agent-queues", .role = ROLE_SUPERVISOR, .target = TGT_AGENT,
	    .args = { REQ("agent", ARG_AGENT), REQ("queues", ARG_STRING) },
	    .handler = cmd_agent_queues },
	{ .name = "call-move", .role = ROLE_SUPERVISOR, .target = TGT_CALL,
	    .args = { REQ("call", ARG_CALL), REQ("to", ARG_DEST) },
	    .handler = cmd_call_move },
	{ .name = "status", .role = ROLE_SUPERVISOR, .handler = cmd_status },
	{ .name = "subscribe", .role = ROLE_SUPERVISOR,
	    .args = { OPT("pipe", ARG_BOOL) }, .handler = cmd_subscribe },

	/* Administrators. */
	{ .name = "reload", .role = ROLE_ADMIN, .handler = cmd_reload },
	{ .name = "stop", .role = ROLE_ADMIN,
	    .args = { OPT("mode", ARG_STRING) }, .handler = cmd_stop },
	{ .name = "backup", .role = ROLE_ADMIN,
	    .args = { REQ("file", ARG_STRING) }, .handler = cmd_backup },
	{ .name = "set-pin", .role = ROLE_ADMIN,
	    .args = { REQ("who", ARG_STRING), REQ("pin", ARG_STRING) },
	    .handler = cmd_set_pin },
	{ .name = "show-config", .role = ROLE_ADMIN,
	    .handler = cmd_show_config },

	/* Outbound campaigns (cmd-campaign.c, docs/DIALER.md). */
	{ .name = "campaign-state", .role = ROLE_SUPERVISOR,
	    .target = TGT_CAMPAIGN, .args = { REQ("campaign", ARG_STRING),
	    REQ("action", ARG_STRING) }, .handler = cmd_campaign_state },
	{ .name = "list-state", .role = ROLE_SUPERVISOR,
	    .target = TGT_CAMPAIGN, .args = { REQ("campaign", ARG_STRING),
	    REQ("list", ARG_STRING), REQ("action", ARG_STRING) },
	    .handler = cmd_list_state },
	{ .name = "list-import", .role = ROLE_ADMIN, .target = TGT_CAMPAIGN,
	    .args = { REQ("campaign", ARG_STRING), REQ("list", ARG_STRING),
	    REQ("path", ARG_STRING), OPT("country", ARG_STRING),
	    OPT("priority", ARG_INT) }, .handler = cmd_list_import },
	{ .name = "dnc", .role = ROLE_SUPERVISOR,
	    .args = { REQ("action", ARG_STRING), REQ("number", ARG_STRING),
	    OPT("client", ARG_STRING), OPT("country", ARG_STRING) },
	    .handler = cmd_dnc },
	{ .name = "dnc-import", .role = ROLE_ADMIN,
	    .args = { REQ("path", ARG_STRING), OPT("client", ARG_STRING),
	    OPT("country", ARG_STRING) }, .handler = cmd_dnc_import },
	{ .name = "why-not", .role = ROLE_SUPERVISOR,
	    .args = { REQ("record", ARG_INT) }, .handler = cmd_why_not },
	{ .name = "campaigns", .role = ROLE_SUPERVISOR,
	    .handler = cmd_campaigns },
	{ .name = "preview", .role = ROLE_AGENT, .target = TGT_SELF,
	    .args = { REQ("action", ARG_STRING), OPT("reason", ARG_STRING) },
	    .handler = cmd_preview },

	/* Personal data: data-subject requests (cmd-privacy.c). */
	{ .name = "customer-export", .role = ROLE_ADMIN,
	    .args = { REQ("customer", ARG_INT), OPT("out", ARG_STRING) },
	    .handler = cmd_customer_export },
	{ .name = "customer-erase", .role = ROLE_ADMIN,
	    .args = { REQ("customer", ARG_INT) },
	    .handler = cmd_customer_erase },

	/* Callback requests from outside applications (a CRM): a record of
	 * the campaign's callbacks list (cmd-campaign.c, docs/DIALER.md). */
	{ .name = "callback-request", .role = ROLE_SUPERVISOR,
	    .target = TGT_CAMPAIGN, .args = { REQ("campaign", ARG_STRING),
	    REQ("number", ARG_STRING), OPT("name", ARG_STRING),
	    OPT("time", ARG_STRING), OPT("note", ARG_STRING),
	    OPT("country", ARG_STRING) },
	    .handler = cmd_callback_request },

	/* Reports, held to the session's clients, run off the loop
	 * (cmd-report.c, docs/protocol.md). */
	{ .name = "report", .role = ROLE_SUPERVISOR,
	    .args = { REQ("report", ARG_STRING), OPT("from", ARG_STRING),
	    OPT("to", ARG_STRING), OPT("queue", ARG_STRING),
	    OPT("agent", ARG_STRING), OPT("client", ARG_STRING),
	    OPT("format", ARG_STRING), OPT("interval", ARG_STRING),
	    OPT("wide", ARG_BOOL), OPT("campaign", ARG_STRING) },
	    .handler = cmd_report },
};

const struct cmd_entry *
cmd_find(const char *name)
{
	for (size_t i = 0; i < sizeof cmd_table / sizeof cmd_table[0]; i++)
		if (strcmp(cmd_table[i].name, name) == 0)
			return &cmd_table[i];
	return NULL;
}
