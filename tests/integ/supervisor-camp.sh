#!/bin/sh
# supervisor-camp.sh: the supervisor console's campaigns table in tmux at
# 80x24 against a real core with two campaigns (spring for acme, a
# progressive one worked by agent 1001; winter for globex) and the telco
# simulator. The table's figures equal the `campaigns` reply; resume from
# the console starts spring in the core, a record is dialed, answered and
# disposed of as a sale by 1001, and the console shows the success, the
# attempt and the answer with no key pressed (pushed by events); the
# core's warning that the records run low is the banner; pause, and stop
# after a yes, change the state in the core, each a supervisor_action row
# naming super; a refused request is on the status line. A supervisor
# limited to globex sees winter only, resumes it, and its wallboard lists
# it.
. "$top_srcdir/tests/integ/lib.sh"
. "$top_srcdir/tests/integ/tmux.sh"
command -v tmux >/dev/null || { echo "SKIP: no tmux"; exit 77; }

hash=$(sed -n '/^\[user super\]/,/^pin/s/^pin = //p' "$S/data/centrala.ini")
cat "$S/data/centrala.ini" - >"$T/c.ini" <<EOF2

[user boss]
role = supervisor
pin = $hash
clients = globex

[campaign spring]
client = acme
agents = 1001
country = 44
caller_id = 020 7946 0000
mode = progressive
hours = ""
target = 5
dispositions = sale:success:close, later:retry=60

[campaign winter]
client = globex
queues = billing
country = 44
caller_id = 020 7946 0000
target = 20
dispositions = done:success:close
EOF2

start_core -c "$T/c.ini"
pstn_bg --calls 0 --answer 02079460001:answer:1 --answer 02079460002:noanswer --duration 120
wait_until 20 span_up || fail "span not up"
printf 'phone,name\n020 7946 0001,Ann Answer\n020 7946 0002,Ned Noanswer\n020 7946 0003,Olga Open\n' >"$T/s.csv"
ctl import-list spring main "$T/s.csv" >"$T/imp" 2>&1 || fail "import: $(cat "$T/imp")"
printf 'phone,name\n020 7946 0101,Wim\n' >"$T/w.csv"
ctl import-list winter main "$T/w.csv" >"$T/imp" 2>&1 || fail "import: $(cat "$T/imp")"

# reply_row USER PIN NAME: the campaign as the `campaigns` reply gives it,
# in the table's columns: name client mode state succ/target attempts
# answered open done records (the lists summed).
reply_row() {
	PYTHONPATH="$S/tests/integ" python3 - "$T/run/centrala.sock" "$1" "$2" "$3" <<'PY'
import sys
from czclient import Session
s = Session(sys.argv[1], {"user": sys.argv[2], "pin": sys.argv[3]})
for c in s.ok("campaigns")["campaigns"]:
    if c["name"] == sys.argv[4]:
        ls = [l for l in c["lists"] if l["state"] != "removed"]
        print(c["name"], c["client"], c["mode"], c["state"],
              "%d/%d" % (c["successes"], c["target"]), c["attempts"], c["answered"],
              sum(l["open"] for l in ls), sum(l["done"] for l in ls),
              sum(l["records"] for l in ls))
PY
}
# abandon_cell NAME: the abandon column worked out from the database:
# live answers (answered or abandoned attempts) and of them abandoned,
# today (UTC) and in the last 24 h, as percent with one decimal ("-"
# before a live answer; whole from 10 %), then the cap (3, the default).
abandon_cell() {
	python3 - "$T/centrala.db" "$1" <<'PY'
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1])
now = int(time.time() * 1000)
def rate(since):
    live, ab = db.execute("select count(*), coalesce(sum(a.outcome = 'abandoned'), 0) "
        "from attempts a join records r on r.id = a.record_id join lists l on "
        "l.id = r.list_id where l.campaign = ? and a.ts_ms >= ? and "
        "a.outcome in ('answered', 'abandoned')", (sys.argv[2], since)).fetchone()
    p = 100.0 * ab / live if live else 0
    return "-" if not live else "%.1f" % p if p < 9.95 else "%.0f" % p
