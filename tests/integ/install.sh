#!/bin/sh
# install.sh: `make install DESTDIR=...` puts every part where it belongs;
# the installed core, found and run from there (its data followed to the
# DESTDIR tree, not the build tree's), takes a call placed by the installed
# `centrala pstn` and stores its CDR; an admin's edited configuration
# survives a new install and an uninstall; the man pages are clean and
# name every configuration key.
. "$top_srcdir/tests/integ/lib.sh"

D=$T/d
make -C "$B" install DESTDIR="$D" >"$T/install.log" 2>&1 || fail "make install: $(tail -5 "$T/install.log")"
one() { find "$D" -path "$1" | head -1; }
bin=$(one '*/bin/centrala')
[ -x "$bin" ] || fail "no bin/centrala"
libexec=$(dirname "$(one '*/centrala/centrala-core')")
for p in core pstn ctl agent supervisor report sim demo setup; do
	[ -x "$libexec/centrala-$p" ] || fail "no centrala-$p in $libexec"
done
[ "$(find "$D" -name 'centrala-*' -path '*/bin/*')" = "" ] || fail "a centrala-* program in bindir"
share=$(dirname "$(one '*/share/centrala/centrala.ini')")
[ -f "$share/schema.sql" ] && [ -f "$share/prompts/en/welcome.wav" ] && [ -f "$share/prompts/common/moh.wav" ] ||
	fail "data missing under $share"
conf=$(one '*/etc/centrala/centrala.ini')
[ -n "$conf" ] || fail "no etc/centrala/centrala.ini"
for f in '*/man/man1/centrala.1' '*/man/man5/centrala.ini.5' '*/systemd/system/centrala.service' \
    '*/sysusers.d/centrala.conf' '*/tmpfiles.d/centrala.conf' '*/etc/logrotate.d/centrala'; do
	[ -n "$(one "$f")" ] || fail "not installed: $f"
done
pass "installed: centrala in bindir, centrala-* in pkglibexecdir, data, config, man, unit, sysusers, logrotate"

# The unit runs the installed front-end on the installed config as user
# centrala, restarts on failure, and owns /var/lib and /run directories.
unit=$(one '*/systemd/system/centrala.service')
for l in "ExecStart=${bin#$D} core --config ${conf#$D}" "User=centrala" "Restart=on-failure" \
    "StateDirectory=centrala" "RuntimeDirectory=centrala" "SupplementaryGroups=centrala-agents audio"; do
	grep -qxF "$l" "$unit" || fail "unit lacks \"$l\""
done
grep -q "^u centrala " "$(one '*/sysusers.d/centrala.conf')" && grep -q "^g centrala-supervisors" "$(one '*/sysusers.d/centrala.conf')" ||
	fail "sysusers.d file lacks the user or the groups"
grep -qx "z ${conf#$D} 0640 root centrala -" "$(one '*/tmpfiles.d/centrala.conf')" ||
	fail "tmpfiles.d does not give the config to group centrala"
grep -q "^state_dir = .*/lib/centrala$" "$conf" && grep -qx "run_dir = /run/centrala" "$conf" &&
	grep -qx "log_file = syslog" "$conf" && grep -qx "socket_group = centrala-agents" "$conf" ||
	fail "installed config lacks the installed paths: $(sed -n '/^\[core\]/,/^$/p' "$conf")"
"$bin" core --check --config "$conf" >"$T/check.out" 2>&1 || fail "installed config rejected: $(cat "$T/check.out")"
# systemd's own checks, where systemd's tools are installed: the unit (its
# programs and man pages looked for in the DESTDIR tree), and the users
# and groups sysusers makes in a root of ours.
if command -v systemd-analyze >/dev/null && command -v systemd-sysusers >/dev/null; then
	mkdir -p "$T/v" "$T/root/etc"
	sed "s|${bin#$D}|$bin|g" "$unit" >"$T/v/centrala.service"
	MANPATH=$(dirname "$(dirname "$(one '*/man1/centrala.1')")") \
		systemd-analyze verify "$T/v/centrala.service" >"$T/verify.out" 2>&1 &&
		[ ! -s "$T/verify.out" ] || fail "systemd-analyze verify: $(cat "$T/verify.out")"
	systemd-sysusers --root="$T/root" "$(one '*/sysusers.d/centrala.conf')" >"$T/sysusers.out" 2>&1 ||
		fail "systemd-sysusers: $(cat "$T/sysusers.out")"
	grep -q "^centrala:x:[0-9]*:[0-9]*:.*:/var/lib/centrala:" "$T/root/etc/passwd" &&
		grep -q "^centrala-agents:x:[0-9]*:centrala$" "$T/root/etc/group" &&
		grep -q "^centrala-supervisors:" "$T/root/etc/group" ||
		fail "sysusers made: $(cat "$T/root/etc/passwd" "$T/root/etc/group")"
	pass "systemd-analyze verify: unit clean; sysusers: user centrala, in centrala-agents"
