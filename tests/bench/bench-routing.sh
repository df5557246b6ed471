#!/bin/sh
# bench-routing.sh: routing decision time. First in process
# (tests/bench/bench-acd: 1,000 agents, 100 queues, ~500 calls waiting; the
# same event stream through the reference rescan and the indexed ACD, per
# decision p50/p99 and the ratio). Then in a real core with 1,000
# logged-in agents in 100 queues (each agent in 3 queues, with skills;
# queues asking skills and widening), 2 spans placing calls to 100
# numbers: every ACD pass is timed inside the core (its debug log); prints
# the median and p99 pass time and the calls routed.
. "$top_srcdir/tests/integ/lib.sh"
CALLS=${BENCH_ROUTING_CALLS:-1200}

"$top_builddir/tests/bench/bench-acd" ${BENCH_ACD_EVENTS:-} ||
	fail "the indexed ACD decided otherwise than the reference"

python3 - "$S/data/centrala.ini" >"$T/c.ini" <<'PY'
import random, re, sys
random.seed(5)
base = open(sys.argv[1]).read()
pin = re.search(r"^pin = (.*)$", base, re.M).group(1)
out = ["[core]", "state_dir = state", "max_clients = 2000", "",
       "[span e1a]", "[span e1b]", ""]
langs = ["polish", "romanian", "english", "german"]
for q in range(100):
    out += [f"[queue q{q}]", f"skills = {langs[q % 4]}:{3 + q % 5}",
            "widen = 5:2, 15:9", "strategy = " + ["longest_idle", "fewest_calls",
            "skill_weighted", "round_robin"][q % 4], ""]
    out += [f"[did {3000 + q}]", f"target = queue:q{q}", ""]
for a in range(1000):
    qs = random.sample(range(100), 3)
    skills = ", ".join(f"{l}:{random.randint(1, 10)}" for l in random.sample(langs, 2))
    out += [f"[agent {5000 + a}]", f"name = Agent {a}", f"pin = {pin}",
            "queues = " + ", ".join(f"q{x}" for x in qs), f"skills = {skills}", ""]
print("\n".join(out))
PY
start_core -c "$T/c.ini"
start_bots 5000-5999 --talk 1 --accept-delay 50
wait_until 120 agents_in ready 1000 || fail "1,000 agents not ready"
dnis=$(seq -s, 3000 3099)
pstn --span e1a --span e1b --calls "$CALLS" --rate 100 --concurrent 60 \
	--dnis "$dnis" --hold fixed:3 --quiet || fail "pstn failed"
python3 - "$T/log/core.log" "$CALLS" <<'PY'
import re, sys
m = [(int(a), int(b), int(c)) for a, b, c in re.findall(
    r"acd pass: (\d+) calls decided, (\d+) us, (\d+) us carrying out",
    open(sys.argv[1]).read())]
if not m:
    sys.exit("no ACD passes logged")
def p(t, q):
    t = sorted(t)
    return t[min(len(t) - 1, int(q * (len(t) - 1) + 0.5))]
whole = [b for a, b, c in m]
deciding = [b - c for a, b, c in m]
print(f"agents, queues      1000 logged in, 100 queues (3 per agent, skills)")
print(f"calls placed        {sys.argv[2]}")
print(f"ACD passes timed    {len(m)}")
print(f"pass time           p50 {p(whole, .5)} us, p99 {p(whole, .99)} us, max {max(whole)} us (with the offers: events stored, consoles told)")
print(f"deciding            p50 {p(deciding, .5)} us, p99 {p(deciding, .99)} us, max {max(deciding)} us (the pass less carrying out)")
PY
answered=$(sql "select count(*) from cdr where agent is not null")
echo "calls to an agent   $answered"
