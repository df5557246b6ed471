#!/bin/sh
# agent-campaign.sh: the campaign work in the agent console, driven by keys
# in tmux against a real core (a preview campaign) and the telco
# simulator. Dial with nothing shown is refused on the status line. The
# first record appears with its fields and the script (scrolled to its
# end); Skip asks a reason from a pick list and the skip is stored. The
# next is dialled (the call's CDR), answered by a person, hung up, and
# the campaign's disposition picked: stored with the attempt, and the
# Today panel shows the campaign's progress. A disposition that calls
# again opens the callback dialog (stored), one flagged dnc is said to
# have listed the number (the core's dnc row). The ended call keeps its
# record on screen while its disposition is chosen. Then a progressive
# campaign's call shows with its record from the dial.
. "$top_srcdir/tests/integ/lib.sh"
. "$top_srcdir/tests/integ/tmux.sh"
command -v tmux >/dev/null || { echo "SKIP: no tmux"; exit 77; }

script="Good morning, this is Acme calling about our spring survey."
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25; do
	script="$script Step $i: ask the question and wait for the answer."
done
printf '%s\nThank you, goodbye.\n' "$script" >"$T/script.txt"
cat "$S/data/centrala.ini" - >"$T/c.ini" <<EOF2

[campaign survey]
client = acme
agents = 1001
country = 44
caller_id = 020 7946 0000
mode = preview
hours = ""
target = 5
dispositions = sale:success:close, later:retry=60, remove:dnc, none:close
script_file = $T/script.txt
state = running

[campaign promo]
client = acme
agents = 1002
country = 44
caller_id = 020 7946 0000
mode = progressive
hours = ""
dispositions = yes:success:close, no:close
script = Hello from the Acme promotion.
state = running
EOF2

start_core -c "$T/c.ini"
pstn_bg --calls 0 --answer-delay uniform:0.5:1 --answer 02079460002:person \
    --answer 02079460003:person --answer 02079460004:person \
    --answer 02079460009:person --duration 300
wait_until 20 span_up || fail "span not up"
printf 'phone,name,city\n020 7946 0001,Una,Leeds\n020 7946 0002,Vic,York\n020 7946 0003,Wyn,Bath\n020 7946 0004,Xan,Hull\n' >"$T/l.csv"
# The import may meet the core's write batch ("cannot start the import":
# nothing imported); it is tried again until the deadline.
import() { ctl import-list survey main "$T/l.csv" >"$T/imp" 2>&1; }
wait_until 20 import || fail "import: $(cat "$T/imp")"
printf 'phone,name,plan\n020 7946 0009,Zoe,gold\n' >"$T/p.csv"
import_promo() { ctl import-list promo main "$T/p.csv" >"$T/imp" 2>&1; }
wait_until 20 import_promo || fail "import promo: $(cat "$T/imp")"

console_start 120 32 "$B/centrala-agent --state-dir $T --agent 1001 --pin 1234"
must_show 10 "State NOT READY (login)" "not logged in"
keys p
must_show 5 "dial refused: bad-state: no campaign record is shown to you" "refusal not on the status line"
pass "dial with nothing shown: the core's refusal on the status line"

keys r
must_show 20 "PREVIEW: campaign survey" "no preview"
must_show 5 "Contact  *Una  +442079460001" "the record not shown"
shows "city  *Leeds" || fail "the record's fields not shown"
shows "Good morning, this is Acme" || fail "the script not shown"
shows "more below: ]" || fail "a long script does not say it scrolls"
hides "Thank you, goodbye" || fail "the whole script fits: the test needs a longer one"
keys ']' ']' ']' ']' ']' ']'
must_show 5 "Thank you, goodbye" "the script does not scroll to its end"
keys '[' '[' '[' '[' '[' '['
must_show 5 "Good morning, this is Acme" "the script does not scroll back"
[ "$(sql "select count(*) from cdr")" = 0 ] || fail "something dialled before the agent chose"
pass "preview: the record, its fields and the script (scrolling), nothing dialled"

keys v
must_show 5 "Skip this record: why" "no skip reason list"
keys Down Enter
una=$(sql "select id from records where name = 'Una'")
must_show 5 "record #$una skipped (bad_number)" "skip not confirmed"
wait_until 10 sql_is "select r.name || ' ' || a.outcome || ' ' || a.disposition from attempts a
	join records r on r.id = a.record_id" "Una skipped bad_number" ||
	fail "skip not stored: $(sql 'select * from attempts')"
