/* cli.h: the client side of the core's socket, for ctl, the scripted
 * agents and the consoles: connect, requests with ids, replies matched to
 * them, events queued in arrival order. Usable blocking (cli_call) or from
 * an event loop (cli_fd, cli_read, cli_take). */
#ifndef CZ_CLI_H
#define CZ_CLI_H

#include <stddef.h>
#include <jansson.h>

struct cli;

/* Where the socket is: --socket, else --state-dir DIR/run/centrala.sock,
 * else $CENTRALA_SOCKET, else $CENTRALA_STATE_DIR/run/centrala.sock, else
 * state/run/centrala.sock (the default config's state_dir). Static buffer. */
const char	*cli_socket_path(const char *socket_opt, const char *state_opt);

struct cli	*cli_connect(const char *path, char *err, size_t errlen);
void		 cli_close(struct cli *);
int		 cli_fd(const struct cli *);
/* Sends a request (adds an integer id if it has none); steals req.
 * Returns the id, or -1 if the connection is gone. */
int		 cli_send(struct cli *, json_t *req);
/* Reads what is there without blocking: 0, or -1 at EOF or error. */
int		 cli_read(struct cli *);
/* The next message received (reply or event), or NULL. Caller decrefs. */
json_t		*cli_take(struct cli *);
/* Sends req and waits for its reply, keeping events for cli_take. NULL on
 * timeout or a lost connection (err says which). */
json_t		*cli_call(struct cli *, json_t *req, int timeout_ms, char *err,
		    size_t errlen);
/* The reply's error text if it is {"ok":false}, else NULL. */
const char	*cli_reply_error(json_t *reply);
int		 cli_hello(struct cli *, const char *client, char *err, size_t errlen);
int		 cli_login(struct cli *, json_t *login, char *err, size_t errlen);

#endif
