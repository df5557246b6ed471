#!/bin/sh
# report-detail.sh: the call detail, IVR choices, trunk usage, clients and
# campaign reports, and --client/--queue/--agent filters, on a fixture
# database (the real schema, rows as the core writes them) whose expected
# figures are worked out by hand below; the CSV headers are stable names.
. "$top_srcdir/tests/integ/lib.sh"

DB="$T/centrala.db"
sqlite3 "$DB" <"$S/data/schema.sql" || fail "schema"

# Two clients: acme owns queue sales and DID 2000; globex owns queue
# support and DIDs 2001, 2002 (2002 is the IVR menu main). Agent 1001
# serves sales, 1002 support. Two E1 spans.
cat >"$T/centrala.ini" <<'INI'
[core]
state_dir = state
[span e1a]
[span e1b]
[client acme]
[client globex]
[did 2000]
target = queue:sales
client = acme
[did 2001]
target = queue:support
client = globex
[did 2002]
target = menu:main
client = globex
[queue sales]
client = acme
[queue support]
client = globex
[menu main]
1 = queue:support
[agent 1001]
name = Anna
pin = $6$rounds=5000$GysFKho3d1qaPanY$2f6vFiO8TVlZxBdzg9JBwu59uEFuDovsgzenyfssSxc8eKdsHiGqnccuVA2ZhY2U/JNv74eDstDAlO7tluApa/
queues = sales
[agent 1002]
name = Piotr
pin = $6$rounds=5000$GysFKho3d1qaPanY$2f6vFiO8TVlZxBdzg9JBwu59uEFuDovsgzenyfssSxc8eKdsHiGqnccuVA2ZhY2U/JNv74eDstDAlO7tluApa/
queues = support
INI

# The day: 2026-12-01, times UTC (10:00:00 = 1796119200000 ms).
# call  dir span/ch  start-end         number       DID   queue   agent wait talk outcome    disposition
# c1    in  e1a/1    10:00:00-10:10:00 48601000001  2000  sales   1001  10   590  answered   sale
# c2    in  e1a/2    10:05:00-10:35:00 48601000002  2001  support 1002  30  1770  answered   info
# c3    in  e1a/3    10:20:00-10:21:00 48601000003  2000  sales   -     60     0  abandoned  -
# c4    in  e1b/1    10:40:00-11:20:00 48601000004  2002  support 1002  20  2360  answered   sale
#       (IVR: no key, then 1; queued 10:40:20, answered 10:40:40)
# c7    in  e1b/2    10:45:00-10:46:00 48601000007  2002  -       -     -      0  hung up    -
#       (IVR: 7, 7 (invalid), then gave up: hangup)
# c8    in  e1b/2    10:50:00-10:51:00 48601000008  2002  support 1002  20    30  answered   -
#       (IVR: 1; queued 10:50:10, answered 10:50:30)
# c6    in  e1a/1    11:00:00-11:30:00 48601000006  2000  sales   1001   0  1800  answered   -
# c5    out none     11:30:00          48609999999  -     -       -     -      0  no channel (cause 34)
# and one SETUP refused at 10:50:00 on e1a for want of a channel (to 2000).
python3 - "$DB" <<'PY' || fail "fixture"
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
B = 1796119200000
def t(hms):
    h, m, s = map(int, hms.split(":"))
    return B + ((h - 10) * 3600 + m * 60 + s) * 1000
