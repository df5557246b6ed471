#!/bin/sh
# agent-queues.sh: an agent logs into a subset of its configured queues; a
# supervisor moves it between them; the ACD follows; a queue the config
# does not give the agent is refused.
. "$top_srcdir/tests/integ/lib.sh"

start_core
pstn_bg --calls 1 --dnis 2000 --hold never
PYTHONPATH="$S/tests/integ" python3 - "$T/run/centrala.sock" >"$T/q.log" 2>&1 <<'PY' || { cat "$T/q.log"; fail "agent queues"; }
import sys
from czclient import Session, until
sock = sys.argv[1]
a = Session(sock, {"agent": "1017", "pin": "1234", "queues": "support"})
sup = Session(sock, {"user": "super", "pin": "4321"})
st = sup.ok("status")
assert [x["queues"] for x in st["agents"] if x["agent"] == "1017"] == [["support"]], st["agents"]
# The sales caller (2000), once waiting, is not offered to an agent logged
# into support only (3 s to show it).
until(lambda: any(c["queue"] == "sales" for c in sup.ok("status")["calls"]), 20, "the sales caller")
a.ok("ready")
try:
    a.event("offer", timeout=3)
    sys.exit("offered a sales call while in support only")
except TimeoutError:
    pass
print("ok - logged into support only: no sales offer")
r = sup.req("agent-queues", agent="1017", queues="billing")
assert r["error"] == "bad-args" and "not configured" in r["message"], r
assert sup.ok("agent-queues", agent="1017", queues="sales,support")["queues"] == ["sales", "support"]
a.event("agent_queues")
call = a.event("offer", timeout=5)["call"]
a.ok("accept", call=call)
print("ok - supervisor added sales: the waiting sales caller reached the agent")
PY
cat "$T/q.log"
[ "$(sql "select count(*) from events where kind='agent_queues' and agent='1017' and detail like '%super%'")" = 1 ] ||
	fail "queue change not recorded"
pass "queue changes are recorded with who made them"
