#!/bin/sh
# scope-events.sh: a supervisor limited to some clients ([user] clients =)
# gets, of the events to subscribers, only those about their clients.
# "boss" sees globex only (queue support, DID 2001), "super" everyone.
# Agent 1001 is acme's (sales), 1099 globex's (support); one call comes in
# on 2000 (acme), one on 2001 (globex). boss gets 1099's agent_state and
# help, the 2001 call's call_state, and the span's state; nothing about
# 1001 or the 2000 call (its caller's number included); super gets all.
# After each stage a marker boss must get is sent: what it were sent of
# acme's came before the marker. Then a reload limits super to acme and
# frees boss: each now gets what its new scope says. Last, a reload removes
# boss: its session is told why and closed.
. "$top_srcdir/tests/integ/lib.sh"

hash=$(sed -n '/^\[user super\]/,/^pin/s/^pin = //p' "$S/data/centrala.ini")
apin=$(sed -n '/^\[agent 1001\]/,/^pin/s/^pin = //p' "$S/data/centrala.ini")
printf '\n[user boss]\nrole = supervisor\npin = %s\nclients = globex\n' "$hash" |
	cat "$S/data/centrala.ini" - >"$T/c.ini"
printf '\n[agent 1099]\nname = Gil Obex\npin = %s\nqueues = support\n' "$apin" >>"$T/c.ini"

start_core -c "$T/c.ini"
PYTHONPATH="$S/tests/integ" python3 - "$T/run/centrala.sock" "$T" >"$T/t.log" 2>&1 <<'PY' &
import os, sys, time
from czclient import Session, ready_to, until
sock, t = sys.argv[1], sys.argv[2]

def seen(s, what, pred, timeout=20):
    """The first event of S matching PRED (kept), waited for."""
    end = time.time() + timeout
    while True:
        for m in s.events:
            if "event" in m and pred(m):
                return m
        if time.time() >= end:
            raise TimeoutError(f"{timeout} s waiting for {what}; have {s.events}")
        s._read(0.2)

def ev(name, **match):
    return lambda m: m["event"] == name and all(m.get(k) == v for k, v in match.items())

boss = Session(sock, {"user": "boss", "pin": "4321"})   # globex only
sup = Session(sock, {"user": "super", "pin": "4321"})   # everyone
boss.ok("subscribe")
sup.ok("subscribe")
ready_to(t + "/subscribed")

for s in (boss, sup):       # the telco connects: the span comes up
    seen(s, "span up", ev("span_state", l1="up"))
a = Session(sock, {"agent": "1001", "pin": "1234"})
g = Session(sock, {"agent": "1099", "pin": "1234"})
a.ok("help", on=True, text="acme help")
g.ok("help", on=True, text="globex help")
# everything of both clients reached super ...
for w, p in [("1001 state", ev("agent_state", agent="1001")),
             ("1099 state", ev("agent_state", agent="1099")),
             ("1001 help", ev("help", agent="1001")),
             ("1099 help", ev("help", agent="1099")),
             ("acme call", ev("call_state", queue="sales", state="queued")),
             ("globex call", ev("call_state", queue="support", state="queued"))]:
    seen(sup, w, p)
acme = seen(sup, "", ev("call_state", queue="sales"))
globex = seen(sup, "", ev("call_state", queue="support"))
# ... and globex's to boss, then the marker sent after all of acme's
for w, p in [("1099 state", ev("agent_state", agent="1099")),
             ("1099 help", ev("help", agent="1099", on=True)),
             ("globex call", ev("call_state", call=globex["call"], state="queued"))]:
    seen(boss, w, p)
g.ok("help", on=False)
seen(boss, "marker", ev("help", agent="1099", on=False))
seen(sup, "marker", ev("help", agent="1099", on=False))

def leaks(s, call, cli, agent):
    return [m for m in s.events if "event" in m and (m.get("call") == call or
            m.get("agent") == agent or cli in str(m))]
bad = leaks(boss, acme["call"], acme["cli"], "1001")
assert bad == [], f"boss got acme's events: {bad}"
assert leaks(sup, globex["call"], globex["cli"], "1099"), "super lacks globex's"
assert boss.ok("status")["calls"][0]["call"] == globex["call"]
print("ok - boss: span, globex's agent, help and call; nothing of acme's; super: all")

# A reload: super limited to acme, boss to nobody (everyone's).
boss.events.clear()
sup.events.clear()
ready_to(t + "/phase1")
until(lambda: os.path.exists(t + "/reloaded"), 30, "the reload")
a.ok("help", on=False)
g.ok("help", on=True, text="again")
a.ok("help", on=True, text="last")
for w, p in [("1001 off", ev("help", agent="1001", on=False)),
             ("1099 again", ev("help", agent="1099", text="again")),
             ("1001 last", ev("help", agent="1001", text="last"))]:
    seen(boss, w, p)
seen(sup, "1001 off", ev("help", agent="1001", on=False))
seen(sup, "1001 last", ev("help", agent="1001", text="last"))
bad = [m for m in sup.events if m.get("agent") == "1099"]
assert bad == [], f"super, limited to acme, got globex's: {bad}"
print("ok - after a reload: super sees acme only, boss everyone")

# A reload removes boss's [user] section: the session ends, with a reason,
# rather than going on with rights nobody gives it now.
ready_to(t + "/phase2")
closed = seen(boss, "session_closed", ev("session_closed"), timeout=30)
assert "removed" in closed.get("reason", ""), closed
try:
    until(lambda: boss._read(0.2) and False, 10, "the close")
    raise AssertionError("boss's connection still open")
except EOFError:
    pass
a.ok("help", on=True, text="after")
seen(sup, "1001 after", ev("help", agent="1001", text="after"))
print("ok - boss removed by a reload: told why, and closed; super goes on")
PY
PY_PID=$!
PIDS="$PIDS $PY_PID"
wait_file 20 "$T/subscribed" || fail "supervisors did not subscribe: $(cat "$T/t.log")"
pstn_bg --calls 2 --rate 0 --dnis 2000,2001 --hold never --duration 60
wait_until 60 test -e "$T/phase1" -o ! -d /proc/$PY_PID ||
	fail "stage 1: $(cat "$T/t.log")"
[ -e "$T/phase1" ] || { wait "$PY_PID"; fail "stage 1: $(cat "$T/t.log")"; }
sed -i -e '/^clients = globex$/d' -e '/^\[user super\]$/a clients = acme' "$T/c.ini"
ctl reload >"$T/reload.out" || fail "reload: $(cat "$T/reload.out")"
: >"$T/reloaded"
wait_until 60 test -e "$T/phase2" -o ! -d /proc/$PY_PID ||
	fail "stage 2: $(cat "$T/t.log")"
[ -e "$T/phase2" ] || { wait "$PY_PID"; fail "stage 2: $(cat "$T/t.log")"; }
sed -i -e '/^\[user boss\]$/,/^$/d' "$T/c.ini"
grep -q '^\[user boss\]' "$T/c.ini" && fail "boss still in c.ini"
ctl reload >"$T/reload.out" || fail "reload 2: $(cat "$T/reload.out")"
wait "$PY_PID" || fail "scope events: $(cat "$T/t.log")"
cat "$T/t.log"
pass "a limited supervisor's subscription carries only their clients' events"
