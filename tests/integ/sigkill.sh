#!/bin/sh
# sigkill.sh: SIGKILL of the core after calls ended loses no CDR; the core
# starts again on the same state and the database is intact.
. "$top_srcdir/tests/integ/lib.sh"

start_core
start_bots 1001-1010 --talk 1
wait_until 20 agents_in ready 10 || fail "agents not ready"
pstn --calls 20 --rate 20 --concurrent 10 --hold never || fail "pstn failed"
[ "$(summary_field answered)" = 20 ] || fail "answered=$(summary_field answered)"
kill -9 "$CORE_PID"
wait "$CORE_PID" 2>/dev/null
[ "$(sql 'select count(*) from cdr')" = 20 ] || fail "after SIGKILL: $(sql 'select count(*) from cdr') CDRs, want 20"
[ "$(sql "select count(*) from cdr where cleared_by='agent' and talk_ms>0")" = 20 ] || fail "CDRs wrong"
[ "$(sql 'pragma integrity_check')" = ok ] || fail "integrity_check failed"
pass "20 calls ended, core SIGKILLed: 20 CDRs, database intact"
start_core
[ "$(status_field "d['core']['draining']")" = False ] || fail "restarted core"
pass "core restarts on the same state"
