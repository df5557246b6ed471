#!/bin/sh
# pstn-outbound.sh: the telco's outbound profile against a real core. An
# agent on a telephone line (phone:700100, answered at once, saying
# 1500 Hz) dials 30 numbers; the telco meets each call with a party drawn
# by --profile's shares: persons and machines answer within 0.5-1.5 s,
# busy lines, phones ringing on (the agent gives up 3 s after ringing),
# congestion, numbers not in service. Checked: every call has a party, the
# shares come out near the profile, the core's CDR causes agree with the
# party the telco chose, a person hears the agent's line within 2 s of
# answering (heard_ms), ring times are reported (ring_ms), the summary's
# profile line adds up. Then a person (--answer 9001:person) and a
# machine (9002:machine), recorded from the answer (the agent's policy,
# `record_encoding = pcm16`: 16-bit linear WAV):
# the person says "hello" then nothing, the machine its greeting, a 1 kHz
# beep, nothing. Bad --profile values are refused by name.
. "$top_srcdir/tests/integ/lib.sh"
N=30

"$B/centrala-pstn" --profile person=40,robot=5 2>"$T/bad.err" && fail "unknown kind accepted"
grep -q -- '--profile "person=40,robot=5" is not valid' "$T/bad.err" || fail "bad kind: $(cat "$T/bad.err")"
"$B/centrala-pstn" --profile person=40 --answer-delay never 2>"$T/bad.err" && fail "answer-delay never accepted"
grep -q -- '--answer-delay "never" is not valid' "$T/bad.err" || fail "bad delay: $(cat "$T/bad.err")"
"$B/centrala-pstn" --profile person=1 --profile-audio "$T" 2>"$T/bad.err" && fail "missing audio accepted"
grep -q "hello.wav" "$T/bad.err" || fail "missing audio: $(cat "$T/bad.err")"
pass "bad --profile, --answer-delay and --profile-audio are refused by name"

sed -e '/^\[agent 1002\]$/a audio = phone:700100\nrecord = 100' \
    -e '/^\[core\]$/a record_encoding = pcm16' "$S/data/centrala.ini" >"$T/c.ini"
start_core -c "$T/c.ini"
pstn_bg --calls 0 --hold never --answer-tone 1500 --answer 7001:answer:0 \
	--answer 9001:person --answer 9002:machine \
	--profile person=40,machine=20,busy=10,noanswer=10,congestion=10,invalid=10 \
	--answer-delay uniform:0.5:1.5 --seed 3 --duration 900
PYTHONPATH="$S/tests/integ" python3 - "$T/run/centrala.sock" "$N" >"$T/o.log" 2>&1 <<'PY' || { cat "$T/o.log"; fail "outbound session"; }
import sys, time
from czclient import Session, until, window
sock, n = sys.argv[1], int(sys.argv[2])
a = Session(sock, {"agent": "1002", "pin": "1234"})
sup = Session(sock, {"user": "super", "pin": "4321"})
until(lambda: sup.agent("1002")["audio"]["status"] == "ok", 30, "the agent's line up")
a.ok("ready")
seen = {}
for i in range(1, n + 1):
    call = a.ok("dial", number="8000%03d" % i)["call"]
    rang, got = None, None
    end = time.time() + 60
    while got is None and time.time() < end:
        for m in list(a.events):
            if m.get("call") != call:
                continue
            a.events.remove(m)
            if m.get("event") == "call_progress" and m.get("progress") == "ringing":
                rang = time.time()
            elif m.get("event") in ("call_connected", "call_ended"):
                got = m
        if got is None and rang is not None and time.time() - rang > 3:
            a.ok("hangup", call=call)      # our ring limit: nobody answers
            got = a.event("call_ended", timeout=10, call=call)
        if got is None:
            a._read(0.1)
    assert got is not None, f"call {i}: neither connected nor ended"
    if got["event"] == "call_connected":
        window(1)                          # the party speaks; the agent listens
        a.ok("hangup", call=call)
        a.event("call_ended", timeout=10, call=call)
        seen[i] = "connected"
    else:
        seen[i] = "ended %s" % got.get("cause")
    a.event("agent_state", timeout=15, state="ready")
print(seen)
for number, stay in (("9001", 4), ("9002", 14)):
    call = a.ok("dial", number=number)["call"]
    a.event("call_connected", timeout=15, call=call)
    window(stay)                           # what the party says, recorded
    a.ok("hangup", call=call)
    a.event("call_ended", timeout=10, call=call)
    a.event("agent_state", timeout=15, state="ready")
print("recorded", number)
PY
kill "$PSTN_PID"; wait "$PSTN_PID" 2>/dev/null
cat "$T/pstn.out" >>"$T/pstn.log"
sql "select dnis, cause, talk_ms from cdr where route='dial' order by dnis" >"$T/cdr.txt"
python3 - "$T/pstn.out" "$T/cdr.txt" "$N" <<'PY' || fail "outbound profile: $(cat "$T/pstn.out")"
import math, re, sys
out, cdr, n = open(sys.argv[1]).read(), sys.argv[2], int(sys.argv[3])
calls = [dict(kv.split("=", 1) for kv in l.split()[1:]) for l in out.splitlines()
         if l.startswith("call ") and "dir=out" in l and "dnis=8000" in l]
