#!/bin/sh
# report-campaign.sh: the campaigns and compliance reports on a fixture
# database (the real schema, rows as the dialer writes them) whose figures
# are worked out by hand below; --by list/agent, --campaign, --client
# scoping, stable CSV headers, 80 columns, the errors.
. "$top_srcdir/tests/integ/lib.sh"

DB="$T/centrala.db"
sqlite3 "$DB" <"$S/data/schema.sql" || fail "schema"

# spring calls for acme (target 10, every day 08:00-20:00 in each
# record's zone); survey for globex (no target, the default hours: mon-fri
# 09:00-20:00, sat 10:00-16:00; cap 3 by default).
cat >"$T/centrala.ini" <<'INI'
[core]
state_dir = state
[span e1a]
[client acme]
[client globex]
[queue sales]
client = acme
[queue support]
client = globex
[agent 1001]
name = Anna
pin = $6$rounds=5000$GysFKho3d1qaPanY$2f6vFiO8TVlZxBdzg9JBwu59uEFuDovsgzenyfssSxc8eKdsHiGqnccuVA2ZhY2U/JNv74eDstDAlO7tluApa/
queues = sales
[agent 1002]
name = Piotr
pin = $6$rounds=5000$GysFKho3d1qaPanY$2f6vFiO8TVlZxBdzg9JBwu59uEFuDovsgzenyfssSxc8eKdsHiGqnccuVA2ZhY2U/JNv74eDstDAlO7tluApa/
queues = support
[campaign spring]
client = acme
queues = sales, support
caller_id = +442079460999
hours = mon-sun 08:00-20:00
target = 10
abandon_cap = 3
dispositions = sale:success:close, later:retry=60, no:close, stop:dnc
[campaign survey]
client = globex
queues = support
caller_id = +48221000999
dispositions = done:success:close, refused:close
INI

# spring (running): list main (priority 5): r1 +442079460001 (London, by
# its number) done; r2 +442079460002 open, due in the far future; r3
# +12125550003 (tz America/New_York) open, far future; r4 +442079460004
# done, on acme's DNC list since 2026-11-01. List extra (priority 1): r5
# +442079460005 open, far future; r6 open, due, in a zone where it is noon
# now (Etc/GMT-N, chosen when the test runs); r7 open, due, in a zone where
# it is midnight now; r8 done; r9 open, due, noon zone, on the global DNC.
# survey (paused): list s1: q1 +48221000001 (Europe/Warsaw) open, due.
#
# Attempts of the day 2026-12-01 (UTC; a9 a preview skip, no dial):
# id  time  rec outcome    agent disp   call (ring)   local time / hours
# a1  10:00 r1  answered   1001  sale                 London 10:00 in
# a2  10:10 r2  busy       1001                       10:10 in
# a3  10:20 r2  noanswer   1001         o3 (20 s)     10:20 in
# a4  14:00 r3  abandoned  -                          NY 09:00 in
# a5  11:00 r5  machine    1002                       11:00 in
# a6  12:00 r4  answered   1002  stop                 12:00 in; r4 on DNC
# a7  13:00 r2  answered   1001  later                13:00 in
# a8  21:00 r5  noanswer   1002         o8 (16 s)     London 21:00 OUT
# a9  12:30 r2  skipped    1001
# a10 13:30 r3  answered   1002  sale                 NY 08:30 in
# a11 12:00 r3  busy       1002                       NY 07:00 OUT
# Before the period: p1 11-30 15:00 r5 abandoned; p2 11-30 16:00 r8
# answered (sale); p3 11-10 10:00 r5 abandoned; p4 11-10 11:00 r8
# answered. survey: s1 10:00 q1 answered 1002 done; s2 11:00 q1
# abandoned (Warsaw 11:00, 12:00 Tuesday: in its hours).
# Agents' states that day: 1001 ready 09:00, on call 10:00, wrap-up 10:30,
# ready 10:42, logged out 11:00 (2 h: ready 78 min, on call 30, wrap-up
# 12); 1002 ready 11:00, on call 11:40, not ready 12:30, out 13:00 (2 h:
# ready 40, on call 50, not ready 30). Minutes per logged-in hour (talk,
# wait = ready, wrap-up): 1001 15.0 39.0 6.0; 1002 25.0 20.0 0.0; both
# (spring, its list main) 80/240, 118/240, 12/240 h: 20.0 29.5 3.0.
python3 - "$DB" <<'PY' || fail "fixture"
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1])
D = 1796083200000  # 2026-12-01 00:00 UTC
def t(day, hms):
    h, m = map(int, hms.split(":"))
    return D + (day * 86400 + h * 3600 + m * 60) * 1000
