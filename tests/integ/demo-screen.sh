#!/bin/sh
# demo-screen.sh: `centrala demo` on a terminal (a tmux pane of the test,
# TMUX unset as in a plain shell): its own tmux shows the supervisor's
# live view beside an agent console, and says how to join. The numbers
# move and a queue builds (the scripted agents' break wave), callers
# abandon, calls go through the voice menu; the user logs in as the
# reserved agent 1100 in the agent pane, is offered a call, answers it and
# hangs up (keys through both tmux). One Ctrl-C stops everything in order:
# no process left, every call closed with its CDR, every session closed.
# Then inside a tmux ($TMUX set): a new window of that tmux, not a nested
# one; leaving the supervisor (q) stops the demo, and the window and the
# Ctrl-C binding go with it. Last, --no-tmux or no tmux: headless, saying
# so.
. "$top_srcdir/tests/integ/lib.sh"
. "$top_srcdir/tests/integ/tmux.sh"
command -v tmux >/dev/null || { echo "SKIP: no tmux"; exit 77; }

console_start 200 50 "env -u TMUX $B/centrala-demo --state-dir $T; echo demo-exit=\$?"
must_show 60 "Supervisor: queues and agents live" "no demo screen"
must_show 30 "Centrala supervisor .* live" "the supervisor is not live"
shows "You: agent 1100, PIN 1234" || { screen; fail "the agent pane does not say how to join"; }
shows "Join as an agent: 1100, PIN 1234 in the agent pane" || { screen; fail "no status line"; }
shows "Ctrl-C: stop everything" || { screen; fail "the status line does not say how to stop"; }
shows "Agent login" || { screen; fail "no login form in the agent pane"; }
[ "$(tmux_cmd list-panes -t c | wc -l)" = 1 ] || fail "the test's tmux got panes: not the demo's own tmux"
pass "the demo's own tmux: supervisor and agent console side by side, keys and login said"

# The queues table (left pane): a column summed over the three queues.
col_sum() { screen | awk -v c="$1" '$1 ~ /^(sales|support|billing)$/ { n += $c } END { print n + 0 }'; }
col_ge() { [ "$(col_sum "$1")" -ge "$2" ]; }
wait_until 60 col_ge 5 3 || { screen; fail "no answered calls on screen"; }
ANSW=$(col_sum 5)
wait_until 60 col_ge 5 $((ANSW + 3)) || { screen; fail "answered stays at $ANSW"; }
wait_until 90 col_ge 2 1 || { screen; fail "no caller ever waits on screen"; }
wait_until 90 shows "not_ready  *break" || { screen; fail "no scripted agent on a break"; }
pass "numbers move (answered $ANSW, then $(col_sum 5)); callers wait while agents are on a break"

typed 1100; keys Enter
typed 1234; keys Enter
must_show 20 "1100 You (demo)" "login as 1100 not shown"
wait_until 20 agent_is 1100 not_ready || fail "core: 1100 not logged in"
# Ready: with callers waiting, the offer may follow at once, so the
# offer on screen is what is waited for (the core says ringing meanwhile).
keys r
must_show 120 "INCOMING CALL from" "no call offered to the user"
agent_is 1100 ringing || fail "core: 1100 not ringing while offered"
keys a
wait_until 20 agent_is 1100 on_call || fail "core: 1100 not on the call"
must_show 10 "ON CALL" "the call is not shown connected"
keys h
wait_until 20 sql_ge "select count(*) from cdr where agent = '1100'" 1 || fail "no CDR for 1100's call"
pass "the user logged in as 1100, was offered a call, answered and hung up"

wait_until 120 col_ge 6 1 || { screen; fail "no abandoned call on screen"; }
wait_until 60 sql_ge "select count(*) from cdr where ivr like 'demo>%'" 1 || fail "no call through the menu"
pass "abandons: $(col_sum 6); calls through the voice menu: $(sql "select count(*) from cdr where ivr like 'demo>%'")"

keys C-c
must_show 120 "demo-exit=0" "the demo did not end (exit 0) on one Ctrl-C"
shows "stopping" || { screen; fail "no word of the stop"; }
grep -q "^stopping: the telco first" "$T/log/demo.out" || fail "demo.out: no ordered stop"
grep -q "SIGKILL" "$T/log/demo.out" && fail "the demo killed something"
grep -q "core stopped" "$T/log/core.log" || fail "the core did not stop in order"
# left DIR: the processes of a demo on DIR still there (its programs, and
# its own tmux server).
left() { pgrep -a -f "^([^ ]*/centrala-[a-z]+ .*|tmux -S )$1/"; }
left "$T" && fail "processes left"
PLACED=$(sed -n 's/^summary placed=\([0-9]*\).*/\1/p' "$T/log/pstn.log" | tail -n 1)
[ -n "$PLACED" ] && [ "$PLACED" -gt 0 ] || fail "no pstn summary"
[ "$(sql 'select count(*) from cdr')" = "$PLACED" ] || fail "CDRs $(sql 'select count(*) from cdr'), placed $PLACED"
[ "$(sql "select count(*) from cdr where cause > 0 and cleared_by <> ''")" = "$PLACED" ] || fail "CDRs without a cause"
[ "$(sql 'select count(*) from calls_open')" = 0 ] || fail "calls left open"
[ "$(sql 'select count(*) from sessions where logout_ms = 0')" = 0 ] || fail "sessions left open"
[ "$(sql 'select stopped_ms > 0 from heartbeat')" = 1 ] || fail "no orderly stop in the heartbeat"
pass "one Ctrl-C: everything stopped in order, nothing left; $PLACED calls, $PLACED CDRs, none open"