cdr = [  # id, dir, span, ch, start, end, cli, dnis, queue, agent, enter, answer, talk_s, cause, by, reason
    ("c1", "in", "e1a", 1, "10:00:00", "10:10:00", "48601000001", "2000", "sales", "1001", "10:00:00", "10:00:10", 590, 16, "network", None),
    ("c2", "in", "e1a", 2, "10:05:00", "10:35:00", "48601000002", "2001", "support", "1002", "10:05:00", "10:05:30", 1770, 16, "network", None),
    ("c3", "in", "e1a", 3, "10:20:00", "10:21:00", "48601000003", "2000", "sales", None, "10:20:00", None, 0, 16, "network", None),
    ("c4", "in", "e1b", 1, "10:40:00", "11:20:00", "48601000004", "2002", "support", "1002", "10:40:20", "10:40:40", 2360, 16, "network", None),
    ("c7", "in", "e1b", 2, "10:45:00", "10:46:00", "48601000007", "2002", None, None, None, None, 0, 16, "network", None),
    ("c8", "in", "e1b", 2, "10:50:00", "10:51:00", "48601000008", "2002", "support", "1002", "10:50:10", "10:50:30", 30, 16, "network", None),
    ("c6", "in", "e1a", 1, "11:00:00", "11:30:00", "48601000006", "2000", "sales", "1001", "11:00:00", "11:00:00", 1800, 16, "network", None),
    ("c5", "out", "", 0, "11:30:00", "11:30:00", "", "48609999999", None, None, None, None, 0, 34, "core", "no free channel"),
]
ev = []
for (cid, d, span, ch, st, en, cli, dnis, q, a, enter, ans, talk, cause, by, why) in cdr:
    wait = (t(ans or en) - t(enter)) if enter else 0
    db.execute("insert into cdr (call_id, direction, start_ms, answer_ms, end_ms, cli, dnis, span, channel,"
               " queue, agent, queue_enter_ms, agent_answer_ms, wait_ms, talk_ms, cause, cleared_by, reason)"
               " values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
               (cid, d, t(st), t(st) if d == "in" else 0, t(en), cli, dnis, span, ch, q, a,
                t(enter) if enter else 0, t(ans) if ans else 0, wait, talk * 1000, cause, by, why))
    if enter:
        ev.append((t(enter), "queue_enter", cid, None, q, None, None))
        if ans:
            ev.append((t(ans), "answer", cid, a, q, None, None))
        else:
            ev.append((t(en), "abandon", cid, None, q, None, None))
    ev.append((t(en), "call_end", cid, a, q, None, None))
ivr = [("10:40:10", "c4", {"timeout": ""}), ("10:40:15", "c4", {"key": "1"}),
       ("10:45:10", "c7", {"invalid": "7"}), ("10:45:20", "c7", {"invalid": "7"}),
       ("10:45:30", "c7", {"fail": "hangup"}), ("10:50:05", "c8", {"key": "1"})]
for hms, cid, d in ivr:
    ev.append((t(hms), "ivr", cid, None, None, None, json.dumps(dict(menu="main", **d))))
ev.append((t("10:50:00"), "blocked", None, None, None, None,
           json.dumps({"span": "e1a", "cli": "48601000009", "dnis": "2000"})))
for e in sorted(ev, key=lambda e: e[0]):
    db.execute("insert into events (ts_ms, kind, call_id, agent, queue, state, detail) values (?,?,?,?,?,?,?)", e)
for cid, a, disp in (("c1", "1001", "sale"), ("c2", "1002", "info"), ("c4", "1002", "sale"), ("c8", "1002", None)):
    db.execute("insert into contacts (call_id, agent, direction, number, start_ms, disposition, updated_ms)"
               " values (?, ?, 'in', '', ?, ?, ?)", (cid, a, B, disp, B))
db.commit()
PY

R() { "$B/centrala-report" --db "$DB" --config "$T/centrala.ini" --from 2026-12-01 --to 2026-12-02 "$@"; }
# expect NAME FILE: FILE equals the here-document that follows.
expect() { cat >"$T/want.$1"; diff -u "$T/want.$1" "$2" || fail "$1 differs (above: - wanted, + got)"; }

# --- call detail -------------------------------------------------------
# Every call, in start order. Outbound c5: Number is whom we called.
R calls --csv >"$T/calls.csv" || fail "calls report"
expect calls "$T/calls.csv" <<'CSV'
start,call_id,direction,number,did,queue,agent,wait_s,talk_s,outcome,cause,cleared_by,reason,disposition
2026-12-01 10:00:00,c1,in,48601000001,2000,sales,1001,10,590,answered,16,network,,sale
2026-12-01 10:05:00,c2,in,48601000002,2001,support,1002,30,1770,answered,16,network,,info
2026-12-01 10:20:00,c3,in,48601000003,2000,sales,,60,0,abandoned,16,network,,
2026-12-01 10:40:00,c4,in,48601000004,2002,support,1002,20,2360,answered,16,network,,sale
2026-12-01 10:45:00,c7,in,48601000007,2002,,,,0,hung up,16,network,,
2026-12-01 10:50:00,c8,in,48601000008,2002,support,1002,20,30,answered,16,network,,
2026-12-01 11:00:00,c6,in,48601000006,2000,sales,1001,0,1800,answered,16,network,,
2026-12-01 11:30:00,c5,out,48609999999,,,,,0,no channel,34,core,no free channel,
CSV
pass "call detail: every call, its number, DID, queue, agent, wait, talk, outcome, disposition"

