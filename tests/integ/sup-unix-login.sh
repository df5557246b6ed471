#!/bin/sh
# sup-unix-login.sh: a supervisor whose [user] section names a Unix
# account (unix_user) logs in from it with `centrala supervisor --user
# NAME` and no PIN, as an SSH ForceCommand runs it (docs/ADMIN.md); the
# same section without unix_user still needs the PIN.
. "$top_srcdir/tests/integ/lib.sh"
. "$top_srcdir/tests/integ/tmux.sh"
command -v tmux >/dev/null || { echo "SKIP: no tmux"; exit 77; }

"$B/centrala-core" --print-default-config |
	sed "s/^\[user super\]/[user super]\nunix_user = $(id -un)/" >"$T/c.ini"
start_core --config "$T/c.ini"
console_start 80 24 "$B/centrala-supervisor --state-dir $T --user super"
must_show 10 "Centrala supervisor  super .* live" "super not logged in by its Unix account"
pass "supervisor logged in by its Unix account, no PIN"

tmux_cmd kill-session -t c
"$B/centrala-core" --print-default-config >"$T/c.ini"
ctl reload >/dev/null || fail "reload"
console_start 80 24 "$B/centrala-supervisor --state-dir $T --user super; echo rc=\$?; read x"
must_show 10 "centrala supervisor: login refused" "no PIN and no unix_user: not refused"
pass "without unix_user, no PIN is refused"
