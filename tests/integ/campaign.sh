#!/bin/sh
# campaign.sh: a campaign on a real core. A bad [campaign] value is
# refused naming file, section and key. `ctl import-list` imports a CSV
# whose bad rows are named by line (the good ones kept); a broken file
# imports nothing. DNC numbers added by ctl block their record; why-not
# gives each reason (campaign paused, DNC, calling hours in the record's
# zone, list paused) and "dialable now" when there is none. Supervisors
# pause and resume the campaign and its lists; one limited to another
# client is refused; every change is an events row naming who.
. "$top_srcdir/tests/integ/lib.sh"

# Calling hours around now (UTC), so that a record in UTC is inside them
# and one in Tokyo (UTC+9) outside, whatever the time of the test.
h=$(date -u +%H | sed 's/^0//')
from=$(( h > 0 ? h - 1 : 0 )); to=$(( h + 2 ))
hours=$(printf 'mon-sun %02d:00-%02d:00' "$from" "$to")
[ "$to" -le 23 ] || hours=$(printf 'mon-sun %02d:00-23:59' "$from")

hash=$(sed -n '/^\[user super\]/,/^pin/s/^pin = //p' "$S/data/centrala.ini")
cat "$S/data/centrala.ini" - >"$T/c.ini" <<EOF2

[user boss]
role = supervisor
pin = $hash
clients = globex

[campaign spring]
client = acme
queues = sales
country = 44
caller_id = 020 7946 0000
hours = $hours
dispositions = sale:success:close, later:retry=60, stop:dnc
EOF2

sed 's/^caller_id = 020 7946 0000$/caller_id = 12ab/' "$T/c.ini" >"$T/bad.ini"
if "$B/centrala-core" -n -c "$T/bad.ini" >"$T/out" 2>&1; then fail "bad caller id accepted"; fi
grep -q "$T/bad.ini: \[campaign spring\] caller_id: \"12ab\": 'a' is not part of a phone number" "$T/out" ||
	fail "message: $(cat "$T/out")"
pass "a bad campaign value: file, section and key named"

start_core -c "$T/c.ini"
[ "$(sql "select state || ' ' || changed_by from campaigns")" = "paused config" ] ||
	fail "campaign row: $(sql "select * from campaigns")"

printf 'phone,name,tz,plan\n020 7946 0001,Ann,UTC,gold\n\nnot a number,Bob,,\n+81 3 1234 5678,Chie,Asia/Tokyo,\n020 7946 0001,Ann again,UTC,\n02079460002,Dan\n+44 20 7946 0003,Eve,UTC,silver\n' >"$T/list.csv"
ctl import-list spring main "$T/list.csv" --priority 5 >"$T/imp.out" 2>&1 || fail "import: $(cat "$T/imp.out")"
grep -q "^3 records imported into list main of spring (3 bad rows, 1 of them duplicates)" "$T/imp.out" &&
	grep -q '^line 4: phone "not a number": ' "$T/imp.out" &&
	grep -q '^line 6: +442079460001 is already in the list' "$T/imp.out" &&
	grep -q '^line 7: 2 fields, the header has 4' "$T/imp.out" ||
	fail "import report: $(cat "$T/imp.out")"
[ "$(sql "select group_concat(line || ':' || phone, ' ') from records order by id")" = \
	"2:+442079460001 5:+81312345678 8:+442079460003" ] || fail "records: $(sql "select * from records")"
printf 'phone,name\n02079460010,Gus\n"02079460011,Hal\n' >"$T/broken.csv"
if ctl import-list spring other "$T/broken.csv" >"$T/imp2.out" 2>&1; then fail "a broken file imported"; fi
grep -q "line 3: .*nothing imported" "$T/imp2.out" || fail "broken: $(cat "$T/imp2.out")"
[ "$(sql "select count(*) from records")" = 3 ] && [ "$(sql "select count(*) from lists")" = 1 ] ||
	fail "a broken file left rows"
ctl campaigns >"$T/cs" || fail "campaigns: $(cat "$T/cs")"
grep -Eq "^spring +acme +preview +paused +0$" "$T/cs" &&
	grep -Eq "^  list main +priority 5 +active +3 records, 3 open, 0 done$" "$T/cs" ||
	fail "campaigns: $(cat "$T/cs")"
pass "CSV import: bad rows named by line, good ones kept; a broken file imports nothing"

ann=$(sql "select id from records where phone = '+442079460001'")
chie=$(sql "select id from records where phone = '+81312345678'")
eve=$(sql "select id from records where phone = '+442079460003'")
ctl why-not "$ann" >"$T/w1" || fail "why-not: $(cat "$T/w1")"
grep -qx "campaign spring is paused" "$T/w1" || fail "why-not paused: $(cat "$T/w1")"

ctl dnc add 02079460001 --client acme --country 44 >"$T/d1" || fail "dnc add: $(cat "$T/d1")"
grep -qx "+442079460001 added to the acme do-not-call list" "$T/d1" || fail "dnc add: $(cat "$T/d1")"
ctl dnc check +442079460001 --client acme | grep -qx "+442079460001 is on the client's do-not-call list" ||
	fail "dnc check"
ctl dnc check +442079460001 --client globex | grep -qx "+442079460001 is not on a do-not-call list" ||
	fail "dnc check: another client's list"
