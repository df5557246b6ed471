#!/bin/sh
# report-totals.sh: the per-interval queue totals (schema version 8,
# docs/STATISTICS.md "Stored totals") kept by a real core as calls end.
# 40 calls from the telco simulator into 3 queues, 6 scripted agents (1 s
# of wrap-up in sales; some callers give up): then
#  - the totals equal the figures recomputed from the CDR rows (offered,
#    answered, unanswered, waits, talk, answered within SL) and the wrap-up
#    from the agents' events;
#  - the queue report from the totals equals the report from the events
#    alone (--no-totals), byte for byte, by 15 and 60 minutes and by day,
#    whole and cut at now (the hybrid: the events for the last interval);
#  - after a kill -9 with calls up, the core started again closes them
#    (recovery) and the totals take them in: the reports still agree;
#  - the migration's backfill from the events gives the same table as the
#    totals kept call by call.
. "$top_srcdir/tests/integ/lib.sh"

cp "$S/data/centrala.ini" "$T/c.ini"
python3 - "$T/c.ini" <<'PY'
import sys
p = sys.argv[1]
s = open(p).read()
s = s.replace("[queue sales]\ntitle = Sales\nclient = acme\nstrategy = longest_idle\noffer_timeout = 15\nwrapup = 0",
              "[queue sales]\ntitle = Sales\nclient = acme\nstrategy = longest_idle\noffer_timeout = 15\nwrapup = 1")
assert "wrapup = 1" in s
open(p, "w").write(s)
PY
start_core -c "$T/c.ini"
start_bots 1025-1030 --talk 2 --accept-delay 300
wait_until 20 agents_in ready 6 || fail "agents not ready"
pstn_until_done 120 --calls 40 --rate 10 --dnis 2000,2001,2002 --hold uniform:1:12 --seed 3 ||
	fail "pstn failed"
wait_until 10 sql_is "select count(*) from cdr" 40 || fail "CDRs missing"
wait_until 20 agents_in ready 6 || fail "agents busy after the run"

# The totals against the CDR rows (each call entered one queue once) and
# the agents' wrap-up periods in the events.
check_cdr() {
	python3 - "$T" "$1" <<'PY' || fail "$1: totals disagree with the CDRs (see above)"
import sqlite3, sys
T, when = sys.argv[1], sys.argv[2]
db = sqlite3.connect(f"file:{T}/centrala.db?mode=ro", uri=True)
sl = {"sales": 20, "support": 30, "billing": 60}
want = {}
for q, enter, ans, wait, talk, by in db.execute(
        "select queue, queue_enter_ms, agent_answer_ms, wait_ms, talk_ms, "
        "cleared_by from cdr where queue is not null and queue_enter_ms > 0"):
    k = (enter - enter % 900000, q)
    w = want.setdefault(k, dict(offered=0, answered=0, unanswered=0,
                                wait=0, maxwait=0, talk=0, insl=0))
    w["offered"] += 1
    if ans > 0:
        w["answered"] += 1
        w["wait"] += wait
        w["talk"] += talk
        w["insl"] += wait <= sl[q] * 1000
    else:
        w["unanswered"] += 1
    # A caller cut while waiting (here by the kill: cleared by the core)
    # has no wait of its own in the longest wait (docs/STATISTICS.md).
    if ans > 0 or by != "core":
        w["maxwait"] = max(w["maxwait"], wait)
got = {}
for r in db.execute("select start_ms, queue, offered, answered, abandoned + "
        "short_abandoned + overflowed + timed_out + to_callback + cut, "
        "wait_answered_ms, max_wait_ms, talk_ms, answered_in_sl from queue_totals"):
    got[(r[0], r[1])] = dict(offered=r[2], answered=r[3], unanswered=r[4],
                             wait=r[5], maxwait=r[6], talk=r[7], insl=r[8])
bad = 0
if sorted(got) != sorted(want):
    print("rows", sorted(got), "!=", sorted(want)); bad = 1
for k in want:
    g, w = got.get(k, {}), want[k]
    for f in ("offered", "answered", "unanswered", "insl"):
        if g.get(f) != w[f]:
            print(when, k, f, "totals", g.get(f), "CDRs", w[f]); bad = 1
    # A CDR's times and the events' are taken by the same clock, a
    # millisecond apart at most per call.
    for f in ("wait", "talk", "maxwait"):
        if abs(g.get(f, -10**9) - w[f]) > 2 * w["offered"]:
            print(when, k, f, "totals", g.get(f), "CDRs", w[f]); bad = 1
# Wrap-up: each agent's time from wrap_up to its next state, all of it.
wrap, last = 0, {}
for agent, state, ts in db.execute("select agent, state, ts_ms from events "
        "where kind = 'agent_state' order by id"):
    if agent in last and last[agent][0] == "wrap_up":
        wrap += ts - last[agent][1]
    last[agent] = (state, ts)
tw = db.execute("select total(wrap_ms) from queue_totals").fetchone()[0]
if wrap == 0 or tw != wrap:
    print(when, "wrap-up: totals", tw, "events", wrap); bad = 1
tot = db.execute("select sum(offered) from queue_totals").fetchone()[0]
print(f"{when}: {len(want)} rows, {tot} offered, wrap-up {wrap} ms: as the CDRs say")
sys.exit(bad)
PY
}

