# cups.sh: sourced by the tests that print. start_cups starts a real CUPS
# scheduler of the test's own (config, spool and socket in $T/cups, a
# "tofile:PATH" backend that writes each job to PATH) and points lp and
# lpstat at it (CUPS_SERVER); the test adds its queues with lpadmin.

start_cups() {
	CUPSD=$(command -v cupsd || echo /usr/sbin/cupsd)
	[ -x "$CUPSD" ] && command -v lp >/dev/null && command -v lpadmin >/dev/null ||
		fail "CUPS missing: ./bootstrap installs cups-daemon and cups-client"
	C=$T/cups
	mkdir -p "$C/spool" "$C/cache" "$C/state" "$C/tmp" "$C/bin/backend"
	for d in daemon filter notifier; do ln -s "/usr/lib/cups/$d" "$C/bin/$d"; done
	cat >"$C/bin/backend/tofile" <<'SH'
#!/bin/sh
# A CUPS backend: the job to the file named by the URI (tofile:/path).
[ $# -eq 0 ] && { echo 'direct tofile "Unknown" "Centrala test file"'; exit 0; }
out=${DEVICE_URI#tofile:}
if [ $# -ge 6 ]; then cat "$6"; else cat; fi >"$out.part" && mv "$out.part" "$out"
SH
	chmod 700 "$C/bin/backend/tofile"	# 0700: CUPS runs it as root
	cat >"$C/cupsd.conf" <<CONF
LogLevel info
Listen $C/sock
Browsing No
WebInterface No
DefaultAuthType None
<Location />
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
CONF
	cat >"$C/cups-files.conf" <<CONF
ServerRoot $C
ServerBin $C/bin
DataDir /usr/share/cups
RequestRoot $C/spool
CacheDir $C/cache
StateDir $C/state
TempDir $C/tmp
ErrorLog $T/cupsd-error.log
AccessLog $C/access_log
PageLog $C/page_log
SystemGroup root
CONF
	"$CUPSD" -f -c "$C/cupsd.conf" -s "$C/cups-files.conf" 2>>"$T/cupsd.log" &
	PIDS="$PIDS $!"
	export CUPS_SERVER="$C/sock"
	unset PRINTER LPDEST
	scheduler_up() { lpstat -r | grep -q 'is running'; }
	wait_until 20 scheduler_up || fail "cupsd did not come up"
}
