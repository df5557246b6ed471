/* report-compliance.c: the rules of docs/DIALER.md kept per campaign,
 * from its dial attempts: the abandon rate over the period, its worst
 * rolling 24 hours (Ofcom) and 30 days (TSR) against the cap, answering
 * machine verdicts estimated to be persons counted in (amd_false_positive:
 * docs/DIALER.md); abandoned calls whose message began within 2 s of the
 * end of the greeting; the shortest ring the dialer gave up on; numbers
 * refused at the dial for a do-not-call list, and dials to numbers on
 * one; dials outside the calling hours in the record's zone. Definitions:
 * docs/REPORTS.md. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "report-camp.h"
#include "report-grid.h"
#include "xmalloc.h"

enum { C_CAMP, C_LIVE, C_ABAND, C_RATE, C_DAY, C_MONTH, C_CAP, C_MSG,
	C_RING, C_DIALS, C_DNC_REFUSED, C_DNC_DIALED, C_OUT_HOURS, C_MACHINES,
	C_AMD_FP, C_N };

static const struct grid_col cols[C_N] = {
	[C_CAMP] = { "campaign", "Campaign", -10, 1, 0 },
	[C_LIVE] = { "live", "Live", 5, 1, 1 },
	[C_ABAND] = { "abandons", "Aband", 5, 1, 1 },
	[C_RATE] = { "abandon_pct", "Aband%", 6, 0, 0 },
	[C_DAY] = { "worst_24h_pct", "24h%", 5, 1, 0 },
	[C_MONTH] = { "worst_30d_pct", "30d%", 5, 1, 0 },
	[C_CAP] = { "cap_pct", "Cap%", 4, 1, 0 },
	[C_MSG] = { "message_2s", "Msg2s", 5, 1, 0 },
	[C_RING] = { "min_ring_s", "MinRing", 7, 1, 0 },
	[C_DIALS] = { "dials", "Dials", 5, 1, 1 },
	[C_DNC_REFUSED] = { "dnc_refused", "DNCref", 6, 0, 0 },
	[C_DNC_DIALED] = { "dnc_dialed", "DNCdial", 7, 1, 1 },
	[C_OUT_HOURS] = { "outside_hours", "OutHrs", 6, 1, 1 },
	[C_MACHINES] = { "machines", "Mach", 5, 0, 1 },
	[C_AMD_FP] = { "amd_fp_est", "AMDfp", 5, 0, 0 },
};

#define DAY_MS		86400000LL
#define MONTH_MS	(30 * DAY_MS)

/* The campaign's attempts from ?2 to ?3 (previews skipped are no dials;
 * 'dnc': refused at the dial): time, outcome, the number listed on a DNC
 * list (global or ?4's) before the dial, the detector's verdict, the
 * abandon message's start after the end of the greeting (NULL: none). */
static const char attempts_sql[] =
"SELECT a.ts_ms, a.outcome, EXISTS (SELECT 1 FROM dnc d"
"  WHERE d.number = r.phone AND (d.client IS NULL OR d.client = ?4)"
"  AND d.added_ms <= a.ts_ms), coalesce(a.amd, ''),"
" a.message_ms - coalesce(a.greeting_ms, 0)"
" FROM attempts a JOIN records r ON r.id = a.record_id"
" JOIN lists l ON l.id = r.list_id WHERE l.campaign = ?1"
" AND a.ts_ms >= ?2 AND a.ts_ms < ?3 AND a.outcome <> 'skipped'"
" ORDER BY a.ts_ms, a.id";

/* The period's dials zone by zone (records with a zone of their own,
 * then by number: the zone of its country), for the calling hours. */
static const char hours_sql[] =
"SELECT a.ts_ms, r.tz, r.phone FROM attempts a JOIN records r ON r.id ="
" a.record_id JOIN lists l ON l.id = r.list_id WHERE l.campaign = ?1"
" AND a.ts_ms >= ?2 AND a.ts_ms < ?3 AND a.outcome NOT IN ('skipped', 'dnc')"
" ORDER BY r.tz, r.phone";

