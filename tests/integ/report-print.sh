#!/bin/sh
# report-print.sh: `centrala report --print` through a real, private CUPS
# scheduler (cupsd -f on its own config, spool and Unix socket in the test
# directory; runs as root, as CI does). Its queue's backend, a script in
# the private ServerBin, writes each job to a file. After some calls the
# queue report is printed, the job must complete, and the file must be
# the paginated text --text writes (header and page N of M on each page,
# column headers, the queue rows, the totals, form feeds between pages).
# Without a destination, the config's [core] print_destination is used.
# A destination CUPS does not know must fail with lp's error.
. "$top_srcdir/tests/integ/lib.sh"
. "$top_srcdir/tests/integ/cups.sh"

start_cups
lpadmin -p czq -E -v "tofile:$T/printed.txt" || fail "lpadmin failed"

start_core
start_bots 1025-1026 --talk 1 --accept-delay 200
wait_until 20 agents_in ready 2 || fail "agents not ready"
pstn --calls 6 --rate 5 --dnis 2000,2001 --hold uniform:1:3 --seed 3 || fail "pstn failed"
wait_until 10 sql_is "select count(*) from cdr" 6 || fail "CDRs missing"

from=$(date -u -d yesterday +%F)
to=$(date -u -d tomorrow +%F)
rep() { "$B/centrala-report" --state-dir "$T" --interval day --from "$from" --to "$to" "$@"; }
rep --text --page-lines 12 >"$T/text.txt" || fail "report --text failed"
rep --print czq --page-lines 12 >"$T/print.out" 2>&1 || fail "report --print failed: $(cat "$T/print.out")"
job=$(sed -n 's/.*request id is \(czq-[0-9]*\).*/\1/p' "$T/print.out")
[ -n "$job" ] || fail "no job id in: $(cat "$T/print.out")"
job_done() { lpstat -W completed -o czq | grep -q "^$job "; }
wait_until 30 job_done || fail "job $job did not complete"
wait_file 10 "$T/printed.txt" || fail "the printer's file is missing"
cmp "$T/text.txt" "$T/printed.txt" || fail "printed text differs from --text"

python3 - "$T/printed.txt" <<'PY' || fail "printed report is wrong (see above)"
import re, sys
pages = open(sys.argv[1]).read().split("\f")
n = len(pages)
assert n >= 2, f"{n} page(s): expected the 12-line pages to be several"
for i, p in enumerate(pages, 1):
    lines = p.split("\n")
    assert len(lines) - 1 <= 12, f"page {i} has {len(lines) - 1} lines"
    assert lines[0].startswith("Centrala report: queues"), lines[0]
    assert lines[0].endswith(f"page {i} of {n}"), lines[0]
    assert lines[1].startswith("From ") and "interval day" in lines[1], lines[1]
    assert lines[3].split()[:2] == ["Queue", "Offered"], lines[3]
text = "\f".join(pages)
rows = {m.group(1): int(m.group(2)) for m in
        re.finditer(r"^(sales|support)\s+(\d+)", text, re.M)}
assert set(rows) == {"sales", "support"}, rows
total = re.search(r"^Total\s+(\d+)\s+(\d+)", text, re.M)
assert total, "no Total row"
assert int(total.group(1)) == 6 == sum(rows.values()), (total.group(0), rows)
print("pages", n, "rows", rows, "total", total.group(0))
PY

# No destination given: the config's [core] print_destination.
sed '/^\[core\]/a print_destination = czq' "$S/data/centrala.ini" >"$T/print.ini"
rm -f "$T/printed.txt"
rep --print --config "$T/print.ini" >"$T/print2.out" 2>&1 ||
	fail "report --print with the config's destination failed: $(cat "$T/print2.out")"
grep -q '^centrala report: printed on czq: request id is czq-' "$T/print2.out" ||
	fail "not printed on the config's destination: $(cat "$T/print2.out")"
wait_file 30 "$T/printed.txt" || fail "the second job was not printed"
grep -q '^Total ' "$T/printed.txt" || fail "the second job has no totals"

rep --print nosuch >"$T/bad.out" 2>&1 && fail "a bad destination succeeded"
grep -q 'printing on nosuch failed: .*does not exist' "$T/bad.out" ||
	fail "no clear error: $(cat "$T/bad.out")"
pass "report printed through CUPS as job $job; bad destination refused"
