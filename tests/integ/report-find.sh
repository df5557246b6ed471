#!/bin/sh
# report-find.sh: ctl and report find the core with no options when it was
# started the default way (./state, the core's default) or as the demo
# starts it (./demo-state), and when none runs their errors name the paths
# tried and how to name another (lib/statedir.c).
. "$top_srcdir/tests/integ/lib.sh"
unset CENTRALA_STATE_DIR CENTRALA_SOCKET CENTRALA_CONF
mkdir -p "$T/none" "$T/home" "$T/demo"

cd "$T/none" || fail "cd"
"$B/centrala-ctl" --timeout 2 status >out 2>err && fail "ctl status found a core in an empty directory"
grep -q "state/run/centrala.sock" err && grep -q "demo-state/run/centrala.sock" err &&
	grep -q -- "--state-dir" err && grep -q "CENTRALA_STATE_DIR" err ||
	fail "ctl's error does not name the paths tried: $(cat err)"
"$B/centrala-report" >out 2>err && fail "report found a database in an empty directory"
grep -q "state/centrala.db" err && grep -q "demo-state/centrala.db" err &&
	grep -q -- "--state-dir" err || fail "report's error does not name the paths tried: $(cat err)"
pass "with no core, ctl and report name the paths tried and --state-dir"

# run_core_in DIR [core options]: a core started from DIR, as a user would.
run_core_in() {
	_dir=$1; shift
	(cd "$_dir" && exec "$B/centrala-core" --log-level debug "$@") 2>>"$T/core-stderr.log" &
	CORE_PID=$!
	PIDS="$PIDS $CORE_PID"
}

cd "$T/home" || fail "cd"
run_core_in "$T/home"
wait_until 30 "$B/centrala-ctl" --timeout 1 wait-ready || fail "ctl did not find the core in ./state"
"$B/centrala-ctl" status >status.txt || fail "ctl status without options failed"
"$B/centrala-pstn" --state-dir "$T/home/state" --calls 3 --rate 60 --dnis 2000 \
	--hold uniform:1:2 --seed 3 >"$T/pstn.out" 2>>"$T/pstn.log" || fail "pstn failed"
wait_until 10 sh -c "[ \"\$(sqlite3 state/centrala.db 'select count(*) from cdr')\" = 3 ]" ||
	fail "CDRs missing"
"$B/centrala-report" --csv >report.csv || fail "report without options failed"
python3 - report.csv <<'PY' || fail "report from ./state wrong: $(cat report.csv)"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
outcomes = ("answered", "abandoned", "short_abandoned", "to_callback",
            "overflowed", "max_wait_exit", "cut", "still_waiting")
offered = sum(int(r["offered"]) for r in rows)
ok = offered == 3 and all(sum(int(r[k]) for k in outcomes) == int(r["offered"]) for r in rows)
sys.exit(0 if ok else 1)
PY
pass "ctl status and report find a core started in ./state without options"
"$B/centrala-ctl" stop >/dev/null 2>&1 || fail "stop"
wait_until 10 sh -c "! kill -0 $CORE_PID" || fail "core did not stop"

cd "$T/demo" || fail "cd"
run_core_in "$T/demo" --state-dir demo-state
wait_until 30 "$B/centrala-ctl" --timeout 1 wait-ready || fail "ctl did not find the core in ./demo-state"
"$B/centrala-ctl" status >/dev/null || fail "ctl status without options failed (demo-state)"
"$B/centrala-report" >/dev/null || fail "report without options failed (demo-state)"
pass "ctl status and report find the demo's ./demo-state without options"

# The report runs to now to the millisecond: a call that entered and was
# answered a moment ago (in the current second) counts. (Run to a whole
# second, it was offered nowhere, or answered nowhere: the demo's
# "24 offered, 23 answered, 0 abandoned".)
sqlite3 demo-state/centrala.db ".backup $T/copy.db" || fail "backup"
now=$(date +%s%3N)
sqlite3 "$T/copy.db" "insert into events (ts_ms, kind, call_id, queue) values
	($now - 2, 'queue_enter', 'cnow', 'sales'), ($now - 1, 'answer', 'cnow', 'sales')" || fail "insert"
"$B/centrala-report" --db "$T/copy.db" --csv >now.csv || fail "report --db"
grep -q "^[^,]*,sales,1,1," now.csv || fail "a call of this very second is missing: $(cat now.csv)"
pass "the report counts events up to this millisecond"
