/* report-table.c: the columns of `centrala report`, one table per report
 * (name in the CSV header, table header, width, shown in the 80-column
 * default or only with --wide, how to read the figure from a stats row),
 * one printer for all, rows in a stable order (interval, then queue or
 * agent id) and a legend under the table for the short headers. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "report-table.h"
#include "xmalloc.h"

/* CK_MAXSEC: seconds whose total is the maximum, not the sum. */
enum col_kind { CK_COUNT, CK_SECONDS, CK_MAXSEC, CK_FIG };

struct col {
	const char	*csv, *head;
	int		 width, brief;
	enum col_kind	 kind;
	size_t		 off;			/* CK_COUNT, CK_SECONDS */
	double		(*fig)(const void *);	/* CK_FIG: < 0 is "-" */
};

#define Q(f)	offsetof(struct stats_queue, f)
#define A(s)	offsetof(struct stats_agent, state_ms) + (s) * sizeof(int64_t)

static double q_sl(const void *q) { return stats_service_level(q, SL_OFFERED); }
static double q_sl_ans(const void *q) { return stats_service_level(q, SL_ANSWERED); }
static double q_asa(const void *q) { return stats_asa_s(q); }
static double q_aht(const void *q) { return stats_aht_s(q); }
static double q_abn(const void *q) { return stats_abandon_rate(q); }

static double
q_cb_delay(const void *p)
{
	const struct stats_queue *q = p;

	return q->cb_connected ? q->cb_delay_ms / 1000.0 / q->cb_connected : -1;
}

static double a_occ(const void *a) { return stats_occupancy(a); }

/* The row's key: its CSV name and its table header. */
static const char *const queue_key[2] = { "queue", "Queue" };
static const char *const agent_key[2] = { "agent", "Agent" };

/* The outcome columns, Answered to Wait, add up to Offered. */
static const struct col queue_cols[] = {
	{ "offered", "Offered", 7, 1, CK_COUNT, Q(offered), NULL },
	{ "answered", "Answered", 8, 1, CK_COUNT, Q(answered), NULL },
	{ "abandoned", "Aband", 5, 1, CK_COUNT, Q(abandoned), NULL },
	{ "short_abandoned", "Short", 5, 1, CK_COUNT, Q(short_abandoned), NULL },
	{ "to_callback", "Callbk", 6, 1, CK_COUNT, Q(to_callback), NULL },
	{ "overflowed", "Overfl", 6, 1, CK_COUNT, Q(overflowed), NULL },
	{ "max_wait_exit", "Exit", 4, 1, CK_COUNT, Q(timed_out), NULL },
	{ "cut", "Cut", 3, 1, CK_COUNT, Q(cut), NULL },
	{ "still_waiting", "Wait", 4, 1, CK_COUNT, Q(still_waiting), NULL },
	{ "sl_pct", "SL%", 5, 1, CK_FIG, 0, q_sl },
	{ "asa_s", "ASA", 5, 1, CK_FIG, 0, q_asa },
	{ "sl_answered_pct", "SLans%", 6, 0, CK_FIG, 0, q_sl_ans },
	{ "aht_s", "AHT", 6, 0, CK_FIG, 0, q_aht },
	{ "abandon_pct", "Aband%", 6, 0, CK_FIG, 0, q_abn },
	{ "longest_wait_s", "Longest", 7, 0, CK_MAXSEC, Q(max_wait_ms), NULL },
	{ "cb_requested", "Asked", 5, 0, CK_COUNT, Q(cb_requested), NULL },
	{ "cb_connected", "Called", 6, 0, CK_COUNT, Q(cb_connected), NULL },
	{ "cb_failed", "Failed", 6, 0, CK_COUNT, Q(cb_failed), NULL },
	{ "cb_delay_s", "Delay", 5, 0, CK_FIG, 0, q_cb_delay },
};

static const char *const queue_legend =
"Offered = Answered + Aband (abandoned after %d s) + Short (abandoned within\n"
"%d s) + Callbk (left for a callback) + Overfl (overflowed to another queue)\n"
"+ Exit (cleared at max wait) + Cut (ended unanswered: crash, line) + Wait\n"
"(still waiting at the end). SL%%: answered within the target / (offered -\n"
"short - overflowed - callback). ASA: average wait of answered calls (s).\n";

