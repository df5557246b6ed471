/* cmd-ctx.h: what a request is while it is checked and handled: its
 * row in the request table (role, typed arguments, target kind) and the
 * context a handler gets, with the few helpers that set its error. The
 * dispatcher (cmd.c), the lookups (cmd-target.c) and every handler share
 * it; it names nothing above itself. */
#ifndef CZ_CMD_CTX_H
#define CZ_CMD_CTX_H

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
	struct cmd_arg		 args[11];
	int			(*handler)(struct cmd_ctx *);
};

/* A handler's return when it answers later itself (a report, a list
 * import): it keeps what it needs of ctx (the request's id, a reference to
 * ctx->reply) and sends its reply with conn_send() when done. */
#define CMD_LATER	1

/* cmd-table.c: the row of request NAME, or NULL. */
const struct cmd_entry *cmd_find(const char *name);

/* cmd-ctx.c */
int	cmd_error(struct cmd_ctx *, const char *code, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
const char *cmd_str(struct cmd_ctx *, const char *name);	/* NULL if absent */
/* 0 if CODE is one of the N of LIST, else an error naming WHAT and the
 * list: "\"x\" is not a WHAT (a, b)". */
int	cmd_check_code(struct cmd_ctx *, const char *what, char *const *list,
	    int n, const char *code);
/* 0 if reason is a configured not-ready reason, else an error. */
int	cmd_check_reason(struct cmd_ctx *, const char *reason);

#endif
