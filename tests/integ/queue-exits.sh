#!/bin/sh
# queue-exits.sh: a caller who waits max_wait in sales overflows to the
# helpdesk queue and is answered there; a caller past max_wait in the
# helpdesk with hang-up as its exit is cleared by the core. The CDRs, the
# events and the report all say so.
. "$top_srcdir/tests/integ/lib.sh"

sed -e '/^\[queue sales\]$/a max_wait = 3\nmax_wait_exit = queue:support' \
    -e '/^\[queue support\]$/a max_wait = 3\nmax_wait_exit = hangup' \
    -e '/^\[agent 1001\]$/,/^queues/s/^queues = .*/queues = support/' \
    "$S/data/centrala.ini" >"$T/c.ini"
start_core -c "$T/c.ini"
start_bots 1001
wait_until 20 agents_in ready 1 || fail "agent not ready"
# 2000 (sales) at 0 s: overflows at 3 s to the helpdesk, answered by 1001.
# 2001 (helpdesk) at 5 s: 1001 is busy until 10 s, so it times out at 8 s.
pstn --calls 2 --rate 0.2 --dnis 2000,2001 --hold fixed:10 || fail "pstn failed"
wait_until 10 sql_is "select count(*) from cdr" 2 || fail "CDRs"

[ "$(sql "select queue || ',' || agent from cdr where dnis='2000'")" = "support,1001" ] ||
	fail "the sales caller: $(sql "select * from cdr where dnis='2000'")"
w=$(sql "select wait_ms from cdr where dnis='2000'")
[ "$w" -ge 3000 ] && [ "$w" -lt 5000 ] || fail "overflowed caller waited $w ms"
[ "$(sql "select state || detail from events where kind='queue_exit' and queue='sales'")" = 'overflow{"why":"max_wait","to":"support"}' ] ||
	fail "overflow event"
pass "sales caller overflowed to the helpdesk after 3 s and was answered there (CDR wait ${w} ms spans both)"

[ "$(sql "select cleared_by || ',' || reason || ',' || coalesce(agent,'-') from cdr where dnis='2001'")" = "core,max wait reached,-" ] ||
	fail "the helpdesk caller: $(sql "select * from cdr where dnis='2001'")"
[ "$(sql "select count(*) from events where kind='abandon'")" = 0 ] || fail "an exit counted as an abandon"
pass "helpdesk caller cleared by the core at max wait, not counted as an abandon"

"$B/centrala-report" --state-dir "$T" --interval day --from "$(date -u -d yesterday +%F)" --csv >"$T/r.csv" || fail "report"
cat "$T/r.csv"
grep -q "sales,1,0,0,0,0,1,0,0,0,-," "$T/r.csv" || fail "sales row: offered 1, overflowed 1, SL undefined"
grep -q "support,2,1,0,0,0,0,1,0,0,50.0," "$T/r.csv" || fail "support row: offered 2, answered 1, timed out 1, SL 50%"
pass "report: sales overflowed 1 (SL undefined), helpdesk offered 2, answered 1, timed out 1, SL 50%"
