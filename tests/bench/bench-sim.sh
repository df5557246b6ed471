#!/bin/sh
# bench-sim.sh: how fast the simulator runs: simulated days per second of
# wall time, for a 14-agent queue at 10 erlangs (about 4,800 calls a day).
set -e
B=${top_builddir:?}
days=30
s0=$(date +%s%N)
"$B/centrala-sim" --rate 100/30m --aht 180 --agents 14 --hours $((days * 24)) >/tmp/bench-sim.$$
s1=$(date +%s%N)
calls=$(sed -n 's/^calls offered *//p' /tmp/bench-sim.$$)
rm -f /tmp/bench-sim.$$
python3 -c "
w = ($s1 - $s0) / 1e9
print(f'simulated days      $days ($calls calls)')
print(f'wall time           {w:.2f} s')
print(f'simulated days/s    {$days / w:.1f}')
print(f'calls/s simulated   {$calls / w:.0f}')"
