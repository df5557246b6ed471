#!/bin/sh
# tui-demo.sh: tui/'s widgets drawn for real (tests/tui-demo, in tmux, the
# C locale so the ASCII fallback shows): big digits, a table that fits 80
# columns and grows at 120, sorted both ways by a key, scrolled to keep
# the selection in view, filtered by text (through the ask dialog) and by
# a predicate; colours by threshold; a key bar from the keymap; a
# confirmation before quitting.
. "$top_srcdir/tests/integ/lib.sh"
. "$top_srcdir/tests/integ/tmux.sh"

row() { screen | sed -n "$1p"; }
row_is() { [ "$(row "$1" | sed 's/ *$//')" = "$2" ]; }
row_has() { row "$1" | grep -q -e "$2"; }

console_start 80 24 "LC_ALL=C $B/tests/tui-demo"
must_show 10 "tui demo: 40 of 40 agents" "the demo did not start"
row_is 3 "  ### ### # #       ### # #   ### ###" || { screen; fail "big digits: top row"; }
row_is 5 "  ###   #  #        # # ###   # # ###" || { screen; fail "big digits: middle row"; }
row_is 9 "Agent                 State       Calls  In state Skills" || { screen; fail "80 columns: header"; }
[ "$(row 10 | wc -c)" -le 81 ] || fail "80 columns: a row is wider"
row_has 24 "^F2 Sort  F3 Reverse  F4 Filter  F5 ReadyOnly  F10 Quit" || { screen; fail "key bar"; }
pass "big digits, an 80-column table, the key bar from the keymap"

# Colours (capture-pane -e keeps them): a column's colour by its
# threshold (ok green, warn yellow, alert white on red), the big digits'
# too, the selected row black on cyan.
sgr() { tmux_cmd capture-pane -e -p -t c | sed -n "$1p"; }
sgr 11 | grep -q '32m *00:37' || { sgr 11 | cat -v; fail "an ok value is not green"; }
sgr 14 | grep -q '33m *02:28' || { sgr 14 | cat -v; fail "a warn value is not yellow"; }
sgr 19 | grep -q '41m *05:33' || { sgr 19 | cat -v; fail "an alert value is not on red"; }
sgr 3 | grep -q '32m###' || { sgr 3 | cat -v; fail "big digits: 87% (ok) not green"; }
sgr 10 | grep -q '46magent01' || { sgr 10 | cat -v; fail "the selected row is not marked"; }
pass "colours by threshold, in the table and the big digits"

keys s s
wait_until 5 row_has 9 "State^" || { screen; fail "sort by state: no mark"; }
row_has 10 "^agent35  *not_ready" || { screen; fail "sort: the selection (agent01) not kept in view"; }
shows "^agent01 " || { screen; fail "sort: the selected row not in view"; }
keys Home
wait_until 5 row_has 10 "^agent03 " || { screen; fail "Home"; }
row_has 10 "^agent03  *not_ready" || { screen; fail "sort by state: first row"; }
row_has 11 "^agent07  *not_ready" || { screen; fail "sort by state: ties not kept in order"; }
keys v
wait_until 5 row_has 9 "Statev" || { screen; fail "reverse: no mark"; }
keys Home
wait_until 5 row_has 10 "^agent04 " || { screen; fail "Home"; }
row_has 10 "^agent04  *wrap_up" || { screen; fail "reverse: first row"; }
pass "sorted by a column, both ways, stable; the selection kept in view"

keys End
must_show 5 "agent39 *not_ready" "End: the last row not scrolled into view"
hides "agent04 " || fail "End: the first row still shown"
keys Home
must_show 5 "agent04 *wrap_up" "Home: back to the top"
pass "scrolls to keep the selection in view"

keys /
must_show 5 "text in any column" "no filter dialog"
typed "agent1"
keys Enter
must_show 5 "tui demo: 10 of 40 agents" "text filter"
shows "filter: 'agent1'" || fail "status line"
keys r
must_show 5 "tui demo: 2 of 40 agents" "text and predicate"
row_has 10 "^agent13 *ready" || { screen; fail "filtered rows"; }
row_has 11 "^agent17 *ready" || { screen; fail "filtered rows"; }
pass "filtered by text (ask dialog) and by a predicate"

tmux_cmd resize-window -t c -x 120 -y 30
wait_until 5 row_has 9 "Agent                                 *State" || { screen; fail "120 columns: the wide columns do not grow"; }
row_has 10 "^agent13 .\{64\}ready$" || { screen; fail "120 columns: the Skills column does not move right"; }
pass "a wider terminal: the growing columns take the room"

keys q
must_show 5 "Leave the demo?" "no confirmation"
keys n
wait_until 5 hides "Leave the demo?" || fail "n did not close it"
keys q
must_show 5 "Leave the demo?" "no confirmation"
keys y
wait_until 5 hides "tui demo" || fail "y did not quit"
pass "quit asks first"
