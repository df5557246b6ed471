#!/bin/sh
# calls-30.sh: 30 simultaneous inbound calls on one E1 span, answered by 30
# scripted agents over the real socket; every CDR and event checked in
# SQLite against what the telco simulator saw.
. "$top_srcdir/tests/integ/lib.sh"

start_core
start_bots 1001-1030
wait_until 20 agents_in ready 30 || fail "30 agents not ready"

pstn_bg --calls 30 --rate 0 --hold fixed:4
wait "$PSTN_PID" || fail "pstn failed"
cat "$T/pstn.out" >>"$T/pstn.log"
# All at once, from the CDRs (polling a 4 s state can miss it under load):
# the last call to start began before the first ended, and the last
# agent answered before the first call ended.
wait_until 10 sql_is 'select count(*) from cdr' 30 || fail "want 30 CDRs, have $(sql 'select count(*) from cdr')"
[ "$(sql 'select max(start_ms) < min(end_ms) from cdr')" = 1 ] || fail "30 channels never in use at once"
[ "$(sql 'select max(agent_answer_ms) < min(end_ms) from cdr')" = 1 ] || fail "30 agents never on call at once"
pass "30 calls up at once, 30 agents on call"

[ "$(summary_field answered)" = 30 ] || fail "pstn: answered=$(summary_field answered), want 30"
[ "$(summary_field cleared_by_pstn)" = 30 ] || fail "pstn did not clear all 30"
pass "pstn: 30 answered, 30 cleared by the caller"

wait_until 10 sql_is 'select count(*) from cdr' 30 || fail "want 30 CDRs, have $(sql 'select count(*) from cdr')"
[ "$(sql "select count(*) from cdr where agent between '1001' and '1030' and cause=16 and cleared_by='network' and queue='sales' and dnis='2000' and span='e1a' and answer_ms>0 and agent_answer_ms>=answer_ms and end_ms>agent_answer_ms and talk_ms>0 and wait_ms>=0 and channel between 1 and 31 and channel<>16")" = 30 ] ||
	fail "CDRs incomplete: $(sql 'select * from cdr limit 3')"
# All 30 at once, read from the records rather than caught in a status
# snapshot: when the last agent answered, every call was still up.
last="(select max(agent_answer_ms) from cdr)"
[ "$(sql "select count(*) from cdr where agent_answer_ms between 1 and $last and end_ms >= $last")" = 30 ] ||
	fail "30 calls never up at once: $(sql 'select agent_answer_ms, end_ms from cdr')"
pass "30 calls up at once, 30 agents on call"
[ "$(sql 'select count(distinct agent) from cdr')" = 30 ] || fail "not 30 distinct agents"
[ "$(sql 'select count(distinct channel) from cdr')" = 30 ] || fail "not 30 distinct channels"
# The CLIs the simulator sent are the ones stored.
for cli in $(sed -n 's/^call .* cli=\([0-9]*\) .*/\1/p' "$T/pstn.out"); do
	[ "$(sql "select count(*) from cdr where cli='$cli'")" = 1 ] || fail "no CDR for $cli"
done
pass "30 CDRs with agent, queue, times, cause and who cleared"

for kind in call_start call_routed queue_enter offer answer call_end; do
	n=$(sql "select count(distinct call_id) from events where kind='$kind'")
	[ "$n" = 30 ] || fail "events: $kind for $n calls, want 30"
done
[ "$(sql "select count(*) from events where kind='abandon'")" = 0 ] || fail "abandon events"
[ "$(sql "select count(*) from events where kind='agent_login'")" = 30 ] || fail "agent logins"
[ "$(sql "select count(*) from events where kind='agent_state' and state='on_call'")" = 30 ] || fail "on_call states"
# Each call's events are in order: start, queue, offer, answer, end.
bad=$(sql "select c.call_id from cdr c where (select group_concat(kind, ',') from (select kind from events e where e.call_id=c.call_id and e.kind not like 'agent%' order by id)) <> 'call_start,call_routed,queue_enter,offer,answer,call_end'")
[ -z "$bad" ] || fail "event order wrong for $bad"
pass "events: each call's life in order, agents' states stored"
wait_until 10 agents_in ready 30 || fail "agents not ready again after their calls"
pass "agents ready again"
