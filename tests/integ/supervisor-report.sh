#!/bin/sh
# supervisor-report.sh: the supervisor console's report screen (F11/e) in
# tmux at 80x24 against a real core whose database holds real calls
# (scripted agents, the telco simulator), and a real, private CUPS
# scheduler (as report-print.sh: its own config, spool and socket in the
# test directory; a queue whose backend writes each job to a file). The
# agent activity report for today: the preview is, line for line, what
# `centrala report agents` prints; saved as CSV the file equals
# `centrala report agents --csv`; printed on the test's queue (picked from
# `lpstat -a`) the job's file holds the paginated text `--text` gives; a
# queue that refuses jobs gives lp's error on the status line; a day that
# is not one is refused; Esc goes back. A supervisor limited to globex can
# pick globex only, and its report is `--client globex`'s.
. "$top_srcdir/tests/integ/lib.sh"
. "$top_srcdir/tests/integ/tmux.sh"
. "$top_srcdir/tests/integ/cups.sh"
command -v tmux >/dev/null || { echo "SKIP: no tmux"; exit 77; }

start_cups
lpadmin -p czq -E -v "tofile:$T/printed.txt" || fail "lpadmin failed"
lpadmin -p czno -E -v "tofile:$T/never.txt" && cupsreject czno || fail "lpadmin czno failed"

hash=$(sed -n '/^\[user super\]/,/^pin/s/^pin = //p' "$S/data/centrala.ini")
cat "$S/data/centrala.ini" - >"$T/c.ini" <<EOF2

[user boss]
role = supervisor
pin = $hash
clients = globex
EOF2
export CENTRALA_CONF="$T/c.ini"

start_core -c "$T/c.ini"
start_bots 1025-1026 --talk 1 --accept-delay 200
wait_until 20 agents_in ready 2 || fail "agents not ready"
pstn --calls 6 --rate 5 --dnis 2000,2001 --hold uniform:1:3 --seed 3 || fail "pstn failed"
wait_until 10 sql_is "select count(*) from cdr" 6 || fail "CDRs missing"
# The bots leave: their states close, so the figures stay as they are.
for p in $(pgrep -f "agentbot --state-dir $T"); do kill "$p"; done
wait_until 20 agents_in logged_out 32 || fail "the agents did not log out"

rep() { "$B/centrala-report" --state-dir "$T" "$@"; }
rep agents >"$T/agents.txt" 2>&1 || fail "report agents: $(cat "$T/agents.txt")"
grep -q "^1025 " "$T/agents.txt" || fail "no agent 1025 in the report: $(cat "$T/agents.txt")"

console_start 80 24 "env HOME=$T $B/centrala-supervisor --state-dir $T --user super --pin 4321"
must_show 10 "Centrala supervisor  super .* live" "console not live"
must_show 5 "F11 Report" "F11 Report not in the key bar"
keys e
must_show 5 "Centrala supervisor  report queues" "e did not open the report screen"
must_show 5 "F2 Report.*F3 Period" "the key bar lacks the report screen's keys"
keys r
must_show 5 "agents  *per agent and interval" "the reports' list is not --list's"
for n in $("$B/centrala-report" --list | awk '/^[a-z]/ { print $1 }'); do
	shows "^.*[│|] *$n  " || shows " $n  " || { screen; fail "report $n not in the list"; }
done
keys Down Enter
must_show 5 "Centrala supervisor  report agents" "agents not picked"
must_show 5 "Period  *today  *$(date -u +%F) to now UTC" "the period is not today"

# The preview, line for line the command's output, page by page.
keys Enter
must_show 10 "report agents  preview" "no preview"
n=$(wc -l <"$T/agents.txt")
top=1
while :; do
	sed -n "${top},$((top + 20))p" "$T/agents.txt" | sed 's/ *$//' >"$T/want.txt"
	screen | sed -n "2,$((1 + $(wc -l <"$T/want.txt")))p" | sed 's/ *$//' >"$T/shown.txt"
	cmp -s "$T/shown.txt" "$T/want.txt" || {
		diff "$T/want.txt" "$T/shown.txt"; fail "preview lines from $top differ from report agents"; }
	[ $((top + 21)) -gt "$n" ] && break
	top=$((top + 21))
	keys NPage
	must_show 5 "lines $top-" "PgDn did not turn the page"
