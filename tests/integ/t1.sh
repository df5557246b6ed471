#!/bin/sh
# t1.sh: a T1 span (type = t1: 23 B-channels, D on timeslot 24, mu-law,
# NI2) beside an E1 span in one core, the simulator the network side of
# both. 23 calls fill the T1 and 30 the E1 at once; with both full, an
# agent's 24th call out on them is refused (no channel); every call held
# its own channel (1-23 on the T1). Then voice both ways on the T1: the
# recording (A-law: the core recoded the mu-law) holds the caller's
# 1004 Hz tone at its level, and the caller heard the queue's 425 Hz
# ringback (the core encoded it). A reload setting record_encoding =
# pcm16 makes the next recording 16-bit PCM. A reload that changes the
# T1's switch type says it needs a restart and leaves the span as it was.
. "$top_srcdir/tests/integ/lib.sh"

A="python3 $S/tests/integ/audio.py"
sed -e 's/^\[span e1a\]$/[span t1a]\ntype = t1\ncaller_id = 2125550100\n\n[span e1a]/' \
    -e '/^\[queue sales\]$/a record = 100' "$S/data/centrala.ini" >"$T/c.ini"
start_core -c "$T/c.ini"
[ "$(status_field "[(s['name'], s['channels']) for s in d['spans']]")" = "[('t1a', 23), ('e1a', 30)]" ] ||
	fail "channels: $(status_field "d['spans']")"

"$B/centrala-pstn" --t1 2>"$T/bad.err" && fail "--t1 with no --span accepted"
grep -q -- '--t1 must follow the --span' "$T/bad.err" || fail "--t1 message: $(cat "$T/bad.err")"

pstn_bg --span t1a --t1 --span e1a --calls 53 --rate 0 --concurrent 53 --hold never
spans_full() {
	field_is "[(s['name'], s['l2'], s['in_use']) for s in d['spans']]" \
		"[('t1a', 'up', 23), ('e1a', 'up', 30)]"
}
wait_until 60 spans_full || fail "spans not full: $(status_field "d['spans']")"
pass "23 calls on the T1 and 30 on the E1 at once"
[ "$(status_field "[s['blocks_bad'] for s in d['spans']]")" = "[0, 0]" ] ||
	fail "blocks refused: $(status_field "d['spans']")"

PYTHONPATH="$S/tests/integ" python3 - "$T/run/centrala.sock" >"$T/dial.log" 2>&1 <<'PY' || { cat "$T/dial.log"; fail "dial on full spans"; }
import sys
from czclient import Session
a = Session(sys.argv[1], {"agent": "1001", "pin": "1234"})
r = a.req("dial", number="2125550199")
assert not r.get("ok") and "no free channel" in str(r), r
print("ok - refused: %s" % r)
PY
pass "the 24th call out is refused: no free channel"

kill "$PSTN_PID"; wait "$PSTN_PID"
wait_until 30 sql_is "select count(*) from cdr where span is not null" 53 ||
	fail "CDRs: $(sql 'select span, count(*) from cdr group by span')"
got=$(sql "select span, count(*), count(distinct channel), min(channel), max(channel) from cdr where span is not null group by span order by span" | tr '\n' ' ')
[ "$got" = "e1a|30|30|1|31 t1a|23|23|1|23 " ] || fail "per span (span|calls|channels|min|max): $got"
[ "$(sql "select count(*) from cdr where span='e1a' and channel=16")" = 0 ] || fail "E1 call on timeslot 16"
pass "every call on its own channel: T1 1-23, E1 1-31 but 16"

# Voice on the T1: one caller, answered after 3 s of ringback, recorded.
start_bots 1001 --accept-delay 3000 --talk 4
wait_until 20 agents_in ready 1 || fail "agent not ready"
mkdir "$T/heard"
pstn_until_done 60 --span t1a --t1 --calls 1 --hold never --save-audio "$T/heard" ||
	fail "pstn: $(cat "$T/pstn.out")"
wait_until 20 sql_is "select count(*) from cdr where span='t1a' and agent='1001'" 1 ||
	fail "no answered T1 call: $(sql 'select * from cdr order by start_ms desc limit 1')"
wait_until 20 sql_is "select status from recordings" ok || fail "recording: $(sql 'select * from recordings')"
R="$T/recordings/$(sql "select path from recordings")"
[ "$($A format "$R")" = "alaw 2 8000" ] || fail "recording: not A-law stereo: $($A format "$R")"
lvl=$($A tone "$R" 1004 --from 0.5 --to 3.5 --channel 0)
echo "$lvl" | awk '{ exit !($1 > -3 && $2 > -40 && $2 < -26) }' ||
	fail "recorded caller (1004 Hz dB, dBFS): $lvl"
pass "the caller's tone came through the mu-law T1 into the A-law recording whole: $lvl"
# The first ring (eu: 425 Hz, 1 s on) came before the agent's answer.
ring=$(sql "select agent_answer_ms - start_ms >= 1000 from cdr where span='t1a' and agent='1001'")
[ "$ring" = 1 ] || fail "answered within the first ring"
heard=$($A tone "$T/heard/in-1.wav" 425 --from 0.1 --to 0.9)
echo "$heard" | awk '{ exit !($1 > -3 && $2 > -40) }' ||
	fail "caller's ringback (425 Hz dB, dBFS) in 0.1-0.9 s: $heard"
pass "the caller heard the ringback over the T1: $heard"

# record_encoding is put in force by a reload: the next recording is PCM.
sed -i '/^\[core\]$/a record_encoding = pcm16' "$T/c.ini"
ctl reload >"$T/out" 2>&1 || fail "reload: $(cat "$T/out")"
grep -q '^applied: .*\[core\] record_encoding' "$T/out" || fail "record_encoding not applied: $(cat "$T/out")"
wait_until 20 agents_in ready 1 || fail "agent not ready again"
pstn_until_done 60 --span t1a --t1 --calls 1 --hold never || fail "pstn: $(cat "$T/pstn.out")"
wait_until 20 sql_is "select count(*) from recordings where status = 'ok'" 2 ||
	fail "second recording: $(sql 'select * from recordings')"
R2="$T/recordings/$(sql "select path from recordings order by rowid desc limit 1")"
[ "$($A format "$R2")" = "pcm16 2 8000" ] || fail "after reload: $($A format "$R2")"
lvl=$($A tone "$R2" 1004 --from 0.5 --to 3.5 --channel 0)
echo "$lvl" | awk '{ exit !($1 > -3 && $2 > -40 && $2 < -26) }' || fail "recorded caller, pcm16: $lvl"
pass "record_encoding = pcm16 on reload: the next recording is 16-bit PCM, the tone whole: $lvl"

sed -i '/^\[span t1a\]$/a switchtype = dms100' "$T/c.ini"
ctl reload >"$T/out" 2>&1 || fail "reload: $(cat "$T/out")"
wait_until 10 grep -q 'reload: span t1a: switchtype changed, needs a restart' "$T/log/core.log" ||
	fail "no restart notice: $(grep reload "$T/log/core.log")"
[ "$(status_field "[(s['name'], s['channels']) for s in d['spans']]")" = "[('t1a', 23), ('e1a', 30)]" ] ||
	fail "spans after reload: $(status_field "d['spans']")"
pass "a changed switch type on reload asks for a restart"
