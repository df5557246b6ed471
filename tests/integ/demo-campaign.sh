#!/bin/sh
# demo-campaign.sh: `centrala demo` (headless: stdout is a file) runs its
# campaign too: the list it imports at start, calls placed by the dialer
# for the campaign's scripted agents (1201-1204), answered by the telco's
# outbound profile or not (busy, no answer, ...), the answered ones given
# one of the campaign's dispositions by the agent. The supervisors'
# campaigns reply (ctl campaigns, the supervisor's campaign table) shows
# the records done; the demo's last words count the campaign's calls.
. "$top_srcdir/tests/integ/lib.sh"

timeout -s INT 600 "$B/centrala-demo" --state-dir "$T" --rate 30 --agents 4 >"$T/demo.out" 2>&1 &
TIMEOUT_PID=$!
PIDS="$PIDS $TIMEOUT_PID"
wait_until 60 sql_ge "select count(*) from records r join lists l on l.id = r.list_id where l.campaign = 'demo'" 250 ||
	fail "the demo's list was not imported: $(cat "$T/demo.out")"
wait_until 120 sql_ge "select count(*) from attempts where disposition in ('sale', 'later', 'no')" 2 ||
	fail "no dispositions: $(sql "select outcome, agent, disposition from attempts")"
wait_until 120 sql_ge "select count(distinct outcome) from attempts" 2 ||
	fail "one outcome only: $(sql "select outcome, count(*) from attempts group by 1")"
[ "$(sql "select count(*) from attempts where agent not between '1201' and '1204'")" = 0 ] ||
	fail "campaign calls for other agents: $(sql "select agent from attempts")"
pass "the demo's campaign dials its list; its agents talk and give dispositions"

ctl campaigns >"$T/camp.out" || fail "ctl campaigns"
grep -q "^demo  *acme  *progressive running " "$T/camp.out" || fail "campaigns: $(cat "$T/camp.out")"
done_n=$(sed -n 's/^  list demo .* \([0-9]*\) done$/\1/p' "$T/camp.out")
[ "${done_n:-0}" -ge 1 ] || fail "no record done in the campaigns reply: $(cat "$T/camp.out")"
pass "the campaigns reply (the supervisor's table) shows it: $done_n records done"

kill -ALRM "$TIMEOUT_PID"	# timeout's own timer: the demo gets its Ctrl-C
wait_until 120 sh -c "! kill -0 $TIMEOUT_PID" || fail "the demo did not stop: $(cat "$T/demo.out")"
wait "$TIMEOUT_PID"
grep -q "^campaign demo: [1-9][0-9]* calls placed for its agents, [1-9][0-9]* answered, [1-9][0-9]* dispositions$" "$T/demo.out" ||
	fail "no campaign summary: $(tail -5 "$T/demo.out")"
pass "the demo's summary counts the campaign's calls"
