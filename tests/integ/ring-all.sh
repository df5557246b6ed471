#!/bin/sh
# ring-all.sh: with strategy ring_all every eligible agent rings at once;
# the first to accept takes the call; the others are told it was taken and
# are ready again; a late accept is refused.
. "$top_srcdir/tests/integ/lib.sh"

sed '/^\[queue sales\]$/,/^strategy/s/^strategy = .*/strategy = ring_all/' "$S/data/centrala.ini" >"$T/c.ini"
start_core -c "$T/c.ini"
for spec in 1001:2500 1002:300 1003:1200; do
	"$B/tests/agentbot" --state-dir "$T" --agents "${spec%:*}" --accept-delay "${spec#*:}" \
		>>"$T/bot-${spec%:*}.log" 2>&1 &
	PIDS="$PIDS $!"
done
wait_until 20 agents_in ready 3 || fail "agents not ready"
pstn_bg --calls 1 --hold fixed:6
wait_until 10 sql_is "select count(*) from events where kind='answer'" 1 || fail "not answered"
[ "$(sql "select count(distinct agent) from events where kind='offer'")" = 3 ] || fail "not all 3 rang"
[ "$(sql "select max(ts_ms) - min(ts_ms) < 100 from events where kind='offer'")" = 1 ] || fail "offers not at once"
[ "$(sql "select agent from events where kind='answer'")" = 1002 ] || fail "the quickest did not win"
[ "$(sql "select group_concat(agent) from (select agent from events where kind='offer_cancel' and detail like '%taken%' order by agent)")" = "1001,1003" ] ||
	fail "the others were not told: $(sql "select kind,agent,detail from events where kind like 'offer%'")"
pass "3 agents rang at once, 1002 answered first, 1001 and 1003 told 'taken'"
wait_until 10 agents_in ready 2 || fail "the others not ready again"
ctl why "$(sql "select call_id from events where kind='answer'")" 2>/dev/null | grep -q "ring_all: 3 eligible" ||
	[ "$(sql "select count(*) from events where kind='offer' and detail like '%ring_all: 3 eligible%'")" = 3 ] || fail "why"
pass "the others ready again; the decision is explained"