static const char *const queue_legend_wide =
"SLans%%: answered within the target / answered. AHT: average handle time\n"
"(s). Aband%%: abandon rate. Longest: longest wait (s). Callbacks: Asked,\n"
"Called (connected), Failed, Delay (average s from request to connect).\n";

static const struct col agent_cols[] = {
	{ "handled", "Handled", 7, 1, CK_COUNT,
	  offsetof(struct stats_agent, handled), NULL },
	{ "ready_s", "Ready", 7, 1, CK_SECONDS, A(ST_READY), NULL },
	{ "ringing_s", "Ringing", 7, 1, CK_SECONDS, A(ST_RINGING), NULL },
	{ "on_call_s", "On call", 7, 1, CK_SECONDS, A(ST_ON_CALL), NULL },
	{ "wrap_up_s", "Wrap-up", 7, 1, CK_SECONDS, A(ST_WRAP_UP), NULL },
	{ "not_ready_s", "Not ready", 9, 1, CK_SECONDS, A(ST_NOT_READY), NULL },
	{ "occupancy_pct", "Occ%", 5, 1, CK_FIG, 0, a_occ },
};

static const char *const agent_legend =
"Times in seconds. Occ%%: occupancy, (on call + wrap-up) / (ready + ringing\n"
"+ on call + wrap-up).%s\n";

#define NCOLS(t)	(sizeof (t) / sizeof (t)[0])

static int
col_shown(const struct col *c, const struct report_view *v)
{
	return c->brief || v->form != RF_BRIEF;
}

static const char *
when(int64_t ms, int interval_s)
{
	static char	buf[32];
	time_t		t = ms / 1000;
	struct tm	tm;

	gmtime_r(&t, &tm);
	strftime(buf, sizeof buf, interval_s == 86400 ? "%Y-%m-%d" :
	    "%Y-%m-%d %H:%M", &tm);
	return buf;
}

/* The column's figure as text: "-" where it is undefined (no calls). */
static const char *
col_text(const struct col *c, const void *row)
{
	static char	buf[32];
	const char	*p = (const char *)row + c->off;
	double		 v;

	if (c->kind == CK_COUNT) {
		snprintf(buf, sizeof buf, "%u", *(const unsigned *)(const void *)p);
		return buf;
	}
	if (c->kind == CK_SECONDS || c->kind == CK_MAXSEC) {
		snprintf(buf, sizeof buf, "%.0f",
		    *(const int64_t *)(const void *)p / 1000.0);
		return buf;
	}
	if ((v = c->fig(row)) < 0)
		return "-";
	snprintf(buf, sizeof buf, "%.1f", v);
	return buf;
}

static void
col_cell(const struct col *c, const char *text, const struct report_view *v)
{
	if (v->form == RF_CSV)
		printf(",%s", text);
	else
		printf(" %*s", c->width, text);
}

/* The header: the interval's and key's columns, then the table's. */
static void
print_head(const struct col *t, size_t n, const char *const key[2],
    int keyw, const char *extra, const struct report_view *v)
{
	if (v->form == RF_CSV)
		printf("interval,%s", key[0]);
	else if (v->form == RF_WIDE)
		printf("%-16s %-*s", "Interval", keyw, key[1]);
	else
		printf("%-*s", keyw, key[1]);
	for (size_t i = 0; i < n; i++)
		if (col_shown(&t[i], v))
			col_cell(&t[i], v->form == RF_CSV ? t[i].csv : t[i].head, v);
	if (extra != NULL && v->form != RF_BRIEF)
		printf(v->form == RF_CSV ? ",%s" : "  %s", extra);
	printf("\n");
}

static void
print_row(const struct col *t, size_t n, int64_t start, const char *key,
    int keyw, const void *row, const struct report_view *v)
{
	if (v->form == RF_CSV)
		printf("%s,%s", when(start, v->interval_s), key);
	else if (v->form == RF_WIDE)
		printf("%-16s %-*.*s", when(start, v->interval_s), keyw, keyw, key);
	else
		printf("%-*.*s", keyw, keyw, key);
	for (size_t i = 0; i < n; i++)
		if (col_shown(&t[i], v))
			col_cell(&t[i], col_text(&t[i], row), v);
}

