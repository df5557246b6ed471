#!/bin/sh
# supervisor-move.sh: the call-move request, over the protocol, against a
# real core and the telco simulator. "boss" supervises client globex
# (support, billing) only: moving acme's call (DID 2000, sales), or its
# own call into acme's queue, or to an acme-only agent, is forbidden;
# its own call to billing is done. A bad target, a call not waiting and
# an agent not ready get errors that say what was wrong. Nothing was
# moved by a refused request; what was done is a supervisor_action row
# naming boss.
. "$top_srcdir/tests/integ/lib.sh"

hash=$(sed -n '/^\[user super\]/,/^pin/s/^pin = //p' "$S/data/centrala.ini")
printf '\n[user boss]\nrole = supervisor\npin = %s\nclients = globex\n' "$hash" |
	cat "$S/data/centrala.ini" - >"$T/c.ini"
start_core -c "$T/c.ini"
pstn_bg --calls 2 --rate 0 --cli 600100### --dnis 2000,2001 --hold never --duration 90
PYTHONPATH="$S/tests/integ" python3 - "$T/run/centrala.sock" >"$T/t.log" 2>&1 <<'PY' || { cat "$T/t.log"; fail "call-move session"; }
import sys
from czclient import Session, until
sock = sys.argv[1]
boss = Session(sock, {"user": "boss", "pin": "4321"})   # globex only
sup = Session(sock, {"user": "super", "pin": "4321"})
# 1025 takes billing only today: no call waits there yet.
a = Session(sock, {"agent": "1025", "pin": "1234", "queues": "billing"})

def calls():
    return {c["dnis"]: c for c in sup.ok("status")["calls"]}
until(lambda: len(calls()) == 2 and all(c["state"] == "queued" for c in calls().values()),
      20, "both calls queued")
mine, theirs = calls()["2001"]["call"], calls()["2000"]["call"]

def refused(code, msg, **args):
    r = boss.req("call-move", **args)
    assert not r["ok"] and r["error"] == code and r["message"] == msg, (args, r)

refused("forbidden", f"call {theirs} is not one of your clients'", call=theirs, to="queue:billing")
refused("forbidden", "queue sales is not one of your clients'", call=mine, to="queue:sales")
refused("forbidden", "agent 1001 is not one of your clients'", call=mine, to="agent:1001")
refused("bad-args", '"to" is queue:NAME, agent:ID or number:DIGITS (3 to 20)', call=mine, to="billing")
refused("bad-args", 'call-move: "to" is queue:NAME or agent:ID', call=mine, to="number:5551234")
refused("bad-args", f"call {mine} already waits in queue support", call=mine, to="queue:support")
refused("not-found", "no queue nosuch", call=mine, to="queue:nosuch")
r = sup.req("call-move", call=theirs, to="agent:1001")
assert not r["ok"] and r["error"] == "bad-state" and \
    r["message"] == "agent 1001 is logged_out: only a ready agent can be offered a call", r
assert calls()["2000"]["queue"] == "sales" and calls()["2001"]["queue"] == "support", calls()
print("ok - refused: another client's call, queue and agent; bad targets; nothing moved")

# An unlimited supervisor offers acme's call to 1025 by name: it rings
# there although 1025 takes billing only; 1025 answers; then the call is
# not waiting any more.
a.ok("ready")
until(lambda: sup.agent("1025")["state"] == "ready", 5, "1025 ready")
sup.ok("call-move", call=theirs, to="agent:1025")
assert a.event("offer", timeout=10)["call"] == theirs
a.ok("accept", call=theirs)
a.event("call_connected", call=theirs)
r = sup.req("call-move", call=theirs, to="queue:support")
assert not r["ok"] and r["error"] == "bad-state" and \
    r["message"] == f"call {theirs} is connected, not waiting in a queue", r
print("ok - offered to a named agent; a connected call is not moved")

assert boss.ok("call-move", call=mine, to="queue:billing")["queue"] == "billing"
until(lambda: calls()["2001"]["queue"] == "billing", 5, "the call in billing")
print("ok - its own call moved to billing")
PY
cat "$T/t.log"
[ "$(sql "select count(*) from events where kind='supervisor_action' and detail like '%\"action\":\"call-move\"%'")" = 2 ] ||
	fail "supervisor_action rows: $(sql "select * from events where kind='supervisor_action'")"
sql_is "select count(*) from events where kind='supervisor_action' and agent='1025' and detail like '%\"by\":\"super\"%' and detail like '%\"to\":\"agent:1025\"%'" 1 ||
	fail "the offer to 1025 is not recorded with who"
sql_is "select queue from events where kind='queue_exit' and detail like '%moved by boss%'" support ||
	fail "the move to billing is not a queue_exit of support"
pass "call-move: scope, errors, queue and agent moves recorded"
