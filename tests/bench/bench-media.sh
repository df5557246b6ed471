#!/bin/sh
# bench-media.sh: MEDIA_SPANS virtual spans (default 8), MEDIA_CALLS calls
# up at once (default 240): three in four bridged to agents' headsets (ALSA
# "null" devices) and recorded (stereo WAV), one in four in an IVR menu
# collecting digits with DTMF detection running. Prints the core's CPU use
# (fraction of one core) over a steady window, the 20 ms tick's gap between
# blocks (p50, p99, max: the clock as the core sees it) and the work per
# tick, and frames lost (blocks dropped or bad, both ends). BENCH_WINDOW
# sets the window in seconds (default 20); BENCH_PERF=FILE records a perf
# profile of the core over the window into FILE.
. "$top_srcdir/tests/integ/lib.sh"
WINDOW=${BENCH_WINDOW:-20}
NSPANS=${MEDIA_SPANS:-8}
NCALLS=${MEDIA_CALLS:-240}
NIVR=$((NCALLS / 4))
NAGENTS=$((NCALLS - NIVR))
HOLD=$((WINDOW + 130))
SPANS=$(seq -f "e1s%02g" 1 "$NSPANS")

python3 - "$S/data/centrala.ini" "$T/c.ini" "$NAGENTS" $SPANS <<'PY'
import re, sys
src, dst, nagents, spans = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
base = open(src).read()
# The sample config's spans, DIDs and agents are replaced; queues and users kept.
keep = []
for block in re.split(r'(?m)^(?=\[)', base):
    head = block.split(']')[0]
    if head.startswith(('[span', '[agent', '[did')):
        continue
    keep.append(block)
out = ''.join(keep).replace('[queue sales]\n', '[queue sales]\nrecord = 100\n', 1)
out += ''.join('[span %s]\n\n' % s for s in spans)
out += '[did 2000]\ntarget = queue:sales\n\n[did 2100]\ntarget = menu:bench\n\n'
out += ('[menu bench]\nprompt = enter-account\ncollect = account\nmax_digits = 32\n'
        'timeout = 60\nnext = hangup\n\n')
hash_ = re.search(r'(?m)^pin = (\$.*)$', base).group(1)
for i in range(nagents):
    out += '[agent %d]\nname = Bench %d\npin = %s\nqueues = sales\naudio = alsa:null\n\n' % (
        3001 + i, i, hash_)
open(dst, 'w').write(out)
PY
start_core -c "$T/c.ini" --log-level warn
start_bots "3001-$((3000 + NAGENTS))" --accept-delay 50
wait_until 120 agents_in ready "$NAGENTS" || fail "agents not ready"
span_args=""
for s in $SPANS; do span_args="$span_args --span $s"; done
# 3 of 4 callers to the queue, 1 of 4 to the menu; all stay HOLD s. The
# menu callers key a digit every 10 s, so the menu never times out.
pstn_bg $span_args --calls "$NCALLS" --rate 25 --concurrent "$NCALLS" \
	--dnis 2000,2000,2000,2100 --hold "fixed:$HOLD" \
	--dtmf "1,,,,,,,,,,2,,,,,,,,,,3,,,,,,,,,,4,,,,,,,,,,5,,,,,,,,,,6,,,,,,,,,,7,,,,,,,,,,8,,,,,,,,,,9,,,,,,,,,,0,,,,,,,,,,1,,,,,,,,,,2" \
	--dtmf-delay 5 --duration $((HOLD + 30)) --quiet
wait_until 120 field_is "sum(s['in_use'] for s in d['spans'])" "$NCALLS" || fail "not $NCALLS calls up: $(status_field "[s['in_use'] for s in d['spans']]")"
wait_until 60 field_is "sum(1 for c in d['calls'] if c['state'] == 'connected')" "$NAGENTS" ||
	fail "not $NAGENTS connected: $(status_field "[c['state'] for c in d['calls']]" | tr ',' '\n' | sort | uniq -c)"
sleep 6		# the IVR callers' first digits are in; steady state
hz=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
if [ -n "${BENCH_PERF:-}" ]; then
	perf record -q -g -o "$BENCH_PERF" -p "$CORE_PID" -- sleep "$WINDOW" \
		>/dev/null 2>&1 &
	PERF_PID=$!
