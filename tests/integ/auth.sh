#!/bin/sh
# auth.sh: logins: an agent mapped to a Unix user is checked against the
# peer's uid (SO_PEERCRED) and needs no PIN; an admin changes a PIN (stored
# hashed); a supervisor sees status but cannot stop or reload the core;
# repeated wrong PINs end the connection.
. "$top_srcdir/tests/integ/lib.sh"

me=$(id -un)
sed -e "/^\[agent 1001\]$/a unix_user = $me" -e '/^\[agent 1002\]$/a unix_user = nobody' \
	"$S/data/centrala.ini" >"$T/c.ini"
start_core -c "$T/c.ini"
expect() { grep -q "$1" "$T/raw.out" || fail "want /$1/ in: $(cat "$T/raw.out")"; }

raw @hello '{"id":1,"req":"login","agent":"1001"}' >"$T/raw.out"
expect '"id":1,"ok":true,"role":"agent","agent":"1001"'
raw @hello '{"id":2,"req":"login","agent":"1002","pin":"1234"}' >"$T/raw.out"
expect '"id":2,"ok":false,"error":"forbidden".*only as Unix user nobody'
raw @hello '{"id":3,"req":"login","agent":"1003"}' >"$T/raw.out"
expect '"id":3,"ok":false,"error":"bad-args".*pin'
pass "Unix-user mapping: own uid logs in without PIN, another uid refused"

echo 5678 | ctl set-pin 1003 >"$T/out" 2>&1 || fail "set-pin: $(cat "$T/out")"
raw @hello '{"id":4,"req":"login","agent":"1003","pin":"1234"}' >"$T/raw.out"
expect '"id":4,"ok":false,"error":"auth-failed"'
raw @hello '{"id":5,"req":"login","agent":"1003","pin":"5678"}' >"$T/raw.out"
expect '"id":5,"ok":true'
[ "$(sql "select count(*) from pins where who='1003' and hash like '\$6\$%'")" = 1 ] || fail "PIN not stored as a hash"
sql "select hash from pins" | grep -q 5678 && fail "PIN in clear"
echo 12 | ctl set-pin 1003 >"$T/out" 2>&1 && fail "a 2-digit PIN accepted"
pass "admin changed a PIN: old one refused, new one works, stored hashed"

raw @hello '{"id":6,"req":"login","user":"super","pin":"4321"}' '{"id":7,"req":"status"}' \
	'{"id":8,"req":"stop"}' '{"id":9,"req":"reload"}' >"$T/raw.out"
expect '"id":6,"ok":true,"role":"supervisor"'
expect '"id":7,"ok":true'
expect '"id":8,"ok":false,"error":"forbidden"'
expect '"id":9,"ok":false,"error":"forbidden"'
CENTRALA_PIN=9999 ctl --user admin status >/dev/null || fail "admin by PIN"
pass "supervisor sees status, cannot stop or reload; admin logs in by PIN"

raw @hello '{"req":"login","agent":"1004","pin":"0000"}' '{"req":"login","agent":"1004","pin":"0000"}' \
	'{"req":"login","agent":"1004","pin":"0000"}' '{"req":"login","agent":"1004","pin":"0000"}' \
	'{"req":"login","agent":"1004","pin":"0000"}' '{"id":10,"req":"ping"}' >"$T/raw.out"
expect 'EOF'
grep -q "too many failed logins" "$T/log/core.log" || fail "no log of the cut-off"
pass "five wrong PINs end the connection"

# Logging in as an agent already logged in takes the session over; the old
# console is told before its connection closes.
PYTHONPATH="$S/tests/integ" python3 - "$T/run/centrala.sock" >"$T/takeover.log" 2>&1 <<'PY' || { cat "$T/takeover.log"; fail "takeover"; }
import sys
from czclient import Session
old = Session(sys.argv[1], {"agent": "1006", "pin": "1234"})
new = Session(sys.argv[1], {"agent": "1006", "pin": "1234"})
old.event("session_replaced", timeout=5)
try:
    old.req("ping")
    sys.exit("old session still open")
except (EOFError, BrokenPipeError, ConnectionResetError, TimeoutError):
    pass
assert new.ok("ready")["state"] == "ready"
PY
pass "a second login takes the session over; the old console is told, then closed"
