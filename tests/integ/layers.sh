#!/bin/sh
# layers.sh: no file of core/ includes a header of a higher layer
# (docs/ARCHITECTURE.md, "Layers of the core"), so no import circle can
# come back between layers. Every core file must be placed in the table: a
# new file is a decision about its layer. The checker is first shown a
# copy of core/ with one upward include, which it must refuse.
. "$top_srcdir/tests/integ/lib.sh"

# layer rank, then the modules (FILE.c and FILE.h). Rank 0 is beside
# every layer (state, storage, shared constants): anyone may include it,
# and it includes nothing above rank 0.
LAYERS='
0 core db db-private db-callback db-cdr db-customer db-event db-media db-recover evlog cause default-config schema-sql
1 span span-vspan isdn player prompt record audio-alsa alaw tickstat
2 call media endpoint leg
3 route ivr acd acd-pick acd-index acd-route queue agent announce callback callback-offer voicemail recording customer monitor transfer call-agent sink
4 core-main server conn cmd cmd-admin cmd-agent cmd-call cmd-desk cmd-media cmd-session cmd-supervise cmd-table cmd-target notify hooks
'

# Prints one line per upward include or unplaced file in directory $1.
check_layers() {
	for f in "$1"/*.c "$1"/*.h; do
		[ -f "$f" ] || continue
		m=$(basename "$f"); m=${m%.*}
		printf 'F %s %s\n' "$m" "$(basename "$f")"
		sed -n 's/^[ \t]*#[ \t]*include[ \t]*"\([^"]*\)\.h".*/\1/p' "$f" |
		while read -r h; do
			[ -f "$1/$h.h" ] && printf 'I %s %s %s\n' "$m" "$(basename "$f")" "$h"
		done
	done | awk -v layers="$LAYERS" '
	BEGIN {
		n = split(layers, line, "\n")
		for (i = 1; i <= n; i++) {
			k = split(line[i], w, " ")
			for (j = 2; j <= k; j++) rank[w[j]] = w[1]
		}
	}
	$1 == "F" && !($2 in rank) { print $3 ": in no layer (add it to layers.sh)" }
	$1 == "I" && ($2 in rank) && ($4 in rank) && rank[$4] > rank[$2] {
		print $3 ": includes " $4 ".h, a higher layer (" rank[$2] " -> " rank[$4] ")"
	}
	$1 == "I" && !($4 in rank) { print $3 ": includes " $4 ".h, in no layer" }'
}

# The checker itself: an upward include and an unplaced file are caught.
mkdir "$T/core"
cp "$S"/core/*.c "$S"/core/*.h "$T/core/"
echo '#include "call.h"' >>"$T/core/isdn.c"
echo '/* new */' >"$T/core/newmod.c"
check_layers "$T/core" >"$T/bad.out"
grep -q '^isdn.c: includes call.h, a higher layer (1 -> 2)$' "$T/bad.out" ||
	fail "checker missed isdn.c -> call.h: $(cat "$T/bad.out")"
grep -q '^newmod.c: in no layer' "$T/bad.out" ||
	fail "checker missed an unplaced file: $(cat "$T/bad.out")"
pass "the checker refuses an upward include and an unplaced file"

check_layers "$S/core" >"$T/out"
[ ! -s "$T/out" ] || fail "includes against the layers:
$(cat "$T/out")"
pass "core/: $(ls "$S"/core/*.c | wc -l) files, every include downward or beside"
