#!/bin/sh
# trunk-blocked.sh: a call lost for want of a channel, live. Thirty callers
# fill e1a's 30 B-channels and wait in the queue; the 31st is due when none
# is free, and the telco (--overflow 1, a network out of step with the
# span) sends its SETUP anyway, naming any channel. The core refuses it
# (cause 34, congestion), stores a `blocked` event naming the span and the
# numbers, and `centrala report trunks` counts it against e1a, in the CSV
# and in the busy-hour line. The 30 calls carried are no blocked ones.
. "$top_srcdir/tests/integ/lib.sh"

start_core
pstn_until_done 90 --calls 31 --rate 0 --hold fixed:4 --overflow 1 --cli 6001000## ||
	fail "pstn: $(tail -n 3 "$T/pstn.out")"
[ "$(summary_field placed)" = 31 ] && [ "$(summary_field rejected)" = 1 ] ||
	fail "pstn summary: $(grep summary "$T/pstn.out")"
grep -q "congestion" "$T/pstn.out" || fail "the overflow call was not refused with congestion: $(cat "$T/pstn.out")"
pass "the 31st SETUP, with all 30 channels taken, was refused: congestion"

wait_until 10 sql_is "select count(*) from events where kind='blocked'" 1 ||
	fail "blocked events: $(sql "select ts_ms, kind, detail from events where kind='blocked'")"
[ "$(sql "select json_extract(detail, '\$.span') || ' ' || json_extract(detail, '\$.dnis') from events where kind='blocked'")" = "e1a 2000" ] ||
	fail "blocked event: $(sql "select detail from events where kind='blocked'")"
wait_until 10 sql_is "select count(*) from cdr where direction='in'" 30 ||
	fail "cdr: $(sql "select count(*) from cdr")"
pass "one blocked event for e1a, to 2000; 30 calls carried"

day=$(date -u +%F)
next=$(date -u -d tomorrow +%F)
"$B/centrala-report" --state-dir "$T" trunks --from "$day" --to "$next" --csv >"$T/trunks.csv" ||
	fail "report trunks: $(cat "$T/trunks.csv")"
head -n 1 "$T/trunks.csv" | grep -q ',calls,.*,blocked$' || fail "trunks header: $(head -n 1 "$T/trunks.csv")"
awk -F, 'NR > 1 && $2 == "e1a" { c += $4; b += $9 } END { exit !(c == 30 && b == 1) }' "$T/trunks.csv" ||
	fail "trunks CSV does not count 30 calls and 1 blocked on e1a: $(cat "$T/trunks.csv")"
"$B/centrala-report" --state-dir "$T" trunks --from "$day" --to "$next" >"$T/trunks.txt" ||
	fail "report trunks (table)"
grep -q "erlangs carried, 1 blocked" "$T/trunks.txt" ||
	fail "busy hour line: $(cat "$T/trunks.txt")"
pass "centrala report trunks counts the blocked call on e1a (CSV and the busy hour)"
