/* cmd-ctx.c: the helpers a request's handler and lookups share: set the
 * error the dispatcher answers with, read a string argument, check a code
 * against a configured list. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "cmd-ctx.h"
#include "core.h"

int
cmd_error(struct cmd_ctx *ctx, const char *code, const char *fmt, ...)
{
	va_list ap;

	ctx->err_code = code;
	va_start(ap, fmt);
	vsnprintf(ctx->err_msg, sizeof ctx->err_msg, fmt, ap);
	va_end(ap);
	return -1;
}

const char *
cmd_str(struct cmd_ctx *ctx, const char *name)
{
	return json_string_value(json_object_get(ctx->args, name));
}

int
cmd_check_code(struct cmd_ctx *ctx, const char *what, char *const *list,
    int n, const char *code)
{
	char allowed[512] = "";

	for (int i = 0; i < n; i++) {
		if (strcmp(list[i], code) == 0)
			return 0;
		snprintf(allowed + strlen(allowed), sizeof allowed - strlen(allowed),
		    "%s%s", i ? ", " : "", list[i]);
	}
	return cmd_error(ctx, PROTO_E_BAD_ARGS, "\"%.32s\" is not a %s (%s)",
	    code, what, allowed);
}

int
cmd_check_reason(struct cmd_ctx *ctx, const char *reason)
{
	return cmd_check_code(ctx, "not-ready reason",
	    core.cfg->core.not_ready_reasons,
	    core.cfg->core.n_not_ready_reasons, reason);
}
