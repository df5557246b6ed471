#!/bin/sh
# bench-events.sh: BENCH_CONSOLES clients (default 500) subscribed to the
# core's events (as supervisors' consoles are) on one poll loop
# (tests/bench/evclient, epoll), while the telco simulator places BENCH_RATE calls
# per second (default 200) for BENCH_WINDOW seconds (default 10) to a queue
# of 128 scripted agents on 6 spans. The core stamps each event it sends to
# many clients with its wall clock (at_us) just before queueing it; the
# client takes the time of the read() that brought each line in. Prints
# per delivery (every event on every socket) and per event (to the last of
# the sockets) p50, p99 and max, the events and deliveries per second, and
# the core's CPU share (also per 1,000 events/s). BENCH_VIA: "pipe" (the
# default: the events on a pipe, as the supervisor console asks them) or
# "socket". tests/bench/ab-events.sh runs it for an earlier core and this
# one, or for the socket and the pipe, alternated.
. "$top_srcdir/tests/integ/lib.sh"
N=${BENCH_CONSOLES:-500}
RATE=${BENCH_RATE:-200}
WINDOW=${BENCH_WINDOW:-10}
SPANS="e1a e1b e1c e1d e1e e1f"
NAGENTS=128

python3 - "$S/data/centrala.ini" "$T/c.ini" "$NAGENTS" $SPANS <<'PY'
import re, sys
src, dst, nagents, spans = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
base = open(src).read()
keep = []
for block in re.split(r'(?m)^(?=\[)', base):
    head = block.split(']')[0]
    if head.startswith(('[span', '[agent', '[did')):
        continue
    keep.append(block)
out = ''.join(keep)
out += ''.join('[span %s]\n\n' % s for s in spans)
out += '[did 2000]\ntarget = queue:sales\n\n'
hash_ = re.search(r'(?m)^pin = (\$.*)$', base).group(1)
for i in range(nagents):
    out += '[agent %d]\nname = Bench %d\npin = %s\nqueues = sales\n\n' % (3001 + i, i, hash_)
open(dst, 'w').write(out)
PY
start_core -c "$T/c.ini" --log-level warn
start_bots "3001-$((3000 + NAGENTS))" --accept-delay 50
wait_until 60 agents_in ready "$NAGENTS" || fail "agents not ready"
VIA=${BENCH_VIA:-pipe}
"$B/tests/bench/evclient" "$T/run/centrala.sock" "$N" "$WINDOW" "$VIA" >"$T/ev.out" 2>"$T/ev.log" &
EV_PID=$!
PIDS="$PIDS $EV_PID"
wait_until 60 grep -q '^ready' "$T/ev.out" || fail "$N clients not subscribed: $(cat "$T/ev.log")"
span_args=""
for s in $SPANS; do span_args="$span_args --span $s"; done
hz=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# write(2)-family calls (the WAL's pwrite, clients' writev...), /proc/PID/io
wcalls() { awk '$1 == "syscw:" {print $2}' "/proc/$1/io"; }
if [ -n "${BENCH_PERF:-}" ]; then
	perf record -q -g -o "$BENCH_PERF" -p "$CORE_PID" -- sleep "$WINDOW" \
		>/dev/null 2>&1 &
fi
ctl status --json >"$T/st0.json"
c0=$(cpu_ticks "$CORE_PID"); w0=$(date +%s%N); s0=$(wcalls "$CORE_PID")
pstn_bg $span_args --calls $((RATE * WINDOW)) --rate "$RATE" --concurrent 170 \
	--hold fixed:0.3 --duration $((WINDOW + 30)) --quiet
wait_until $((WINDOW + 60)) grep -q '^events_last_socket' "$T/ev.out" || fail "no figures: $(cat "$T/ev.log")"
c1=$(cpu_ticks "$CORE_PID"); w1=$(date +%s%N); s1=$(wcalls "$CORE_PID")
ctl status --json >"$T/st1.json"
wait_until $((WINDOW + 60)) grep -q '^summary' "$T/pstn.out" || fail "pstn did not finish"
answered=$(summary_field answered)
python3 - "$T/ev.out" "$N" "$c0" "$c1" "$w0" "$w1" "$hz" "$answered" "$RATE" "$s0" "$s1" "$T/st0.json" "$T/st1.json" "$VIA" <<'PY'
import json, sys
f, n, c0, c1, w0, w1, hz, answered, rate, s0, s1, st0, st1, via = sys.argv[1:]
n, hz = int(n), int(hz)
wall = (int(w1) - int(w0)) / 1e9
fig = {}
for line in open(f):
    w = line.split()
    if len(w) > 1 and '=' in w[1]:
        fig[w[0]] = dict(kv.split('=') for kv in w[1:])
d, e = fig['deliveries'], fig['events_last_socket']
print(f"clients subscribed    {n}, the events on a {via} each")
print(f"calls placed          {answered} answered, at {rate}/s")
print(f"events                {e['n']} ({int(e['n']) / wall:.0f}/s), deliveries {d['n']} ({int(d['n']) / wall:.0f}/s)")
print(f"at the client's read  p50 {int(d['p50_us']) / 1000:.2f} ms, p99 {int(d['p99_us']) / 1000:.2f} ms, max {int(d['max_us']) / 1000:.1f} ms (every delivery: event queued to the read() that brought it)")
print(f"event to last socket  p50 {int(e['p50_us']) / 1000:.2f} ms, p99 {int(e['p99_us']) / 1000:.2f} ms, max {int(e['max_us']) / 1000:.1f} ms (per event)")
# The core's own side (status core.events_to_socket): from queueing each
# event to its bytes entering each socket, the window's deliveries.
def hist(path):
    return dict(json.load(open(path))['core'].get('events_to_socket', {}).get('hist', []))
h0, h1 = hist(st0), hist(st1)
h = sorted((us, c - h0.get(us, 0)) for us, c in h1.items() if c > h0.get(us, 0))
def pct(p):
    want, seen = sum(c for _, c in h) * p / 100.0, 0
    for us, c in h:
        seen += c
        if seen > want:
            return (us + 50) / 1000
    return (h[-1][0] + 50) / 1000
if h:
    print(f"into the socket       p50 {pct(50):.2f} ms, p99 {pct(99):.2f} ms, max {pct(100):.1f} ms (the core's side, every delivery in the window; into the {via})")
else:
    print("into the socket       (this core does not measure it)")
cpu = (int(c1) - int(c0)) / hz / wall * 100
print(f"core CPU              {cpu:.1f}% of one core, {cpu / max(int(e['n']) / wall / 1000, 1e-9):.0f}% per 1,000 events/s")
print(f"core write calls      {(int(s1) - int(s0)) / wall:.0f}/s, {(int(s1) - int(s0)) / max(int(e['n']), 1):.1f} per event (/proc/PID/io syscw: write(2) family, pipes' writes included; the send(2) to sockets not counted)")
print(f"client CPU            {float(fig['client']['cpu_s']) / wall * 100:.1f}% of one core ({n} {via}s, one epoll loop)")
PY
