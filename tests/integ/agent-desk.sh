#!/bin/sh
# agent-desk.sh: the agent console's desk, driven by keys in tmux against
# a real core and telco: the screen pop names the customer (Polish and
# Romanian letters) before answering; a note; a blind transfer to another
# queue, taken there; the required disposition chosen from the list;
# everything stored in SQLite. The caller's next call shows that contact
# as history. The console is killed mid-call and started again: the call,
# its caller and the note are back; a consultation with a number, then
# back to the caller. Then the agent dials out, finds the customer (card,
# form, edit), reads their own figures, gets a supervisor's message and
# puts it away, raises a hand for help, and schedules a callback.
. "$top_srcdir/tests/integ/lib.sh"
. "$top_srcdir/tests/integ/tmux.sh"
command -v tmux >/dev/null || { echo "SKIP: no tmux"; exit 77; }

sed -e '/^\[queue sales\]$/a dispositions = sale, no_sale, info\ndisposition_required = yes' \
    "$S/data/centrala.ini" >"$T/c.ini"
start_core -c "$T/c.ini"
# The customer, and an agent of the support queue who takes transfers.
PYTHONPATH="$S/tests/integ" python3 - "$T/run/centrala.sock" >"$T/helper.log" 2>&1 <<'PY' &
import sys, signal
from czclient import Session, window
sock = sys.argv[1]
s = Session(sock, {"agent": "1018", "pin": "1234", "queues": "support"})
s.ok("customer-save", customer={"name": "Ștefan Łódź-Kowalski", "company": "ACME",
     "phone": "+48600100001", "fields": {"tier": "gold"}})
s.ok("ready")
off = s.event("offer", timeout=120)
s.ok("accept", call=off["call"])
print("ok - took", off["call"], "from", off["queue"], flush=True)
window(1)           # talks a moment
s.ok("hangup", call=off["call"])
signal.pause()      # stays logged in until the test ends (and kills it)
PY
PIDS="$PIDS $!"
wait_until 10 sql_is "select count(*) from customers" 1 || fail "customer not seeded: $(cat "$T/helper.log")"

console_start 120 30 "$B/centrala-agent --state-dir $T --agent 1001 --pin 1234"
must_show 10 "State NOT READY (login)" "not logged in"
keys r
wait_until 5 agent_is 1001 ready || fail "not ready"
pstn_bg --calls 1 --cli 600100001 --hold never
must_show 20 "INCOMING CALL from 600100001" "no offer"
must_show 5 "Customer  Ștefan Łódź-Kowalski - ACME" "no screen pop before answering"
shows "tier: gold" || fail "customer fields not shown"
pass "screen pop before answering: the customer, UTF-8 intact"

keys a
must_show 5 "ON CALL" "not connected"
keys e; typed "Wants the gold plan"; keys Escape
keys o
must_show 5 "ON CALL .* HELD" "hold not shown"
keys o
wait_until 5 hides "HELD" || fail "retrieve not shown"
wait_until 5 sql_is "select note from contacts where agent='1001'" "Wants the gold plan" ||
	fail "note not stored: $(sql 'select * from contacts')"
keys t
must_show 5 "Transfer or consult" "no transfer menu"
keys Enter
must_show 5 "queue name" "no transfer target asked"
typed support; keys Enter
must_show 10 "CALL ENDED" "call panel did not end on transfer"
must_show 5 "Disposition" "no disposition list after the transfer"
wait_until 10 grep -q "ok - took .* from support" "$T/helper.log" || fail "support agent got nothing: $(cat "$T/helper.log")"
pass "note stored as typed; blind transfer to the support queue, taken there"

keys Escape
keys r
must_show 5 "disposition required" "ready allowed without the required disposition"
keys d; keys s
must_show 5 "disposition sale saved" "disposition not saved"
wait_until 5 agent_is 1001 ready || fail "not ready after the disposition"
[ "$(sql "select disposition, note, customer_id from contacts where agent='1001'")" = "sale|Wants the gold plan|1" ] ||
	fail "contact: $(sql 'select * from contacts')"
[ "$(sql "select json_extract(detail, '\$.to') from events where kind='transfer'")" = "queue:support" ] ||
	fail "transfer event"
pass "required disposition picked from the list; stored with the note and the customer"

kill "$PSTN_PID" 2>/dev/null
pstn_bg --calls 1 --cli 600100001 --hold never
must_show 20 "INCOMING CALL from 600100001" "no second offer"
must_show 5 "in sales 1001 sale: Wants the gold" "no history in the pop"
shows "History .* in support 1018" || fail "the support agent's part of the call is not in the history"
keys a
must_show 5 "ON CALL" "second call not connected"
keys e; typed "Second call: line may drop"; keys Escape
wait_until 5 sql_is "select count(*) from contacts where note like 'Second call%'" 1 || fail "second note not stored"
tmux_cmd kill-session -t c
wait_until 5 field_is "[a['connected'] for a in d['agents'] if a['agent']=='1001'][0]" False ||
	fail "core: console still connected"
agent_is 1001 on_call || fail "core: the dropped console's agent is not on the call"
console_start 120 30 "$B/centrala-agent --state-dir $T --agent 1001 --pin 1234"
must_show 10 "ON CALL" "the call is not back after the console restarted"
must_show 5 "Second call: line may drop" "the note is not back"
shows "Ștefan Łódź-Kowalski" || fail "the customer is not back"
pass "console killed mid-call and started again: the call, its customer and note are back"

