/* fuzz-proto.c: fuzz target for the protocol framing and request parser.
 * Input bytes are fed in two chunks to the line splitter (as a socket would
 * deliver them); every complete line goes through proto_parse_request and,
 * when it parses, an error reply is built and encoded, as the core does. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "proto.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct proto_lines	 pl;
	struct proto_req	 req;
	enum proto_line_result	 r;
	const char		*code;
	char			 msg[256], *line, *out;
	size_t			 n, split = len ? data[0] % (len + 1) : 0;

	proto_lines_init(&pl, 256);
	proto_lines_feed(&pl, (const char *)data, split);
	for (int pass = 0; pass < 2; pass++) {
		while ((r = proto_lines_next(&pl, &line, &n)) != PROTO_LINE_NONE) {
			if (r == PROTO_LINE_TOO_LONG)
				continue;
			if (proto_parse_request(line, n, &req, &code, msg,
			    sizeof msg) != 0) {
				json_t *e = proto_reply_error(req.id, code, "%s", msg);
				out = proto_encode(e, NULL);
				free(out);
				json_decref(e);
			}
			proto_req_free(&req);
		}
		proto_lines_feed(&pl, (const char *)data + split, len - split);
	}
	proto_lines_free(&pl);
	return 0;
}
