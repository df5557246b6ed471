/* report-filter.c: the queues, agents and DIDs a report covers. A client
 * owns queues and DIDs ([queue] client =, [did] client =); its agents are
 * those serving one of its queues. --queue and --agent narrow further. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "report-filter.h"
#include "xmalloc.h"

static void
set_add(struct report_set *s, const char *name)
{
	s->on = 1;
	s->v = xrealloc(s->v, (s->n + 1) * sizeof *s->v);
	s->v[s->n++] = xstrdup(name);
}

static int
set_has(const struct report_set *s, const char *name)
{
	if (!s->on)
		return 1;
	for (int i = 0; name != NULL && i < s->n; i++)
		if (strcmp(s->v[i], name) == 0)
			return 1;
	return 0;
}

static void
client_names(const struct config *cfg, char *buf, size_t len)
{
	size_t n = 0;

	buf[0] = '\0';
	for (int i = 0; i < cfg->nclients && n < len; i++)
		n += snprintf(buf + n, len - n, "%s%s", i ? ", " : "",
		    cfg->clients[i].name);
	if (cfg->nclients == 0)
		snprintf(buf, len, "none");
}

static void
client_load(struct report_filter *f, const struct config *cfg, const char *c)
{
	char names[512];

	if (cfg == NULL) {
		fprintf(stderr, "centrala report: --client needs the core's "
		    "config (--config FILE or $CENTRALA_CONF)\n");
		exit(2);
	}
	if (config_find_client(cfg, c) == NULL) {
		client_names(cfg, names, sizeof names);
		fprintf(stderr, "centrala report: --client: no [client %s] in "
		    "%s (clients: %s)\n", c, cfg->path, names);
		exit(2);
	}
	f->queues.on = f->agents.on = f->dids.on = 1;
	for (int i = 0; i < cfg->nqueues; i++)
		if (strcmp(cfg->queues[i].client, c) == 0)
			set_add(&f->queues, cfg->queues[i].name);
	for (int i = 0; i < cfg->ndids; i++)
		if (strcmp(cfg->dids[i].client, c) == 0)
			set_add(&f->dids, cfg->dids[i].number);
	for (int i = 0; i < cfg->nagents; i++)
		for (int j = 0; j < cfg->agents[i].nqueues; j++)
			if (set_has(&f->queues, cfg->agents[i].queues[j])) {
				set_add(&f->agents, cfg->agents[i].id);
				break;
			}
}

void
report_filter_init(struct report_filter *f, const struct config *cfg,
    const char *client, const char *queue, const char *agent)
{
	memset(f, 0, sizeof *f);
	f->client = client;
	if (client != NULL)
		client_load(f, cfg, client);
	if (queue != NULL) {
		if (!set_has(&f->queues, queue)) {
			fprintf(stderr, "centrala report: --queue %s is not a "
			    "queue of client %s\n", queue, client);
			exit(2);
		}
		f->queues.n = 0;
		set_add(&f->queues, queue);
		f->queue_given = 1;
	}
	if (agent != NULL) {
		if (!set_has(&f->agents, agent)) {
			fprintf(stderr, "centrala report: --agent %s does not "
			    "serve a queue of client %s\n", agent, client);
			exit(2);
		}
		f->agents.n = 0;
		set_add(&f->agents, agent);
		f->agent_given = 1;
	}
}

int
report_filter_queue(const struct report_filter *f, const char *queue)
{
	return set_has(&f->queues, queue);
}

int
report_filter_agent(const struct report_filter *f, const char *agent)
{
	return set_has(&f->agents, agent);
}

/* "col IN ('a','b')" (an empty set matches nothing). */
char *
report_filter_set_sql(const struct report_set *s, const char *col)
{
	char *sql = sqlite3_mprintf("%s IN (", col), *next;

	for (int i = 0; i < s->n; i++) {
		next = sqlite3_mprintf("%s%s%Q", sql, i ? "," : "", s->v[i]);
		sqlite3_free(sql);
		sql = next;
	}
	next = sqlite3_mprintf("%s)", sql);
	sqlite3_free(sql);
	return next;
}

char *
report_filter_sql(const struct report_filter *f)
{
	char *q = f->queues.on ? report_filter_set_sql(&f->queues, "queue") :
	    sqlite3_mprintf("1");
	char *d = report_filter_set_sql(&f->dids, "dnis"), *a, *sql;

	/* a client's unanswered calls have no agent: only --agent narrows */
	a = f->agent_given ? report_filter_set_sql(&f->agents, "agent") :
	    sqlite3_mprintf("1");
	/* a client's calls: on its queues, or to its numbers */
	if (f->dids.on && !f->queue_given)
		sql = sqlite3_mprintf("((%s OR %s) AND %s)", q, d, a);
	else
		sql = sqlite3_mprintf("(%s AND %s)", q, a);
	sqlite3_free(q);
	sqlite3_free(d);
	sqlite3_free(a);
	return sql;
}

const char *
report_filter_words(const struct report_filter *f)
{
	static char	buf[256];
	size_t		n = 0;

	buf[0] = '\0';
	if (f->client != NULL)
		n += snprintf(buf + n, sizeof buf - n, "; client %s", f->client);
	if (f->queue_given && n < sizeof buf)
		n += snprintf(buf + n, sizeof buf - n, "; queue %s", f->queues.v[0]);
	if (f->agent_given && n < sizeof buf)
		snprintf(buf + n, sizeof buf - n, "; agent %s", f->agents.v[0]);
	return buf;
}
