#!/bin/sh
# layers.sh: no file of core/ includes a header of a higher layer, nor
# names a function or global defined in a file of a higher layer
# (docs/ARCHITECTURE.md, "Layers of the core"), so no import circle can
# come back between layers. Every core file must be placed in the table: a
# new file is a decision about its layer. The checker is first shown a
# copy of core/ with one upward include and one upward call, which it must
# refuse.
. "$top_srcdir/tests/integ/lib.sh"

# layer rank, then the modules (FILE.c and FILE.h). Rank 0 is beside
# every layer (state, storage, shared constants): anyone may include it,
# and it includes nothing above rank 0.
# A word ending in * places every module it starts (campaign*: campaign.c,
# campaign-list.c ...). The dialer's files (campaign*, dnc, pacing) and
# db-campaign, db-backup are placed before they land.
LAYERS='
0 core hugeheap db db-private db-totals db-checkpoint db-callback db-cdr db-customer db-event db-media db-recover db-campaign db-backup db-privacy db-retention evlog cause default-config schema-sql
1 span span-vspan span-dahdi isdn player prompt record audio-alsa alaw mulaw tickstat amd
2 call media endpoint leg
3 route ivr acd acd-wake acd-pick acd-index acd-route queue agent announce callback callback-offer voicemail recording customer monitor transfer call-agent sink campaign* dnc pacing retention
4 core-main server conn fanout cmd cmd-ctx cmd-handlers cmd-campaign cmd-backup cmd-privacy cmd-admin cmd-agent cmd-call cmd-desk cmd-media cmd-session cmd-supervise cmd-table cmd-target notify hooks cmd-report scope
'

# The table, each PREFIX* replaced by the modules of directory $1 it
# matches.
layers_of() {
	set -f
	echo "$LAYERS" | while read -r r mods; do
		[ -n "$r" ] || continue
		printf '%s' "$r"
		for m in $mods; do
			case $m in
			*'*')	set +f
				for f in "$1"/$m.c "$1"/$m.h; do
					[ -f "$f" ] || continue
					f=${f##*/}; printf ' %s' "${f%.*}"
				done
				set -f ;;
			*)	printf ' %s' "$m" ;;
			esac
		done
		echo
	done
	set +f
}

