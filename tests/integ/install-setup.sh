#!/bin/sh
# install-setup.sh: issue 14's proof. `make install DESTDIR=...`, then the
# INSTALLED `centrala setup`, in tmux, writes a small configuration (one
# span, one queue, one DID, one agent) into the DESTDIR's etc and makes
# the database under the DESTDIR's var; the installed core starts with
# that file, an agent logs in with the PIN given in the wizard, and a call
# placed by the installed `centrala pstn` is answered and leaves its CDR.
# Where a mount namespace can be had (root, unshare), the installed
# programs run with the source and build trees hidden: whatever they need
# must have been installed.
. "$top_srcdir/tests/integ/lib.sh"
. "$top_srcdir/tests/integ/tmux.sh"
command -v tmux >/dev/null || { echo "SKIP: no tmux"; exit 77; }

D=$T/d
make -C "$B" install DESTDIR="$D" >"$T/install.log" 2>&1 || fail "make install: $(tail -5 "$T/install.log")"
one() { find "$D" -path "$1" | head -1; }
bin=$(one '*/bin/centrala')
[ -x "$bin" ] && [ -x "$(one '*/libexec/centrala/centrala-setup')" ] || fail "centrala or centrala-setup not installed"
conf=$(one '*/etc/centrala/centrala.ini')
share=$(dirname "$(one '*/share/centrala/centrala.ini')")
# The installed state directory (localstatedir/lib/centrala), in the DESTDIR.
ST=$D$(sed -n 's/^state_dir = //p' "$conf")
case $ST in "$D"/*/lib/centrala) ;; *) fail "installed state_dir: $ST" ;; esac
# The socket's path must fit sun_path (108 bytes): a deep prefix (make
# distcheck's) gets a state directory of the test's own.
[ ${#ST} -le 80 ] || ST=$T/state

# HIDE COMMAND...: COMMAND with the source and build trees out of sight.
if unshare -m sh -c "mount -t tmpfs cz '$B'" 2>/dev/null; then
	HIDE="unshare -m sh -c 'mount -t tmpfs cz \"\$0\" && { [ ! -d \"\$1\" ] || mount -t tmpfs cz \"\$1\"; } && shift && exec \"\$@\"' $B $S"
	hidden=" (source and build trees hidden)"
else
	HIDE= hidden=
fi

# The admin starts from nothing: the demo configuration moved aside.
mv "$conf" "$conf.demo"
console_start 80 24 "$HIDE $bin setup --config $conf; echo setup-exit=\$?; sleep 600"
must_show 10 "Step 1 of 10. \[core\]: General" "the installed wizard did not begin a first run"
keys Enter; must_show 5 "\[core\] state_dir" "no question for state_dir"
keys C-u; typed "$ST"; keys Enter
# (a long value is cut at the screen's edge: its beginning is checked)
must_show 5 "state_dir  *$(printf %.50s "$ST")" "state_dir not taken"
keys Escape; must_show 5 "Step 2 of 10. Spans" "no step 2 (spans)"
keys a; must_show 5 "New span: its name" "no name question"
typed e1a; keys Enter
must_show 5 "\[span e1a\]: Spans" "no span editor"
keys Escape; must_show 5 "\[span e1a\]$" "span e1a not listed"
keys Escape; must_show 5 "Step 3 of 10. Clients" "no step 3"
keys Escape; must_show 5 "Step 4 of 10. Queues" "no step 4"
keys a; typed sales; keys Enter
must_show 5 "\[queue sales\]: Queues" "no queue editor"
keys Escape Escape; must_show 5 "Step 5 of 10. IVR menus" "no step 5"
keys Escape; must_show 5 "Step 6 of 10. Numbers" "no step 6"
keys a; typed 2000; keys Enter
must_show 5 "\[did 2000\] target" "the DID's target not asked"
typed queue:sales; keys Enter
must_show 5 "target  *queue:sales" "target not taken"
keys Escape Escape; must_show 5 "Step 7 of 10. Agents" "no step 7"
keys a; typed 1001; keys Enter
must_show 5 "\[agent 1001\] name" "agent name not asked"
typed "Ann Smith"; keys Enter
must_show 5 "\[agent 1001\] pin" "PIN not asked"
typed 4321; keys Enter
must_show 5 "\[agent 1001\] queues" "queues not asked"
typed sales; keys Enter
must_show 5 "pin  *(set)" "PIN not set"
keys Escape Escape; must_show 5 "Step 8 of 10" "no step 8"
keys Escape; must_show 5 "Step 9 of 10" "no step 9"
keys Escape; must_show 5 "Step 10 of 10" "no step 10"
keys Escape; must_show 5 "Summary: what will be written" "no summary"
# The check runs the installed centrala-core --check beside the wizard.
must_show 10 "complete and right" "the summary's check fails"
keys w; must_show 15 "Written" "not written"
# (the long DESTDIR paths wrap in the report: the file is checked below)
shows ": ready" || { screen; fail "the database not made"; }
keys Enter; must_show 5 "Sections:" "no section menu after the summary"
keys q; must_show 5 "setup-exit=0" "the wizard did not end"
pass "installed centrala setup$hidden wrote $conf: $(grep -c '^\[' "$conf") sections"

grep -q '^pin = \$' "$conf" && ! grep -q 4321 "$conf" || fail "the PIN is not stored as a hash"
[ "$(sqlite3 "$ST/centrala.db" "select count(*) from sqlite_master where name = 'cdr'")" = 1 ] ||
	fail "no schema in $ST/centrala.db"

# The installed core on the wizard's file, its state where the file says.
ctl() { "$bin" ctl --state-dir "$ST" "$@"; }
sql() { sqlite3 -batch -noheader "$ST/centrala.db" "$1"; }
sh -c "$HIDE $bin core --config $conf --log-level debug" 2>>"$T/core-stderr.log" &
CORE_PID=$!
PIDS="$PIDS $CORE_PID"
wait_until 30 ctl --timeout 1 wait-ready || fail "installed core did not come up: $(cat "$T/core-stderr.log")"
grep -q "configuration loaded from $conf" "$ST/log/core.log" || fail "config load not logged"
grep -q "prompts from $share/prompts" "$ST/log/core.log" ||
	fail "prompts not from the install: $(grep 'prompts from' "$ST/log/core.log")"
"$B/tests/agentbot" --state-dir "$ST" --agents 1001 --pin 4321 >>"$T/bots.log" 2>&1 &
PIDS="$PIDS $!"
wait_until 15 agents_in ready 1 || fail "agent 1001 (PIN from the wizard) not ready"
sh -c "$HIDE $bin pstn --state-dir $ST --calls 1 --dnis 2000 --hold fixed:2" >"$T/pstn.out" 2>>"$T/pstn.log" ||
	fail "installed pstn: $(cat "$T/pstn.out")"
[ "$(summary_field answered)" = 1 ] || fail "the call was not answered: $(cat "$T/pstn.out")"
wait_until 15 sql_is "select count(*) from cdr where dnis = '2000' and agent = '1001' and queue = 'sales' and cause = 16" 1 ||
	fail "no CDR of the call: $(sql 'select * from cdr')"
pass "installed core$hidden on the wizard's file: 1001 logged in, a call to 2000 answered in sales, CDR stored"
ctl --timeout 30 stop --clear >/dev/null || fail "stop"
wait "$CORE_PID"
