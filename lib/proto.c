/* proto.c: line splitting with a size limit and request shape checks. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "proto.h"
#include "xmalloc.h"

void
proto_lines_init(struct proto_lines *pl, size_t max)
{
	memset(pl, 0, sizeof *pl);
	pl->max = max;
}

void
proto_lines_free(struct proto_lines *pl)
{
	free(pl->buf);
	memset(pl, 0, sizeof *pl);
}

void
proto_lines_feed(struct proto_lines *pl, const char *data, size_t n)
{
	if (pl->len + n + 1 > pl->cap) {
		size_t cap = pl->cap ? pl->cap : 4096;
		while (cap < pl->len + n + 1)
			cap *= 2;
		pl->buf = xrealloc(pl->buf, cap);
		pl->cap = cap;
	}
	memcpy(pl->buf + pl->len, data, n);
	pl->len += n;
}

/* Drops the first n bytes of the buffer. */
static void
proto_lines_consume(struct proto_lines *pl, size_t n)
{
	memmove(pl->buf, pl->buf + n, pl->len - n);
	pl->len -= n;
}

enum proto_line_result
proto_lines_next(struct proto_lines *pl, char **line, size_t *len)
{
	static char	*out;
	static size_t	 outcap;
	char		*nl;
	size_t		 n;

	for (;;) {
		nl = pl->len ? memchr(pl->buf, '\n', pl->len) : NULL;
		if (pl->skipping) {
			if (nl == NULL) {
				pl->len = 0;
				return PROTO_LINE_NONE;
			}
			proto_lines_consume(pl, nl - pl->buf + 1);
			pl->skipping = 0;
			continue;
		}
		if (nl == NULL) {
			if (pl->len > pl->max) {
				pl->skipping = 1;
				pl->len = 0;
				return PROTO_LINE_TOO_LONG;
			}
			return PROTO_LINE_NONE;
		}
		n = nl - pl->buf;
		if (n > pl->max) {
			proto_lines_consume(pl, n + 1);
			return PROTO_LINE_TOO_LONG;
		}
		if (n + 1 > outcap) {
			outcap = n + 1 > 4096 ? n + 1 : 4096;
			free(out);
			out = xmalloc(outcap);
		}
		memcpy(out, pl->buf, n);
		out[n] = '\0';
		if (n > 0 && out[n - 1] == '\r')
			out[--n] = '\0';
		proto_lines_consume(pl, nl - pl->buf + 1);
		*line = out;
		*len = n;
		return PROTO_LINE_OK;
	}
}

int
proto_parse_request(const char *line, size_t len, struct proto_req *req,
    const char **code, char *msg, size_t msglen)
{
	json_error_t	 jerr;
	json_t		*root, *id, *name;

	memset(req, 0, sizeof *req);
	root = json_loadb(line, len, JSON_REJECT_DUPLICATES, &jerr);
	if (root == NULL) {
		*code = PROTO_E_BAD_JSON;
		snprintf(msg, msglen, "not JSON: %s at column %d", jerr.text,
		    jerr.column);
		return -1;
	}
	req->root = root;
	if (!json_is_object(root)) {
		*code = PROTO_E_BAD_REQUEST;
		snprintf(msg, msglen, "a request must be a JSON object");
		return -1;
	}
	id = json_object_get(root, "id");
	if (id != NULL) {
		if (json_is_integer(id) || (json_is_string(id) &&
		    json_string_length(id) <= PROTO_ID_MAX))
			req->id = id;
		else {
			*code = PROTO_E_BAD_REQUEST;
			snprintf(msg, msglen, "\"id\" must be an integer or a "
			    "string of at most %d characters", PROTO_ID_MAX);
			return -1;
		}
	}
	name = json_object_get(root, "req");
	if (!json_is_string(name) || json_string_length(name) == 0 ||
	    json_string_length(name) > 64) {
		*code = PROTO_E_BAD_REQUEST;
		snprintf(msg, msglen, "missing or bad \"req\" member");
		return -1;
	}
	req->name = json_string_value(name);
	return 0;
}

void
proto_req_free(struct proto_req *req)
{
	json_decref(req->root);
	memset(req, 0, sizeof *req);
}

json_t *
proto_reply_ok(json_t *id)
{
	json_t *o = json_object();

	if (id != NULL)
		json_object_set(o, "id", id);
	json_object_set_new(o, "ok", json_true());
	return o;
}

json_t *
proto_reply_error(json_t *id, const char *code, const char *fmt, ...)
{
	json_t	*o = json_object();
	va_list	 ap;
	char	 msg[512];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (id != NULL)
		json_object_set(o, "id", id);
	json_object_set_new(o, "ok", json_false());
	json_object_set_new(o, "error", json_string(code));
	json_object_set_new(o, "message", json_string(msg));
	return o;
}

json_t *
proto_strings(char *const *list, int n)
{
	json_t *a = json_array();

	for (int i = 0; i < n; i++)
		json_array_append_new(a, json_string(list[i]));
	return a;
}

json_t *
proto_event(const char *name)
{
	json_t *o = json_object();

	json_object_set_new(o, "event", json_string(name));
	return o;
}

char *
proto_encode(json_t *o, size_t *len)
{
	char	*s = json_dumps(o, JSON_COMPACT);
	size_t	 n;

	if (s == NULL)
		s = xstrdup("{}");
	n = strlen(s);
	s = xrealloc(s, n + 2);
	s[n] = '\n';
	s[n + 1] = '\0';
	if (len != NULL)
		*len = n + 1;
	return s;
}
