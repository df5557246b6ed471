#!/bin/sh
# bench-campaign-dial.sh: time from an agent going free to the next call
# placed, in a real core with the telco simulator: a progressive campaign
# with a 100,000-record list, every number busy on the simulator's side.
# One agent: each busy call ends, the agent is free again (no wrap-up)
# and the next record is dialed; the time from its call_ended event to
# the next call_progress event, as the agent's client sees them, over 50
# calls: median and 90th percentile. Prints figures; asserts none.
. "$top_srcdir/tests/integ/lib.sh"
N=${BENCH_CAMPAIGN_DIAL_RECORDS:-100000}

cat "$S/data/centrala.ini" - >"$T/c.ini" <<'EOF2'

[campaign bench]
client = acme
agents = 1001
country = 44
caller_id = 020 7946 0000
mode = progressive
hours = ""
dispositions = done
state = paused
EOF2
start_core -c "$T/c.ini"
pstn_bg --calls 0 --answer 0:busy --duration 600
wait_until 20 span_up || fail "span not up"
awk -v n="$N" 'BEGIN { print "phone,name"; for (i = 0; i < n; i++)
	printf "020 8%03d %04d,Customer %d\n", i / 10000, i % 10000, i }' >"$T/l.csv"
t0=$(date +%s%N)
ctl --timeout 120 import-list bench big "$T/l.csv" >/dev/null || fail "import"
echo "import over the socket: $N records in $(( ($(date +%s%N) - t0) / 1000000 )) ms"
ctl campaign bench resume >/dev/null || fail "resume"
PYTHONPATH="$S/tests/integ" python3 - "$T/run/centrala.sock" <<'PY' || fail "agent session"
import sys, time
from czclient import Session
a = Session(sys.argv[1], {"agent": "1001", "pin": "1234"})
a.ok("ready")
gaps = []
p = a.event("call_progress", timeout=20)
for i in range(50):
    a.event("call_ended", timeout=30, call=p["call"])
    t = time.monotonic()
    p = a.event("call_progress", timeout=30)
    gaps.append((time.monotonic() - t) * 1000)
gaps.sort()
print("agent free -> next call placed: median %.1f ms, p90 %.1f ms (%d calls, "
      "as the agent's client sees the events)" % (gaps[len(gaps) // 2],
      gaps[int(len(gaps) * 0.9)], len(gaps)))
PY
# The same inside the core, from its log (ms timestamps): the agent's
# state back to ready, then the dial of the next record.
python3 - "$T/log/core.log" <<'PY'
import sys
from datetime import datetime
def ts(line):
    return datetime.strptime(line[:23], "%Y-%m-%d %H:%M:%S.%f").timestamp() * 1000
free, gaps = None, []
for line in open(sys.argv[1]):
    if "agent 1001: on_call -> ready" in line:
        free = ts(line)
    elif "agent 1001 dials record" in line and free is not None:
        gaps.append(ts(line) - free)
        free = None
gaps.sort()
print("in the core (log, 1 ms resolution): median %.0f ms, max %.0f ms (%d calls)"
      % (gaps[len(gaps) // 2], gaps[-1], len(gaps)))
PY
