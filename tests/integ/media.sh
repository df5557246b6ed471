#!/bin/sh
# media.sh: voice on the B-channels, end to end. The caller (pstn) says a
# 1004 Hz tone; agent 1001's headset is an ALSA file device (the test's own
# asoundrc: playback to a file, the microphone read from a file holding
# 600 Hz); the supervisor's headset says 1800 Hz. Checked in what each
# party actually received: the agent hears the caller and the caller the
# agent; listen-in hears both and nobody hears the supervisor; whisper
# reaches the agent only; barge reaches both; hold gives the caller music
# and cuts the agent off; the policy recording (A-law, the default) holds
# the caller on the left, the agent on the right, and silence where the
# agent paused it.
# A headset that is missing is reported, the call still goes through, and
# it is picked up once it appears.
. "$top_srcdir/tests/integ/lib.sh"

A="python3 $S/tests/integ/audio.py"
python3 - "$T" <<'PY'
import math, struct, sys
t = sys.argv[1]
for name, f in (("agent1001-in", 600), ("super-in", 1800)):
    with open("%s/%s.raw" % (t, name), "wb") as o:
        o.write(b"".join(struct.pack("<h", int(3000 * math.sin(2 * math.pi * f * i / 8000)))
                         for i in range(8000 * 90)))
PY
for dev in agent1001 super; do
	printf 'pcm.%s {\n\ttype file\n\tslave.pcm "null"\n\tfile "%s"\n\tinfile "%s"\n\tformat "raw"\n}\n' \
		"$dev" "$T/$dev-out.raw" "$T/$dev-in.raw" >>"$T/.asoundrc"
done
export HOME="$T"
sed -e '/^\[agent 1001\]$/a audio = alsa:agent1001' \
    -e '/^\[agent 1002\]$/a audio = alsa:headset1002' \
    -e '/^\[user super\]$/a audio = alsa:super' \
    -e '/^\[queue sales\]$/a record = 100' "$S/data/centrala.ini" >"$T/c.ini"
start_core -c "$T/c.ini"
mkdir "$T/heard"
pstn_bg --calls 1 --hold never --save-audio "$T/heard" --duration 40
PYTHONPATH="$S/tests/integ" python3 - "$T/run/centrala.sock" >"$T/media.log" 2>&1 <<'PY' || { cat "$T/media.log"; fail "media session"; }
import sys, time
from czclient import Session
sock = sys.argv[1]
a = Session(sock, {"agent": "1001", "pin": "1234"})
sup = Session(sock, {"user": "super", "pin": "4321"})
a.ok("ready")
call = a.event("offer", timeout=20)["call"]
a.ok("accept", call=call)
t0 = time.time()
def at(s):      # a timeline of 2 s phases whose audio is measured below
    time.sleep(max(0, t0 + s - time.time()))
at(2); sup.ok("monitor", call=call, mode="listen")
at(4); sup.ok("monitor", call=call, mode="whisper")
at(6); sup.ok("monitor", call=call, mode="barge")
at(8); sup.ok("monitor", call=call, mode="stop"); a.ok("record", call=call, action="pause")
at(10); a.ok("record", call=call, action="resume"); assert a.ok("hold", call=call)["held"] is True
at(12); assert a.ok("retrieve", call=call)["held"] is False
at(14); a.ok("hangup", call=call)
ep = [x["audio"] for x in sup.ok("status")["agents"] if x["agent"] == "1001"][0]
assert ep["status"] == "ok" and ep["played"] > 500, "headset in status: %r" % ep
print("ok - session done")
PY
wait_until 20 sql_is "select count(*) from cdr" 1 || fail "no CDR"
kill "$PSTN_PID" 2>/dev/null
wait_until 10 test -s "$T/heard/in-1.wav" || fail "pstn kept no audio"
[ "$(sql "select status from recordings")" = ok ] || fail "recording row: $(sql "select * from recordings")"
[ "$(sql "select hold_ms between 1500 and 2500 from cdr")" = 1 ] || fail "hold_ms $(sql "select hold_ms from cdr")"

# The phases, in seconds from the agent's answer.
ans=$(sql "select agent_answer_ms from cdr")
start=$(sql "select start_ms from cdr")
ev() { sql "select ts_ms from events where kind='$1' and coalesce(state,'')='$2' order by id limit 1"; }
rel() { echo "$1 $2" | awk '{ printf "%.2f", ($1 - $2) / 1000 }'; }
p_listen=$(rel "$(ev monitor listen)" "$ans")
p_whisper=$(rel "$(ev monitor whisper)" "$ans")
p_barge=$(rel "$(ev monitor barge)" "$ans")
p_stop=$(rel "$(ev monitor stop)" "$ans")
p_hold=$(rel "$(ev hold '')" "$ans")
p_retr=$(rel "$(ev retrieve '')" "$ans")
p_resume=$(rel "$(ev record resume)" "$ans")
p_end=$(rel "$(sql "select end_ms from cdr")" "$ans")

# measure FILE FREQ FROM TO [opts]: "TONE_DB TOTAL_DBFS" in the window
# FROM..TO (seconds after the answer, plus SHIFT: where the file's time 0
# lies), shrunk by 0.3 s each side against timing jitter.
measure() {
	_f=$1 _hz=$2
	_a=$(echo "$3 $SHIFT" | awk '{ print $1 + $2 + 0.3 }')
	_b=$(echo "$4 $SHIFT" | awk '{ print $1 + $2 - 0.3 }')
	shift 4
	$A tone "$_f" "$_hz" --from "$_a" --to "$_b" "$@"
}
has() { measure "$@" | awk '{ exit !($1 > -20) }'; }
lacks() { measure "$@" | awk '{ exit !($1 < -35) }'; }
total() { _f=$1; shift; measure "$_f" 1000 "$@" | cut -d' ' -f2; }

