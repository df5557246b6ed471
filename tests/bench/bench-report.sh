#!/bin/sh
# bench-report.sh: the queue interval report over a month of BENCH_CALLS
# calls (default 1,000,000) with their CDRs and the events the core writes
# for them (call_start, call_routed, queue_enter, then offer, the agent's
# ringing, answer, on_call, call_end, ready; or abandon and call_end: 9 or
# 5 a call, in time order), generated into a fixture database with the
# sqlite3 CLI from the real schema up to version 7 (before the stored
# totals). Prints the generation time, the database size; the queue report
# from the events alone (as before version 8); the upgrade to version 8
# with its backfill of the per-interval totals; then the reports' wall
# time, CPU time and peak memory (/usr/bin/time -v) for 60-minute, 15-minute
# and day intervals, from the totals, and for the trunk report; the queue
# report must be the same, byte for byte, from the events and from the
# totals. Last, the totals' cost on the CDR write path (bench-cdr). Goal:
# the queue report under 1 s.
. "$top_srcdir/tests/integ/lib.sh"
N=${BENCH_CALLS:-1000000}
DB="$T/month.db"
FROM=2026-11-01
TO=2026-12-01
# 30 days of 86,400,000 ms shared by N calls: one every 2,592,000,000 / N ms.
STEP=$(( 2592000000 / N ))
BASE=1793491200000	# 2026-11-01 00:00 UTC

t0=$(date +%s%N)
{
	awk '/^-- version 8$/ { exit } { print }' "$S/data/schema.sql"
	cat <<SQL
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
BEGIN;
-- Call i: queue q(i mod 5), SETUP at BASE + i*STEP, queued 5 s later;
-- every 10th caller abandons after 30 s, the others are answered after
-- (i mod 40) s by agent 1000 + (i mod 200) (each agent every 520 s) and
-- talk 180 s.
CREATE TEMP TABLE c AS WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL
	SELECT i + 1 FROM n WHERE i < $N - 1)
	SELECT i, 'b' || i AS id, $BASE + i * $STEP AS start,
	    $BASE + i * $STEP + 5000 AS enter, 'q' || (i % 5) AS queue,
	    CASE WHEN i % 10 = 0 THEN NULL ELSE (1000 + i % 200) END AS agent,
	    CASE WHEN i % 10 = 0 THEN 30000 ELSE (i % 40) * 1000 END AS wait
	FROM n;
INSERT INTO cdr (call_id, direction, start_ms, answer_ms, end_ms, cli, dnis,
	span, channel, queue, agent, queue_enter_ms, agent_answer_ms, wait_ms,
	talk_ms, cause, cleared_by)
	SELECT id, 'in', start, start, enter + wait + (CASE WHEN agent IS NULL
	    THEN 0 ELSE 180000 END), '4860' || i, '2000', 'e1' || (i % 4),
	    1 + i % 30, queue, agent, enter, CASE WHEN agent IS NULL THEN 0
	    ELSE enter + wait END, wait, CASE WHEN agent IS NULL THEN 0
	    ELSE 180000 END, 16, 'network' FROM c;
INSERT INTO events (ts_ms, kind, call_id, agent, queue, state, detail)
	SELECT ts, kind, id, agent, queue, state, detail FROM (
	    SELECT start AS ts, 'call_start' AS kind, id, NULL AS agent,
	    NULL AS queue, NULL AS state,
	    '{"span":"e1a","channel":1,"direction":"in"}' AS detail FROM c
	    UNION ALL SELECT start + 1000, 'call_routed', id, NULL, NULL,
	    NULL, '{"route":"queue:' || queue || '"}' FROM c
	    UNION ALL SELECT enter, 'queue_enter', id, NULL, queue, NULL,
	    '{"sl_target":20}' FROM c
	    UNION ALL SELECT enter + wait - 2000, 'offer', id, agent, queue,
	    NULL, NULL FROM c WHERE agent IS NOT NULL
	    UNION ALL SELECT enter + wait - 2000, 'agent_state', NULL, agent,
	    NULL, 'ringing', NULL FROM c WHERE agent IS NOT NULL
	    UNION ALL SELECT enter + wait, CASE WHEN agent IS NULL THEN
	    'abandon' ELSE 'answer' END, id, agent, queue, NULL, NULL FROM c
	    UNION ALL SELECT enter + wait, 'agent_state', NULL, agent, NULL,
	    'on_call', NULL FROM c WHERE agent IS NOT NULL
	    UNION ALL SELECT enter + wait + (CASE WHEN agent IS NULL THEN 0
	    ELSE 180000 END), 'call_end', id, agent, queue, NULL, NULL FROM c
	    UNION ALL SELECT enter + wait + 180000, 'agent_state', NULL, agent,
	    NULL, 'ready', NULL FROM c WHERE agent IS NOT NULL)
	ORDER BY ts;
COMMIT;
PRAGMA user_version = 7;
SQL
} | sqlite3 "$DB" >/dev/null || fail "generating the fixture"
t1=$(date +%s%N)
echo "fixture: $N calls, $(sqlite3 "$DB" "select count(*) from events") events, $(( $(stat -c %s "$DB") / 1048576 )) MiB, generated in $(( (t1 - t0) / 1000000 )) ms"

# run NAME ARGS...: one report, its figures from /usr/bin/time -v.
run() {
	_name=$1; shift
	/usr/bin/time -v "$B/centrala-report" --db "$DB" --from $FROM --to $TO "$@" \
		>"$T/out.$_name" 2>"$T/time.$_name" || { cat "$T/time.$_name"; fail "$_name failed"; }
	awk -v n="$_name" -F': ' '
		/Elapsed \(wall clock\)/ { wall = $2 }
		/User time/ { user = $2 } /System time/ { sys = $2 }
		/Maximum resident/ { rss = $2 }
		END { printf "%-22s wall %s s  user %s s  sys %s s  peak RSS %.1f MiB\n", n, wall, user, sys, rss / 1024 }' "$T/time.$_name"
}
run "queues, 60 min, CSV, from the events (before)" --interval 60 --csv --no-totals
"$B/tests/bench/bench-cdr" --migrate "$DB" 2>/dev/null || fail "the upgrade failed"
run "queues, 60 min, CSV" --interval 60 --csv
cmp -s "$T/out.queues, 60 min, CSV, from the events (before)" "$T/out.queues, 60 min, CSV" ||
	fail "the queue report from the totals differs from the one from the events"
echo "queue report from the totals = from the events, byte for byte"
run "queues, 15 min, CSV" --interval 15 --csv
run "queues, day, CSV" --interval day --csv
run "queues, 60 min, table" --interval 60
run "trunks, 60 min, CSV" trunks --interval 60 --csv
rows=$(($(wc -l <"$T/out.queues, 60 min, CSV") - 1))
echo "queue report: $rows rows (5 queues x 720 hours)"
# (the last calls of the month enter the queue after its end)
offered=$(awk -F, 'NR > 1 { s += $3 } END { print s }' "$T/out.queues, 60 min, CSV")
want=$(sqlite3 "$DB" "select count(*) from events where kind = 'queue_enter' and ts_ms < $BASE + 2592000000")
[ "$offered" -eq "$want" ] || fail "the report offered $offered calls, not $want"
"$B/tests/bench/bench-cdr" "${BENCH_CDR_CALLS:-5000}" 2>/dev/null || fail "bench-cdr failed"
