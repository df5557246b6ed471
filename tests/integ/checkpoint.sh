#!/bin/sh
# checkpoint.sh: the core's WAL is checkpointed by its own thread, off the
# loop (core/db-checkpoint.c): with a threshold of a few pages, rows the
# core committed reach the database file itself (a copy of it taken
# without its -wal shows them) while the core runs; the core stops
# cleanly and its database is whole.
. "$top_srcdir/tests/integ/lib.sh"

export CENTRALA_CHECKPOINT_PAGES=4
start_core
start_bots 1001-1010
wait_until 20 agents_in ready 10 || fail "agents not ready"
pstn_until_done 60 --calls 30 --rate 10 --hold fixed:0.5 || fail "pstn: $(tail -3 "$T/pstn.log")"
wait_until 20 sql_is "select count(*) from cdr" 30 || fail "30 CDRs: $(sql 'select count(*) from cdr')"
# The file alone, without the WAL: what the checkpoints copied. The last
# commits may stay in the WAL (under the threshold), as with SQLite's own
# checkpoints; with its default (1,000 pages) none of these would be
# in the file.
in_file() {
	cp "$T/centrala.db" "$T/copy.db" && rm -f "$T/copy.db-wal" "$T/copy.db-shm" &&
	[ "$(sqlite3 -batch -noheader "$T/copy.db" 'select count(*) from cdr' 2>/dev/null)" -ge 20 ]
}
wait_until 20 in_file || fail "the CDRs are not in the database file (no checkpoint)"
grep -q "checkpoint:" "$T/log/core.log" && fail "checkpoint failed: $(grep checkpoint: "$T/log/core.log")"
pass "$(sqlite3 "$T/copy.db" 'select count(*) from cdr') of 30 CDRs checkpointed into the database file while the core runs"
kill -TERM "$CORE_PID"
core_gone() { ! kill -0 "$CORE_PID" 2>/dev/null; }
wait_until 20 core_gone || fail "core did not stop"
grep -q "checkpoints off the loop" "$T/log/core.log" || fail "no checkpoint count at stop"
[ "$(sql 'pragma integrity_check')" = ok ] || fail "integrity"
pass "stopped: $(sed -n 's/.*database: \([0-9]* checkpoints off the loop\).*/\1/p' "$T/log/core.log")"
