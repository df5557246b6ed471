#!/bin/sh
# faults.sh: failures this machine cannot produce on demand, injected into
# the real core with tests/fault/fault.c (LD_PRELOAD): the agent's headset
# underruns every second and is unplugged for two seconds mid-call; the
# disk fills up while the call is recorded. The call goes on untouched;
# the headset's trouble is counted, reported once and, after the device
# comes back, reported over; the recording stops, its row says why, and
# supervisors are told.
. "$top_srcdir/tests/integ/lib.sh"

cc -shared -fPIC -o "$T/fault.so" "$S/tests/fault/fault.c" -ldl 2>"$T/cc.log" ||
	fail "fault.so not built: $(cat "$T/cc.log")"
printf 'pcm.agent1001 {\n\ttype file\n\tslave.pcm "null"\n\tfile "%s"\n\tformat "raw"\n}\n' \
	"$T/agent-out.raw" >"$T/.asoundrc"
export HOME="$T"
sed -e '/^\[agent 1001\]$/a audio = alsa:agent1001' \
    -e '/^\[queue sales\]$/a record = 100' "$S/data/centrala.ini" >"$T/c.ini"
CORE_WRAPPER="env LD_PRELOAD=$T/fault.so FAULT_XRUN_EVERY=50 FAULT_UNPLUG=4:6 FAULT_ENOSPC=/recordings/:150000" \
	start_core -c "$T/c.ini"
pstn_bg --calls 1 --hold never --duration 40
PYTHONPATH="$S/tests/integ" python3 - "$T/run/centrala.sock" >"$T/f.log" 2>&1 <<'PY' || { cat "$T/f.log"; fail "fault session"; }
import sys, time
from czclient import Session
sock = sys.argv[1]
a = Session(sock, {"agent": "1001", "pin": "1234"})
sup = Session(sock, {"user": "super", "pin": "4321"})
sup.ok("subscribe")
a.ok("ready")
call = a.event("offer", timeout=20)["call"]
a.ok("accept", call=call)
f = sup.event("audio_failed", timeout=15)
assert f["owner"] == "agent 1001" and f["device"] == "alsa:agent1001", f
print("ok - unplugged:", f["error"])
r = sup.event("recording", timeout=20, state="failed")
assert "space" in r["error"].lower(), r
print("ok - recording failed:", r["error"])
sup.event("audio_ok", timeout=15)
ep = [x["audio"] for x in sup.ok("status")["agents"] if x["agent"] == "1001"][0]
assert ep["status"] == "ok" and ep["xruns"] >= 3 and ep["played"] > 100, ep
assert [c["state"] for c in sup.ok("status")["calls"] if c["call"] == call] == ["connected"]
print("ok - back:", ep)
a.ok("hangup", call=call)
PY
wait_until 10 sql_is "select count(*) from cdr" 1 || fail "no CDR"
[ "$(sql "select cleared_by, reason, talk_ms > 7000 from cdr")" = "agent|agent hung up|1" ] ||
	fail "the call was disturbed: $(sql 'select cleared_by, reason, talk_ms from cdr')"
[ "$(sql "select status, error like '%space%' from recordings")" = "failed|1" ] ||
	fail "recording row: $(sql 'select status, error from recordings')"
[ "$(sql "select count(*) from events where kind='audio' and state='failed'")" = 1 ] &&
[ "$(sql "select count(*) from events where kind='audio' and state='ok'")" = 1 ] ||
	fail "audio events: $(sql "select state, detail from events where kind='audio'")"
pass "xruns recovered, an unplugged headset reported once and back; a full disk stops the recording, not the call"