if ctl dnc add 12ab >"$T/d2" 2>&1; then fail "a bad number accepted"; fi
grep -q "\"number\": \"12ab\": 'a' is not part of a phone number" "$T/d2" || fail "dnc bad: $(cat "$T/d2")"
printf '# global\n+48600100200\n+4860010020x\n' >"$T/dnc.txt"
ctl dnc import "$T/dnc.txt" >"$T/d3" || fail "dnc import: $(cat "$T/d3")"
grep -qx "1 numbers added to the global do-not-call list" "$T/d3" && grep -q "^line 3: " "$T/d3" ||
	fail "dnc import: $(cat "$T/d3")"
[ "$(sql "select count(*) from dnc where client is null and number = '+48600100200'")" = 1 ] ||
	fail "dnc rows: $(sql "select * from dnc")"
pass "DNC: add, check, import, bad numbers named"

PYTHONPATH="$S/tests/integ" python3 - "$T/run/centrala.sock" "$ann" "$chie" "$eve" >"$T/t.log" 2>&1 <<'PY' || { cat "$T/t.log"; fail "supervisor session"; }
import sys
from czclient import Session
sock, ann, chie, eve = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
sup = Session(sock, {"user": "super", "pin": "4321"})
boss = Session(sock, {"user": "boss", "pin": "4321"})   # globex only

r = boss.req("campaign-state", campaign="spring", action="resume")
assert not r["ok"] and r["error"] == "forbidden" and \
    r["message"] == "campaign spring is not one of your clients'", r
r = boss.req("why-not", record=ann)
assert not r["ok"] and r["error"] == "forbidden", r
r = boss.req("dnc", action="add", number="+442079460009", client="acme")
assert not r["ok"] and r["error"] == "forbidden", r
r = boss.req("dnc", action="check", number="+442079460001", client="acme")
assert not r["ok"] and r["error"] == "forbidden", r
r = boss.req("dnc", action="add", number="+442079460009")
assert not r["ok"] and r["error"] == "forbidden", r
assert boss.ok("dnc", action="add", number="+442079460009", client="globex")["changed"]
assert boss.ok("dnc", action="check", number="+442079460009")["blocked"] is False
assert boss.ok("campaigns")["campaigns"] == []
assert [c["name"] for c in sup.ok("campaigns")["campaigns"]] == ["spring"]
print("ok - another client's supervisor: refused, sees no campaign; its own client's DNC list: allowed")

assert sup.ok("campaign-state", campaign="spring", action="resume")["state"] == "running"
r = sup.req("campaign-state", campaign="spring", action="resume")
assert not r["ok"] and r["error"] == "bad-state", r
r = sup.req("campaign-state", campaign="nosuch", action="pause")
assert not r["ok"] and r["error"] == "not-found", r
w = sup.ok("why-not", record=eve)
assert w["dialable"] and w["why"] == [] and w["tz"] == "UTC", w
w = sup.ok("why-not", record=ann)
assert w["why"] == ["+442079460001 is on the acme do-not-call list"], w
w = sup.ok("why-not", record=chie)
assert not w["dialable"] and len(w["why"]) == 1 and \
    w["why"][0].startswith("outside calling hours in Asia/Tokyo"), w
print("ok - why-not: DNC, calling hours in the record's zone, dialable")

assert sup.ok("list-state", campaign="spring", list="main", action="pause")["state"] == "paused"
w = sup.ok("why-not", record=eve)
assert w["why"] == ["list main is paused"], w
assert sup.ok("list-state", campaign="spring", list="main", action="resume")["state"] == "active"
r = sup.req("list-state", campaign="spring", list="nosuch", action="pause")
assert not r["ok"] and r["error"] == "not-found", r
assert sup.ok("campaign-state", campaign="spring", action="pause")["state"] == "paused"
print("ok - lists paused and resumed, the campaign paused again")
PY
cat "$T/t.log"
ctl why-not "$eve" | grep -qx "campaign spring is paused" || fail "why-not after pause"
ctl campaign spring resume | grep -qx "campaign spring: running" || fail "ctl campaign resume"
ctl why-not "$eve" | grep -qx "record $eve (+442079460003) is dialable now" || fail "why-not: dialable"
acts() { sql "select group_concat(json_extract(detail, '\$.by') || ' ' ||
	json_extract(detail, '\$.action') || ' ' || coalesce(json_extract(detail, '\$.state'), '-'), ', ')
	from (select * from events where kind = 'supervisor_action' and
	json_extract(detail, '\$.campaign') = 'spring' order by id)"; }
want="local list-import -, super campaign-state running, super list-state paused, super list-state active, super campaign-state paused, local campaign-state running"
acts_ok() { [ "$(acts)" = "$want" ]; }
wait_until 10 acts_ok || fail "supervisor_action rows: $(acts)"
[ "$(sql "select state || ' ' || changed_by from campaigns")" = "running local" ] ||
	fail "campaign row: $(sql "select * from campaigns")"
pass "campaign and list states changed by supervisors, recorded with who"

ctl reload >"$T/rl" 2>&1 || fail "reload: $(cat "$T/rl")"
ctl why-not "$eve" | grep -qx "record $eve (+442079460003) is dialable now" ||
	fail "the campaign's state lost at reload: $(ctl why-not "$eve")"
ctl stop --clear >/dev/null || fail "stop"
start_core -c "$T/c.ini"
ctl why-not "$eve" | grep -qx "record $eve (+442079460003) is dialable now" ||
	fail "the campaign's state lost at restart: $(ctl why-not "$eve")"
ctl why-not "$ann" | grep -qx "+442079460001 is on the acme do-not-call list" ||
	fail "DNC lost at restart"
pass "state, lists and DNC kept across reload and restart"
