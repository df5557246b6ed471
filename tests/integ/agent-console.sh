#!/bin/sh
# agent-console.sh: the agent console (centrala-agent) in a tmux pane at
# 80x24, driven by keys, against a real core and the telco simulator: log
# in, help, not ready with a reason, ready, an offer on screen before it is
# answered, a note, hold and retrieve, resizes, hang up into wrap-up; then
# the core is killed in the middle of a second call and restarted: the
# console says so, reconnects by itself, logs in again, and the note typed
# during that call is still there. Last,
# the same console in the C locale without colours.
. "$top_srcdir/tests/integ/lib.sh"
. "$top_srcdir/tests/integ/tmux.sh"
command -v tmux >/dev/null || { echo "SKIP: no tmux"; exit 77; }

sed 's/^wrapup = 0$/wrapup = 60/' "$S/data/centrala.ini" >"$T/c.ini"
start_core -c "$T/c.ini"
console_start 80 24 "$B/centrala-agent --state-dir $T --agent 1001 --pin 1234"

must_show 10 "State NOT READY (login)" "not logged in"
wait_until 5 agent_is 1001 not_ready || fail "core: agent not logged in"
frame 24 || { cat "$T/screen.txt"; fail "80x24: title/key bar not in place"; }
shows "1001 Anna Nowak" || fail "no agent name in the title"
pass "logged in at 80x24: title, state, key bar"

keys F1
must_show 5 "Help: keys" "F1 shows no help"
shows "hold / retrieve the caller" || fail "help lists no hold key"
keys Escape
wait_until 5 hides "Help: keys" || fail "help did not close"
pass "help screen"

keys n
must_show 5 "Not ready: why?" "no reason list"
keys l
must_show 5 "State NOT READY (lunch)" "reason not shown"
wait_until 5 field_is "[a['reason'] for a in d['agents'] if a['agent']=='1001'][0]" lunch ||
	fail "core: reason not lunch"
pass "not ready, reason picked from a list"

keys r
wait_until 5 agent_is 1001 ready || fail "core: agent not ready"
must_show 5 "State READY" "ready not shown"
pass "ready"

pstn_bg --calls 1 --hold never
must_show 20 "INCOMING CALL from 600100" "no offer on screen"
shows "Caller    600100[0-9]*   dialled 2000   queue sales" || fail "offer without caller, number dialled, queue"
agent_is 1001 ringing || fail "core: agent not ringing while the offer is shown"
pass "offer shown before answering: caller, queue"

keys a
wait_until 10 field_is "[c['state'] for c in d['calls']][0]" connected || fail "core: call not connected"
wait_until 5 agent_is 1001 on_call || fail "core: agent not on call"
must_show 5 "ON CALL" "call panel not connected"
pass "answered: the call is connected"

keys e
typed "Refund asked for order 4711; call back Monday."
keys Escape
must_show 5 "Refund asked for order 4711; call back Monday." "note text not on screen"
keys o
must_show 5 "ON CALL .* HELD" "hold not shown"
shows "call on hold" || fail "hold: no status line"
keys o
wait_until 5 hides "HELD" || fail "retrieve not shown"
must_show 5 "call retrieved" "retrieve: no status line"
pass "note typed; hold and retrieve"

tmux_cmd resize-window -t c -x 120 -y 40
wait_until 5 frame 40 || { cat "$T/screen.txt"; fail "120x40: not redrawn"; }
grep -q "Call .*Note (" "$T/screen.txt" || { cat "$T/screen.txt"; fail "120x40: panels not side by side"; }
tmux_cmd resize-window -t c -x 80 -y 24
wait_until 5 frame 24 || { cat "$T/screen.txt"; fail "back to 80x24: not redrawn"; }
grep -q "Call .*Note (" "$T/screen.txt" && fail "80x24: panels still side by side"
grep -q "Note (" "$T/screen.txt" || fail "80x24: no note panel"
pass "resized to 120x40 and back: redrawn, laid out again"

keys h
must_show 10 "State WRAP-UP" "no wrap-up after hangup"
shows "CALL ENDED: you hung up" || fail "call panel does not say the call ended"
wait_until 5 agent_is 1001 wrap_up || fail "core: agent not in wrap-up"
pass "hung up: wrap-up shown"

# A second call; the core dies in the middle of it.
keys w
wait_until 5 agent_is 1001 ready || fail "core: not ready after ending wrap-up"
kill "$PSTN_PID" 2>/dev/null
pstn_bg --calls 1 --hold never
must_show 20 "INCOMING CALL" "no second offer"
keys a
must_show 5 "ON CALL" "second call not connected"
wait_until 5 hides "Refund asked" || fail "the saved note of the first call was not cleared"
keys e
typed "Second caller: address change to Łódź, ul. Piotrkowska 1."
keys Escape
kill -9 "$CORE_PID"
wait "$CORE_PID" 2>/dev/null
must_show 5 "connection to core lost" "loss of the core not shown"
shows "State OFFLINE" || fail "state not offline"
shows "Second caller: address change to Łódź" || fail "note gone when the core went"
pass "core killed mid-call: the console says the connection is lost"

start_core -c "$T/c.ini"
must_show 15 "reconnected: logged in again as 1001" "no reconnect"
wait_until 5 hides "connection to core lost" || fail "still says lost"
shows "State NOT READY (login)" || fail "state after reconnect"
shows "Second caller: address change to Łódź, ul. Piotrkowska 1." || fail "note text lost over the reconnect"
wait_until 5 agent_is 1001 not_ready || fail "core: agent not logged in again"
frame 24 || { cat "$T/screen.txt"; fail "frame after reconnect"; }
pass "core restarted: reconnected, logged in again, note kept"

keys q
wait_until 5 hides "Centrala agent console" || fail "q did not quit"
pass "quit"

# The C locale and NO_COLOR: ASCII frames, '?' for what ASCII cannot show.
tmux_cmd kill-session -t c
# No --pin: the login without one is refused (no Unix user mapping), so
# the login screen asks; a wrong PIN is refused with the core's reason.
console_start 80 24 "env LC_ALL=C LANG=C NO_COLOR=1 $B/centrala-agent --state-dir $T --agent 1002"
must_show 10 "Enter your PIN." "no PIN asked for"
typed 9999; keys Enter
must_show 10 "Login refused: wrong agent id or PIN (auth-failed)" "wrong PIN not refused"
typed 1234; keys Enter
must_show 10 "State NOT READY (login)" "1002 not logged in (C locale)"
screen | grep -q "1234\|9999" && fail "the PIN was echoed"
shows "1002 Piotr Wi?niewski" || { screen; fail "non-ASCII name not shown as '?'"; }
shows "^+- Call -*+$" || { screen; fail "no ASCII frames"; }
frame 24 || { cat "$T/screen.txt"; fail "C locale: title/key bar not in place"; }
pass "login screen: PIN asked, wrong PIN refused, not echoed; C locale, NO_COLOR: ASCII fallback"
