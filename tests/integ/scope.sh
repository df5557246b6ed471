#!/bin/sh
# scope.sh: a supervisor limited to some clients ([user] clients =) acts
# only on their queues, the agents in them and their calls. Two clients in
# the default config: acme (sales, DID 2000), globex (support, billing,
# DIDs 2001, 2002). "boss" sees globex only: agent 1001 (sales) and the
# call on 2000 are refused, forbidden, and the refusal is logged with who
# and what; 1017 (sales, support) and the call on 2001 are allowed. Its
# status lists only globex's queues, agents and calls; "super" (no
# clients) sees all. Changes are events rows naming the supervisor; an
# unknown client in the config is refused naming file, section and key.
. "$top_srcdir/tests/integ/lib.sh"

hash=$(sed -n '/^\[user super\]/,/^pin/s/^pin = //p' "$S/data/centrala.ini")
printf '\n[user boss]\nrole = supervisor\npin = %s\nclients = globex\n' "$hash" |
	cat "$S/data/centrala.ini" - >"$T/c.ini"

sed 's/^client = globex$/client = nosuch/' "$T/c.ini" >"$T/bad.ini"
if "$B/centrala-core" -n -c "$T/bad.ini" >"$T/out" 2>&1; then fail "unknown client accepted"; fi
grep -q "$T/bad.ini: \[did 2001\] client: no client \"nosuch\"" "$T/out" ||
	fail "message: $(cat "$T/out")"
sed 's/^clients = globex$/clients = globex, nosuch/' "$T/c.ini" >"$T/bad2.ini"
if "$B/centrala-core" -n -c "$T/bad2.ini" >"$T/out" 2>&1; then fail "unknown client accepted"; fi
grep -q "$T/bad2.ini: \[user boss\] clients: no client \"nosuch\"" "$T/out" ||
	fail "message: $(cat "$T/out")"
pass "an unknown client: file, section and key named"

start_core -c "$T/c.ini"
pstn_bg --calls 2 --rate 0 --cli 600100### --dnis 2000,2001 --hold never --duration 60
PYTHONPATH="$S/tests/integ" python3 - "$T/run/centrala.sock" >"$T/t.log" 2>&1 <<'PY' || { cat "$T/t.log"; fail "scope session"; }
import sys
from czclient import Session, until
sock = sys.argv[1]
a = Session(sock, {"agent": "1001", "pin": "1234"})     # sales: acme
b = Session(sock, {"agent": "1017", "pin": "1234"})     # sales, support
boss = Session(sock, {"user": "boss", "pin": "4321"})   # globex only
sup = Session(sock, {"user": "super", "pin": "4321"})   # everyone

def calls(s):
    return {c["dnis"]: c["call"] for c in s.ok("status")["calls"]}
until(lambda: len(calls(sup)) == 2, 20, "both calls in")
mine, theirs = calls(sup)["2001"], calls(sup)["2000"]

def refused(what, req, **args):
    r = boss.req(req, **args)
    assert not r["ok"] and r["error"] == "forbidden" and \
        r["message"] == f"{what} is not one of your clients'", (req, args, r)

refused("agent 1001", "agent-state", agent="1001", state="ready")
refused("agent 1001", "message", agent="1001", text="hi")
refused("agent 1001", "agent-queues", agent="1001", queues="sales")
refused(f"call {theirs}", "why", call=theirs)
refused(f"call {theirs}", "monitor", call=theirs, mode="listen")
print("ok - another client's agent and call: forbidden")

boss.ok("message", agent="1017", text="well done")
assert b.event("message", timeout=5)["text"] == "well done"
assert boss.ok("agent-queues", agent="1017", queues="support")["queues"] == ["support"]
assert boss.ok("agent-state", agent="1017", state="not_ready", reason="lunch")["state"] == "not_ready"
assert boss.ok("why", call=mine)["why"]
r = boss.req("monitor", call=mine, mode="listen")
assert r["ok"] or r["error"] != "forbidden", r
sup.ok("agent-state", agent="1001", state="not_ready")
print("ok - its own agent and call: allowed; an unlimited supervisor: all")

st = boss.ok("status")
assert sorted(q["name"] for q in st["queues"]) == ["billing", "support"], st["queues"]
assert [x["agent"] for x in st["agents"] if x["agent"] in ("1001", "1017")] == ["1017"]
assert all("support" in x["queues"] or "billing" in x["queues"] or
           x["state"] == "logged_out" for x in st["agents"]), st["agents"]
assert [c["call"] for c in st["calls"]] == [mine], st["calls"]
st = sup.ok("status")
assert sorted(q["name"] for q in st["queues"]) == ["billing", "sales", "support"]
assert {"1001", "1017"} <= {x["agent"] for x in st["agents"]}
assert sorted(c["call"] for c in st["calls"]) == sorted([mine, theirs])
print("ok - status: the limited supervisor sees only its client's")
PY
cat "$T/t.log"
wait_until 10 grep -q "scope: supervisor boss refused why on call" "$T/log/core.log" ||
	fail "refusal not logged: $(grep scope "$T/log/core.log")"
[ "$(grep -c "scope: supervisor boss refused" "$T/log/core.log")" = 5 ] ||
	fail "refusals logged: $(grep scope "$T/log/core.log")"
acts() { sql "select group_concat(json_extract(detail, '\$.by') || ' ' ||
	json_extract(detail, '\$.action') || ' ' || agent, ', ') from
	(select * from events where kind = 'supervisor_action' order by id)"; }
want="boss message 1017, boss agent-queues 1017, boss agent-state 1017, super agent-state 1001"
acts_ok() { [ "$(acts)" = "$want" ]; }
wait_until 10 acts_ok ||
	fail "supervisor_action rows: $(acts)"
pass "refusals logged, changes recorded with who did them"
