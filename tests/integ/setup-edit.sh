#!/bin/sh
# setup-edit.sh: `centrala setup --section queue` on an existing config
# that has the admin's comments, an inline comment, an unknown key and an
# [x-...] section of their own, while a core runs on it: a wrong wrap-up
# is refused as typed; a new queue that no agent serves is refused at the
# summary (nothing written) and deleted; sales' wrap-up is changed and
# written: the comments, the unknown key and section survive, the old file
# is kept as .bak, and the running core reloads (show-config says 45).
. "$top_srcdir/tests/integ/lib.sh"
. "$top_srcdir/tests/integ/tmux.sh"
command -v tmux >/dev/null || { echo "SKIP: no tmux"; exit 77; }

"$B/centrala" setup --help >"$T/help.out" 2>&1 || fail "setup --help fails"
grep -q -- "--section KIND" "$T/help.out" && grep -q "queue, menu" "$T/help.out" ||
	fail "setup --help: $(cat "$T/help.out")"
"$B/centrala" setup --section spam >"$T/bad.out" 2>&1
[ $? = 2 ] && grep -q 'no section kind "spam"' "$T/bad.out" || fail "a bad --section: $(cat "$T/bad.out")"
pass "setup --help lists the kinds; a bad --section is refused"

C="$T/c.ini"
# 30 codes: 148 characters, more than a field of the wizard holds.
LONG=$(seq -f 'd%02g' 1 30 | paste -s -d, - | sed 's/,/, /g')
{
	echo "; Acme call center -- edited by hand, keep this line"
	sed -e "s|^state_dir = state\$|state_dir = $T|" \
	    -e 's|^\[queue sales\]$|# sales: the main line\n[queue sales]|' \
	    -e 's|^sl_target = 20$|sl_target = 20   ; agreed with Acme|' \
	    -e "s|^title = Sales\$|title = Sales\ncolour = blue\ndispositions = $LONG|" "$S/data/centrala.ini"
	printf '\n[x-local notes]\nowner = ops team\n'
} >"$C"
grep -q "^state_dir = $T\$" "$C" || fail "test config not made"
cp "$C" "$T/orig.ini"
start_core -c "$C"
[ "$(ctl show-config | sed -n '/^\[queue sales\]/,/^\[/s/^wrapup = //p')" = 0 ] || fail "sales' wrapup is not 0 at start"

console_start 80 24 "${SETUP_WRAPPER:-} $B/centrala setup --config $C --section queue; echo setup-exit=\$?; sleep 600"
must_show 10 "Queues: strategy" "the queue list is not shown"
shows "\[queue sales\]" || { screen; fail "sales not listed"; }
# fits KEYS: the title on row 1 and the key bar KEYS on row 24 (80x24).
fits() { screen >"$T/s.txt"; head -n 1 "$T/s.txt" | grep -q "^ Centrala setup  *$C\$" &&
	sed -n 24p "$T/s.txt" | grep -q "^$1"; }
fits "Enter Edit  Ins Add  Del Delete  Esc Back/next" || { screen; fail "the list does not fit 80x24"; }
keys Down Enter
must_show 5 "\[queue sales\]: Queues" "no editor of sales"
shows "title  *Sales\$" || { screen; fail "sales' title not read from the file"; }
# A key not in the section: said, the choice kept.
find_key nosuchkey; must_show 5 "no key holding \"nosuchkey\" in this section" "a missing key not said"
find_key wrapup; keys Enter
must_show 5 "\[queue sales\] wrapup" "no question for wrapup"
keys C-u; typed 99999; keys Enter
must_show 5 "out of range (0 to 3600)" "wrapup 99999 not refused"
keys Enter
keys Enter; must_show 5 "\[queue sales\] wrapup" "no question for wrapup"
keys C-u; typed 45; keys Enter
must_show 5 "wrapup  *45\$" "wrapup 45 not taken"
# dispositions is too long for a field: not offered.
find_key dispositions; keys Enter
must_show 5 "Too long to edit here" "a value longer than a field was offered for editing"
keys Enter
keys Escape; must_show 5 "+ Add a new queue" "not back at the list"
pass "sales edited: 99999 refused as typed, 45 taken"

