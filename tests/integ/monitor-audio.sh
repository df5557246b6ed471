#!/bin/sh
# monitor-audio.sh: listen, whisper and barge, checked in the audio each
# party received, with every party on a telephone line through the telco
# simulator. Agent 1002's seat is phone:700100 (that line says 1500 Hz);
# the supervisor's audio is phone:700200 (it says 1800 Hz, dialled at the
# first listen); the caller says 1004 Hz. The telco keeps what each line
# heard. Phases of a few seconds each (the spans measured), bounded by the
# core's monitor events: listen - the supervisor hears caller and agent,
# neither of them hears the supervisor; whisper - the agent hears the
# supervisor, the caller does not; barge - both do; stop - nobody does,
# and the supervisor's line hears the call no more.
. "$top_srcdir/tests/integ/lib.sh"
A="python3 $S/tests/integ/audio.py"

sed -e '/^\[agent 1002\]$/a audio = phone:700100' \
    -e '/^\[user super\]$/a audio = phone:700200' "$S/data/centrala.ini" >"$T/c.ini"
start_core -c "$T/c.ini"
mkdir "$T/heard"
pstn_bg --calls 1 --rate 0 --cli 600100001 --dnis 2000 --hold never \
	--answer-tone 700100:1500 --answer-tone 700200:1800 --save-audio "$T/heard"
PYTHONPATH="$S/tests/integ" python3 - "$T/run/centrala.sock" >"$T/m.log" 2>&1 <<'PY' || { cat "$T/m.log"; fail "monitor session"; }
import sys
from czclient import Session, until, window
sock = sys.argv[1]
a = Session(sock, {"agent": "1002", "pin": "1234"})
sup = Session(sock, {"user": "super", "pin": "4321"})
def line():
    return [x["audio"] for x in sup.ok("status")["agents"] if x["agent"] == "1002"][0]
until(lambda: line()["status"] == "ok", 15, "the agent's line up")
a.ok("ready")
call = a.event("offer", timeout=15)["call"]
a.ok("accept", call=call)
a.event("call_connected", call=call)
sup.ok("monitor", call=call, mode="listen")
window(5)                          # the supervisor's line answers in 1 s
sup.ok("monitor", call=call, mode="whisper")
window(3)
sup.ok("monitor", call=call, mode="barge")
window(3)
sup.ok("monitor", call=call, mode="stop")
window(3)
a.ok("hangup", call=call)
print("ok - listen, whisper, barge, stop")
PY
wait_until 20 sql_is "select count(*) from cdr where direction='in'" 1 || fail "no CDR for the call"
kill "$PSTN_PID" 2>/dev/null	# (it stops by itself once the call ended) clears the lines
wait_until 20 pstn_exited || fail "pstn did not stop"
for f in in-1 out-1 out-2; do
	[ -s "$T/heard/$f.wav" ] || fail "pstn kept no $f.wav: $(ls "$T/heard")"
done
pass "caller, agent's line and supervisor's line each kept what they heard"

ev() { sql "select ts_ms from events where kind='monitor' and state='$1'"; }
L=$(ev listen); W=$(ev whisper); G=$(ev barge); P=$(ev stop)
E=$(sql "select end_ms from cdr where direction='in'")
U1=$(sql "select answer_ms from cdr where dnis='700200'")
[ -n "$L" ] && [ -n "$W" ] && [ -n "$G" ] && [ -n "$P" ] && [ -n "$U1" ] ||
	fail "events or CDR missing: $(sql "select kind, state from events where kind='monitor'") / $(sql "select dnis, answer_ms from cdr")"
# check FILE T0 FREQ FROM TO has|lacks: FREQ in FILE between FROM+0.4 s and
# TO-0.4 s (wall ms; T0: the wall time of the file's start, its SETUP).
check() {
	_r=$($A tone "$1" "$3" --from "$(echo "$4 $2" | awk '{ printf "%.2f", ($1 - $2) / 1000 + 0.4 }')" \
		--to "$(echo "$5 $2" | awk '{ printf "%.2f", ($1 - $2) / 1000 - 0.4 }')")
	case $6 in
	has) echo "$_r" | awk '{ exit !($1 > -20) }' ;;
	lacks) echo "$_r" | awk '{ exit !($1 < -35) }' ;;
	esac || fail "$(basename "$1") $6 $3 Hz from $4 to $5 (ms): reads $_r"
}
C="$T/heard/in-1.wav"; C0=$(sql "select start_ms from cdr where direction='in'")
AL="$T/heard/out-1.wav"; A0=$(sql "select start_ms from cdr where dnis='700100' order by start_ms limit 1")
SU="$T/heard/out-2.wav"; S0=$(sql "select start_ms from cdr where dnis='700200'")
Lu=$(echo "$L $U1" | awk '{ print ($1 > $2 ? $1 : $2) }')	# listen, the line up

check "$SU" "$S0" 1004 "$Lu" "$W" has
check "$SU" "$S0" 1500 "$Lu" "$W" has
check "$C" "$C0" 1800 "$L" "$W" lacks
check "$AL" "$A0" 1800 "$L" "$W" lacks
check "$C" "$C0" 1500 "$L" "$W" has
check "$AL" "$A0" 1004 "$L" "$W" has
pass "listen: the supervisor hears caller and agent; neither hears the supervisor"

check "$AL" "$A0" 1800 "$W" "$G" has
check "$AL" "$A0" 1004 "$W" "$G" has
check "$C" "$C0" 1800 "$W" "$G" lacks
check "$C" "$C0" 1500 "$W" "$G" has
check "$SU" "$S0" 1004 "$W" "$G" has
check "$SU" "$S0" 1500 "$W" "$G" has
pass "whisper: the agent hears the supervisor, the caller does not"

check "$C" "$C0" 1800 "$G" "$P" has
check "$C" "$C0" 1500 "$G" "$P" has
check "$AL" "$A0" 1800 "$G" "$P" has
check "$AL" "$A0" 1004 "$G" "$P" has
check "$SU" "$S0" 1004 "$G" "$P" has
check "$SU" "$S0" 1500 "$G" "$P" has
pass "barge: caller and agent both hear the supervisor, and each other"

check "$C" "$C0" 1800 "$P" "$E" lacks
check "$AL" "$A0" 1800 "$P" "$E" lacks
check "$C" "$C0" 1500 "$P" "$E" has
check "$SU" "$S0" 1004 "$P" "$E" lacks
check "$SU" "$S0" 1500 "$P" "$E" lacks
pass "stop: nobody hears the supervisor, and its line no longer hears the call"
