/* cmd-backup.c: the admin's `backup` request. The reply says the copy has
 * started; a "backup" event, sent to the requester alone, says how it
 * ended (db-backup.c does the work off the loop). */
#include <stdint.h>
#include <stdio.h>
#include "cmd-handlers.h"
#include "core.h"
#include "db-backup.h"

/* The requester is named by its id: it may have gone by the end. */
static void
cmd_backup_done_cb(const struct db_backup_result *r, void *arg)
{
	uint64_t	 id = (uint64_t)(uintptr_t)arg;
	json_t		*ev;

	for (struct conn *c = conns; c != NULL; c = c->next) {
		if (c->id != id || c->dead)
			continue;
		ev = proto_event("backup");
		json_object_set_new(ev, "file", json_string(r->file));
		json_object_set_new(ev, "ok", json_boolean(r->ok));
		if (r->ok) {
			json_object_set_new(ev, "pages", json_integer(r->pages));
			json_object_set_new(ev, "bytes", json_integer(r->bytes));
		} else
			json_object_set_new(ev, "error", json_string(r->error));
		conn_send(c, ev);
	}
}

int
cmd_backup(struct cmd_ctx *ctx)
{
	const char	*file = cmd_str(ctx, "file");
	char		 err[600];

	if (db_backup_start(core.base, core.db_path, file, cmd_backup_done_cb,
	    (void *)(uintptr_t)ctx->conn->id, err, sizeof err) != 0)
		return cmd_error(ctx, PROTO_E_BAD_ARGS, "backup: %s", err);
	json_object_set_new(ctx->reply, "file", json_string(file));
	return 0;
}
