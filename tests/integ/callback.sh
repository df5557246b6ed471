#!/bin/sh
# callback.sh: virtual hold. A waiting caller presses star, confirms the
# number they call from and hangs up; the callback keeps their place in
# line (offered after the caller who was ahead, before the one behind),
# the agent accepts, the core dials out on the span and the caller
# answers. A second caller keys in another number; the request survives a
# kill -9 of the core; the number is busy, is tried again after
# callback_retry, and fails after callback_attempts. A third caller
# reaches max wait in a queue whose exit is a callback: they keep their
# place while asked and leave as a callback, not timed out. The CDRs, the
# callbacks table, the events and `centrala report` all agree.
. "$top_srcdir/tests/integ/lib.sh"

sed -e '/^\[queue sales\]$/a callback = yes\ncallback_retry = 5\ncallback_attempts = 2\ncallback_ring = 8\nwrapup = 0' \
    -e '/^\[queue support\]$/a max_wait = 3\nmax_wait_exit = callback:support' \
    "$S/data/centrala.ini" >"$T/c.ini"
start_core -c "$T/c.ini"

# Three callers, a second apart; the second asks for a callback.
pstn_bg --calls 3 --rate 1 --cli 60010000# --dnis 2000 --hold never \
	--dtmf-call "2:*,,1" --dtmf-delay 2 --duration 120
PYTHONPATH="$S/tests/integ" python3 - "$T/run/centrala.sock" "$T/centrala.db" >"$T/a.log" 2>&1 <<'PY' || { cat "$T/a.log"; fail "virtual hold session"; }
import sys, sqlite3
from czclient import Session, until, window
sock, dbp = sys.argv[1], sys.argv[2]
def sql(q):
    c = sqlite3.connect(dbp); r = c.execute(q).fetchall(); c.close(); return r
a = Session(sock, {"agent": "1001", "pin": "1234"})
sup = Session(sock, {"user": "super", "pin": "4321"})
# The request is stored and the caller's call ends as "callback requested".
until(lambda: sql("select count(*) from callbacks where state='waiting' and number='600100002'")[0][0] == 1, 30, "the callback stored")
until(lambda: sql("select count(*) from cdr where cli='600100002' and reason='callback requested'")[0][0] == 1, 30, "the caller's CDR")
# The third caller is queued behind the callback.
def three_in_line():
    cs = [c for c in sup.ok("status")["calls"] if c["queue"] == "sales"]
    return cs if len(cs) == 3 else None
calls = until(three_in_line, 30, "three callers in line")
cb = [c for c in calls if c.get("callback")]
assert len(cb) == 1 and cb[0]["position"] == 2 and cb[0]["span"] == "", calls
print("ok - the callback waits at position 2 with no channel")
order = []
a.ok("ready")
for i in range(3):
    off = a.event("offer", timeout=20)
    order.append(off.get("callback", {}).get("number") if off.get("callback") else off["cli"])
    a.ok("accept", call=off["call"])
    if off.get("callback"):
        assert off["callback"]["attempt"] == 1, off
        p = a.event("call_progress", timeout=5, call=off["call"])
        assert p["progress"] == "dialing" and p["number"] == "600100002", p
        con = a.event("call_connected", timeout=15, call=off["call"])
        assert con.get("callback") is True and con["cli"] == "600100002", con
    else:
        a.event("call_connected", timeout=5, call=off["call"])
    window(1)           # talk time (talk_ms > 500 below)
    a.ok("hangup", call=off["call"])
    a.event("call_ended", timeout=5, call=off["call"])
    a.event("agent_state", timeout=5, state="ready")
assert order == ["600100001", "600100002", "600100003"], order
print("ok - offered in place order:", order)
PY
row=$(sql "select state, attempts, agent from callbacks where number='600100002'")
[ "$row" = "done|1|1001" ] || fail "callbacks row: $row"
parent=$(sql "select call_id from cdr where cli='600100002' and direction='in'")
out=$(sql "select dnis, cli, parent, talk_ms > 500, agent, span from cdr where direction='out'")
[ "$out" = "600100002|2000|$parent|1|1001|e1a" ] || fail "callback CDR: $out (parent $parent)"
[ "$(sql "select count(*) from events where kind='queue_exit' and state='callback' and call_id='$parent'")" = 1 ] ||
	fail "no queue_exit callback event"
pass "virtual hold: place kept, dialled out with the agent on the line, CDRs linked"

# The report: one caller left the line for a callback, which connected.
"$B/centrala-report" --state-dir "$T" --csv --interval day >"$T/report.csv" 2>>"$T/report.log" ||
	fail "report failed: $(cat "$T/report.log")"
