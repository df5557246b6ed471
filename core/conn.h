/* conn.h: one connected client of the core (console, ctl, CTI). */
#ifndef CZ_CONN_H
#define CZ_CONN_H

#include <stdint.h>
#include <sys/types.h>
#include <jansson.h>
#include "proto.h"

struct agent;
struct conn;
struct endpoint;

enum conn_role { ROLE_NONE = -1, ROLE_AGENT = 0, ROLE_SUPERVISOR = 1, ROLE_ADMIN = 2 };

/* A client's output is written by conn.c once committed (HELD: at the
 * pass's end, a subscriber's by the flush timer), by libevent while its
 * socket is full (BACKLOG) or while it closes (WRITING). */
enum conn_held { CONN_WRITING, CONN_HELD, CONN_BACKLOG };

/* What a connection does with each request line it reads (cmd_dispatch):
 * given by whoever accepts it, so conn.c stays below the dispatcher. */
typedef void conn_line_fn(struct conn *, const char *line, size_t len);

/* How a connection gets the events to watchers (conn_subscribe). */
enum conn_sub {
	CONN_SUB_NONE,
	CONN_SUB_STREAM,	/* all, from the one shared copy (fanout.c) */
	CONN_SUB_OWN,		/* those notify.c picks, each its own line */
};

struct conn {
	uint64_t		 id;
	int			 fd;
	/* Where its output goes: the socket (fd, bev), or from the reply to
	 * subscribe {"pipe":true} on, a pipe's write end (conn_to_pipe). */
	int			 ofd;
	struct bufferevent	*obev;
	uid_t			 uid;		/* SO_PEERCRED */
	pid_t			 pid;
	struct bufferevent	*bev;
	struct proto_lines	 in;
	conn_line_fn		*on_line;	/* each request line read */
	int			 hello;		/* hello done */
	enum conn_role		 role;
	struct agent		*agent;		/* role agent */
	char			*user;		/* role supervisor/admin */
	struct endpoint		*ep;		/* supervisor's headset, once used */
	int			 subscribed;	/* CONN_SUB_STREAM */
	int			 sub_own;	/* CONN_SUB_OWN */
	size_t			 fan_at;	/* taken of fanout.c's stream */
	enum conn_held		 held;		/* who writes its output */
	size_t			 out_ok;	/* output bytes committed (HELD) */
	int			 out_new;	/* output queued in this pass */
	int			 login_failures;
	int			 dead;
	int			 freeing;
	double			 tokens;	/* flood control bucket */
	uint64_t		 tokens_at;
	struct event		*login_timer;
	struct event		*linger;	/* closing: flush at most this long */
	struct conn		*next;
};

extern struct conn *conns;

void	conn_new(int fd, conn_line_fn *on_line);
void	conn_send(struct conn *, json_t *);	/* steals the reference */
/* A line already encoded, newline included (proto_encode()). */
void	conn_send_line(struct conn *, const char *, size_t);
/* An encoded line to every subscriber, stored once (fanout.c). */
void	conn_broadcast(const char *, size_t);
void	conn_subscribe(struct conn *, enum conn_sub);
/* Sends REPLY (stolen) as the socket's last line, then moves all later
 * output to a pipe whose read end went to the client just before, on a
 * blank line (SCM_RIGHTS). -1 with ERR (REPLY dropped) when it cannot:
 * the output already is a pipe, or the socket has output waiting, or the
 * system refused. */
int	conn_to_pipe(struct conn *, json_t *reply, char *err, size_t errlen);
int	conn_subscribers(void);	/* live ones on the stream */
int	conn_piped(void);	/* live ones whose output is a pipe */
/* The CONN_SUB_OWN ones (a few limited supervisors), N of them; a closed
 * one stays listed, marked dead, until it is freed. */
struct conn *const *conn_own_subscribers(int *n);
/* Since start: each event's delay from the core into a subscriber's
 * socket, a histogram (tickstat_json): status's core.events_to_socket. */
json_t	*conn_events_delay_json(void);
void	conn_close(struct conn *, const char *why);	/* freed from the loop */
void	conn_close_all(const char *why);
int	conn_count(void);
const char *conn_role_name(enum conn_role);

#endif
