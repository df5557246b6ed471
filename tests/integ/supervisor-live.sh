#!/bin/sh
# supervisor-live.sh: the supervisor console (centrala-supervisor) in a
# tmux pane at 80x24 against a real core, scripted agents and the telco
# simulator: the queues table shows what the core's status says (callers
# waiting, agents ready), the agents table the agents' states and calls;
# supervisor actions (agent-state ready and not ready, a message, from keys
# and dialogs) change the agent's state in the core and on its console;
# an agent asking for help stands out; a wrong PIN is refused.
. "$top_srcdir/tests/integ/lib.sh"
. "$top_srcdir/tests/integ/tmux.sh"
command -v tmux >/dev/null || { echo "SKIP: no tmux"; exit 77; }

start_core
start_bots 1001 --talk 600
# Agent 1002 at an agent console (tmux session "a"): it stays not ready.
tmux_cmd new-session -d -s a -x 80 -y 24 \
	"$B/centrala-agent --state-dir $T --agent 1002 --pin 1234" || fail "tmux"
agent_screen() { tmux_cmd capture-pane -p -t a; }
agent_shows() { agent_screen | grep -q -e "$1"; }
wait_until 20 agents_in ready 1 || fail "bot not ready"
wait_until 20 agent_is 1002 not_ready || fail "agent console not logged in"
console_start 80 24 "$B/centrala-supervisor --state-dir $T"
must_show 10 "Centrala supervisor .* live" "console not live"
# It asks for its events on a pipe (half a socket's cost to the core).
wait_until 10 field_is "d['core']['clients_piped']" 1 ||
	fail "the console's events are not on a pipe: $(status_field "d['core']")"
must_show 5 "^1001 .*ready" "agent 1001 not shown ready"
must_show 5 "^1002 .*not_ready *login" "agent 1002 not shown not ready"
shows "^sales .* 1 *0 *0 *1 *$" || { screen; fail "sales: 1 ready, 1 not ready not shown"; }
shows "^F1 Help " || fail "no key bar"
# The SL goal is the queue's sl_percent, which status gives.
field_is "[q['sl_percent'] for q in d['queues'] if q['name']=='billing'][0]" 90 ||
	fail "status: billing's sl_percent not 90"
shows "^billing .* -/90 " || { screen; fail "billing: SL goal 90 not shown"; }
pass "live at 80x24: queues and agents from status"

# Actions on agent 1002, from the selected row: ready, then not ready.
keys /
must_show 5 "Find agents" "no find dialog"
typed 1002; keys Enter
wait_until 5 hides "^1001 " || { screen; fail "filter did not hide 1001"; }
keys r
wait_until 10 agent_is 1002 ready || fail "core: 1002 not made ready"
must_show 5 "^1002 .* ready " "1002 not shown ready"
wait_until 5 agent_shows "State READY" || { agent_screen; fail "agent console: not ready"; }
keys n
must_show 5 "Agent 1002 not ready: reason" "no reason dialog"
keys BSpace BSpace BSpace BSpace BSpace
typed lunch; keys Enter
# The confirmation stays 8 s on the status line: look for it first.
must_show 5 "agent 1002 not_ready: done" "no confirmation on the status line"
wait_until 10 agent_is 1002 not_ready || fail "core: 1002 not made not ready"
field_is "[a['reason'] for a in d['agents'] if a['agent']=='1002'][0]" lunch ||
	fail "core: reason not lunch"
must_show 5 "^1002 .*not_ready *lunch" "1002 not shown not ready (lunch)"
wait_until 5 agent_shows "State NOT READY (lunch)" || { agent_screen; fail "agent console: not lunch"; }
pass "agent-state from the console: 1002 ready, then not ready (lunch), in the core and on its console"

# A message to the agent.
keys m
must_show 5 "Message to agent 1002" "no message dialog"
typed "Please call me back"; keys Enter
must_show 5 "message to 1002: done" "message not confirmed"
wait_until 5 agent_shows "Please call me back" || { agent_screen; fail "agent console: no message"; }
pass "message to an agent: on its console"