print("%s/%s/3" % (rate(now - now % 86400000), rate(now - 86400000)))
PY
}
# screen_row NAME: the campaign's row on screen, the same 10 columns and
# the abandon rate.
screen_row() { screen | awk -v c="$1" '$1 == c && NF == 11 { print; exit }' | tr -s ' '; }
# row_is NAME: the screen's row is the reply's (for super), its abandon
# rate the database's. At 80 columns the mode is cut to 7 cells.
mode7() { awk '{ $3 = substr($3, 1, 7); print }'; }
row_is() {
	_r=$(reply_row super 4321 "$1" | mode7)
	[ -n "$_r" ] && [ "$(screen_row "$1")" = "$_r $(abandon_cell "$1")" ]
}
state_is() { [ "$(reply_row super 4321 spring | cut -d' ' -f4)" = "$1" ]; }

console_start 80 24 "$B/centrala-supervisor --state-dir $T --user super --pin 4321"
must_show 10 "Centrala supervisor  super .* live" "console not live"
must_show 10 "^Campaign  *Client  *Mode  *State  *Succ/tgt  *Dial[a-z]*  *Answ  *Open  *Done  *Recs  *Aband%" "no campaigns table"
wait_until 10 row_is spring || { screen; reply_row super 4321 spring; fail "spring: screen differs from the campaigns reply"; }
wait_until 10 row_is winter || { screen; fail "winter: screen differs from the campaigns reply"; }
shows "^spring  *acme  *progres[a-z]*  *paused  *0/5  *0  *0  *3  *0  *3  *-/-/3 *$" || { screen; fail "spring's row"; }
pass "the campaigns table at login: each row as the campaigns reply says"

# The keys need a campaign selected: Tab to the table.
keys p
must_show 5 "select a campaign first" "a key without a selected campaign said nothing"
keys Tab Tab Home
keys R
must_show 10 "campaign spring resume: done" "resume not confirmed"
wait_until 10 state_is running || fail "core: spring not running"
must_show 5 "^spring  *acme  *progres[a-z]*  *running " "the row does not say running"
keys R
must_show 10 "campaign spring resume: refused: " "a refused resume not on the status line"
pass "resume from the console: running in the core; a refusal on the status line"

# Abandoned and answered attempts of earlier hours, on Olga's record:
# 26 h ago (out of the 24 h), 20 h, 3 h and 2 h ago (today or not, as
# the clock says: abandon_cell works it out the same way).
now_ms=$(($(date +%s) * 1000))
for a in "26 abandoned" "20 abandoned" "3 answered" "2 abandoned"; do
	set -- $a
	sql "insert into attempts (record_id, ts_ms, outcome, cause) select r.id,
		$now_ms - $1 * 3600000, '$2', 16 from records r join lists l on
		l.id = r.list_id where l.campaign = 'spring' and
		r.phone = '+442079460003'" ||
		fail "attempts not written"
done
[ "$(sql "select count(*) from attempts where ts_ms < $now_ms - 3600000")" = 4 ] ||
	fail "the earlier attempts are not in the database"

# Agent 1001 works spring: the answered record is a sale. The console is
# told by events alone (no key is pressed meanwhile).
PYTHONPATH="$S/tests/integ" python3 - "$T/run/centrala.sock" "$T" >"$T/a.log" 2>&1 <<'PY' &
import os, sys
from czclient import Session, until
a = Session(sys.argv[1], {"agent": "1001", "pin": "1234"})
a.ok("ready")
p = a.event("call_progress", timeout=60, number="02079460001")
a.event("call_connected", timeout=30, call=p["call"])
a.ok("hangup", call=p["call"])
a.event("call_ended", timeout=30, call=p["call"])
a.ok("disposition", call=p["call"], code="sale")
open(sys.argv[2] + "/sold", "w").write(p["call"])
until(lambda: os.path.exists(sys.argv[2] + "/quit"), 300, "told to quit")
PY
PIDS="$PIDS $!"
wait_file 60 "$T/sold" || { cat "$T/a.log"; fail "1001 made no sale"; }
must_show 20 "^spring  *acme  *progres[a-z]*  *running  *1/5  *[1-9][0-9]*  *[1-9] " "the sale not shown"
wait_until 10 row_is spring || { screen; reply_row super 4321 spring; abandon_cell spring; fail "spring after the sale: screen differs from the reply and the database"; }
pass "a sale in the core: the console shows it, pushed, as the reply says"
# The 24 h: 20 h, 3 h, 2 h ago and the sale's answer: 2 abandoned of 4.
screen_row spring | grep -q " [-0-9.]*/50/3\$" || { screen; fail "the 24 h abandon rate is not 50"; }
# 50 % is over the cap of 3 %: the cell is white on red (spring not
# selected meanwhile: the selected row has its own colour).
keys Down
sgr_spring() { tmux_cmd capture-pane -e -p -t c | grep 'spring.*acme' | grep -q '41m *[-0-9.]*/50/3'; }
wait_until 5 sgr_spring || { tmux_cmd capture-pane -e -p -t c | grep spring | cat -v; fail "the abandon rate over the cap is not red"; }
keys Up
pass "the abandon rate today and in 24 h against the cap: the database's"

