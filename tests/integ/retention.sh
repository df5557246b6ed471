#!/bin/sh
# retention.sh: [retention] periods, applied by the core when it starts.
# A fixture of rows of every kind, some older than their period and some
# not (times written into the database, no waiting): the old go (with
# their recording and voicemail files), the others stay, 250 old CDRs go
# in batches of 100, a waiting callback is never deleted, and the run is
# logged with its counts. Without periods nothing is deleted; a bad
# period is refused naming the section and key.
. "$top_srcdir/tests/integ/lib.sh"

runs() { grep -c "retention: done" "$T/log/core.log"; }
stop_core() {
	ctl --timeout 30 stop --clear >/dev/null || fail "core did not stop"
	wait "$CORE_PID"
}

start_core
wait_until 20 grep -q "retention: done: nothing (no period set)" "$T/log/core.log" ||
	fail "no retention run logged at start"
stop_core

NOW=$(date +%s%3N)
D=86400000
old() { echo $((NOW - $1 * D)); }
mkdir -p "$T/recordings/old" "$T/recordings/new" "$T/voicemail/sales"
for f in recordings/old/r1.wav recordings/new/r2.wav voicemail/sales/v1.wav voicemail/sales/v2.wav; do
	echo data >"$T/$f"
done
sql "
INSERT INTO recordings (call_id, path, format, why, start_ms, end_ms, status) VALUES
	('c1', 'old/r1.wav', 'mixed', 'policy', $(old 40), $(old 40), 'ok'),
	('c2', 'new/r2.wav', 'mixed', 'policy', $(old 20), $(old 20), 'ok');
INSERT INTO voicemail (call_id, box, path, start_ms) VALUES
	('c3', 'sales', 'sales/v1.wav', $(old 40)), ('c4', 'sales', 'sales/v2.wav', $(old 20));
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 250)
INSERT INTO cdr (call_id, direction, start_ms, end_ms, cleared_by)
	SELECT printf('old%03d', i), 'in', $(old 800) + i, $(old 800) + i + 1000, 'network' FROM n;
INSERT INTO cdr (call_id, direction, start_ms, end_ms, cleared_by)
	VALUES ('recent', 'in', $(old 700), $(old 700), 'network');
INSERT INTO events (ts_ms, kind) VALUES ($(old 500), 'old_event'), ($(old 300), 'recent_event');
INSERT INTO callbacks (number, queue, requested_ms, place_ms, state) VALUES
	('111', 'sales', $(old 100), 0, 'done'), ('222', 'sales', $(old 100), 0, 'waiting'),
	('333', 'sales', $(old 50), 0, 'done');
INSERT INTO lists (id, campaign, name, created_ms) VALUES (1, 'winter', 'l', 0);
INSERT INTO records (id, list_id, line, phone) VALUES (1, 1, 1, '+48600000001');
INSERT INTO attempts (record_id, ts_ms, outcome) VALUES (1, $(old 400), 'busy'), (1, $(old 300), 'noanswer');
INSERT INTO customers (id, name, created_ms, updated_ms) VALUES
	(1, 'idle', 0, $(old 1200)), (2, 'called lately', 0, $(old 1200)),
	(3, 'updated lately', 0, $(old 10)), (4, 'idle with old contact', 0, $(old 1200));
INSERT INTO contacts (call_id, customer_id, agent, direction, start_ms, updated_ms) VALUES
	('k2', 2, '1001', 'in', $(old 365), 0), ('k4', 4, '1001', 'in', $(old 1150), 0);
INSERT INTO queue_totals (start_ms, queue, offered, answered, talk_ms)
	VALUES ($(old 800) - $(old 800) % 900000, 'sales', 250, 250, 250000);
" || fail "writing the fixture"

# A bad period is refused, naming the section and the key.
{ cat "$S/data/centrala.ini"; printf '\n[retention]\ncdr = 2 years\n'; } >"$T/bad.ini"
"$B/centrala-core" -n -c "$T/bad.ini" >"$T/bad.out" 2>&1 && fail "a bad period accepted"
grep -q '\[retention\] cdr: "2 years" is not a period' "$T/bad.out" || fail "bad period said: $(cat "$T/bad.out")"
pass "a bad period is refused with the section and key named"

{ cat "$S/data/centrala.ini"; printf '\n[retention]\nrecordings = 30d\nvoicemail = 30d\ncdr = 2y\nevents = 400d\ncallbacks = 90d\nattempts = 1y\ncustomers_idle = 3y\nbatch = 100\n'; } >"$T/c.ini"
start_core -c "$T/c.ini"
wait_until 30 test "$(runs)" -ge 2 || fail "no retention run after the restart"
grep "retention: done" "$T/log/core.log" | tail -1 >"$T/done"
grep -q "1 callbacks, 1 recordings, 1 voicemail, 1 attempts, 2 customers_idle, 250 cdr, 1 events deleted (2 files) in [0-9]* batches" "$T/done" ||
	fail "run logged as: $(cat "$T/done")"
batches=$(sed 's/.* in \([0-9]*\) batches.*/\1/' "$T/done")
[ "$batches" -ge 9 ] || fail "250 CDRs in batches of 100 took only $batches batches in all"
pass "the run is logged with its counts, in batches"

sql_is "select group_concat(path) from recordings" new/r2.wav || fail "recordings: $(sql 'select path from recordings')"
sql_is "select group_concat(path) from voicemail" sales/v2.wav || fail "voicemail left: $(sql 'select path from voicemail')"
[ ! -e "$T/recordings/old/r1.wav" ] && [ ! -e "$T/voicemail/sales/v1.wav" ] || fail "old files not deleted"
[ -e "$T/recordings/new/r2.wav" ] && [ -e "$T/voicemail/sales/v2.wav" ] || fail "recent files deleted"
sql_is "select group_concat(call_id) from cdr" recent || fail "cdr left: $(sql 'select count(*) from cdr')"
sql_is "select group_concat(kind) from events where kind like '%_event'" recent_event || fail "events"
sql_is "select group_concat(number) from callbacks order by number" "222,333" || fail "callbacks: $(sql 'select number from callbacks')"
sql_is "select group_concat(outcome) from attempts" noanswer || fail "attempts"
sql_is "select group_concat(id) from (select id from customers order by id)" "2,3" || fail "customers: $(sql 'select id from customers')"
sql_is "select group_concat(call_id) from contacts" k2 || fail "contacts: $(sql 'select call_id from contacts')"
# The per-interval totals are aggregates: retention leaves past figures.
sql_is "select offered || ' ' || answered || ' ' || talk_ms from queue_totals where start_ms = $(old 800) - $(old 800) % 900000" \
	"250 250 250000" || fail "totals changed by retention: $(sql 'select * from queue_totals')"
pass "older than the period deleted (files too), the rest, waiting callbacks and the totals kept"

# The core serves calls after the run.
start_bots 1001
wait_until 20 agents_in ready 1 || fail "agent not ready"
pstn --calls 1 --cli 600100100 --dnis 2000 --hold fixed:1 || fail "no call after retention"
wait_until 20 sql_ge "select count(*) from cdr where cli = '600100100'" 1 || fail "no CDR after retention"
pass "calls served after the run"
