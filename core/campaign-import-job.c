/* campaign-import-job.c: `list-import` off the loop (campaign.h:
 * campaign_import_start). A thread reads, checks and normalises the CSV
 * (campaign_import_parse: no database); it writes a byte to a pipe the
 * loop watches; the loop then writes the rows in one transaction and
 * calls back. Measured in docs/PERFORMANCE.md ("List import off the
 * loop"). */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <event2/event.h>
#include "campaign.h"
#include "campaign-import.h"
#include "clock.h"
#include "log.h"
#include "xmalloc.h"

/* An import with its parse on a thread. */
struct campaign_import_job {
	struct db		*db;
	char			 campaign[33], list[65], country[8];
	char			*path;
	int			 priority;
	FILE			*f;
	struct imp		*m;
	int			 pipe[2];
	struct event		*ev;
	pthread_t		 thread;
	uint64_t		 start_us;	/* mono: the request */
	campaign_import_cb	 done;
	void			*arg;
};

static void
imp_job_free(struct campaign_import_job *j)
{
	if (j->ev != NULL)
		event_free(j->ev);
	if (j->pipe[0] >= 0)
		close(j->pipe[0]);
	if (j->pipe[1] >= 0)
		close(j->pipe[1]);
	if (j->f != NULL)
		fclose(j->f);
	if (j->m != NULL)
		campaign_import_free(j->m);
	free(j->path);
	free(j);
}

static void *
imp_thread(void *arg)
{
	struct campaign_import_job	*j = arg;
	char				 one = 1;

	j->m = campaign_import_parse(j->f, j->country);
	while (write(j->pipe[1], &one, 1) < 0 && errno == EINTR)
		;
	return NULL;
}

/* The parse is done: the write, on the loop, then the caller's reply. */
static void
imp_done_cb(evutil_socket_t fd, short what, void *arg)
{
	struct campaign_import_job	*j = arg;
	const struct campaign		*c;
	json_t				*reply = json_object();
	char				 why[512], byte;
	int				 rc = -1;
	uint64_t			 t0 = clock_mono_us();

	(void)what;
	if (read(fd, &byte, 1) != 1)
		return;
	pthread_join(j->thread, NULL);
	if (campaign_import_fatal(j->m)[0] != '\0')
		snprintf(why, sizeof why, "%s: %s: nothing imported", j->path,
		    campaign_import_fatal(j->m));
	else if ((c = campaign_find(j->campaign)) == NULL)
		snprintf(why, sizeof why, "campaign %s is gone (a reload?): "
		    "nothing imported", j->campaign);
	else
		rc = campaign_import_write(j->db, c, j->list, j->path,
		    j->priority, j->m,
		    reply, why, sizeof why);
	log_info("list import %s/%s: parse %.0f ms on a thread, write %.0f ms "
	    "on the loop", j->campaign, j->list, (t0 - j->start_us) / 1e3,
	    (clock_mono_us() - t0) / 1e3);
	j->done(rc, reply, rc == 0 ? "" : why, j->arg);
	json_decref(reply);
	imp_job_free(j);
}

int
campaign_import_start(struct event_base *base, struct db *db,
    const struct campaign *c, const char *list, const char *path,
    const char *country, int priority, campaign_import_cb done, void *arg,
    char *why, size_t len)
{
	struct campaign_import_job *j = xcalloc(1, sizeof *j);

	j->pipe[0] = j->pipe[1] = -1;
	if ((j->f = fopen(path, "r")) == NULL) {
		snprintf(why, len, "%s: %s", path, strerror(errno));
		imp_job_free(j);
		return -1;
	}
	j->db = db;
	snprintf(j->campaign, sizeof j->campaign, "%s", c->name);
	snprintf(j->list, sizeof j->list, "%s", list);
	snprintf(j->country, sizeof j->country, "%s", country[0] ? country :
	    c->cfg->country);
	j->path = xstrdup(path);
	j->priority = priority;
	j->start_us = clock_mono_us();
	j->done = done;
	j->arg = arg;
	if (pipe(j->pipe) != 0 || (j->ev = event_new(base, j->pipe[0],
	    EV_READ, imp_done_cb, j)) == NULL || event_add(j->ev, NULL) != 0 ||
	    pthread_create(&j->thread, NULL, imp_thread, j) != 0) {
		snprintf(why, len, "cannot start the import: %s",
		    strerror(errno));
		imp_job_free(j);
		return -1;
	}
	return 0;
}