ids() { R calls --csv "$@" | awk -F, 'NR > 1 { printf "%s ", $2 }'; }
# --number matches the caller's number or the DID: 000004 is c4's caller;
# 2002 is the DID of c4, c7 and c8. sale: c1 and c4. Agent 1002 talked on
# c2, c4, c8. Queue sales: c1, c3, c6. Client acme (queue sales or DID
# 2000): c1, c3, c6; globex (support, 2001, 2002): c2, c4, c7, c8.
[ "$(ids --number 000004)" = "c4 " ] || fail "--number 000004: $(ids --number 000004)"
[ "$(ids --number 2002)" = "c4 c7 c8 " ] || fail "--number 2002: $(ids --number 2002)"
[ "$(ids --disposition sale)" = "c1 c4 " ] || fail "--disposition: $(ids --disposition sale)"
[ "$(ids --agent 1002)" = "c2 c4 c8 " ] || fail "--agent: $(ids --agent 1002)"
[ "$(ids --queue sales)" = "c1 c3 c6 " ] || fail "--queue: $(ids --queue sales)"
[ "$(ids --client acme)" = "c1 c3 c6 " ] || fail "--client acme: $(ids --client acme)"
[ "$(ids --client globex)" = "c2 c4 c7 c8 " ] || fail "--client globex: $(ids --client globex)"
[ "$(ids --client globex --disposition sale)" = "c4 " ] || fail "globex sale"
pass "call detail search: --number, --disposition, --agent, --queue, --client"

# Paginated text: totals of Wait (10+30+60+20+20+0 = 140) and Talk
# (590+1770+0+2360+0+30+1800+0 = 6550), the count, every line <= 80.
R calls --text >"$T/calls.txt" || fail "calls --text"
grep -q "^Total  *140  *6550" "$T/calls.txt" || fail "calls totals: $(grep Total "$T/calls.txt")"
grep -q "^8 calls" "$T/calls.txt" || fail "calls count"
grep -q "page 1 of 1" "$T/calls.txt" || fail "no page header"

# --- IVR choices -------------------------------------------------------
# menu main: key 1 twice (c4, c8); invalid 7 twice by one caller (c7);
# one timeout (c4); one caller gave up (c7, to hangup).
R ivr --csv >"$T/ivr.csv" || fail "ivr report"
expect ivr "$T/ivr.csv" <<'CSV'
menu,choice,key,times,callers
main,key,1,2,2
main,invalid,7,2,1
main,timeout,,1,1
main,gave up,hangup,1,1
CSV
# acme's calls never went through the menu.
[ "$(R ivr --csv --client acme | wc -l)" -eq 1 ] || fail "ivr --client acme"
[ "$(R ivr --csv --client globex | wc -l)" -eq 5 ] || fail "ivr --client globex"
pass "IVR choices per menu and key: keys, invalid keys, timeouts, gave up; per client"

# --- trunk usage -------------------------------------------------------
# Hour 10: e1a busy c1 600 + c2 1800 + c3 60 = 2460 s = 0.68 E (2.3% of
# 30); two at once (10:05-10:10); 3 calls; the refused SETUP: 1 blocked.
# e1b: c4 1200 s (to 11:00) + c7 60 + c8 60 = 1320 s = 0.37 E (1.2%);
# c4 and c7 overlap: peak 2; 3 calls. Hour 11: e1a c6 1800 s = 0.50 E;
# e1b c4's last 1200 s = 0.33 E, no call started. Span "any": c5 found
# no channel at 11:30 (blocked, hour 11).
R trunks --from "2026-12-01 10:00" --to "2026-12-01 12:00" --csv >"$T/trunks.csv" || fail "trunks report"
expect trunks "$T/trunks.csv" <<'CSV'
interval,span,channels,calls,peak_busy,erlangs,occupancy_pct,all_busy_s,blocked
2026-12-01 10:00,any,0,0,0,0.00,-,0,0
2026-12-01 10:00,e1a,30,3,2,0.68,2.3,0,1
2026-12-01 10:00,e1b,30,3,2,0.37,1.2,0,0
2026-12-01 11:00,any,0,0,0,0.00,-,0,1
2026-12-01 11:00,e1a,30,1,1,0.50,1.7,0,0
2026-12-01 11:00,e1b,30,0,1,0.33,1.1,0,0
CSV
# The busy hour is 10:00 (2460 + 1320 = 3780 s = 1.05 E carried, against
# 3000 s at 11:00); mean holding time 6780 s / 7 calls = 969 s; offered
# = 1.05 + 1 blocked x 969 / 3600 = 1.32 E. Erlang B on 60 channels and
# on 90 (as lib/erlang.c, tested against tables, computes it).
R trunks --from "2026-12-01 10:00" --to "2026-12-01 12:00" >"$T/trunks.txt" || fail "trunks table"
python3 - "$T/trunks.txt" <<'PY' || fail "Erlang B answer wrong (above)"
import sys
def b(n, a):
    x = 1.0
    for k in range(1, n + 1):
        x = a * x / (k + a * x)
    return x
