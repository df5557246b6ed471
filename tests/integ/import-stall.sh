#!/bin/sh
# import-stall.sh: a 100,000-row list import does not stall the core's
# loop. While the import runs (its parse on a thread, campaign-import-job.c)
# a second client keeps pinging over the socket; pings must keep being
# answered before the import's reply comes, and the import must be whole
# (every row in the database). The longest ping round trip is printed,
# not asserted (make bench measures; docs/PERFORMANCE.md).
. "$top_srcdir/tests/integ/lib.sh"

cat "$S/data/centrala.ini" - >"$T/c.ini" <<EOF2

[campaign big]
client = acme
queues = sales
country = 44
caller_id = 020 7946 0000
dispositions = sale:success:close, later:retry=60
EOF2
start_core -c "$T/c.ini"

awk 'BEGIN { print "phone,name,plan"
	for (i = 0; i < 100000; i++)
		printf "+44 20 %04d %04d,Person %d,p%d\n", 7000 + int(i / 10000), i % 10000, i, i % 7 }' >"$T/big.csv"

PYTHONPATH="$S/tests/integ" python3 - "$T/run/centrala.sock" "$T/big.csv" >"$T/out" 2>&1 <<'PY' || fail "client: $(cat "$T/out")"
import json, sys, time
from czclient import Session
sock, path = sys.argv[1], sys.argv[2]
adm = Session(sock, {"local": True})
pinger = Session(sock, {"local": True})
# The import's request goes out; its reply is read later.
adm.s.sendall(json.dumps({"id": 77, "req": "list-import", "campaign": "big",
                          "list": "main", "path": path}).encode() + b"\n")
answered, longest, reply, slow = 0, 0.0, None, []
end = time.time() + 120
while reply is None and time.time() < end:
    t0 = time.time()
    pinger.ok("ping")
    lat = time.time() - t0
    longest = max(longest, lat)
    if lat > 0.2:
        slow.append(f"{lat * 1000:.0f} ms (ping {answered + 1})")
    answered += 1
    adm._read(0.001)
    for m in adm.events:
        if m.get("id") == 77:
            reply = m
if reply is None:
    raise SystemExit("no reply to the import in 120 s")
if not reply.get("ok") or reply.get("imported") != 100000:
    raise SystemExit(f"import: {reply}")
print(f"pings answered during the import: {answered}, longest {longest * 1000:.0f} ms; over 200 ms: {', '.join(slow) or 'none'}")
PY
n=$(sed -n 's/^pings answered during the import: \([0-9]*\),.*/\1/p' "$T/out")
[ -n "$n" ] && [ "$n" -ge 5 ] || fail "the loop stalled: $(cat "$T/out")"
sql_is "select count(*) from records r join lists l on l.id = r.list_id where l.name = 'main'" 100000 ||
	fail "records: $(sql "select count(*) from records")"
pass "100,000 rows imported whole; $(cat "$T/out")"
