#!/bin/sh
# desk.sh: the agent desktop's core side, over the real socket with a real
# call. A customer saved by an agent pops on the next call from their
# number (Polish and Romanian letters intact); the agent's note and a
# required disposition are stored as the contact, which the next call's
# screen pop shows as history; wrap-up does not end without the
# disposition; search by name, number and id; bad input is refused with a
# reason; the agent's own figures; the help flag and a supervisor's
# message; a console that drops mid-call is picked up within agent_grace,
# and after it the agent is logged out and the call cleared; callbacks the
# agent schedules (for now, for self: dialled with the note; tomorrow, for
# anyone: stored, waiting).
. "$top_srcdir/tests/integ/lib.sh"

sed -e '/^\[queue sales\]$/a dispositions = sale, no_sale, info\ndisposition_required = yes' \
    -e '/^\[queue sales\]$/,/^$/s/^wrapup = 0$/wrapup = 2/' \
    -e '/^\[core\]$/a agent_grace = 4' "$S/data/centrala.ini" >"$T/c.ini"
start_core -c "$T/c.ini"
pstn_bg --calls 3 --rate 0.1 --cli 600100001 --dnis 2000 --hold never --duration 100
PYTHONPATH="$S/tests/integ" python3 - "$T/run/centrala.sock" "$T/centrala.db" >"$T/desk.log" 2>&1 <<'PY' || { cat "$T/desk.log"; fail "desk session"; }
import sys, time, sqlite3, socket
from czclient import Session, window
sock, dbp = sys.argv[1], sys.argv[2]
def sql(q):
    c = sqlite3.connect(dbp); r = c.execute(q).fetchall(); c.close(); return r
def refused(s, want, req, **kw):
    r = s.req(req, **kw)
    assert not r["ok"] and r["error"] == want, (req, kw, r)
    return r["message"]
a = Session(sock, {"agent": "1001", "pin": "1234"})
sup = Session(sock, {"user": "super", "pin": "4321"})
sup.ok("subscribe")
name = "Ștefan Łódź-Kowalski"
cid = a.ok("customer-save", customer={"name": name, "company": "ACME",
           "phone": "+48600100001", "fields": {"tier": "gold"}})["customer"]
print(refused(a, "bad-args", "customer-save", customer={"name": "", "phone": "1"}))
print(refused(a, "bad-args", "customer-save", customer={"name": "x", "phone": "12ab"}))
print(refused(a, "bad-args", "customer-save", customer={"name": "x", "shoe": "42"}))
print(refused(a, "not-found", "customer-save", customer={"id": 99999, "name": "x"}))
for q in ("kowal", "łódź", "ȘTEFAN", "600100001", "#%d" % cid):
    found = a.ok("customer-find", query=q)["customers"]
    assert [c["id"] for c in found] == [cid], (q, found)
print("ok - saved and found by name (any case, Polish and Romanian letters), number and id")

a.ok("ready")
off = a.event("offer", timeout=30)
assert off["customer"]["name"] == name and off["customer"]["fields"] == {"tier": "gold"}, off
assert off["customer"]["history"] == [], off
call = off["call"]
a.ok("accept", call=call)
con = a.event("call_connected", call=call)
assert con["customer"]["id"] == cid, con
a.ok("note", call=call, text="wants a quote; call back Tuesday")
a.ok("hold", call=call); window(1); a.ok("retrieve", call=call)   # a second on hold
print(refused(a, "not-found", "note", call="c-nonesuch", text="x"))
a.ok("hangup", call=call)
end = a.event("call_ended", call=call)
assert end["dispositions"] == ["sale", "no_sale", "info"] and end["disposition_required"] is True and end["wrapup_s"] == 2, end
st = a.event("agent_state", state="wrap_up")
assert st["wrapup_s"] in (1, 2), st
assert "disposition required" in refused(a, "bad-state", "ready")
assert "disposition required" in refused(a, "bad-state", "wrapup", action="end")
st = a.event("agent_state", timeout=5, state="wrap_up")     # the timer ran out
assert st["wrapup_s"] == -1, st
assert "not a disposition (sale, no_sale, info)" in refused(a, "bad-args", "disposition", call=call, code="maybe")
a.ok("disposition", call=call, code="sale")
a.event("agent_state", timeout=5, state="ready")
row = sql("select note, disposition, customer_id, agent, queue from contacts where call_id='%s'" % call)
assert row == [("wants a quote; call back Tuesday", "sale", cid, "1001", "sales")], row
print("ok - note and required disposition stored; wrap-up waited for it")

