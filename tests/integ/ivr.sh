#!/bin/sh
# ivr.sh: DTMF in the caller's audio drives a voice menu two levels deep
# (with barge-in over the prompt), digit collection into a call variable,
# and on into a queue with a priority; the choices and digits are in the
# agent's offer (screen pop) and in the CDR. Keypad digits sent in Q.931
# INFORMATION do the same. (Silence and speech: ivr-silence.sh.)
. "$top_srcdir/tests/integ/lib.sh"

cat "$S/data/centrala.ini" "$S/tests/integ/ivr-menus.ini" >"$T/c.ini"
start_core -c "$T/c.ini"
PYTHONPATH="$S/tests/integ" python3 - "$T/run/centrala.sock" >"$T/agent.log" 2>&1 <<'PY' &
import sys
from czclient import Session
a = Session(sys.argv[1], {"agent": "1025", "pin": "1234", "queues": "billing"})
a.ok("ready")
for n in range(2):
    off = a.event("offer", timeout=40)
    print("offer", off.get("ivr"), sorted((off.get("vars") or {}).items()))
    a.ok("accept", call=off["call"])
    a.event("call_ended", call=off["call"], timeout=30)
    a.ok("ready")
PY
AGENT_PID=$!
PIDS="$PIDS $AGENT_PID"
wait_until 10 agents_in ready 1 || fail "agent not ready"

# In-band DTMF: 2 during the welcome prompt, then the account number.
pstn_until_done 40 --calls 1 --dnis 2100 --hold fixed:14 --dtmf "2,,,1234567#" --dtmf-delay 1 ||
	fail "pstn failed: $(cat "$T/pstn.out")"
wait_until 10 sql_is "select count(*) from cdr" 1 || fail "no CDR"
got=$(sql "select ivr || ' ' || vars || ' ' || queue || ' ' || coalesce(agent,'-') from cdr")
[ "$got" = 'main>2>account>account {"account":"1234567","main":"2"} billing 1025' ] ||
	fail "CDR after DTMF: $got; events: $(sql "select detail from events where kind='ivr'")"
[ "$(sql "select group_concat(detail, ' ') from events where kind='ivr'")" = \
	'{"menu":"main","enter":"main"} {"menu":"main","key":"2"} {"menu":"account","enter":"account"} {"menu":"account","account":"1234567"}' ] ||
	fail "IVR steps: $(sql "select detail from events where kind='ivr'")"
pass "DTMF: menu main, key 2, account 1234567 collected, into billing, answered by 1025"
[ "$(sql "select count(*) from events where kind='queue_enter' and queue='billing'")" = 1 ] || fail "queue_enter"
grep -q "offer main>2>account>account \[('account', '1234567'), ('main', '2')\]" "$T/agent.log" ||
	fail "screen pop: $(cat "$T/agent.log")"
pass "the agent's offer carried the menus walked and the digits"

# Q.931 keypad digits: the same menu, no audio digits at all.
pstn_until_done 40 --calls 1 --dnis 2100 --hold fixed:12 --keypad "24321#" --dtmf-delay 1 ||
	fail "pstn (keypad) failed"
wait_until 10 sql_is "select count(*) from cdr" 2 || fail "no second CDR"
got=$(sql "select vars from cdr order by id desc limit 1")
[ "$got" = '{"account":"4321","main":"2"}' ] || fail "keypad CDR: $got"
pass "Q.931 keypad digits drive the same menu"
