#!/bin/sh
# campaign-predictive.sh: a predictive campaign on a real core and the
# telco simulator's --profile: four agents, 300 records, target 20 sales.
# The core places calls tied to no agent, more than the free agents once
# 50 dials have measured the answer rate; a person who answers goes to a
# free agent, or after 1.5 s is abandoned and hears the message. The
# agents give a success disposition after each call they talk on, until
# the campaign reaches its target. Checked on the simulator's side: every
# person who heard anything heard it within 2 s of answering (the agents
# have no headset: what a person hears is the message), no call was given
# up before ringing 15 s; in the database: abandoned attempts are as many
# as the persons who heard the message, no abandoned record was dialed
# again, the campaign is finished. A restarted core reads the abandon
# windows back from the attempts. Each agent's wrap-up after a call
# (0 s here) is measured into the campaign's mean, the pacing's input.
# Four agents rather than two: the calls run in real time (an unanswered
# one rings 20 s), and the 20 sales come twice as soon.
. "$top_srcdir/tests/integ/lib.sh"

cat "$S/data/centrala.ini" - >"$T/c.ini" <<'EOF2'

[campaign predict]
client = acme
agents = 1001, 1002, 1004, 1005
country = 44
caller_id = 020 7946 0000
mode = predictive
hours = ""
dispositions = sale:success
target = 20
abandon_cap = 50
state = paused
EOF2

start_core -c "$T/c.ini"
pstn_bg --calls 0 --profile person=30,busy=25,invalid=25,noanswer=10,congestion=10 \
	--answer-delay uniform:0.5:1.5 --hold fixed:4 --seed 5 --duration 1200
wait_until 20 span_up || fail "span not up"
{ echo phone,name; i=1000; while [ $i -lt 1300 ]; do echo "020 7946 $i,P$i"; i=$((i + 1)); done; } >"$T/l.csv"
ctl import-list predict main "$T/l.csv" >"$T/imp" 2>&1 || fail "import: $(cat "$T/imp")"
ctl campaign predict resume >/dev/null || fail "resume"

PYTHONPATH="$S/tests/integ" python3 - "$T/run/centrala.sock" >"$T/t.log" 2>&1 <<'PY' || { cat "$T/t.log"; fail "agent sessions"; }
import sys, time
from czclient import Desk, Session
sock = sys.argv[1]
agents = [Session(sock, {"agent": a, "pin": "1234"}) for a in ("1001", "1002", "1004", "1005")]
for a in agents:
    a.ok("ready")
desk, sales = Desk(agents, campaign="predict"), 0
end = time.time() + 900
while sales < 20:
    assert time.time() < end, f"only {sales} sales"
    sales += desk.step("sale")
print("ok - the agents made", sales, "sales")
PY
cat "$T/t.log"
wait_until 30 sql_is "select state from campaigns where name = 'predict'" finished ||
	fail "campaign: $(sql "select state from campaigns")"
wait_until 120 sql_is "select count(*) from records where state = 'dialing'" 0 ||
	fail "calls still up: $(sql "select count(*) from records where state = 'dialing'")"
pass "the predictive campaign reached its target of 20 sales"
# The pacing's wrap-up input: each agent's wrap-up after a campaign call
# is measured (from its state changes) into the campaign's mean.
n=$(grep -c "campaign predict: agent 100[1245]: wrap-up [0-9.]* s, mean now" "$T/log/core.log")
[ "$n" -ge 20 ] || fail "wrap-ups measured: $n (want one per call talked on)"
pass "$n wrap-ups measured into the campaign's mean"

grep -q "predict: predictive pacing places" "$T/log/core.log" ||
	fail "never paced predictively"
kill "$PSTN_PID"; wait "$PSTN_PID" 2>/dev/null
cat "$T/pstn.out" >>"$T/pstn.log"
ab=$(sql "select count(*) from attempts where outcome = 'abandoned'")
[ "$ab" -ge 1 ] || fail "no call abandoned: the test proves nothing of the 2 s rule"
python3 - "$T/pstn.out" "$ab" <<'PY' || fail "the simulator's side: $(grep '^profile' "$T/pstn.out")"
import re, sys
out, ab = open(sys.argv[1]).read(), int(sys.argv[2])
calls = [dict(kv.split("=", 1) for kv in l.split()[1:]) for l in out.splitlines()
         if l.startswith("call ") and "dir=out" in l]
heard = [int(c["heard_ms"]) for c in calls if c.get("profile") == "person" and int(c["heard_ms"]) >= 0]
assert len(heard) == ab, f"{len(heard)} persons heard the message, {ab} abandoned in the database"
assert max(heard) < 2000, f"a person waited {max(heard)} ms for the message"
rings = [int(c["ring_ms"]) for c in calls if c.get("profile") == "noanswer" and c["cleared_by"] == "core"]
assert rings and min(rings) >= 15000, f"given up after {min(rings)} ms of ringing"
prof = dict(kv.split("=") for kv in re.search(r"^profile (.*)$", out, re.M).group(1).split())
assert int(prof["ring_ms_min"]) >= 15000 and int(prof["heard_ms_max"]) < 2000, prof
print("ok -", ab, "abandoned heard the message within", max(heard), "ms;", len(rings),
      "unanswered rang", min(rings), "ms or more;", len(calls), "calls")
PY
pass "the message heard within 2 s of the answer, as often as abandons are counted; rings of 15 s at least"

again=$(sql "select count(*) from attempts a join attempts b on b.record_id = a.record_id and b.ts_ms > a.ts_ms where a.outcome = 'abandoned'")
[ "$again" = 0 ] || fail "$again abandoned records dialed again"
pass "no abandoned record dialed again"

live=$(sql "select count(*) from attempts where outcome in ('answered', 'abandoned')")
kill "$CORE_PID"; wait "$CORE_PID" 2>/dev/null
start_core -c "$T/c.ini"
wait_until 20 grep -q "campaign predict: from the attempts: $live live answers, $ab abandoned in 30 days; $live, $ab in 24 h" "$T/log/core.log" ||
	fail "abandon windows not read back: $(grep 'from the attempts' "$T/log/core.log")"
pass "a restarted core reads the abandon windows back ($ab of $live live answers)"
