#!/bin/sh
# remote-agent.sh: audio over telephone lines instead of headsets. Agent
# 1002's seat is phone:700100: the core dials it at login and keeps it up
# for the shift; a caller's call is bridged to it on answer. The
# supervisor's audio is phone:700200, dialled at the first listen. The
# telco answers the core's calls saying a 1500 Hz tone (callers say
# 1004 Hz), and keeps what each party heard: the caller hears the agent's
# line, the agent's line hears the caller (and nothing before the call),
# the listener hears both. The network then restarts the agent's line:
# the core dials it again by itself. Logout hangs it up.
. "$top_srcdir/tests/integ/lib.sh"
A="python3 $S/tests/integ/audio.py"

sed -e '/^\[agent 1002\]$/a audio = phone:700100' \
    -e '/^\[user super\]$/a audio = phone:700200' "$S/data/centrala.ini" >"$T/c.ini"
start_core -c "$T/c.ini"
mkdir "$T/heard"
pstn_bg --calls 1 --rate 0 --cli 600100001 --dnis 2000 --hold never \
	--answer-tone 1500 --save-audio "$T/heard" --restart-after 25 --duration 45
PYTHONPATH="$S/tests/integ" python3 - "$T/run/centrala.sock" >"$T/r.log" 2>&1 <<'PY' || { cat "$T/r.log"; fail "remote agent session"; }
import sys
from czclient import Session, until, window
sock = sys.argv[1]
a = Session(sock, {"agent": "1002", "pin": "1234"})
sup = Session(sock, {"user": "super", "pin": "4321"})
def line():
    return [x["audio"] for x in sup.ok("status")["agents"] if x["agent"] == "1002"][0]
until(lambda: line()["status"] == "ok", 15, "the agent's line up")
window(2)                          # the line is up and idle: silence on it
a.ok("ready")
call = a.event("offer", timeout=15)["call"]
a.ok("accept", call=call)
a.event("call_connected", call=call)
sup.ok("monitor", call=call, mode="listen")
window(5)                          # caller, agent and listener: audio checked
a.ok("hangup", call=call)
l = line()
assert l["played"] > 200 and l["captured"] > 200, l
print("ok - call bridged over the line", l)
# The network restarts the line 25 s after the D channel came up.
until(lambda: line()["status"] != "ok", 30, "the line down")
print("ok - line down")
until(lambda: line()["status"] == "ok", 15, "the line redialled")
print("ok - line redialled")
PY
pass "the line was dialled at login, carried the call, and was redialled after a RESTART"
[ "$(sql "select count(*) from cdr where direction='out' and dnis='700100' and route='line'")" = 2 ] ||
	fail "line CDRs: $(sql "select call_id, dnis, route, reason from cdr")"
wait_until 10 sql_is "select count(*) from cdr where dnis='700100' and reason='line closed'" 1 ||
	fail "logout did not hang up the line: $(sql "select call_id, dnis, route, reason from cdr")"

ans=$(sql "select agent_answer_ms from cdr where direction='in'")
fin=$(sql "select end_ms from cdr where direction='in'")
start_in=$(sql "select start_ms from cdr where direction='in'")
line1=$(sql "select min(start_ms) from cdr where dnis='700100'")
sup1=$(sql "select min(start_ms) from cdr where dnis='700200'")
rel() { echo "$1 $2 $3" | awk '{ printf "%.2f", ($1 - $2) / 1000 + $3 }'; }
# tone FILE HZ FROM TO (seconds in the file): the level in dB, or exit 1.
has() { $A tone "$1" "$2" --from "$3" --to "$4" | awk '{ print; exit !($1 > -20) }'; }
lacks() { $A tone "$1" "$2" --from "$3" --to "$4" | awk '{ print; exit !($1 < -35) }'; }
C="$T/heard/in-1.wav"; L="$T/heard/out-1.wav"; U="$T/heard/out-2.wav"
has "$C" 1500 "$(rel "$ans" "$start_in" 0.5)" "$(rel "$fin" "$start_in" -0.5)" >/dev/null ||
	fail "the caller did not hear the agent's line: $(has "$C" 1500 "$(rel "$ans" "$start_in" 0.5)" "$(rel "$fin" "$start_in" -0.5)")"
has "$L" 1004 "$(rel "$ans" "$line1" 0.5)" "$(rel "$fin" "$line1" -0.5)" >/dev/null ||
	fail "the agent's line did not hear the caller: $(has "$L" 1004 "$(rel "$ans" "$line1" 0.5)" "$(rel "$fin" "$line1" -0.5)")"
$A tone "$L" 1004 --from 1.5 --to "$(rel "$ans" "$line1" -0.5)" | awk '{ exit !($2 < -60) }' ||
	fail "the idle line was not silent: $($A tone "$L" 1004 --from 1.5 --to "$(rel "$ans" "$line1" -0.5)")"
has "$U" 1004 1.5 "$(rel "$fin" "$sup1" -0.5)" >/dev/null && has "$U" 1500 1.5 "$(rel "$fin" "$sup1" -0.5)" >/dev/null ||
	fail "the supervisor's line did not hear both: $($A tone "$U" 1004 --from 1.5 --to 5) / $($A tone "$U" 1500 --from 1.5 --to 5)"
pass "caller and remote agent hear each other over the line; silence before the call; the listener hears both"
