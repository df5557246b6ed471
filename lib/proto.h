/* proto.h: the client protocol's framing, shared by the core and clients.
 * One JSON object per line (docs/protocol.md). This layer splits a byte
 * stream into lines with a size limit and checks a request's shape; it knows
 * nothing about what requests mean. */
#ifndef CZ_PROTO_H
#define CZ_PROTO_H

#include <stddef.h>
#include <jansson.h>

#define PROTO_VERSION		1
#define PROTO_LINE_MAX_DEFAULT	65536	/* bytes, newline excluded */
#define PROTO_ID_MAX		64	/* characters of a string id */

/* Accumulates bytes; hands out complete lines. */
struct proto_lines {
	char	*buf;
	size_t	 len;
	size_t	 cap;
	size_t	 max;		/* longest line accepted */
	int	 skipping;	/* discarding the rest of an over-long line */
};

enum proto_line_result {
	PROTO_LINE_NONE,	/* need more bytes */
	PROTO_LINE_OK,		/* *line and *len hold one line (no newline, NUL-terminated) */
	PROTO_LINE_TOO_LONG	/* one line exceeded max and was discarded */
};

void	proto_lines_init(struct proto_lines *, size_t max);
void	proto_lines_free(struct proto_lines *);
void	proto_lines_feed(struct proto_lines *, const char *, size_t);
/* Returns the next line; the pointer is valid until the next call. */
enum proto_line_result proto_lines_next(struct proto_lines *, char **line, size_t *len);

/* A request's shape, checked before any handler runs. */
struct proto_req {
	json_t		*root;	/* owned: the whole object */
	json_t		*id;	/* borrowed: integer or string, or NULL */
	const char	*name;	/* borrowed: the "req" member */
};

/* Error codes used in replies ({"ok":false,"error":CODE,"message":...}). */
#define PROTO_E_BAD_JSON	"bad-json"
#define PROTO_E_TOO_LONG	"too-long"
#define PROTO_E_BAD_REQUEST	"bad-request"
#define PROTO_E_UNKNOWN		"unknown-request"
#define PROTO_E_BAD_ARGS	"bad-args"
#define PROTO_E_NOT_LOGGED_IN	"not-logged-in"
#define PROTO_E_FORBIDDEN	"forbidden"
#define PROTO_E_AUTH		"auth-failed"
#define PROTO_E_NOT_FOUND	"not-found"
#define PROTO_E_BAD_STATE	"bad-state"
#define PROTO_E_BUSY		"busy"
#define PROTO_E_INTERNAL	"internal"

/* Parses one line into a request. On error returns -1 with *code one of the
 * PROTO_E_* strings and msg filled; req->id is set when it could be read, so
 * the error reply can carry it. */
int	proto_parse_request(const char *line, size_t len, struct proto_req *req,
	    const char **code, char *msg, size_t msglen);
void	proto_req_free(struct proto_req *);

/* Builders. Each returns a new object; proto_encode() gives "...\n". */
json_t	*proto_reply_ok(json_t *id);
json_t	*proto_reply_error(json_t *id, const char *code, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
json_t	*proto_event(const char *name);
/* A JSON array of the N strings of LIST. */
json_t	*proto_strings(char *const *list, int n);
char	*proto_encode(json_t *, size_t *len);	/* malloc'd, with newline */

#endif