/* The totals: counts and times add up, the longest wait is the longest;
 * averages and rates are not summed ("-"). */
static void
add_total(const struct col *t, size_t n, const void *row, double *tot)
{
	for (size_t i = 0; i < n; i++) {
		const char *p = (const char *)row + t[i].off;

		if (t[i].kind == CK_COUNT)
			tot[i] += *(const unsigned *)(const void *)p;
		else if (t[i].kind == CK_SECONDS)
			tot[i] += *(const int64_t *)(const void *)p / 1000.0;
		else if (t[i].kind == CK_MAXSEC &&
		    *(const int64_t *)(const void *)p / 1000.0 > tot[i])
			tot[i] = *(const int64_t *)(const void *)p / 1000.0;
	}
}

static void
print_total(const struct col *t, size_t n, int keyw, const double *tot,
    const struct report_view *v)
{
	char	buf[32];

	if (!v->totals || v->form == RF_CSV)
		return;
	printf("\n%-*s", keyw + (v->form == RF_WIDE ? 17 : 0), "Total");
	for (size_t i = 0; i < n; i++) {
		snprintf(buf, sizeof buf, "%.0f", tot[i]);
		if (col_shown(&t[i], v))
			col_cell(&t[i], t[i].kind == CK_FIG ? "-" : buf, v);
	}
	printf("\n");
}

/* In the 80-column table the interval heads its group of rows. */
static void
print_interval(int64_t start, int64_t *last, const struct report_view *v)
{
	if (v->form != RF_BRIEF || start == *last)
		return;
	printf("%s%s\n", *last == INT64_MIN ? "" : "\n", when(start, v->interval_s));
	*last = start;
}

static int
in_view(int64_t start, const struct report_view *v)
{
	int64_t len = (int64_t)v->interval_s * 1000;

	return start + len > v->from_ms && start < v->to_ms;
}

static int
queue_order(const void *a, const void *b)
{
	const struct stats_queue *x = *(const struct stats_queue *const *)a;
	const struct stats_queue *y = *(const struct stats_queue *const *)b;

	if (x->start_ms != y->start_ms)
		return x->start_ms < y->start_ms ? -1 : 1;
	return strcmp(x->queue, y->queue);
}

/* Agent ids in number order where they are numbers (9 before 10). */
static int
agent_order(const void *a, const void *b)
{
	const struct stats_agent *x = *(const struct stats_agent *const *)a;
	const struct stats_agent *y = *(const struct stats_agent *const *)b;

	if (x->start_ms != y->start_ms)
		return x->start_ms < y->start_ms ? -1 : 1;
	return strverscmp(x->agent, y->agent);
}

/* The rows (sorted) under the header, their totals and the legend. */
static void
queue_rows(const struct stats_queue **rows, int n, const char *const key[2],
    const struct report_view *v)
{
	int64_t	last = INT64_MIN;
	double	tot[NCOLS(queue_cols)] = { 0 };

	qsort(rows, n, sizeof *rows, queue_order);
	print_head(queue_cols, NCOLS(queue_cols), key, 10, NULL, v);
	for (int i = 0; i < n; i++) {
		if (!in_view(rows[i]->start_ms, v))
			continue;
		print_interval(rows[i]->start_ms, &last, v);
		print_row(queue_cols, NCOLS(queue_cols), rows[i]->start_ms,
		    rows[i]->queue, 10, rows[i], v);
		printf("\n");
		add_total(queue_cols, NCOLS(queue_cols), rows[i], tot);
	}
	print_total(queue_cols, NCOLS(queue_cols), 10, tot, v);
	if (v->form == RF_CSV)
		return;
	printf("\n");
	printf(queue_legend, v->short_abandon_s, v->short_abandon_s);
	if (v->form == RF_WIDE)
		printf(queue_legend_wide);
	else
		printf("--wide: all columns; definitions: docs/STATISTICS.md\n");
}

void
report_table_queues(struct stats *s, const struct report_view *v)
{
	int			  n = stats_nqueues(s), k = 0;
	const struct stats_queue **rows = xcalloc(n + 1, sizeof *rows);

	for (int i = 0; i < n; i++)
		if (report_filter_queue(v->filter, stats_queue_at(s, i)->queue))
			rows[k++] = stats_queue_at(s, i);
	queue_rows(rows, k, queue_key, v);
	free(rows);
}

