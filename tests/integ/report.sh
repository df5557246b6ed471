#!/bin/sh
# report.sh: 60 calls into 3 queues served by 6 scripted agents, so that
# some callers are answered, some give up early (short abandons) and some
# later. The report's figures, computed from the event table, must equal
# the counts taken independently from the telco simulator's own log (what
# was offered to each number) and from the CDR table (who talked, who
# waited how long).
. "$top_srcdir/tests/integ/lib.sh"

start_core
start_bots 1025-1030 --talk 3 --accept-delay 500
wait_until 20 agents_in ready 6 || fail "agents not ready"
pstn --calls 60 --rate 10 --dnis 2000,2001,2002 --hold uniform:1:12 --seed 7 || fail "pstn failed"
wait_until 10 sql_is "select count(*) from cdr" 60 || fail "CDRs missing"
wait_until 10 agents_in ready 6 || fail "agents busy after the run"

yesterday=$(date -u -d yesterday +%F)
"$B/centrala-report" --state-dir "$T" --interval day --from "$yesterday" --csv >"$T/report.csv" ||
	fail "report failed"
"$B/centrala-report" --state-dir "$T" --interval day --from "$yesterday" --agents --csv >"$T/agents.csv" ||
	fail "agent report failed"
cat "$T/report.csv" >>"$T/pstn.log"
python3 - "$T" <<'PY' || fail "report disagrees (see above)"
import csv, re, sqlite3, sys
T = sys.argv[1]
queue_of = {"2000": "sales", "2001": "support", "2002": "billing"}
rep = {}
for r in csv.DictReader(open(f"{T}/report.csv")):
    q = rep.setdefault(r["queue"], {"offered": 0, "answered": 0, "abandoned": 0, "short": 0, "asa": []})
    for k in ("offered", "answered", "abandoned"):
        q[k] += int(r[k])
    q["short"] += int(r["short_abandoned"])
    if r["asa_s"] != "-":
        q["asa"].append((float(r["asa_s"]), int(r["answered"])))
# Independent 1: the telco's own log says what each queue was offered.
pstn = {}
for line in open(f"{T}/pstn.out"):
    m = re.search(r"^call .* dnis=(\d+) result=answered", line)
    if m:
        q = queue_of[m.group(1)]
        pstn[q] = pstn.get(q, 0) + 1
# Independent 2: the CDRs say who reached an agent and how long others waited.
db = sqlite3.connect(f"{T}/centrala.db")
bad = 0
for q in queue_of.values():
    ans, ab, short, asa = db.execute(
        "select sum(agent is not null), sum(agent is null and wait_ms >= 5000), "
        "sum(agent is null and wait_ms < 5000), avg(case when agent is not null "
        "then wait_ms end) / 1000.0 from cdr where queue = ?", (q,)).fetchone()
    r = rep.get(q, {})
    want = {"offered": pstn.get(q, 0), "answered": ans, "abandoned": ab, "short": short}
    got = {k: r.get(k) for k in want}
    rep_asa = sum(a * n for a, n in r["asa"]) / max(1, sum(n for a, n in r["asa"]))
    print(f"{q}: report {got} asa {rep_asa:.2f}; independent {want} asa {asa or 0:.2f}")
    if got != want or abs(rep_asa - (asa or 0)) > 0.06:
        bad = 1
agents = sum(int(r["handled"]) for r in csv.DictReader(open(f"{T}/agents.csv")))
total = sum(r["answered"] for r in rep.values())
print(f"agents handled {agents}, queues answered {total}")
if agents != total or sum(pstn.values()) != 60:
    bad = 1
sys.exit(bad)
PY
pass "report = the telco's offered counts and the CDRs' answered/abandoned/ASA, per queue"
[ "$(sql "select count(*) from cdr where agent is null")" -ge 1 ] || fail "no abandons: the test lost its point"
[ "$(sql "select count(*) from cdr where agent is not null")" -ge 10 ] || fail "too few answered"
pass "the mix has both answered and abandoned callers"

# Every offered call is in exactly one outcome column, in every row.
python3 - "$T/report.csv" <<'PY' || fail "outcome columns do not add up to offered"
import csv, sys
outcomes = ("answered", "abandoned", "short_abandoned", "to_callback",
            "overflowed", "max_wait_exit", "cut", "still_waiting")
