#!/bin/sh
# exits.sh: queue exits that need audio. A closed queue sends callers to
# voicemail: prompt, beep, the caller's voice into a WAV indexed in the
# voicemail table (kept when the caller hangs up, the usual way to end).
# A queue past max_wait plays a message and clears. Waiting callers hear
# their position and estimated wait every `announce` seconds.
. "$top_srcdir/tests/integ/lib.sh"

today=$(date -u +%F)
sed -e "/^\[queue billing\]\$/a holidays = $today\nclosed_exit = voicemail:billing" \
    -e "/^\[queue support\]\$/a max_wait = 11\nmax_wait_exit = message:all-busy\nannounce = 4\nwaiting_sound = moh" \
    "$S/data/centrala.ini" >"$T/c.ini"
start_core -c "$T/c.ini"

pstn_until_done 30 --calls 1 --dnis 2002 --hold fixed:12 || fail "pstn (voicemail) failed"
wait_until 10 sql_is "select count(*) from voicemail" 1 || fail "no voicemail row: $(sql "select reason from cdr")"
[ "$(sql "select box || ' ' || cli || ' ' || status from voicemail")" = "billing 600100001 new" ] ||
	fail "voicemail row: $(sql "select * from voicemail")"
vm="$T/voicemail/$(sql "select path from voicemail")"
[ -s "$vm" ] || fail "no file $vm"
len=$(python3 -c "import wave,sys; w=wave.open(sys.argv[1]); print(w.getnframes() / w.getframerate())" "$vm")
dur=$(sql "select duration_ms from voicemail")
echo "$len $dur" | awk '{ exit !($1 > 3 && $1 < 12 && ($1 * 1000 - $2) < 500 && ($2 - $1 * 1000) < 500) }' ||
	fail "message length: file $len s, row $dur ms"
python3 "$S/tests/integ/audio.py" tone "$vm" 1004 --from 0.5 --to "$(echo "$len" | awk '{ print $1 - 0.5 }')" |
	awk '{ exit !($1 > -3) }' || fail "the caller's voice is not in the message"
pass "closed queue: the caller left a ${len}s message in voicemail box billing, file and row agree"

pstn_until_done 40 --calls 2 --rate 0 --dnis 2001 --hold never || fail "pstn (max wait) failed"
wait_until 10 sql_is "select count(*) from cdr where dnis='2001'" 2 || fail "no CDRs for support"
[ "$(sql "select group_concat(distinct reason) from cdr where dnis='2001'")" = "message played" ] ||
	fail "max wait: $(sql "select reason from cdr where dnis='2001'")"
[ "$(sql "select count(*) from events where kind='queue_exit' and queue='support' and detail like '%max_wait%'")" = 2 ] ||
	fail "queue_exit events"
pass "max wait: the message played, then the calls were cleared"
[ "$(sql "select count(*) >= 2 from events where kind='announce' and detail like '{\"position\":1,%'")" = 1 ] &&
[ "$(sql "select count(*) >= 2 from events where kind='announce' and detail like '{\"position\":2,%'")" = 1 ] ||
	fail "announcements: $(sql "select call_id, detail from events where kind='announce'")"
pass "waiting callers were told their place in line, 1 and 2, every 4 s"

# Recording into a folder that cannot be made (a file is in the way, as a
# full or read-only disk would refuse): the call goes on, the failure is
# logged, stored and pushed to supervisors.
sed -i '/^\[queue sales\]$/a record = 100' "$T/c.ini"
ctl reload >/dev/null || fail "reload"
: >"$T/recordings/$(date +%F)"
start_bots 1001
wait_until 20 agents_in ready 1 || fail "agent not ready"
PYTHONPATH="$S/tests/integ" python3 - "$T/run/centrala.sock" "$T/sup.listening" >"$T/recfail.log" 2>&1 <<'PY' &
import sys
from czclient import Session, ready_to
sup = Session(sys.argv[1], {"user": "super", "pin": "4321"})
sup.ok("subscribe")
ready_to(sys.argv[2])
ev = sup.event("recording", timeout=30, state="failed")
print("told:", ev["error"])
PY
SUP_PID=$!
PIDS="$PIDS $SUP_PID"
# The supervisor listens before the call that fails to record is placed.
wait_file 20 "$T/sup.listening" || fail "supervisor did not subscribe: $(cat "$T/recfail.log")"
pstn_until_done 30 --calls 1 --dnis 2000 --hold fixed:3 || fail "pstn (recording) failed"
wait "$SUP_PID" || fail "supervisor not told: $(cat "$T/recfail.log")"
[ "$(sql "select agent || ' ' || cause from cdr where dnis='2000'")" = "1001 16" ] || fail "call: $(sql "select * from cdr where dnis='2000'")"
[ "$(sql "select count(*) from events where kind='record' and state='failed' and detail like '%Not a directory%'")" = 1 ] ||
	fail "record event: $(sql "select state, detail from events where kind='record'")"
grep -q "not recorded: .*Not a directory" "$T/log/core.log" || fail "not logged"
pass "recording impossible: the call went on, logged, stored, supervisors told ($(cat "$T/recfail.log"))"
