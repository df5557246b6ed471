#!/bin/sh
# ab-media.sh: bench-media-1000.sh (or bench-media.sh: BENCH_AB=media) for
# an earlier build and this tree's, alternated in one run so the machine's
# load weighs on both alike: BENCH_OLD_CORE and BENCH_OLD_PSTN (a
# centrala-core and a centrala-pstn built from an earlier commit), for
# BENCH_AB_ROUNDS rounds (default 2) of old then new. The load average is
# printed before each. Not part of `make bench` (it needs the old build):
#   BENCH_OLD_CORE=/tmp/old/centrala-core BENCH_OLD_PSTN=/tmp/old/centrala-pstn \
#       sh tests/bench/ab-media.sh
set -e
here=$(cd "$(dirname "$0")" && pwd)
: "${top_builddir:=$(pwd)}"
: "${top_srcdir:=$(cd "$here/../.." && pwd)}"
export top_builddir top_srcdir
for x in "${BENCH_OLD_CORE:-}" "${BENCH_OLD_PSTN:-}"; do
	[ -x "$x" ] || {
		echo "ab-media: BENCH_OLD_CORE and BENCH_OLD_PSTN must name executables" >&2
		exit 2
	}
done
# The old build: this tree's programs but the two old ones.
old=$(mktemp -d /tmp/czab.XXXXXX)
trap 'rm -rf "$old"' EXIT
new=$(cd "$top_builddir" && pwd)
for f in "$new"/centrala-*; do ln -s "$f" "$old/"; done
ln -s "$new/tests" "$old/tests"
rm -f "$old/centrala-core" "$old/centrala-pstn"
ln -s "$BENCH_OLD_CORE" "$old/centrala-core"
ln -s "$BENCH_OLD_PSTN" "$old/centrala-pstn"
bench="$here/bench-${BENCH_AB:-media-1000}.sh"
i=1
while [ "$i" -le "${BENCH_AB_ROUNDS:-2}" ]; do
	for which in old new; do
		echo "== $which, round $i, $(date -u +%H:%M:%S), load $(cut -d' ' -f1-3 /proc/loadavg)"
		if [ "$which" = old ]; then
			top_builddir=$old sh "$bench" || echo "(old run failed)"
		else
			top_builddir=$new sh "$bench" || echo "(new run failed)"
		fi
	done
	i=$((i + 1))
done
