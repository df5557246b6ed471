#!/bin/sh
# stop-reload.sh: reload keeps waiting calls; a bad new config is refused
# and the running one stays; `stop --clear` clears calls and records them.
. "$top_srcdir/tests/integ/lib.sh"

cp "$S/data/centrala.ini" "$T/c.ini"
start_core -c "$T/c.ini"
pstn_bg --calls 3 --rate 0 --hold never --duration 60
wait_until 10 field_is "d['queues'][[q['name'] for q in d['queues']].index('sales')]['waiting']" 3 ||
	fail "3 callers not waiting"

sed -i 's/^title = Sales$/title = Sales team/' "$T/c.ini"
ctl reload >"$T/out" 2>&1 || fail "reload failed: $(cat "$T/out")"
[ "$(status_field "len(d['calls'])")" = 3 ] || fail "calls dropped by reload"
ctl show-config | grep -q "title = Sales team" || fail "new config not in force"
pass "reload applied with 3 callers waiting, none dropped"

sed -i 's/^offer_timeout = 15$/offer_timeout = -5/' "$T/c.ini"
if ctl reload >"$T/out" 2>&1; then fail "bad config reloaded"; fi
grep -q "offer_timeout" "$T/out" || fail "reload error: $(cat "$T/out")"
ctl show-config | grep -q "offer_timeout = 15" || fail "running config changed"
[ "$(status_field "len(d['calls'])")" = 3 ] || fail "calls dropped by a bad reload"
pass "bad reload refused with the key named; running config and calls kept"

start_bots 1001-1003
wait_until 10 agents_in on_call 3 || fail "calls not answered"
ctl stop --clear >"$T/out" 2>&1 || fail "stop: $(cat "$T/out")"
wait_until 10 sh -c "! kill -0 $CORE_PID" || fail "core still running after stop"
[ "$(sql "select count(*) from cdr where cleared_by='core' and reason='core stopping'")" = 3 ] ||
	fail "stop CDRs: $(sql 'select call_id,cleared_by,reason from cdr')"
wait_until 10 sh -c "grep -c \"^call .*cleared_by=core cause=16\" $T/pstn.out | grep -qx 3"
grep -c "^call .*cleared_by=core cause=16" "$T/pstn.out" | grep -qx 3 || fail "pstn did not see 3 DISCONNECTs: $(cat "$T/pstn.out")"
pass "stop --clear: 3 calls cleared by the core and recorded; core exited"
