#!/bin/sh
# bench-media.sh: 8 virtual spans, 240 calls up at once: 180 bridged to
# agents' headsets (ALSA "null" devices) and recorded (stereo WAV), 60 in
# an IVR menu collecting digits with DTMF detection running. Prints the
# core's CPU use (fraction of one core) over a steady window, the 20 ms
# tick's gap between blocks (p50, p99, max: the clock as the core sees it)
# and the work per tick, and frames lost (blocks dropped or bad, both
# ends). BENCH_WINDOW sets the window in seconds (default 20).
. "$top_srcdir/tests/integ/lib.sh"
WINDOW=${BENCH_WINDOW:-20}
SPANS="e1a e1b e1c e1d e1e e1f e1g e1h"

python3 - "$S/data/centrala.ini" "$T/c.ini" $SPANS <<'PY'
import re, sys
src, dst, spans = sys.argv[1], sys.argv[2], sys.argv[3:]
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
for i in range(180):
    out += '[agent %d]\nname = Bench %d\npin = %s\nqueues = sales\naudio = alsa:null\n\n' % (
        3001 + i, i, hash_)
open(dst, 'w').write(out)
PY
start_core -c "$T/c.ini" --log-level warn
start_bots 3001-3180 --accept-delay 50
wait_until 60 agents_in ready 180 || fail "agents not ready"
span_args=""
for s in $SPANS; do span_args="$span_args --span $s"; done
# 3 of 4 callers to the queue, 1 of 4 to the menu; all 240 stay 120 s.
pstn_bg $span_args --calls 240 --rate 100 --concurrent 240 --dnis 2000,2000,2000,2100 \
	--hold fixed:120 --dtmf 1234 --dtmf-delay 5 --duration 150 --quiet
wait_until 60 field_is "sum(s['in_use'] for s in d['spans'])" 240 || fail "not 240 calls up: $(status_field "[s['in_use'] for s in d['spans']]")"
wait_until 30 field_is "sum(1 for c in d['calls'] if c['state'] == 'connected')" 180 ||
	fail "not 180 connected: $(status_field "[c['state'] for c in d['calls']]" | tr ',' '\n' | sort | uniq -c)"
sleep 6		# the IVR callers' digits are in; steady state
hz=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
ctl status --json >"$T/st0.json"
c0=$(cpu_ticks "$CORE_PID"); w0=$(date +%s%N)
sleep "$WINDOW"
c1=$(cpu_ticks "$CORE_PID"); w1=$(date +%s%N)
ctl status --json >"$T/st1.json"
recs=$(sql "select count(*) from recordings")
ivr=$(status_field "sum(1 for c in d['calls'] if c['state'] == 'ivr')")
rss=$(awk '/VmHWM/ {print $2}' "/proc/$CORE_PID/status")
kill "$PSTN_PID" 2>/dev/null
python3 - "$T/st0.json" "$T/st1.json" "$c0" "$c1" "$w0" "$w1" "$hz" "$recs" "$ivr" "$rss" <<'PY'
import json, sys
st0, st1 = (json.load(open(f)) for f in sys.argv[1:3])
c0, c1, w0, w1, hz, recs, ivr, rss = map(int, sys.argv[3:])
wall = (w1 - w0) / 1e9
cpu = (c1 - c0) / hz
gap = [s['tick_gap'] for s in st1['spans']]
work = [s['tick_work'] for s in st1['spans']]
lost = sum(s['blocks_dropped'] + s['blocks_bad'] for s in st1['spans'])
lost0 = sum(s['blocks_dropped'] + s['blocks_bad'] for s in st0['spans'])
rx = sum(s['blocks_rx'] for s in st1['spans']) - sum(s['blocks_rx'] for s in st0['spans'])
print(f"spans / calls up      {len(st1['spans'])} / {sum(s['in_use'] for s in st1['spans'])}")
print(f"bridged+recorded      {recs} recordings; {ivr} calls in IVR with DTMF detection")
print(f"core CPU              {cpu / wall * 100:.1f}% of one core ({cpu:.2f} s in {wall:.1f} s)")
print(f"blocks in window      {rx} ({rx / wall / len(st1['spans']):.1f} per span per s)")
print(f"tick gap p50/p99/max  {max(g['p50_us'] for g in gap)} / {max(g['p99_us'] for g in gap)} / {max(g['max_us'] for g in gap)} us (worst span)")
print(f"tick work p50/p99/max {max(g['p50_us'] for g in work)} / {max(g['p99_us'] for g in work)} / {max(g['max_us'] for g in work)} us (worst span)")
print(f"frames lost (core)    {lost - lost0} in the window, {lost} since start")
print(f"core peak RSS         {rss / 1024:.1f} MiB")
PY
