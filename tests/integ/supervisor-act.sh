#!/bin/sh
# supervisor-act.sh: the supervisor console (as user "super", whose audio
# is the line phone:700200) in tmux at 80x24 against a real core, a
# scripted agent (1001, team north, talks long), agent 1025 (team nightshift,
# taking billing only) held by a protocol session, and callers from the
# telco simulator. The agents table shows each agent's call (number,
# queue, duration), calls today and AHT as the core's status says; the
# team filter keeps one team; a waiting call is moved from the console to
# another queue, then offered to 1025 by name (call-move), and goes where
# it was sent; listen and stop on 1001's call are monitor events naming
# super; a team message reaches that team's agents only; each action is
# a supervisor_action row naming super. The help lists the new keys; the
# campaigns table says there are none.
. "$top_srcdir/tests/integ/lib.sh"
. "$top_srcdir/tests/integ/tmux.sh"
command -v tmux >/dev/null || { echo "SKIP: no tmux"; exit 77; }

# The teams are the agents' `team` keys: 1001 and 1002 north (as in
# data/centrala.ini), 1025 a team only this file names, so the console's
# team list can only have it from the configuration.
sed -e '/^\[agent 1025\]$/,/^$/s/^team = south$/team = nightshift/' \
    -e '/^\[user super\]$/a audio = phone:700200' "$S/data/centrala.ini" >"$T/c.ini"
grep -q '^team = nightshift$' "$T/c.ini" || fail "1025's team not set"
sed '/^\[agent 1025\]$/,/^$/s/^team = nightshift$/team = south west/' "$T/c.ini" >"$T/bad.ini"
if "$B/centrala-core" -n -c "$T/bad.ini" >"$T/out" 2>&1; then fail "a bad team name accepted"; fi
grep -q "$T/bad.ini: \[agent 1025\] team: \"south west\" is not a team name" "$T/out" ||
	fail "bad team: $(cat "$T/out")"
pass "a bad team name: file, section and key named"
start_core -c "$T/c.ini"
start_bots 1001 --talk 600
wait_until 20 agents_in ready 1 || fail "bot not ready"
# Agent 1025, billing only: offered only what is sent to it by name; it
# answers, then hangs up when told (file $T/hangup).
PYTHONPATH="$S/tests/integ" python3 - "$T" >"$T/z.log" 2>&1 <<'PY' &
import os, sys
from czclient import Session, until
t = sys.argv[1]
z = Session(t + "/run/centrala.sock", {"agent": "1025", "pin": "1234", "queues": "billing"})
z.ok("ready")
z.ok("help", on=True, text="caller asks for a refund")
call = z.event("offer", timeout=300)["call"]
open(t + "/offered", "w").write(call)
z.ok("accept", call=call)
z.event("call_connected", call=call, timeout=30)
until(lambda: os.path.exists(t + "/hangup"), 300, "told to hang up")
z.ok("hangup", call=call)
until(lambda: os.path.exists(t + "/quit"), 300, "told to quit")
PY
PIDS="$PIDS $!"
wait_until 20 agent_is 1025 ready || { cat "$T/z.log"; fail "1025 not ready"; }
pstn_bg --calls 2 --rate 1 --hold never --dnis 2000
wait_until 30 field_is "[q['waiting'] for q in d['queues'] if q['name']=='sales'][0]" 1 ||
	fail "core: one caller not waiting in sales"
wait_until 10 agent_is 1001 on_call || fail "1001 not on a call"

console_start 80 24 "$B/centrala-supervisor --state-dir $T --user super --pin 4321"
must_show 10 "Centrala supervisor  super .* live" "console not live"
must_show 5 "^1001 .*on_call .* 600100[0-9]* sales [0-9]*:[0-9][0-9] " \
	"1001's call (number, queue, duration) not shown"
