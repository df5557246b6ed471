#!/bin/sh
# fuzz-ini.sh: a short fuzz run of the wizard's INI editor (lib/ini-edit.c)
# on its seed corpus and the shipped configuration (each replayed, then
# 300 deterministic mutations of each): the text always comes back, set
# values read back.
set -e
"$top_builddir/tests/fuzz/fuzz-ini" -m 300 "$top_srcdir/tests/fuzz/corpus-ini" \
	"$top_srcdir/data/centrala.ini"
