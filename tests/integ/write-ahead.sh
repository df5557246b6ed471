#!/bin/sh
# write-ahead.sh: nothing a loop pass tells the outside world leaves the
# core before that pass's rows are committed (core/db.c, core/core.c).
# Every commit is made 400 ms slow (CENTRALA_COMMIT_DELAY_MS, a slow
# disk), so anything let out early would be seen before its rows: an
# agent's login reply must find its session stored; a subscriber checks,
# the moment it reads each call_state, that the database already holds
# what it says; the simulator gets each CONNECT no sooner than the commit
# of the rows its SETUP made.
. "$top_srcdir/tests/integ/lib.sh"

DELAY_MS=400
export CENTRALA_COMMIT_DELAY_MS=$DELAY_MS
start_core
unset CENTRALA_COMMIT_DELAY_MS
grep -q "every commit delayed by $DELAY_MS ms" "$T/log/core.log" || fail "delay not in force"

PYTHONPATH="$S/tests/integ" python3 - "$T/run/centrala.sock" "$T" "$T/sup.listening" >"$T/wa.log" 2>&1 <<'PY' &
import sqlite3, sys, time
from czclient import Session, ready_to
sock, T, listening = sys.argv[1:4]
db = sqlite3.connect(f"file:{T}/centrala.db?mode=ro", uri=True)
def q(sql, *a):
    return db.execute(sql, a).fetchone()[0]
bad = []
sup = Session(sock, {"user": "super", "pin": "4321"})
sup.ok("subscribe")
agent = Session(sock, {"agent": "1001", "pin": "1234"})
if q("select count(*) from sessions where agent = '1001' and logout_ms = 0") != 1 or \
   q("select count(*) from events where kind = 'agent_login' and agent = '1001'") != 1:
    bad.append("login replied before its session was stored")
ready_to(listening)
seen, ended, end = 0, set(), time.time() + 60
while len(ended) < 3 and time.time() < end:
    sup._read(0.2)
    while sup.events:
        m = sup.events.pop(0)
        if m.get("event") != "call_state":
            continue
        c, st = m["call"], m["state"]
        seen += 1
        if q("select count(*) from calls_open where call_id = ?", c) + \
           q("select count(*) from cdr where call_id = ?", c) == 0:
            bad.append(f"{c} {st}: no row for the call")
        if st == "queued" and q("select count(*) from events where call_id = ? "
                                "and kind = 'queue_enter'", c) == 0:
            bad.append(f"{c} queued: no queue_enter row")
        if st == "clearing":
            ended.add(c)
            if q("select count(*) from cdr where call_id = ?", c) != 1 or \
               q("select count(*) from events where call_id = ? and kind = 'call_end'", c) != 1:
                bad.append(f"{c} clearing: no CDR or call_end row")
print(f"{seen} call_state events read, {len(ended)} calls ended; bad: {bad}")
sys.exit(1 if bad or len(ended) != 3 else 0)
PY
WA_PID=$!
PIDS="$PIDS $WA_PID"
wait_file 30 "$T/sup.listening" || fail "clients not logged in: $(cat "$T/wa.log")"
pstn_until_done 60 --calls 3 --rate 10 --dnis 2000 --hold fixed:1 --log "$T/calls.log" ||
	fail "pstn failed"
wait "$WA_PID" || fail "a subscriber was told before the rows: $(cat "$T/wa.log")"
pass "the login reply and every call_state read found their rows stored ($(cat "$T/wa.log"))"
python3 - "$T/calls.log" "$DELAY_MS" <<'PY' || fail "a CONNECT left before its commit (see above)"
import sys
calls = [dict(f.split('=', 1) for f in l.split()[1:]) for l in open(sys.argv[1]) if l.startswith('call ')]
ms = [int(c['connect_ms']) for c in calls]
print(f"SETUP to CONNECT: {ms} ms, commit delay {sys.argv[2]} ms")
sys.exit(0 if len(ms) == 3 and min(ms) >= int(sys.argv[2]) else 1)
PY
pass "each CONNECT reached the network after the commit of its SETUP's rows"
