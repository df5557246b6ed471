# lib.sh: shared by the integration tests. Each test gets a private state
# directory (short path: sockets must fit sun_path), starts a real core on
# it, drives it with the real telco simulator and scripted agents, and reads
# the real SQLite file. Waits are conditions with deadlines, never bare sleeps.
set -u
B=${top_builddir:?run through make check}
S=${top_srcdir:?}
T=$(mktemp -d /tmp/czt.XXXXXX)
PIDS=""
TEST_NAME=$(basename "$0" .sh)
TEST_START=$(date +%s)

fail() {
	echo "FAIL: $TEST_NAME: $*"
	for f in "$T"/*.log "$T"/log/*.log; do
		[ -f "$f" ] || continue
		echo "---- last lines of $(basename "$f")"
		tail -n 25 "$f"
	done
	exit 1
}

pass() { echo "ok - $*"; }

cleanup() {
	for p in $PIDS; do kill "$p" 2>/dev/null; done
	for p in $PIDS; do
		# Up to 5 s for each to exit (a poll step, not an ordering).
		for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
		kill -9 "$p" 2>/dev/null
	done
	wait 2>/dev/null
	[ -n "${KEEP:-}" ] || rm -rf "$T"
	echo "# $TEST_NAME took $(( $(date +%s) - TEST_START )) s"
}
trap cleanup EXIT
# A signal (make check interrupted, a timeout) still stops our processes:
# the EXIT trap runs on the way out.
trap 'exit 130' INT
trap 'exit 143' TERM

# wait_until SECONDS CMD...: polls CMD every 0.1 s until it succeeds. The
# deadlines are written for an idle machine; a deadline only bounds how
# long a failing test takes, so they are stretched (DEADLINE_SCALE, 3) for
# a loaded one, where starting a python or a ctl can take seconds.
wait_until() {
	_limit=$1; shift
	_end=$(( $(date +%s%N) + _limit * ${DEADLINE_SCALE:-3} * 1000000000 ))
	while [ "$(date +%s%N)" -lt "$_end" ]; do
		"$@" >/dev/null 2>&1 && return 0
		sleep 0.1	# the poll step inside the deadline
	done
	return 1
}

# wait_file SECONDS FILE: FILE exists (a background client's "listening").
wait_file() { wait_until "$1" test -e "$2"; }

ctl() { "$B/centrala-ctl" --state-dir "$T" "$@"; }
sql() { sqlite3 -batch -noheader "$T/centrala.db" "$1"; }

# start_core [extra core options]: starts a core on $T and waits for it.
start_core() {
	# CORE_WRAPPER runs the core under a tool, e.g. "valgrind -q".
	${CORE_WRAPPER:-} "$B/centrala-core" --state-dir "$T" --log-level debug "$@" 2>>"$T/core-stderr.log" &
	CORE_PID=$!
	PIDS="$PIDS $CORE_PID"
	wait_until 30 ctl --timeout 1 wait-ready || fail "core did not come up"
}

# start_bots AGENTS [options]: scripted agents in the background.
start_bots() {
	_agents=$1; shift
	"$B/tests/agentbot" --state-dir "$T" --agents "$_agents" --pin 1234 "$@" \
		>>"$T/bots.log" 2>&1 &
	BOTS_PID=$!
	PIDS="$PIDS $BOTS_PID"
}

# agents_in STATE N: at least N agents are in STATE (per ctl status).
agents_in() {
	[ "$(ctl status --json | python3 -c "import json,sys; d=json.load(sys.stdin); print(sum(1 for a in d['agents'] if a['state']=='$1'))")" -ge "$2" ]
}

# status_field PYEXPR: evaluates PYEXPR over the status reply `d`.
status_field() {
	ctl status --json | python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"
}

# pstn [options]: runs the telco simulator in the foreground; output to
# $T/pstn.out (and appended to pstn.log for failure reports).
pstn() {
	"$B/centrala-pstn" --state-dir "$T" "$@" >"$T/pstn.out" 2>>"$T/pstn.log"
	_rc=$?
	cat "$T/pstn.out" >>"$T/pstn.log"
	return $_rc
}

# pstn_bg [options]: the same in the background; PSTN_PID.
pstn_bg() {
	"$B/centrala-pstn" --state-dir "$T" "$@" >"$T/pstn.out" 2>>"$T/pstn.log" &
	PSTN_PID=$!
	PIDS="$PIDS $PSTN_PID"
}

# pstn_until_done LIMIT [options]: the telco in the foreground until every
# call it places has ended (a --duration would keep it up to the end of
# that time); stopped, and false, if that takes over LIMIT seconds.
pstn_until_done() {
	_limit=$1; shift
	pstn_bg "$@"
	wait_until "$_limit" pstn_exited || { kill "$PSTN_PID" 2>/dev/null; echo "pstn: over $_limit s" >>"$T/pstn.log"; }
	wait "$PSTN_PID"
	_rc=$?
	cat "$T/pstn.out" >>"$T/pstn.log"
	return $_rc
}
pstn_exited() { ! kill -0 "$PSTN_PID" 2>/dev/null; }

# summary_field NAME: a key of pstn's summary line.
summary_field() {
	sed -n "s/^summary .*\b$1=\([^ ]*\).*/\1/p" "$T/pstn.out"
}