done
shows "of $n  page" || { screen; fail "the title does not count $n lines"; }
pass "the agent activity report for today: the preview is report agents' text"

# t: the paginated text (--text), a form feed shown as a page-break line;
# the header's period ends "now", whose minute may differ.
nofrom() { sed 's/ to [0-9-]* [0-9:]* UTC/ to (now) UTC/' "$@"; }
keys t
must_show 10 "report agents  pages" "t did not show the pages"
rep agents --text | awk '{ if (sub(/^\f/, "")) print "------------------------------ page break ------------------------------"; print }' |
	head -n 21 | nofrom | sed 's/ *$//' >"$T/want.txt"
# The title says "pages" at the key; the text replaces the table when the
# report's child has written it: the pages are waited for.
pages_shown() {
	screen | sed -n "2,$((1 + $(wc -l <"$T/want.txt")))p" | nofrom | sed 's/ *$//' >"$T/shown.txt"
	cmp -s "$T/shown.txt" "$T/want.txt"
}
wait_until 10 pages_shown || { diff "$T/want.txt" "$T/shown.txt"; fail "the pages are not report agents --text"; }
grep -q "Page 1 of\|page 1 of" "$T/shown.txt" || { cat "$T/shown.txt"; fail "no page header in the pages"; }
keys t
must_show 10 "report agents  preview" "t did not go back to the table"
# ... and the table is back when its report has run (a save before that
# would be refused: a report is running).
table_shown() { [ "$(screen | sed -n 2p | sed 's/ *$//')" = "$(head -n 1 "$T/agents.txt" | sed 's/ *$//')" ]; }
wait_until 10 table_shown || { screen; fail "the table did not come back"; }
pass "t: the paginated text, as report agents --text gives it"

# Save as CSV in the default place ($HOME).
keys s
must_show 5 "CSV (all columns)" "save did not ask the form"
keys Enter
day=$(date -u +%F)
must_show 5 "$T/centrala-agents-$day.csv" "the default path is not in \$HOME"
keys Enter
must_show 10 "saved to $T/centrala-agents-$day.csv" "not saved"
rep agents --csv >"$T/agents.csv" || fail "report --csv failed"
cmp "$T/agents.csv" "$T/centrala-agents-$day.csv" || fail "the saved CSV differs from report agents --csv"
[ ! -e "$T/centrala-agents-$day.csv.tmp" ] || fail "the temporary file stayed"
# A file that cannot be written: the error, nothing left behind.
keys s Enter C-u
typed "$T/no/such/dir/x.csv"
keys Enter
must_show 10 "save: $T/no/such/dir/x.csv.tmp: No such file" "an unwritable path gave no error"
pass "saved as CSV: the file is report agents --csv"

# Print on czq, picked from lpstat -a.
keys p
must_show 5 "Print on" "print did not ask where"
must_show 5 "czq" "czq not among lpstat -a"
row=$(screen | awk '/\(the default/ { d = NR } / czq / && d { print NR - d; exit }')
[ -n "$row" ] || { screen; fail "czq not found in the pick list"; }
i=0; while [ "$i" -lt "$row" ]; do keys Down; i=$((i + 1)); done
keys Enter
must_show 15 "printed on czq: request id is czq-[0-9]*" "not printed"
job=$(screen | sed -n 's/.*request id is \(czq-[0-9]*\).*/\1/p' | head -n 1)
job_done() { lpstat -W completed -o czq | grep -q "^$job "; }
wait_until 30 job_done || fail "job $job did not complete"
wait_file 10 "$T/printed.txt" || fail "the printer's file is missing"
rep agents --text >"$T/text.txt" || fail "report --text failed"
[ "$(nofrom "$T/text.txt")" = "$(nofrom "$T/printed.txt")" ] || {
	diff "$T/text.txt" "$T/printed.txt"; fail "the printed job is not report agents --text"; }
