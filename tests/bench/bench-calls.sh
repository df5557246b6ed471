#!/bin/sh
# bench-calls.sh: 1,000 inbound calls through one E1 span (30 channels)
# answered by 32 scripted agents at short hold times. Prints calls per
# second, SETUP->CONNECT median and p99 (as the telco saw them), the core's
# CPU seconds per call and its peak RSS.
. "$top_srcdir/tests/integ/lib.sh"
CALLS=${BENCH_CALLS:-1000}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

start_core --log-level info
start_bots 1001-1032
wait_until 30 agents_in ready 32 || fail "agents not ready"
hz=$(getconf CLK_TCK)
t0=$(cpu_ticks "$CORE_PID")
s0=$(date +%s%N)
pstn --calls "$CALLS" --rate 200 --concurrent 30 --hold fixed:0.3 --quiet || fail "pstn failed"
s1=$(date +%s%N)
wait_until 30 sql_ge 'select count(*) from cdr' "$CALLS" || fail "CDRs missing"
t1=$(cpu_ticks "$CORE_PID")
rss=$(awk '/VmHWM/ {print $2}' "/proc/$CORE_PID/status")
answered=$(summary_field answered)
p50=$(summary_field connect_ms_p50)
p99=$(summary_field connect_ms_p99)
by_agent=$(sql "select count(*) from cdr where agent is not null and talk_ms > 0")
wait_avg=$(sql "select cast(avg(wait_ms) as int) from cdr where agent is not null")
python3 - "$CALLS" "$answered" "$s0" "$s1" "$t0" "$t1" "$hz" "$rss" "$p50" "$p99" "$by_agent" "$wait_avg" <<'PY'
import sys
calls, ans, s0, s1, t0, t1, hz, rss, p50, p99, by_agent, wait_avg = sys.argv[1:]
wall = (int(s1) - int(s0)) / 1e9
cpu = (int(t1) - int(t0)) / int(hz)
print(f"calls placed        {calls}")
print(f"calls answered      {ans}")
print(f"wall time           {wall:.1f} s")
print(f"talked to an agent  {by_agent} (mean wait in queue {wait_avg} ms)")
print(f"calls per second    {int(ans) / wall:.1f}")
print(f"SETUP->CONNECT p50  {p50} ms")
print(f"SETUP->CONNECT p99  {p99} ms")
print(f"core CPU per call   {cpu / int(ans) * 1000:.3f} ms ({cpu:.2f} s total)")
print(f"core peak RSS       {int(rss) / 1024:.1f} MiB")
PY