# Inside a tmux: the demo's screen is a window of it.
U="$T/u"
# The test's window gets a name of its own (tmux would name it after the
# program, centrala-demo, as the demo names its window).
# New windows of the session are 80x24 from now on.
tmux_cmd set -w -t c:0 automatic-rename off \; rename-window -t c:0 shell \; \
	set -t c default-size 80x24 || fail "rename"
tmux_cmd respawn-pane -k -t c "$B/centrala-demo --state-dir $U; echo demo-exit=\$?" || fail "respawn"
wait_until 60 sh -c "tmux -L $TMUX_SOCK list-windows -t c | grep -q centrala-demo" || fail "no centrala-demo window"
demo_win() { tmux_cmd capture-pane -p -t c:centrala-demo.0; }
wait_until 30 sh -c "tmux -L $TMUX_SOCK capture-pane -p -t c:centrala-demo.0 | grep -q 'Centrala supervisor .* live'" ||
	{ demo_win; fail "the window has no live supervisor"; }
[ "$(tmux_cmd list-panes -t c:centrala-demo | wc -l)" = 2 ] || fail "the window has not two panes"
# 80x24 (the session's new windows are): the agent console below the
# supervisor, with the rows it needs.
[ "$(tmux_cmd display -p -t c:centrala-demo '#{window_width}x#{window_height}')" = 80x24 ] ||
	fail "the demo's window is not 80x24"
wait_until 30 sh -c "tmux -L $TMUX_SOCK capture-pane -p -t c:centrala-demo.1 | grep -q 'Agent login'" ||
	{ tmux_cmd capture-pane -p -t c:centrala-demo.1; fail "80x24: no login form in the agent pane"; }
[ "$(tmux_cmd display -p -t c:centrala-demo.1 '#{pane_width} #{pane_top}')" = "80 11" ] ||
	fail "80x24: the agent pane is not below the supervisor: $(tmux_cmd display -p -t c:centrala-demo.1 '#{pane_width} #{pane_top}')"
tmux_cmd list-keys -T root | grep -q "C-c" || fail "Ctrl-C not bound for the demo's window"
[ -e "$U/run/tmux.sock" ] && fail "a tmux of its own inside tmux"
pass "inside tmux: a new window with the supervisor and the agent console, fitted to 80x24"

tmux_cmd send-keys -t c:centrala-demo.0 q
wait_until 120 sh -c "tmux -L $TMUX_SOCK capture-pane -p -t c:0 | grep -q demo-exit=0" ||
	{ tmux_cmd capture-pane -p -t c:0; fail "leaving the supervisor did not end the demo"; }
tmux_cmd capture-pane -p -t c:0 | grep -q "you quit the supervisor: stopping" || fail "the stop was not said"
tmux_cmd list-windows -t c | grep -q centrala-demo && fail "the demo's window is still there"
tmux_cmd list-keys -T root | grep -q "C-c" && fail "Ctrl-C is still bound"
[ "$(sqlite3 "$U/centrala.db" 'select count(*) from calls_open')" = 0 ] || fail "calls left open"
left "$U" && fail "processes left"
pass "q in the supervisor: the demo stopped, its window and key binding gone"

# On a terminal but --no-tmux, or with no tmux to be found: headless, and
# it says why (not on a terminal: demo-stop.sh); Ctrl-C stops it there.
H="$T/h"
# headless_run ENV ARGS WHAT: the demo on a terminal of its own (tmux
# session "h"), until a summary line, then Ctrl-C; its screen in h.txt.
pane_h() { tmux_cmd capture-pane -p -t h; }
pane_h_shows() { pane_h | grep -q -e "$1"; }
headless_run() {
	tmux_cmd new-session -d -s h -x 200 -y 50 "$1 $B/centrala-demo --state-dir $H $2; echo demo-exit=\$?" || fail "tmux session h"
	wait_until 60 pane_h_shows "^00:0[0-9]  offered" || { pane_h; fail "$3: no summary line"; }
	tmux_cmd send-keys -t h C-c
	tmux_cmd list-windows -t h >"$T/windows.txt"
	wait_until 60 pane_h_shows "demo-exit=0" || { pane_h; fail "$3: Ctrl-C did not end the demo"; }
	pane_h >"$T/h.txt"
	tmux_cmd kill-session -t h
}
headless_run "" --no-tmux "--no-tmux"
grep -q "^No screen (--no-tmux)" "$T/h.txt" || { cat "$T/h.txt"; fail "--no-tmux: not said"; }
grep -q "Agent 1100 (PIN 1234) is yours: centrala agent --state-dir" "$T/h.txt" || fail "--no-tmux: how to join not said"
[ "$(wc -l <"$T/windows.txt")" = 1 ] || fail "--no-tmux: a window was opened"
headless_run "env PATH=/nonexistent" "" "no tmux"
grep -q "^No screen (tmux is not installed" "$T/h.txt" || { cat "$T/h.txt"; fail "no tmux: not said"; }
[ "$(sqlite3 "$H/centrala.db" 'select count(*) from calls_open')" = 0 ] || fail "headless: calls left open"
pass "--no-tmux, or no tmux: headless, saying so and how to join; Ctrl-C stops it"
