#!/bin/sh
# transfer.sh: one caller changes hands every way an agent can do it, with
# the telco keeping what each party heard (callers say 1004 Hz, parties
# the core calls say 1500 Hz): DTMF sent to the caller; a consultation
# with an outside number (the caller hears music, not the consultation),
# turned into a three-way conference (then all hear each other), then
# cancelled; a blind transfer to a queue (another agent takes it), from
# there to a named agent, and from that agent to an outside number. Then
# an agent's own calls: one answered, one busy. Events, CDRs and the
# statistics follow each hand-over; the recording started by the first
# agent runs on through the hand-overs, one file.
. "$top_srcdir/tests/integ/lib.sh"
A="python3 $S/tests/integ/audio.py"

sed -e '/^\[queue sales\]$/a record = 100' -e '/^\[queue support\]$/a record = 100' \
    "$S/data/centrala.ini" >"$T/c.ini"
start_core -c "$T/c.ini"
mkdir "$T/heard"
pstn_bg --calls 1 --cli 600100001 --dnis 2000 --hold never --answer-tone 1500 \
	--answer 555:busy --save-audio "$T/heard" --duration 60
PYTHONPATH="$S/tests/integ" python3 - "$T/run/centrala.sock" >"$T/x.log" 2>&1 <<'PY' || { cat "$T/x.log"; fail "transfer session"; }
import sys
from czclient import Session, window
sock = sys.argv[1]
a = Session(sock, {"agent": "1001", "pin": "1234"})
b = Session(sock, {"agent": "1017", "pin": "1234", "queues": "support"})
a.ok("ready")
call = a.event("offer", timeout=20)["call"]
a.ok("accept", call=call)
a.event("call_connected", call=call)
a.ok("dtmf", call=call, digits="1")
r = a.req("dtmf", call=call, digits="12x")
assert not r["ok"] and r["error"] == "bad-args", r
window(1)           # the digit sounds a second before the hold (checked below)
a.ok("consult", call=call, to="number:700300")
r = a.req("conference", call=call)          # not answered yet
assert not r["ok"] and r["error"] == "bad-state", r
cc = a.event("consult_connected", timeout=10, call=call)
assert cc["consult"], cc
window(2)           # a private consultation: the caller must not hear it
a.ok("conference", call=call)
window(2)           # the conference: all hear each other
a.ok("consult-cancel", call=call)
print("ok - dtmf, consult, conference, cancel")

r = a.req("transfer", call=call, to="queue:nosuch")
assert not r["ok"] and r["error"] == "not-found", r
a.ok("transfer", call=call, to="queue:support")
end = a.event("call_ended", call=call)
assert end["cleared_by"] == "transfer", end
b.ok("ready")
off = b.event("offer", timeout=10, call=call)
assert off["queue"] == "support", off
b.ok("accept", call=call)
b.event("call_connected", call=call)
a.event("agent_state", timeout=5, state="ready")
b.ok("transfer", call=call, to="agent:1001")
off = a.event("offer", timeout=10, call=call)
a.ok("accept", call=call)
a.event("call_connected", call=call)
a.ok("transfer", call=call, to="number:700600")
a.event("call_ended", call=call)
window(3)           # the caller talks with the outside number (audio checked)
print("ok - blind to a queue, to an agent, to a number")

b.event("agent_state", timeout=5, state="ready")
out = b.ok("dial", number="700700")["call"]
p = b.event("call_progress", timeout=5, call=out)
assert p["progress"] == "dialing", p
con = b.event("call_connected", timeout=10, call=out)
assert con["direction"] == "out" and con["cli"] == "700700", con
window(1)           # talk time (talk_ms > 500 below)
b.ok("hangup", call=out)
b.event("call_ended", call=out)
b.event("agent_state", timeout=5, state="ready")
busy = b.ok("dial", number="5550001")["call"]
end = b.event("call_ended", timeout=10, call=busy)
assert end["cause"] == 17, end
print("ok - the agent's own calls: answered, busy")
PY
kill "$PSTN_PID"; wait "$PSTN_PID" 2>/dev/null
# The caller's CDR is written when the core sees the line go: wait for it.
wait_until 20 sql_is "select count(*) from cdr where direction='in'" 1 ||
	fail "no CDR for the caller: $(sql "select call_id, direction from cdr")"
c=$(sql "select call_id from cdr where direction='in'")
[ "$(sql "select group_concat(json_extract(detail, '\$.to'), ' ') from events where kind='transfer' and call_id='$c'")" = "queue:support agent:1001 number:700600" ] &&
[ "$(sql "select agent from events where kind='transfer' and call_id='$c' order by id limit 1")" = 1001 ] ||
	fail "transfer events: $(sql "select agent, detail from events where kind='transfer'")"
