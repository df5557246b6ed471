#!/bin/sh
# campaign-blend.sh: blending (docs/DIALER.md, "Blending"): a progressive
# campaign worked by two agents of the inbound queue sales, one agent
# kept free for inbound (inbound_reserve = 1). Two inbound callers wait
# before any agent is ready: each agent, as it goes ready, is offered an
# inbound call, and no record is dialed. With one agent free and the
# other talking, the free one is the reserve: nothing is dialed (the core
# logs the decision). With inbound quiet and both free, the campaign runs:
# one call for one agent, never two, the simulator sees it. A predictive
# campaign with the same reserve and two free agents keeps one call in
# flight (its numbers ring unanswered), not two.
. "$top_srcdir/tests/integ/lib.sh"

cat "$S/data/centrala.ini" - >"$T/c.ini" <<'EOF2'

[campaign blend]
client = acme
agents = 1001, 1002
country = 44
caller_id = 020 7946 0000
mode = progressive
hours = ""
dispositions = sale:success
state = paused
inbound_priority = yes
inbound_reserve = 1

[campaign pb]
client = acme
agents = 1003, 1004
country = 44
caller_id = 020 7946 0000
mode = predictive
hours = ""
dispositions = sale:success
state = paused
inbound_reserve = 1
EOF2

start_core -c "$T/c.ini"
pstn_bg --calls 2 --rate 0 --dnis 2000 --hold never \
	--answer 0207946:answer:1 --answer 020794610:noanswer --duration 300 --log "$T/calls.txt"
wait_until 20 span_up || fail "span not up"
printf 'phone,name\n020 7946 0001,One\n020 7946 0002,Two\n020 7946 0003,Three\n' >"$T/l.csv"
ctl import-list blend main "$T/l.csv" >"$T/imp" 2>&1 || fail "import: $(cat "$T/imp")"
wait_until 20 field_is "[q['waiting'] for q in d['queues'] if q['name'] == 'sales'][0]" 2 ||
	fail "inbound callers not waiting: $(ctl status)"
ctl campaign blend resume >/dev/null || fail "resume"

kept() { grep -c "campaign blend: $1 agents free, $2 kept for inbound" "$T/log/core.log"; }

PYTHONPATH="$S/tests/integ" python3 - "$T/run/centrala.sock" "$T/log/core.log" \
	>"$T/t.log" 2>&1 <<'PY' || { cat "$T/t.log"; fail "agent sessions"; }
import sys, sqlite3, os
from czclient import Session, until
sock, log = sys.argv[1], sys.argv[2]
db = os.path.join(os.path.dirname(os.path.dirname(log)), "centrala.db")
def dialing():
    c = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    return c.execute("select count(*) from records where state = 'dialing'").fetchone()[0] + \
        c.execute("select count(*) from attempts").fetchone()[0]
def logged(text):
    return text in open(log).read()
a = Session(sock, {"agent": "1001", "pin": "1234"})
b = Session(sock, {"agent": "1002", "pin": "1234"})
a.ok("ready")
oa = a.event("offer", timeout=20)
assert oa["queue"] == "sales", oa
a.ok("accept", call=oa["call"])
a.event("call_connected", timeout=20, call=oa["call"])
b.ok("ready")
ob = b.event("offer", timeout=20)
assert ob["queue"] == "sales" and ob["call"] != oa["call"], ob
b.ok("accept", call=ob["call"])
b.event("call_connected", timeout=20, call=ob["call"])
assert dialing() == 0, "a record was dialed while inbound callers waited"
print("ok - inbound callers waiting: each agent going free takes one; nothing dialed")
a.ok("hangup", call=oa["call"])
a.event("call_ended", timeout=20, call=oa["call"])
until(lambda: logged("campaign blend: 1 agents free, 1 kept for inbound"), 20,
      "the pass keeping the free agent for inbound")
assert dialing() == 0, "the reserved agent was given a campaign call"
print("ok - one agent free, the other talking: the free one is kept for inbound")
b.ok("hangup", call=ob["call"])
b.event("call_ended", timeout=20, call=ob["call"])
until(lambda: logged("campaign blend: 2 agents free, 1 kept for inbound"), 20,
      "the pass with both free")
until(lambda: dialing() == 1, 20, "one record dialed")
got = []
def progress():
    for s in (a, b):
        try:
            got.append(dict(s.event("call_progress", timeout=0.2), session=s))
        except TimeoutError:
            pass
    return got
until(progress, 20, "the campaign call at an agent")
assert len(got) == 1 and got[0]["number"].startswith("0207946000"), got
assert dialing() == 1, "more than one record dialed with one agent reserved"
s, c = got[0]["session"], got[0]["call"]
s.event("call_connected", timeout=20, call=c)
s.req("hangup", call=c)
s.event("call_ended", timeout=20, call=c)
print("ok - inbound quiet: the campaign runs, one call for two free agents")
PY
cat "$T/t.log"
wait_until 20 grep -q "02079460001" "$T/calls.txt" || fail "the simulator saw no campaign call"
pass "the simulator saw the campaign's call"

printf 'phone,name\n020 7946 1001,P1\n020 7946 1002,P2\n020 7946 1003,P3\n' >"$T/p.csv"
ctl import-list pb main "$T/p.csv" >"$T/imp" 2>&1 || fail "import pb: $(cat "$T/imp")"
ctl campaign pb resume >/dev/null || fail "resume pb"
PYTHONPATH="$S/tests/integ" python3 - "$T/run/centrala.sock" "$T/log/core.log" \
	>"$T/t2.log" 2>&1 <<'PY' || { cat "$T/t2.log"; fail "predictive sessions"; }
import sys, sqlite3, os
from czclient import Session, until
sock, log = sys.argv[1], sys.argv[2]
db = os.path.join(os.path.dirname(os.path.dirname(log)), "centrala.db")
def dialing():
    c = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    return c.execute("select count(*) from records r join lists l on l.id = r.list_id "
                     "where l.campaign = 'pb' and r.state = 'dialing'").fetchone()[0]
c = Session(sock, {"agent": "1003", "pin": "1234"})
d = Session(sock, {"agent": "1004", "pin": "1234"})
c.ok("ready")
d.ok("ready")
until(lambda: "campaign pb: 2 agents free, 1 kept for inbound" in open(log).read(), 20,
      "the predictive pass keeping one agent")
until(lambda: dialing() == 1, 20, "one predictive call")
assert dialing() == 1, "a second call placed for the reserved agent"
print("ok - predictive: two free agents, one reserved: one call in flight")
PY
cat "$T/t2.log"
