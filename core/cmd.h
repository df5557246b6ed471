/* cmd.h: the request table. Each request names its arguments, the role it
 * needs and its handler; cmd.c checks all of that before a handler runs. */
#ifndef CZ_CMD_H
#define CZ_CMD_H

#include <jansson.h>
#include "conn.h"

enum cmd_arg_type { ARG_STRING, ARG_INT, ARG_BOOL, ARG_OBJECT };

struct cmd_arg {
	const char		*name;
	enum cmd_arg_type	 type;
	int			 required;
};

struct cmd_ctx {
	struct conn	*conn;
	json_t		*args;		/* the request object */
	json_t		*reply;		/* handler adds results here */
	const char	*err_code;
	char		 err_msg[256];
};

struct cmd_entry {
	const char		*name;
	enum conn_role		 role;		/* least role; ROLE_NONE = any */
	int			 before_login;	/* allowed before login */
	struct cmd_arg		 args[6];
	int			(*handler)(struct cmd_ctx *);
};

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
/* This session's agent, or NULL with the error set (not an agent's). */
struct agent *cmd_agent_of(struct cmd_ctx *);
/* The call named by "call" that this agent is talking with, or NULL with
 * the error set. */
struct call *cmd_agent_connected(struct cmd_ctx *);
int	cmd_agent_state(struct cmd_ctx *);
int	cmd_dtmf(struct cmd_ctx *);
int	cmd_dial(struct cmd_ctx *);
int	cmd_transfer(struct cmd_ctx *);	/* transfer and consult */
int	cmd_consult_end(struct cmd_ctx *);	/* complete, cancel, conference */
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
int	cmd_status(struct cmd_ctx *);
int	cmd_subscribe(struct cmd_ctx *);
int	cmd_reload(struct cmd_ctx *);
int	cmd_stop(struct cmd_ctx *);
int	cmd_set_pin(struct cmd_ctx *);
int	cmd_show_config(struct cmd_ctx *);

#endif
