/* retention.c: deletes what is older than its period in [retention]
 * (docs/ADMIN.md), at start and then once a day. A run goes kind by kind,
 * one batch of rows per loop pass (db-retention.c), so calls are served
 * between batches; each batch is committed before its files are deleted.
 * A run reads the configuration in force when it starts (a reload takes
 * effect at the next run) and is logged with its counts. */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <event2/event.h>
#include "clock.h"
#include "config.h"
#include "core.h"
#include "db.h"
#include "log.h"
#include "retention.h"
#include "xmalloc.h"

#define RET_DAY_S	86400
#define RET_DAY_MS	(RET_DAY_S * (int64_t)1000)

/* The kinds, in the order a run takes them: what refers to calls first. */
static const struct {
	const char	*kind;
	size_t		 field;		/* char * in struct cfg_retention */
} ret_kinds[] = {
	{ "callbacks", offsetof(struct cfg_retention, callbacks) },
	{ "recordings", offsetof(struct cfg_retention, recordings) },
	{ "voicemail", offsetof(struct cfg_retention, voicemail) },
	{ "attempts", offsetof(struct cfg_retention, attempts) },
	{ "customers_idle", offsetof(struct cfg_retention, customers_idle) },
	{ "cdr", offsetof(struct cfg_retention, cdr) },
	{ "events", offsetof(struct cfg_retention, events) },
};
#define RET_NKINDS	(sizeof ret_kinds / sizeof ret_kinds[0])

static struct {
	struct event	*timer;
	size_t		 cur;			/* kind being done */
	int64_t		 before[RET_NKINDS];	/* 0 = kept forever */
	int		 deleted[RET_NKINDS];
	int		 files, batches, batch, errors;
} ret;

static void	ret_step_cb(evutil_socket_t, short, void *);

static void
ret_after(int seconds)
{
	struct timeval tv = { seconds, 0 };

	evtimer_add(ret.timer, &tv);
}

static void
ret_begin(void)
{
	const struct cfg_retention	*r = &core.cfg->retention;
	int64_t				 now = clock_wall_ms();
	char				 why[200];
	int				 days;

	memset(ret.deleted, 0, sizeof ret.deleted);
	ret.cur = 0;
	ret.files = ret.batches = ret.errors = 0;
	ret.batch = r->batch > 0 ? r->batch : 500;
	for (size_t i = 0; i < RET_NKINDS; i++) {
		const char *v = *(char *const *)((const char *)r +
		    ret_kinds[i].field);

		ret.before[i] = 0;
		if (v != NULL && config_duration_days(v, &days, why,
		    sizeof why) == 0 && days > 0)
			ret.before[i] = now - days * RET_DAY_MS;
	}
	log_info("retention: run started");
}

static void
ret_end(void)
{
	char	line[512];
	size_t	used = 0;

	for (size_t i = 0; i < RET_NKINDS; i++)
		if (ret.before[i] != 0 && used < sizeof line)
			used += (size_t)snprintf(line + used, sizeof line - used,
			    "%s%d %s", used > 0 ? ", " : "", ret.deleted[i],
			    ret_kinds[i].kind);
	(ret.errors > 0 ? log_warn : log_info)("retention: done: %s deleted "
	    "(%d files) in %d batches%s", used > 0 ? line : "nothing (no "
	    "period set)", ret.files, ret.batches, ret.errors > 0 ?
	    ", with errors (see above)" : "");
}

/* Deletes the files of a committed batch. */
static void
ret_unlink(json_t *files)
{
	size_t	 i;
	json_t	*f;
	char	*path;

	json_array_foreach(files, i, f) {
		path = xprintf("%s/%s", core.state_dir, json_string_value(f));
		if (unlink(path) == 0 || errno == ENOENT)
			ret.files++;
		else
			log_warn("retention: %s not deleted: %s", path,
			    strerror(errno));
		free(path);
	}
}

static void
ret_step_cb(evutil_socket_t fd, short what, void *arg)
{
	json_t	*files;
	int	 n;

	if (ret.cur == RET_NKINDS)
		ret_begin();
	while (ret.cur < RET_NKINDS && ret.before[ret.cur] == 0)
		ret.cur++;
	if (ret.cur == RET_NKINDS) {
		ret_end();
		ret_after(RET_DAY_S);
		return;
	}
	files = json_array();
	n = db_retention_batch(core.db, ret_kinds[ret.cur].kind,
	    ret.before[ret.cur], ret.batch, files);
	ret.batches++;
	if (n < 0 || db_commit(core.db) != 0) {
		ret.errors++;
		n = -1;
	} else {
		ret.deleted[ret.cur] += n;
		ret_unlink(files);
	}
	json_decref(files);
	if (n < ret.batch)		/* this kind is done (or failed) */
		ret.cur++;
	if (ret.cur == RET_NKINDS) {
		ret_end();
		ret_after(RET_DAY_S);
	} else
		ret_after(0);		/* the next batch, after this pass */
}

void
retention_start(void)
{
	ret.timer = evtimer_new(core.base, ret_step_cb, NULL);
	ret.cur = RET_NKINDS;		/* the first step begins a run */
	ret_after(0);
}

void
retention_stop(void)
{
	if (ret.timer != NULL)
		event_free(ret.timer);
	ret.timer = NULL;
}
