#!/bin/sh
# agent-wrapup.sh: the agent console at 80x24 in a wrap-up that needs a
# disposition (after a caller the core did not know becomes a new customer
# from the form, linked to the call): the state line says so and the key
# bar offers no Ready;
# the wrap-up time runs out and the console says it waits for one; the
# console is killed and started again (the core keeps the agent): it finds
# out from the login reply which call is owed and lists the queue's codes
# at once; the one chosen makes the agent ready, and the note written
# during the call is still stored. The help scrolls to its last key.
. "$top_srcdir/tests/integ/lib.sh"
. "$top_srcdir/tests/integ/tmux.sh"
command -v tmux >/dev/null || { echo "SKIP: no tmux"; exit 77; }

sed -e '/^\[queue sales\]$/a dispositions = sale, no_sale, info\ndisposition_required = yes' \
    -e 's/^wrapup = 0$/wrapup = 3/' "$S/data/centrala.ini" >"$T/c.ini"
start_core -c "$T/c.ini"
console_start 80 24 "$B/centrala-agent --state-dir $T --agent 1001 --pin 1234"
must_show 10 "State NOT READY (login)" "not logged in"

keys F1
must_show 5 "Help: keys" "no help"
keys NPage NPage NPage
must_show 5 "quit, like F10" "the help does not scroll to its last line at 80x24"
keys q
wait_until 5 hides "Help: keys" || fail "help did not close"
shows "State NOT READY" || fail "the key that closed the help did something else"
pass "help scrolls to every key at 80x24"

keys r
wait_until 5 agent_is 1001 ready || fail "not ready"
pstn_bg --calls 1 --cli 600100001 --hold never
must_show 20 "INCOMING CALL from 600100001" "no offer"
shows "Customer  not known for this number" || fail "no 'not known' line in the pop"
keys a
must_show 5 "(u: search, or new with this number)" "no hint for an unknown caller"
keys u
must_show 5 "New customer with 600100001" "no 'new customer' with the caller's number"
keys Down Enter
must_show 5 "Phone  *600100001" "the form does not have the caller's number"
typed "Zofia Wójcik"; keys F2
must_show 5 "Customer #1" "the new customer's card is not shown"
must_show 5 "Zofia Wójcik linked to this call" "not linked to the call"
keys Escape
must_show 5 "Customer  Zofia Wójcik" "the call panel does not show the new customer"
wait_until 5 sql_is "select c.name from contacts k join customers c on c.id = k.customer_id where k.agent='1001'" "Zofia Wójcik" ||
	fail "contact not linked: $(sql 'select * from contacts')"
pass "unknown caller: a new customer with the caller's number, linked to the call"
keys e; typed "Wants a callback about the contract"; keys Escape
wait_until 5 sql_is "select note from contacts where agent='1001'" "Wants a callback about the contract" ||
	fail "note not stored"
keys h
must_show 5 "Disposition" "no disposition list"
keys Escape
must_show 5 "disposition needed (d)" "state line does not say a disposition is needed"
screen | tail -n 1 | grep -q "F2 Ready" && fail "key bar offers Ready while a disposition is owed"
screen | tail -n 1 | grep -q "d Dispo" || fail "key bar has no d Dispo"
must_show 10 "waiting for a disposition (d)" "wrap-up time ran out: not said"
agent_is 1001 wrap_up || fail "core: not in wrap-up"
pass "disposition owed: said on the state line, no Ready in the key bar, wrap-up waits"

tmux_cmd kill-session -t c
console_start 80 24 "$B/centrala-agent --state-dir $T --agent 1001 --pin 1234"
must_show 10 "CALL ENDED: ended before this console started" "restarted console does not know the owed call"
shows "waiting for a disposition (d)" || fail "restarted console: state line"
shows "Caller    600100" || fail "restarted console: the owed call's caller not shown"
must_show 5 "Disposition" "the owed call's codes not listed at once"
keys i
must_show 5 "disposition info saved" "disposition not saved"
keys r
wait_until 5 agent_is 1001 ready || fail "not ready after the disposition"
[ "$(sql "select disposition, note from contacts where agent='1001'")" = "info|Wants a callback about the contract" ] ||
	fail "contact: $(sql 'select * from contacts')"
pass "console started again in that wrap-up: the owed call and its codes from the login reply, note kept"
