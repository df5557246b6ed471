#!/bin/sh
# consult-agent.sh: an agent consults another agent about a caller. The
# consulted agent is connected at once (a `consult` event with the
# caller's details, state on_call) while the caller holds; cancelled, the
# consulted agent is ready again and the caller back; consulted again,
# made a conference, then completed: the second agent has the caller
# (call_connected), the first is released (call_ended by transfer), and
# the CDR names the agent who talked last.
. "$top_srcdir/tests/integ/lib.sh"

start_core
pstn_bg --calls 1 --cli 600100001 --hold never --duration 40
PYTHONPATH="$S/tests/integ" python3 - "$T/run/centrala.sock" >"$T/c.log" 2>&1 <<'PY' || { cat "$T/c.log"; fail "consult session"; }
import sys
from czclient import Session, window
sock = sys.argv[1]
a = Session(sock, {"agent": "1001", "pin": "1234"})
b = Session(sock, {"agent": "1002", "pin": "1234"})
sup = Session(sock, {"user": "super", "pin": "4321"})
def state(agent):
    return [x["state"] for x in sup.ok("status")["agents"] if x["agent"] == agent][0]
a.ok("ready")
call = a.event("offer", timeout=20)["call"]
a.ok("accept", call=call)
r = a.req("consult", call=call, to="agent:1002")       # 1002 is not ready
assert not r["ok"] and r["error"] == "bad-state", r
b.ok("ready")
a.ok("consult", call=call, to="agent:1002")
ev = b.event("consult", timeout=5, call=call)
assert ev["from"] == "1001" and ev["cli"] == "600100001", ev
a.event("consult_connected", timeout=5, call=call)
assert state("1002") == "on_call"
assert [c["state"] for c in sup.ok("status")["calls"] if c["call"] == call] == ["connected"]
a.ok("consult-cancel", call=call)
b.event("consult_ended", timeout=5, call=call)
sup.wait_agent("1002", timeout=5, state="ready")
assert state("1001") == "on_call"
print("ok - consulted and cancelled: 1002 ready again")
a.ok("consult", call=call, to="agent:1002")
b.event("consult", timeout=5, call=call)
a.ok("conference", call=call)
a.ok("consult-complete", call=call)
end = a.event("call_ended", timeout=5, call=call)
assert end["cleared_by"] == "transfer", end
con = b.event("call_connected", timeout=5, call=call)
assert con["cli"] == "600100001", con
window(1)           # 1002 talks with the caller a moment
b.ok("hangup", call=call)
b.event("call_ended", timeout=5, call=call)
print("ok - conference, then completed to 1002, who hung up")
PY
wait_until 10 sql_is "select agent from cdr where call_id=(select call_id from cdr where direction='in')" 1002 ||
	fail "CDR agent: $(sql 'select call_id, agent from cdr')"
[ "$(sql "select group_concat(json_extract(detail, '\$.mode') || ' ' || json_extract(detail, '\$.to'), ', ') from events where kind in ('consult', 'transfer')")" = "start agent:1002, cancel agent:1002, start agent:1002, conference agent:1002, consult agent:1002" ] ||
	fail "events: $(sql "select kind, detail from events where kind in ('consult','transfer')")"
[ "$(sql "select count(*) from contacts where agent='1002'")" = 1 ] || fail "no contact for 1002"
pass "agent consultation: cancel, conference, complete; events, CDR and contact follow"