shows "^Campaigns *no campaigns" || { screen; fail "no campaigns table"; }
# row_is AGENT: the agent's Calls and AHT on screen are the core's. The
# AHT of an agent on a call grows each second, and a status request takes
# seconds on a loaded machine: the screen's AHT must lie between the core's
# before and after it was read (a second early for the screen's redraw).
row_is() {
	_q="[str(a['calls_today'])+' '+('-' if a['aht_s'] is None else str(a['aht_s'])) for a in d['agents'] if a['agent']=='$1'][0]"
	_b=$(status_field "$_q")
	_s=$(screen | awk -v a="$1" '$1 == a { print $(NF-1), $NF }')
	_a=$(status_field "$_q")
	echo "$_b $_s $_a" | awk '{ exit !($1 == $3 && $3 == $5 &&
	    (($2 == "-" && $4 == "-" && $6 == "-") ||
	     ($2 != "-" && $4 != "-" && $6 != "-" && $4 >= $2 - 1 && $4 <= $6))) }'
}
wait_until 10 row_is 1001 || { screen; status_field "d['agents'][0]"; fail "1001: calls today / AHT differ from status"; }
# time_is AGENT: its time in state on screen is the core's state_s: it
# grows each second and a status request takes seconds on a loaded
# machine, so the screen's must lie between the core's before and after
# it was read (a second either way for the redraw).
time_is() {
	_q="[a['state_s'] for a in d['agents'] if a['agent']=='$1'][0]"
	_b=$(status_field "$_q")
	_s=$(screen | awk -v a="$1" '$1 == a { for (i = 2; i <= NF; i++) if ($i ~ /^[0-9]+:[0-9][0-9]$/) { split($i, t, ":"); print t[1] * 60 + t[2]; exit } }')
	_a=$(status_field "$_q")
	[ -n "$_s" ] && [ "$_s" -ge $((_b - 1)) ] && [ "$_s" -le $((_a + 1)) ]
}
wait_until 10 time_is 1025 || { screen; fail "1025: time in state differs from status"; }
pass "1001's call with number, queue and duration; calls today, AHT, time in state as status says; campaigns: none"
must_show 5 "HELP asked by 1025 .*: caller asks for a ref" "1025's help text not in the banner"
shows "^1025 .*HELP! ready" || { screen; fail "1025's row does not say HELP!"; }
field_is "[a['help_text'] for a in d['agents'] if a['agent']=='1025'][0]" "caller asks for a refund" ||
	fail "status: no help text"
pass "an agent asking for help stands out with its text"

# Team filter: north keeps 1001, hides 1025. The pick list holds the
# configured teams, nightshift too (at 80 columns no team column shows it).
field_is "[a['team'] for a in d['agents'] if a['agent']=='1025'][0]" nightshift ||
	fail "status: 1025's team is not nightshift"
hides "nightshift" || { screen; fail "nightshift on screen before the pick list"; }
keys t
must_show 5 "Agents of team" "no team pick list"
must_show 5 "nightshift" "the team list lacks the configured team nightshift"
keys Down Enter
must_show 5 "filter: all team north" "team filter not in the title"
wait_until 5 hides "^1025 " || { screen; fail "team north still shows 1025"; }
shows "^1001 " || { screen; fail "team north hides 1001"; }
keys t
must_show 5 "Agents of team" "no team pick list"
keys Enter
must_show 5 "^1025 .*ready" "team filter not dropped"
pass "team filter"

# The waiting call, moved to support from the console.
waiting_call=$(status_field "[c['call'] for c in d['calls'] if c['state']=='queued'][0]")
keys c
must_show 5 "Waiting calls: move which" "no waiting calls list"
shows "600100[0-9]* *sales .*$waiting_call" || { screen; fail "the waiting call is not listed"; }
keys Enter
must_show 5 "Move call $waiting_call to" "no move dialog"
typed support; keys Enter
must_show 10 "call $waiting_call to queue:support: done" "move not confirmed"
wait_until 10 field_is "[c['queue'] for c in d['calls'] if c['call']=='$waiting_call'][0]" support ||
	fail "core: the call is not in support"
must_show 5 "^support  *1 " "support does not show the caller waiting"
shows "^sales  *0 " || { screen; fail "sales still shows a caller"; }
pass "a waiting call moved to another queue: the core routes it there"

