#!/bin/sh
# targets.sh: the dispatcher resolves what each request acts on (its row's
# target and the arguments that name things) before the handler runs, with
# one reply per failure, whatever the request: an unknown agent, call or
# queue is not-found ("no agent X", "no call X", "no queue X"); a call that
# is not the agent's is bad-state ("call X is not offered/connected to
# you"); an agent's request from a supervisor's session is bad-state. Then
# the resolved targets reach the handlers: a message, why, hold, hang up.
. "$top_srcdir/tests/integ/lib.sh"

start_core
pstn_bg --calls 1 --cli 600100001 --dnis 2000 --hold never --duration 60
PYTHONPATH="$S/tests/integ" python3 - "$T/run/centrala.sock" >"$T/t.log" 2>&1 <<'PY' || { cat "$T/t.log"; fail "targets session"; }
import sys, time
from czclient import Session
sock = sys.argv[1]
a = Session(sock, {"agent": "1001", "pin": "1234"})
b = Session(sock, {"agent": "1002", "pin": "1234"})
sup = Session(sock, {"user": "super", "pin": "4321"})

def refused(s, code, message, req, /, **args):
    r = s.req(req, **args)
    assert not r["ok"] and r["error"] == code and r["message"] == message, \
        (req, args, r)

for req, args in [("message", {"text": "hi"}), ("agent-state", {"state": "ready"}),
                  ("agent-queues", {"queues": ""})]:
    refused(sup, "not-found", "no agent nosuch", req, agent="nosuch", **args)
for req, args in [("why", {}), ("monitor", {"mode": "listen"})]:
    refused(sup, "not-found", "no call c-nosuch", req, call="c-nosuch", **args)
for req, args in [("accept", {}), ("reject", {}), ("hangup", {}), ("hold", {}),
                  ("retrieve", {}), ("mute", {"on": True}),
                  ("record", {"action": "start"}), ("dtmf", {"digits": "1"}),
                  ("transfer", {"to": "number:555"}), ("consult-cancel", {})]:
    refused(a, "not-found", "no call c-nosuch", req, call="c-nosuch", **args)
for req, args in [("ready", {}), ("my-stats", {}), ("hold", {"call": "c-nosuch"})]:
    refused(sup, "bad-state", "this session is not an agent's", req, **args)
now = time.strftime("%Y-%m-%d %H:%M")
refused(a, "not-found", "no agent nosuch", "callback-schedule",
        number="600100555", at=now, agent="nosuch")
refused(a, "not-found", "no queue nosuch", "callback-schedule",
        number="600100555", at=now, queue="nosuch")
print("ok - unknown agents, calls and queues: one reply each, every request")

a.ok("ready")
call = a.event("offer", timeout=20)["call"]
refused(b, "bad-state", f"call {call} is not offered to you", "accept", call=call)
refused(a, "bad-state", f"call {call} is not connected to you", "hold", call=call)
a.ok("accept", call=call)
for req, args in [("hangup", {}), ("hold", {}), ("dtmf", {"digits": "1"}),
                  ("transfer", {"to": "queue:support"})]:
    refused(b, "bad-state", f"call {call} is not connected to you", req,
            call=call, **args)
refused(a, "bad-state", f"call {call} is not offered to you", "reject", call=call)
refused(a, "not-found", "no queue nosuch", "transfer", call=call, to="queue:nosuch")
refused(a, "not-found", "no agent nosuch", "consult", call=call, to="agent:nosuch")
refused(a, "bad-args", '"to" is agent:ID or number:DIGITS (3 to 20)', "consult",
        call=call, to="queue:support")
print("ok - a call not yours, or not in that state: one reply each")

sup.ok("message", agent="1001", text="well done")
assert a.event("message", timeout=5)["text"] == "well done"
assert sup.ok("why", call=call)["why"]
assert a.ok("hold", call=call)["held"] is True
assert a.ok("retrieve", call=call)["held"] is False
a.ok("hangup", call=call)
end = a.event("call_ended", timeout=10, call=call)
print("ok - resolved targets reach the handlers: message, why, hold, hangup")
PY
cat "$T/t.log"
[ "$(sql "select count(*) from events where kind='call_end' and detail like '%\"cleared_by\":\"agent\"%'")" = 1 ] ||
	fail "hangup not recorded as the agent's: $(sql "select kind, detail from events where kind='call_end'")"
pass "dispatcher resolves targets once, uniform replies"
