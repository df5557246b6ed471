#!/bin/sh
# setup-first-run.sh: `centrala setup` from nothing, on an 80x24 tmux
# screen: it walks every kind of section in order (general, spans,
# clients, queues, menus, numbers, agents, ...), refuses wrong answers as
# they are given (timeslot 16, a DID to a queue that does not exist, a DID
# used twice), shows the summary and writes the file and the database.
# Then a core starts with that file, an agent logs in with the PIN given
# in the wizard, and a call from the simulator to the DID is answered.
# SETUP_WRAPPER runs the wizard under a tool, e.g. "valgrind -q
# --trace-children=yes --log-file=/tmp/vg.%p".
. "$top_srcdir/tests/integ/lib.sh"
. "$top_srcdir/tests/integ/tmux.sh"
command -v tmux >/dev/null || { echo "SKIP: no tmux"; exit 77; }

C="$T/new.ini"
console_start 80 24 "${SETUP_WRAPPER:-} $B/centrala setup --config $C; echo setup-exit=\$?; sleep 600"
must_show 10 "Centrala setup" "no wizard screen"
must_show 5 "Step 1 of 10. \[core\]: General" "the first run does not begin with [core]"
shows "state_dir  *state   (default)" || { screen; fail "[core] rows and defaults not shown"; }
shows "where sockets, database, logs and recordings live" || { screen; fail "no help text of the row"; }
# fits KEYS: the title on row 1 and the key bar KEYS on row 24 (80x24).
fits() { screen >"$T/s.txt"; head -n 1 "$T/s.txt" | grep -q "^ Centrala setup  *$C\$" &&
	sed -n 24p "$T/s.txt" | grep -q "^$1"; }
fits "Enter Change  Del Default  Esc Back" || { screen; fail "the editor does not fit 80x24"; }
# state_dir: the first row.
keys Enter; must_show 5 "\[core\] state_dir" "no question for state_dir"
keys C-u; typed "$T"; keys Enter
must_show 5 "state_dir  *$T\$" "state_dir not taken"
# print_destination: the CUPS destinations here, or typed.
find_key print_destination; keys Enter
must_show 5 "CUPS's default destination" "no pick of CUPS destinations"
shows "Type a CUPS destination" || { screen; fail "no way to type a destination"; }
keys Escape
keys Escape
must_show 5 "Step 2 of 10. Spans" "no step 2 (spans)"
keys a; must_show 5 "New span: its name" "no name question"
typed e1a; keys Enter
must_show 5 "\[span e1a\]: Spans" "no span editor"
shows "DAHDI spans here:" || { screen; fail "the DAHDI spans present are not said"; }
# first_channel 16 is the D channel: refused, with the table's words.
find_key first_channel; keys Enter; must_show 5 "\[span e1a\] first_channel" "no question"
keys C-u; typed 16; keys Enter
must_show 5 "timeslot 16 carries the D channel" "timeslot 16 not refused"
keys Enter
must_show 5 "first_channel  *1   (default)" "a refused answer was kept"
keys Escape; must_show 5 "\[span e1a\]$" "span e1a not listed"
keys Escape; must_show 5 "Step 3 of 10. Clients" "no step 3"
keys Escape; must_show 5 "Step 4 of 10. Queues" "no step 4"
keys a; typed sales; keys Enter
must_show 5 "\[queue sales\]: Queues" "no queue editor"
keys Escape Escape; must_show 5 "Step 5 of 10. IVR menus" "no step 5"
keys Escape; must_show 5 "Step 6 of 10. Numbers" "no step 6"
keys a; typed 2000; keys Enter
must_show 5 "\[did 2000\] target" "the required target is not asked"
typed queue:nosuch; keys Enter
must_show 5 "no queue \"nosuch\"" "a DID to a missing queue not refused"
keys Enter; must_show 5 "This key is required" "no word that the key is required"
keys y; must_show 5 "\[did 2000\] target" "target not asked again"
typed queue:sales; keys Enter
must_show 5 "target  *queue:sales" "target not taken"
keys Escape
keys a; typed 2000; keys Enter
must_show 5 "there is already a \[did 2000\]" "a DID used twice not refused"
keys Enter Escape; must_show 5 "Step 7 of 10. Agents" "no step 7"
pass "first run: steps in order, answers checked as given (timeslot 16, missing queue, DID twice)"

keys a; typed 1001; keys Enter
must_show 5 "\[agent 1001\] name" "agent name not asked"
typed "Ann Smith"; keys Enter
must_show 5 "\[agent 1001\] pin" "PIN not asked"
typed 1234; keys Enter
must_show 5 "\[agent 1001\] queues" "queues not asked"
typed sales; keys Enter
must_show 5 "pin  *(set)" "PIN not set"
# audio: the ALSA devices here, typed, or none.
find_key audio; keys Enter
must_show 5 "Type it: alsa:DEVICE or phone:NUMBER" "no pick of audio devices"
keys n; must_show 5 "audio  *\"\"\$" "no audio not taken"
keys Escape Escape; must_show 5 "Step 8 of 10" "no step 8"
keys Escape; must_show 5 "Step 9 of 10" "no step 9"
keys Escape; must_show 5 "Step 10 of 10. \[retention\]" "no step 10"
keys Escape; must_show 5 "Summary: what will be written" "no summary"
must_show 10 "complete and right" "the summary's check fails"
fits "w Write  Esc Back" || { screen; fail "the summary does not fit 80x24"; }
shows "queue  *1: sales" || { screen; fail "summary lacks the queue"; }
shows "agent  *1: 1001" || { screen; fail "summary lacks the agent"; }
[ -e "$C" ] && fail "written before w"
keys w; must_show 15 "Written" "not written"
shows "database $T/centrala.db: ready" || { screen; fail "the database not initialised"; }
keys Enter; must_show 5 "Sections:" "no section menu after the summary"
fits "Enter Open  w Summary and write  q Quit" || { screen; fail "the menu does not fit 80x24"; }
keys q; must_show 5 "setup-exit=0" "the wizard did not end"
pass "summary, written: $(grep -c '^\[' "$C") sections"

grep -q '^pin = \$' "$C" || fail "the PIN is not stored as a hash"
grep -q '1234' "$C" && fail "the PIN in clear is in the file"
[ "$(sql "select count(*) from sqlite_master where name = 'cdr'")" = 1 ] || fail "no schema in the database"
"$B/centrala-core" --check --config "$C" >"$T/check.out" 2>&1 || fail "the core refuses it: $(cat "$T/check.out")"
start_core -c "$C"
start_bots 1001
wait_until 15 agents_in ready 1 || fail "agent 1001 (PIN from the wizard) not ready"
pstn_until_done 60 --calls 1 --dnis 2000 --hold fixed:2 || fail "pstn failed"
[ "$(summary_field answered)" = 1 ] || fail "the call was not answered: $(cat "$T/pstn.out")"
wait_until 15 sql_is "select count(*) from cdr where agent = '1001' and queue = 'sales'" 1 ||
	fail "no CDR of 1001 in sales"
pass "the core runs the written config: 1001 logged in, a call to 2000 answered in sales"
