#!/bin/sh
# reload-restart.sh: `ctl reload` names what changed: the keys a reload
# puts in force (log_file: the log moves to the new file; socket_group: the
# socket changes group; a queue's title) and those that need a restart
# (db_path, a new span), which the core logs too. A new log file or socket
# group that cannot be had refuses the reload, the running config stays.
. "$top_srcdir/tests/integ/lib.sh"

sed 's|^log_level = info$|log_level = info\nlog_file = log/a.log|' "$S/data/centrala.ini" >"$T/c.ini"
start_core -c "$T/c.ini"
wait_until 10 grep -q "configuration loaded" "$T/log/a.log" || fail "core not logging to log/a.log"

# show-config: every key of the table, with its help, default and source.
ctl show-config >"$T/show" || fail "show-config"
grep -B1 -x "log_file = log/a.log" "$T/show" | grep -q "(default: log/core.log; from the file)" ||
	fail "log_file's source: $(grep -B1 '^log_file' "$T/show")"
grep -B1 -x "max_line = 65536" "$T/show" | grep -q "^; longest protocol line.*(default: 65536; the default)" ||
	fail "max_line's help, default, source: $(grep -B1 '^max_line' "$T/show")"
grep -B1 "^db_path = " "$T/show" | grep -q "the default; a change needs a restart)" || fail "db_path not said restart"
"$B/lib/config-man" --keys | while read -r sect key; do
	grep -q "^$key = \|^;   $key: " "$T/show" || { echo "$sect $key"; break; }
done >"$T/unshown"
[ ! -s "$T/unshown" ] || fail "show-config lacks $(cat "$T/unshown")"
pass "show-config: each key of the table with its help, default and source"

# A group for the socket: root may give it any; others one of theirs.
if [ "$(id -u)" = 0 ]; then
	grp=$(getent group daemon nogroup users | head -1 | cut -d: -f1)
else
	grp=$(id -Gn | tr ' ' '\n' | grep -vx "$(id -gn)" | head -1)
fi

sed -i "s|^log_file = log/a.log$|log_file = log/b.log\ndb_path = $T/other.db${grp:+\nsocket_group = $grp}|" "$T/c.ini"
sed -i 's/^title = Sales$/title = Sales team/' "$T/c.ini"
printf '\n[span e1z]\ndriver = vspan\n' >>"$T/c.ini"
ctl reload >"$T/out" 2>&1 || fail "reload failed: $(cat "$T/out")"
applied=$(sed -n 's/^applied: //p' "$T/out")
restart=$(sed -n 's/^needs a restart: //p' "$T/out")
case "$applied" in *"[core] log_file"*"[queue sales] title"*) ;; *) fail "applied: \"$applied\" ($(cat "$T/out"))" ;; esac
case "$restart" in *"[core] db_path"*"[span e1z] (new)"*) ;; *) fail "needs a restart: \"$restart\" ($(cat "$T/out"))" ;; esac
case "$applied" in *db_path*|*e1z*) fail "restart keys said applied: $applied" ;; esac
case "$restart" in *log_file*|*title*) fail "applied keys said restart: $restart" ;; esac
pass "reload replies applied: $applied; needs a restart: $restart"

# The log moved: new lines go to b.log, none to a.log.
wait_until 10 grep -q "log reopened by a reload" "$T/log/b.log" || fail "no reopen line in log/b.log"
grep -q 'reload: \[core\] db_path changed: needs a restart' "$T/log/b.log" || fail "restart not logged: $(tail -5 "$T/log/b.log")"
grep -q 'reload: \[core\] log_file changed: applied' "$T/log/b.log" || fail "applied not logged"
before=$(wc -l <"$T/log/a.log")
ctl reload >"$T/out2" 2>&1 || fail "second reload: $(cat "$T/out2")"
grep -qx "no setting changed" "$T/out2" || fail "an unchanged reload said: $(cat "$T/out2")"
wait_until 10 grep -q "reloaded from .*: 0 changes" "$T/log/b.log" || fail "second reload not logged in b.log"
[ "$(wc -l <"$T/log/a.log")" = "$before" ] || fail "a.log still written after the reload: $(tail -2 "$T/log/a.log")"
[ ! -e "$T/other.db" ] || fail "db_path applied without a restart"
pass "the log moved to log/b.log at reload; db_path kept until a restart, and logged so"

if [ -n "$grp" ]; then
	[ "$(stat -c %G "$T/run/centrala.sock")" = "$grp" ] || fail "socket group $(stat -c %G "$T/run/centrala.sock"), not $grp"
	[ "$(stat -c %a "$T/run/centrala.sock")" = 660 ] || fail "socket mode $(stat -c %a "$T/run/centrala.sock")"
	case "$applied" in *"[core] socket_group"*) ;; *) fail "socket_group not said applied: $applied" ;; esac
	pass "socket_group applied at reload: the socket is group $grp, mode 0660"
fi

# What cannot be had refuses the reload, naming the key; nothing changes.
sed -i "s|^log_file = log/b.log$|log_file = $T/no/such/dir/c.log|" "$T/c.ini"
if ctl reload >"$T/out3" 2>&1; then fail "reload with an unopenable log file accepted"; fi
grep -q "log_file: cannot open $T/no/such/dir/c.log" "$T/out3" || fail "unclear: $(cat "$T/out3")"
ctl show-config | grep -qx "log_file = log/b.log" || fail "running config changed by a refused reload"
sed -i "s|^log_file = .*|log_file = log/b.log\nsocket_group = no-such-group-cz|; /^socket_group = $grp$/d" "$T/c.ini"
if ctl reload >"$T/out4" 2>&1; then fail "reload with a missing socket group accepted"; fi
grep -q 'socket_group: no Unix group "no-such-group-cz"' "$T/out4" || fail "unclear: $(cat "$T/out4")"
wait_until 10 grep -q "reload refused: .*no-such-group-cz" "$T/log/b.log" || fail "refusal not in b.log"
pass "an unopenable log file or a missing group refuses the reload, named; the log stays in b.log"