def zone(local):  # an Etc/GMT zone where it is now about local:00
    o = (local - time.gmtime().tm_hour) % 24
    o = o - 24 if o > 14 else o
    return "Etc/GMT%+d" % -o if o else "UTC"
FAR = 99999999999999
db.execute("insert into campaigns values ('spring', 'running', 'config', 0)")
db.execute("insert into campaigns values ('survey', 'paused', 'config', 0)")
for i, (c, n, p) in enumerate((("spring", "main", 5), ("spring", "extra", 1), ("survey", "s1", 0)), 1):
    db.execute("insert into lists (id, campaign, name, priority, created_ms) values (?,?,?,?,0)", (i, c, n, p))
recs = [  # id, list, phone, tz, state, next_at
    (1, 1, "+442079460001", "", "done", 0), (2, 1, "+442079460002", "", "open", FAR),
    (3, 1, "+12125550003", "America/New_York", "open", FAR), (4, 1, "+442079460004", "", "done", 0),
    (5, 2, "+442079460005", "", "open", FAR), (6, 2, "+442079460006", zone(12), "open", 0),
    (7, 2, "+442079460007", zone(0), "open", 0), (8, 2, "+442079460008", "", "done", 0),
    (9, 2, "+442079460009", zone(12), "open", 0), (10, 3, "+48221000001", "Europe/Warsaw", "open", 0)]
for r in recs:
    db.execute("insert into records (id, list_id, line, phone, tz, state, next_at_ms) values (?,?,2,?,?,?,?)", r)
db.execute("insert into dnc (number, client, added_ms) values ('+442079460004', 'acme', ?)", (t(-30, "00:00"),))
db.execute("insert into dnc (number, client, added_ms) values ('+442079460009', NULL, ?)", (t(-30, "00:00"),))
att = [  # day, time, record, outcome, agent, disposition, call
    (0, "10:00", 1, "answered", "1001", "sale", None), (0, "10:10", 2, "busy", "1001", None, None),
    (0, "10:20", 2, "noanswer", "1001", None, "o3"), (0, "14:00", 3, "abandoned", None, None, None),
    (0, "11:00", 5, "machine", "1002", None, None), (0, "12:00", 4, "answered", "1002", "stop", None),
    (0, "13:00", 2, "answered", "1001", "later", None), (0, "21:00", 5, "noanswer", "1002", None, "o8"),
    (0, "12:30", 2, "skipped", "1001", None, None), (0, "13:30", 3, "answered", "1002", "sale", None),
    (0, "12:00", 3, "busy", "1002", None, None),
    (-1, "15:00", 5, "abandoned", None, None, None), (-1, "16:00", 8, "answered", "1001", "sale", None),
    (-21, "10:00", 5, "abandoned", None, None, None), (-21, "11:00", 8, "answered", "1001", None, None),
    (0, "10:00", 10, "answered", "1002", "done", None), (0, "11:00", 10, "abandoned", None, None, None)]
for day, hms, r, o, a, d, c in att:
    db.execute("insert into attempts (record_id, ts_ms, outcome, agent, disposition, call_id) values (?,?,?,?,?,?)",
               (r, t(day, hms), o, a, d, c))
for cid, st, secs in (("o3", "10:20", 20), ("o8", "21:00", 16)):
    db.execute("insert into cdr (call_id, direction, start_ms, end_ms, dnis, cause, cleared_by) values (?, 'out', ?, ?, '', 16, 'core')",
               (cid, t(0, st), t(0, st) + secs * 1000))
for hms, a, st in (("09:00", "1001", "ready"), ("10:00", "1001", "on_call"), ("10:30", "1001", "wrap_up"),
                   ("10:42", "1001", "ready"), ("11:00", "1001", "logged_out"), ("11:00", "1002", "ready"),
                   ("11:40", "1002", "on_call"), ("12:30", "1002", "not_ready"), ("13:00", "1002", "logged_out")):
    db.execute("insert into events (ts_ms, kind, agent, state) values (?, 'agent_state', ?, ?)", (t(0, hms), a, st))