python3 - "$T/report.csv" <<'PY' || fail "report figures: $(cat "$T/report.csv")"
import csv, sys
rows = [r for r in csv.DictReader(open(sys.argv[1])) if r["queue"] == "sales"]
assert len(rows) == 1, rows
r = rows[0]
assert (r["offered"], r["answered"], r["to_callback"], r["cb_requested"],
        r["cb_connected"], r["cb_failed"]) == ("3", "2", "1", "1", "1", "0"), r
assert r["abandoned"] == "0" and r["sl_pct"] == "100.0", r
PY
pass "report: offered 3 = answered 2 + 1 left for a callback; the callback connected"
kill "$PSTN_PID"; wait "$PSTN_PID" 2>/dev/null

# Another number keyed in; the core is killed before anyone calls back.
pstn_bg --calls 1 --cli 600100009 --dnis 2000 --hold never \
	--dtmf-call "1:*,,2,,5551234#,,1" --dtmf-delay 2 --duration 40
wait_until 40 sql_is "select count(*) from callbacks where number='5551234' and state='waiting'" 1 ||
	fail "keyed-in number not stored: $(sql 'select * from callbacks')"
kill -9 "$CORE_PID"; kill "$PSTN_PID" 2>/dev/null; wait "$CORE_PID" "$PSTN_PID" 2>/dev/null
start_core -c "$T/c.ini"
wait_until 10 field_is "[c['callback']['number'] for c in d['calls'] if c.get('callback')]" "['5551234']" ||
	fail "the callback did not come back after a restart: $(ctl status --json)"
pass "a stored callback waits again after kill -9 of the core"

# The number is busy: tried again after callback_retry, then given up.
pstn_bg --calls 0 --answer 555:busy --duration 60
wait_until 20 span_up || fail "span not up again"
PYTHONPATH="$S/tests/integ" python3 - "$T/run/centrala.sock" >"$T/b.log" 2>&1 <<'PY' || { cat "$T/b.log"; fail "busy session"; }
import sys, time
from czclient import Session
a = Session(sys.argv[1], {"agent": "1001", "pin": "1234"})
a.ok("ready")
t = []
for attempt in (1, 2):
    off = a.event("offer", timeout=20)
    assert off["callback"]["number"] == "5551234" and off["callback"]["attempt"] == attempt, off
    t.append(time.time())
    a.ok("accept", call=off["call"])
    end = a.event("call_ended", timeout=15, call=off["call"])
    assert end["cause"] == 17, end
    a.event("agent_state", timeout=5, state="ready")
assert t[1] - t[0] >= 4.5, t
try:
    a.event("offer", timeout=8)
    raise AssertionError("offered a third time")
except TimeoutError:
    pass
print("ok - busy twice, retried after", round(t[1] - t[0], 1), "s, then given up")
PY
row=$(sql "select state, attempts, last_cause from callbacks where number='5551234'")
[ "$row" = "failed|2|17" ] || fail "failed callback row: $row"
[ "$(sql "select count(*) from cdr where direction='out' and dnis='5551234' and cause=17 and answer_ms=0")" = 2 ] ||
	fail "attempt CDRs: $(sql "select * from cdr where direction='out'")"
[ "$(sql "select count(*) from events where kind='callback' and state='failed'")" = 1 ] || fail "no failed event"
pass "busy callback retried after callback_retry and given up after callback_attempts"

# max_wait_exit = callback:support: offered at max wait, accepted with 1.
kill "$PSTN_PID" 2>/dev/null; wait "$PSTN_PID" 2>/dev/null
pstn_bg --calls 1 --cli 600100077 --dnis 2001 --hold never --dtmf 1 --dtmf-delay 6 --duration 30
wait_until 30 sql_is "select count(*) from callbacks where number='600100077' and queue='support'" 1 ||
	fail "no callback from the max-wait exit: $(sql 'select * from callbacks')"
wait_until 20 sql_is "select reason from cdr where cli='600100077'" "callback requested" ||
	fail "caller's CDR: $(sql "select * from cdr where cli='600100077'")"
c=$(sql "select call_id from cdr where cli='600100077'")
[ "$(sql "select state from events where kind='queue_exit' and call_id='$c'")" = callback ] ||
	fail "max-wait callback exit recorded as: $(sql "select state from events where kind='queue_exit' and call_id='$c'")"
[ "$(sql "select place_ms = (select queue_enter_ms from cdr where call_id='$c') from callbacks where number='600100077'")" = 1 ] ||
	fail "the callback did not keep the caller's place"
pass "max-wait exit to a callback: the caller keeps their place and is not counted as timed out"
