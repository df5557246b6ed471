"""czclient.py: a minimal client of the core's protocol for tests that
need a scripted, event-driven session (docs/protocol.md)."""
import json
import socket
import time


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

    def req(self, name, **args):
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

    def ok(self, name, **args):
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
