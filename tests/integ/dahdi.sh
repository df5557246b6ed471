#!/bin/sh
# dahdi.sh: the DAHDI span driver's parts that need no card
# (docs/HARDWARE.md): `centrala core --dahdi-conf` writes the system.conf of
# the configured dahdi spans; a core whose dahdi span cannot be opened (no
# card, no DAHDI here) refuses to start, naming the span and what to check;
# a build without the driver refuses the config clearly. The driver's
# pure parts are tests/unit/test-dahdi's. First, with a virtual span: a
# span's `alarm` (why layer 1 is down), which a card's alarms fill, in
# the status, `ctl status` and the supervisor console's trunks.
. "$top_srcdir/tests/integ/lib.sh"
. "$top_srcdir/tests/integ/tmux.sh"

alarm_has() { status_field "d['spans'][0]['alarm']" | grep -q "$1"; }
start_core
wait_until 10 alarm_has "^waiting for layer 1$" || fail "alarm before the telco: $(status_field "d['spans'][0]")"
console_start 80 24 "$B/centrala-supervisor --state-dir $T"
must_show 10 "^Trunks e1a 0/30 busy ALARM waiting for layer 1" "trunks before the telco"
pstn_bg --duration 60
wait_until 20 span_up || fail "span not up"
[ "$(status_field "repr(d['spans'][0]['alarm'])")" = "''" ] || fail "alarm while up: $(status_field "d['spans'][0]")"
kill "$PSTN_PID"
wait_until 10 field_is "d['spans'][0]['l1']" down || fail "span still up"
alarm_has "socket closed" || fail "alarm after the cut: $(status_field "d['spans'][0]")"
ctl status >"$T/status" || fail "ctl status"
grep -Eq '^e1a +down +down +0/30 +(D|B)-channel socket closed$' "$T/status" || fail "ctl status: $(cat "$T/status")"
must_show 10 "^Trunks e1a 0/30 busy ALARM [DB]-channel socket closed" "trunks after the cut"
pass "a span's alarm: waiting, empty while up, why it went down (status, ctl, supervisor)"

core() { "$B/centrala-core" "$@"; }

cat >"$T/hw.ini" <<'INI'
[span pri1]
driver = dahdi
dahdi_span = 1
[span pri2]
driver = dahdi
dahdi_span = 2
type = t1
switchtype = 5ess
side = network
[span virt]
INI

if ! core -n -c "$T/hw.ini" >"$T/out" 2>&1; then
	grep -q "\[span pri1\] dahdi_span: this centrala was built without the DAHDI driver.*dahdi-source.*driver = vspan" "$T/out" ||
		fail "no-DAHDI build: message: $(cat "$T/out")"
	pass "a build without DAHDI refuses a dahdi span, saying why"
	exit 0
fi
pass "a config with two dahdi spans and a virtual one is OK"

core -c "$T/hw.ini" --dahdi-conf >"$T/system.conf" 2>"$T/out" || fail "--dahdi-conf: $(cat "$T/out")"
grep -v '^#' "$T/system.conf" | grep -v '^$' >"$T/lines"
printf '%s\n' 'span=1,1,0,ccs,hdb3,crc4' 'bchan=1-15,17-31' 'hardhdlc=16' \
	'span=2,0,0,esf,b8zs' 'bchan=32-54' 'hardhdlc=55' 'loadzone = de' \
	'defaultzone = de' >"$T/want"
diff "$T/want" "$T/lines" >"$T/diff" || fail "system.conf: $(cat "$T/diff")"
grep -q '^# \[span pri2\]: T1 mu-law, 5ess, network side, 23 B-channels' "$T/system.conf" ||
	fail "span comment: $(cat "$T/system.conf")"
pass "--dahdi-conf: E1 span 1 from channel 1 (D on 16), T1 span 2 from 32 (D on 55)"

printf '[span pri1]\ndriver = dahdi\ndahdi_span = 2\n' >"$T/gap.ini"
if core -c "$T/gap.ini" --dahdi-conf >"$T/out" 2>&1; then fail "gap accepted"; fi
grep -q "$T/gap.ini: \[span pri1\] dahdi_span: DAHDI span 1 is not configured" "$T/out" ||
	fail "gap: message: $(cat "$T/out")"
pass "a dahdi span above an unconfigured one is refused, file, section and key named"

if [ -e /dev/dahdi/channel ]; then
	pass "# SKIP start without a card: this machine has DAHDI"
	exit 0
fi
if core -c "$T/hw.ini" --state-dir "$T/s" >"$T/out" 2>&1; then fail "core started without DAHDI"; fi
grep -q "span pri1: /dev/dahdi/channel: .*is DAHDI loaded? docs/HARDWARE.md" "$T/out" ||
	fail "start: message: $(cat "$T/out")"
pass "no DAHDI on the machine: the core refuses to start, naming the span and the device"
