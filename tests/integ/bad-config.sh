#!/bin/sh
# bad-config.sh: a bad configuration names the file, section and key and
# the core refuses to start; an unknown key is a warning; -n says OK.
. "$top_srcdir/tests/integ/lib.sh"

core() { "$B/centrala-core" "$@"; }

core -n -c "$S/data/centrala.ini" >"$T/out" 2>&1 || fail "default config: $(cat "$T/out")"
grep -q "configuration OK" "$T/out" || fail "no 'configuration OK': $(cat "$T/out")"
core -n >"$T/out" 2>&1 || fail "built-in config refused"
grep -q "built-in default: configuration OK" "$T/out" || fail "built-in: $(cat "$T/out")"
pass "default and built-in configurations are OK"

sed 's/^offer_timeout = 15/offer_timeout = 0/' "$S/data/centrala.ini" >"$T/bad.ini"
if core -n -c "$T/bad.ini" >"$T/out" 2>&1; then fail "bad value accepted"; fi
grep -q "$T/bad.ini.*\[queue sales\] offer_timeout.*range" "$T/out" || fail "message: $(cat "$T/out")"
if core -c "$T/bad.ini" --state-dir "$T/s1" >"$T/out" 2>&1; then fail "core started with a bad config"; fi
grep -q "offer_timeout" "$T/out" || fail "start message: $(cat "$T/out")"
[ ! -S "$T/s1/run/centrala.sock" ] || fail "core listened with a bad config"
pass "out-of-range value: file, section and key named; core refuses to start"

sed 's/^target = queue:support/target = queue:nosuch/' "$S/data/centrala.ini" >"$T/bad2.ini"
if core -n -c "$T/bad2.ini" >"$T/out" 2>&1; then fail "dangling DID target accepted"; fi
grep -q "\[did 2001\] target.*nosuch" "$T/out" || fail "message: $(cat "$T/out")"
pass "DID to an undefined queue refused"

# Actions are parsed once, at load: a bad queue exit or IVR choice stops
# the load, naming the file, section and key, never a call at run time.
sed 's/^title = Sales/title = Sales\nmax_wait_exit = queue:nosuch/' "$S/data/centrala.ini" >"$T/bad3.ini"
if core -n -c "$T/bad3.ini" >"$T/out" 2>&1; then fail "exit to an undefined queue accepted"; fi
grep -q "$T/bad3.ini: \[queue sales\] max_wait_exit: no queue \"nosuch\"" "$T/out" ||
	fail "message: $(cat "$T/out")"
printf '[menu main]\n1 = queue:sales priority=x\n' | cat "$S/data/centrala.ini" - >"$T/bad4.ini"
if core -n -c "$T/bad4.ini" >"$T/out" 2>&1; then fail "bad IVR choice accepted"; fi
grep -q "$T/bad4.ini: \[menu main\] 1: priority is 0 to 9" "$T/out" ||
	fail "message: $(cat "$T/out")"
pass "bad queue exit and IVR choice: file, section and key named"

sed 's/^title = Sales/title = Sales\ncolour = blue/' "$S/data/centrala.ini" >"$T/warn.ini"
core -n -c "$T/warn.ini" >"$T/out" 2>&1 || fail "unknown key made it fail: $(cat "$T/out")"
grep -q "warning: .*\[queue sales\] colour: unknown key" "$T/out" || fail "no warning: $(cat "$T/out")"
pass "unknown key: a warning that names it"

if core -n -c "$T/nonexistent.ini" >"$T/out" 2>&1; then fail "missing file accepted"; fi
grep -q "nonexistent.ini" "$T/out" || fail "message: $(cat "$T/out")"
if core --bogus >"$T/out" 2>&1; then fail "bad option accepted"; fi
pass "missing file and bad option refused"