# Then offered to 1025 by name: 1025 gets it although it takes billing only.
keys c
must_show 5 "Waiting calls: move which" "no waiting calls list"
keys Enter
must_show 5 "Move call $waiting_call to" "no move dialog"
keys BSpace BSpace BSpace BSpace BSpace BSpace
typed agent:1025; keys Enter
wait_file 20 "$T/offered" || { cat "$T/z.log"; fail "1025 was not offered the call"; }
[ "$(cat "$T/offered")" = "$waiting_call" ] || fail "1025 was offered another call"
wait_until 10 agent_is 1025 on_call || fail "1025 not on the call"
must_show 10 "^1025 .*on_call .* 600100[0-9]* support " "1025's call not shown"
sql_is "select count(*) from events where kind='supervisor_action' and call_id='$waiting_call' and detail like '%\"by\":\"super\"%' and detail like '%call-move%'" 2 ||
	fail "call-move not recorded twice: $(sql "select * from events where kind='supervisor_action'")"
pass "the call offered to a named agent: it rings there; both moves recorded with who"

# 1025 hangs up: a call handled today, its AHT, on screen as in status.
: >"$T/hangup"
wait_until 20 agent_is 1025 ready || fail "1025 not back to ready"
wait_until 10 field_is "[a['calls_today'] for a in d['agents'] if a['agent']=='1025'][0]" 1 ||
	fail "core: 1025 did not handle one call today"
wait_until 10 row_is 1025 || { screen; status_field "[a for a in d['agents'] if a['agent']=='1025']"; fail "1025: calls today / AHT differ from status"; }
pass "calls today and AHT after a call: as status says"

# Listen in on 1001's call, then stop: monitor events naming super.
keys /
must_show 5 "Find agents" "no find dialog"
typed 1001; keys Enter
wait_until 5 hides "^1025 " || { screen; fail "filter did not hide 1025"; }
call1=$(status_field "[a['call'] for a in d['agents'] if a['agent']=='1001'][0]")
keys i
must_show 20 "listen call $call1: done" "listen not confirmed"
must_show 5 "Centrala supervisor  super  on $call1" "title does not say what is listened to"
wait_until 10 sql_is "select count(*) from events where kind='monitor' and call_id='$call1' and state='listen' and detail like '%super%'" 1 ||
	fail "no monitor event for the listen: $(sql "select * from events where kind='monitor'")"
keys h
must_show 10 "whisper call $call1: done" "whisper not confirmed"
keys b
must_show 10 "barge call $call1: done" "barge not confirmed"
wait_until 10 sql_is "select group_concat(state) from events where kind='monitor' and call_id='$call1'" "listen,whisper,barge" ||
	fail "monitor events: $(sql "select state from events where kind='monitor'")"
keys x
must_show 10 "stop call $call1: done" "stop not confirmed"
wait_until 10 sql_is "select count(*) from events where kind='monitor' and call_id='$call1' and state='stop'" 1 ||
	fail "no monitor event for the stop"
wait_until 5 hides "super  on $call1" || { screen; fail "title still says listening"; }
pass "listen, whisper, barge and stop from the console: monitor events naming super"

# A message to team north: 1001 (a console) gets it; 1025 (nightshift) does not.
keys T
must_show 5 "Message to" "no team pick list"
keys Down Enter
must_show 5 "Message to team north" "no team message dialog"
typed "Huddle at 3"; keys Enter
must_show 10 "message to 1001: done" "team message not confirmed"
wait_until 10 sql_is "select count(*) from events where kind='supervisor_action' and agent='1001' and detail like '%Huddle at 3%'" 1 ||
	fail "1001 has no message recorded"
sql_is "select count(*) from events where kind='supervisor_action' and detail like '%Huddle at 3%'" 1 ||
	fail "the team message went beyond team north"
pass "a message to a team: its agents only, recorded"

# The help lists every key of the keymap, the new ones too.
keys '?'
must_show 5 "Help: supervisor keys" "no help"
for k in "Listen" "Whisper" "Barge" "Unlisten" "Calls" "TeamMsg" "Team"; do
	shows "$k" || { screen; fail "help lacks $k"; }
done
keys NPage
must_show 5 "Sort< *sort by the column before" "help: the table's keys not on its next page"
keys Escape
wait_until 5 hides "Help: supervisor keys" || fail "help did not close"
pass "help lists the new keys"
: >"$T/quit"