fi
ctl status --json >"$T/st0.json"
c0=$(cpu_ticks "$CORE_PID"); p0=$(cpu_ticks "$PSTN_PID"); w0=$(date +%s%N)
sleep "$WINDOW"
c1=$(cpu_ticks "$CORE_PID"); p1=$(cpu_ticks "$PSTN_PID"); w1=$(date +%s%N)
ctl status --json >"$T/st1.json"
[ -n "${BENCH_PERF:-}" ] && wait "$PERF_PID"
recs=$(sql "select count(*) from recordings")
rss=$(awk '/VmHWM/ {print $2}' "/proc/$CORE_PID/status")
kill "$PSTN_PID" 2>/dev/null
python3 - "$T/st0.json" "$T/st1.json" "$c0" "$c1" "$w0" "$w1" "$hz" "$recs" "$rss" "$p0" "$p1" <<'PY'
import json, sys
st0, st1 = (json.load(open(f)) for f in sys.argv[1:3])
c0, c1, w0, w1, hz, recs, rss, p0, p1 = map(int, sys.argv[3:])
wall = (w1 - w0) / 1e9
cpu = (c1 - c0) / hz
gap = [s['tick_gap'] for s in st1['spans']]
work = [s['tick_work'] for s in st1['spans']]
lost = sum(s['blocks_dropped'] + s['blocks_bad'] for s in st1['spans'])
lost0 = sum(s['blocks_dropped'] + s['blocks_bad'] for s in st0['spans'])
rx = sum(s['blocks_rx'] for s in st1['spans']) - sum(s['blocks_rx'] for s in st0['spans'])
ivr = sum(1 for c in st1['calls'] if c['state'] == 'ivr')
conn = sum(1 for c in st1['calls'] if c['state'] == 'connected')
print(f"spans / calls up      {len(st1['spans'])} / {sum(s['in_use'] for s in st1['spans'])}")
print(f"bridged+recorded      {conn} connected, {recs} recordings; {ivr} calls in IVR with DTMF detection")
print(f"core CPU              {cpu / wall * 100:.1f}% of one core ({cpu:.2f} s in {wall:.1f} s)")
print(f"telco (pstn) CPU      {(p1 - p0) / hz / wall * 100:.1f}% of one core (the clock: its delays are the tick gap)")
print(f"blocks in window      {rx} ({rx / wall / len(st1['spans']):.1f} per span per s)")
def window(key):
    """The window's ticks over all spans: [(step start us, count)]."""
    h = {}
    for a, b in zip(st0['spans'], st1['spans']):
        for us, n in b[key].get('hist', []):	# an older core has none
            h[us] = h.get(us, 0) + n
        for us, n in a[key].get('hist', []):
            h[us] -= n
    return sorted((us, n) for us, n in h.items() if n > 0)
def pct(h, p):
    want, seen = sum(n for _, n in h) * p / 100.0, 0
    for us, n in h:
        seen += n
        if seen > want:
            return us + 50
    return h[-1][0] + 50 if h else 0
g, w = window('tick_gap'), window('tick_work')
jit = {}
for us, n in g:		# |gap - 20 ms|, by 50 us step
    j = abs(us + 25 - 20000) // 50 * 50
    jit[j] = jit.get(j, 0) + n
jit = sorted(jit.items())
print(f"tick gap p50/p99/max  {pct(g, 50)} / {pct(g, 99)} / {pct(g, 100)} us (all spans, in the window)")
print(f"tick jitter p50/p99   {pct(jit, 50)} / {pct(jit, 99)} us (|gap - 20 ms|, in the window)")
print(f"tick work p50/p99/max {pct(w, 50)} / {pct(w, 99)} / {pct(w, 100)} us (all spans, in the window)")
print(f"since start (ramp)    gap p99 {max(x['p99_us'] for x in gap)} us, max {max(x['max_us'] for x in gap)} us (worst span)")
print(f"frames lost (core)    {lost - lost0} in the window, {lost} since start")
print(f"core peak RSS         {rss / 1024:.1f} MiB")
PY
