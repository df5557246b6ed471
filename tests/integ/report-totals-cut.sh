#!/bin/sh
# report-totals-cut.sh: the queue report from the stored totals ends where
# the events end (docs/STATISTICS.md "Stored totals"). A fixture database
# at schema 7 with calls and wrap-ups that cross 15-minute boundaries is
# upgraded (the backfill of step 8 fills the totals with whole calls);
# then the report, ended at every few minutes of the morning, by 15 and
# 60 minutes, must equal the report from the events alone (--no-totals):
# a call or a wrap-up still going at the report's end must not count
# whole (the report finds the calls by their CDRs, the wrap-ups by the
# agents' events). The calls (2026-11-02, UTC):
#   a: queued 10:10, answered 10:14:30 by 1001, ends 10:20, wrap-up to 10:31
#   b: queued 10:13, abandons 10:16
#   c: queued 10:29, answered 10:29:50 by 1002, ends 10:47, wrap-up to 10:48
#   d: queued 10:44, cut at 11:05 (still waiting until then)
#   e: queued 09:58, answered 10:00:20 by 1001, ends 10:05, wrap-up to 10:06
. "$top_srcdir/tests/integ/lib.sh"

DB="$T/fix.db"
{
	awk '/^-- version 8$/ { exit } { print }' "$S/data/schema.sql"
	cat <<'SQL'
CREATE TEMP TABLE e (t TEXT, kind TEXT, call TEXT, agent TEXT, queue TEXT,
	state TEXT, detail TEXT);
INSERT INTO e VALUES
 ('09:00:00', 'agent_state', NULL, '1001', NULL, 'ready', NULL),
 ('09:00:00', 'agent_state', NULL, '1002', NULL, 'ready', NULL),
 ('09:58:00', 'queue_enter', 'e', NULL, 'sales', NULL, '{"sl_target":20}'),
 ('10:00:20', 'answer', 'e', '1001', 'sales', NULL, NULL),
 ('10:00:20', 'agent_state', NULL, '1001', NULL, 'on_call', NULL),
 ('10:05:00', 'call_end', 'e', '1001', 'sales', NULL, NULL),
 ('10:05:00', 'agent_state', NULL, '1001', NULL, 'wrap_up', NULL),
 ('10:06:00', 'agent_state', NULL, '1001', NULL, 'ready', NULL),
 ('10:10:00', 'queue_enter', 'a', NULL, 'sales', NULL, '{"sl_target":20}'),
 ('10:13:00', 'queue_enter', 'b', NULL, 'sales', NULL, '{"sl_target":20}'),
 ('10:14:30', 'answer', 'a', '1001', 'sales', NULL, NULL),
 ('10:14:30', 'agent_state', NULL, '1001', NULL, 'on_call', NULL),
 ('10:16:00', 'abandon', 'b', NULL, 'sales', NULL, NULL),
 ('10:16:00', 'call_end', 'b', NULL, 'sales', NULL, NULL),
 ('10:20:00', 'call_end', 'a', '1001', 'sales', NULL, NULL),
 ('10:20:00', 'agent_state', NULL, '1001', NULL, 'wrap_up', NULL),
 ('10:29:00', 'queue_enter', 'c', NULL, 'support', NULL, '{"sl_target":30}'),
 ('10:29:50', 'answer', 'c', '1002', 'support', NULL, NULL),
 ('10:29:50', 'agent_state', NULL, '1002', NULL, 'on_call', NULL),
 ('10:31:00', 'agent_state', NULL, '1001', NULL, 'ready', NULL),
 ('10:44:00', 'queue_enter', 'd', NULL, 'sales', NULL, '{"sl_target":20}'),
 ('10:47:00', 'call_end', 'c', '1002', 'support', NULL, NULL),
 ('10:47:00', 'agent_state', NULL, '1002', NULL, 'wrap_up', NULL),
 ('10:48:00', 'agent_state', NULL, '1002', NULL, 'ready', NULL),
 ('11:05:00', 'call_end', 'd', NULL, 'sales', NULL, NULL);
INSERT INTO events (ts_ms, kind, call_id, agent, queue, state, detail)
	SELECT CAST(strftime('%s', '2026-11-02 ' || t) AS INTEGER) * 1000, kind,
	    call, agent, queue, state, detail FROM e ORDER BY rowid;
-- Each call's CDR, as the core writes it when the call ends (from its
-- SETUP, a minute before it queued).
INSERT INTO cdr (call_id, direction, start_ms, end_ms, queue, cleared_by)
	SELECT call_id, 'in', min(ts_ms) - 60000, max(ts_ms), max(queue), 'network'
	FROM events WHERE call_id IS NOT NULL GROUP BY call_id;
PRAGMA user_version = 7;
SQL
} | sqlite3 "$DB" || fail "fixture"
"$B/tests/bench/bench-cdr" --migrate "$DB" 2>/dev/null || fail "the upgrade failed"
[ "$(sqlite3 "$DB" "select sum(offered) || ' ' || sum(wrap_ms) from queue_totals")" = "5 780000" ] ||
	fail "backfill: $(sqlite3 "$DB" "select sum(offered) || ' ' || sum(wrap_ms) from queue_totals")"
pass "upgraded: 5 calls and 13 minutes of wrap-up in the totals"

n=0
for to in 10:03 10:05 10:12 10:15 10:17 10:21 10:25 10:30 10:31 10:35 10:46 \
    10:48 10:50 11:00 11:06 12:00; do
	for i in 15 60; do
		"$B/centrala-report" --db "$DB" --from 2026-11-02 --to "2026-11-02 $to" \
			--interval $i --wide --csv >"$T/a.csv" || fail "report to $to failed"
		"$B/centrala-report" --db "$DB" --from 2026-11-02 --to "2026-11-02 $to" \
			--interval $i --wide --csv --no-totals >"$T/b.csv" || fail "report to $to failed"
		diff "$T/b.csv" "$T/a.csv" || fail "to $to by $i min: the totals differ from the events"
		n=$((n + 1))
	done
done
pass "$n reports ended in the middle of calls and wrap-ups: totals = events"
