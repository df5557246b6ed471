#!/bin/sh
# restart.sh: the network sends RESTART for a channel carrying a call
# (Q.931 5.5): the core idles the timeslot and clears exactly that call,
# recording it as cleared by the network with the restart as the reason;
# the other call goes on.
. "$top_srcdir/tests/integ/lib.sh"

start_core
start_bots 1001-1002
wait_until 20 agents_in ready 2 || fail "agents not ready"
pstn --calls 2 --rate 0 --hold fixed:5 --restart-after 2 || fail "pstn failed"
grep -q "result=restart" "$T/pstn.out" || fail "no restart: $(cat "$T/pstn.out")"
[ "$(grep -c 'result=answered .*cleared_by=pstn cause=16' "$T/pstn.out")" = 1 ] || fail "the other call: $(cat "$T/pstn.out")"
wait_until 5 sql_is "select count(*) from cdr where reason='restart' and cleared_by='network' and agent is not null" 1 ||
	fail "CDRs: $(sql 'select call_id,cleared_by,reason from cdr')"
[ "$(sql "select count(*) from cdr where reason='far end cleared' and cause=16")" = 1 ] || fail "other call's CDR"
wait_until 5 agents_in ready 2 || fail "agents not ready after the restart"
pass "RESTART cleared exactly the call on its channel; recorded; agents free"
