#!/bin/sh
# unknown-dnis.sh: a called number with no DID is cleared with cause 1
# (unallocated number), and still leaves a CDR.
. "$top_srcdir/tests/integ/lib.sh"

start_core
pstn --calls 3 --rate 0 --dnis 9999 || fail "pstn failed"
[ "$(grep -c '^call .*cause=1\b' "$T/pstn.out")" = 3 ] || fail "pstn saw: $(cat "$T/pstn.out")"
pass "3 calls to 9999 cleared with cause 1"
wait_until 5 sql_is "select count(*) from cdr where dnis='9999' and cause=1 and cleared_by='core' and answer_ms=0 and agent is null" 3 ||
	fail "CDRs: $(sql 'select * from cdr')"
pass "3 CDRs with cause 1, cleared by the core, never answered"
