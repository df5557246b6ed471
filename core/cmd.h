/* cmd.h: the request table. Each request names its role, its arguments
 * with their types and the target it acts on; cmd.c checks all of that,
 * and cmd-target.c resolves the target, before a handler runs. */
#ifndef CZ_CMD_H
#define CZ_CMD_H

#include <jansson.h>
#include "conn.h"

struct agent;
struct call;
struct campaign;
struct queue;

/* An argument's type. The last four are strings naming something the
 * dispatcher looks up (cmd-target.c) before the handler runs. */
enum cmd_arg_type {
	ARG_STRING, ARG_INT, ARG_BOOL, ARG_OBJECT,
	ARG_CALL,	/* a live call: the target's (see enum cmd_target) */
	ARG_AGENT,	/* an agent id: ctx->agent ("" names none) */
	ARG_QUEUE,	/* a queue name: ctx->queue */
	ARG_DEST,	/* "queue:NAME", "agent:ID", "number:DIGITS": ctx->to */
	ARG_PARTY,	/* "agent:ID" or "number:DIGITS": ctx->to */
};

/* What a request acts on, resolved and checked once by the dispatcher;
 * an unknown or wrong target gets one uniform error reply. */
enum cmd_target {
	TGT_NONE,
	TGT_SELF,		/* the session's agent: ctx->self */
	TGT_AGENT,		/* "agent" names an agent: ctx->agent */
	TGT_CALL,		/* "call" names any live call: ctx->call */
	TGT_OFFERED_CALL,	/* "call" rings ctx->self: ctx->call */
	TGT_OWN_CALL,		/* "call" is connected to ctx->self */
	TGT_OWN_LIVE_CALL,	/* connected, or ctx->self's own still dialing */
	TGT_CAMPAIGN,		/* "campaign" names one: ctx->campaign */
};

struct cmd_arg {
	const char		*name;
	enum cmd_arg_type	 type;
	int			 required;
};
#define REQ(n, t)	{ .name = (n), .type = (t), .required = 1 }
#define OPT(n, t)	{ .name = (n), .type = (t), .required = 0 }

/* Where a transfer or consultation goes (ARG_DEST, ARG_PARTY). */
struct cmd_dest {
	struct queue	*queue;
	struct agent	*agent;
	const char	*number;
};

struct cmd_ctx {
	struct conn	*conn;
	json_t		*args;		/* the request object */
	json_t		*reply;		/* handler adds results here */
	const char	*err_code;
	char		 err_msg[256];
	/* Resolved by the dispatcher, per the request's row. */
	struct agent	*self;		/* the session's agent */
	struct agent	*agent;		/* ARG_AGENT, TGT_AGENT */
	struct queue	*queue;		/* ARG_QUEUE */
	struct call	*call;		/* TGT_*CALL */
	struct cmd_dest	 to;		/* ARG_DEST, ARG_PARTY */
	struct campaign	*campaign;	/* TGT_CAMPAIGN */
};

struct cmd_entry {
	const char		*name;
	enum conn_role		 role;		/* least role; ROLE_NONE = any */
	int			 before_login;	/* allowed before login */
	enum cmd_target		 target;
	struct cmd_arg		 args[6];
	int			(*handler)(struct cmd_ctx *);
};

/* cmd-table.c */
const struct cmd_entry *cmd_find(const char *name);

/* cmd-target.c: 0, or -1 with the error set. */
int	cmd_resolve(const struct cmd_entry *, struct cmd_ctx *);

/* cmd-target.c: whether the session may see or act on it. A supervisor
 * limited to some clients sees their queues, the agents in any of them
 * and their calls (by queue, else DID); everyone else sees everything. */
int	cmd_scope_agent(const struct conn *, const struct agent *);
int	cmd_scope_queue(const struct conn *, const struct queue *);
int	cmd_scope_call(const struct conn *, const struct call *);
/* A client's own things (a campaign, its DNC list); "" or NULL = the
 * center's own (global), which only an unlimited session may touch. */
