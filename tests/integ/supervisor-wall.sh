#!/bin/sh
# supervisor-wall.sh: `centrala supervisor --wallboard` in tmux at 80x24
# against a real core with callers waiting: the big digits of each queue
# (decoded from the screen by supwall.py) equal the core's status
# (waiting, agents available); the message line shows; then the core is
# killed and started again: the wallboard says so, reconnects by itself
# and shows the figures of the new core.
. "$top_srcdir/tests/integ/lib.sh"
. "$top_srcdir/tests/integ/tmux.sh"
command -v tmux >/dev/null || { echo "SKIP: no tmux"; exit 77; }

start_core
start_bots 1001 --talk 600
wait_until 20 agents_in ready 1 || fail "bot not ready"
pstn_bg --calls 3 --hold never
wait_until 30 field_is "[q['waiting'] for q in d['queues'] if q['name']=='sales'][0]" 2 ||
	fail "core: two callers not waiting"
console_start 80 24 "$B/centrala-supervisor --state-dir $T --wallboard --message 'Team meeting at 15:00'"
must_show 10 "Centrala wallboard .* live  page 1/1" "no wallboard"
shows "Team meeting at 15:00" || fail "no message line"

# board_matches: every queue's big WAITING and AVAILABLE equal status.
board_matches() {
	screen | python3 "$S/tests/integ/supwall.py" 80 | sort >"$T/board.txt"
	status_field "'\n'.join('%s %d %d' % (q['name'], q['waiting'], q['agents_ready']) for q in d['queues'])" |
		sort >"$T/status.txt"
	[ -s "$T/board.txt" ] && cmp -s "$T/board.txt" "$T/status.txt"
}
wait_until 10 board_matches || { screen; cat "$T/board.txt" "$T/status.txt"; fail "wallboard differs from status"; }
grep -q "^sales 2 0$" "$T/board.txt" || { cat "$T/board.txt"; fail "sales not 2 waiting, 0 available"; }
pass "wallboard at 80x24: big digits per queue equal the status (sales 2 waiting)"

# The core dies and comes back.
kill -9 "$CORE_PID"
wait "$CORE_PID" 2>/dev/null
must_show 10 "NOT CONNECTED to the core" "loss of the core not shown"
shows "OFFLINE" || fail "title does not say offline"
pass "core killed: the wallboard says so"

start_core
must_show 20 "Centrala wallboard .* live" "wallboard did not reconnect"
wait_until 5 hides "NOT CONNECTED" || fail "still says not connected"
wait_until 20 agents_in ready 1 || fail "bot not back"
wait_until 10 board_matches || { screen; cat "$T/board.txt" "$T/status.txt"; fail "after restart: wallboard differs from status"; }
pass "core restarted: reconnected, figures from the new core"

# Pages turn when the queues do not fit.
tmux_cmd resize-window -t c -x 80 -y 12
must_show 5 "page [1-3]/3" "no pages at 80x12"
_page=$(screen | sed -n 's/.*page \([1-3]\)\/3.*/\1/p')
wait_until 20 hides "page $_page/3" || { screen; fail "pages do not turn"; }
shows "page [1-3]/3" || fail "pages lost"
keys w
must_show 5 "Centrala supervisor" "w: no live view"
pass "pages at 80x12; w to the live view"
