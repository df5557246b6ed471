#!/bin/sh
# backup.sh: `centrala ctl backup FILE` while calls come and go: the copy
# holds every call finished when it was asked for, is a whole database,
# and restores (stop, put it in place, start) to a core that serves calls.
. "$top_srcdir/tests/integ/lib.sh"

start_core
start_bots 1001-1010
wait_until 20 agents_in ready 10 || fail "10 agents not ready"

# Calls all along the backup: 2 a second, 2 s each, for up to 120 calls.
pstn_bg --calls 120 --rate 2 --hold fixed:2 --concurrent 10
wait_until 60 sql_ge 'select count(*) from cdr' 5 || fail "no calls finished under load"

# The calls finished before the request (read before it is sent).
sql 'select call_id || " " || end_ms from cdr order by call_id' >"$T/before"
ctl backup "$T/b.db" >"$T/backup.out" 2>&1 || fail "backup failed: $(cat "$T/backup.out")"
grep -q "^backup written to $T/b.db (" "$T/backup.out" || fail "backup said: $(cat "$T/backup.out")"
[ -f "$T/b.db" ] && [ ! -e "$T/b.db.tmp" ] || fail "no b.db, or b.db.tmp left"
kill -0 "$PSTN_PID" 2>/dev/null || fail "the load ended before the backup did"
bsql() { sqlite3 -batch -noheader "$T/b.db" "$1"; }
[ "$(bsql 'pragma integrity_check')" = ok ] || fail "backup not intact: $(bsql 'pragma integrity_check')"
bsql 'select call_id || " " || end_ms from cdr order by call_id' >"$T/inbackup"
missing=$(comm -23 "$T/before" "$T/inbackup")
[ -z "$missing" ] || fail "calls finished before the backup missing from it: $missing"
[ "$(bsql "select count(*) from cdr c where not exists (select 1 from events e where e.call_id=c.call_id and e.kind='call_end')")" = 0 ] ||
	fail "a CDR without its call_end event in the backup"
pass "backup under load: $(wc -l <"$T/before") calls finished before it, all in it, $(wc -l <"$T/inbackup") in all"

# It was a snapshot: calls went on finishing afterwards, in the live file only.
wait_until 60 sql_ge 'select count(*) from cdr' $(( $(wc -l <"$T/inbackup") + 3 )) ||
	fail "calls stopped finishing after the backup"
pass "calls went on during and after the backup"

# Never overwritten, and a relative name is the caller's directory's.
ctl backup "$T/b.db" >"$T/again.out" 2>&1 && fail "backup overwrote $T/b.db"
grep -q "exists" "$T/again.out" || fail "no clear error for an existing file: $(cat "$T/again.out")"
(cd "$T" && "$B/centrala-ctl" --state-dir "$T" backup rel.db) >"$T/rel.out" 2>&1 || fail "relative backup: $(cat "$T/rel.out")"
[ -f "$T/rel.db" ] || fail "relative backup not in the caller's directory"
pass "an existing file is refused; a relative name is ours"

# Restore: stop, put the copy in place, start, and the calls are there.
kill "$PSTN_PID" 2>/dev/null
ctl --timeout 30 stop --clear >/dev/null || fail "core did not stop"
wait "$CORE_PID"
mv "$T/centrala.db" "$T/live.db"
rm -f "$T/centrala.db-wal" "$T/centrala.db-shm"
cp "$T/b.db" "$T/centrala.db"
start_core
sql 'select call_id || " " || end_ms from cdr order by call_id' >"$T/restored"
missing=$(comm -23 "$T/inbackup" "$T/restored")
[ -z "$missing" ] || fail "restored database lacks calls: $missing"
[ "$(sql 'pragma integrity_check')" = ok ] || fail "restored database not intact"
pstn --calls 1 --hold fixed:1 || fail "no call through the restored core"
wait_until 20 sql_ge 'select count(*) from cdr' $(( $(wc -l <"$T/restored") + 1 )) ||
	fail "the restored core stored no new call"
pass "restored: every call of the backup, and a new call stored"

# A stop while a backup is being copied waits for it: the file is whole
# (or, had the copy failed, absent), never a torn FILE.tmp. The database
# is made big enough (synthetic calls from 2023) for the copy to take a
# moment; ctl, whose core went away, cannot say how it ended.
ctl --timeout 30 stop --clear >/dev/null || fail "core did not stop"
wait "$CORE_PID"
sql "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400000)
INSERT INTO cdr (call_id, direction, start_ms, end_ms, dnis, queue, cause, cleared_by, reason)
SELECT printf('s%09d', i), 'in', 1700000000000 + i, 1700000000000 + i + 60000, '2000', 'sales', 16,
	'network', printf('synthetic call %d, padded to make the database big enough', i) FROM n" ||
	fail "filling the database"
start_core
rows=$(sql 'select count(*) from cdr')
ctl --timeout 60 backup "$T/stop.db" >"$T/stop-backup.out" 2>&1 &
wait_until 20 test -e "$T/stop.db.tmp" -o -e "$T/stop.db" || fail "backup did not start"
ctl --timeout 60 stop --clear >/dev/null || fail "core did not stop"
wait "$CORE_PID"
grep -q "stop: waiting for the backup\|backup written to $T/stop.db" "$T/log/core.log" || fail "backup's end not logged"
[ ! -e "$T/stop.db.tmp" ] || fail "a torn $T/stop.db.tmp left"
[ "$(sqlite3 -batch -noheader "$T/stop.db" 'pragma integrity_check')" = ok ] &&
	[ "$(sqlite3 -batch -noheader "$T/stop.db" 'select count(*) from cdr')" = "$rows" ] ||
	fail "backup taken across a stop not whole"
pass "a stop during a backup waits for it: $rows calls in the copy"
