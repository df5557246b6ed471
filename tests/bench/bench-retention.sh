#!/bin/sh
# bench-retention.sh: a retention run over a database holding BENCH_CALLS
# calls (default 100000, with 6 events each) all older than their period,
# while the core answers a client's pings every 10 ms. Prints the run's
# time, its batches, and the ping round trips (p50, p99, max) before and
# during the run (from when the restarted core answers): the run deletes one batch per loop pass, so a ping waits
# at most for one batch.
. "$top_srcdir/tests/integ/lib.sh"
N=${BENCH_CALLS:-100000}
BATCH=${BENCH_BATCH:-500}

start_core
ctl --timeout 30 stop --clear >/dev/null || fail "stop"
wait "$CORE_PID"
fill_calls "$N" 1600000000000 || fail "filling the database"

# First a core without periods, pinged, then one with them.
{ cat "$S/data/centrala.ini"; printf '\n[retention]\ncdr = 1y\nevents = 1y\nbatch = %s\n' "$BATCH"; } >"$T/r.ini"
start_core
python3 - "$T/run/centrala.sock" "$T/pings" "$T/go" "$T/log/core.log" <<'PY' &
import json, socket, sys, time, os
def session():
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.connect(sys.argv[1])
    return s.makefile("rwb", buffering=0)
def call(f, req):
    f.write((json.dumps(req) + "\n").encode())
    while True:
        r = json.loads(f.readline())
        if r.get("id") == req["id"]:
            return r
out = open(sys.argv[2], "w")
i = 0
def until(what, deadline_s):
    end = time.monotonic() + deadline_s
    while not what():
        if time.monotonic() > end:
            sys.exit("bench-retention: gave up waiting after %d s" % deadline_s)
        time.sleep(0.01)
for when in ("before", "during"):
    if when == "during":
        until(lambda: os.path.exists(sys.argv[3] + "2"), 120)
    while True:
        try:
            f = session(); call(f, {"id": 0, "req": "hello", "proto": 1})
            call(f, {"id": 0, "req": "login", "local": True}); break
        except (OSError, ValueError):
            time.sleep(0.05)
    while True:
        if when == "before" and os.path.exists(sys.argv[3]):
            break
        if when == "during" and open(sys.argv[4]).read().count("retention: done") >= 3:
            break
        i += 1
        t = time.monotonic()
        try:
            call(f, {"id": i, "req": "ping"})
        except (OSError, ValueError):
            break
        out.write("%s %.3f\n" % (when, (time.monotonic() - t) * 1000)); out.flush()
        time.sleep(0.01)
PY
PIDS="$PIDS $!"
wait_until 60 sh -c "[ \$(wc -l <'$T/pings' 2>/dev/null || echo 0) -ge 300 ]" || fail "too few pings"
touch "$T/go"
ctl --timeout 30 stop --clear >/dev/null || fail "stop"
wait "$CORE_PID"
start_core -c "$T/r.ini"
touch "$T/go2"
wait_until 600 sh -c "[ \$(grep -c 'retention: done' '$T/log/core.log') -ge 3 ]" || fail "the run did not end"
python3 - "$T/pings" "$T/log/core.log" "$N" "$BATCH" <<'PY'
import sys, re, datetime
log = open(sys.argv[2]).read().splitlines()
def ts(l):
    return datetime.datetime.strptime(l[:23], "%Y-%m-%d %H:%M:%S.%f")
start = [l for l in log if "retention: run started" in l][-1]
done = [l for l in log if "retention: done" in l][-1]
print("%s calls, %s events older than their period, batch %s: %s in %.1f s" % (
    sys.argv[3], int(sys.argv[3]) * 6, sys.argv[4], done.split("retention: done: ")[1],
    (ts(done) - ts(start)).total_seconds()))
rows = [l.split() for l in open(sys.argv[1])]
for when in ("before", "during"):
    v = sorted(float(r[1]) for r in rows if r[0] == when)
    if not v:
        print("ping %s: none" % when); continue
    q = lambda p: v[min(len(v) - 1, int(p * len(v)))]
    print("ping round trip %s the run: n=%d p50=%.2f ms p99=%.2f ms max=%.2f ms" % (when, len(v), q(.5), q(.99), v[-1]))
PY
