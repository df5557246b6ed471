#!/bin/sh
# bench-t1.sh: a T1 span (mu-law) and an E1 span (A-law) in one core, every
# B-channel busy (23 + 30 callers waiting in a queue nobody serves, each
# hearing ringback: decode, tone, encode every 20 ms). Prints per span the
# blocks in the window, blocks bad or dropped, and the tick's work (p50,
# p99, max) per block and per channel, so the two laws compare within one
# run. BENCH_WINDOW sets the window in seconds (default 20).
. "$top_srcdir/tests/integ/lib.sh"
WINDOW=${BENCH_WINDOW:-20}

sed -e 's/^\[span e1a\]$/[span t1a]\ntype = t1\n\n[span e1a]/' \
    "$S/data/centrala.ini" >"$T/c.ini"
start_core -c "$T/c.ini" --log-level warn
pstn_bg --span t1a --t1 --span e1a --calls 53 --rate 0 --concurrent 53 \
	--hold never --quiet
wait_until 60 field_is "[s['in_use'] for s in d['spans']]" "[23, 30]" ||
	fail "spans not full: $(status_field "d['spans']")"
ctl status --json >"$T/st0.json"
sleep "$WINDOW"		# the measuring window, not an ordering
ctl status --json >"$T/st1.json"
kill "$PSTN_PID" 2>/dev/null
python3 - "$T/st0.json" "$T/st1.json" <<'PY'
import json, sys
st0, st1 = (json.load(open(f)) for f in sys.argv[1:3])
for s0, s1 in zip(st0['spans'], st1['spans']):
    w = s1['tick_work']
    n = s1['in_use']
    print("%s: %d channels busy, %d blocks in the window, bad %d, dropped %d; "
          "tick work p50/p99/max %d/%d/%d us per block, p50 %.1f us per channel"
          % (s1['name'], n, s1['blocks_rx'] - s0['blocks_rx'], s1['blocks_bad'],
             s1['blocks_dropped'], w['p50_us'], w['p99_us'], w['max_us'],
             w['p50_us'] / max(n, 1)))
PY
pass "bench-t1 done"
