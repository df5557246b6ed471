/* cli.h: the client side of the core's socket (docs/protocol.md), for ctl,
 * the scripted agents and the consoles: connect, requests with ids, replies
 * matched to them, events queued in arrival order. Usable blocking
 * (cli_call, cli_next_event) or from an event loop (cli_fd, cli_read,
 * cli_take, cli_want_write/cli_flush). */
#ifndef CZ_CLI_H
#define CZ_CLI_H

#include <stddef.h>
#include <jansson.h>

#define CLI_TIMEOUT_DEFAULT	10000	/* ms, for the hello and login helpers */

struct cli;

/* Where the socket is: socket_opt (--socket), else $CENTRALA_SOCKET when
 * there is no state_dir_opt, else run/centrala.sock in the state directory
 * statedir_find gives (--state-dir, $CENTRALA_STATE_DIR, ./state or
 * ./demo-state). Static buffer. */
const char	*cli_socket_path(const char *socket_opt, const char *state_dir_opt);

/* Connects (the socket is non-blocking afterwards). NULL with err filled,
 * e.g. "cannot connect to P: No such file or directory — tried
 * state/run/centrala.sock and demo-state/run/centrala.sock (...); name
 * another with --state-dir DIR or CENTRALA_STATE_DIR". */
struct cli	*cli_connect(const char *path, char *err, size_t errlen);
void		 cli_close(struct cli *);
/* What went wrong last (a lost connection, a timeout, a refused request). */
const char	*cli_error(const struct cli *);
/* 1 once the core has closed the connection (or it failed). */
int		 cli_closed(const struct cli *);
void		 cli_set_timeout(struct cli *, int ms);

/* --- for event loops --- */
/* What to wait on for input (the socket, or the pipe after a subscribe
 * with {"pipe":true}); cli_out_fd for output (always the socket). */
int		 cli_fd(const struct cli *);
int		 cli_out_fd(const struct cli *);
/* Queues a request and sends what the socket takes; steals req. Adds an
 * integer id if req has none and returns it (0 if req brought its own);
 * -1 if the connection is gone. */
int		 cli_send(struct cli *, json_t *req);
/* 1 while some output waits for the socket to be writable. */
int		 cli_want_write(const struct cli *);
/* Sends queued output: 0 all sent, 1 some left, -1 connection gone. */
int		 cli_flush(struct cli *);
/* On readable: reads what is there without blocking and queues the
 * messages; 0, or -1 at end of file or error (queued messages stay). */
int		 cli_read(struct cli *);
/* The next message received, reply or event, or NULL. Caller decrefs. */
json_t		*cli_take(struct cli *);

/* --- blocking --- */
/* Sends req (steals it) and waits up to timeout_ms (-1: no limit) for the
 * reply with its id, queueing events that come meanwhile. NULL on timeout
 * or a lost connection (cli_error says which). A reply {"ok":false} is
 * returned as it is: see cli_reply_error. */
json_t		*cli_call(struct cli *, json_t *req, int timeout_ms);
/* The next event (queued or still to come), waiting up to timeout_ms
 * (-1: no limit); replies met on the way stay for cli_take. NULL on
 * timeout or when the core has gone (then cli_closed is 1). */
json_t		*cli_next_event(struct cli *, int timeout_ms);

/* NULL if the reply says ok, else "CODE: message" (static buffer). */
const char	*cli_reply_error(json_t *reply);

/* The session: each waits for its reply (cli_set_timeout); 0, or -1 with
 * cli_error set. *reply, when reply is not NULL, gets the login reply
 * (role, name, state, queues...); the caller decrefs it. */
int		 cli_hello(struct cli *, const char *client);
int		 cli_login_user(struct cli *, const char *user, const char *pin,
		    json_t **reply);
int		 cli_login_local(struct cli *, json_t **reply);

/* The same requests, built for clients that send them from a loop. */
json_t		*cli_req_hello(const char *client);
json_t		*cli_req_login_agent(const char *agent, const char *pin);
/* PIPE: the events, and all later output, on a pipe (docs/protocol.md):
 * half the cost of a socket to the core and to the reader. */
json_t		*cli_req_subscribe(int pipe);

#endif
