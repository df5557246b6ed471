#!/bin/sh
# bench-campaign.sh: campaign list import and dial decisions (next record
# over a 100,000-record list, 200 agents; tests/bench/bench-campaign.c).
: "${top_builddir:?run through make bench}"
"$top_builddir/tests/bench/bench-campaign" ${BENCH_CAMPAIGN_RECORDS:-100000}
