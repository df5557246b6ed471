#!/bin/sh
# reload-routing.sh: a reload while a call rings at an agent and another
# waits: no call is dropped; the ringing offer stays true; the new config
# takes over routing (the agent moved out of sales gets no sales call after
# its offer ends; a new agent in sales takes both callers in turn).
. "$top_srcdir/tests/integ/lib.sh"

# The offer rings 30 s: the reload and the checks of it must fall inside
# that window, and on a loaded machine a ctl call took 10 s. The
# callers hold 90 s (counted from the core's answer): on a loaded machine
# the offer, its timeout and a new agent's login took over 20 s.
sed 's/^offer_timeout = 15$/offer_timeout = 30/' "$S/data/centrala.ini" >"$T/c.ini"
start_core -c "$T/c.ini"
"$B/tests/agentbot" --state-dir "$T" --agents 1017 --accept-delay 60000 >>"$T/bots.log" 2>&1 &
PIDS="$PIDS $!"
wait_until 10 agents_in ready 1 || fail "1017 not ready"
pstn_bg --calls 2 --rate 0 --dnis 2000 --hold fixed:90
wait_until 10 agents_in ringing 1 || fail "no offer ringing"
# 1017 leaves sales (stays in support); a reload in the middle of its offer.
sed -i '/^\[agent 1017\]$/,/^queues/s/^queues = .*/queues = support/' "$T/c.ini"
ctl reload >"$T/out" 2>&1 || fail "reload: $(cat "$T/out")"
t_reload=$(date +%s%3N)
calls=$(status_field "sorted(c['state'] for c in d['calls'])")
[ "$calls" = "['offered', 'queued']" ] || fail "calls dropped or not in a true state: $calls"
pass "reload mid-offer: both callers kept, one still offered, one queued"

wait_until 40 sql_ge "select count(*) from events where kind='offer_timeout'" 1 || fail "the offer did not end"
wait_until 10 agents_in ready 1 || fail "1017 not back to ready"
start_bots 1001
wait_until 15 sql_is "select count(*) from events where kind='answer' and agent='1001'" 1 || fail "1001 did not take a caller"
late=$(sql "select count(*) from events where kind='offer' and agent='1017' and ts_ms > $t_reload + 5000")
[ "$late" = 0 ] || fail "1017 was offered sales calls after leaving sales"
[ "$(status_field "[(a['state'], a['queues']) for a in d['agents'] if a['agent'] == '1017'][0]")" = "('ready', ['support'])" ] ||
	fail "1017: $(status_field "[a for a in d['agents'] if a['agent'] == '1017']")"
pass "after the reload: 1017 ready in support only and offered no sales call; 1001 took the caller"
