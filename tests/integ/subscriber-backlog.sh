#!/bin/sh
# subscriber-backlog.sh: a subscribed supervisor that stops reading while
# thousands of events go out fills its socket; the core keeps the rest
# queued for it (conn.c: backlog, written by libevent as the socket takes
# more) and carries on serving the others. When it reads again it gets
# every event, in order, none lost or doubled. (A client that never reads
# is cut off at [core] client_outbuf: protocol.sh.)
. "$top_srcdir/tests/integ/lib.sh"

sed -e "/^\[core\]\$/a client_outbuf = 8388608" "$S/data/centrala.ini" >"$T/c.ini"
start_core -c "$T/c.ini"

python3 - "$T/run/centrala.sock" "$S/tests/integ" <<'PY' || fail "a paused subscriber lost or reordered events"
import fcntl, json, struct, sys, termios
sys.path.insert(0, sys.argv[2])
from czclient import Session, until

path = sys.argv[1]
sup = Session(path, {"user": "super", "pin": "4321"})
sup.ok("subscribe")
# Twenty agents share the changes: one client may make 200 requests/s.
ids = [str(1001 + i) for i in range(20)]
agents = {a: Session(path, {"agent": a, "pin": "1234"}) for a in ids}
other = Session(path, {"user": "super", "pin": "4321"})
for a in ids:	# each login's own state change, seen before we start
    sup.event("agent_state", agent=a, state="not_ready")

def queued(s):
    """Bytes the kernel holds for us, not yet read."""
    return struct.unpack("i", fcntl.ioctl(s.fileno(), termios.FIONREAD,
                                          b"\0\0\0\0"))[0]

# The supervisor reads nothing from here on. Each change is one
# agent_state event to every subscriber; each agent waits for its reply,
# so the core has sent the event before that agent's next change.
ROUNDS = 300
want = {a: [] for a in ids}
for i in range(ROUNDS):
    for a in ids:
        if i % 2 == 0:
            agents[a].ok("ready")
            want[a].append("ready")
        else:
            agents[a].ok("notready", reason="break")
            want[a].append("not_ready")
held = queued(sup.s)
# The core is not stuck behind the paused supervisor: another client is
# served at once.
other.ok("ping")
print(f"kernel held {held} bytes for the paused subscriber")

# Now read: every agent_state of each agent, in order.
N = ROUNDS * len(ids)
got = {a: [] for a in ids}
total = 0	# bytes of the agent_state lines, as the core encodes them
def drained():
    global total
    sup._read(0.5)
    for m in sup.events:
        if m.get("event") == "agent_state" and m.get("agent") in got:
            got[m["agent"]].append(m["state"])
            total += len(json.dumps(m, separators=(",", ":"))) + 1
    sup.events = [m for m in sup.events if m.get("event") != "agent_state"]
    return sum(len(v) for v in got.values()) >= N
until(drained, 120, f"{N} agent_state events")
for a in ids:
    if got[a] != want[a]:
        bad = next((i for i in range(min(len(got[a]), ROUNDS)) if got[a][i] != want[a][i]), len(got[a]))
        sys.exit(f"agent {a} event {bad}: got {got[a][bad:bad+1]}, want {want[a][bad]}")
# The events were far more than the socket could hold: the rest waited
# in the core, the backlog path.
if total <= 2 * held:
    sys.exit(f"events ({total} bytes) did not overflow the socket ({held})")
print(f"{N} events, {total} bytes, all in order")
# And after the backlog, events flow again as they come.
agents["1001"].ok("ready")
sup.event("agent_state", timeout=10, agent="1001", state="ready")
# The core measured the deliveries it wrote from the shared stream.
d = other.ok("status")["core"]["events_to_socket"]
assert d["n"] > 0 and d["p99_us"] <= d["max_us"], d
print(f"events into the socket: {d['n']} deliveries, p99 {d['p99_us']} us")
PY
pass "a paused subscriber gets every event in order once it reads again; others served meanwhile"