# The report from the totals (and the events after the cut) against the
# report from the events alone.
check_reports() {
	y=$(date -u -d yesterday +%F)
	tm=$(date -u -d tomorrow +%F)
	for args in "--interval 15" "--interval 60" "--interval day" \
	    "--interval 15 --to $tm" "--interval 60 --to $tm --wide" \
	    "--interval 15 --to $tm --queue sales"; do
		# shellcheck disable=SC2086
		"$B/centrala-report" --state-dir "$T" --from "$y" $args --csv >"$T/a.csv" ||
			fail "report $args failed"
		# shellcheck disable=SC2086
		"$B/centrala-report" --state-dir "$T" --from "$y" $args --csv --no-totals >"$T/b.csv" ||
			fail "report $args --no-totals failed"
		diff "$T/b.csv" "$T/a.csv" || fail "$1: report $args: totals differ from the events"
		[ "$(wc -l <"$T/a.csv")" -gt 1 ] || fail "$1: report $args: no rows"
	done
	"$B/centrala-report" --state-dir "$T" --from "$y" --to "$tm" --config "$T/c.ini" clients --csv >"$T/a.csv" &&
	"$B/centrala-report" --state-dir "$T" --from "$y" --to "$tm" --config "$T/c.ini" clients --csv --no-totals >"$T/b.csv" &&
		diff "$T/b.csv" "$T/a.csv" || fail "$1: clients report: totals differ from the events"
	pass "$1: queue and clients reports from the totals = from the events"
}

check_cdr "after 40 calls"
pass "totals = figures from the CDRs and the wrap-up events"
check_reports "after 40 calls"

# Killed with calls up: the recovery's CDRs come into the totals too.
kill "$BOTS_PID"
wait "$BOTS_PID" 2>/dev/null
start_bots 1025-1027 --talk 600 --accept-delay 100 --no-reconnect
wait_until 20 agents_in ready 3 || fail "agents not ready again"
pstn_bg --calls 12 --rate 20 --hold never --dnis 2000,2001,2002 --seed 5
wait_until 30 field_is "len(d['calls'])" 12 || fail "12 calls never up"
wait_until 30 agents_in on_call 3 || fail "agents not on calls"
kill -9 "$CORE_PID"
wait "$CORE_PID" 2>/dev/null
wait_until 60 pstn_exited || fail "pstn did not end its calls"
start_core -c "$T/c.ini"
wait_until 10 sql_is "select count(*) from cdr" 52 || fail "recovered CDRs missing: $(sql 'select count(*) from cdr')"
[ "$(sql "select sum(offered) from queue_totals")" = 52 ] ||
	fail "offered after the recovery: $(sql "select sum(offered) from queue_totals")"
[ "$(sql "select sum(cut) from queue_totals")" -ge 1 ] || fail "no call cut by the kill counted"
check_cdr "after the kill"
pass "the recovery's CDRs are in the totals"
check_reports "after the kill"

# The backfill: the same table from the stored events at the upgrade.
kill "$CORE_PID"
wait "$CORE_PID" 2>/dev/null
ALL="select * from queue_totals order by start_ms, queue"
sql "$ALL" >"$T/kept.txt"
# Back to schema 7: step 8's tables and step 9's columns go.
sql "drop table queue_totals; drop table totals_agents;
	alter table attempts drop column amd; alter table attempts drop column greeting_ms;
	alter table attempts drop column message_ms; pragma user_version = 7"
start_core -c "$T/c.ini"
sql "$ALL" >"$T/filled.txt"
diff "$T/kept.txt" "$T/filled.txt" || fail "the backfill differs from the totals kept call by call"
[ -s "$T/filled.txt" ] || fail "backfill: no rows"
grep -q 'schema upgraded to version 8' "$T/log/core.log" "$T/core-stderr.log" 2>/dev/null ||
	fail "no upgrade logged"
pass "the upgrade's backfill from the events = the totals kept call by call"