grep -q "^1025 " "$T/printed.txt" || fail "the printed job lacks agent 1025"
pass "printed through CUPS on czq: the job holds the report's paginated text"

keys p
must_show 5 "czno" "czno not among lpstat -a"
row=$(screen | awk '/\(the default/ { d = NR } / czno / && d { print NR - d; exit }')
[ -n "$row" ] || { screen; fail "czno not found in the pick list"; }
i=0; while [ "$i" -lt "$row" ]; do keys Down; i=$((i + 1)); done
keys Enter
wait_until 15 shows "printing on czno failed" || { screen; fail "lp's error not on the status line"; }
shows "printing on czno failed: lp: .*czno.* is not accept" || { screen; fail "not lp's error"; }
pass "a queue refusing jobs: lp's error on the status line"

# Esc: the preview closes, the form is back. Dates: a day that is not
# one is refused, then asked again.
keys Escape
must_show 5 "Period  *today" "Esc did not close the preview"
# This week is from Monday; last month from its first day to this one's.
keys d
must_show 5 "from/to dates" "no period list"
keys Down Down Enter
monday=$(date -u -d "-$(($(date -u +%u) - 1)) days" +%F)
must_show 5 "Period  *this week  *$monday to now UTC" "this week is not from Monday $monday"
keys d
must_show 5 "from/to dates" "no period list"
keys Down Down Down Enter
first=$(date -u +%Y-%m-01)
must_show 5 "Period  *last month  *$(date -u -d "$first -1 month" +%F) to $first UTC" "last month is not the month before $first"
keys d
must_show 5 "from/to dates" "no period list"
keys Down Down Down Down Enter
must_show 5 "From (first day)" "the first day not asked"
keys C-u
typed "2026-02-31"
keys Enter
must_show 5 "\"2026-02-31\" is not a day" "a bad day was taken"
keys C-u
typed "$day"
keys Enter
must_show 5 "To (last day)" "the last day not asked"
keys C-u
typed "$day"
keys Enter
must_show 5 "Period  *from/to dates  *$day to $(date -u -d tomorrow +%F) UTC" "the days not taken"
pass "this week, last month; from/to dates are checked"

keys Escape
must_show 5 "Queue  *Wait  *Longest" "Esc did not go back to the live view"
keys q
tmux_cmd kill-session -t c 2>/dev/null

# boss is limited to globex: the client is globex, and no other. Its
# console finds the core by a socket in a directory without the database
# nor the config: the core runs the report (its `report` request).
mkdir -p "$T/nodb/run"
ln -s "$T/run/centrala.sock" "$T/nodb/run/centrala.sock"
console_start 80 24 "env -u CENTRALA_CONF HOME=$T $B/centrala-supervisor --socket $T/nodb/run/centrala.sock --user boss --pin 4321"
must_show 10 "Centrala supervisor  boss .* live" "boss's console not live"
keys F11
must_show 5 "Client  *globex  *yours: globex" "boss's report is not limited to globex"
keys c
must_show 5 "Client" "no client list"
hides "(all clients)" || { screen; fail "boss may pick all clients"; }
hides "acme" || { screen; fail "boss may pick acme"; }
keys Escape
keys Enter
must_show 10 "report queues  preview" "boss: no preview"
rep queues --client globex >"$T/globex.txt" 2>&1 || fail "report --client globex: $(cat "$T/globex.txt")"
head -n 21 "$T/globex.txt" | sed 's/ *$//' >"$T/want.txt"
screen | sed -n "2,$((1 + $(wc -l <"$T/want.txt")))p" | sed 's/ *$//' >"$T/shown.txt"
cmp -s "$T/shown.txt" "$T/want.txt" || { diff "$T/want.txt" "$T/shown.txt"; fail "boss's preview is not report --client globex"; }
pass "a supervisor limited to globex reports on globex only"