# Prints one line per upward include or unplaced file in directory $1
# (one awk over every file: a fork per file or include made this slow).
check_layers() {
	awk -v layers="$(layers_of "$1")" -v edges="${EDGES:-0}" '
	BEGIN {
		n = split(layers, line, "\n")
		for (i = 1; i <= n; i++) {
			k = split(line[i], w, " ")
			for (j = 2; j <= k; j++) rank[w[j]] = w[1]
		}
		for (i = 1; i < ARGC; i++) {	# the headers that are core/ files
			h = ARGV[i]; sub(/.*\//, "", h)
			if (h ~ /\.h$/) { sub(/\.h$/, "", h); hdr[h] = 1 }
		}
	}
	FNR == 1 {
		file = FILENAME; sub(/.*\//, "", file)
		m = file; sub(/\.[ch]$/, "", m)
		if (!(m in rank) && !edges) print file ": in no layer (add it to layers.sh)"
	}
	/^[ \t]*#[ \t]*include[ \t]*"[^"]*\.h"/ {
		h = $0; sub(/^[^"]*"/, "", h); sub(/\.h".*/, "", h)
		if (!(h in hdr)) next
		if (edges) {
			if ((h in rank) && (m in rank) && rank[h] == rank[m] && h != m)
				print m, h
			next
		}
		if (!(h in rank)) print file ": includes " h ".h, in no layer"
		else if ((m in rank) && rank[h] > rank[m])
			print file ": includes " h ".h, a higher layer (" rank[m] " -> " rank[h] ")"
	}' "$1"/*.c "$1"/*.h
}

# Prints one line per name used in a file of $1 (a call, a function
# pointer, a global) that a file of a higher layer defines. Definitions are
# found by the style (docs/STYLE.md): a function's name starts its line,
# its type on the line before; "static" ones are the file's own. Comments
# and strings are left out; a member after "." or "->", or a tag after
# enum/struct/union, is no call; in a header only a name before "(" is.
check_calls() {
	awk -v layers="$(layers_of "$1")" -v q="'" -v edges="${EDGES:-0}" '
	BEGIN {
		n = split(layers, line, "\n")
		for (i = 1; i <= n; i++) {
			k = split(line[i], w, " ")
			for (j = 2; j <= k; j++) rank[w[j]] = w[1]
		}
	}
	FNR == 1 {
		if (seen[FILENAME]++) pass2 = 1
		m = FILENAME; sub(/.*\//, "", m); file = m; sub(/\.[ch]$/, "", m)
		incom = 0; prev = ""
	}
	!pass2 {
		if (FILENAME ~ /\.c$/ && prev !~ /^static/ &&
		    match($0, /^[a-z_][a-z0-9_]*\(/))
			def[substr($0, 1, RLENGTH - 1)] = m
		else if (FILENAME ~ /\.c$/ && $0 ~ /^[a-z][^(]*[ *][a-z_][a-z0-9_]*( = .*)?;$/ &&
		    $0 !~ /^(static|extern|typedef|return) /) {
			g = $0; sub(/( = .*)?;$/, "", g); sub(/.*[ *]/, "", g)
			def[g] = m
		}
		prev = $0
		next
	}
	{
		s = $0; out = ""
		while (s != "") {
			if (incom) {
				i = index(s, "*/")
				if (i == 0) s = ""
				else { s = substr(s, i + 2); incom = 0 }
			} else {
				i = index(s, "/*")
				if (i == 0) { out = out s; s = "" }
				else { out = out substr(s, 1, i - 1) " "; s = substr(s, i + 2); incom = 1 }
			}
		}
		gsub(/"([^"\\]|\\.)*"/, "\"\"", out)
		gsub(q "([^" q "\\\\]|\\\\.)*" q, "0", out)
		gsub(/(\.|->)[ \t]*[A-Za-z_][A-Za-z0-9_]*/, "", out)
		gsub(/(enum|struct|union)[ \t]+[A-Za-z_][A-Za-z0-9_]*/, "", out)
		if (out ~ /^[ \t]*#[ \t]*include/) next
		while (match(out, /[A-Za-z_][A-Za-z0-9_]*/)) {
			t = substr(out, RSTART, RLENGTH)
			out = substr(out, RSTART + RLENGTH)
			if (file ~ /\.h$/ && out !~ /^[ \t]*\(/)
				continue	# a header: prototypes and calls only
			if (edges && file ~ /\.h$/)
				continue	# a prototype is no use of the name
			if (edges && (t in def) && (m in rank) && def[t] != m &&
			    rank[def[t]] == rank[m] && !said[m, def[t]]++)
				print m, def[t]
			else if (!edges && (t in def) && (m in rank) && (def[t] in rank) &&
			    rank[def[t]] > rank[m] && !said[file, t]++)
				print file ": names " t " (" def[t] ".c), a higher layer (" rank[m] " -> " rank[def[t]] ")"
		}
	}' "$1"/*.c "$1"/*.h "$1"/*.c "$1"/*.h
}

# Prints the files of one layer that include or name one another in a
# loop (tsort's words), or nothing: inside a layer, too, the files read
# downward (docs/ARCHITECTURE.md), so that the order of the layer's files
# is a design, not an accident.
check_circles() {
	{ EDGES=1 check_layers "$1"; EDGES=1 check_calls "$1"; } | sort -u |
		tsort 2>&1 >/dev/null | grep -v '^tsort: -: input contains a loop:$'
}

# The checker itself: an upward include and an unplaced file are caught.
mkdir "$T/core"
cp "$S"/core/*.c "$S"/core/*.h "$T/core/"
echo '#include "call.h"' >>"$T/core/isdn.c"
echo '/* new */' >"$T/core/newmod.c"
echo '/* placed by a prefix */' >"$T/core/campaign-probe.c"
printf 'int evlog_probe(void);\nint\nevlog_probe(void)\n{\n\treturn queue_find("x") != 0;\n}\n' >>"$T/core/evlog.c"
check_layers "$T/core" >"$T/bad.out"
check_calls "$T/core" >>"$T/bad.out"
grep -q '^isdn.c: includes call.h, a higher layer (1 -> 2)$' "$T/bad.out" ||
	fail "checker missed isdn.c -> call.h: $(cat "$T/bad.out")"
grep -q '^newmod.c: in no layer' "$T/bad.out" ||
	fail "checker missed an unplaced file: $(cat "$T/bad.out")"
! grep -q '^campaign-probe.c' "$T/bad.out" ||
	fail "a file placed by a prefix was refused: $(cat "$T/bad.out")"
grep -q '^evlog.c: names queue_find (queue.c), a higher layer (0 -> 3)$' "$T/bad.out" ||
	fail "checker missed evlog.c -> queue_find: $(cat "$T/bad.out")"
# A circle inside a layer: the queue calling up into the ACD's pass.
mkdir "$T/circ"
cp "$S"/core/*.c "$S"/core/*.h "$T/circ/"
printf 'int queue_probe(void);\nint\nqueue_probe(void)\n{\n\tacd_run();\n\treturn 0;\n}\n' >>"$T/circ/queue.c"
check_circles "$T/circ" >"$T/circ.out"
grep -q 'queue' "$T/circ.out" && grep -q 'acd' "$T/circ.out" ||
	fail "checker missed the circle queue.c -> acd.c -> queue.c: $(cat "$T/circ.out")"
pass "the checker refuses an upward include, an upward call, an unplaced file and a circle inside a layer"

check_layers "$S/core" >"$T/out"
[ ! -s "$T/out" ] || fail "includes against the layers:
$(cat "$T/out")"
check_calls "$S/core" >"$T/out"
[ ! -s "$T/out" ] || fail "calls against the layers:
$(cat "$T/out")"
check_circles "$S/core" >"$T/out"
[ ! -s "$T/out" ] || fail "files of one layer in a circle:
$(cat "$T/out")"
pass "core/: $(ls "$S"/core/*.c | wc -l) files, every include and call downward or beside, no circle"
