#!/bin/sh
# bench-report-campaign.sh: the campaigns and compliance reports over a
# month of BENCH_ATTEMPTS dial attempts (default 300,000) on BENCH_RECORDS
# records (default 100,000) in two lists of one running campaign, in five
# time zones, a DNC list of 1,000 numbers, generated with the sqlite3 CLI
# from the real schema. Prints the generation time and each report's wall
# time, CPU time and peak memory (/usr/bin/time -v).
. "$top_srcdir/tests/integ/lib.sh"
N=${BENCH_ATTEMPTS:-300000}
R=${BENCH_RECORDS:-100000}
DB="$T/camp.db"
BASE=1793491200000	# 2026-11-01 00:00 UTC
STEP=$(( 2592000000 / N ))

cat >"$T/c.ini" <<'INI'
[span e1a]
[client acme]
[queue sales]
client = acme
[campaign spring]
client = acme
queues = sales
caller_id = +442079460999
hours = mon-sun 08:00-20:00
target = 50000
dispositions = sale:success:close, later:retry=60, no:close
INI
t0=$(date +%s%N)
{
	cat "$S/data/schema.sql"
	cat <<SQL
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
BEGIN;
INSERT INTO campaigns VALUES ('spring', 'running', 'config', 0);
INSERT INTO lists (id, campaign, name, priority, created_ms)
	VALUES (1, 'spring', 'main', 5, 0), (2, 'spring', 'extra', 1, 0);
-- record i: list 1 + i mod 2, a zone of five, open and due every third
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $R)
INSERT INTO records (id, list_id, line, phone, tz, state, next_at_ms)
	SELECT i, 1 + i % 2, i, '+4420' || (10000000 + i), CASE i % 5
	WHEN 0 THEN '' WHEN 1 THEN 'America/New_York' WHEN 2 THEN
	'Europe/Warsaw' WHEN 3 THEN 'Asia/Tokyo' ELSE 'Australia/Sydney' END,
	CASE WHEN i % 3 = 0 THEN 'open' ELSE 'done' END,
	CASE WHEN i % 6 = 0 THEN 0 ELSE 99999999999999 END FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)
INSERT INTO dnc (number, client, added_ms)
	SELECT '+4420' || (10000000 + i * 97), 'acme', 0 FROM n;
-- attempt i: record 1 + i mod R; outcomes busy, noanswer, machine,
-- answered (sale, later, no), abandoned; agent 1000 + i mod 200
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < $N - 1)
INSERT INTO attempts (record_id, ts_ms, outcome, agent, disposition)
	SELECT 1 + i % $R, $BASE + i * $STEP, CASE i % 10 WHEN 0 THEN 'busy'
	WHEN 1 THEN 'noanswer' WHEN 2 THEN 'noanswer' WHEN 3 THEN 'machine'
	WHEN 4 THEN 'abandoned' ELSE 'answered' END,
	CASE WHEN i % 10 = 4 THEN NULL ELSE 1000 + i % 200 END,
	CASE i % 10 WHEN 5 THEN 'sale' WHEN 6 THEN 'later' WHEN 7 THEN 'no'
	ELSE NULL END FROM n;
COMMIT;
SQL
} | sqlite3 "$DB" >/dev/null || fail "fixture"
t1=$(date +%s%N)
echo "fixture: $N attempts on $R records, $(( $(stat -c %s "$DB") / 1048576 )) MiB, generated in $(( (t1 - t0) / 1000000 )) ms"

# run NAME ARGS...: one report, its figures from /usr/bin/time -v.
run() {
	_name=$1; shift
	/usr/bin/time -v "$B/centrala-report" --db "$DB" --config "$T/c.ini" \
		--from 2026-11-01 --to 2026-12-01 "$@" >"$T/out.$_name" \
		2>"$T/time.$_name" || { cat "$T/time.$_name"; fail "$_name failed"; }
	awk -v n="$_name" -F': ' '/Elapsed \(wall clock\)/ { wall = $2 }
		/User time/ { user = $2 } /System time/ { sys = $2 }
		/Maximum resident/ { rss = $2 }
		END { printf "%-22s wall %s s  user %s s  sys %s s  peak RSS %.1f MiB\n", n, wall, user, sys, rss / 1024 }' "$T/time.$_name"
}
run campaigns campaigns --csv
run campaigns-by-list campaigns --by list --csv
run campaigns-by-agent campaigns --by agent --csv
run compliance compliance --csv
cat "$T/out.campaigns" "$T/out.compliance"
