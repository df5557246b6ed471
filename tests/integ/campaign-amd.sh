#!/bin/sh
# campaign-amd.sh: a predictive campaign with amd = detect against the
# telco simulator's --profile of persons and machines (what they say:
# data/pstn/). The core listens to each answer (core/amd.c): persons go
# to the four agents (or hear the abandon message within 2 s of the end
# of their "hello"), machines hear amd_machine_message and are hung up.
# Compared with the simulator's truth, call by call: every machine it
# answered with is an attempt "machine" (within a margin), every person
# an attempt answered or abandoned; a machine's record is open again
# after retry_machine; no person was left unheard past 2 s of their
# greeting. Then a progressive campaign (each of two agents is on a call
# from its first ring): machines are hung up for the agent, persons stay.
# Four agents and two: the calls run in real time (a person's 3 s, the
# 50 dials before the pacing is predictive), the more agents the sooner.
. "$top_srcdir/tests/integ/lib.sh"

N=120
cat "$S/data/centrala.ini" - >"$T/c.ini" <<'EOF2'

[campaign amd]
client = acme
agents = 1001, 1002, 1004, 1005
country = 44
caller_id = 020 7946 0000
mode = predictive
hours = ""
dispositions = done:close
retry_machine = 30:2
abandon_cap = 50
amd = detect
amd_machine_message = goodbye
amd_false_positive = 10
state = paused

[campaign amdp]
client = acme
agents = 1003, 1006
country = 44
caller_id = 020 7946 0000
mode = progressive
hours = ""
dispositions = done:close
retry_machine = 30:2
amd = detect
state = paused
EOF2

start_core -c "$T/c.ini"
pstn_bg --calls 0 --profile person=50,machine=50 --answer-delay uniform:0.5:1.5 \
	--hold fixed:3 --seed 11 --duration 1200
wait_until 20 span_up || fail "span not up"
{ echo phone,name; i=1000; while [ $i -lt $((1000 + N)) ]; do echo "020 7946 $i,P$i"; i=$((i + 1)); done; } >"$T/l.csv"
ctl import-list amd main "$T/l.csv" >"$T/imp" 2>&1 || fail "import: $(cat "$T/imp")"
ctl campaign amd resume >/dev/null || fail "resume"

PYTHONPATH="$S/tests/integ" python3 - "$T/run/centrala.sock" "$T/centrala.db" "$N" >"$T/t.log" 2>&1 <<'PY' || { cat "$T/t.log"; fail "agent sessions"; }
import sqlite3, sys, time
from czclient import Desk, Session
sock, dbpath, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
agents = [Session(sock, {"agent": a, "pin": "1234"}) for a in ("1001", "1002", "1004", "1005")]
for a in agents:
    a.ok("ready")
desk, talked = Desk(agents, campaign="amd"), 0
end = time.time() + 600
def done():
    db = sqlite3.connect(dbpath, timeout=5)
    try:
        tried = db.execute("select count(distinct record_id) from attempts").fetchone()[0]
        up = db.execute("select count(*) from records where state = 'dialing'").fetchone()[0]
    finally:
        db.close()
    return tried >= n and up == 0
last = 0
while True:
    assert time.time() < end, f"not every record tried; {talked} talked"
    talked += desk.step("done")
    if time.time() - last > 1:
        last = time.time()
        if not desk.busy() and done():
            break
print("ok - the agents talked to", talked, "persons")
PY
cat "$T/t.log"
kill "$PSTN_PID"; wait "$PSTN_PID" 2>/dev/null
cat "$T/pstn.out" >>"$T/pstn.log"
sql "select r.phone, a.outcome from attempts a join records r on r.id = a.record_id order by a.id" >"$T/att"
grep -q "campaign amd: machine (" "$T/log/core.log" || fail "no machine verdict in the log"

python3 - "$T/pstn.out" "$T/att" <<'PY' || fail "against the simulator's truth"
import sys
out = open(sys.argv[1]).read()
calls = [dict(kv.split("=", 1) for kv in l.split()[1:]) for l in out.splitlines()
         if l.startswith("call ") and "dir=out" in l]
att = {}
for l in open(sys.argv[2]).read().split("\n"):
    if l:
        phone, outcome = l.split("|")
        att.setdefault(phone, []).append(outcome)
