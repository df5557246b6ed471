#!/bin/sh
# cable-pull.sh: the telco's sockets close mid-call (layer 1 lost): every
# call is cleared and recorded at once; a new connection brings the span
# back and calls flow again.
. "$top_srcdir/tests/integ/lib.sh"

start_core
start_bots 1001-1010
wait_until 20 agents_in ready 10 || fail "agents not ready"

pstn_bg --calls 5 --rate 0 --hold never --cut-after 5
wait "$PSTN_PID"
wait_until 10 field_is "d['spans'][0]['l1']" down || fail "span still up after the cut"
wait_until 10 sql_is "select count(*) from cdr where cleared_by='link'" 5 ||
	fail "CDRs after the cut: $(sql 'select call_id,cleared_by,cause,reason from cdr')"
# The calls were with agents when the cable went: read from the CDRs, as
# polling the passing on_call state can miss the few seconds it lasts.
[ "$(sql "select count(*) from cdr where cleared_by='link' and agent is not null and agent_answer_ms > 0")" = 5 ] ||
	fail "5 calls never connected: $(sql 'select call_id, agent, agent_answer_ms from cdr')"
[ "$(status_field "len(d['calls'])")" = 0 ] || fail "calls left in the core"
[ "$(sql "select count(*) from events where kind='span_state' and state='down'")" -ge 1 ] || fail "no span down event"
wait_until 10 agents_in ready 10 || fail "agents not ready after the cut"
pass "cut: 5 calls cleared and recorded as link failures, agents ready"

pstn --calls 4 --rate 0 --hold fixed:1 || fail "pstn after reconnect failed"
[ "$(sql "select count(*) from events where kind='span_state' and state='up'")" -ge 2 ] || fail "span did not come back up"
[ "$(summary_field answered)" = 4 ] || fail "after reconnect answered=$(summary_field answered)"
wait_until 10 sql_is "select count(*) from cdr where cleared_by='network' and cause=16 and agent is not null" 4 ||
	fail "CDRs after reconnect: $(sql 'select call_id,cleared_by,cause from cdr')"
pass "reconnect: span back up, 4 calls answered and recorded"
