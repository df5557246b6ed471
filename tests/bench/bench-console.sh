#!/bin/sh
# bench-console.sh: the agent console against a core whose database holds
# 100,000 customers (BENCH_CUSTOMERS). Prints the console's start-up time
# (launch to the agent's state on screen, logged in), its memory (RSS),
# and, over 10 calls from customers' numbers, the time from the core's
# offer (the `offer` event's timestamp) to the screen showing the
# customer's name (tmux capture-pane polled every few ms: the figure
# includes up to one poll of delay), p50 and max.
. "$top_srcdir/tests/integ/lib.sh"
. "$top_srcdir/tests/integ/tmux.sh"
N=${BENCH_CUSTOMERS:-100000}

sed -e '/^\[queue sales\]$/,/^$/s/^offer_timeout = .*/offer_timeout = 30/' \
    "$S/data/centrala.ini" >"$T/c.ini"
start_core -c "$T/c.ini"
python3 - "$T/centrala.db" "$N" <<'PY'
import sqlite3, sys, time
db, n = sys.argv[1], int(sys.argv[2])
c = sqlite3.connect(db)
now = int(time.time() * 1000)
c.executemany("INSERT INTO customers (name, company, phone, phone_key, "
              "fields, created_ms, updated_ms) VALUES (?,?,?,?,?,?,?)",
              (("Customer %06d" % i, "Company %d" % (i % 997),
                "+48600%06d" % i, "600%06d" % i, '{"tier":"silver"}', now, now)
               for i in range(1, n + 1)))
c.commit()
print("customers:", c.execute("select count(*) from customers").fetchone()[0])
PY
PYTHONPATH="$S/tests/integ" python3 - "$T" "$B" "$TMUX_SOCK" <<'PY'
import os, sqlite3, subprocess, sys, time
T, B, sock = sys.argv[1:4]
tm = ["tmux", "-L", sock, "-f", T + "/tmux.conf"]
def screen():
    return subprocess.run(tm + ["capture-pane", "-p", "-t", "c"],
                          capture_output=True, text=True).stdout
def wait_for(text, limit=30):
    end = time.time() + limit
    while time.time() < end:
        if text in screen():
            return time.time()
        time.sleep(0.003)
    raise SystemExit("never showed %r:\n%s" % (text, screen()))
t0 = time.time()
subprocess.run(tm + ["new-session", "-d", "-s", "c", "-x", "100", "-y", "30",
                     "%s/centrala-agent --state-dir %s --agent 1001 --pin 1234" % (B, T)],
               check=True)
t1 = wait_for("NOT READY")
pid = subprocess.run(tm + ["list-panes", "-t", "c", "-F", "#{pane_pid}"],
                     capture_output=True, text=True).stdout.split()[0]
rss = [l for l in open("/proc/%s/status" % pid) if l.startswith("VmRSS")][0].split()[1]
print("console start-up to logged in: %.0f ms; RSS %.1f MiB" % ((t1 - t0) * 1000, int(rss) / 1024))
subprocess.run(tm + ["send-keys", "-t", "c", "r"])
wait_for("READY ")
pstn = subprocess.Popen([B + "/centrala-pstn", "--state-dir", T, "--calls", "10",
                         "--rate", "0.4", "--cli", "600000##1", "--hold", "fixed:1"],
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
lat = []
db = sqlite3.connect(T + "/centrala.db")
for i in range(10):
    seen = wait_for("Customer 000%02d1" % (i + 1))	# caller 6000000NN1
    offer = db.execute("select ts_ms from events where kind='offer' "
                       "order by id desc limit 1").fetchone()[0]
    lat.append(seen * 1000 - offer)
    subprocess.run(tm + ["send-keys", "-t", "c", "a"])
    time.sleep(0.3)
pstn.wait(timeout=60)
lat.sort()
print("offer to screen (customer popped): p50 %.0f ms, max %.0f ms over %d calls"
      % (lat[len(lat) // 2], lat[-1], len(lat)))
PY
