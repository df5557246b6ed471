#!/bin/sh
# e2e-200.sh: 200 calls into 3 queues with different skills (sales asks
# polish:3 and widens after 5 s; the helpdesk asks english:4; billing asks
# nothing), 16 scripted agents with mixed skills, wrap-up on every queue,
# and a group of agents taking a break (logged off) mid-run. The report's
# figures per queue equal those counted independently: offered from the
# telco simulator's own log, answered/abandoned/ASA/service level from the
# CDRs.
. "$top_srcdir/tests/integ/lib.sh"

sed -e 's/^wrapup = 0$/wrapup = 2/' \
    -e '/^\[queue sales\]$/a skills = polish:3\nwiden = 5:2' \
    -e '/^\[queue support\]$/a skills = english:4' "$S/data/centrala.ini" >"$T/c.ini"
for a in $(seq 1017 1024); do sed -i "/^\[agent $a\]\$/a skills = polish:5" "$T/c.ini"; done
for a in $(seq 1025 1032); do sed -i "/^\[agent $a\]\$/a skills = english:6, polish:2" "$T/c.ini"; done
start_core -c "$T/c.ini"
start_bots 1021-1032 --talk 4 --talk-exp --accept-delay 300 --seed 3
"$B/tests/agentbot" --state-dir "$T" --agents 1017-1020 --talk 4 --talk-exp --accept-delay 300 >>"$T/break.log" 2>&1 &
BREAK_PID=$!
PIDS="$PIDS $BREAK_PID"
wait_until 20 agents_in ready 16 || fail "agents not ready"
pstn_bg --calls 200 --rate 8 --dnis 2000,2001,2002 --hold uniform:2:15 --seed 11
sleep 8	# the break starts 8 s into the run, by design
kill "$BREAK_PID"
wait_until 10 agents_in logged_out 20 || fail "break group did not log off"
sleep 6	# a 6 s break
"$B/tests/agentbot" --state-dir "$T" --agents 1017-1020 --talk 4 --talk-exp --accept-delay 300 >>"$T/break.log" 2>&1 &
PIDS="$PIDS $!"
wait "$PSTN_PID" || fail "pstn failed"
cat "$T/pstn.out" >>"$T/pstn.log"
wait_until 20 sql_is "select count(*) from cdr" 200 || fail "CDRs: $(sql 'select count(*) from cdr')"

"$B/centrala-report" --state-dir "$T" --interval day --from "$(date -u -d yesterday +%F)" --csv >"$T/report.csv" ||
	fail "report failed"
cat "$T/report.csv"
python3 - "$T" <<'PY' || fail "report disagrees (see above)"
import csv, re, sqlite3, sys
T = sys.argv[1]
queue_of = {"2000": "sales", "2001": "support", "2002": "billing"}
sl_target = {"sales": 20, "support": 30, "billing": 60}
rep = {}
for r in csv.DictReader(open(f"{T}/report.csv")):
    q = rep.setdefault(r["queue"], {k: 0 for k in ("offered", "answered", "abandoned", "short")})
    for k in q:
        q[k] += int(r[k if k != "short" else "short_abandoned"])
    q["sl"] = r["sl_pct"]
pstn = {}
for line in open(f"{T}/pstn.out"):
    m = re.search(r"^call .* dnis=(\d+) result=answered", line)
    if m:
        pstn[queue_of[m.group(1)]] = pstn.get(queue_of[m.group(1)], 0) + 1
db = sqlite3.connect(f"{T}/centrala.db")
bad = sum(pstn.values()) != 200
for q in queue_of.values():
    ans, ab, short, in_sl = db.execute(
        "select sum(agent is not null), sum(agent is null and wait_ms >= 5000), "
        "sum(agent is null and wait_ms < 5000), sum(agent is not null and wait_ms <= ?) "
        "from cdr where queue = ?", (sl_target[q] * 1000, q)).fetchone()
    offered = pstn.get(q, 0)
    sl = "%.1f" % (100.0 * in_sl / (offered - short)) if offered - short else "-"
    want = {"offered": offered, "answered": ans, "abandoned": ab, "short": short, "sl": sl}
    got = rep.get(q)
    print(f"{q}: report {got}; independent {want}")
    bad |= got != want
# The skills held: no helpdesk call went to an agent without english:4.
wrong = db.execute("select count(*) from cdr where queue='support' and agent between '1017' and '1024'").fetchone()[0]
print(f"helpdesk calls answered by agents without english: {wrong}")
sys.exit(1 if bad or wrong else 0)
PY
pass "200 calls, 3 queues, skills, wrap-up, a break: the report equals the telco's and the CDRs' counts, SL included"
[ "$(sql "select count(*) from events where kind='agent_state' and state='wrap_up'")" -ge 50 ] || fail "too little wrap-up"
[ "$(sql "select count(*) from events where kind='agent_logout' and agent between '1017' and '1020'")" -ge 4 ] || fail "no break"
pass "wrap-up and the break really happened"
