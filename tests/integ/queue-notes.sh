#!/bin/sh
# queue-notes.sh: a burst of callers reaches a queue's agents as a few
# `queue` events, at least 200 ms apart by the core's clock (at_us), the
# last one always the line's final state (docs/protocol.md).
. "$top_srcdir/tests/integ/lib.sh"

N=20
start_core
PYTHONPATH="$S/tests/integ" python3 - "$T/run/centrala.sock" "$N" "$T/listening" \
	>"$T/q.log" 2>&1 <<'PY' &
import sys
from czclient import Session, ready_to, until
sock, n = sys.argv[1], int(sys.argv[2])
# logged in, not ready: it sees the line but is offered nothing
a = Session(sock, {"agent": "1017", "pin": "1234", "queues": "sales"})
ready_to(sys.argv[3])
def sales():
    a._read(0.2)
    return [m for m in a.events if m.get("event") == "queue" and m["name"] == "sales"]
notes = until(lambda: [m for m in sales() if m["waiting"] == n] and sales(), 60,
              f"the line at {n}")
print("events", [(m["waiting"], m["at_us"]) for m in notes])
assert len(notes) < n, f"{len(notes)} events for {n} arrivals: not folded"
gaps = [b["at_us"] - a["at_us"] for a, b in zip(notes, notes[1:])]
assert all(g >= 190000 for g in gaps), f"events closer than 200 ms: {gaps}"
PY
QPID=$!
PIDS="$PIDS $QPID"
wait_file 10 "$T/listening" || fail "agent not logged in: $(cat "$T/q.log")"
pstn_bg --calls "$N" --rate 0 --dnis 2000 --hold never
wait "$QPID" || fail "no final state: $(cat "$T/q.log")"
pass "$N arrivals folded: $(sed -n "s/^events //p" "$T/q.log")"
