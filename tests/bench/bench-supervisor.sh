#!/bin/sh
# bench-supervisor.sh: the supervisor's live view against a real core with
# 500 agents (2001-2500, logged in) in 50 queues, fed 200 agent_state
# events a second (BENCH_RATE) for BENCH_SECONDS: agents sent ready and
# not ready in turn, through their own sessions, so each change is a real
# event from the core. Prints the console's CPU share over the run (and
# the core's, for scale), and its update latency: every half second agent
# 2001 goes not ready with the next reason; from the core's reply to that
# request (the event goes out just before it) to the reason on the
# screen, read with tmux capture-pane polled every few ms (the figure
# includes up to one poll of delay): p50, p95 and max.
. "$top_srcdir/tests/integ/lib.sh"
. "$top_srcdir/tests/integ/tmux.sh"
RATE=${BENCH_RATE:-200}
SECS=${BENCH_SECONDS:-20}

python3 - "$S/data/centrala.ini" >"$T/c.ini" <<'PY'
import re, sys
ini = open(sys.argv[1]).read()
pin = re.search(r"\[agent 1001\][^\[]*?pin = (\S+)", ini).group(1)
out = [ini]
for q in range(4, 51):
    out.append("[queue q%02d]\nstrategy = longest_idle\nwrapup = 0\n" % q)
for a in range(2001, 2501):
    out.append("[agent %d]\nname = Agent %d\npin = %s\nqueues = q%02d, q%02d, sales\n"
               % (a, a, pin, 4 + a % 47, 4 + (a + 13) % 47))
print("\n".join(out))
PY
start_core -c "$T/c.ini"
console_start 160 80 "$B/centrala-supervisor --state-dir $T"
PYTHONPATH="$S/tests/integ" python3 - "$T" "$TMUX_SOCK" "$RATE" "$SECS" "$CORE_PID" <<'PY'
import os, subprocess, sys, threading, time
from czclient import Session
T, sock, rate, secs = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
core = int(sys.argv[5])
tm = ["tmux", "-L", sock, "-f", T + "/tmux.conf"]
path = T + "/run/centrala.sock"

def screen():
    return subprocess.run(tm + ["capture-pane", "-p", "-t", "c"],
                          capture_output=True, text=True).stdout
def row(agent):
    return next((l for l in screen().splitlines() if l.startswith(agent + " ")), "")
def wait_row(agent, text, limit=30):
    end = time.time() + limit
    while time.time() < end:
        if text in row(agent):
            return time.time()
        time.sleep(0.003)
    raise SystemExit("2001 never showed %r:\n%s" % (text, screen()))
def cpu(pid):
    f = open("/proc/%d/stat" % pid).read().rsplit(")", 1)[1].split()
    return (int(f[11]) + int(f[12])) / os.sysconf("SC_CLK_TCK")

t0 = time.time()
agents = [Session(path, {"agent": str(a), "pin": "1234"}) for a in range(2001, 2501)]
print("500 agents logged in: %.1f s" % (time.time() - t0))
marker, feed = agents[0], agents[1:]
wait_row("2001", "not_ready")
con = int(subprocess.run(tm + ["list-panes", "-t", "c", "-F", "#{pane_pid}"],
                         capture_output=True, text=True).stdout.split()[0])

sent = 0
stop = False
def feeder():
    global sent
    ready = [False] * len(feed)
    start = time.time()
    while not stop:
        i = sent % len(feed)
        s = feed[i]
        if ready[i]:
            s.ok("notready", reason="break")
        else:
            s.ok("ready")
        ready[i] = not ready[i]
        s.events.clear()
        sent += 1
        ahead = start + sent / rate - time.time()
        if ahead > 0:
            time.sleep(ahead)

c0, k0, w0 = cpu(con), cpu(core), time.time()
th = threading.Thread(target=feeder)
th.start()
reasons = ["lunch", "training", "meeting", "personal", "break"]	# fit the column
lat = []
end = time.time() + secs
n = 0
while time.time() < end:
    r = reasons[n % len(reasons)]
    n += 1
    marker.ok("notready", reason=r)
    t = time.time()
    lat.append(wait_row("2001", r) - t)
    marker.events.clear()
    time.sleep(max(0, t + 0.5 - time.time()))
stop = True
th.join()
w1 = time.time()
c1, k1 = cpu(con), cpu(core)
lat.sort()
q = lambda p: lat[min(len(lat) - 1, int(p * len(lat)))] * 1000
print("events: %d agent_state in %.1f s = %.0f/s (asked %d/s)" % (sent + n, w1 - w0, (sent + n) / (w1 - w0), rate))
print("console CPU: %.1f%% of one core; the core's: %.1f%%" % (
      100 * (c1 - c0) / (w1 - w0), 100 * (k1 - k0) / (w1 - w0)))
print("update latency (reply -> screen, %d samples): p50 %.0f ms, p95 %.0f ms, max %.0f ms"
      % (len(lat), q(0.5), q(0.95), lat[-1] * 1000))
PY
