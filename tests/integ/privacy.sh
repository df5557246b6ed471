#!/bin/sh
# privacy.sh: a data-subject request. A customer with a real call (from
# the simulator, answered by an agent, who noted something) and, as a fixture, every other kind
# of record of their number: contact with a note, recording and voicemail
# files, callback, campaign record and attempt. `ctl customer export`
# holds all of it (and copies the files with --out); `ctl customer erase`
# leaves nothing of the person in the database file, its WAL or the
# recordings, but the erasures line and the CDR with "erased" for the
# number; another customer is untouched; bad ids get clear errors.
. "$top_srcdir/tests/integ/lib.sh"

NAME='Zofia Wąsowska'
NUM=600777888
wsql() { sqlite3 -batch -noheader -cmd ".timeout 10000" "$T/centrala.db" "$1" >/dev/null || { echo "sqlite3 failed" >&2; return 1; }; }

start_core
start_bots 1001
wait_until 20 agents_in ready 1 || fail "agent not ready"
pstn --calls 1 --cli $NUM --dnis 2000 --hold fixed:1 || fail "the call failed"
wait_until 20 sql_ge "select count(*) from cdr where cli = '$NUM' and agent = '1001'" 1 ||
	fail "no answered CDR for $NUM"
CALL=$(sql "select call_id from cdr where cli = '$NUM'")

# The rest of the person's records, and someone else's.
mkdir -p "$T/recordings/2026-01-02" "$T/voicemail/sales"
printf 'RIFF-zofia-recording' >"$T/recordings/2026-01-02/$CALL.wav"
printf 'RIFF-zofia-voicemail' >"$T/voicemail/sales/vm1.wav"
printf 'RIFF-other-recording' >"$T/recordings/2026-01-02/other.wav"
wsql "
INSERT INTO customers (name, company, phone, email, phone_key, created_ms, updated_ms)
	VALUES ('$NAME', 'Wąsowscy sp. j.', '+48$NUM', 'zofia@example.org', '$NUM', 1, 1);
INSERT INTO customers (name, phone, phone_key, created_ms, updated_ms)
	VALUES ('Other Person', '511222333', '511222333', 1, 1);
UPDATE contacts SET customer_id = 1, note = 'Zofia prefers mornings' WHERE call_id = '$CALL';
INSERT INTO contacts (call_id, customer_id, agent, direction, number, start_ms, note, updated_ms)
	VALUES ('cother', 2, '1001', 'in', '511222333', 6, 'other note', 6);
INSERT INTO cdr (call_id, direction, start_ms, end_ms, cli, dnis, cleared_by)
	VALUES ('cother', 'in', 6, 7, '511222333', '2000', 'network');
INSERT INTO recordings (call_id, path, format, why, start_ms, end_ms, status)
	VALUES ('$CALL', '2026-01-02/$CALL.wav', 'mixed', 'policy', 5, 6, 'ok');
INSERT INTO recordings (call_id, path, format, why, start_ms, end_ms, status)
	VALUES ('cother', '2026-01-02/other.wav', 'mixed', 'policy', 6, 7, 'ok');
INSERT INTO voicemail (call_id, box, cli, path, start_ms)
	VALUES ('cvm1', 'sales', '0$NUM', 'sales/vm1.wav', 8);
INSERT INTO callbacks (parent, number, queue, requested_ms, place_ms, note)
	VALUES ('$CALL', '$NUM', 'sales', 5, 5, 'call $NAME back');
INSERT INTO lists (id, campaign, name, created_ms) VALUES (77, 'winter', 'l1', 1);
INSERT INTO records (id, list_id, line, phone, name) VALUES (901, 77, 2, '+48$NUM', '$NAME');
INSERT INTO records (id, list_id, line, phone, name) VALUES (902, 77, 3, '+48511222333', 'Other Person');
INSERT INTO attempts (record_id, ts_ms, outcome) VALUES (901, 9, 'busy');
INSERT INTO events (ts_ms, kind, detail) VALUES (9, 'campaign_dial', '{\"phone\":\"+48$NUM\",\"name\":\"$NAME\"}');
" || fail "writing the fixture"

# Export: everything, as one JSON document.
ctl customer export 1 >"$T/export.json" 2>"$T/export.err" || fail "export: $(cat "$T/export.err")"
python3 - "$T/export.json" "$CALL" <<'PY' || fail "export incomplete: $(head -c 2000 "$T/export.json")"
import json, sys
d = json.load(open(sys.argv[1])); call = sys.argv[2]
assert d["customer"]["name"] == "Zofia Wąsowska", d["customer"]
assert [c["note"] for c in d["contacts"]] == ["Zofia prefers mornings"], d["contacts"]
assert call in [c["call_id"] for c in d["calls"]] and "cother" not in [c["call_id"] for c in d["calls"]], d["calls"]
assert [r["path"] for r in d["recordings"]] == ["2026-01-02/%s.wav" % call], d["recordings"]
assert [v["path"] for v in d["voicemail"]] == ["sales/vm1.wav"], d["voicemail"]
assert [c["number"] for c in d["callbacks"]] == ["600777888"], d["callbacks"]
assert [(r["id"], r["campaign"]) for r in d["records"]] == [(901, "winter")], d["records"]
assert [a["outcome"] for a in d["attempts"]] == ["busy"], d["attempts"]
PY
pass "export holds the customer, note, call, recording, voicemail, callback, record and attempt"

