#!/bin/sh
# syslog.sh: [core] log_file = syslog. syslog(3) writes to /dev/log, so
# the test runs in a private mount namespace (root and unshare(1)) with
# its own /dev: the real devices bound in, and /dev/log a datagram socket
# of ours. The core's lines arrive with facility daemon and their levels
# as priorities: the config load (info), a wrong PIN, a refused request, a
# refused reload, a span's layer 1 going down and the call it cut off
# (warning).
if [ -z "${SYSLOG_NS:-}" ]; then
	[ "$(id -u)" = 0 ] || { echo "SKIP: needs root (a private mount namespace)"; exit 77; }
	command -v unshare >/dev/null || { echo "SKIP: unshare not installed"; exit 77; }
	unshare --mount --propagation private true 2>/dev/null ||
		{ echo "SKIP: no mount namespaces here"; exit 77; }
	SYSLOG_NS=1 exec unshare --mount --propagation private sh "$0"
fi
. "$top_srcdir/tests/integ/lib.sh"

# Our /dev: the host's devices, bound one by one, and no syslog daemon.
# The host's /dev is seen through OLD, outside $T: lib.sh's rm -rf "$T"
# must never reach it. Unmounted first on the way out, then only rmdir.
OLD=$(mktemp -d /tmp/czdev.XXXXXX)
trap 'umount -l "$OLD" 2>/dev/null; rmdir "$OLD" 2>/dev/null; cleanup' EXIT
mount --rbind /dev "$OLD" && mount -t tmpfs -o mode=755 tmpfs /dev || fail "cannot make a private /dev"
for n in null zero full random urandom tty ptmx; do
	touch "/dev/$n" && mount --bind "$OLD/$n" "/dev/$n" || fail "cannot bind /dev/$n"
done
ln -s /proc/self/fd /dev/fd; ln -s fd/0 /dev/stdin; ln -s fd/1 /dev/stdout; ln -s fd/2 /dev/stderr
for d in pts shm; do
	mkdir "/dev/$d" && mount --rbind "$OLD/$d" "/dev/$d" || fail "cannot bind /dev/$d"
done

# The listener: one received datagram a line.
python3 -c '
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind("/dev/log")
open(sys.argv[1] + ".ready", "w").close()
with open(sys.argv[1], "a") as f:
    while True:
        f.write(s.recv(65536).decode(errors="replace").rstrip("\n") + "\n")
        f.flush()
' "$T/syslog.txt" &
PIDS="$PIDS $!"
wait_file 10 "$T/syslog.txt.ready" || fail "no /dev/log listener"

"$B/centrala-core" --print-default-config | sed 's/^\[core\]/[core]\nlog_file = syslog/' >"$T/c.ini"
start_core --config "$T/c.ini"
# <PRI> = facility daemon (3) * 8 + severity: info 6 -> 30, warning 4 -> 28.
logged() { grep -q "^<$1>.*centrala-core\[$CORE_PID\]: $2" "$T/syslog.txt"; }
wait_until 10 logged 30 "configuration loaded from $T/c.ini" || fail "config load not in syslog: $(head -5 "$T/syslog.txt")"
[ -z "$(ls "$T/log")" ] || fail "a log file was written too: $(ls "$T/log")"
pass "to syslog, facility daemon, info as info"

raw @hello '{"id":1,"req":"login","agent":"1001","pin":"0000"}' >"$T/raw.out"
wait_until 10 logged 28 "login as 1001 refused: wrong PIN" || fail "wrong PIN not logged as a warning"
raw @hello '{"id":1,"req":"login","agent":"1001","pin":"1234"}' '{"id":2,"req":"status"}' >"$T/raw.out"
grep -q '"forbidden"' "$T/raw.out" || fail "status as an agent not refused: $(cat "$T/raw.out")"
wait_until 10 logged 28 "client [0-9]* (uid [0-9]*): status refused" || fail "refused request not logged as a warning"
echo "[bogus" >"$T/c.ini"
ctl reload >/dev/null 2>&1 && fail "a bad config was reloaded"
wait_until 10 logged 28 "reload refused" || fail "refused reload not logged"
pass "wrong PIN, refused request, refused reload: warnings"

# A caller waiting (nobody is logged in) when the cable is pulled: the
# span's alarm and the call's failure (cause 38, network out of order).
pstn_bg --calls 1 --hold never --cut-after 3
wait_until 20 logged 28 "span e1a: layer 1 down" || fail "layer 1 down not logged as a warning: $(grep e1a "$T/syslog.txt")"
wait_until 10 logged 28 "call [^ ]*: ended, cause 38" || fail "the failed call not logged as a warning: $(grep 'call ' "$T/syslog.txt")"
wait_until 10 logged 30 "call [^ ]*: in on e1a" || fail "the call's start not logged as info"
pass "span alarm and call failure: warnings"
ctl --timeout 30 stop --clear >/dev/null || fail "stop"