me = a.ok("my-stats")
assert me["calls"] == 1 and me["states"]["on_call"] >= 1 and me["states"]["wrap_up"] >= 1.8 and me["aht_s"] >= 2.5, me
assert any(q["name"] == "sales" for q in me["queues"]), me
a.ok("help", on=True)
h = sup.event("help", agent="1001")
assert h["on"] is True
assert [x["help"] for x in sup.ok("status")["agents"] if x["agent"] == "1001"] == [True]
sup.ok("message", agent="1001", text="Zespół: przerwa o 12:00")
m = a.event("message")
assert m["text"] == "Zespół: przerwa o 12:00" and m["from"] == "super", m
print("ok - figures, help flag, message")

# The second call: history in the pop; the console drops mid-call.
off = a.event("offer", timeout=30)
hist = off["customer"]["history"]
assert len(hist) == 1 and hist[0]["disposition"] == "sale" and hist[0]["note"].startswith("wants a quote"), hist
call = off["call"]
a.ok("accept", call=call)
a.event("call_connected", call=call)
a.ok("note", call=call, text="second call, line dropped")
a.s.close()
window(1)           # the call goes on a second without its console (since_s)
ag = sup.wait_agent("1001", connected=False)     # the core saw it go
assert ag["state"] == "on_call" and ag["call"] == call, ag
b = Session(sock, {"agent": "1001", "pin": "1234"})
lr = b.login_reply
assert lr["state"] == "on_call" and lr["call"]["call"] == call, lr
assert lr["call"]["contact"]["note"] == "second call, line dropped", lr
assert lr["call"]["customer"]["id"] == cid and lr["call"]["since_s"] >= 1, lr
assert "break" in lr["not_ready_reasons"], lr
b.ok("hangup", call=call)
b.event("call_ended", call=call)
b.ok("disposition", call=call, code="info")
b.event("agent_state", timeout=5, state="ready")
print("ok - logged in again within agent_grace: the call, its note and customer back")

# The third call: the console drops and does not come back.
off = b.event("offer", timeout=30)
call = off["call"]
b.ok("accept", call=call)
b.event("call_connected", call=call)
b.s.close()
window(2)           # halfway through agent_grace (4 s): still on the call
ag = sup.agent("1001")
assert ag["state"] == "on_call", ag
sup.wait_agent("1001", timeout=8, state="logged_out")
print("ok - not back within agent_grace: logged out")

# Callbacks the agent schedules: now (for self), and tomorrow (anyone).
c = Session(sock, {"agent": "1001", "pin": "1234"})
print(refused(c, "bad-args", "callback-schedule", number="600100555", at="tomorrow"))
print(refused(c, "bad-args", "callback-schedule", number="600100555", at="2020-01-01 10:00"))
print(refused(c, "not-found", "callback-schedule", number="600100555",
              at=time.strftime("%Y-%m-%d %H:%M"), agent="9999"))
later = c.ok("callback-schedule", number="600100556", agent="",
             at=time.strftime("%Y-%m-%d %H:%M", time.localtime(time.time() + 86400)))["callback"]
now = c.ok("callback-schedule", number="600100555", note="promised a quote",
           at=time.strftime("%Y-%m-%d %H:%M"))["callback"]
c.ok("ready")
off = c.event("offer", timeout=10)
cb = off["callback"]
assert cb["number"] == "600100555" and cb["note"] == "promised a quote" and cb["for_agent"] == "1001", off
c.ok("accept", call=off["call"])
c.event("call_connected", timeout=10, call=off["call"])
c.ok("hangup", call=off["call"])
assert sql("select state, agent from callbacks where id=%d" % now) == [("done", "1001")]
assert sql("select state, for_agent is null, due_ms > %d from callbacks where id=%d" % (int(time.time() * 1000) + 80000000, later)) == [("waiting", 1, 1)]
print("ok - scheduled callbacks: now for self (dialled), tomorrow for anyone (waiting)")
PY
[ "$(sql "select cleared_by, reason from cdr where direction='in' order by start_ms desc limit 1")" = "agent|console did not come back" ] ||
	fail "third call's CDR: $(sql 'select call_id, cleared_by, reason from cdr')"
[ "$(sql "select count(*) from contacts where customer_id is not null")" = 3 ] || fail "contacts: $(sql 'select * from contacts')"
pass "customer pop, notes, required disposition, search, figures, help, message"
