#!/bin/sh
# campaign-target.sh: a progressive and a preview campaign run to their
# target on a real core and the telco simulator (every number a person):
# each has target = 3 sales and 20 records. The progressive agent (1001)
# is dialed for as it goes ready; the preview agent (1002) dials each
# record it is shown. Both give the success disposition after each call.
# At the third success the campaign is finished, in the database and in
# `ctl campaigns`, and a record left is not dialable: `ctl why-not`
# says its campaign is finished.
. "$top_srcdir/tests/integ/lib.sh"

cat "$S/data/centrala.ini" - >"$T/c.ini" <<'EOF2'

[campaign prog]
client = acme
agents = 1001
country = 44
caller_id = 020 7946 0000
mode = progressive
hours = ""
dispositions = sale:success:close
target = 3
state = paused

[campaign prev]
client = acme
agents = 1002
country = 44
caller_id = 020 7946 0000
mode = preview
hours = ""
dispositions = sale:success:close
target = 3
state = paused
EOF2

start_core -c "$T/c.ini"
pstn_bg --calls 0 --profile person=100 --answer-delay fixed:0.5 --hold fixed:2 --duration 600
wait_until 20 span_up || fail "span not up"
for c in prog prev; do
	{ echo phone,name; i=1000; while [ $i -lt 1020 ]; do echo "020 7946 $i,P$i"; i=$((i + 1)); done; } >"$T/$c.csv"
	ctl import-list "$c" main "$T/$c.csv" >"$T/imp" 2>&1 || fail "import $c: $(cat "$T/imp")"
	ctl campaign "$c" resume >/dev/null || fail "resume $c"
done

PYTHONPATH="$S/tests/integ" python3 - "$T/run/centrala.sock" >"$T/t.log" 2>&1 <<'PY' || { cat "$T/t.log"; fail "agent sessions"; }
import sys, time
from czclient import Desk, Session
sock = sys.argv[1]
prog = Session(sock, {"agent": "1001", "pin": "1234"})
prev = Session(sock, {"agent": "1002", "pin": "1234"})
for a in (prog, prev):
    a.ok("ready")
sales = {"1001": 0, "1002": 0}
aid = {id(prog): "1001", id(prev): "1002"}
def preview(a, m):
    if m.get("event") == "campaign_preview" and sales[aid[id(a)]] < 3:
        a.ok("preview", action="dial")
def sold(a, call):
    sales[aid[id(a)]] += 1
desk = Desk((prog, prev), other=preview, done=sold)
end = time.time() + 300
while sales["1001"] < 3 or sales["1002"] < 3:
    assert time.time() < end, f"sales so far: {sales}"
    desk.step("sale")
print("ok - sales", sales)
PY
cat "$T/t.log"
for c in prog prev; do
	wait_until 30 sql_is "select state from campaigns where name = '$c'" finished ||
		fail "$c: $(sql "select name, state from campaigns")"
done
ctl campaigns >"$T/camps" 2>&1 || fail "ctl campaigns: $(cat "$T/camps")"
[ "$(grep -c finished "$T/camps")" -ge 2 ] || fail "ctl campaigns: $(cat "$T/camps")"
pass "the progressive and the preview campaign reached their target of 3 sales: finished"

# Nothing more is dialed: six sales stored, and a record never dialed
# is not dialable because its campaign is finished (why-not, the
# dialer's own rules).
[ "$(sql "select count(*) from attempts where disposition = 'sale'")" = 6 ] ||
	fail "sales stored: $(sql "select count(*) from attempts where disposition = 'sale'")"
for c in prog prev; do
	r=$(sql "select r.id from records r join lists l on l.id = r.list_id where l.campaign = '$c' and not exists (select 1 from attempts a where a.record_id = r.id) limit 1")
	[ -n "$r" ] || fail "$c: every record dialed"
	ctl why-not "$r" >"$T/why" 2>&1
	grep -q "campaign $c is finished" "$T/why" || fail "why-not $r: $(cat "$T/why")"
done
pass "after the target a record left is not dialable: its campaign is finished"