int	cmd_scope_client(const struct conn *, const char *client);

/* cmd.c */
void	cmd_dispatch(struct conn *, const char *line, size_t len);
int	cmd_error(struct cmd_ctx *, const char *code, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
const char *cmd_str(struct cmd_ctx *, const char *name);	/* NULL if absent */
/* 0 if CODE is one of the N of LIST, else an error naming WHAT and the
 * list: "\"x\" is not a WHAT (a, b)". */
int	cmd_check_code(struct cmd_ctx *, const char *what, char *const *list,
	    int n, const char *code);
/* 0 if reason is a configured not-ready reason, else an error. */
int	cmd_check_reason(struct cmd_ctx *, const char *reason);

/* Handlers, one small file per family. */
int	cmd_hello(struct cmd_ctx *);
int	cmd_login(struct cmd_ctx *);
int	cmd_logout(struct cmd_ctx *);
int	cmd_ping(struct cmd_ctx *);
int	cmd_ready(struct cmd_ctx *);
int	cmd_notready(struct cmd_ctx *);
int	cmd_accept(struct cmd_ctx *);
int	cmd_reject(struct cmd_ctx *);
int	cmd_hangup(struct cmd_ctx *);
int	cmd_wrapup(struct cmd_ctx *);
int	cmd_after_call(struct cmd_ctx *);
int	cmd_hold(struct cmd_ctx *);
int	cmd_retrieve(struct cmd_ctx *);
int	cmd_mute(struct cmd_ctx *);
int	cmd_record(struct cmd_ctx *);
int	cmd_monitor(struct cmd_ctx *);
int	cmd_agent_state(struct cmd_ctx *);
int	cmd_sup_message(struct cmd_ctx *);	/* cmd_message, recorded */
int	cmd_dtmf(struct cmd_ctx *);
int	cmd_dial(struct cmd_ctx *);
int	cmd_transfer(struct cmd_ctx *);
int	cmd_consult(struct cmd_ctx *);
int	cmd_consult_complete(struct cmd_ctx *);
int	cmd_consult_cancel(struct cmd_ctx *);
int	cmd_conference(struct cmd_ctx *);
int	cmd_customer_find(struct cmd_ctx *);
int	cmd_customer_get(struct cmd_ctx *);
int	cmd_customer_save(struct cmd_ctx *);
int	cmd_customer_link(struct cmd_ctx *);
int	cmd_note(struct cmd_ctx *);
int	cmd_disposition(struct cmd_ctx *);
int	cmd_my_stats(struct cmd_ctx *);
int	cmd_callback_schedule(struct cmd_ctx *);
int	cmd_help(struct cmd_ctx *);
int	cmd_message(struct cmd_ctx *);
int	cmd_why(struct cmd_ctx *);
int	cmd_agent_queues(struct cmd_ctx *);
int	cmd_call_move(struct cmd_ctx *);
int	cmd_status(struct cmd_ctx *);
int	cmd_subscribe(struct cmd_ctx *);
int	cmd_reload(struct cmd_ctx *);
int	cmd_stop(struct cmd_ctx *);
int	cmd_set_pin(struct cmd_ctx *);
int	cmd_show_config(struct cmd_ctx *);
/* cmd-campaign.c */
int	cmd_campaign_state(struct cmd_ctx *);
int	cmd_list_state(struct cmd_ctx *);
int	cmd_list_import(struct cmd_ctx *);
int	cmd_dnc(struct cmd_ctx *);
int	cmd_callback_request(struct cmd_ctx *);
int	cmd_dnc_import(struct cmd_ctx *);
int	cmd_why_not(struct cmd_ctx *);
int	cmd_preview(struct cmd_ctx *);
int	cmd_campaigns(struct cmd_ctx *);
int	cmd_backup(struct cmd_ctx *);		/* cmd-backup.c */
int	cmd_customer_export(struct cmd_ctx *);	/* cmd-privacy.c */
int	cmd_customer_erase(struct cmd_ctx *);

#endif