wait_until 20 grep -q "campaign spring: only [0-9]* records left to dial now" "$T/log/core.log" ||
	fail "the core did not warn"
left=$(sed -n 's/.*campaign spring: only \([0-9]*\) records left to dial now.*/\1/p' "$T/log/core.log" | head -n 1)
must_show 10 "RECORDS LOW campaign spring: $left left" "the warning is not the banner"
pass "the core's warning that spring's records run low: the banner"

keys p
must_show 10 "campaign spring pause: done" "pause not confirmed"
wait_until 10 state_is paused || fail "core: spring not paused"
must_show 5 "^spring  *acme  *progres[a-z]*  *paused " "the row does not say paused"
keys S
must_show 5 "Stop campaign spring. (y/n)" "stop did not ask first"
keys n
wait_until 5 hides "Stop campaign spring" || fail "the question stayed"
state_is paused || fail "core: a no stopped spring"
keys S
must_show 5 "Stop campaign spring. (y/n)" "stop did not ask first"
keys y
must_show 10 "campaign spring stop: done" "stop not confirmed"
wait_until 10 state_is stopped || fail "core: spring not stopped"
must_show 5 "^spring  *acme  *progres[a-z]*  *stopped " "the row does not say stopped"
acts() { sql "select group_concat(json_extract(detail, '\$.by') || ' ' ||
	json_extract(detail, '\$.action') || ' ' || coalesce(json_extract(detail, '\$.state'), '-'), ', ')
	from (select * from events where kind = 'supervisor_action' and
	json_extract(detail, '\$.campaign') = 'spring' and
	json_extract(detail, '\$.action') = 'campaign-state' order by id)"; }
want="super campaign-state running, super campaign-state paused, super campaign-state stopped"
acts_ok() { [ "$(acts)" = "$want" ]; }
wait_until 10 acts_ok || fail "supervisor_action rows: $(acts)"
pass "pause, and stop after a yes, from the console: the core's state, recorded naming super"

keys '?'
must_show 5 "Help: supervisor keys" "no help"
for k in "Pause *pause the selected campaign" "Resume *resume the selected campaign" "Stop *stop the selected campaign"; do
	shows "$k" || { screen; fail "help lacks $k"; }
done
keys Escape
keys q
tmux_cmd kill-session -t c 2>/dev/null

# boss is limited to globex: winter only.
console_start 80 24 "$B/centrala-supervisor --state-dir $T --user boss --pin 4321"
must_show 10 "Centrala supervisor  boss .* live" "boss's console not live"
wait_until 10 row_is winter || { screen; fail "boss: winter differs from the reply"; }
[ "$(reply_row boss 4321 winter | mode7) $(abandon_cell winter)" = "$(screen_row winter)" ] || fail "boss: winter not as boss's reply"
hides "^spring " || { screen; fail "boss sees acme's campaign"; }
[ -z "$(reply_row boss 4321 spring)" ] || fail "core: boss gets spring"
pass "a supervisor limited to globex sees its campaign only"

# boss resumes winter; the wallboard (one queue of globex's: room left)
# lists the running campaign.
keys Tab Tab Home
keys R
must_show 10 "campaign winter resume: done" "boss: resume not confirmed"
winter_running() { [ "$(reply_row boss 4321 winter | cut -d' ' -f4)" = running ]; }
wait_until 10 winter_running || fail "core: winter not running"
must_show 5 "^winter  *globex  *preview  *running " "boss: the row does not say running"
keys w
must_show 10 "CAMPAIGNS  winter 0/20" "the wallboard does not list the running campaign"
pass "the wallboard lists the running campaign with its successes and target"
: >"$T/quit"
