#!/bin/sh
# protocol.sh: malformed, unknown, oversized and forbidden requests get
# clear error replies; a flooding client and one that stops reading are cut
# off; the core and its other clients carry on.
. "$top_srcdir/tests/integ/lib.sh"

start_core
expect() {	# expect PATTERN: the last raw output matches
	grep -q "$1" "$T/raw.out" || fail "want /$1/ in: $(cat "$T/raw.out")"
}

raw '{"id":1,"req":"status"}' >"$T/raw.out"
expect '"id":1,"ok":false,"error":"not-logged-in"'
raw @hello 'not json at all' '{"id":2,"req":"ping"}' >"$T/raw.out"
expect '"error":"bad-json"'
expect '"id":2,"ok":true,"pong":true'
pass "hello first; bad JSON answered, connection still usable"

raw @hello '[1,2]' '{"id":3}' '{"id":4,"req":"frobnicate"}' '{"id":[1],"req":"ping"}' >"$T/raw.out"
expect '"error":"bad-request"'
expect '"id":4,"ok":false,"error":"unknown-request"'
pass "non-object, missing req, unknown request, bad id"

long=$(python3 -c 'print("{\"id\":5,\"req\":\"ping\",\"x\":\"" + "a"*70000 + "\"}")')
raw @hello "$long" '{"id":6,"req":"ping"}' >"$T/raw.out"
expect '"error":"too-long"'
expect '"id":6,"ok":true'
pass "over-long line refused, next line served"

raw @hello '{"id":7,"req":"login","agent":"1001","pin":"0000"}' >"$T/raw.out"
expect '"id":7,"ok":false,"error":"auth-failed"'
raw @hello '{"id":8,"req":"login","agent":"1001","pin":"1234"}' \
	'{"id":9,"req":"stop"}' '{"id":10,"req":"status"}' \
	'{"id":11,"req":"accept","call":"nosuch"}' '{"id":12,"req":"accept"}' \
	'{"id":13,"req":"notready","reason":7}' '{"id":14,"req":"ready","extra":1}' >"$T/raw.out"
expect '"id":8,"ok":true,"role":"agent"'
expect '"id":9,"ok":false,"error":"forbidden"'
expect '"id":10,"ok":false,"error":"forbidden"'
expect '"id":11,"ok":false,"error":"not-found"'
expect '"id":12,"ok":false,"error":"bad-args".*missing argument'
expect '"id":13,"ok":false,"error":"bad-args".*must be a string'
expect '"id":14,"ok":false,"error":"bad-args".*unknown argument'
pass "wrong PIN refused; an agent cannot stop the core or see status; bad arguments named"
[ "$(sql "select count(*) from events where kind='agent_login' and agent='1001'")" = 1 ] || fail "login not recorded"
sql "select * from pins" | grep -q . && fail "PIN stored"
grep -q "1234" "$T/centrala.db" && fail "a PIN in clear in the database file"
pass "login recorded; no PIN in the database"

# A flood: thousands of requests as fast as possible, never reading.
python3 - "$T/run/centrala.sock" <<'PY' || fail "flood client"
import socket, sys
s = socket.socket(socket.AF_UNIX); s.connect(sys.argv[1])
s.sendall(b'{"req":"hello","proto":1}\n{"req":"login","local":true}\n')
try:
    for i in range(20000):
        s.sendall(b'{"req":"status"}\n')
except (BrokenPipeError, ConnectionResetError):
    sys.exit(0)
s.settimeout(5)
try:
    while s.recv(1 << 20): pass
except (ConnectionResetError, socket.timeout):
    pass
PY
wait_until 5 grep -q "closed: \(flooding\|output limit\)" "$T/log/core.log" || fail "flooder not cut off"
ctl status >/dev/null || fail "core unusable after the flood"
pass "flooding client cut off; core still serving"

# One client more than max_clients is told so and hung up on.
ctl stop >/dev/null || fail "stop"
wait_until 20 sh -c "! kill -0 $CORE_PID" || fail "core did not stop"
sed '/^\[core\]$/a max_clients = 2' "$S/data/centrala.ini" >"$T/c.ini"
start_core -c "$T/c.ini"
python3 - "$T/run/centrala.sock" >"$T/raw.out" 2>&1 <<'PY' || fail "max_clients: $(cat "$T/raw.out")"
import json, socket, sys, time
def client(hello=True):
    s = socket.socket(socket.AF_UNIX); s.connect(sys.argv[1]); s.settimeout(5)
    if hello:
        s.sendall(b'{"id":1,"req":"hello","proto":1}\n')
    buf = b""
    while b"\n" not in buf:
        chunk = s.recv(4096)
        if not chunk:
            break
        buf += chunk
    return s, json.loads(buf.split(b"\n")[0])
kept, end = [], time.time() + 10
while len(kept) < 2 and time.time() < end:     # ctl's own may still be closing
    try:
        s, r = client()
    except (ConnectionResetError, BrokenPipeError):
        r = {}
    if r.get("ok"):
        kept.append(s)
    else:
        time.sleep(0.1)
assert len(kept) == 2, "two clients not served"
s, r = client(hello=False)     # says nothing: the refusal is all it reads
print(json.dumps(r))
assert r == {"ok": False, "error": "busy", "message": "too many clients"}, r
assert s.recv(10) == b"", "not hung up on"
PY
pass "a client over max_clients: busy, too many clients"