db.commit()
PY

R() { "$B/centrala-report" --db "$DB" --config "$T/centrala.ini" --from 2026-12-01 --to 2026-12-02 "$@"; }
expect() { cat >"$T/want.$1"; diff -u "$T/want.$1" "$2" || fail "$1 differs (above: - wanted, + got)"; }

# --- campaign results --------------------------------------------------
# spring: 10 dials (a9 skipped is none); connects a1 a4 a5 a6 a7 a10 = 6;
# live a1 a4 a6 a7 a10 = 5; machine a5; abandoned a4; contacts (an agent
# talked) a1 a6 a7 a10 = 4; successes (sale) a1 a10 = 2, with p2 3 of
# the target 10 = 30.0%. Left: r2 r3 r5 r6 r7 r9 = 6; dialable now: r6
# only (r2 r3 r5 not due, r7 outside its hours, r9 on the global DNC).
# survey: 2 dials, both live, 1 abandoned, 1 contact, 1 success (done);
# no target; q1 left but the campaign is paused: 0 dialable.
R campaigns --csv >"$T/camp.csv" || fail "campaigns report"
expect camp "$T/camp.csv" <<'CSV'
campaign,attempts,connects,live,machines,abandons,contacts,successes,successes_total,target,target_pct,records_left,dialable_now,talk_min_per_h,wait_min_per_h,wrap_min_per_h,dispositions
spring,10,6,5,1,1,4,2,3,10,30.0,6,1,20.0,29.5,3.0,later=1;sale=2;stop=1
survey,2,2,2,0,1,1,1,1,-,-,1,0,25.0,20.0,0.0,done=1
CSV
# Per list: main has a1 a2 a3 a4 a6 a7 a10 a11 (left r2 r3); extra a5 a8
# (left r5 r6 r7 r9, dialable r6).
R campaigns --by list --campaign spring --csv >"$T/list.csv" || fail "--by list"
expect list "$T/list.csv" <<'CSV'
campaign,list,attempts,connects,live,machines,abandons,contacts,successes,successes_total,target,target_pct,records_left,dialable_now,talk_min_per_h,wait_min_per_h,wrap_min_per_h,dispositions
spring,main,8,5,5,0,1,4,2,-,-,-,2,0,20.0,29.5,3.0,later=1;sale=2;stop=1
spring,extra,2,1,0,1,0,0,0,-,-,-,4,1,25.0,20.0,0.0,
CSV
# Per agent: 1001 a1 a2 a3 a7; 1002 a5 a6 a8 a10 a11; a4 had none
# (abandoned before one was free).
R campaigns --by agent --campaign spring --csv >"$T/agent.csv" || fail "--by agent"
expect agent "$T/agent.csv" <<'CSV'
campaign,agent,attempts,connects,live,machines,abandons,contacts,successes,successes_total,target,target_pct,records_left,dialable_now,talk_min_per_h,wait_min_per_h,wrap_min_per_h,dispositions
spring,1001,4,2,2,0,0,2,1,-,-,-,-,-,15.0,39.0,6.0,later=1;sale=1
spring,1002,5,3,2,1,0,2,1,-,-,-,-,-,25.0,20.0,0.0,sale=1;stop=1
spring,(none),1,1,1,0,1,0,0,-,-,-,-,-,-,-,-,
CSV
R campaigns --agent 1001 --csv | cut -d, -f1-4 >"$T/a1001.csv"
expect a1001 "$T/a1001.csv" <<'CSV'
campaign,attempts,connects,live
spring,4,2,2
survey,0,0,0
CSV
pass "campaigns: dials, connects, live, machines, abandons, contacts, successes, records, agents' times; --by list, --by agent"