# The agent raises a hand: it stands out (banner, state), and the state
# filter "help" shows only such agents.
tmux_cmd send-keys -t a '!'
must_show 10 "HELP asked by 1002" "no help banner"
shows "^1002 .*HELP! not_ready" || { screen; fail "1002's row does not say HELP!"; }
pass "help asked: banner and row"

# Traffic: 1001 takes one call and talks; two callers wait in sales.
keys /
must_show 5 "Find agents" "no find dialog"
keys BSpace BSpace BSpace BSpace Enter
must_show 5 "^1001 " "filter not cleared"
pstn_bg --calls 3 --hold never
wait_until 30 field_is "[q['waiting'] for q in d['queues'] if q['name']=='sales'][0]" 2 ||
	fail "core: two callers not waiting"
# screen_matches: the sales row's Wait and Ready equal the core's status.
screen_matches() {
	_s=$(screen | awk '$1 == "sales" { print $2, $7 }')
	_c=$(status_field "[str(q['waiting'])+' '+str(q['agents_ready']) for q in d['queues'] if q['name']=='sales'][0]")
	[ "$_s" = "$_c" ] && [ "$_s" = "2 0" ]
}
wait_until 10 screen_matches || { screen; status_field "d['queues']"; fail "sales row differs from status"; }
must_show 5 "^1001 .*on_call .* 600100[0-9]* sales" "1001 not shown on a call"
must_show 5 "^sales .* [1-9][0-9]*s " "no longest wait"
shows "ALERT queue sales" || { screen; fail "no alert banner: 2 waiting, nobody ready"; }
pass "2 waiting, 0 ready as the core says; 1001 on a call; alert banner"

# Enter on a queue filters the agents by it; then 1002 is moved among its
# queues and logged out.
keys Tab
keys Enter
must_show 5 "filter: all/" "Enter on a queue: no queue filter"
keys Enter
wait_until 5 hides "filter: all/" || fail "Enter again: filter not dropped"
keys Tab
keys /
must_show 5 "Find agents" "no find dialog"
typed 1002; keys Enter
wait_until 5 hides "^1001 " || { screen; fail "filter did not hide 1001"; }
keys u
must_show 5 "Queues of agent 1002" "no queues dialog"
keys Enter
must_show 5 "queues to 1002: done" "agent-queues not confirmed"
keys o
must_show 5 "Log agent 1002 out" "no logout confirmation"
keys y
wait_until 10 agent_is 1002 logged_out || fail "core: 1002 not logged out"
must_show 5 "^1002 .*logged_out" "1002 not shown logged out"
pass "queue filter by Enter; agent-queues; logout with confirmation"

tmux_cmd resize-window -t c -x 120 -y 40
# wide: the agents table's header spans the wider terminal.
wide() { screen | awk '/^Agent /{ if (length($0) >= 110) f = 1 } END { exit !f }'; }
wait_until 5 wide || { screen; fail "120x40: not laid out again"; }
keys q
wait_until 5 hides "Centrala supervisor" || fail "q did not quit"
pass "bigger terminal, quit"

# A wrong PIN: the console says why and exits.
tmux_cmd kill-session -t c
console_start 80 24 "$B/centrala-supervisor --state-dir $T --user super --pin 0000; echo rc=\$?; read x"
must_show 10 "centrala supervisor: login refused: auth-failed" "wrong PIN not refused"
shows "^rc=1" || { screen; fail "exit status not 1"; }
pass "wrong PIN: refused, exit 1"

# The right one: a supervisor user.
tmux_cmd kill-session -t c
console_start 80 24 "$B/centrala-supervisor --state-dir $T --user super --pin 4321"
must_show 10 "Centrala supervisor  super .* live" "super not logged in"
pass "logged in as supervisor super"