[ "$(sql "select group_concat(json_extract(detail, '\$.mode'), ' ') from events where kind='consult' and call_id='$c'")" = "start conference cancel" ] ||
	fail "consult events: $(sql "select detail from events where kind='consult'")"
[ "$(sql "select count(*) from cdr where parent='$c' and direction='out'")" = 2 ] ||
	fail "outside parties' CDRs: $(sql "select call_id, dnis, parent from cdr")"
[ "$(sql "select route, agent, cause from cdr where dnis='5550001'")" = "dial|1017|17" ] &&
[ "$(sql "select route, agent, talk_ms > 500 from cdr where dnis='700700'")" = "dial|1017|1" ] ||
	fail "dialled CDRs: $(sql "select dnis, route, agent, cause, talk_ms from cdr where route='dial'")"
[ "$(sql "select count(*), sum(status = 'ok') from recordings where call_id='$c'")" = "1|1" ] &&
[ "$(sql "select count(*) from events where kind='record' and state='failed'")" = 0 ] ||
	fail "one recording across the hand-overs: $(sql "select call_id, status, error from recordings")"
pass "events and CDRs follow every hand-over; the agent's own calls are recorded"

"$B/centrala-report" --state-dir "$T" --csv --interval day >"$T/report.csv" || fail "report"
python3 - "$T/report.csv" <<'PY' || fail "report after transfers: $(cat "$T/report.csv")"
import csv, sys
rows = {r["queue"]: r for r in csv.DictReader(open(sys.argv[1]))}
assert (rows["sales"]["offered"], rows["sales"]["answered"]) == ("2", "2"), rows
assert (rows["support"]["offered"], rows["support"]["answered"]) == ("1", "1"), rows
PY
pass "statistics: each queue the call entered counts it offered and answered"

ev() { sql "select ts_ms from events where call_id='$c' and kind='$1' and coalesce(json_extract(detail, '\$.mode'), '')='$2' order by id limit 1"; }
rel() { echo "$1 $2 $3" | awk '{ printf "%.2f", ($1 - $2) / 1000 + $3 }'; }
s_in=$(sql "select start_ms from cdr where call_id='$c'")
s_party=$(sql "select start_ms from cdr where dnis='700300'")
t_dtmf=$(sql "select ts_ms from events where call_id='$c' and kind='hold' order by id limit 1")
t_conf=$(ev consult conference); t_cancel=$(ev consult cancel)
t_num=$(sql "select ts_ms from events where call_id='$c' and kind='transfer' and detail like '%number%'")
t_end=$(sql "select end_ms from cdr where call_id='$c'")
cc=$(sql "select answer_ms from cdr where dnis='700300'")
C="$T/heard/in-1.wav" P="$T/heard/out-1.wav"
chk() {		# chk FILE HZ FROM TO has|lacks
	_r=$($A tone "$1" "$2" --from "$3" --to "$4")
	echo "$_r" | awk -v w="$5" '{ exit !(w == "has" ? $1 > -20 : $1 < -35) }' ||
		fail "$1 $2 Hz $3-$4 s: want $5, got $_r"
}
dt=$(rel "$t_dtmf" "$s_in" 0)		# the digit went a second before the hold
for hz in 697 1209; do
	$A spans "$C" $hz --min-db -10 | tr ' ' '\n' | awk -F- -v t="$dt" '
	    $1 != "" && $1 > t - 1.6 && $1 < t - 0.4 { ok = 1 } END { exit !ok }' ||
		fail "the caller heard no DTMF 1 ($hz Hz) before $dt s: $($A spans "$C" $hz --min-db -10)"
done
chk "$C" 1500 "$(rel "$cc" "$s_in" 0.3)" "$(rel "$t_conf" "$s_in" -0.3)" lacks
chk "$C" 1500 "$(rel "$t_conf" "$s_in" 0.3)" "$(rel "$t_cancel" "$s_in" -0.3)" has
chk "$P" 1004 "$(rel "$cc" "$s_party" 0.3)" "$(rel "$t_conf" "$s_party" -0.3)" lacks
chk "$P" 1004 "$(rel "$t_conf" "$s_party" 0.3)" "$(rel "$t_cancel" "$s_party" -0.3)" has
chk "$C" 1500 "$(rel "$t_num" "$s_in" 1.5)" "$(rel "$t_end" "$s_in" -0.3)" has
pass "audio: DTMF to the caller; consultation private; conference all-hear; the outside number hears the caller"