ctl customer export 1 --out "$T/out" >"$T/out.txt" 2>&1 || fail "export --out: $(cat "$T/out.txt")"
grep -q "exported to $T/out/customer-1.json (2 files copied, 0 missing)" "$T/out.txt" || fail "export --out said: $(cat "$T/out.txt")"
cmp -s "$T/out/recordings/2026-01-02/$CALL.wav" "$T/recordings/2026-01-02/$CALL.wav" &&
	cmp -s "$T/out/voicemail/sales/vm1.wav" "$T/voicemail/sales/vm1.wav" || fail "files not copied beside the JSON"
grep -q "Zofia prefers mornings" "$T/out/customer-1.json" || fail "no JSON written by --out"
grep -q "security: customer 1 exported by" "$T/log/core.log" || fail "export not logged as a security event"
pass "export --out writes the JSON with the files beside it; logged"

# Bad requests: clear errors, nothing changed.
ctl customer erase 99 >"$T/bad1" 2>&1 && fail "erase of an unknown customer succeeded"
grep -q "customer 99: no such customer" "$T/bad1" || fail "unknown customer said: $(cat "$T/bad1")"
ctl customer erase abc >"$T/bad2" 2>&1; [ $? = 2 ] || fail "a bad id is not a usage error"
grep -q '"abc" is not a customer id' "$T/bad2" || fail "bad id said: $(cat "$T/bad2")"
ctl customer forget 1 >"$T/bad3" 2>&1; [ $? = 2 ] && grep -q "not export or erase" "$T/bad3" || fail "bad action said: $(cat "$T/bad3")"
ctl req '{"req":"customer-erase","customer":"1"}' >"$T/bad4" 2>&1 && fail "a string id accepted"
ctl customer erase 1 --out "$T/x" >"$T/bad5" 2>&1; [ $? = 2 ] && grep -q "out applies to export only" "$T/bad5" ||
	fail "--out with erase said: $(cat "$T/bad5")"
ctl status --out "$T/x" >"$T/bad6" 2>&1; [ $? = 2 ] && grep -q "status: --out does not apply" "$T/bad6" ||
	fail "--out with status said: $(cat "$T/bad6")"
raw @hello '{"id":6,"req":"login","user":"super","pin":"4321"}' '{"id":7,"req":"customer-erase","customer":1}' \
	'{"id":8,"req":"customer-export","customer":1}' >"$T/raw.out"
grep -q '"id":7,"ok":false,"error":"forbidden"' "$T/raw.out" && grep -q '"id":8,"ok":false,"error":"forbidden"' "$T/raw.out" ||
	fail "a supervisor was not refused: $(cat "$T/raw.out")"
sql_is "select count(*) from customers" 2 || fail "a refused request changed customers"
pass "unknown, malformed ids and actions refused with clear errors; supervisors refused"

# Erase: one audit line, and no trace left.
sql "select * from queue_totals order by start_ms, queue" >"$T/totals.before"
[ -s "$T/totals.before" ] || fail "no queue totals for the customer's call"
ctl customer erase 1 >"$T/erase.out" 2>&1 || fail "erase: $(cat "$T/erase.out")"
grep -q "customer 1 erased:.* contacts 1" "$T/erase.out" || fail "erase said: $(cat "$T/erase.out")"
[ ! -e "$T/recordings/2026-01-02/$CALL.wav" ] && [ ! -e "$T/voicemail/sales/vm1.wav" ] || fail "files of the customer left"
[ -e "$T/recordings/2026-01-02/other.wav" ] || fail "another customer's recording deleted"
sql_is "select count(*) || ' ' || customer_id || ' ' || json_extract(counts, '$.files') || ' ' || json_extract(counts, '$.records') from erasures" "1 1 2 1" ||
	fail "audit line: $(sql 'select * from erasures')"
sql_is "select cli from cdr where call_id = '$CALL'" erased || fail "the CDR was not kept with its number erased"
sql_is "select count(*) from customers where name = 'Other Person'" 1 &&
	sql_is "select count(*) from contacts where call_id = 'cother'" 1 &&
	sql_is "select count(*) from records where id = 902" 1 &&
	sql_is "select cli from cdr where call_id = 'cother'" 511222333 || fail "another customer's records touched"
grep -q "security: customer 1 erased by" "$T/log/core.log" || fail "erase not logged as a security event"
for what in "$NAME" Wąsowska $NUM "Zofia" "zofia@"; do
	for f in "$T/centrala.db" "$T/centrala.db-wal"; do
		[ -e "$f" ] || continue
		! grep -aq "$what" "$f" || fail "\"$what\" still in $(basename "$f")"
	done
	! grep -raq "$what" "$T/recordings" "$T/voicemail" || fail "\"$what\" still under recordings/ or voicemail/"
done
# The per-interval totals are aggregates with nothing of the person.
sql "select * from queue_totals order by start_ms, queue" | cmp -s - "$T/totals.before" ||
	fail "the queue totals changed by the erase"
pass "erase leaves no trace but the audit line; the CDR and the queue totals kept"

# The core goes on: a new call is stored.
pstn --calls 1 --cli 511000111 --dnis 2000 --hold fixed:1 || fail "no call after the erase"
wait_until 20 sql_ge "select count(*) from cdr where cli = '511000111'" 1 || fail "no CDR after the erase"
pass "calls go on after the erase"
