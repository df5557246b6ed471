#!/bin/sh
# man-keys.sh: centrala.ini(5) is written from the config table at build
# time (lib/config-man.c): every row of lib/config-table.c has its entry
# under its own section, saying whether a reload applies it, and the built
# page is not stale (the same as writing it again from the table now).
. "$(dirname "$0")/lib.sh"

man="$B/man/centrala.ini.5"
[ -f "$man" ] || fail "no $man: not built"
"$B/lib/config-man" --keys >"$T/table" || fail "config-man --keys"
[ "$(wc -l <"$T/table")" -gt 100 ] || fail "the table lists $(wc -l <"$T/table") keys"

# "SECTION KEY" for each entry of the page: .B KEY after .TP under .SS [SECTION ...].
awk '/^\.SS \[/ { s = substr($2, 2); sub(/\]$/, "", s) }
     /^\.SH/ { s = "" }
     prev == ".TP" && /^\.B / && s != "" { print s, $2 }
     { prev = $0 }' "$man" | sed 's/\\-/-/g' >"$T/page"
missing=$(sort "$T/table" | comm -23 - "$(sort "$T/page" >"$T/page.s"; echo "$T/page.s")")
[ -z "$missing" ] || fail "keys in the table but not in centrala.ini(5): $missing"
extra=$(sort "$T/table" | comm -13 - "$T/page.s")
[ -z "$extra" ] || fail "keys in centrala.ini(5) but not in the table: $extra"
pass "centrala.ini(5) has each of the table's $(wc -l <"$T/table") keys under its section"

"$B/lib/config-man" "$S/man/centrala.ini.5.in" >"$T/fresh.5" || fail "config-man on the template"
cmp -s "$T/fresh.5" "$man" || fail "the built centrala.ini(5) is stale: $(diff "$man" "$T/fresh.5" | head -5)"
[ "$(grep -c 'A change needs a restart\.' "$man")" -ge 3 ] || fail "no key says it needs a restart"
grep -A2 '^\.B log_file$' "$man" | grep -q 'A reload applies a change' || fail "log_file not said to apply at reload"
groff -man -ww -Tutf8 -z "$man" >"$T/groff" 2>&1 && [ ! -s "$T/groff" ] || fail "groff warns: $(head -3 "$T/groff")"
pass "the built page is the table's now, says reload or restart, and groff is silent"

# A template that leaves a section out is refused, naming it.
grep -v '^@KEYS retention@$' "$S/man/centrala.ini.5.in" >"$T/bad.in"
if "$B/lib/config-man" "$T/bad.in" >/dev/null 2>"$T/bad.err"; then fail "a template without [retention] accepted"; fi
grep -q 'section "retention" placed 0 times' "$T/bad.err" || fail "unclear: $(cat "$T/bad.err")"
pass "a template missing a section's keys is an error naming it"
