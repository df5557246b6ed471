#!/bin/sh
# two-spans.sh: one core serves two E1 spans at once: 50 simultaneous
# calls (more than one span carries) reach 32 agents; every call is
# recorded on the span and channel it came in on.
. "$top_srcdir/tests/integ/lib.sh"

sed 's/^\[span e1a\]$/[span e1b]\ndriver = vspan\n\n[span e1a]/' "$S/data/centrala.ini" >"$T/c.ini"
start_core -c "$T/c.ini"
start_bots 1001-1032
wait_until 20 agents_in ready 32 || fail "agents not ready"
pstn_bg --span e1a --span e1b --calls 50 --rate 0 --concurrent 60 --hold fixed:4
wait "$PSTN_PID" || fail "pstn failed"
cat "$T/pstn.out" >>"$T/pstn.log"
wait_until 10 sql_is "select count(*) from cdr" 50 || fail "CDRs: $(sql 'select count(*) from cdr')"
# All at once, from the CDRs (polling a 4 s state can miss it under load):
# the last call began before the first ended.
[ "$(sql 'select max(start_ms) < min(end_ms) from cdr')" = 1 ] ||
	fail "50 calls never up at once: $(sql 'select span, start_ms, end_ms from cdr')"
pass "50 calls up at once, 25 on each span"
[ "$(sql "select group_concat(n) from (select count(*) n from cdr group by span order by span)")" = "25,25" ] ||
	fail "per span: $(sql 'select span,count(*) from cdr group by span')"
[ "$(sql "select count(*) from (select distinct span, channel from cdr)")" = 50 ] || fail "span/channel pairs not distinct"
[ "$(sql "select count(*) from cdr where agent is not null")" -ge 32 ] || fail "fewer than 32 calls reached an agent"
n_ans=$(sql "select count(*) from cdr where agent is not null")
n_ab=$(sql "select count(*) from events where kind='abandon'")
[ $((n_ans + n_ab)) = 50 ] || fail "answered $n_ans + abandoned $n_ab != 50"
pass "50 CDRs, 25 per span, each on its own channel; $n_ans reached an agent, $n_ab gave up waiting"
