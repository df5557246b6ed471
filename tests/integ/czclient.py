"""czclient.py: a minimal client of the core's protocol for tests that
need a scripted, event-driven session (docs/protocol.md). Waits are for a
thing (an event, a reply, a state, a row) with a deadline: Session.event,
Session.wait_agent, until(); window() is the one plain pause, for a span
of time a test measures (talk time, audio), never to order events.
Session.subscribe_pipe() asks for the events on a pipe (the core passes its
read end on the socket): from its reply on, the session reads the pipe."""
import json
import os
import select
import socket
import time


def until(f, timeout=10, what="a condition"):
    """Polls F (every 0.1 s) until it returns a true value; returns it."""
    end = time.time() + timeout
    while True:
        v = f()
        if v:
            return v
        if time.time() >= end:
            raise TimeoutError(f"{timeout} s waiting for {what}")
        time.sleep(0.1)


def window(seconds):
    """A deliberate stretch of time the test measures (a caller talks, a
    line stays silent, a tone plays): not a wait for anything to happen."""
    time.sleep(seconds)


def ready_to(path):
    """Tells a shell test (lib.sh: wait_file) this client is listening."""
    open(path, "w").close()


class Session:
    def __init__(self, path, login):
        self.s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.s.connect(path)
        self.buf = b""
        self.events = []
        self.next_id = 1
        self.trace = None       # a list: every line read is also put there
        self.pipe = None        # the read end the core sends on, once piped
        self.fds = None         # fds come with the socket's data (a list)
        self.blanks = 0         # blank lines read (skipped)
        self.switch_id = None   # the piped subscribe's request id
        self.sock_late = b""    # read on the socket after the switch
        self.refused_fds = 0    # fds that came with a refused one
        self.ok("hello", proto=1)
        self.login_reply = self.ok("login", **login)

    def _read(self, timeout):
        if self.pipe is not None:
            return self._read_pipe(timeout)
        self.s.settimeout(timeout)
        try:
            if self.fds is None:
                chunk = self.s.recv(65536)
            else:
                chunk, fds, _, _ = socket.recv_fds(self.s, 65536, 4)
                self.fds += fds
        except socket.timeout:
            return
        if not chunk:
            raise EOFError("core closed the connection")
        self._feed(chunk)

    def _read_pipe(self, timeout):
        if not select.select([self.pipe], [], [], timeout)[0]:
            return
        chunk = os.read(self.pipe, 65536)
        if not chunk:
            raise EOFError("core closed the pipe")
        self._feed(chunk)

    def _feed(self, chunk):
        self.buf += chunk
        while b"\n" in self.buf:
            line, self.buf = self.buf.split(b"\n", 1)
            if not line.strip():
                self.blanks += 1
                continue
            m = json.loads(line)
            self.events.append(m)
            if self.trace is not None:
                self.trace.append(m)
            if self.switch_id is not None and m.get("id") == self.switch_id:
                self._switch(m)

    def _switch(self, reply):
        """After the piped subscribe's reply: the pipe from the next line
        on (what followed the reply on the socket is kept, sock_late)."""
        self.switch_id = None
        fds, self.fds = self.fds, None
        if not (reply.get("ok") and reply.get("pipe") is True):
            for fd in fds:
                os.close(fd)
            self.refused_fds = len(fds)
            return
        if len(fds) != 1:
            raise AssertionError(f"{len(fds)} fds came with {reply}")
        self.pipe = fds[0]
        self.sock_late, self.buf = self.buf, b""

    def subscribe_pipe(self, **args):
        """Subscribes with "pipe": true (ARGS: others, or another pipe
        value); the reply. Ok, the session reads the pipe from then on;
        refused, the socket as before (refused_fds: fds that came)."""
        self.fds = []
        self.switch_id = self.next_id
        args.setdefault("pipe", True)
        return self.req("subscribe", **args)

    def sock_unread(self):
        """After the switch: what the socket has to read now, without
        waiting (b"" for nothing, None for end of file), with sock_late."""
        self.s.settimeout(0)
        try:
            chunk, fds, _, _ = socket.recv_fds(self.s, 65536, 4)
        except (BlockingIOError, socket.timeout):
            return self.sock_late
        for fd in fds:
            os.close(fd)
        if not chunk and not fds:
            return None
        return self.sock_late + chunk + b"<fd>" * len(fds)

    def req(self, name, /, **args):
        rid = self.next_id
        self.next_id += 1
        args.update(id=rid, req=name)
        self.s.sendall(json.dumps(args).encode() + b"\n")
        end = time.time() + 10
        while time.time() < end:
            for m in self.events:
                if m.get("id") == rid:
                    self.events.remove(m)
                    return m
            self._read(0.2)
        raise TimeoutError(f"no reply to {name}")

    def ok(self, name, /, **args):
        r = self.req(name, **args)
        if not r.get("ok"):
            raise AssertionError(f"{name} {args}: {r}")
        return r

    def event(self, name, timeout=10, **match):
        """Waits for (and consumes) the first event NAME matching MATCH."""
        end = time.time() + timeout
        while time.time() < end:
            for m in self.events:
                if m.get("event") == name and all(m.get(k) == v for k, v in match.items()):
                    self.events.remove(m)
                    return m
            self._read(0.2)
        raise TimeoutError(f"no {name} event {match}; have {self.events}")

    def agent(self, agent):
        """An agent's row of the status reply (a supervisor's session)."""
        return [x for x in self.ok("status")["agents"] if x["agent"] == agent][0]

    def wait_agent(self, agent, timeout=10, **want):
        """Waits until AGENT's status row has the fields WANT; the row."""
        def row():
            a = self.agent(agent)
            return a if all(a.get(k) == v for k, v in want.items()) else None
        return until(row, timeout, f"agent {agent} {want}")


class Desk:
    """Agents (Sessions, logged in and ready) working the calls a campaign
    puts through to them: each call connected to one is, once it has
    ended, given the disposition CODE. step() reads what came and returns
    how many calls it disposed; DONE(session, call id) is told of each as
    it is given, OTHER(session, event) of every other event (a preview to
    answer, say), in the order they came."""

    def __init__(self, agents, campaign=None, other=None, done=None):
        self.agents = agents
        self.campaign = campaign
        self.other = other
        self.done = done
        self.talking = {id(a): None for a in agents}

    def busy(self):
        """1 while an agent is on a call."""
        return any(self.talking.values())

    def step(self, code):
        n = 0
        for a in self.agents:
            a._read(0.05)
            for m in list(a.events):
                a.events.remove(m)
                ev = m.get("event")
                if ev == "call_connected":
                    assert self.campaign is None or m.get("campaign") == self.campaign, m
                    self.talking[id(a)] = m["call"]
                elif ev == "call_ended" and m.get("call") == self.talking[id(a)]:
                    self.talking[id(a)] = None
                    a.ok("disposition", call=m["call"], code=code)
                    n += 1
                    if self.done is not None:
                        self.done(a, m["call"])
                elif self.other is not None:
                    self.other(a, m)
        return n
