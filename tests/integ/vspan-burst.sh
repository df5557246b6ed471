#!/bin/sh
# vspan-burst.sh: the core reads its B socket a batch at a time
# (recvmmsg) and answers a batch at a time (sendmmsg); docs/vspan.md asks
# one block back for each block in, in order, whatever the burst. A far
# end written here from vspan.md alone connects both sockets and sends 14
# packets at once: 12 good blocks, a runt and a T1-sized block among them
# (dropped and counted), while the core is stopped (SIGSTOP), so that
# they wait for it all at once. It must get exactly 12 blocks of 5120 bytes of
# A-law silence back (no call is up), the core must count 12 in and 2 bad,
# and closing the B socket must take layer 1 down.
. "$top_srcdir/tests/integ/lib.sh"

start_core
PYTHONPATH="$S/tests/integ" python3 - "$T" "$B/centrala-ctl" "$CORE_PID" >"$T/burst.log" 2>&1 <<'PY' || { cat "$T/burst.log"; fail "burst"; }
import json, os, signal, socket, subprocess, sys, time
T, CTL, CORE = sys.argv[1], sys.argv[2], int(sys.argv[3])
def conn(kind):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    s.connect("%s/run/span-e1a.%s" % (T, kind))
    return s
def span():
    r = subprocess.run([CTL, "--state-dir", T, "status", "--json"],
                       capture_output=True, text=True, check=True)
    return json.loads(r.stdout)["spans"][0]
def until(what, cond, limit=20):
    end = time.time() + limit
    while time.time() < end:
        v = cond()
        if v:
            return v
        time.sleep(0.05)
    raise SystemExit("timed out waiting for " + what)
d, b = conn("d"), conn("b")
until("layer 1 up", lambda: span()["l1"] == "up")
good = [bytes([0x55 ^ (i & 0x7f)]) * 5120 for i in range(12)]
burst = good[:5] + [b"\xd5" * 4] + good[5:9] + [b"\xff" * 3840] + good[9:]
# The core stopped while the burst goes in, so all 14 wait for it at once.
os.kill(CORE, signal.SIGSTOP)
try:
    for p in burst:
        b.send(p)
finally:
    os.kill(CORE, signal.SIGCONT)
st = until("12 blocks in", lambda: (lambda s: s if s["blocks_rx"] >= 12 else None)(span()))
assert st["blocks_rx"] == 12 and st["blocks_bad"] == 2, st
b.setblocking(False)
got = []
deadline = time.time() + 10
while len(got) < 12 and time.time() < deadline:
    try:
        got.append(b.recv(8192))
    except BlockingIOError:
        time.sleep(0.01)
assert len(got) == 12, "%d replies" % len(got)
assert all(len(x) == 5120 and x == b"\xd5" * 5120 for x in got), [len(x) for x in got]
try:
    extra = b.recv(8192)
    raise SystemExit("a 13th reply of %d bytes" % len(extra))
except BlockingIOError:
    pass
print("ok - 12 blocks in a burst answered by 12 idle blocks; 2 bad counted")
b.close()
until("layer 1 down", lambda: span()["l1"] != "up")
print("ok - B socket closed: layer 1 down")
d.close()
PY
cat "$T/burst.log"
pass "vspan B socket: a burst answered block for block, bad packets counted"
