#!/bin/sh
# events-pipe.sh: a supervisor's `subscribe` with "pipe": true gets, after
# its reply, everything on a pipe whose read end came on the socket
# (SCM_RIGHTS, with a blank line). Checked against a plain subscriber of
# the same user: the same events in the same order, a request's reply
# after the event it caused; the socket stays silent after the switch. A
# second subscribe is refused (bad-state) on the pipe, a piped one after a
# plain one on the socket, "pipe": "yes" with bad-args. A client that
# closes the read end is dropped at the next write, the core serving the
# others on; a reload keeps the pipe; a session the core closes (its user
# removed; the core stopping) gets EOF on the pipe.
. "$top_srcdir/tests/integ/lib.sh"

hash=$(sed -n '/^\[user super\]/,/^pin/s/^pin = //p' "$S/data/centrala.ini")
printf '\n[user boss]\nrole = supervisor\npin = %s\n' "$hash" |
	cat "$S/data/centrala.ini" - >"$T/c.ini"
start_core -c "$T/c.ini"
PYTHONPATH="$S/tests/integ" python3 - "$T/run/centrala.sock" "$T/c.ini" \
	"$((10 * ${DEADLINE_SCALE:-3}))" >"$T/t.log" 2>&1 <<'PY' ||
import fcntl, os, re, select, stat, sys, time
from czclient import Session
sock, ini, limit = sys.argv[1], sys.argv[2], int(sys.argv[3])
SUP = {"user": "super", "pin": "4321"}

def check(cond, msg):
    if not cond:
        raise AssertionError(msg)

wrong = []  # the refusals found wrong: told at the end, the rest goes on

def refused(r, error, msg):
    if r.get("error") != error:
        print(f"not ok - {msg}, not refused with {error}: {r}")
        wrong.append(msg)
    else:
        print(f"ok - {msg}: refused with {error}")

def about(s, agent, n=0):
    """What S read (its trace, from N on) about AGENT, in order."""
    return [m for m in s.trace[n:] if m.get("agent") == agent]

def quiet(s, when):
    """S's socket has nothing to read since the switch (no event, no fd)."""
    got = s.sock_unread()
    check(got == b"", f"{when}: the piped client's socket carried {got!r}")

def piped(s, when):
    r = s.subscribe_pipe()
    check(r.get("ok") and r.get("pipe") is True, f"{when}: {r}")
    check(s.pipe is not None, f"{when}: no fd came with the reply")
    st = os.fstat(s.pipe)
    check(stat.S_ISFIFO(st.st_mode), f"{when}: the fd is not a pipe: {st}")
    check(fcntl.fcntl(s.pipe, fcntl.F_GETFL) & os.O_ACCMODE == os.O_RDONLY,
          f"{when}: the fd is not a read end")
    check(s.blanks == 1, f"{when}: {s.blanks} blank lines on the socket, not 1")
    check(s.sock_late == b"", f"{when}: after the reply came {s.sock_late!r}")

def sock_eof(s, when):
    """Waits (0.2 s at most) for S's socket to say EOF; EOFError then."""
    got = s.sock_unread()
    if got is None:
        raise EOFError
    check(got == b"", f"{when}: the socket carried {got!r}")
    select.select([s.s], [], [], 0.2)

def until_eof(read, what):
    end = time.time() + limit
    while time.time() < end:
        try:
            read()
        except EOFError:
            return
    raise AssertionError(f"{limit} s: no EOF on {what}")

plain = Session(sock, SUP)
plain.trace = []
plain.ok("subscribe")
p = Session(sock, SUP)

# f. pipe must be a bool: refused before anything changes.
r = p.subscribe_pipe(pipe="yes")
refused(r, "bad-args", 'f: "pipe": "yes"')
check(p.pipe is None and p.refused_fds == 0, f'"pipe": "yes": an fd came')
print('ok - f: no fd came with "pipe": "yes"')

piped(p, "piped subscribe")
p.trace = []
print("ok - the pipe's read end came on the socket with one blank line, "
      "then the reply")

# a. the same events, in the same order, on the pipe as on a socket.
a = Session(sock, {"agent": "1001", "pin": "1234"})
a.ok("ready")
a.ok("help", on=True, text="pipe help")
for s in (plain, p):
    s.event("help", agent="1001", on=True, timeout=limit)
    s.event("agent_state", agent="1001", state="ready", timeout=limit)
check(about(plain, "1001") == about(p, "1001"),
      f"events differ:\nsocket {about(plain, '1001')}\npipe   {about(p, '1001')}")
kinds = [m["event"] for m in about(p, "1001")]
check(len(kinds) >= 3 and kinds[-1] == "help", f"events on the pipe: {kinds}")
quiet(p, "a")
print(f"ok - a: the same {len(kinds)} events about 1001 ({' '.join(kinds)}), "
      "in order, on the pipe as on the plain socket")

