"""czclient.py: a minimal client of the core's protocol for tests that
need a scripted, event-driven session (docs/protocol.md). Waits are for a
thing (an event, a reply, a state, a row) with a deadline: Session.event,
Session.wait_agent, until(); window() is the one plain pause, for a span
of time a test measures (talk time, audio), never to order events."""
import json
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
        self.ok("hello", proto=1)
        self.login_reply = self.ok("login", **login)

    def _read(self, timeout):
        self.s.settimeout(timeout)
        try:
            chunk = self.s.recv(65536)
        except socket.timeout:
            return
        if not chunk:
            raise EOFError("core closed the connection")
        self.buf += chunk
        while b"\n" in self.buf:
            line, self.buf = self.buf.split(b"\n", 1)
            self.events.append(json.loads(line))

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
