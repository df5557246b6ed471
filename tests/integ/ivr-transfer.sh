#!/bin/sh
# ivr-transfer.sh: a voice menu sends callers to an outside number
# (transfer:NUMBER). The first caller's number answers: the two hear each
# other. The second caller's number is busy: they hear the busy tone of
# the span's country (425 Hz, 0.5 s on, 0.5 s off), then the core clears
# the call with cause 17.
. "$top_srcdir/tests/integ/lib.sh"
A="python3 $S/tests/integ/audio.py"

cat "$S/data/centrala.ini" - >"$T/c.ini" <<'INI'
[did 2100]
target = menu:front

[menu front]
prompt = welcome
timeout = 5
9 = transfer:700900
8 = transfer:5559999
on_fail = hangup
INI
start_core -c "$T/c.ini"
mkdir "$T/heard"
pstn --calls 2 --rate 0.5 --dnis 2100 --cli 60010000# --dtmf-call 1:9 --dtmf-call 2:8 \
	--dtmf-delay 1 --hold fixed:9 --answer 555:busy --answer-tone 1500 \
	--save-audio "$T/heard" || fail "pstn failed: $(cat "$T/pstn.out")"
wait_until 10 sql_is "select count(*) from cdr" 4 || fail "CDRs: $(sql 'select call_id, dnis, cause, reason from cdr')"
c1=$(sql "select call_id from cdr where cli='600100001'")
c2=$(sql "select call_id from cdr where cli='600100002'")
[ "$(sql "select dnis, answer_ms > 0 from cdr where parent='$c1'")" = "700900|1" ] ||
	fail "leg of call 1: $(sql "select * from cdr where parent='$c1'")"
[ "$(sql "select cause, reason from cdr where call_id='$c2'")" = "17|transfer failed" ] ||
	fail "call 2: $(sql "select cause, cleared_by, reason from cdr where call_id='$c2'")"
leg=$(sql "select answer_ms - (select start_ms from cdr where call_id='$c1') from cdr where parent='$c1'")
from=$(echo "$leg" | awk '{ print $1 / 1000 + 0.5 }')
$A tone "$T/heard/in-1.wav" 1500 --from "$from" --to 8 | awk '{ exit !($1 > -20) }' ||
	fail "caller 1 did not hear the outside party: $($A tone "$T/heard/in-1.wav" 1500 --from "$from" --to 8)"
$A tone "$T/heard/out-1.wav" 1004 --from 0.5 --to 5 | awk '{ exit !($1 > -20) }' ||
	fail "the outside party did not hear caller 1"
pass "transfer:NUMBER from a menu: caller and outside party hear each other"
# Busy: 425 Hz in 0.5 s bursts: present, and absent half the time.
spans=$($A spans "$T/heard/in-2.wav" 425 --min-db -10)
echo "$spans" | tr ' ' '\n' | awk -F- 'NF == 2 && $2 - $1 >= 0.3 && $2 - $1 <= 0.7 { n++ } END { exit !(n >= 3) }' ||
	fail "caller 2 heard no busy cadence: $spans"
pass "busy number: the caller hears the busy tone, then the call is cleared with cause 17"
