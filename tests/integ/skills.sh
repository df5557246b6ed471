#!/bin/sh
# skills.sh: a queue asks for Polish at level 5, widening to 2 after 3 s:
# the caller waits for the widening rather than go to an agent without the
# skill, then reaches the agent at level 3; `ctl why` says so. A caller on
# a priority line goes ahead of an earlier caller.
. "$top_srcdir/tests/integ/lib.sh"

sed -e '/^\[queue sales\]$/a skills = polish:5\nwiden = 3:3' \
    -e '/^\[agent 1001\]$/a skills = polish:9' \
    -e '/^\[agent 1002\]$/a skills = polish:3' \
    "$S/data/centrala.ini" >"$T/c.ini"
printf '\n[did 2003]\nname = VIP line\ntarget = queue:sales\npriority = 5\n' >>"$T/c.ini"
start_core -c "$T/c.ini"
start_bots 1002-1003
wait_until 20 agents_in ready 2 || fail "agents not ready"
pstn_bg --calls 1 --hold fixed:8
wait_until 10 sql_is "select count(*) from events where kind='offer'" 1 || fail "never offered"
call=$(sql "select call_id from events where kind='offer'")
ctl why "$call" >"$T/why" || fail "ctl why failed"
cat "$T/why"
grep -q "skills asked: polish>=2 (widened)" "$T/why" || fail "why: $(cat "$T/why")"
wait_ms=$(sql "select o.ts_ms - q.ts_ms from events o, events q where o.kind='offer' and q.kind='queue_enter' and o.call_id=q.call_id")
[ "$(sql "select agent from events where kind='offer'")" = 1002 ] || fail "offered to the wrong agent"
[ "$wait_ms" -ge 2900 ] && [ "$wait_ms" -lt 4500 ] || fail "offered after $wait_ms ms, want about 3000"
pass "no agent at polish>=5: waited ${wait_ms} ms for the widening, then 1002 (polish 3), never 1003"
wait "$PSTN_PID"

kill "$BOTS_PID"
wait_until 10 agents_in logged_out 32 || fail "bots did not log out"
# The callers wait as long as it takes (a fixed hold ran out once before
# the agent had logged in, on a loaded machine); the agent hangs up.
pstn_bg --calls 2 --rate 1 --dnis 2000,2003 --hold never
wait_until 10 field_is "sum(q['waiting'] for q in d['queues'])" 2 || fail "2 callers not waiting"
start_bots 1001 --talk 1
wait_until 20 sql_is "select count(*) from events where kind='answer'" 2 || fail "not answered"
second_call=$(sql "select call_id from events where kind='offer' and agent='1001' order by id limit 1")
prio=$(sql "select detail from events where call_id='$second_call' and kind='offer'")
echo "$prio" | grep -q '"why":"queue sales, priority 5' || fail "the first offer was not the VIP caller: $prio"
pass "the VIP line's caller, though second to arrive, was offered first"
