#!/bin/sh
# agent-states.sh: not-ready reasons come from the config; a supervisor
# changes an agent's state; wrap-up is extended and ended early; after-call
# rules: not ready with a reason, ready without wrap-up, log out.
. "$top_srcdir/tests/integ/lib.sh"

sed 's/^wrapup = 0$/wrapup = 30/' "$S/data/centrala.ini" >"$T/c.ini"
start_core -c "$T/c.ini"
# Three callers, each staying 3 s after CONNECT, each placed when the
# agent is ready for it (a schedule would run ahead of a loaded machine).
PYTHONPATH="$S/tests/integ" python3 - "$T/run/centrala.sock" "$B/centrala-pstn" "$T" >"$T/states.log" 2>&1 <<'PY' || { cat "$T/states.log"; fail "agent states"; }
import atexit, subprocess, sys
from czclient import Session
sock, pstn, t = sys.argv[1:4]
a = Session(sock, {"agent": "1001", "pin": "1234"})
sup = Session(sock, {"user": "super", "pin": "4321"})
calls = []
def place_call():
    """One more caller, once the one before has hung up and its telco exited."""
    if calls:
        assert calls[-1].wait(timeout=30) == 0, "pstn failed"
    calls.append(subprocess.Popen([pstn, "--state-dir", t, "--calls", "1", "--hold", "fixed:3"],
                                  stdout=open(t + "/pstn.out", "a"), stderr=subprocess.STDOUT))
atexit.register(lambda: [p.kill() for p in calls if p.poll() is None])

r = a.req("notready", reason="coffee")
assert r["error"] == "bad-args" and "lunch" in r["message"], r
assert a.ok("notready", reason="lunch")["state"] == "not_ready"
print("ok - reasons come from the config")
assert sup.ok("agent-state", agent="1001", state="ready")["state"] == "ready"
a.event("agent_state", state="ready")
print("ok - a supervisor made the agent ready; the console was told")

place_call()
call = a.event("offer")["call"]
a.ok("accept", call=call)
a.ok("after-call", then="not_ready", reason="training")
a.event("call_ended", call=call)
a.event("agent_state", state="wrap_up")
assert a.ok("wrapup", action="extend", seconds=10)["state"] == "wrap_up"
ext = a.event("agent_state", state="wrap_up")
assert 38 <= ext["wrapup_s"] <= 40, ext   # 30 s, 10 more
a.ok("wrapup", action="end")
a.event("agent_state", state="not_ready", reason="training")
print("ok - wrap-up extended, ended early, then not ready (training) as asked")

a.ok("ready")
place_call()
call = a.event("offer", timeout=15)["call"]
a.ok("accept", call=call)
a.ok("after-call", then="ready")
a.event("call_ended", call=call)
a.event("agent_state", state="ready")
assert not any(e.get("state") == "wrap_up" for e in a.events), a.events
print("ok - ready after this call: no wrap-up")

place_call()
call = a.event("offer", timeout=15)["call"]
a.ok("accept", call=call)
a.ok("after-call", then="logout")
a.event("call_ended", call=call)
a.event("agent_state", state="wrap_up")
a.ok("wrapup", action="end")
a.event("agent_state", state="logged_out")
r = a.req("ready")
assert r["error"] == "not-logged-in", r
print("ok - logged out after the call and its wrap-up")
r = sup.req("agent-state", agent="1001", state="ready")
assert r["error"] == "bad-state", r
print("ok - a supervisor cannot make a logged-out agent ready")
assert calls[-1].wait(timeout=30) == 0, "pstn failed"
PY
cat "$T/states.log"
[ "$(sql "select count(*) from events where kind='agent_state' and agent='1001' and state='not_ready' and detail like '%training%'")" = 1 ] ||
	fail "training not recorded"
[ "$(sql "select count(*) from events where kind='agent_logout' and agent='1001' and detail like '%after call%'")" = 1 ] ||
	fail "logout after call not recorded"
pass "every state change stored with its reason"