rows = list(csv.DictReader(open(sys.argv[1])))
bad = [r for r in rows if sum(int(r[k]) for k in outcomes) != int(r["offered"])]
for r in bad:
    print("row does not add up:", r)
sys.exit(1 if bad or not rows else 0)
PY
pass "each row's outcome columns add up to offered"

# The CSV header is an interface (docs/STATISTICS.md): it must not drift.
want="interval,queue,offered,answered,abandoned,short_abandoned,to_callback,overflowed,max_wait_exit,cut,still_waiting,sl_pct,asa_s,sl_answered_pct,aht_s,abandon_pct,longest_wait_s,cb_requested,cb_connected,cb_failed,cb_delay_s"
[ "$(head -n 1 "$T/report.csv")" = "$want" ] || fail "queue CSV header changed: $(head -n 1 "$T/report.csv")"
want="interval,agent,handled,ready_s,ringing_s,on_call_s,wrap_up_s,not_ready_s,occupancy_pct,not_ready_reasons_s"
[ "$(head -n 1 "$T/agents.csv")" = "$want" ] || fail "agent CSV header changed: $(head -n 1 "$T/agents.csv")"
grep -q "still_waiting" "$S/docs/STATISTICS.md" || fail "CSV names not documented"
pass "CSV headers are the documented, stable names"

# The default table fits 80 columns and its legend explains the headers;
# agents come in id order; --list names both reports.
"$B/centrala-report" --state-dir "$T" --interval day --from "$yesterday" >"$T/table.txt" || fail "table failed"
"$B/centrala-report" --state-dir "$T" --interval day --from "$yesterday" agents >"$T/atable.txt" || fail "agent table failed"
long=$(cat "$T/table.txt" "$T/atable.txt" | awk 'length > 80' | head -n 3)
[ -z "$long" ] || fail "lines over 80 columns: $long"
grep -q "^Offered = Answered + Aband" "$T/table.txt" || fail "no legend under the table"
grep -q "^sales " "$T/table.txt" || fail "no sales row in the table"
awk 'NR > 2 && /^[0-9]+ /{print $1}' "$T/atable.txt" >"$T/ids"
[ "$(wc -l <"$T/ids")" -eq 6 ] && sort -n -c "$T/ids" || fail "agents not 6 in id order: $(tr '\n' ' ' <"$T/ids")"
"$B/centrala-report" --state-dir "$T" --interval day --from "$yesterday" --wide >"$T/wide.txt" || fail "wide failed"
grep -q "Longest" "$T/wide.txt" || fail "--wide lacks the longest-wait column"
"$B/centrala-report" --list >"$T/list.txt" || fail "--list failed"
grep -q "^queues " "$T/list.txt" && grep -q "^agents " "$T/list.txt" || fail "--list: $(cat "$T/list.txt")"
pass "the table fits 80 columns with a legend, agents by id, --wide, --list"

# Real time and reports share one engine: the core's figures for today
# equal the report's, live and again after a restart (primed from the db).
live_vs_report() {
	ctl status --json >"$T/status.json" || return 1
	python3 - "$T" <<'PY'
import csv, json, sys
T = sys.argv[1]
rep = {}
for r in csv.DictReader(open(f"{T}/report.csv")):
    q = rep.setdefault(r["queue"], [0, 0, 0, 0])
    for i, k in enumerate(("offered", "answered", "abandoned", "short_abandoned")):
        q[i] += int(r[k])
st = json.load(open(f"{T}/status.json"))
for q in st["queues"]:
    t = q["today"]
    live = [t["offered"], t["answered"], t["abandoned"], t["short_abandoned"]]
    if live != rep.get(q["name"], [0, 0, 0, 0]):
        print(f"{q['name']}: live {live} report {rep.get(q['name'])}")
        sys.exit(1)
PY
}
# (a run across midnight UTC would split the report's rows from "today")
live_vs_report || fail "live figures differ from the report"
pass "the core's real-time figures for today equal the report's"
ctl stop >/dev/null 2>&1 || fail "stop"
wait_until 10 sh -c "! kill -0 $CORE_PID" || fail "core did not stop"
start_core
live_vs_report || fail "after a restart the live figures differ from the report"
pass "after a restart the day's figures are primed from the database"