/* The rings the dialer gave up on (no answer), timed by their CDR (SETUP
 * to the end) where the attempt names its call: how many, how many
 * timed, the shortest. */
static const char ring_sql[] =
"SELECT count(*), count(c.id), min(c.end_ms - c.start_ms)"
" FROM attempts a JOIN records r ON r.id = a.record_id"
" JOIN lists l ON l.id = r.list_id LEFT JOIN cdr c ON c.call_id ="
" a.call_id AND c.answer_ms = 0 WHERE l.campaign = ?1"
" AND a.ts_ms >= ?2 AND a.ts_ms < ?3 AND a.outcome = 'noanswer'";

/* A live answer (or the share of a machine verdict estimated a person,
 * then abandoned). */
struct live {
	int64_t	ts;
	double	live, abandoned;
};

/* The worst rate, in percent, over the window of len ms that ends at
 * each live answer of the period (the rate the dialer sees then), the
 * answers before the period counting; -1 if none in the period. */
static double
worst(const struct live *v, int n, int64_t from_ms, int64_t len)
{
	double	w = -1, live = 0, ab = 0;
	int	lo = 0;

	for (int i = 0; i < n; i++) {
		live += v[i].live;
		ab += v[i].abandoned;
		while (v[lo].ts <= v[i].ts - len) {
			live -= v[lo].live;
			ab -= v[lo++].abandoned;
		}
		if (v[i].ts >= from_ms && live > 1e-9 && 100.0 * ab / live > w)
			w = 100.0 * ab / live;
	}
	return w;
}

static void
pct(char *buf, size_t len, double v)
{
	if (v < 0)
		snprintf(buf, len, "-");
	else
		snprintf(buf, len, "%.1f", v);
}

