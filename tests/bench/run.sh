#!/bin/sh
# run.sh: `make bench`: every benchmark, each printing its figures.
# Not part of `make check`: figures are compared as ratios within one run,
# never asserted against wall-clock limits.
set -e
here=$(cd "$(dirname "$0")" && pwd)
: "${top_builddir:=$(pwd)}"
: "${top_srcdir:=$(cd "$here/../.." && pwd)}"
export top_builddir top_srcdir
for b in "$here"/bench-*.sh; do
	echo "== $(basename "$b" .sh)"
	sh "$b"
done
