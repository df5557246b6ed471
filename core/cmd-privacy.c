/* cmd-privacy.c: the admin's data-subject requests on a customer:
 * `customer-export` (every record as one JSON document, in the reply, or
 * written with the recordings and voicemail files into a directory) and
 * `customer-erase` (db-privacy.c does the rows in one transaction; the
 * files go after the commit). Both are logged as security events. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "clock.h"
#include "cmd-handlers.h"
#include "core.h"
#include "db.h"
#include "log.h"
#include "xmalloc.h"

static const char *
priv_who(struct cmd_ctx *ctx)
{
	return ctx->conn->user != NULL ? ctx->conn->user : "admin";
}

/* mkdir -p of the directories in PATH's dirname. */
static int
priv_mkdirs(const char *path)
{
	char	*p = xstrdup(path), *s;
	int	 rc = 0;

	for (s = strchr(p + 1, '/'); s != NULL && rc == 0; s = strchr(s + 1, '/')) {
		*s = '\0';
		if (mkdir(p, 0750) != 0 && errno != EEXIST)
			rc = -1;
		*s = '/';
	}
	free(p);
	return rc;
}

/* Copies FROM to TO, which must not exist. */
static int
priv_copy(const char *from, const char *to)
{
	char	 buf[65536];
	ssize_t	 n = 0;
	int	 in, out, rc = 0;

	if ((in = open(from, O_RDONLY | O_CLOEXEC)) < 0)
		return -1;
	if (priv_mkdirs(to) != 0 || (out = open(to, O_WRONLY | O_CREAT |
	    O_EXCL | O_CLOEXEC, 0640)) < 0) {
		close(in);
		return -1;
	}
	while (rc == 0 && (n = read(in, buf, sizeof buf)) > 0)
		if (write(out, buf, (size_t)n) != n)
			rc = -1;
	if (n < 0 || close(out) != 0)
		rc = -1;
	close(in);
	return rc;
}

/* Writes DIR/customer-ID.json and copies the files beside it, under
 * recordings/ and voicemail/ as in the state directory. */
static int
priv_write_dir(struct cmd_ctx *ctx, const char *dir, int64_t id, json_t *doc)
{
	static const char *const kinds[][2] = {
		{ "recordings", "recordings/" }, { "voicemail", "voicemail/" },
	};
	char	*file, *from, *to;
	size_t	 i, n = 0;
	json_t	*r;
	int	 missing = 0;

	if (dir[0] != '/')
		return cmd_error(ctx, PROTO_E_BAD_ARGS, "out: %.200s: must be "
		    "absolute", dir);
	if (mkdir(dir, 0750) != 0 && errno != EEXIST)
		return cmd_error(ctx, PROTO_E_BAD_ARGS, "out: %.200s: %s", dir,
		    strerror(errno));
	file = xprintf("%s/customer-%lld.json", dir, (long long)id);
	if (json_dump_file(doc, file, JSON_INDENT(1) | JSON_SORT_KEYS) != 0) {
		cmd_error(ctx, PROTO_E_BAD_ARGS, "out: %.200s: cannot write "
		    "it: %s", file, strerror(errno));
		free(file);
		return -1;
	}
	json_object_set_new(ctx->reply, "file", json_string(file));
	free(file);
	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
		json_array_foreach(json_object_get(doc, kinds[k][0]), i, r) {
			const char *p = json_string_value(json_object_get(r,
			    "path"));

			if (p == NULL || strstr(p, "..") != NULL)
				continue;
			from = xprintf("%s/%s%s", core.state_dir, kinds[k][1], p);
			to = xprintf("%s/%s%s", dir, kinds[k][1], p);
			if (priv_copy(from, to) == 0)
				n++;
			else {
				log_warn("customer export: %s not copied to "
				    "%s: %s", from, to, strerror(errno));
				missing++;
			}
			free(from);
			free(to);
		}
	json_object_set_new(ctx->reply, "files", json_integer((json_int_t)n));
	json_object_set_new(ctx->reply, "missing", json_integer(missing));
	return 0;
}

int
cmd_customer_export(struct cmd_ctx *ctx)
{
	int64_t		 id = json_integer_value(json_object_get(ctx->args,
	    "customer"));
	const char	*out = cmd_str(ctx, "out");
	json_t		*doc;

	if ((doc = db_privacy_export(core.db, id)) == NULL)
		return cmd_error(ctx, PROTO_E_BAD_ARGS, "customer %lld: no such "
		    "customer", (long long)id);
	if (out != NULL && priv_write_dir(ctx, out, id, doc) != 0) {
		json_decref(doc);
		return -1;
	}
	log_warn("security: customer %lld exported by %s (uid %d)%s%s",
	    (long long)id, priv_who(ctx), (int)ctx->conn->uid,
	    out != NULL ? " to " : "", out != NULL ? out : "");
	if (out == NULL)
		json_object_set_new(ctx->reply, "export", doc);
	else
		json_decref(doc);
	return 0;
}

int
cmd_customer_erase(struct cmd_ctx *ctx)
{
	int64_t		 id = json_integer_value(json_object_get(ctx->args,
	    "customer"));
	json_t		*counts, *files, *f;
	size_t		 i;
	char		*path;
	int		 rc, gone = 0;

	rc = db_privacy_erase(core.db, id, priv_who(ctx), &counts, &files);
	if (rc <= 0) {
		json_decref(counts);
		json_decref(files);
		return rc == 0 ? cmd_error(ctx, PROTO_E_BAD_ARGS, "customer "
		    "%lld: no such customer", (long long)id) :
		    cmd_error(ctx, PROTO_E_INTERNAL, "customer %lld: database "
		    "error, nothing erased", (long long)id);
	}
	/* The rows are committed: now the files. */
	json_array_foreach(files, i, f) {
		path = xprintf("%s/%s", core.state_dir, json_string_value(f));
		if (unlink(path) == 0 || errno == ENOENT)
			gone++;
		else
			log_error("customer erase: %s not deleted: %s", path,
			    strerror(errno));
		free(path);
	}
	json_object_set_new(counts, "files", json_integer(gone));
	log_warn("security: customer %lld erased by %s (uid %d): %d files, "
	    "%lld contacts, %lld calls made anonymous", (long long)id,
	    priv_who(ctx), (int)ctx->conn->uid, gone,
	    json_integer_value(json_object_get(counts, "contacts")),
	    json_integer_value(json_object_get(counts, "calls")));
	json_object_set_new(ctx->reply, "erased", counts);
	json_decref(files);
	return 0;
}
