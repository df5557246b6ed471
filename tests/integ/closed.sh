#!/bin/sh
# closed.sh: out of hours (today is a holiday in the queue's zone) a queue
# passes its callers to its out-of-hours route: another queue, or refusal
# with cause 34, recorded with the reason.
. "$top_srcdir/tests/integ/lib.sh"

today=$(TZ=Europe/Warsaw date +%F)
sed -e "/^\[queue sales\]\$/a holidays = $today\ntimezone = Europe/Warsaw\nclosed_exit = queue:support" \
    -e "/^\[queue billing\]\$/a holidays = $today\ntimezone = Europe/Warsaw" \
    "$S/data/centrala.ini" >"$T/c.ini"
start_core -c "$T/c.ini"
start_bots 1017
wait_until 20 agents_in ready 1 || fail "agent not ready"
pstn --calls 2 --rate 0 --dnis 2000,2002 --hold fixed:2 || fail "pstn failed"
wait_until 10 sql_is "select count(*) from cdr" 2 || fail "CDRs"
[ "$(sql "select queue || ',' || agent from cdr where dnis='2000'")" = "support,1017" ] ||
	fail "sales caller: $(sql "select * from cdr where dnis='2000'")"
pass "sales closed (holiday in Warsaw): its caller went to the helpdesk and was answered"
[ "$(sql "select cause || ',' || reason from cdr where dnis='2002'")" = "34,closed" ] ||
	fail "billing caller: $(sql "select * from cdr where dnis='2002'")"
grep -q "dnis=2002 result=congestion .*cause=34" "$T/pstn.out" || fail "pstn: $(cat "$T/pstn.out")"
pass "billing closed: its caller refused with cause 34, recorded as closed"

sed 's/^timezone = Europe\/Warsaw$/timezone = Mars\/Olympus/' "$T/c.ini" >"$T/bad.ini"
if "$B/centrala-core" -n -c "$T/bad.ini" >"$T/out" 2>&1; then fail "unknown zone accepted"; fi
grep -q "timezone: no time zone \"Mars/Olympus\"" "$T/out" || fail "message: $(cat "$T/out")"
pass "an unknown time zone is refused by name"
