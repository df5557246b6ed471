#!/bin/sh
# scope-report.sh: the `report` request (core/cmd-report.c) is held to a
# supervisor's clients, as scope.sh holds the other requests. "boss" sees
# globex only (clients = globex; acme has queue sales, DID 2000; globex
# support, billing, DIDs 2001, 2002): a report of acme, of queue sales or
# of agent 1001 (sales) is refused, forbidden, and logged with who and
# what; a report without a client is globex's, the same text as
# `centrala report NAME --client globex`. "super" (no clients) gets any
# report, the same text as the command's, in each format.
. "$top_srcdir/tests/integ/lib.sh"

hash=$(sed -n '/^\[user super\]/,/^pin/s/^pin = //p' "$S/data/centrala.ini")
printf '\n[user boss]\nrole = supervisor\npin = %s\nclients = globex\n' "$hash" |
	cat "$S/data/centrala.ini" - >"$T/c.ini"

start_core -c "$T/c.ini"
# No agent: every caller gives up after 1 to 3 s, on both clients' DIDs.
pstn --calls 6 --rate 5 --dnis 2000,2001 --hold uniform:1:3 --seed 3 || fail "pstn failed"
wait_until 20 sql_ge "select count(*) from cdr" 6 || fail "cdr rows: $(sql 'select count(*) from cdr')"

from=$(date -u +%F) to=$(date -u -d tomorrow +%F)
rep() { "$B/centrala-report" --db "$T/centrala.db" --config "$T/c.ini" \
	--from "$from" --to "$to" "$@"; }
rep queues --client globex >"$T/want-globex.txt" || fail "report --client globex"
rep queues >"$T/want-all.txt" || fail "report queues"
rep queues --client acme --csv >"$T/want-acme.csv" || fail "report --client acme --csv"
rep agents --client globex --text >"$T/want-agents.txt" || fail "report agents --text"
rep queues --interval day --wide >"$T/want-wide.txt" || fail "report --interval day --wide"
grep -q support "$T/want-globex.txt" || fail "no queue support in: $(cat "$T/want-globex.txt")"
grep -q sales "$T/want-all.txt" || fail "no queue sales in: $(cat "$T/want-all.txt")"

PYTHONPATH="$S/tests/integ" python3 - "$T/run/centrala.sock" "$T" "$from" "$to" \
	>"$T/t.log" 2>&1 <<'PY' || { cat "$T/t.log"; fail "report session"; }
import sys
from czclient import Session
sock, T, frm, to = sys.argv[1:]
boss = Session(sock, {"user": "boss", "pin": "4321"})   # globex only
sup = Session(sock, {"user": "super", "pin": "4321"})   # everyone
per = {"from": frm, "to": to}

def refused(what, **args):
    r = boss.req("report", report="queues", **per, **args)
    assert not r["ok"] and r["error"] == "forbidden" and \
        r["message"] == f"{what} is not one of your clients'", (args, r)

refused("client acme", client="acme")
refused("queue sales", queue="sales")
refused("queue sales", queue="sales", client="globex")
refused("agent 1001", agent="1001")
refused("campaign nosuch", campaign="nosuch")
print("ok - another client, its queue, its agent, a campaign: forbidden")

def save(name, r):
    with open(f"{T}/{name}", "w") as f:
        f.write(r["text"])

save("boss-globex.txt", boss.ok("report", report="queues", **per))
save("boss-globex2.txt", boss.ok("report", report="queues", client="globex", **per))
save("boss-agents.txt", boss.ok("report", report="agents", format="page", **per))
save("sup-all.txt", sup.ok("report", report="queues", **per))
save("sup-wide.txt", sup.ok("report", report="queues", interval="day",
     wide=True, **per))
save("sup-acme.csv", sup.ok("report", report="queues", client="acme",
     format="csv", **per))
r = sup.req("report", report="nosuch")
assert not r["ok"] and r["error"] == "bad-args" and "nosuch" in r["message"], r
r = sup.req("report", report="--print")
assert not r["ok"] and r["error"] == "bad-args" and "no report" in r["message"], r
r = sup.req("report", report="queues", format="pdf")
assert not r["ok"] and r["error"] == "bad-args" and "pdf" in r["message"], r
r = sup.req("report", report="queues", **{"from": "yesterday"})
assert not r["ok"] and r["error"] == "bad-args" and "not a date" in r["message"], r
print("ok - its own client's reports; bad names and dates said")
PY
cat "$T/t.log"
for f in globex:boss-globex.txt globex:boss-globex2.txt agents.txt:boss-agents.txt \
    all:sup-all.txt acme.csv:sup-acme.csv wide:sup-wide.txt; do
	w=${f%%:*} g=${f#*:}
	case $w in *.*) ;; *) w=$w.txt ;; esac
	cmp -s "$T/want-$w" "$T/$g" || { diff "$T/want-$w" "$T/$g"; fail "$g is not the command's want-$w"; }
done
pass "the reports are the command's text: boss gets globex's, super any"

wait_until 10 grep -q "scope: supervisor boss refused report on agent 1001" "$T/log/core.log" ||
	fail "refusal not logged: $(grep scope "$T/log/core.log")"
[ "$(grep -c "scope: supervisor boss refused report" "$T/log/core.log")" = 5 ] ||
	fail "refusals logged: $(grep scope "$T/log/core.log")"
pass "refusals logged with who and what"

# The size cap: a quarter of [core] client_outbuf (16384 bytes here). 400
# more calls make the call detail report longer than that: refused, busy,
# saying why, and the client is not cut off (its next report comes).
kill "$CORE_PID"; wait "$CORE_PID" 2>/dev/null
fill_calls 400 "$(($(date -u -d "$from" +%s) * 1000 + 60000))"
sed '/^\[core\]$/a client_outbuf = 65536' "$T/c.ini" >"$T/small.ini"
grep -q "^client_outbuf = 65536" "$T/small.ini" || fail "no [core] in c.ini"
start_core -c "$T/small.ini"
PYTHONPATH="$S/tests/integ" python3 - "$T/run/centrala.sock" "$from" "$to" \
	>"$T/t2.log" 2>&1 <<'PY' || { cat "$T/t2.log"; fail "report size cap"; }
import sys
from czclient import Session
sock, frm, to = sys.argv[1:]
sup = Session(sock, {"user": "super", "pin": "4321"})
r = sup.req("report", report="calls", **{"from": frm, "to": to})
assert not r["ok"] and r["error"] == "busy" and \
    r["message"].startswith("report calls: over 16384 bytes, stopped"), r
assert "sales" in sup.ok("report", report="queues", **{"from": frm, "to": to})["text"]
print("ok - over the size cap: busy, and the session goes on")
PY
cat "$T/t2.log"
grep -q "report calls for client [0-9]*: over 16384 bytes" "$T/log/core.log" ||
	fail "the stop is not logged: $(grep 'report ' "$T/log/core.log")"
pass "a report over the size cap is stopped, said and logged"