pass "skip with a reason from the pick list, stored"

# Vic: dialled, answered, a success. Talking: the call panel's head says
# ON CALL (the state line says so from the first ring).
talking() { shows "ON CALL [0-9]" && hides "CALLING +"; }
must_show 20 "Contact  *Vic" "the next record not shown"
keys p
wait_until 20 talking || { screen; fail "the dialled record did not connect"; }
shows "Contact  *Vic  +442079460002" || fail "the record left the call panel"
keys h
must_show 10 "Disposition" "no campaign disposition list"
shows "remove" || fail "the campaign's codes not in the list"
keys Enter
must_show 5 "disposition sale saved: a success" "sale not confirmed"
attempt() { sql "select a.outcome || ' ' || coalesce(a.disposition, '-') from attempts a
	join records r on r.id = a.record_id where r.name = '$1'"; }
wait_until 10 sql_is "select a.outcome || ' ' || a.disposition from attempts a join records r
	on r.id = a.record_id where r.name = 'Vic'" "answered sale" || fail "Vic: $(attempt Vic)"
wait_until 10 sql_is "select count(*) from cdr where direction = 'out' and agent = '1001'
	and dnis = '02079460002' and answer_ms > 0" 1 ||
	fail "no CDR: $(sql 'select call_id, direction, dnis, agent, answer_ms from cdr')"
pass "dial placed the call (CDR), the disposition stored with the attempt"

must_show 20 "Contact  *Wyn" "the third record not shown"
must_show 10 "Campaign survey: 1 of 5 successes" "no campaign progress in Today"
pass "the campaign's progress in the Today panel"

# Wyn: later (retry=60) asks when for a callback.
keys p
wait_until 20 talking || { screen; fail "Wyn not connected"; }
keys h
must_show 10 "Disposition" "no disposition list for Wyn"
shows "Contact  *Wyn  +442079460003" || { screen; fail "the ended call lost its record"; }
keys Down Enter
must_show 5 "Callback to 00442079460003: when" "no callback dialog after a retry code"
keys Enter
must_show 5 "Callback: note" "no callback note asked"
typed "asked for later"; keys Enter
must_show 5 "Callback: who calls back" "no callback owner asked"
keys Enter
must_show 5 "callback to 00442079460003 scheduled" "callback not confirmed"
[ "$(attempt Wyn)" = "answered later" ] || fail "Wyn: $(attempt Wyn)"
[ "$(sql "select number from callbacks")" = "00442079460003" ] ||
	fail "callback: $(sql 'select * from callbacks')"
pass "a disposition that calls again: the callback dialog, stored"

# Xan: remove (dnc): the console says the number is listed.
must_show 20 "Contact  *Xan" "the fourth record not shown"
keys p
wait_until 20 talking || { screen; fail "Xan not connected"; }
keys h
must_show 10 "Disposition" "no disposition list for Xan"
keys Down Down Enter
must_show 5 "+442079460004 is now on the client's do-not-call list" "dnc not said"
wait_until 10 sql_is "select client || ' ' || source from dnc where number = '+442079460004'" "acme disposition" ||
	fail "dnc: $(sql 'select * from dnc')"
[ "$(attempt Xan)" = "answered remove" ] || fail "Xan: $(attempt Xan)"
pass "a dnc disposition: the console says so, the core listed the number"

# A progressive campaign (agent 1002): the core dials as the agent goes
# ready; the console shows the call with its record (from its first ring
# on: the campaign_record event, before any connect).
tmux_cmd kill-session -t c
console_start 120 32 "$B/centrala-agent --state-dir $T --agent 1002 --pin 1234"
must_show 10 "State NOT READY (login)" "1002 not logged in"
keys r
must_show 20 "Contact  *Zoe  +442079460009" "the progressive call's record not shown"
shows "plan  *gold" || fail "the progressive record's fields not shown"
shows "Hello from the Acme promotion" || fail "the progressive script not shown"
wait_until 20 talking || { screen; fail "Zoe not connected"; }
keys h
must_show 10 "Disposition" "no disposition list for Zoe"
keys Enter
must_show 5 "disposition yes saved: a success" "Zoe's disposition not confirmed"
wait_until 10 sql_is "select a.outcome || ' ' || a.disposition from attempts a join records r
	on r.id = a.record_id where r.name = 'Zoe'" "answered yes" || fail "Zoe: $(attempt Zoe)"
pass "progressive: the call shows its record and script, its disposition stored"