# b. replies come on the pipe, after the events their request caused (as
# on a socket).
def order(s, state):
    n, rid = len(s.trace), s.next_id
    s.ok("agent-state", agent="1001", state=state)
    s.event("agent_state", agent="1001", state=state, timeout=limit)
    return ["reply" if m.get("id") == rid else "event"
            for m in s.trace[n:] if m.get("id") == rid or
            (m.get("event") == "agent_state" and m.get("agent") == "1001"
             and m.get("state") == state)]
for s in (plain, p):
    s.events.clear()    # 1001's login (not_ready) is not waited for again
on_socket = order(plain, "not_ready")
p.event("agent_state", agent="1001", state="not_ready", timeout=limit)
on_pipe = order(p, "ready")
check(len(on_socket) == 2 and on_pipe == on_socket,
      f"a request's reply and its event: socket {on_socket}, pipe {on_pipe}")
plain.event("agent_state", agent="1001", state="ready", timeout=limit)
p.ok("ping")
check(any(x["agent"] == "1001" for x in p.ok("status")["agents"]), "status")
quiet(p, "b")
print("ok - b: replies on the pipe (agent-state, ping, status); a request's "
      f"and its event's order as on a socket ({' then '.join(on_pipe)})")

# c. a second subscribe on the piped connection: refused, on the pipe.
for args in ({}, {"pipe": True}):
    r = p.req("subscribe", **args)
    refused(r, "bad-state", f"c: a second subscribe {args} on a piped connection")
a.ok("help", on=False)
for s in (plain, p):
    s.event("help", agent="1001", on=False, timeout=limit)
check(about(plain, "1001")[-1] == about(p, "1001")[-1], "c: the events differ")
quiet(p, "c")
print("ok - c: the answers to subscribe again came on the pipe; events go on")

# d. a piped subscribe after a plain one: refused, on the socket.
r = plain.subscribe_pipe()
refused(r, "bad-state", "d: a piped subscribe after a plain one")
check(plain.pipe is None and plain.refused_fds == 0, "d: an fd came")
a.ok("help", on=True, text="d")
for s in (plain, p):
    s.event("help", agent="1001", text="d", timeout=limit)
print("ok - d: the answer to a piped subscribe after a plain one came on "
      "the socket, no fd; events go on there")

# A reload leaves the pipe as it is; removing a user closes its piped
# session: session_closed, then EOF, on the pipe (the core still up).
b = Session(sock, {"user": "boss", "pin": "4321"})
piped(b, "boss's piped subscribe")
admin = Session(sock, {"local": True})
admin.ok("reload")
a.ok("help", on=False)
for s in (plain, p, b):
    s.event("help", agent="1001", on=False, timeout=limit)
quiet(p, "after a reload")
text = open(ini).read()
open(ini, "w").write(re.sub(r"\n\[user boss\]\n[^\[]*", "\n", text))
admin.ok("reload")
b.event("session_closed", timeout=limit)
until_eof(lambda: b._read(0.2), "a closed session's pipe")
until_eof(lambda: sock_eof(b, "session closed"), "a closed session's socket")
print("ok - a reload keeps the pipe; a session closed by the core "
      "(user removed): session_closed, then EOF, on the pipe")

# e. a piped client closes the read end: dropped at the next write.
d = Session(sock, SUP)
piped(d, "the third piped subscribe")
os.close(d.pipe)
d.pipe = None
a.ok("help", on=True, text="e")
until_eof(lambda: sock_eof(d, "e"), "the socket of a client that closed its pipe")
plain.ok("ping")
for s in (plain, p):
    s.event("help", agent="1001", text="e", timeout=limit)
a.ok("help", on=False)
for s in (plain, p):
    s.event("help", agent="1001", on=False, timeout=limit)
print("ok - e: a client that closed its pipe is dropped at the next event "
      "(EOF on its socket); the others served on")

# The core stops: shutdown, then EOF, on the pipe.
admin.ok("stop", mode="clear")
p.event("shutdown", timeout=limit)
until_eof(lambda: p._read(0.2), "the pipe as the core stops")
until_eof(lambda: sock_eof(p, "the end"), "the socket as the core stops")
print("ok - the core stopping: shutdown, then EOF, on the pipe; nothing "
      "but the reply came on the socket")
check(not wrong, f"not refused as the spec says: {'; '.join(wrong)}")
PY
	fail "events on a pipe: $(cat "$T/t.log")"
cat "$T/t.log"
wait_until 10 sh -c "! kill -0 $CORE_PID" || fail "the core did not stop"
grep -q "closed: Broken pipe" "$T/core-stderr.log" "$T"/log/*.log 2>/dev/null ||
	fail "no log line for the client dropped (closed: Broken pipe)"
pass "events and replies on a pipe, as on the socket"
