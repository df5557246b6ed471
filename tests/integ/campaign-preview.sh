#!/bin/sh
# campaign-preview.sh: a preview campaign on a real core and the telco
# simulator. Agent 1001 goes ready and is shown the first record with its
# fields and the script (nothing is dialed); a skip needs a reason, and
# is recorded as a "skipped" attempts row, the record offered again later;
# the next record is shown, and dialing it places the call (busy on the
# simulator's side), its outcome written. why-not says a record is shown
# to an agent, and an action with nothing shown is refused. A number put
# on the client's do-not-call list while shown is refused at the dial,
# and the refusal kept (an attempts row "dnc", for the compliance report).
. "$top_srcdir/tests/integ/lib.sh"

cat "$S/data/centrala.ini" - >"$T/c.ini" <<'EOF2'

[campaign survey]
client = acme
agents = 1001
country = 44
caller_id = 020 7946 0000
mode = preview
hours = ""
dispositions = done
script = Hello, this is the Acme survey.
state = running
EOF2

start_core -c "$T/c.ini"
pstn_bg --calls 0 --answer 02079460001:busy --answer 02079460002:busy --duration 120
wait_until 20 span_up || fail "span not up"
printf 'phone,name,city\n020 7946 0001,Una,Leeds\n020 7946 0002,Vic,York\n020 7946 0003,Wyn,Bath\n' >"$T/l.csv"
ctl import-list survey main "$T/l.csv" >"$T/imp" 2>&1 || fail "import: $(cat "$T/imp")"
una=$(sql "select id from records where phone = '+442079460001'")

PYTHONPATH="$S/tests/integ" python3 - "$T/run/centrala.sock" "$una" "$T" "$B/centrala-ctl" >"$T/t.log" 2>&1 <<'PY' || { cat "$T/t.log"; fail "agent session"; }
import subprocess, sys
from czclient import Session
sock, una, T = sys.argv[1], int(sys.argv[2]), sys.argv[3]
a = Session(sock, {"agent": "1001", "pin": "1234"})
r = a.req("preview", action="dial")
assert not r["ok"] and r["message"] == "no campaign record is shown to you", r
a.ok("ready")
v = a.event("campaign_preview", timeout=20)
assert v["record"] == una and v["name"] == "Una" and v["fields"] == {"city": "Leeds"} \
    and v["script"] == "Hello, this is the Acme survey." and "call" not in v, v
sup = Session(sock, {"user": "super", "pin": "4321"})
assert sup.ok("why-not", record=una)["why"] == ["shown to an agent for preview"]
r = a.req("preview", action="skip")
assert not r["ok"] and r["error"] == "bad-args", r
assert a.ok("preview", action="skip", reason="wrong_person")["record"] == una
w = sup.ok("why-not", record=una)["why"]
assert len(w) == 1 and w[0].startswith("retry delay: not before ") and w[0].endswith("(after skipped)"), w
print("ok - the record shown, skipped with a reason, offered again later")
v = a.event("campaign_preview", timeout=20)
assert v["name"] == "Vic", v
call = a.ok("preview", action="dial")["call"]
p = a.event("call_progress", timeout=20, call=call)
assert p["number"] == "02079460002", p
assert a.event("campaign_record", timeout=10, call=call)["name"] == "Vic"
a.event("call_ended", timeout=20, call=call)
print("ok - the next record shown and dialed by the agent: busy")
v = a.event("campaign_preview", timeout=20)
assert v["name"] == "Wyn", v
subprocess.run([sys.argv[4], "--state-dir", T, "dnc", "add", "+442079460003", "--client", "acme"],
               check=True, stdout=subprocess.DEVNULL)
r = a.req("preview", action="dial")
assert not r["ok"] and "+442079460003 is on a do-not-call list" in r["message"], r
a.ok("notready", reason="break")
print("ok - a number listed while shown is refused at the dial")
PY
cat "$T/t.log"
outcomes() { sql "select group_concat(r.name || ' ' || a.outcome || ' ' || coalesce(a.disposition, '-'), ', ')
	from attempts a join records r on r.id = a.record_id order by a.id"; }
want="Una skipped wrong_person, Vic busy -, Wyn dnc -"
out_ok() { [ "$(outcomes)" = "$want" ]; }
wait_until 10 out_ok || fail "attempts: $(outcomes)"
[ "$(sql "select group_concat(name || ':' || state || ':' || attempts, ' ') from records order by id")" = "Una:open:0 Vic:open:1 Wyn:open:0" ] ||
	fail "records: $(sql "select * from records")"
grep -q "02079460001" "$T/pstn.log" "$T/pstn.out" && fail "the skipped record was dialed"
grep -q "02079460003" "$T/pstn.log" "$T/pstn.out" && fail "the DNC-listed record was dialed"
pass "a skip and a dial recorded; the skipped number never reached the network"