truth = {"person": 0, "machine": 0}
got = {"person": 0, "machine": 0}
wrong = []
for c in calls:
    kind = c.get("profile")
    phone = "+44" + c["dnis"][1:]
    outcome = att[phone].pop(0)
    truth[kind] += 1
    said = "machine" if outcome == "machine" else "person"
    got[said] += 1
    if said != kind:
        wrong.append((phone, kind, outcome))
    if kind == "person" and int(c["heard_ms"]) >= 0:
        # hello.wav's word ends 0.6 s after the answer: 2 s from there.
        assert int(c["heard_ms"]) < 2600, f"{phone} heard us {c['heard_ms']} ms after answering"
    if kind == "machine":
        assert int(c["heard_ms"]) >= 0, f"{phone}: the machine heard no message"
        assert c["cleared_by"] == "core", f"{phone}: the machine was not hung up"
assert truth["machine"] >= 5 and truth["person"] >= 5, truth
margin = max(1, truth["machine"] // 10)
assert abs(got["machine"] - truth["machine"]) <= margin, (got, truth, wrong)
assert len(wrong) <= margin, wrong
print("ok - simulator", truth, "core", got, "misjudged", wrong)
PY
pass "machines and persons classified as the simulator says"
ab=$(sql "select count(*) from attempts where outcome = 'abandoned'")
grep -q "amd: predictive pacing places" "$T/log/core.log" || fail "never paced predictively"
[ "$ab" -ge 1 ] || fail "no call abandoned: the test proves nothing of the 2 s rule"

bad=$(sql "select count(*) from attempts a join records r on r.id = a.record_id where a.outcome = 'machine' and not (r.state = 'open' and r.attempts = 1 and r.next_at_ms = a.ts_ms + 30 * 60000)")
[ "$bad" = 0 ] || fail "$bad machine records not retried by retry_machine: $(sql "select r.state, r.attempts, r.next_at_ms - a.ts_ms from attempts a join records r on r.id = a.record_id where a.outcome = 'machine'")"
pass "machine records open again after 30 minutes (retry_machine)"

linked=$(sql "select count(*) from attempts a join cdr c on c.call_id = a.call_id")
[ "$linked" = "$N" ] || fail "$linked of $N attempts linked to their CDR"
pass "every attempt names its call's CDR"

# The compliance report against the simulator: persons are the live
# answers, those who heard the message within 2 s are the abandons, the
# machines are the machines, 10 % of them estimated persons.
day=$(date -u +%Y-%m-%d)
"$B/centrala-report" --db "$T/centrala.db" --config "$T/c.ini" --from "$day" compliance --csv >"$T/comp.csv" ||
	fail "compliance report"
cat "$T/comp.csv"
python3 - "$T/pstn.out" "$T/comp.csv" <<'PY' || fail "the compliance report against the simulator"
import csv, sys
out = open(sys.argv[1]).read()
calls = [dict(kv.split("=", 1) for kv in l.split()[1:]) for l in out.splitlines()
         if l.startswith("call ") and "dir=out" in l]
row = next(r for r in csv.DictReader(open(sys.argv[2])) if r["campaign"] == "amd")
persons = [c for c in calls if c["profile"] == "person"]
machines = [c for c in calls if c["profile"] == "machine"]
heard = [c for c in persons if int(c["heard_ms"]) >= 0]
m = int(row["machines"])
assert int(row["dials"]) == len(calls), (row, len(calls))
assert abs(m - len(machines)) <= max(1, len(machines) // 10), (row, len(machines))
assert int(row["live"]) == len(calls) - m, row
assert int(row["abandons"]) == len(heard) == int(row["message_2s"]), (row, len(heard))
assert abs(float(row["amd_fp_est"]) - m * 0.10) < 0.06, row
ab = (len(heard) + m * 0.10) / (len(calls) - m + m * 0.10) * 100
assert abs(float(row["abandon_pct"]) - ab) < 0.06, (row, ab)
assert row["dnc_refused"] == "0" and row["dnc_dialed"] == "0", row
print("ok - report", dict(row), "simulator: persons", len(persons), "machines", len(machines), "heard the message", len(heard))
PY
pass "the compliance report's figures are the simulator's"

# The estimate is in the pacing's abandon windows too: a restarted core
# reads the machine verdicts back, 10 % of them as abandoned live answers.
live=$(sql "select count(*) from attempts where outcome in ('answered', 'abandoned')")
mach=$(sql "select count(*) from attempts where outcome = 'machine' and amd like 'machine:%'")
est=$((mach / 10))
kill "$CORE_PID"; wait "$CORE_PID" 2>/dev/null
start_core -c "$T/c.ini"
want="campaign amd: from the attempts: $((live + est)) live answers, $((ab + est)) abandoned in 30 days"
wait_until 20 grep -q "$want" "$T/log/core.log" ||
	fail "windows read back without the estimate: $(grep 'from the attempts' "$T/log/core.log") (wanted: $want)"
pass "pacing counts $est of $mach machine verdicts as abandoned persons"

# --- progressive ---------------------------------------------------------
M=12
pstn_bg --calls 0 --profile person=50,machine=50 --answer-delay uniform:0.5:1.5 \
	--hold fixed:3 --seed 12 --duration 600
wait_until 20 span_up || fail "span not up again"
{ echo phone,name; i=2000; while [ $i -lt $((2000 + M)) ]; do echo "020 7946 $i,Q$i"; i=$((i + 1)); done; } >"$T/p.csv"
ctl import-list amdp main "$T/p.csv" >"$T/imp" 2>&1 || fail "import: $(cat "$T/imp")"
ctl campaign amdp resume >/dev/null || fail "resume amdp"
PYTHONPATH="$S/tests/integ" python3 - "$T/run/centrala.sock" "$T/centrala.db" "$M" >"$T/p.log" 2>&1 <<'PY' || { cat "$T/p.log"; fail "progressive agent"; }
import sqlite3, sys, time
from czclient import Session
sock, dbpath, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
agents = [Session(sock, {"agent": a, "pin": "1234"}) for a in ("1003", "1006")]
for a in agents:
    a.ok("ready")
end, last, talked = time.time() + 300, 0, 0
def done():
    db = sqlite3.connect(dbpath, timeout=5)
    try:
        tried = db.execute("select count(distinct a.record_id) from attempts a join records r on r.id = a.record_id join lists l on l.id = r.list_id where l.campaign = 'amdp'").fetchone()[0]
        up = db.execute("select count(*) from records where state = 'dialing'").fetchone()[0]
    finally:
        db.close()
    return tried >= n and up == 0
while True:
    assert time.time() < end, "not every record tried"
    for a in agents:
        a._read(0.05)
        for m in list(a.events):
            a.events.remove(m)
            if m.get("event") == "call_ended":
                r = a.req("disposition", call=m["call"], code="done")
                talked += bool(r.get("ok"))
    if time.time() - last > 1:
        last = time.time()
        if done():
            break
print("ok - agents 1003 and 1006 disposed of", talked, "calls")
PY
cat "$T/p.log"
kill "$PSTN_PID"; wait "$PSTN_PID" 2>/dev/null
sql "select r.phone, a.outcome from attempts a join records r on r.id = a.record_id join lists l on l.id = r.list_id where l.campaign = 'amdp' order by a.id" >"$T/patt"
python3 - "$T/pstn.out" "$T/patt" <<'PY' || fail "progressive against the simulator's truth"
import sys
calls = [dict(kv.split("=", 1) for kv in l.split()[1:]) for l in open(sys.argv[1]).read().splitlines()
         if l.startswith("call ") and "dir=out" in l]
att = dict(l.split("|") for l in open(sys.argv[2]).read().split("\n") if l)
want = {"machine": "machine", "person": "answered"}
wrong = [(c["dnis"], c["profile"], att.get("+44" + c["dnis"][1:])) for c in calls
         if att.get("+44" + c["dnis"][1:]) != want[c["profile"]]]
kinds = [c["profile"] for c in calls]
assert kinds.count("machine") >= 2 and kinds.count("person") >= 2, kinds
assert not wrong, wrong
for c in calls:
    if c["profile"] == "machine":
        assert c["cleared_by"] == "core" and int(c["dur_ms"]) < 3000, c
print("ok - progressive:", kinds.count("machine"), "machines hung up,", kinds.count("person"), "persons answered")
PY
pass "progressive: machines hung up for the agent, persons stay with them"
