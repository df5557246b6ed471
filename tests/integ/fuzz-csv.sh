#!/bin/sh
# fuzz-csv.sh: a short fuzz run of the call-list import on its seed corpus
# (each seed replayed, then 300 deterministic mutations of each); a refused
# import must leave the records as they were.
set -e
"$top_builddir/tests/fuzz/fuzz-csv" -m 300 "$top_srcdir/tests/fuzz/corpus-csv"
