#!/usr/bin/env python3
"""rawclient.py SOCKET LINE...: sends each LINE (a literal; '@hello' and
'@local' are shorthands) on one connection to the core and prints every
reply or event line received, one JSON object per line. Used by tests that
must send what a well-behaved client never would."""
import socket
import sys
import time

SHORT = {
    "@hello": '{"id":"h","req":"hello","proto":1}',
    "@local": '{"id":"l","req":"login","local":true}',
}


def main():
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.connect(sys.argv[1])
    s.settimeout(2.0)
    buf = b""
    for line in sys.argv[2:]:
        line = SHORT.get(line, line)
        s.sendall(line.encode("utf-8", "surrogateescape") + b"\n")
        # One reply per line sent: print lines until a reply ("ok") comes.
        deadline = time.time() + 5
        got_reply = False
        while not got_reply and time.time() < deadline:
            while b"\n" in buf:
                one, buf = buf.split(b"\n", 1)
                print(one.decode("utf-8", "replace"), flush=True)
                got_reply = got_reply or b'"ok"' in one
            if got_reply:
                break
            try:
                chunk = s.recv(65536)
            except socket.timeout:
                break
            if not chunk:
                print("EOF", flush=True)
                return
            buf += chunk
    s.close()


if __name__ == "__main__":
    main()