# A queue nobody serves: refused at the summary, nothing written.
keys a; typed empty; keys Enter
must_show 5 "\[queue empty\]: Queues" "no editor of the new queue"
keys Escape; keys Escape; must_show 5 "Sections:" "not at the section menu"
keys w; must_show 15 "no agent can serve it" "a queue nobody serves not said at the summary"
keys w; must_show 15 "Not written" "written with a queue nobody serves"
cmp -s "$C" "$T/orig.ini" || fail "the file changed though refused"
keys Enter Escape
must_show 5 "Sections:" "not back at the menu"
keys Down Down Down Enter; must_show 5 "\[queue empty\]" "not at the queue list"
keys End d; must_show 5 "Delete" "no delete question"
keys y; wait_until 5 hides "^ *\[queue empty\] *$" || { screen; fail "queue empty not deleted"; }
pass "a queue no agent serves: refused at the summary, nothing written, deleted"

# A skill nobody has: sales cannot be served either; then back to the
# default (no skills) with Del.
keys Home Down Enter; must_show 5 "\[queue sales\]: Queues" "no editor of sales"
find_key skills; keys Enter
must_show 5 "\[queue sales\] skills" "no question for skills"
typed french:5; keys Enter; must_show 5 "skills  *french:5\$" "skills not taken"
keys Escape Escape; must_show 5 "Sections:" "not at the menu"
keys w; must_show 15 "no agent can serve it (none of its agents has the" "a skill nobody has not said"
keys Escape; must_show 5 "Sections:" "not at the menu"
keys Home Down Down Down Enter Home Down Enter; must_show 5 "\[queue sales\]: Queues" "no editor of sales"
find_key skills; keys x
must_show 5 "skills  *\"\"   (default)" "skills not back to the default"
keys Escape Escape; must_show 5 "Sections:" "not at the menu"
pass "a queue whose skills no agent has: refused at the summary"

# The span's caller id: written, and said to wait for a restart.
keys Home Down Enter; must_show 5 "\[span e1a\]\$" "no span list"
keys Home Down Enter; must_show 5 "\[span e1a\]: Spans" "no span editor"
find_key caller_id; keys Enter; must_show 5 "\[span e1a\] caller_id" "no question for caller_id"
keys C-u; typed 225550199; keys Enter; must_show 5 "caller_id  *225550199" "caller_id not taken"
keys Escape Escape
must_show 5 "Sections:" "not at the menu"
keys w; must_show 15 "complete and right" "the summary's check fails"
keys w; must_show 15 "Written" "not written"
shows "reload: the running core took the new file" || { screen; fail "no reload said"; }
shows "applied: \[queue sales\] wrapup" || { screen; fail "the queue's change not said applied"; }
shows "needs a restart: \[span e1a\] caller_id" || { screen; fail "the span's restart not said"; }
shows "\[queue support\]" && { screen; fail "an unchanged queue said changed"; }
keys Enter q; must_show 5 "setup-exit=0" "the wizard did not end"

sed -n '/^\[queue sales\]/,/^\[/p' "$C" | grep -q '^wrapup = 45$' || fail "the file lacks wrapup = 45 in sales"
head -n 1 "$C" | grep -q "^; Acme call center -- edited by hand, keep this line\$" || fail "the first comment is gone"
grep -q '^# sales: the main line$' "$C" || fail "the comment above sales is gone"
grep -q '^sl_target = 20   ; agreed with Acme$' "$C" || fail "the inline comment is gone"
grep -q '^colour = blue$' "$C" || fail "the unknown key is gone"
grep -q "^dispositions = $LONG\$" "$C" || fail "the long value was not kept whole"
grep -A1 '^\[x-local notes\]$' "$C" | grep -q '^owner = ops team$' || fail "the admin's own section is gone"
grep -q '^\[queue empty\]' "$C" && fail "the deleted queue was written"
[ "$(diff "$T/orig.ini" "$C" | grep -c '^[<>]')" = 4 ] || fail "more than the two lines changed: $(diff "$T/orig.ini" "$C")"
grep -q '^caller_id = 225550199$' "$C" || fail "the span's caller_id not written"
cmp -s "$C.bak" "$T/orig.ini" || fail "no .bak of the old file"
pass "written: the two lines changed; comments, the unknown key and [x-local notes] kept; .bak kept"

wait_until 10 sh -c "[ \"\$('$B/centrala-ctl' --state-dir '$T' show-config | sed -n '/^\[queue sales\]/,/^\[/s/^wrapup = //p')\" = 45 ]" ||
	fail "the running core did not take wrapup 45"
grep -q "configuration reloaded" "$T/log/core.log" || fail "no reload in the core's log"
pass "the running core reloaded: sales' wrapup is 45"
