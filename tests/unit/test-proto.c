/* test-proto.c: the line splitter and the request shape checks. */
#include <string.h>
#include "proto.h"
#include "tap.h"

static int
parse(const char *s, const char **code)
{
	struct proto_req	req;
	char			msg[256];
	int			r;

	*code = "";
	r = proto_parse_request(s, strlen(s), &req, code, msg, sizeof msg);
	proto_req_free(&req);
	return r;
}

int
main(void)
{
	struct proto_lines	 pl;
	char			*line;
	size_t			 n;
	const char		*code;
	char			 big[300];

	proto_lines_init(&pl, 64);
	proto_lines_feed(&pl, "{\"a\":", 5);
	ok(proto_lines_next(&pl, &line, &n) == PROTO_LINE_NONE, "partial line waits");
	proto_lines_feed(&pl, "1}\r\n{}\n", 7);
	ok(proto_lines_next(&pl, &line, &n) == PROTO_LINE_OK && strcmp(line, "{\"a\":1}") == 0,
	    "line joined across feeds, CR stripped");
	ok(proto_lines_next(&pl, &line, &n) == PROTO_LINE_OK && n == 2, "second line");
	ok(proto_lines_next(&pl, &line, &n) == PROTO_LINE_NONE, "buffer drained");
	memset(big, 'x', sizeof big);
	proto_lines_feed(&pl, big, sizeof big);
	ok(proto_lines_next(&pl, &line, &n) == PROTO_LINE_TOO_LONG, "over-long line reported once");
	proto_lines_feed(&pl, big, 10);
	ok(proto_lines_next(&pl, &line, &n) == PROTO_LINE_NONE, "rest of long line skipped");
	proto_lines_feed(&pl, "\n{\"ok\":1}\n", 10);
	ok(proto_lines_next(&pl, &line, &n) == PROTO_LINE_OK && strcmp(line, "{\"ok\":1}") == 0,
	    "next line after the long one is intact");
	proto_lines_free(&pl);

	ok(parse("{\"id\":1,\"req\":\"ping\"}", &code) == 0, "good request");
	ok(parse("{\"req\":\"ping\"}", &code) == 0, "id is optional");
	ok(parse("{nope", &code) != 0 && strcmp(code, PROTO_E_BAD_JSON) == 0, "bad json");
	ok(parse("[1]", &code) != 0 && strcmp(code, PROTO_E_BAD_REQUEST) == 0, "array refused");
	ok(parse("{\"id\":1}", &code) != 0 && strcmp(code, PROTO_E_BAD_REQUEST) == 0, "no req");
	ok(parse("{\"id\":[1],\"req\":\"x\"}", &code) != 0, "array id refused");
	ok(parse("{\"id\":1,\"id\":2,\"req\":\"x\"}", &code) != 0, "duplicate keys refused");
	return tap_done();
}