C="$T/heard/in-1.wav"; SHIFT=$(rel "$ans" "$start")	# the caller's file starts at SETUP
has "$C" 600 0 "$p_listen" || fail "caller did not hear the agent: $(measure "$C" 600 0 "$p_listen")"
lacks "$C" 1800 "$p_listen" "$p_barge" || fail "caller heard the supervisor before barge: $(measure "$C" 1800 "$p_listen" "$p_barge")"
has "$C" 1800 "$p_barge" "$p_stop" || fail "caller did not hear the barge: $(measure "$C" 1800 "$p_barge" "$p_stop")"
lacks "$C" 600 "$p_hold" "$p_retr" || fail "caller heard the agent on hold: $(measure "$C" 600 "$p_hold" "$p_retr")"
[ "$(total "$C" "$p_hold" "$p_retr" | awk '{ print ($1 > -50) }')" = 1 ] || fail "no music on hold: $(total "$C" "$p_hold" "$p_retr")"
has "$C" 600 "$p_retr" "$p_end" || fail "caller did not hear the agent after retrieve"
pass "caller: hears the agent, the supervisor only in barge, music (not the agent) on hold"

G="$T/agent1001-out.raw"; SHIFT=0		# the headset's file starts at the answer
has "$G" 1004 0 "$p_whisper" --raw || fail "agent did not hear the caller: $(measure "$G" 1004 0 "$p_whisper" --raw)"
lacks "$G" 1800 0 "$p_whisper" --raw || fail "agent heard a listener: $(measure "$G" 1800 0 "$p_whisper" --raw)"
has "$G" 1800 "$p_whisper" "$p_stop" --raw || fail "agent did not hear the whisper: $(measure "$G" 1800 "$p_whisper" "$p_stop" --raw)"
lacks "$G" 1004 "$p_hold" "$p_retr" --raw || fail "agent heard the caller on hold: $(measure "$G" 1004 "$p_hold" "$p_retr" --raw)"
pass "agent: hears the caller, the whisper and the barge, not the caller on hold"

U="$T/super-out.raw"; SHIFT=$(echo "$p_listen" | awk '{ print -$1 }')	# starts at listen
has "$U" 1004 "$p_listen" "$p_whisper" --raw || fail "listener did not hear the caller: $(measure "$U" 1004 "$p_listen" "$p_whisper" --raw)"
has "$U" 600 "$p_listen" "$p_whisper" --raw || fail "listener did not hear the agent: $(measure "$U" 600 "$p_listen" "$p_whisper" --raw)"
pass "listen-in hears both sides"

R="$T/recordings/$(sql "select path from recordings")"; SHIFT=0	# starts at the answer
has "$R" 1004 0 "$p_listen" --channel 0 || fail "recording: caller not on the left: $(measure "$R" 1004 0 "$p_listen" --channel 0)"
lacks "$R" 600 0 "$p_listen" --channel 0 || fail "recording: agent on the left"
has "$R" 600 0 "$p_listen" --channel 1 || fail "recording: agent not on the right"
[ "$($A format "$R")" = "alaw 2 8000" ] || fail "recording: not A-law stereo by default: $($A format "$R")"
# A-law's silence (code 0xD5) reads back as a constant +8: -72.2 dBFS.
[ "$(total "$R" "$p_stop" "$p_resume" --channel 0)" = "-72.2" ] && [ "$(total "$R" "$p_stop" "$p_resume" --channel 1)" = "-72.2" ] ||
	fail "recording: the paused part is not silence: $(total "$R" "$p_stop" "$p_resume")"
has "$R" 600 "$p_retr" "$p_end" --channel 1 || fail "recording: the agent missing after the pause and hold"
[ "$(sql "select paused_ms between 1500 and 2500 from recordings")" = 1 ] || fail "paused_ms"
pass "recording: A-law, caller left, agent right, silence while paused, on the call's timeline"

# A headset that is not there: reported, the call still works, then found.
[ "$(sql "select count(*) from events where kind='audio' and state='failed'")" = 0 ] || fail "spurious audio failure"
B="$B" PYTHONPATH="$S/tests/integ" python3 - "$T/run/centrala.sock" "$T" >"$T/missing.log" 2>&1 <<'PY' || { cat "$T/missing.log"; fail "missing headset"; }
import os, subprocess, sys
from czclient import Session
sock, t = sys.argv[1], sys.argv[2]
sup = Session(sock, {"user": "super", "pin": "4321"})
sup.ok("subscribe")
a = Session(sock, {"agent": "1002", "pin": "1234"})
ev = sup.event("audio_failed", timeout=5)
assert "headset1002" in ev["error"], ev
print("ok - missing headset reported:", ev["error"])
a.ok("ready")
telco = subprocess.Popen([os.environ["B"] + "/centrala-pstn", "--state-dir", t, "--calls", "1",
                          "--hold", "fixed:12", "--duration", "30"],
                         stdout=open(t + "/pstn2.out", "w"), stderr=subprocess.STDOUT)
try:                    # the telco is stopped on every way out
    call = a.event("offer", timeout=20)["call"]
    a.ok("accept", call=call)
    with open(t + "/.asoundrc", "a") as f:
        f.write('pcm.headset1002 { type file; slave.pcm "null"; file "%s/h1002.raw"; format "raw" }\n' % t)
    sup.event("audio_ok", timeout=10)
    print("ok - the headset was picked up during the call")
    a.event("call_ended", call=call, timeout=20)
    print("ok - the call went through and ended")
finally:
    telco.terminate()
    telco.wait()
PY
cat "$T/missing.log"
pass "missing headset: reported, call unharmed, picked up when it appears"