static void
campaign(struct grid *g, const struct report_ctx *c, const struct camp_info *ci)
{
	char		 num[C_N][24];
	const char	*cell[C_N] = { 0 };
	sqlite3_stmt	*st = report_prepare(c->db, attempts_sql);
	struct live	*v = NULL;
	int		 n = 0, live = 0, ab = 0, dials = 0, dnc = 0, out = 0;
	int		 refused = 0, msg2s = 0, machines = 0;
	double		 fp = 0, share = (ci->cfg != NULL ?
			     ci->cfg->amd_false_positive : 2) / 100.0;

	sqlite3_bind_text(st, 1, ci->name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, c->v->from_ms - MONTH_MS);
	sqlite3_bind_int64(st, 3, c->v->to_ms);
	if (ci->cfg != NULL)
		sqlite3_bind_text(st, 4, ci->cfg->client, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		int64_t		 ts = sqlite3_column_int64(st, 0);
		const char	*o = (const char *)sqlite3_column_text(st, 1);
		const char	*amd = (const char *)sqlite3_column_text(st, 3);
		int		 isab = strcmp(o, "abandoned") == 0;
		double		 w = 0;

		if (strcmp(o, "machine") == 0 && strncmp(amd, "machine:", 8) == 0)
			w = strcmp(amd, "machine:initial silence") == 0 ? 1 :
			    share;
		if (isab || strcmp(o, "answered") == 0 || w > 0) {
			v = xrealloc(v, (n + 1) * sizeof *v);
			v[n++] = w > 0 ? (struct live){ ts, w, w } :
			    (struct live){ ts, 1, isab };
		}
		if (ts < c->v->from_ms)
			continue;
		if (strcmp(o, "dnc") == 0) {
			refused++;
			continue;
		}
		live += isab || strcmp(o, "answered") == 0;
		ab += isab;
		msg2s += isab && sqlite3_column_type(st, 4) != SQLITE_NULL &&
		    sqlite3_column_int64(st, 4) <= 2000;
		machines += strcmp(o, "machine") == 0;
		fp += w;
		dials++;
		dnc += sqlite3_column_int(st, 2);
	}
	sqlite3_finalize(st);
	st = report_prepare(c->db, hours_sql);
	sqlite3_bind_text(st, 1, ci->name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, c->v->from_ms);
	sqlite3_bind_int64(st, 3, c->v->to_ms);
	while (ci->hours_ok && sqlite3_step(st) == SQLITE_ROW)
		if (!report_camp_open(ci, report_camp_tz(ci,
		    (const char *)sqlite3_column_text(st, 1),
		    (const char *)sqlite3_column_text(st, 2)),
		    (time_t)(sqlite3_column_int64(st, 0) / 1000)))
			out++;
	sqlite3_finalize(st);
	cell[C_CAMP] = ci->name;
	snprintf(num[C_LIVE], 24, "%d", live);
	snprintf(num[C_ABAND], 24, "%d", ab);
	pct(num[C_RATE], 24, live + fp > 0 ? 100.0 * (ab + fp) / (live + fp) :
	    -1);
	pct(num[C_DAY], 24, worst(v, n, c->v->from_ms, DAY_MS));
	pct(num[C_MONTH], 24, worst(v, n, c->v->from_ms, MONTH_MS));
	snprintf(num[C_CAP], 24, "%d", ci->cfg != NULL ? ci->cfg->abandon_cap : 3);
	snprintf(num[C_DIALS], 24, "%d", dials);
	snprintf(num[C_DNC_DIALED], 24, "%d", dnc);
	snprintf(num[C_OUT_HOURS], 24, ci->hours_ok ? "%d" : "-", out);
	snprintf(num[C_MSG], 24, "%d", msg2s);
	snprintf(num[C_DNC_REFUSED], 24, "%d", refused);
	snprintf(num[C_MACHINES], 24, "%d", machines);
	snprintf(num[C_AMD_FP], 24, "%.1f", fp);
	free(v);

	st = report_prepare(c->db, ring_sql);
	sqlite3_bind_text(st, 1, ci->name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, c->v->from_ms);
	sqlite3_bind_int64(st, 3, c->v->to_ms);
	snprintf(num[C_RING], 24, "-");		/* no ring given up */
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) > 0) {
		if (sqlite3_column_int(st, 1) == 0)
			snprintf(num[C_RING], 24, "n/a");
		else
			snprintf(num[C_RING], 24, "%.1f",
			    sqlite3_column_int64(st, 2) / 1000.0);
	}
	sqlite3_finalize(st);
	for (int i = C_LIVE; i < C_N; i++)
		cell[i] = num[i];
	grid_row(g, cell);
}

int
report_compliance(const struct report_ctx *c)
{
	struct camp_info *ci;
	struct grid	  g;
	int		  n = report_camps(c, &ci);

	if (n == 0) {
		printf("no campaigns\n");
		free(ci);
		return 0;
	}
	grid_head(&g, cols, C_N, c->v);
	for (int i = 0; i < n; i++)
		campaign(&g, c, &ci[i]);
	free(ci);
	grid_end(&g);
	if (c->v->form != RF_CSV)
		printf("Live: answered by a person; Aband: of those, not given "
		    "an agent within 2 s.\n24h%%, 30d%%: the worst abandon rate "
		    "over the 24 hours / 30 days before\neach live answer of "
		    "the period, against Cap%%; Aband%% and both count AMDfp.\n"
		    "Msg2s: abandoned calls whose message began within 2 s of "
		    "the end of the\ngreeting. MinRing: shortest ring given up "
		    "(s; n/a: attempts name no call).\nDNCref: numbers refused "
		    "at the dial for a DNC list; DNCdial: dials to a\nnumber "
		    "then on a DNC list; OutHrs: dials outside calling hours in "
		    "the\nrecord's zone (both must be 0). Mach, AMDfp (--wide, CSV): "
		    "answering machines\ndetected; of those, estimated persons "
		    "(amd_false_positive; all by initial\nsilence), counted as "
		    "abandoned live answers. Definitions: docs/REPORTS.md\n");
	return 0;
}
