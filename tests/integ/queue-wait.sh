#!/bin/sh
# queue-wait.sh: a waiting caller is answered and hears ringback from the
# core; a caller who gives up is recorded as abandoned; a full queue
# refuses the next caller with cause 34 (no circuit available).
. "$top_srcdir/tests/integ/lib.sh"

sed '/^\[queue sales\]$/a max_len = 2' "$S/data/centrala.ini" >"$T/c.ini"
start_core -c "$T/c.ini"
pstn --calls 3 --rate 0 --hold fixed:3 || fail "pstn failed"
[ "$(grep -c 'result=answered' "$T/pstn.out")" = 2 ] || fail "want 2 answered: $(cat "$T/pstn.out")"
grep -q 'result=congestion .*cause=34 ' "$T/pstn.out" || fail "third caller not refused with 34"
pass "2 callers queued, the third refused with cause 34 (queue full)"

for ms in $(sed -n 's/.*result=answered .*rx_audio_ms=\([0-9]*\).*/\1/p' "$T/pstn.out"); do
	# European ringback is 1 s on, 4 s off: about 1 s audible in 3 s.
	[ "$ms" -ge 800 ] && [ "$ms" -le 1400 ] || fail "ringback heard for $ms ms"
done
pass "waiting callers heard ringback (1 s on, 4 s off)"

wait_until 5 sql_is "select count(*) from cdr where queue='sales' and agent is null and cleared_by='network' and wait_ms between 2800 and 4000" 2 ||
	fail "abandon CDRs: $(sql 'select call_id,queue,agent,wait_ms,cleared_by from cdr')"
[ "$(sql "select count(*) from events where kind='abandon' and queue='sales'")" = 2 ] || fail "abandon events"
[ "$(sql "select count(*) from cdr where cause=34 and cleared_by='core' and queue is null")" = 1 ] || fail "refused call's CDR"
[ "$(status_field "[(q['offered'], q['abandoned']) for q in d['queues'] if q['name']=='sales'][0]")" = "(2, 2)" ] ||
	fail "queue counters: $(status_field "d['queues']")"
pass "abandons recorded in CDRs, events and the queue's counters"