/* Adds a queue's row into its client's: every count and time (the
 * figures derived from them, SL, ASA, AHT, then come out right). */
static void
queue_add(struct stats_queue *t, const struct stats_queue *q)
{
#define ADD(f)	t->f += q->f
	ADD(offered); ADD(answered); ADD(abandoned); ADD(short_abandoned);
	ADD(answered_in_sl); ADD(abandoned_after_sl); ADD(overflowed);
	ADD(timed_out); ADD(to_callback); ADD(cut); ADD(still_waiting);
	ADD(cb_requested); ADD(cb_connected); ADD(cb_failed);
	ADD(cb_delay_ms); ADD(wait_answered_ms); ADD(talk_ms); ADD(hold_ms);
	ADD(wrap_ms);
#undef ADD
	if (q->max_wait_ms > t->max_wait_ms)
		t->max_wait_ms = q->max_wait_ms;
}

static const char *
client_of(const struct config *cfg, const char *queue)
{
	const struct cfg_queue *q = config_find_queue(cfg, queue);

	return q != NULL && q->client[0] != '\0' ? q->client : "(none)";
}

void
report_table_clients(struct stats *s, const struct report_view *v,
    const struct config *cfg)
{
	int			  n = stats_nqueues(s), k = 0, j;
	struct stats_queue	 *sum = xcalloc(n + 1, sizeof *sum);
	const struct stats_queue **rows = xcalloc(n + 1, sizeof *rows);
	static const char *const key[2] = { "client", "Client" };

	for (int i = 0; i < n; i++) {
		const struct stats_queue *q = stats_queue_at(s, i);
		const char *c = client_of(cfg, q->queue);

		if (!report_filter_queue(v->filter, q->queue))
			continue;
		for (j = 0; j < k; j++)
			if (sum[j].start_ms == q->start_ms &&
			    strcmp(sum[j].queue, c) == 0)
				break;
		if (j == k) {
			snprintf(sum[k].queue, sizeof sum[k].queue, "%s", c);
			sum[k].start_ms = q->start_ms;
			rows[k] = &sum[k];
			k++;
		}
		queue_add(&sum[j], q);
	}
	queue_rows(rows, k, key, v);
	free(rows);
	free(sum);
}

static void
print_reasons(const struct stats_agent *a, const struct report_view *v)
{
	if (v->form == RF_BRIEF)
		return;
	printf(v->form == RF_CSV ? "," : "  ");
	for (int r = 0; r < STATS_REASONS && a->reason[r][0]; r++)
		printf("%s%s=%.0f", r ? (v->form == RF_CSV ? ";" : " ") : "",
		    a->reason[r], a->reason_ms[r] / 1000.0);
}

void
report_table_agents(struct stats *s, const struct report_view *v)
{
	int			  n = stats_nagents(s), k = 0;
	const struct stats_agent **rows = xcalloc(n + 1, sizeof *rows);
	int64_t			  last = INT64_MIN;
	double			  tot[NCOLS(agent_cols)] = { 0 };

	for (int i = 0; i < n; i++)
		if (report_filter_agent(v->filter, stats_agent_at(s, i)->agent))
			rows[k++] = stats_agent_at(s, i);
	n = k;
	qsort(rows, n, sizeof *rows, agent_order);
	print_head(agent_cols, NCOLS(agent_cols), agent_key, 10,
	    v->form == RF_CSV ? "not_ready_reasons_s" : "Not ready by reason (s)",
	    v);
	for (int i = 0; i < n; i++) {
		if (!in_view(rows[i]->start_ms, v))
			continue;
		print_interval(rows[i]->start_ms, &last, v);
		print_row(agent_cols, NCOLS(agent_cols), rows[i]->start_ms,
		    rows[i]->agent, 10, rows[i], v);
		print_reasons(rows[i], v);
		printf("\n");
		add_total(agent_cols, NCOLS(agent_cols), rows[i], tot);
	}
	free(rows);
	print_total(agent_cols, NCOLS(agent_cols), 10, tot, v);
	if (v->form != RF_CSV)
		printf("\n");
	if (v->form != RF_CSV)	/* under the table, after a blank line */
		printf(agent_legend, v->form == RF_BRIEF ?
		    " --wide: not-ready time by reason." : "");
}
