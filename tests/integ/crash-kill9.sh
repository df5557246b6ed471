#!/bin/sh
# crash-kill9.sh: 200 calls up from the telco simulator on 7 spans, 32
# scripted agents talking on some, the rest waiting; `kill -9` the core.
# Every call is in the database already (calls_open), every session open.
# The core started again closes them at the killed one's last sign of
# life: CDRs = calls the simulator placed, each with a clearing cause; each
# agent's time in the report ends at the kill, within a heartbeat period
# (before the restart too: the report stops at the stale heartbeat).
# Then, killed again in a burst of arrivals: every call the simulator saw
# answered, alerted or cleared by the core has its row (write-ahead).
. "$top_srcdir/tests/integ/lib.sh"

SPANS="e1b e1c e1d e1e e1f e1g"
cp "$S/data/centrala.ini" "$T/c.ini"
for s in $SPANS; do
	sed -i "s/^\[span e1a\]\$/[span $s]\ndriver = vspan\n\n[span e1a]/" "$T/c.ini"
done
start_core -c "$T/c.ini"
start_bots 1001-1032 --talk 600 --accept-delay 100 --no-reconnect
wait_until 30 agents_in ready 32 || fail "agents not ready"
pstn_bg --span e1a $(for s in $SPANS; do printf -- '--span %s ' "$s"; done) \
	--calls 200 --rate 40 --concurrent 210 --hold never --dnis 2000,2001,2002
wait_until 90 field_is "len(d['calls'])" 200 || fail "200 calls never up: $(status_field "len(d['calls'])")"
wait_until 30 agents_in on_call 32 || fail "agents not on calls"
pass "200 calls up on 7 spans, 32 of them with an agent"

KILL_MS=$(date +%s%3N)
kill -9 "$CORE_PID"
wait "$CORE_PID" 2>/dev/null
[ "$(sql 'select count(*) from calls_open')" = 200 ] || fail "open calls after the kill: $(sql 'select count(*) from calls_open')"
[ "$(sql 'select count(*) from sessions where logout_ms = 0')" = 32 ] || fail "open sessions: $(sql 'select count(*) from sessions where logout_ms = 0')"
PERIOD_MS=$(sql 'select period_ms from heartbeat')
ALIVE_MS=$(sql 'select alive_ms from heartbeat')
# A timer may fire a little late on a loaded machine: SLACK_MS for that.
SLACK_MS=500
[ "$PERIOD_MS" -gt 0 ] && [ $((KILL_MS - ALIVE_MS)) -le $((PERIOD_MS + SLACK_MS)) ] && [ "$ALIVE_MS" -le "$KILL_MS" ] ||
	fail "heartbeat $ALIVE_MS (period $PERIOD_MS) vs kill at $KILL_MS"
pass "killed: 200 calls and 32 sessions open in the database, heartbeat $((KILL_MS - ALIVE_MS)) ms old"

wait_until 60 sh -c "! kill -0 $PSTN_PID" || fail "pstn did not end its calls"
wait "$PSTN_PID"
cat "$T/pstn.out" >>"$T/pstn.log"
PLACED=$(summary_field placed)
[ -n "$PLACED" ] && [ "$PLACED" -ge 200 ] || fail "pstn placed '$PLACED'"
kill "$BOTS_PID" 2>/dev/null

# Each agent talks from its answer to the kill: its on-call time in the
# report (one figure, rounded to the second) ends at the kill.
check_agents() {
	"$B/centrala-report" --state-dir "$T" --agents --interval day \
		--from "$(date -u -d yesterday +%F)" --csv >"$T/agents.csv" || fail "report failed"
	python3 - "$T" "$KILL_MS" "$((PERIOD_MS + SLACK_MS))" "$1" <<'PY' || fail "$1: agents' time does not end at the kill (see above)"
import csv, sqlite3, sys
T, kill, period, when = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
talk = {}
for r in csv.DictReader(open(f"{T}/agents.csv")):
    talk[r["agent"]] = talk.get(r["agent"], 0) + float(r["on_call_s"]) * 1000
db = sqlite3.connect(f"file:{T}/centrala.db?mode=ro", uri=True)
offs = {}
for agent, since in db.execute("select agent, max(ts_ms) from events where kind = 'agent_state' "
                               "and state = 'on_call' and ts_ms <= ? group by agent", (kill,)):
    offs[agent] = since + talk.get(agent, 0) - kill
bad = [f"{a}:{o:+.0f}" for a, o in offs.items() if abs(o) > period + 500]	# + rounding
worst = max(offs.values(), key=abs) if offs else None
print(f"{when}: {len(offs)} agents on call; their time ends {worst} ms from the kill at worst; bad: {bad}")
sys.exit(1 if bad or len(offs) != 32 else 0)
PY
}
# The report takes a heartbeat older than three periods for a core down.
wait_until 30 sh -c "[ \$(date +%s%3N) -gt $((ALIVE_MS + 3 * PERIOD_MS)) ]" || fail "clock"
[ "$(sql 'select count(*) from sessions where logout_ms = 0')" = 32 ] || fail "sessions closed with the core down"
check_agents "core down"
pass "report with the core down: each agent's time ends at the kill"

