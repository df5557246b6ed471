#!/bin/sh
# bench-pacing.sh: dial decisions per second of the pacing code with 200
# agents (bench-pacing.c), and how long `centrala sim --dialer compare`
# takes for 200 hours of 50 agents.
set -e
B=${top_builddir:?}
"$B/tests/bench/bench-pacing"
s0=$(date +%s%N)
"$B/centrala-sim" --dialer compare --agents 50 --hours 200 | tail -1
s1=$(date +%s%N)
echo "sim --dialer compare, 2 x 200 h: $(( (s1 - s0) / 1000000 )) ms"