# --- compliance --------------------------------------------------------
# spring's live answers, with those before the period: p3 11-10 10:00 A*,
# p4 11:00, p1 11-30 15:00 A*, p2 16:00, a1 10:00, a6 12:00, a7 13:00,
# a10 13:30, a4 14:00 A* (A*: abandoned). 24 h before each answer of the
# day: at a1 p1 p2 a1 = 1/3 = 33.3% (the worst), a6 1/4, a7 1/5, a10 1/6,
# a4 2/7 = 28.6%. 30 days: at a1 p3 p4 p1 p2 a1 = 2/5 = 40.0% (worst);
# then 2/6, 2/7, 2/8, 3/9. The day: 1/5 = 20.0%. Shortest ring given up:
# a8 16 s (a3 20 s). DNC: a6 dialed r4, listed for acme. Outside hours:
# a8 (London 21:00) and a11 (New York 07:00).
# survey: 10:00 0/1, 11:00 1/2 = 50.0% in both windows; no ring given up.
R compliance --csv >"$T/comp.csv" || fail "compliance report"
expect comp "$T/comp.csv" <<'CSV'
campaign,live,abandons,abandon_pct,worst_24h_pct,worst_30d_pct,cap_pct,message_2s,min_ring_s,dials,dnc_refused,dnc_dialed,outside_hours,machines,amd_fp_est
spring,5,1,20.0,33.3,40.0,3,0,16.0,10,0,1,2,1,0.0
survey,2,1,50.0,50.0,50.0,3,0,-,2,0,0,0,0,0.0
CSV
pass "compliance: worst 24 h and 30 days, ring, DNC, calling hours per zone"

# --- --client scoping ----------------------------------------------------
R campaigns --client acme --csv | cut -d, -f1,2 >"$T/acme.csv"
expect acme "$T/acme.csv" <<'CSV'
campaign,attempts
spring,10
CSV
R compliance --client globex --csv | cut -d, -f1,2 >"$T/globex.csv"
expect globex "$T/globex.csv" <<'CSV'
campaign,live
survey,2
CSV
R campaigns --client globex --campaign spring >"$T/none" || fail "client and campaign"
[ "$(cat "$T/none")" = "no campaigns" ] || fail "another client's campaign shown: $(cat "$T/none")"
pass "--client: a client's campaigns only"

# --- errors, tables, 80 columns --------------------------------------------
R campaigns --campaign nosuch >"$T/err" 2>&1 && fail "unknown campaign accepted"
grep -q 'no campaign "nosuch" in the database (campaigns: spring, survey)' "$T/err" ||
	fail "campaign error: $(cat "$T/err")"
R campaigns --by team >"$T/err" 2>&1 && fail "--by team accepted"
grep -q 'by is list or agent, not "team"' "$T/err" || fail "--by error: $(cat "$T/err")"
R compliance --queue sales >"$T/err" 2>&1 && fail "--queue on compliance accepted"
grep -q "queue is not a filter of compliance" "$T/err" || fail "--queue: $(cat "$T/err")"
R queues --by list >"$T/err" 2>&1 && fail "--by on queues accepted"
grep -q "by is for the campaigns report" "$T/err" || fail "--by queues: $(cat "$T/err")"
R campaigns >"$T/camp.brief" || fail "campaigns table"
grep -q '^spring *10 *6 *5 *1 *1 *4 *2 *6 *1$' "$T/camp.brief" ||
	fail "campaigns table row: $(cat "$T/camp.brief")"
grep -q '^ *sale: 2$' "$T/camp.brief" || fail "a line per disposition: $(cat "$T/camp.brief")"
R compliance >"$T/comp.brief" || fail "compliance table"
grep -q 'Msg2s: abandoned calls whose message began within 2 s' "$T/comp.brief" ||
	fail "Msg2s not explained: $(cat "$T/comp.brief")"
"$B/centrala-report" --list | grep -q '^compliance ' || fail "--list lacks compliance"
for args in "campaigns" "campaigns --by list" "campaigns --by agent" "compliance"; do
	R $args >"$T/t.brief" || fail "$args table"
	R $args --text >"$T/t.text" || fail "$args text"
	long=$(awk 'length > 80' "$T/t.brief" "$T/t.text" | head -n 2)
	[ -z "$long" ] || fail "$args: lines over 80 columns: $long"
	R $args --wide >/dev/null || fail "$args --wide"
done
R campaigns --campaign spring --by list --text | grep -q "^From 2026-12-01 00:00 to 2026-12-02 00:00 UTC; campaign spring; by list$" ||
	fail "page header lacks the campaign and --by"
pass "errors name what was wrong; tables fit 80 columns"
