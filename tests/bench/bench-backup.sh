#!/bin/sh
# bench-backup.sh: `centrala ctl backup` of a database holding BENCH_CALLS
# finished calls (default 200000, with 6 events each, dated last year so
# that the core's live figures do not load them), while the core answers a
# client's pings every 10 ms. Prints the database size, the backup's time
# and rate, and the ping round trips (p50, p99, max) before and during the
# backup: the copy runs on a helper thread, so the loop should not notice.
. "$top_srcdir/tests/integ/lib.sh"
N=${BENCH_CALLS:-200000}

start_core
ctl --timeout 30 stop --clear >/dev/null || fail "stop"
wait "$CORE_PID"
fill_calls "$N" 1700000000000 || fail "filling the database"
start_core
mb=$(( $(stat -c %s "$T/centrala.db") / 1048576 ))

python3 - "$T/run/centrala.sock" "$T/pings" "$T/b.db" <<'PY' &
import json, socket, sys, time, os
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.connect(sys.argv[1])
f = s.makefile("rwb", buffering=0)
def call(req):
    f.write((json.dumps(req) + "\n").encode())
    while True:
        r = json.loads(f.readline())
        if r.get("id") == req["id"]:
            return r
call({"id": 0, "req": "hello", "proto": 1})
call({"id": 0, "req": "login", "local": True})
out = open(sys.argv[2], "w")
i = 0
while not os.path.exists(sys.argv[3] + ".done"):
    i += 1
    during = os.path.exists(sys.argv[3] + ".tmp") or os.path.exists(sys.argv[3] + ".started")
    t = time.monotonic()
    call({"id": i, "req": "ping"})
    out.write("%s %.3f\n" % ("during" if during else "before", (time.monotonic() - t) * 1000))
    time.sleep(0.01)
PY
PIDS="$PIDS $!"
wait_until 10 test -s "$T/pings" || fail "no pings"
wait_until 30 sh -c "[ \$(wc -l <'$T/pings') -ge 300 ]" || fail "too few pings"
touch "$T/b.db.started"
t0=$(date +%s%N)
ctl --timeout 600 backup "$T/b.db" >"$T/backup.out" || fail "backup: $(cat "$T/backup.out")"
t1=$(date +%s%N)
rm -f "$T/b.db.started"
touch "$T/b.db.done"
ms=$(( (t1 - t0) / 1000000 ))
echo "database: $N calls, $(( N * 6 )) events, $mb MB; backup $ms ms (with ctl's start), $(( mb * 1000 / (ms > 0 ? ms : 1) )) MB/s"
python3 - "$T/pings" <<'PY'
import sys
rows = [l.split() for l in open(sys.argv[1])]
for when in ("before", "during"):
    v = sorted(float(r[1]) for r in rows if r[0] == when)
    if not v:
        print("ping %s: none" % when); continue
    q = lambda p: v[min(len(v) - 1, int(p * len(v)))]
    print("ping round trip %s the backup: n=%d p50=%.2f ms p99=%.2f ms max=%.2f ms" % (when, len(v), q(.5), q(.99), v[-1]))
PY