start_core -c "$T/c.ini"
[ "$(sql 'select count(*) from cdr')" = "$PLACED" ] || fail "CDRs $(sql 'select count(*) from cdr'), placed $PLACED"
[ "$(sql "select count(*) from cdr where cause > 0 and cleared_by <> ''")" = "$PLACED" ] || fail "CDRs without a clearing cause"
[ "$(sql "select count(*) from cdr where reason = 'core stopped' and cause = 41 and cleared_by = 'core'")" = 200 ] ||
	fail "recovered CDRs: $(sql "select reason, cause, cleared_by, count(*) from cdr group by 1, 2, 3")"
[ "$(sql "select count(*) from cdr where agent is not null and talk_ms > 0 and queue is not null")" = 32 ] ||
	fail "talking CDRs: $(sql "select count(*) from cdr where agent is not null")"
[ "$(sql "select count(*) from cdr where end_ms < $KILL_MS - $PERIOD_MS - $SLACK_MS or end_ms > $KILL_MS")" = 0 ] ||
	fail "CDR ends not at the kill: $(sql 'select min(end_ms), max(end_ms) from cdr') vs $KILL_MS"
[ "$(sql 'select count(*) from calls_open') $(sql 'select count(*) from sessions where logout_ms = 0')" = "0 0" ] ||
	fail "still open after the restart"
[ "$(sql "select count(*) from events where kind = 'call_end' and detail like '%core stopped%'")" = 200 ] || fail "call_end events"
[ "$(sql "select count(*) from events where kind = 'agent_logout' and detail like '%core stopped%'")" = 32 ] || fail "agent_logout events"
pass "restarted: $PLACED CDRs for $PLACED calls placed, each with a cause; 200 'core stopped' at the kill"
check_agents "restarted"
pass "report after the restart: each agent's time ends at the kill"
grep -q "closed 200 calls, 32 agent sessions" "$T/log/core.log" || fail "recovery not logged"
pass "the recovery is logged"

# Write-ahead (core/db.c): a loop pass's rows are committed before its
# Q.931 messages and client output leave. Killed in a burst of arrivals,
# the core may lose a call whose SETUP it had not answered yet, but never
# one the network saw alerted, answered or cleared by the core.
pstn_bg --span e1a $(for s in $SPANS; do printf -- '--span %s ' "$s"; done) \
	--calls 200 --rate 200 --concurrent 200 --hold never --dnis 2000,2001,2002 \
	--cli '7001#####' --log "$T/burst.log"
wait_until 60 sql_ge "select count(*) from calls_open where cli like '7001%'" 40 ||
	fail "burst calls not arriving: $(sql 'select count(*) from calls_open')"
kill -9 "$CORE_PID"
wait "$CORE_PID" 2>/dev/null
wait_until 60 pstn_exited || fail "pstn did not end its calls after the second kill"
wait "$PSTN_PID"
cat "$T/pstn.out" >>"$T/pstn.log"
python3 - "$T" <<'PY' || fail "a call the network saw answered is not in the database (see above)"
import sqlite3, sys
T = sys.argv[1]
calls = [dict(f.split('=', 1) for f in l.split()[1:]) for l in open(f"{T}/burst.log") if l.startswith('call ')]
db = sqlite3.connect(f"file:{T}/centrala.db?mode=ro", uri=True)
stored = {r[0] for r in db.execute("select cli from calls_open union select cli from cdr")}
seen = [c for c in calls if int(c['alert_ms']) >= 0 or int(c['connect_ms']) >= 0 or
        (c['cleared_by'] == 'core' and c['result'] != 'link')]
missing = [c['cli'] for c in seen if c['cli'] not in stored]
unseen = [c for c in calls if c['cli'] not in stored]
print(f"burst: {len(calls)} calls placed, {len(seen)} answered, alerted or cleared by "
      f"the core, {len(stored & {c['cli'] for c in calls})} stored; missing: {missing}; "
      f"lost before any reply: {len(unseen)}")
sys.exit(1 if missing or len(calls) < 40 or not seen else 0)
PY
pass "killed in a burst: every call the network saw answered has its row"
OPEN=$(sql 'select count(*) from calls_open')
start_core -c "$T/c.ini"
[ "$(sql "select count(*) from cdr where cli like '7001%' and reason = 'core stopped' and cause = 41")" = "$OPEN" ] ||
	fail "burst CDRs: $(sql "select reason, cause, count(*) from cdr where cli like '7001%' group by 1, 2") vs $OPEN open"
[ "$(sql 'select count(*) from cdr where cause <= 0 or cleared_by = ""')" = 0 ] || fail "CDRs without a clearing cause"
pass "restarted again: $OPEN CDRs closed for the burst's open calls, each with a cause"
