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
sql "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $N)
INSERT INTO cdr (call_id, direction, start_ms, answer_ms, end_ms, cli, dnis,
	span, channel, route, queue, agent, wait_ms, talk_ms, cause, cleared_by,
	reason)
SELECT printf('b%010d', i), 'in', 1700000000000 + i * 1000,
	1700000000000 + i * 1000 + 2000, 1700000000000 + i * 1000 + 90000,
	printf('600%06d', i % 1000000), '2000', 'e1a', i % 30 + 1, 'queue:sales',
	'sales', printf('%d', 1001 + i % 32), 2000, 88000, 16, 'network',
	'caller hung up' FROM n;
INSERT INTO events (ts_ms, kind, call_id, queue, detail)
SELECT start_ms + k.o, k.kind, call_id, 'sales', '{}' FROM cdr,
	(SELECT 0 AS o, 'call_start' AS kind UNION ALL SELECT 10, 'call_routed'
	 UNION ALL SELECT 20, 'queue_enter' UNION ALL SELECT 1990, 'offer'
	 UNION ALL SELECT 2000, 'answer' UNION ALL SELECT 90000, 'call_end') k;" ||
	fail "filling the database"
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
