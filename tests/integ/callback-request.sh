#!/bin/sh
# callback-request.sh: an outside application (a CRM logged in as the
# client-limited supervisor user crm) asks for callbacks over the real
# socket. Bad inputs get clear errors: a number that is not one, a time
# that is not ISO 8601 or is past, a number on the client's do-not-call
# list, a time outside the campaign's calling hours, a campaign that does
# not exist or is another client's, the same number twice. A good request
# for 3 s from now is a record of the campaign's callbacks list (its note
# in the fields) and is dialed for the ready agent at or after that time:
# the simulator answers, the agent talks; the rows are in SQLite.
. "$top_srcdir/tests/integ/lib.sh"

cat "$S/data/centrala.ini" - >"$T/c.ini" <<'EOF2'

[user crm]
role = supervisor
clients = acme
pin = $6$rounds=5000$kSLKQwbiS5gil842$pKN02v0AKkoqKHXHCg/CWWaUQXa9lBPXswyqwv0HGIuwYMLopZNzq4iIMppFYXMfBcr60BJlqQAJZjIscpu80/

[campaign crm]
client = acme
agents = 1001
country = 44
caller_id = 020 7946 0000
mode = progressive
hours = ""
dispositions = done
state = running

[campaign night]
client = acme
agents = 1002
country = 44
caller_id = 020 7946 0000
mode = progressive
hours = mon-fri 03:00-03:30; sat 03:00-03:30
timezone = Europe/London
dispositions = done
state = running

[campaign other]
client = globex
agents = 1003
country = 44
caller_id = 020 7946 0000
mode = progressive
dispositions = done
state = paused
EOF2

start_core -c "$T/c.ini"
pstn_bg --calls 0 --answer 0207946:answer:1 --duration 300 --log "$T/calls.txt"
wait_until 20 span_up || fail "span not up"
ctl dnc add +442079460005 --client acme >/dev/null || fail "dnc add"

PYTHONPATH="$S/tests/integ" python3 - "$T/run/centrala.sock" >"$T/t.log" 2>&1 <<'PY' || { cat "$T/t.log"; fail "sessions"; }
import sys, time, datetime
from czclient import Session
sock = sys.argv[1]
crm = Session(sock, {"user": "crm", "pin": "4321"})
def refused(code, text, **args):
    r = crm.req("callback-request", **args)

    assert not r["ok"] and r["error"] == code and text in r["message"], (args, r)
refused("bad-args", "number \"12ab\": 'a' is not part of a phone number",
        campaign="crm", number="12ab")
refused("bad-args", "time \"tomorrow\" is not an ISO 8601 time with its zone",
        campaign="crm", number="020 7946 0007", time="tomorrow")
refused("bad-args", "time 2020-01-01T10:00Z is in the past",
        campaign="crm", number="020 7946 0007", time="2020-01-01T10:00Z")
refused("bad-args", "+442079460005 is on the acme do-not-call list",
        campaign="crm", number="020 7946 0005")
refused("bad-args", "\"country\": \"abc\" is not a country calling code",
        campaign="crm", number="020 7946 0007", country="abc")
refused("bad-args", "+442079460005 is on the acme do-not-call list",
        campaign="crm", number="020 7946 0005", country="44")
tomorrow = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=1)).strftime("%Y-%m-%d")
refused("bad-args", "the preferred time is outside calling hours in Europe/London",
        campaign="night", number="020 7946 0007", time=tomorrow + "T12:00Z")
refused("not-found", "nope", campaign="nope", number="020 7946 0007")
refused("forbidden", "", campaign="other", number="020 7946 0007")
print("ok - bad requests refused, each saying why")
a = Session(sock, {"agent": "1001", "pin": "1234"})
a.ok("ready")
at = time.time() + 3
when = datetime.datetime.fromtimestamp(at, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
at = int(at)
r = crm.ok("callback-request", campaign="crm", number="020 7946 0007",
           name="Webb Form", time=when, note="wants a quote for 3 rooms")
assert r["list"] == "callbacks" and r["record"] > 0 and r["at_ms"] == at * 1000, r
refused("bad-args", "+442079460007 already has a callback request in campaign crm",
        campaign="crm", number="02079460007")
print("ok - a good request is a record of the callbacks list:", r["record"])
p = a.event("call_progress", timeout=30)
assert p["number"] == "02079460007", p
assert time.time() >= at, "dialed before the preferred time"
rec = a.event("campaign_record", timeout=10, call=p["call"])
assert rec["record"] == r["record"] and rec["name"] == "Webb Form" and \
    rec["fields"]["note"] == "wants a quote for 3 rooms", rec
a.event("call_connected", timeout=20, call=p["call"])
a.ok("hangup", call=p["call"])
a.event("call_ended", timeout=20, call=p["call"])
a.ok("disposition", call=p["call"], code="done")
print("ok - dialed at its time for the free agent, who talked to the caller")
PY
cat "$T/t.log"
wait_until 20 grep -q "02079460007" "$T/calls.txt" || fail "the simulator saw no call"
row="$(sql "select l.name || ' ' || l.priority || ' ' || r.phone || ' ' || r.name || ' ' || json_extract(r.fields, '\$.note') || ' ' || r.state
	from records r join lists l on l.id = r.list_id")"
[ "$row" = "callbacks 1000 +442079460007 Webb Form wants a quote for 3 rooms done" ] || fail "record: $row"
wait_until 10 sql_is "select outcome || ' ' || agent || ' ' || disposition from attempts" "answered 1001 done" ||
	fail "attempts: $(sql "select * from attempts")"
grep -q "02079460005" "$T/calls.txt" && fail "a DNC number was dialed"
pass "the record and its attempt are in SQLite; the simulator saw the call"
