#!/bin/sh
# demo-stop.sh: `centrala demo` under `timeout -s INT`, which sends SIGINT
# to the demo and then again to its process group: two at once (the kernel
# may merge them). The first stops the telco, then the core, in order; one
# more while stopping (the core paused with SIGSTOP, so that stopping
# lasts) only says "still stopping" and what it waits for, as the demo
# does again 15 s into a stop, killing nothing. Every call the
# telco placed has its CDR, none is left open, every agent session is
# closed, and nothing was killed.
. "$top_srcdir/tests/integ/lib.sh"

timeout -s INT 600 "$B/centrala-demo" --state-dir "$T" --rate 120 --agents 12 >"$T/demo.out" 2>&1 &
TIMEOUT_PID=$!
PIDS="$PIDS $TIMEOUT_PID"
wait_until 60 sql_ge "select count(*) from calls_open" 10 || fail "no 10 calls in progress: $(cat "$T/demo.out")"
OPEN=$(sql "select count(*) from calls_open")
DEMO_PID=$(ps -o pid= --ppid "$TIMEOUT_PID" | tr -d ' ')
CORE=$(ps -o pid=,args= --ppid "$DEMO_PID" | sed -n 's/^ *\([0-9]*\) .*centrala-core.*/\1/p')
[ -n "$DEMO_PID" ] && [ -n "$CORE" ] || fail "demo $DEMO_PID, its core $CORE"
# The core is paused so that the stop is still going on when the next
# Ctrl-C comes (the two of timeout(1) may reach the demo as one).
kill -STOP "$CORE"
paused_fail() { kill -CONT "$CORE"; fail "$@"; }
kill -ALRM "$TIMEOUT_PID"	# timeout's own timer signal: it fires now
wait_until 20 grep -q "^stopping" "$T/demo.out" || paused_fail "no 'stopping' line: $(cat "$T/demo.out")"
kill -INT "$DEMO_PID"
wait_until 20 grep -q "^still stopping.*waiting for the" "$T/demo.out" ||
	paused_fail "a Ctrl-C while stopping said nothing: $(cat "$T/demo.out")"
kill -0 "$CORE" && kill -0 "$DEMO_PID" || paused_fail "a Ctrl-C while stopping killed something"
# 15 s on, the demo says again what it waits for, and still kills nothing.
wait_until 40 grep -q "^still stopping (1[5-9]s): waiting for the core" "$T/demo.out" ||
	paused_fail "no word from the stop after 15 s: $(cat "$T/demo.out")"
kill -0 "$CORE" && kill -0 "$DEMO_PID" || paused_fail "the stop killed something after 15 s"
kill -CONT "$CORE"
wait_until 60 sh -c "! kill -0 $TIMEOUT_PID" || fail "the demo did not stop: $(cat "$T/demo.out")"
wait "$TIMEOUT_PID"
RC=$?
cat "$T/demo.out"
[ "$RC" = 124 ] || fail "timeout exit $RC, want 124 (timed out, child exited by itself)"
grep -q "SIGKILL" "$T/demo.out" && fail "the demo killed something"
grep -q "^centrala demo: headless (not on a terminal)" "$T/demo.out" || fail "output to a file: not said headless"
grep -q "core stopped" "$T/log/core.log" || fail "the core did not stop in order"
pass "SIGINTs from timeout and one more ($OPEN calls in progress): 'stopping', 'still stopping', the core stopped in order"

PLACED=$(sed -n 's/^summary placed=\([0-9]*\).*/\1/p' "$T/log/pstn.log" | tail -n 1)
[ -n "$PLACED" ] && [ "$PLACED" -gt 0 ] || fail "no pstn summary"
[ "$(sql 'select count(*) from cdr')" = "$PLACED" ] || fail "CDRs $(sql 'select count(*) from cdr'), placed $PLACED"
[ "$(sql "select count(*) from cdr where cause > 0 and cleared_by <> ''")" = "$PLACED" ] || fail "CDRs without a cause"
[ "$(sql 'select count(*) from calls_open')" = 0 ] || fail "calls left open"
[ "$(sql 'select count(*) from sessions where logout_ms = 0')" = 0 ] || fail "sessions left open"
[ "$(sql 'select count(*) from sessions')" -ge 12 ] || fail "sessions: $(sql 'select count(*) from sessions')"
[ "$(sql 'select stopped_ms > 0 from heartbeat')" = 1 ] || fail "no orderly stop in the heartbeat"
pass "$PLACED calls placed, $PLACED CDRs with a cause, none open; every session closed"
