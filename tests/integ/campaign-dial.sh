#!/bin/sh
# campaign-dial.sh: a progressive campaign on a real core and the telco
# simulator. Agent 1001 goes ready: the core dials the first record for
# it (busy on the simulator's side; the agent's screen pop has the record,
# its custom fields and the script), then the next (answered: the agent
# talks, then hangs up); the record on the client's do-not-call list is
# never dialed (the simulator never sees its number). The outcomes are
# attempts rows; the busy record waits for its retry delay; the agent's
# disposition must be one of the campaign's, and its retry=60 sets the
# answered record's next time; why-not says so. Supervisors are warned
# once as the records due run low. A record ringing when the core is
# killed is open again at the next start.
. "$top_srcdir/tests/integ/lib.sh"

cat "$S/data/centrala.ini" - >"$T/c.ini" <<'EOF2'

[campaign calls]
client = acme
agents = 1001
country = 44
caller_id = 020 7946 0000
mode = progressive
hours = ""
dispositions = sale:success, later:retry=60
retry_busy = 30:3
state = paused
script = Good morning, this is Acme calling about your order.
EOF2

start_core -c "$T/c.ini"
pstn_bg --calls 0 --answer 02079460001:busy --answer 02079460002:answer:1 \
	--answer 02079460003:answer:1 --answer 02079460009:noanswer --duration 120
wait_until 20 span_up || fail "span not up"
printf 'phone,name,plan\n020 7946 0001,Busy Bee,gold\n020 7946 0002,Ann Answer,\n020 7946 0003,Dee Nocall,\n' >"$T/l.csv"
ctl import-list calls main "$T/l.csv" >"$T/imp" 2>&1 || fail "import: $(cat "$T/imp")"
ctl dnc add +442079460003 --client acme >/dev/null || fail "dnc add"
ctl campaign calls resume >/dev/null || fail "resume"

PYTHONPATH="$S/tests/integ" python3 - "$T/run/centrala.sock" >"$T/t.log" 2>&1 <<'PY' || { cat "$T/t.log"; fail "agent session"; }
import sys
from czclient import Session, until
a = Session(sys.argv[1], {"agent": "1001", "pin": "1234"})
a.ok("ready")
p = a.event("call_progress", timeout=20)
assert p["number"] == "02079460001", p
r = a.event("campaign_record", timeout=10, call=p["call"])
assert r["campaign"] == "calls" and r["name"] == "Busy Bee" and \
    r["phone"] == "+442079460001" and r["fields"] == {"plan": "gold"} and \
    r["attempt"] == 1 and r["script"].startswith("Good morning, this is Acme"), r
e = a.event("call_ended", timeout=20, call=p["call"])
print("ok - the first record dialed for the ready agent: busy")
p = a.event("call_progress", timeout=30, number="02079460002")
c = a.event("call_connected", timeout=20, call=p["call"])
a.ok("hangup", call=p["call"])
a.event("call_ended", timeout=20, call=p["call"])
print("ok - the next record dialed when the agent was free again: answered")
r = a.req("disposition", call=p["call"], code="nope")
assert not r["ok"] and r["message"] == '"nope" is not a disposition of campaign calls', r
a.ok("disposition", call=p["call"], code="later")
print("ok - the agent's disposition: a campaign code, its retry applied")
a.ok("notready", reason="break")
PY
cat "$T/t.log"
outcomes() { sql "select group_concat(r.phone || ' ' || a.outcome || ' ' || a.agent || ' ' || coalesce(a.disposition, '-'), ', ')
	from attempts a join records r on r.id = a.record_id order by a.id"; }
want="+442079460001 busy 1001 -, +442079460002 answered 1001 later"
out_ok() { [ "$(outcomes)" = "$want" ]; }
wait_until 10 out_ok || fail "attempts: $(outcomes)"
[ "$(sql "select group_concat(state || ':' || attempts, ' ') from records order by id")" = "open:1 open:1 open:0" ] ||
	fail "records: $(sql "select * from records")"
busy=$(sql "select id from records where phone = '+442079460001'")
ctl why-not "$busy" | grep -q "^retry delay: not before .* (after busy)$" || fail "why-not busy: $(ctl why-not "$busy")"
ann=$(sql "select id from records where phone = '+442079460002'")
ctl why-not "$ann" | grep -q "^retry delay: not before .* (after later)$" || fail "why-not later: $(ctl why-not "$ann")"
dee=$(sql "select id from records where phone = '+442079460003'")
ctl why-not "$dee" | grep -qx "+442079460003 is on the acme do-not-call list" || fail "why-not dnc"
grep -q "02079460003" "$T/pstn.log" "$T/pstn.out" && fail "a DNC number reached the network"
grep -q "02079460002" "$T/pstn.log" "$T/pstn.out" 2>/dev/null || fail "the simulator saw no call: $(tail "$T/pstn.log")"
pass "outcomes written; the DNC number never dialed (the simulator never saw it)"

wait_until 10 grep -q "campaign calls: only 2 records left to dial now (fewer than 10)" "$T/log/core.log" ||
	fail "no warning: $(grep "campaign calls" "$T/log/core.log")"
[ "$(grep -c "campaign calls: only" "$T/log/core.log")" = 1 ] || fail "warned more than once"
pass "supervisors warned once that the records run low"

# Killed while a record rings: it is "dialing" in the database; the next
# start opens it again (no result was written), nothing lost.
printf 'phone,name\n020 7946 0009,Ring Long\n' >"$T/l2.csv"
ctl import-list calls late "$T/l2.csv" --priority 9 >/dev/null || fail "import late"
PYTHONPATH="$S/tests/integ" python3 - "$T/run/centrala.sock" >"$T/t2.log" 2>&1 <<'PY' || { cat "$T/t2.log"; fail "agent session 2"; }
import sys
from czclient import Session
a = Session(sys.argv[1], {"agent": "1001", "pin": "1234"})
a.ok("ready")
a.event("call_progress", timeout=20, number="02079460009")
PY
late=$(sql "select id from records where phone = '+442079460009'")
wait_until 10 sql_is "select state from records where id = $late" dialing || fail "not dialing"
ctl why-not "$late" | grep -qx "being dialed now (attempt 1)" || fail "why-not dialing: $(ctl why-not "$late")"
kill -9 "$CORE_PID"
wait "$CORE_PID" 2>/dev/null
[ "$(sql "select state from records where id = $late")" = dialing ] || fail "state after the kill"
start_core -c "$T/c.ini"
[ "$(sql "select state || ':' || attempts from records where id = $late")" = "open:0" ] ||
	fail "after restart: $(sql "select * from records where id = $late")"
grep -q "campaigns: records left dialing by an earlier core are open again" "$T/log/core.log" ||
	fail "not logged"
pass "a record dialing when the core was killed is open again at the next start"