keys t
must_show 5 "Transfer or consult" "no transfer menu (consult)"
keys Down Down Down Down Enter
must_show 5 "the outside number" "no consult target asked"
typed 700701; keys Enter
must_show 10 "CONSULTING number 700701" "consultation not shown"
must_show 10 "talking, caller HELD" "the consulted party's answer not shown"
shows "z Back" || { screen; fail "no z Back in the key bar during the consultation"; }
keys z
must_show 5 "back to the caller" "consult-cancel not confirmed"
wait_until 5 hides "CONSULTING" || fail "still consulting on screen"
[ "$(sql "select group_concat(json_extract(detail, '\$.mode')) from events where kind='consult'")" = "start,cancel" ] ||
	fail "consult events: $(sql "select kind, detail from events where kind='consult'")"
pass "consulted a number (its progress and answer shown), then back to the caller"

keys h
must_show 5 "Disposition" "no disposition list"
keys i
wait_until 5 agent_is 1001 ready || fail "not ready after the second call"
kill "$PSTN_PID" 2>/dev/null
pstn_bg --calls 0 --duration 60
keys g
must_show 5 "Call a number" "no dial prompt"
typed 700700; keys Enter
must_show 10 "ON CALL" "the dialled call did not connect"
wait_until 5 sql_is "select count(*) from contacts where number='700700'" 1 || fail "no contact for the dialled call"
keys h
wait_until 10 agent_is 1001 ready || fail "not ready after the dialled call"
[ "$(sql "select route, agent from cdr where dnis='700700'")" = "dial|1001" ] || fail "dialled CDR"
pass "dialled out from the console"

keys u
must_show 5 "Customer" "no customer menu"
keys Enter
must_show 5 "Find a customer" "no search prompt"
typed kowal; keys Enter
must_show 5 "Customers found" "no results"
shows "Łódź-Kowalski - ACME  +48600100001" || fail "result line"
keys Enter
must_show 5 "3 earlier contacts" "customer details not shown"
keys Escape
keys u
must_show 5 "New customer" "no customer menu"
keys Down; keys Enter
must_show 5 "New customer" "no customer form"
shows "E-mail" || { screen; fail "form: not all the fields in view"; }
typed "Ana-Maria Popescu"; keys Enter
typed "Brașov Trading"; keys Enter
typed "12"; keys F2
must_show 5 "a phone number is 3 to 20 digits" "form: a bad phone number not caught"
keys C-u; typed "+40 720 000 111"; keys F2
must_show 5 "customer #2 saved" "new customer not saved"
must_show 5 "Customer #2" "the saved customer's card is not shown"
shows "Ana-Maria Popescu - Brașov Trading" || { screen; fail "card: name and company"; }
keys e
must_show 5 "Customer #2.*" "e on the card does not open the form"
keys Tab; keys Tab; keys Tab; typed "212223242"; keys Tab; typed "ana@brasov.ro"; keys Enter
wait_until 5 sql_is "select phone2 || ' ' || email from customers where id=2" "212223242 ana@brasov.ro" ||
	fail "edited customer: $(sql 'select * from customers where id=2')"
keys Escape
[ "$(sql "select name, company, phone from customers where id=2")" = "Ana-Maria Popescu|Brașov Trading|+40720000111" ] ||
	fail "customer row: $(sql 'select * from customers')"
pass "customer found by name, details shown; a new one created from the form"

keys s
must_show 5 "My figures today" "no figures"
shows "Calls handled today: [23]" || { screen; fail "figures: calls handled"; }
keys Escape
keys "!"
must_show 5 "HELP REQUESTED" "help flag not shown"
wait_until 5 field_is "[a['help'] for a in d['agents'] if a['agent']=='1001'][0]" True || fail "core: no help flag"
PYTHONPATH="$S/tests/integ" python3 -c "
from czclient import Session
Session('$T/run/centrala.sock', {'user': 'super', 'pin': '4321'}).ok('message', agent='1001', text='Coming over now')
" || fail "message not sent"
must_show 5 "Message from super at [0-9:]*: Coming over now" "message not shown"
shows "Esc Dismiss" || fail "no key bar entry to put the message away"
keys Escape
wait_until 5 hides "Coming over now" || fail "Esc did not put the message away"
pass "figures, help flag seen by the core, supervisor's message on screen"

keys b
must_show 5 "Callback: number" "no callback dialog"
keys C-u; typed 600100777; keys Enter
must_show 5 "Callback: when" "no time asked"
keys Enter
must_show 5 "Callback: note" "no note asked"
typed "Send the contract"; keys Enter
must_show 5 "who calls back" "no who asked"
keys Enter
must_show 5 "callback to 600100777 scheduled" "callback not confirmed"
[ "$(sql "select number, for_agent, note, due_ms > 0 from callbacks")" = "600100777|1001|Send the contract|1" ] ||
	fail "callback row: $(sql 'select * from callbacks')"
pass "callback scheduled from the console"

# A login for some of the agent's queues only.
tmux_cmd kill-session -t c
console_start 120 30 "$B/centrala-agent --state-dir $T --agent 1019 --pin 1234 --queues support"
must_show 10 "Queues support" "queues chosen at login not shown"
wait_until 5 field_is "[a['queues'] for a in d['agents'] if a['agent']=='1019'][0]" "['support']" ||
	fail "core: 1019's queues: $(status_field "[a['queues'] for a in d['agents'] if a['agent']=='1019']")"
pass "logged in for the support queue only"