span_up() {
	[ "$(status_field "d['spans'][0]['l1'] + d['spans'][0]['l2']")" = upup ]
}

# raw LINES...: sends raw protocol lines on one connection, prints replies.
raw() {
	python3 "$S/tests/integ/rawclient.py" "$T/run/centrala.sock" "$@"
}

# field_is PYEXPR VALUE / sql_is QUERY VALUE / sql_ge QUERY VALUE: checks
# evaluated afresh on each call, for wait_until (a "$(...)" in wait_until's
# arguments would be expanded only once).
field_is() { [ "$(status_field "$1")" = "$2" ]; }
sql_is() { [ "$(sql "$1")" = "$2" ]; }
sql_ge() { [ "$(sql "$1")" -ge "$2" ]; }

# cdr_for_each_seen PSTN_LOG: every call the telco's log shows alerted,
# answered or cleared by the core has a CDR (matched by number), and no
# CDR names a call the telco did not place. A SETUP the telco gave up on
# before the core said anything may never have reached the core.
cdr_for_each_seen() {
	python3 - "$T/centrala.db" "$1" <<'PY'
import sqlite3, sys
calls = [dict(f.split('=', 1) for f in l.split()[1:]) for l in open(sys.argv[2]) if l.startswith('call ')]
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
cdr = {r[0] for r in db.execute("select cli from cdr")}
seen = [c for c in calls if int(c['alert_ms']) >= 0 or int(c['connect_ms']) >= 0 or
        c['cleared_by'] == 'core']
missing = [c['cli'] for c in seen if c['cli'] not in cdr]
stray = cdr - {c['cli'] for c in calls}
print(f"{len(calls)} placed, {len(seen)} seen by the core, {len(cdr)} CDRs; "
      f"missing {missing}, not placed {sorted(stray)}")
sys.exit(1 if missing or stray or not seen else 0)
PY
}

# fill_calls N START_MS: N finished calls of 90 s, one a second from
# START_MS, with the six events each writes, straight into the database of
# a stopped core (benches of a big database: backup, retention).
fill_calls() {
	sql "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $1)
INSERT INTO cdr (call_id, direction, start_ms, answer_ms, end_ms, cli, dnis,
	span, channel, route, queue, agent, wait_ms, talk_ms, cause, cleared_by,
	reason)
SELECT printf('b%010d', i), 'in', $2 + i * 1000,
	$2 + i * 1000 + 2000, $2 + i * 1000 + 90000,
	printf('600%06d', i % 1000000), '2000', 'e1a', i % 30 + 1, 'queue:sales',
	'sales', printf('%d', 1001 + i % 32), 2000, 88000, 16, 'network',
	'caller hung up' FROM n;
INSERT INTO events (ts_ms, kind, call_id, queue, detail)
SELECT start_ms + k.o, k.kind, call_id, 'sales', '{}' FROM cdr,
	(SELECT 0 AS o, 'call_start' AS kind UNION ALL SELECT 10, 'call_routed'
	 UNION ALL SELECT 20, 'queue_enter' UNION ALL SELECT 1990, 'offer'
	 UNION ALL SELECT 2000, 'answer' UNION ALL SELECT 90000, 'call_end') k;"
}