fi
pass "unit, sysusers and the installed configuration as the service needs them"

# Man pages: no groff warning, and every key the core knows documented.
for m in '*/man1/centrala.1' '*/man5/centrala.ini.5'; do
	w=$(groff -man -ww -Tutf8 -z "$(one "$m")" 2>&1)
	[ -z "$w" ] || fail "groff warns on $m: $w"
	MANWIDTH=80 man -l "$(one "$m")" >"$T/man.txt" 2>&1 && grep -q "SEE ALSO" "$T/man.txt" || fail "man -l $m: $(head -3 "$T/man.txt")"
done

# The installed core on a config of our own: its paths moved by flags.
sed -e '/^socket_group/d' -e 's/^log_file = syslog/log_file = log\/core.log/' \
	-e "s/^\[core\]/[core]\nsocket_group = $(id -gn)/" "$conf" >"$T/my.ini"
"$bin" core --config "$T/my.ini" --state-dir "$T" --log-level debug 2>>"$T/core-stderr.log" &
CORE_PID=$!
PIDS="$PIDS $CORE_PID"
wait_until 30 "$bin" ctl --state-dir "$T" --timeout 1 wait-ready || fail "installed core did not come up"
grep -q "prompts from $share/prompts" "$T/log/core.log" || fail "prompts not from the install: $(grep 'prompts from' "$T/log/core.log")"
grep -q "configuration loaded from $T/my.ini" "$T/log/core.log" || fail "config load not logged"
[ "$(stat -c %G "$T/run/centrala.sock")" = "$(id -gn)" ] && [ "$(stat -c %a "$T/run/centrala.sock")" = 660 ] ||
	fail "socket not 0660 for group $(id -gn): $(stat -c '%a %G' "$T/run/centrala.sock")"
"$bin" ctl --state-dir "$T" show-config >"$T/show.ini" || fail "show-config"
for k in $(sed -n 's/^\([a-z_0-9]*\) = .*/\1/p' "$T/show.ini" | sort -u); do
	grep -q "^\.B $k\$" "$(one '*/man5/centrala.ini.5')" || fail "centrala.ini(5) lacks key $k"
done
pass "man pages clean; centrala.ini(5) names every key the core shows"

start_bots 1001-1002
wait_until 20 agents_in ready 2 || fail "agents not ready on the installed core"
"$bin" pstn --state-dir "$T" --calls 1 --hold fixed:1 >"$T/pstn.out" 2>>"$T/pstn.log" || fail "installed pstn: $(cat "$T/pstn.out")"
wait_until 20 sql_is "select count(*) from cdr where dnis='2000' and agent in ('1001','1002') and cause=16" 1 ||
	fail "no CDR of the call: $(sql 'select * from cdr')"
pass "installed core took a call from the installed pstn; CDR stored"
"$bin" ctl --state-dir "$T" --timeout 30 stop --clear >/dev/null || fail "stop"
wait "$CORE_PID"

# A socket group that does not exist is named at start.
if ! getent group centrala-agents >/dev/null; then
	sed -i "s/^socket_group = .*/socket_group = centrala-agents/" "$T/my.ini"
	"$bin" core --config "$T/my.ini" --state-dir "$T" >"$T/nogroup.out" 2>&1 &&
		fail "core started with a missing socket group"
	grep -q 'socket_group: no Unix group "centrala-agents"' "$T/nogroup.out" || fail "unclear error: $(cat "$T/nogroup.out")"
	pass "a missing socket group is a clear error"
fi

# An admin's configuration is never overwritten, nor removed.
echo "; edited by the admin" >>"$conf"
make -C "$B" install DESTDIR="$D" >>"$T/install.log" 2>&1 || fail "second make install"
grep -q "^; edited by the admin" "$conf" || fail "make install overwrote the admin's config"
make -C "$B" uninstall DESTDIR="$D" >"$T/uninstall.log" 2>&1 || fail "make uninstall: $(tail -5 "$T/uninstall.log")"
left=$(find "$D" -type f)
[ "$left" = "$conf" ] || fail "after uninstall, files left: $left"
pass "the admin's config survives install and uninstall; nothing else left"