assert len(calls) == n, f"{len(calls)} outbound calls, want {n}"
assert all("profile" in c for c in calls), "a call without a party"
share = {"person": .4, "machine": .2, "busy": .1, "noanswer": .1, "congestion": .1, "invalid": .1}
count = {k: sum(c["profile"] == k for c in calls) for k in share}
for k, p in share.items():
    sd = math.sqrt(n * p * (1 - p))
    assert abs(count[k] - n * p) <= 3 * sd + 1, f"{k}: {count[k]} of {n}, want about {n * p:.0f}"
print("ok - parties", count)
# The core saw what the telco chose: causes per called number.
want = {"busy": {"17"}, "congestion": {"34"}, "invalid": {"1"}}
core = {l.split("|")[0]: l.split("|") for l in open(cdr).read().split()}
for c in calls:
    d, (_, cause, talk) = c["dnis"], core[c["dnis"]]
    if c["profile"] in want:
        assert cause in want[c["profile"]], f"{d} {c['profile']}: core cause {cause}"
    elif c["profile"] in ("person", "machine"):
        assert c["result"] == "answered" and int(talk) > 0, f"{d}: {c} / {core[d]}"
        # The agent's line speaks at once: heard well within the rules' 2 s.
        assert 0 <= int(c["heard_ms"]) < 2000, f"{d}: heard_ms {c['heard_ms']}"
    else:
        assert c["result"] != "answered" and int(c["ring_ms"]) >= 2500, f"{d}: {c}"
print("ok - causes, heard_ms, ring_ms")
prof = dict(kv.split("=") for kv in re.search(r"^profile (.*)$", out, re.M).group(1).split())
assert all(int(prof[k]) == count[k] + (k in ("person", "machine")) for k in share), prof
rings = [int(c["ring_ms"]) for c in calls if c["profile"] == "noanswer"]
heard = [int(c["heard_ms"]) for c in calls if c["profile"] == "person"] + [
    int(l.split("heard_ms=")[1].split()[0]) for l in out.splitlines() if "dnis=9001" in l]
assert int(prof["ring_ms_min"]) == min(rings) and int(prof["heard_ms_max"]) == max(heard) \
    and prof["person_unheard"] == "0", (prof, rings, heard)
print("ok - profile line", prof)
PY
pass "30 outbound calls met the profile's parties; ring and heard times reported"

rec() { echo "$T/recordings/$(sql "select r.path from recordings r join cdr c using (call_id) where c.dnis='$1'")"; }
for n in 9001 9002; do
	f=$(python3 "$S/tests/integ/audio.py" format "$(rec $n)")
	[ "$f" = "pcm16 2 8000" ] || fail "record_encoding = pcm16: $n's recording is $f"
done
PYTHONPATH="$S/tests/integ" python3 - "$(rec 9001)" "$(rec 9002)" <<'PY' || fail "what the parties said"
import math, sys
from audio import read, goertzel_db
def frames(path):
    x, rate = read(path, False, 0)          # channel 0: the called party
    step = rate // 10
    out = []
    for i in range(0, len(x) - step + 1, step):
        f = x[i:i + step]
        beep, level = goertzel_db(f, rate, 1000)
        out.append((level, beep))
    return out
def runs(fr, loud=-40):
    """(start, end) in 100 ms frames of sound, gaps under 0.5 s joined."""
    r = []
    for i, (lv, _) in enumerate(fr):
        if lv > loud:
            if r and i - r[-1][1] <= 5:
                r[-1][1] = i + 1
            else:
                r.append([i, i + 1])
    return r
p = frames(sys.argv[1])
r = runs(p)
assert len(r) == 1 and 3 <= r[0][1] - r[0][0] <= 13, f"person: sound runs {r}"
assert all(lv < -55 for lv, _ in p[r[0][1] + 1:-3]), "person: not silent after hello"
print("ok - person: hello for %.1f s, then silence for %.1f s" % ((r[0][1] - r[0][0]) / 10, (len(p) - r[0][1]) / 10))
m = frames(sys.argv[2])
r = runs(m)
beep = [i for i, (lv, b) in enumerate(m) if lv > -30 and b > -3]
assert r and 3 <= len(beep) <= 6 and beep[-1] - beep[0] == len(beep) - 1, f"machine: beep frames {beep}"
assert beep[0] - r[0][0] >= 80, f"machine: greeting before the beep, runs {r}, beep {beep}"
assert all(lv < -55 for lv, _ in m[beep[-1] + 2:-3]) and len(m) - beep[-1] > 15, "machine: not silent after the beep"
print("ok - machine: greeting %.1f s, beep %.1f s, then silence" % ((beep[0] - r[0][0]) / 10, len(beep) / 10))
PY
pass "a person says hello then nothing; a machine its greeting, a beep, then nothing"
