#!/bin/sh
# waiting.sh: every waiting caller's place in line and estimated wait are
# known (position x average handle time / agents staffing the queue); with
# missed_offer = ready, an agent who lets an offer time out stays ready and
# the call goes to another agent first.
. "$top_srcdir/tests/integ/lib.sh"

sed -e '/^\[queue sales\]$/a missed_offer = ready' \
    -e 's/^offer_timeout = 15$/offer_timeout = 3/' "$S/data/centrala.ini" >"$T/c.ini"
start_core -c "$T/c.ini"
"$B/tests/agentbot" --state-dir "$T" --agents 1001 --accept-delay 60000 >>"$T/bots.log" 2>&1 &
PIDS="$PIDS $!"
wait_until 10 agents_in ready 1 || fail "1001 not ready"
start_bots 1002
wait_until 10 agents_in ready 2 || fail "1002 not ready"
pstn_bg --calls 3 --rate 0 --hold fixed:15
wait_until 10 sql_is "select count(*) from events where kind='offer_timeout' and agent='1001'" 1 ||
	fail "no missed offer"
wait_until 10 sql_is "select count(*) from events where kind='answer' and agent='1002'" 1 || fail "1002 did not answer"
[ "$(sql "select count(*) from events where kind='agent_state' and agent='1001' and state='not_ready'")" = 1 ] ||
	fail "1001 was set not ready (only its login should be)"
pass "missed offer with missed_offer = ready: 1001 stays ready, 1002 answers"

# Now 1002 talks; of the two others one rings at 1001 (which never
# answers), the other waits: its position and estimate are known.
wait_until 10 field_is "sorted((c['position'], c['ewt_s']) for c in d['calls'] if c['state'] == 'queued')" "[(2, 180)]" ||
	fail "waiting: $(status_field "[(c['cli'], c['state'], c.get('position'), c.get('ewt_s')) for c in d['calls']]")"
pass "the waiting caller is second in line, estimated wait 2 x 180 s / 2 agents = 180 s"
