#!/bin/sh
# fuzz-proto.sh: a short fuzz run of the protocol parser on its seed corpus
# (each seed replayed, then 2,000 deterministic mutations of each).
set -e
"$top_builddir/tests/fuzz/fuzz-proto" -m 2000 "$top_srcdir/tests/fuzz/corpus-proto"
