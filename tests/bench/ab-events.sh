#!/bin/sh
# ab-events.sh: bench-events.sh for two cores alternated in one run, so
# that the machine's load weighs on both alike: BENCH_OLD_CORE (a
# centrala-core built from an earlier commit) and this tree's, for
# BENCH_AB_ROUNDS rounds (default 2) of old then new. The load average is
# printed before each. Not part of `make bench` (it needs the old core):
#   BENCH_OLD_CORE=/tmp/core-old BENCH_CONSOLES=1 sh tests/bench/ab-events.sh
# BENCH_AB_VIA=1 instead alternates this tree's core with its consoles on
# sockets ("old") and on pipes ("new"), no old core needed.
set -e
here=$(cd "$(dirname "$0")" && pwd)
: "${top_builddir:=$(pwd)}"
: "${top_srcdir:=$(cd "$here/../.." && pwd)}"
export top_builddir top_srcdir
[ -n "${BENCH_AB_VIA:-}" ] || [ -x "${BENCH_OLD_CORE:-}" ] || {
	echo "ab-events: BENCH_OLD_CORE must name an executable centrala-core" >&2
	exit 2
}
wrap=$(mktemp -d /tmp/czab.XXXXXX)
trap 'rm -rf "$wrap"' EXIT
# start_core runs "$CORE_WRAPPER $B/centrala-core ARGS": drop the second.
printf '#!/bin/sh\nshift\nexec "%s" "$@"\n' "$BENCH_OLD_CORE" >"$wrap/old"
chmod +x "$wrap/old"
i=1
while [ "$i" -le "${BENCH_AB_ROUNDS:-2}" ]; do
	for which in old new; do
		echo "== $which, round $i, $(date -u +%H:%M:%S), load $(cut -d' ' -f1-3 /proc/loadavg)"
		if [ -n "${BENCH_AB_VIA:-}" ]; then
			[ "$which" = old ] && via=socket || via=pipe
			CORE_WRAPPER= BENCH_VIA=$via sh "$here/bench-events.sh"
		elif [ "$which" = old ]; then
			CORE_WRAPPER="$wrap/old" sh "$here/bench-events.sh"
		else
			CORE_WRAPPER= sh "$here/bench-events.sh"
		fi
	done
	i=$((i + 1))
done