off = 3780 / 3600 + 6780 / 7 / 3600
need = next(n for n in range(1, 100) if b(n, off) <= 0.01)
want = (f"Busy hour 2026-12-01 10:00 UTC: 1.05 erlangs carried, 1 blocked, {off:.2f} offered\n"
        f"(mean holding time 969 s). Erlang B: blocking {100 * b(60, off):.1f}% with 60 channels, "
        f"{100 * b(90, off):.1f}% with\n90 (one more E1). For 1% blocking: {need} channels.\n")
got = open(sys.argv[1]).read()
if want not in got:
    print("want:\n" + want + "got:\n" + got)
    sys.exit(1)
PY
# acme: only its calls (c1, c3, c6 on e1a) and the SETUP refused on its
# DID 2000: hour 10 e1a 660 s = 0.18 E, peak 1 (c1 and c3 do not meet).
R trunks --from "2026-12-01 10:00" --to "2026-12-01 12:00" --csv --client acme >"$T/trunks-acme.csv" || fail "trunks acme"
expect trunks-acme "$T/trunks-acme.csv" <<'CSV'
interval,span,channels,calls,peak_busy,erlangs,occupancy_pct,all_busy_s,blocked
2026-12-01 10:00,e1a,30,2,1,0.18,0.6,0,1
2026-12-01 10:00,e1b,30,0,0,0.00,0.0,0,0
2026-12-01 11:00,e1a,30,1,1,0.50,1.7,0,0
2026-12-01 11:00,e1b,30,0,0,0.00,0.0,0,0
CSV
pass "trunk usage: busy channels per span and hour, erlangs, blocked; Erlang B in words"

# --- clients ------------------------------------------------------------
# acme = queue sales: offered c1, c3, c6; answered c1, c6; c3 abandoned
# after 60 s. globex = support: c2, c4, c8 all answered (waits 30, 20,
# 20: ASA 23.3). The same figures as the queue report's rows.
R clients --interval day --csv | cut -d, -f1-6,13 >"$T/clients.csv" || fail "clients report"
expect clients "$T/clients.csv" <<'CSV'
interval,client,offered,answered,abandoned,short_abandoned,asa_s
2026-12-01,acme,3,2,1,0,5.0
2026-12-01,globex,3,3,0,0,23.3
CSV
R queues --interval day --csv --client globex | cut -d, -f2-6 >"$T/q-globex.csv"
expect q-globex "$T/q-globex.csv" <<'CSV'
queue,offered,answered,abandoned,short_abandoned
support,3,3,0,0
CSV
# Agents: acme's is 1001 (serves sales), who answered c1 and c6.
R agents --interval day --csv --client acme | cut -d, -f2,3 >"$T/a-acme.csv"
expect a-acme "$T/a-acme.csv" <<'CSV'
agent,handled
1001,2
CSV
pass "clients: queue figures per client; --client on the queue and agent reports"

# --- errors, campaigns, list, widths ------------------------------------
R calls --client nobody >"$T/err" 2>&1 && fail "unknown client accepted"
grep -q 'no \[client nobody\].*clients: acme, globex' "$T/err" || fail "client error: $(cat "$T/err")"
R calls --client acme --queue support >"$T/err" 2>&1 && fail "other client's queue accepted"
grep -q "queue support is not a queue of client acme" "$T/err" || fail "queue error: $(cat "$T/err")"
"$B/centrala-report" --db "$DB" clients >"$T/err" 2>&1 && fail "clients without a config"
grep -q "needs the core's config" "$T/err" || fail "clients error: $(cat "$T/err")"
[ "$(R campaigns)" = "no campaigns" ] || fail "campaigns: $(R campaigns)"
"$B/centrala-report" --list >"$T/list" || fail "--list"
for r in queues agents calls ivr trunks clients campaigns; do
	grep -q "^$r " "$T/list" || fail "--list lacks $r"
done
for r in calls ivr trunks clients; do
	R "$r" >"$T/$r.brief" || fail "$r table"
	R "$r" --text >"$T/$r.text" || fail "$r text"
	long=$(awk 'length > 80' "$T/$r.brief" "$T/$r.text" | head -n 2)
	[ -z "$long" ] || fail "$r: lines over 80 columns: $long"
	R "$r" --wide >/dev/null || fail "$r --wide"
done
pass "errors name what was wrong; no campaigns; --list; 80 columns"
